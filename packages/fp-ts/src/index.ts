/**
 * @homeward/fp-ts
 *
 * @since 0.1.0
 */
export {}
