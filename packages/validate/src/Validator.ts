/**
 * Checking one record against its record type: returns the problems of the
 * record (empty when it is valid). Clean records pass a quick test compiled
 * from the Schema (straight-line code that runs the Schema's own checks
 * field by field); only the others go through the full decode that explains
 * every problem with its path and rule.
 *
 * @since 0.1.0
 */
import { Registry, Validation } from "@homeward/core"
import * as Result from "effect/Result"
import * as Fields from "./Fields.js"
import * as FastPath from "./internal/fastPath.js"

/**
 * A record checker: the issues of one record, empty when it is valid.
 *
 * @since 0.1.0
 */
export type Validator = (record: unknown, row?: number) => ReadonlyArray<Validation.ValidationIssue>

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 */
export interface Options {
  /**
   * Dotted paths (`birth.estimated`) of required fields that may be missing:
   * a partial record. `required` issues at those paths are dropped.
   */
  readonly optional?: ReadonlySet<string>
}

const NONE: ReadonlyArray<Validation.ValidationIssue> = []

const dotted = (path: ReadonlyArray<string | number>): string => path.filter((s) => typeof s === "string").join(".")

/**
 * Make the checker of a record type.
 *
 * @example
 * ```ts
 * import { Validator } from "@homeward/validate"
 *
 * const check = Validator.make("child")
 * check({ id: "CH-1" }, 2).map((i) => `${i.row} ${i.pathString}: ${i.message}`)
 * ```
 *
 * @since 0.1.0
 */
export const make = (type: Registry.RecordType, options: Options = {}): Validator => {
  const schema = Registry.records[type]
  const decode = Validation.decoder(schema)
  const optional = options.optional ?? new Set<string>()
  // a group may be missing as a whole when every required leaf under it may be
  const leaves = Fields.requiredLeaves(Fields.describe(type))
  const groups = new Set<string>()
  for (const o of optional) {
    const parts = o.split(".")
    for (let k = 1; k < parts.length; k++) {
      const g = parts.slice(0, k).join(".")
      if (leaves.filter((l) => l.startsWith(`${g}.`)).every((l) => optional.has(l))) groups.add(g)
    }
  }
  const clean = FastPath.compile(schema, { optional: new Set([...optional, ...groups]) })
  const exempt = (d: string): boolean =>
    optional.has(d) || groups.has(d) || [...optional].some((o) => d.startsWith(`${o}.`))
  if (optional.size === 0) {
    return (record, row) => {
      if (clean(record)) return NONE
      const r = decode(record, row)
      return Result.isFailure(r) ? r.failure : NONE
    }
  }
  return (record, row) => {
    if (clean(record)) return NONE
    const r = decode(record, row)
    if (Result.isSuccess(r)) return NONE
    const kept = r.failure.filter((i) => i.rule !== "required" || !exempt(dotted(i.path)))
    return kept.length === 0 ? NONE : kept
  }
}
