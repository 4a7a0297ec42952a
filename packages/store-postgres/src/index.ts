/**
 * @homeward/store-postgres
 *
 * @since 0.1.0
 */
export {}
