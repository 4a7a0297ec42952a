/**
 * @homeward/report
 *
 * @since 0.1.0
 */
export {}
