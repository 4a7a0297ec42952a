/**
 * The `homeward` command.
 *
 * @since 0.1.0
 */
console.log("homeward: not yet")
