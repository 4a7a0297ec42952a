/**
 * Exit codes shared by the subcommands: 0 clean, 1 problems found, 2 unusable input.
 *
 * @since 0.1.0
 */

/**
 * Set the process exit code (the process ends normally, flushing output).
 *
 * @since 0.1.0
 */
export const exitWith = (code: 0 | 1 | 2): void => {
  process.exitCode = code
}

/**
 * Print a one-line reason on stderr and exit with 2.
 *
 * @since 0.1.0
 */
export const unusable = (reason: string): void => {
  process.stderr.write(`homeward: ${reason.replace(/\s*\n\s*/g, " ")}\n`)
  exitWith(2)
}
