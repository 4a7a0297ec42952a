/**
 * The field model of a record type, from `@homeward/validate` (where it now
 * lives), re-exported so that `Fields` of `@homeward/cli` keeps working.
 *
 * @since 0.1.0
 */
import type { Registry } from "@homeward/core"
import { Fields } from "@homeward/validate"

/**
 * @since 0.1.0
 */
export type Kind = Fields.Kind

/**
 * @since 0.1.0
 */
export type Field = Fields.Field

/**
 * @since 0.1.0
 */
export const describe: (type: Registry.RecordType) => Field = Fields.describe

/**
 * @since 0.1.0
 */
export const at: (root: Field, path: ReadonlyArray<string | number>) => Field | undefined = Fields.at

/**
 * @since 0.1.0
 */
export const isShowable: (root: Field, path: ReadonlyArray<string | number>) => boolean = Fields.isShowable

/**
 * @since 0.1.0
 */
export const requiredLeaves: (root: Field) => ReadonlyArray<string> = Fields.requiredLeaves

/**
 * @since 0.1.0
 */
export const kindLabel: (f: Field) => string = Fields.kindLabel
