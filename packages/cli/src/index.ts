/**
 * @homeward/cli
 *
 * @since 0.1.0
 */
export {}
