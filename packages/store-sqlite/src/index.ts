/**
 * @homeward/store-sqlite
 *
 * @since 0.1.0
 */
export {}
