/**
 * The field model of a record type, from `@homeward/validate` (where it now
 * lives), re-exported so that `Fields` of `@homeward/cli` keeps working.
 *
 * @since 0.1.0
 */
import type { Registry } from "@homeward/core"
import { Fields } from "@homeward/validate"

/**
 * What a field holds: a text, a number, a date, a choice among literals, a
 * boolean, a record of fields or a list (`Fields.Kind` of `@homeward/validate`).
 *
 * @since 0.1.0
 */
export type Kind = Fields.Kind

/**
 * One field of a record type, with its kind, whether it is required, whether
 * it is sensitive and its children (`Fields.Field` of `@homeward/validate`).
 *
 * @since 0.1.0
 */
export type Field = Fields.Field

/**
 * The field tree of a record type (`Fields.describe` of `@homeward/validate`).
 *
 * @example
 * ```ts
 * import { Fields } from "@homeward/cli"
 *
 * const child = Fields.describe("child")
 * Fields.requiredLeaves(child).includes("id") // true
 * ```
 *
 * @since 0.1.0
 */
export const describe: (type: Registry.RecordType) => Field = Fields.describe

/**
 * The field at a path of a field tree, or `undefined` when there is none
 * (list indices step into the list's element).
 *
 * @example
 * ```ts
 * import { Fields } from "@homeward/cli"
 *
 * Fields.at(Fields.describe("child"), ["birth", "date"])?.format // "date"
 * ```
 *
 * @since 0.1.0
 */
export const at: (root: Field, path: ReadonlyArray<string | number>) => Field | undefined = Fields.at

/**
 * Whether the value at a path may be shown in a report: false for sensitive
 * fields (names, addresses, phones, free-text notes) and unknown paths.
 *
 * @example
 * ```ts
 * import { Fields } from "@homeward/cli"
 *
 * const child = Fields.describe("child")
 * Fields.isShowable(child, ["sex"]) // true
 * Fields.isShowable(child, ["givenName"]) // false: a name
 * ```
 *
 * @since 0.1.0
 */
export const isShowable: (root: Field, path: ReadonlyArray<string | number>) => boolean = Fields.isShowable

/**
 * The dotted paths of the required leaf fields of a field tree (the columns a
 * sheet must have).
 *
 * @example
 * ```ts
 * import { Fields } from "@homeward/cli"
 *
 * Fields.requiredLeaves(Fields.describe("child")) // ["id", "birth.date", …]
 * ```
 *
 * @since 0.1.0
 */
export const requiredLeaves: (root: Field) => ReadonlyArray<string> = Fields.requiredLeaves

/**
 * A short human label for a field's kind (for the `schema` command's tables).
 *
 * @example
 * ```ts
 * import { Fields } from "@homeward/cli"
 *
 * const sex = Fields.at(Fields.describe("child"), ["sex"])
 * if (sex !== undefined) console.log(Fields.kindLabel(sex))
 * ```
 *
 * @since 0.1.0
 */
export const kindLabel: (f: Field) => string = Fields.kindLabel
