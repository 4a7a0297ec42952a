/**
 * The error that says an input cannot be validated at all (the CLI's exit
 * code 2): an empty or binary file, text that is not UTF-8, a quoted cell
 * that never closes, a row longer than the caps, a file without a header
 * row, an unknown record type or a mapping that does not fit. Its message is
 * one plain sentence and never contains a value from the file.
 *
 * @since 0.1.0
 */

/**
 * Why an input is unusable, for programs (the message is for people).
 *
 * @since 0.1.0
 */
export type Code =
  | "empty"
  | "binary"
  | "encoding"
  | "malformed"
  | "too-large"
  | "no-header"
  | "record-type"
  | "mapping"
  | "options"
  | "not-found"
  | "permission"
  | "unreadable"

/**
 * The input cannot be validated at all.
 *
 * @example
 * ```ts
 * import { Unusable } from "@homeward/validate"
 *
 * const e = new Unusable.UnusableInput("the file is empty", "empty")
 * e.code // "empty"
 * ```
 *
 * @since 0.1.0
 */
export class UnusableInput extends Error {
  override readonly name = "UnusableInput"
  readonly code: Code
  constructor(message: string, code: Code = "unreadable") {
    super(message)
    this.code = code
  }
}

/**
 * Whether a value is an {@link UnusableInput} (also across copies of this package).
 *
 * @example
 * ```ts
 * import { Unusable } from "@homeward/validate"
 *
 * try {
 *   JSON.parse("{")
 * } catch (e) {
 *   Unusable.isUnusableInput(e) // false: a SyntaxError
 * }
 * ```
 *
 * @since 0.1.0
 */
export const isUnusableInput = (u: unknown): u is UnusableInput =>
  u instanceof UnusableInput ||
  (typeof u === "object" && u !== null && (u as { name?: unknown }).name === "UnusableInput" && u instanceof Error)
