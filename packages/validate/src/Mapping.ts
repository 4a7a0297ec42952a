/**
 * Mapping files: how an NGO's own spreadsheet headers and codes map to
 * Homeward records, fields and values.
 *
 * One record per row (the first form, with `--as TYPE`):
 *
 * ```json
 * {
 *   "columns": { "Child code": "id", "DOB": "birth.date", "Sibling codes": "siblingIds" },
 *   "values": { "sex": { "F": "female", "M": "male" } },
 *   "ignore": ["Row colour"]
 * }
 * ```
 *
 * Several records per row (a flat export: child + case + household …):
 *
 * ```json
 * {
 *   "records": {
 *     "child": { "columns": { "Child code": "id", "DOB": "birth.date", "Sex": "sex" } },
 *     "case": {
 *       "columns": { "Case no": "id", "Admitted": "placement.since" },
 *       "constants": { "placement.type": "residential-care" },
 *       "links": { "childId": "child" },
 *       "partial": true
 *     },
 *     "household": { "id": "generate", "columns": { "Province": "location.province" }, "partial": true }
 *   },
 *   "extra": { "Poverty only": { "kind": "yes-no" }, "Status": { "kind": "choice", "choices": ["Active", "Exited"] } },
 *   "ignore": ["Phone"]
 * }
 * ```
 *
 * `columns` maps a header (as written, surrounding spaces ignored) to a field
 * path; `values` maps, per field path, a cell value to the value Homeward
 * expects (matched case-insensitively after trimming); `ignore` lists headers
 * to skip without a warning. In the first form, headers not in `columns` are
 * used as field paths themselves; in the second, as `<record>.<path>`.
 * `constants` fills fields the export does not hold, `links` fills a field
 * with the id of another record of the same row, `"id": "generate"` gives a
 * record without an id column one made from its name, file and row,
 * `partial` checks only the fields the file has (a required field with no
 * column is not reported), `from` limits a record to some files or sheets
 * and `"unique": false` lets rows share a record (a household several
 * children come from). `extra` declares columns outside every record with
 * their kind and allowed values; `subject` names the column that holds the
 * child's id in files without child records; `unmapped: "ignore"` skips
 * headers the mapping does not name without a warning (for exports with
 * hundreds of columns). The mapping is checked against the record types
 * first: a target that names no field is an error.
 *
 * @since 0.1.0
 */
import { Registry } from "@homeward/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Fields from "./Fields.js"

/**
 * Order of day and month in slash dates (`31/12/2018`), when the sheet uses them.
 *
 * @since 0.1.0
 */
export type DateOrder = "iso" | "dmy" | "mdy"

/**
 * Kinds of an extra column.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Mapping } from "@homeward/validate"
 *
 * Schema.is(Mapping.ExtraKind)("yes-no") // true
 * Schema.is(Mapping.ExtraKind)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const ExtraKind = Schema.Literals(["yes-no", "choice", "date", "integer", "number", "text", "id"])

/**
 * Kinds of an extra column (the type of the `ExtraKind` Schema).
 *
 * @since 0.1.0
 */
export type ExtraKind = typeof ExtraKind.Type

/**
 * Where a date stands in a child's history, for the dates-in-order check:
 * born ≤ admitted ≤ opened ≤ visit; an `event` only has to come after birth.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Mapping } from "@homeward/validate"
 *
 * Schema.is(Mapping.Stage)("born") // true
 * Schema.is(Mapping.Stage)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const Stage = Schema.Literals(["born", "admitted", "opened", "visit", "event"])

/**
 * Where a date stands in a child's history, for the dates-in-order check (the type of the `Stage` Schema).
 *
 * @since 0.1.0
 */
export type Stage = typeof Stage.Type

const StringMap = Schema.Record(Schema.String, Schema.String)

const ExtraColumnFile = Schema.Struct({
  kind: Schema.optionalKey(ExtraKind),
  choices: Schema.optionalKey(Schema.Array(Schema.String)),
  values: Schema.optionalKey(StringMap),
  required: Schema.optionalKey(Schema.Boolean),
  sensitive: Schema.optionalKey(Schema.Boolean),
  stage: Schema.optionalKey(Stage),
  from: Schema.optionalKey(Schema.Array(Schema.String))
})

const RecordFile = Schema.Struct({
  type: Schema.optionalKey(Schema.String),
  columns: Schema.optionalKey(StringMap),
  values: Schema.optionalKey(Schema.Record(Schema.String, StringMap)),
  constants: Schema.optionalKey(
    Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Number, Schema.Boolean]))
  ),
  links: Schema.optionalKey(StringMap),
  id: Schema.optionalKey(Schema.Literals(["generate"])),
  partial: Schema.optionalKey(Schema.Boolean),
  unique: Schema.optionalKey(Schema.Boolean),
  from: Schema.optionalKey(Schema.Array(Schema.String))
})

