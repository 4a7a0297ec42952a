/**
 * Mapping files: how an NGO's own spreadsheet headers and codes map to
 * Homeward fields and values.
 *
 * ```json
 * {
 *   "columns": { "Child code": "id", "DOB": "birth.date", "Sibling codes": "siblingIds" },
 *   "values": { "sex": { "F": "female", "M": "male" } },
 *   "ignore": ["Row colour"]
 * }
 * ```
 *
 * `columns` maps a header (exactly as written, surrounding spaces ignored)
 * to a field path; `values` maps, per field path, a cell value to the value
 * Homeward expects (matched case-insensitively after trimming); `ignore`
 * lists headers to skip without a warning. Headers not in `columns` are used
 * as field paths themselves. The mapping is checked against the record type:
 * a target that names no field is an error.
 *
 * @since 0.1.0
 */
import type { Registry } from "@homeward/core"
import { Result, Schema } from "effect"
import * as Fields from "./Fields.js"

/**
 * The shape of a mapping file.
 *
 * @since 0.1.0
 */
export const MappingFile = Schema.Struct({
  columns: Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
  values: Schema.optionalKey(Schema.Record(Schema.String, Schema.Record(Schema.String, Schema.String))),
  ignore: Schema.optionalKey(Schema.Array(Schema.String))
})

/**
 * A checked mapping.
 *
 * @since 0.1.0
 */
export interface Mapping {
  /** Header (trimmed) → field path. */
  readonly columns: ReadonlyMap<string, string>
  /** Field path (list indices removed) → lower-cased cell value → value. */
  readonly values: ReadonlyMap<string, ReadonlyMap<string, string>>
  /** Headers (trimmed) to skip. */
  readonly ignore: ReadonlySet<string>
}

/**
 * The identity mapping.
 *
 * @since 0.1.0
 */
export const empty: Mapping = { columns: new Map(), values: new Map(), ignore: new Set() }

/**
 * Split a header or field path into segments: `members.0.relationship` →
 * `["members", 0, "relationship"]`; `siblingIds[1]` is accepted too.
 *
 * @since 0.1.0
 */
export const parsePath = (p: string): Array<string | number> =>
  p
    .trim()
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((s) => s.length > 0)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))

/**
 * A field path without list indices (`members.relationship`), the key of `values`.
 *
 * @since 0.1.0
 */
export const valueKey = (path: ReadonlyArray<string | number>): string =>
  path.filter((s) => typeof s === "string").join(".")

/**
 * Check a parsed mapping file against a record type. Fails with plain
 * sentences, one per mistake.
 *
 * @since 0.1.0
 */
export const fromJson = (json: unknown, type: Registry.RecordType): Result.Result<Mapping, ReadonlyArray<string>> => {
  const decoded = Schema.decodeUnknownResult(MappingFile)(json, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(decoded)) {
    return Result.fail([
      `the mapping file must be an object with "columns" (header → field), "values" (field → { cell value → value }) and "ignore" (list of headers): ${firstLine(String(decoded.failure.message))}`
    ])
  }
  const root = Fields.describe(type)
  const problems: Array<string> = []
  const columns = new Map<string, string>()
  for (const [header, target] of Object.entries(decoded.success.columns ?? {})) {
    const path = parsePath(target)
    if (path.length === 0 || Fields.at(root, path) === undefined) {
      problems.push(`column "${header}" maps to "${target}", which is not a field of ${type}`)
      continue
    }
    columns.set(header.trim(), target.trim())
  }
  const values = new Map<string, Map<string, string>>()
  for (const [target, table] of Object.entries(decoded.success.values ?? {})) {
    const path = parsePath(target)
    const f = Fields.at(root, path)
    if (f === undefined) {
      problems.push(`"values" names "${target}", which is not a field of ${type}`)
      continue
    }
    const leaf = f.kind === "list" && f.items !== undefined ? f.items : f
    const m = new Map<string, string>()
    for (const [from, to] of Object.entries(table)) {
      if (leaf.kind === "choice" && leaf.choices !== undefined && !leaf.choices.includes(to)) {
        problems.push(`"values" of "${target}" maps a code to "${to}", which is not one of: ${leaf.choices.join(", ")}`)
      }
      m.set(from.trim().toLowerCase(), to)
    }
    values.set(valueKey(path), m)
  }
  return problems.length > 0
    ? Result.fail(problems)
    : Result.succeed({ columns, values, ignore: new Set((decoded.success.ignore ?? []).map((h) => h.trim())) })
}

const firstLine = (s: string): string => s.split("\n")[0] ?? s