/**
 * The shape of a mapping file (both forms).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Mapping } from "@homeward/validate"
 *
 * const r = Validation.decodeUnknown(Mapping.MappingFile, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const MappingFile = Schema.Struct({
  $schema: Schema.optionalKey(Schema.String),
  description: Schema.optionalKey(Schema.String),
  source: Schema.optionalKey(Schema.Unknown),
  columns: Schema.optionalKey(StringMap),
  values: Schema.optionalKey(Schema.Record(Schema.String, StringMap)),
  ignore: Schema.optionalKey(Schema.Array(Schema.String)),
  records: Schema.optionalKey(Schema.Record(Schema.String, RecordFile)),
  extra: Schema.optionalKey(Schema.Record(Schema.String, ExtraColumnFile)),
  subject: Schema.optionalKey(Schema.String),
  unmapped: Schema.optionalKey(Schema.Literals(["warn", "ignore"])),
  dates: Schema.optionalKey(Schema.Literals(["iso", "dmy", "mdy"]))
})

/**
 * The shape of a mapping file (both forms; the type of the `MappingFile` Schema).
 *
 * @since 0.1.0
 */
export type MappingFile = typeof MappingFile.Type

/**
 * A checked mapping for one record type (the first form).
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
 * One record a row gives.
 *
 * @since 0.1.0
 */
export interface RecordMapping extends Mapping {
  /** Name of the record in the mapping (`child`, `case`, `household` …), used in problems. */
  readonly name: string
  readonly type: Registry.RecordType
  /** Fixed values for fields the export does not hold. */
  readonly constants: ReadonlyArray<{ readonly path: ReadonlyArray<string | number>; readonly value: unknown }>
  /** Fields filled with the id of another record of the same row. */
  readonly links: ReadonlyArray<{ readonly path: ReadonlyArray<string | number>; readonly record: string }>
  /** Give the record an id made of its name, file and row when no column fills `id`. */
  readonly generateId: boolean
  /** Check only the fields the file has. */
  readonly partial: boolean
  /** Rows may share one record (same id on several rows). */
  readonly unique: boolean
  /** Files (base names) or sheets this record is read from; all when absent. */
  readonly from?: ReadonlyArray<string>
}

/**
 * A column outside every record, declared with its kind and allowed values.
 *
 * @since 0.1.0
 */
export interface ExtraColumn {
  readonly header: string
  readonly kind: ExtraKind
  readonly choices?: ReadonlyArray<string>
  /** Lower-cased cell value → value. */
  readonly values: ReadonlyMap<string, string>
  readonly required: boolean
  readonly sensitive: boolean
  readonly stage?: Stage
  readonly from?: ReadonlyArray<string>
}

/**
 * A checked mapping for a whole dataset: the records each row gives, extra
 * columns and what to do with the other headers.
 *
 * @since 0.1.0
 */
export interface DatasetMapping {
  readonly records: ReadonlyArray<RecordMapping>
  /** Extra columns by header (trimmed). */
  readonly extra: ReadonlyMap<string, ExtraColumn>
  readonly ignore: ReadonlySet<string>
  /** `warn` (default): a header nothing uses is a warning; `ignore`: skipped silently. */
  readonly unmapped: "warn" | "ignore"
  /** Header of the column holding the child's id in rows without a child record. */
  readonly subject?: string
  readonly dates?: DateOrder
  /** First form: headers not in `columns` are field paths of the one record. */
  readonly identity: boolean
  /** Where the mapping comes from (presets cite their source). */
  readonly source?: unknown
}

/**
 * Split a header or field path into segments: `members.0.relationship` →
 * `["members", 0, "relationship"]`; `siblingIds[1]` is accepted too.
 *
 * @example
 * ```ts
 * import { Mapping } from "@homeward/validate"
 *
 * Mapping.parsePath("members.0.relationship") // ["members", 0, "relationship"]
 * Mapping.parsePath("siblingIds[1]") // ["siblingIds", 1]
 * ```
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
 * @example
 * ```ts
 * import { Mapping } from "@homeward/validate"
 *
 * Mapping.valueKey(["members", 0, "relationship"]) // "members.relationship"
 * ```
 *
 * @since 0.1.0
 */
export const valueKey = (path: ReadonlyArray<string | number>): string =>
  path.filter((s) => typeof s === "string").join(".")

const firstLine = (s: string): string => s.split("\n")[0] ?? s

const decodeFile = (json: unknown): Result.Result<MappingFile, ReadonlyArray<string>> => {
  const decoded = Schema.decodeUnknownResult(MappingFile)(json, { errors: "all", onExcessProperty: "error" })
  return Result.isFailure(decoded)
    ? Result.fail([
        `the mapping file must be an object with "columns" (header → field), "values" (field → { cell value → value }) and "ignore" (list of headers), or "records" (record → its columns): ${firstLine(String(decoded.failure.message))}`
      ])
    : Result.succeed(decoded.success)
}

const checkColumns = (
  columns: Readonly<Record<string, string>>,
  root: Fields.Field,
  what: string,
  problems: Array<string>
): Map<string, string> => {
  const out = new Map<string, string>()
  for (const [header, target] of Object.entries(columns)) {
    const path = parsePath(target)
    if (path.length === 0 || Fields.at(root, path) === undefined) {
      problems.push(`column "${header}" maps to "${target}", which is not a field of ${what}`)
      continue
    }
    out.set(header.trim(), target.trim())
  }
  return out
}

const checkValues = (
  values: Readonly<Record<string, Readonly<Record<string, string>>>>,
  root: Fields.Field,
  what: string,
  problems: Array<string>
): Map<string, Map<string, string>> => {
  const out = new Map<string, Map<string, string>>()
  for (const [target, table] of Object.entries(values)) {
    const path = parsePath(target)
    const f = Fields.at(root, path)
    if (f === undefined) {
      problems.push(`"values" names "${target}", which is not a field of ${what}`)
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
    out.set(valueKey(path), m)
  }
  return out
}

/**
 * Check a parsed mapping file (the first form) against a record type.
 * Fails with plain sentences, one per mistake.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Mapping } from "@homeward/validate"
 *
 * const r = Mapping.fromJson({ columns: { "Child code": "id", Gender: "gender" } }, "child")
 * if (Result.isFailure(r)) console.log(r.failure.join("\n"))
 * // column "Gender" maps to "gender", which is not a field of child
 * ```
 *
 * @since 0.1.0
 */
export const fromJson = (json: unknown, type: Registry.RecordType): Result.Result<Mapping, ReadonlyArray<string>> => {
  const r = datasetFromJson(json, { as: type })
  if (Result.isFailure(r)) return Result.fail(r.failure)
  const rec = r.success.records[0]
  if (r.success.records.length !== 1 || rec === undefined) {
    return Result.fail([`the mapping describes ${r.success.records.length} records; expected one ${type} record`])
  }
  return Result.succeed({ columns: rec.columns, values: rec.values, ignore: r.success.ignore })
}

/**
 * Options of {@link datasetFromJson}.
 *
 * @since 0.1.0
 */
export interface DatasetOptions {
  /** The record type of a first-form mapping (`--as`); with `records`, keeps only records of this type when given. */
  readonly as?: Registry.RecordType
}

const checkExtra = (extra: NonNullable<MappingFile["extra"]>, problems: Array<string>): Map<string, ExtraColumn> => {
  const out = new Map<string, ExtraColumn>()
  for (const [header, spec] of Object.entries(extra)) {
    const kind: ExtraKind = spec.kind ?? (spec.choices !== undefined ? "choice" : "text")
    if (kind === "choice" && (spec.choices === undefined || spec.choices.length === 0)) {
      problems.push(`extra column "${header}" is a choice but lists no "choices"`)
      continue
    }
    if (spec.stage !== undefined && kind !== "date") {
      problems.push(`extra column "${header}" has a "stage" but is not a date`)
    }
    const values = new Map<string, string>()
    for (const [from, to] of Object.entries(spec.values ?? {})) {
      if (kind === "choice" && !(spec.choices ?? []).includes(to)) {
        problems.push(`"values" of extra column "${header}" maps a code to "${to}", which is not one of its choices`)
      }
      values.set(from.trim().toLowerCase(), to)
    }
    out.set(header.trim(), {
      header: header.trim(),
      kind,
      ...(spec.choices !== undefined ? { choices: spec.choices } : {}),
      values,
      required: spec.required ?? false,
      sensitive: spec.sensitive ?? false,
      ...(spec.stage !== undefined ? { stage: spec.stage } : {}),
      ...(spec.from !== undefined ? { from: spec.from } : {})
    })
  }
  return out
}

/**
 * Check a parsed mapping file of either form for a dataset. A first-form
 * mapping needs `options.as`. Fails with plain sentences, one per mistake.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Mapping } from "@homeward/validate"
 *
 * const m = Mapping.datasetFromJson({
 *   records: {
 *     child: { columns: { "Child code": "id", DOB: "birth.date" }, partial: true },
 *     case: { id: "generate", columns: { Admitted: "placement.since" }, links: { childId: "child" }, partial: true }
 *   }
 * })
 * Result.isSuccess(m) // true
 * ```
 *
 * @since 0.1.0
 */
export const datasetFromJson = (
  json: unknown,
  options: DatasetOptions = {}
): Result.Result<DatasetMapping, ReadonlyArray<string>> => {
  const decoded = decodeFile(json)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
  const file = decoded.success
  const problems: Array<string> = []
  const records: Array<RecordMapping> = []
  const extra = checkExtra(file.extra ?? {}, problems)
  if (file.records !== undefined) {
    if (file.columns !== undefined || file.values !== undefined) {
      problems.push(`a mapping with "records" gives each record its own "columns" and "values"`)
    }
    const names = Object.keys(file.records)
    for (const [name, spec] of Object.entries(file.records)) {
      const typeName = spec.type ?? name
      if (!Registry.isRecordType(typeName)) {
        problems.push(
          `record "${name}" has type "${typeName}", which is not a record type (use one of: ${Registry.recordTypes.join(", ")})`
        )
        continue
      }
      if (options.as !== undefined && typeName !== options.as) continue
      if (!/^[A-Za-z][A-Za-z0-9-]{0,31}$/.test(name)) {
        problems.push(`record name "${name}" must be letters, digits or - (at most 32)`)
        continue
      }
      const root = Fields.describe(typeName)
      const what = `${typeName} (record "${name}")`
      const columns = checkColumns(spec.columns ?? {}, root, what, problems)
      const values = checkValues(spec.values ?? {}, root, what, problems)
      const constants: Array<{ path: Array<string | number>; value: unknown }> = []
      for (const [target, value] of Object.entries(spec.constants ?? {})) {
        const path = parsePath(target)
        const f = Fields.at(root, path)
        if (f === undefined) problems.push(`"constants" names "${target}", which is not a field of ${what}`)
        else if (f.kind === "choice" && !(f.choices ?? []).includes(String(value))) {
          problems.push(`"constants" sets "${target}" to a value that is not one of: ${(f.choices ?? []).join(", ")}`)
        } else constants.push({ path, value })
      }
      const links: Array<{ path: Array<string | number>; record: string }> = []
      for (const [target, other] of Object.entries(spec.links ?? {})) {
        const path = parsePath(target)
        if (Fields.at(root, path) === undefined)
          problems.push(`"links" names "${target}", which is not a field of ${what}`)
        else if (!names.includes(other) || other === name) {
          problems.push(`"links" of record "${name}" points to "${other}", which is not another record of this mapping`)
        } else links.push({ path, record: other })
      }
      const idMapped = [...columns.values()].some((t) => t === "id")
      if (spec.id === "generate" && idMapped) {
        problems.push(`record "${name}" maps a column to "id" and also asks to generate ids; choose one`)
      }
      records.push({
        name,
        type: typeName,
        columns,
        values,
        ignore: new Set(),
        constants,
        links,
        generateId: spec.id === "generate",
        partial: spec.partial ?? false,
        unique: spec.unique ?? true,
        ...(spec.from !== undefined ? { from: spec.from } : {})
      })
    }
    if (records.length === 0 && problems.length === 0) {
      problems.push(
        options.as === undefined ? `the mapping has no records` : `the mapping has no record of type ${options.as}`
      )
    }
  } else {
    if (options.as === undefined) {
      problems.push(`give the record type (--as) or describe the records in the mapping ("records")`)
    } else {
      const root = Fields.describe(options.as)
      records.push({
        name: options.as,
        type: options.as,
        columns: checkColumns(file.columns ?? {}, root, options.as, problems),
        values: checkValues(file.values ?? {}, root, options.as, problems),
        ignore: new Set(),
        constants: [],
        links: [],
        generateId: false,
        partial: false,
        unique: true
      })
    }
  }
  const ignore = new Set((file.ignore ?? []).map((h) => h.trim()))
  return problems.length > 0
    ? Result.fail(problems)
    : Result.succeed({
        records,
        extra,
        ignore,
        unmapped: file.unmapped ?? "warn",
        ...(file.subject !== undefined ? { subject: file.subject.trim() } : {}),
        ...(file.dates !== undefined ? { dates: file.dates } : {}),
        identity: file.records === undefined,
        ...(file.source !== undefined ? { source: file.source } : {})
      })
}

/**
 * The dataset mapping of one record type with a first-form mapping (or none).
 *
 * @example
 * ```ts
 * import { Dataset, Mapping } from "@homeward/validate"
 *
 * const session = Dataset.make({ mapping: Mapping.single("child"), asOf: new Date("2024-01-31") })
 * ```
 *
 * @since 0.1.0
 */
export const single = (type: Registry.RecordType, mapping: Mapping = empty): DatasetMapping => ({
  records: [
    {
      name: type,
      type,
      columns: mapping.columns,
      values: mapping.values,
      ignore: new Set(),
      constants: [],
      links: [],
      generateId: false,
      partial: false,
      unique: true
    }
  ],
  extra: new Map(),
  ignore: mapping.ignore,
  unmapped: "warn",
  identity: true
})
