/**
 * Turning a flat row (CSV or spreadsheet) into nested records.
 *
 * Headers name field paths: `birth.date` fills `{ birth: { date } }`;
 * a number segment indexes a list (`siblingIds.0`, `members.0.relationship`,
 * `siblingIds[0]` also works; at most {@link maxListIndex}). A cell under a
 * list header without an index (`siblingIds`, `disabilities`) is split on
 * `;` or `|`. Cells are read by the field's kind: whole numbers and numbers
 * from digits; yes/no from `true/false/yes/no/y/n/1/0` in any case; choices
 * match case-insensitively; an empty cell leaves the field out. Dates stay
 * text (`YYYY-MM-DD`) and are checked by the record's Schema; a date with
 * the month written in English (`14 March 2010`, `Mar 14, 2010`) is
 * converted; `DD/MM/YYYY` is converted only when the caller declares the
 * order (`dates: "dmy"` or `"mdy"`), otherwise the problem says how to fix
 * it. A cell under a group or a list of groups may hold JSON.
 *
 * With a dataset mapping ({@link Mapping.DatasetMapping}) one row gives
 * several records ({@link planFile}, {@link toRecords}): each record takes
 * its own columns, constants, links to the other records of the row and,
 * when asked, a generated id.
 *
 * @since 0.1.0
 */
import type { Registry } from "@homeward/core"
import * as Fields from "./Fields.js"
import * as Mapping from "./Mapping.js"

/**
 * The largest list index a header may use (`siblingIds.999`): a header such
 * as `siblingIds.4294967294` would otherwise make a list of four billion
 * slots.
 *
 * @since 0.1.0
 */
export const maxListIndex = 999

/**
 * How one column is used by one record.
 *
 * @since 0.1.0
 */
export interface Column {
  readonly index: number
  /** The header exactly as written. */
  readonly header: string
  /** Target field path. */
  readonly path: ReadonlyArray<string | number>
  /** Dotted target path with list indices in brackets (`members[0].relationship`). */
  readonly pathString: string
  /** The path without list indices (`members.relationship`), the key of a mapping's `values`. */
  readonly key: string
  /** `undefined` when the column names no field (then it is skipped). */
  readonly field: Fields.Field | undefined
  /** `index`: a list index above {@link maxListIndex}. */
  readonly status: "field" | "unknown" | "ignored" | "duplicate" | "index"
}

/**
 * Columns of a file for one record type, plus the required fields no
 * column provides.
 *
 * @since 0.1.0
 */
export interface Plan {
  readonly type: Registry.RecordType
  readonly root: Fields.Field
  readonly columns: ReadonlyArray<Column>
  /** Required fields (dotted paths) that no column, constant, link or generated id fills. */
  readonly missing: ReadonlyArray<string>
  readonly mapping: Mapping.Mapping
  readonly dates: DateOrder
}

/**
 * Order of day and month in slash dates (`31/12/2018`), when the sheet uses them.
 *
 * @since 0.1.0
 */
export type DateOrder = Mapping.DateOrder

/**
 * `a.b[2].c` from a path.
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * Rows.pathString(["members", 2, "relationship"]) // "members[2].relationship"
 * ```
 *
 * @since 0.1.0
 */
export const pathString = (path: ReadonlyArray<string | number>): string =>
  path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc === "" ? k : `${acc}.${k}`), "")

/**
 * The spreadsheet letter of a column (0 → `A`, 26 → `AA`).
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * Rows.columnLetter(0) // "A"
 * Rows.columnLetter(26) // "AA"
 * ```
 *
 * @since 0.1.0
 */
export const columnLetter = (index: number): string => {
  let n = index + 1
  let s = ""
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/**
 * How a column whose header may be data is named in problems: by its
 * position (`column C`), never by its text.
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * Rows.columnLabel(2) // "column C"
 * ```
 *
 * @since 0.1.0
 */
export const columnLabel = (index: number): string => `column ${columnLetter(index)}`

const tooDeep = (path: ReadonlyArray<string | number>): boolean =>
  path.some((s) => typeof s === "number" && s > maxListIndex)

const planColumns = (
  headers: ReadonlyArray<string>,
  root: Fields.Field,
  target: (h: string) => string | undefined,
  skip: (h: string) => boolean
): Array<Column> => {
  const seen = new Set<string>()
  return headers.map((header, index): Column => {
    const h = header.trim()
    const t = target(h)
    const path = t === undefined ? [] : Mapping.parsePath(t)
    const ps = pathString(path)
    const base = { index, header, path, pathString: ps, key: Mapping.valueKey(path) }
    if (t === undefined || h === "" || skip(h)) return { ...base, field: undefined, status: "ignored" }
    if (tooDeep(path)) return { ...base, field: undefined, status: "index" }
    const field = path.length === 0 ? undefined : Fields.at(root, path)
    if (field === undefined) return { ...base, field, status: "unknown" }
    if (seen.has(ps)) return { ...base, field: undefined, status: "duplicate" }
    seen.add(ps)
    return { ...base, field, status: "field" }
  })
}

const missingLeaves = (root: Fields.Field, provided: ReadonlyArray<string>): Array<string> =>
  Fields.requiredLeaves(root).filter((leaf) => !provided.some((p) => p === leaf || leaf.startsWith(`${p}.`)))

/**
 * Plan the columns of a header row for one record type.
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * const p = Rows.plan(["id", "birth.date", "sex"], "child")
 * p.missing // the required fields no column fills, e.g. "birth.estimated" and "school"
 * ```
 *
 * @since 0.1.0
 */
export const plan = (
  headers: ReadonlyArray<string>,
  type: Registry.RecordType,
  mapping: Mapping.Mapping = Mapping.empty,
  dates: DateOrder = "iso"
): Plan => {
  const root = Fields.describe(type)
  const columns = planColumns(
    headers,
    root,
    (h) => mapping.columns.get(h) ?? h,
    (h) => mapping.ignore.has(h)
  )
  const provided = columns.filter((c) => c.status === "field").map((c) => Mapping.valueKey(c.path))
  return { type, root, columns, missing: missingLeaves(root, provided), mapping, dates }
}

/**
 * A note attached to a cell while reading it, added to the Schema's message
 * for the same field (e.g. how to write a date).
 *
 * @since 0.1.0
 */
export interface CellHint {
  readonly path: string
  readonly hint: string
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4})$/
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.?[ -](\d{1,2}),?[ -]+(\d{4})$/
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december"
]
const TRUE = new Set(["true", "yes", "y", "1"])
const FALSE = new Set(["false", "no", "n", "0"])

const pad = (n: number, w = 2) => String(n).padStart(w, "0")

const monthNumber = (name: string): number => {
  const l = name.toLowerCase()
  const full = MONTH_NAMES.indexOf(l)
  if (full >= 0) return full + 1
  const short = MONTHS.indexOf(l.slice(0, 3))
  return short >= 0 && (l.length === 3 || (l === "sept" && short === 8)) ? short + 1 : 0
}

/**
 * A date written with an English month name (`14 March 2010`, `14-Mar-2010`,
 * `March 14, 2010`) as `YYYY-MM-DD`; `undefined` for anything else.
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * Rows.textDate("14 March 2010") // "2010-03-14"
 * Rows.textDate("14/03/2010") // undefined: not an English month name
 * ```
 *
 * @since 0.1.0
 */
export const textDate = (s: string): string | undefined => {
  let m = DAY_MONTH_YEAR.exec(s)
  if (m !== null) {
    const mo = monthNumber(m[2] as string)
    return mo === 0 ? undefined : `${m[3]}-${pad(mo)}-${pad(Number(m[1]))}`
  }
  m = MONTH_DAY_YEAR.exec(s)
  if (m !== null) {
    const mo = monthNumber(m[1] as string)
    return mo === 0 ? undefined : `${m[3]}-${pad(mo)}-${pad(Number(m[2]))}`
  }
  return undefined
}

const dateText = (d: Date): string =>
  d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0
    ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
    : d.toISOString()

/**
 * Normalise a spreadsheet cell (exceljs value) to text, number, boolean or undefined.
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * Rows.cellValue({ richText: [{ text: "CH-" }, { text: "1" }] }) // "CH-1"
 * Rows.cellValue(null) // undefined
 * ```
 *
 * @since 0.1.0
 */
export const cellValue = (v: unknown): string | number | boolean | undefined => {
  if (v === null || v === undefined) return undefined
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : dateText(v)
  if (typeof v === "object") {
    const o = v as Record<string, unknown>
    if (Array.isArray(o["richText"]))
      return (o["richText"] as Array<{ text?: unknown }>)
        .map((r) => (typeof r?.text === "string" ? r.text : ""))
        .join("")
    if ("result" in o) return cellValue(o["result"])
    if (typeof o["text"] === "string") return o["text"]
    if ("error" in o) return undefined
    return undefined
  }
  return undefined
}

/**
 * Read a date cell: `YYYY-MM-DD` as written, a month name converted, slash
 * dates converted when the order is declared (otherwise a hint is added).
 */
const readDate = (s: string, dates: DateOrder, hints: Array<CellHint> | undefined, at: string): string => {
  const m = SLASH_DATE.exec(s)
  if (m !== null) {
    if (dates === "iso") {
      hints?.push({
        path: at,
        hint: "write dates as YYYY-MM-DD, or pass --dates dmy (day/month/year) or --dates mdy if the whole file uses slashes"
      })
      return s
    }
    const a = Number(m[1])
    const b = Number(m[2])
    const [d, mo] = dates === "dmy" ? [a, b] : [b, a]
    return `${m[3]}-${pad(mo)}-${pad(d)}`
  }
  if (s.length > 8 && s.length < 24 && /[A-Za-z]/.test(s)) return textDate(s) ?? s
  return s
}

const coerce = (
  raw: string | number | boolean,
  field: Fields.Field,
  key: string,
  values: ReadonlyMap<string, ReadonlyMap<string, string>>,
  dates: DateOrder,
  hints: Array<CellHint>,
  at: string
): unknown => {
  let v: string | number | boolean = typeof raw === "string" ? raw.trim() : raw
  const table = values.get(key)
  if (table !== undefined) {
    const mapped = table.get(String(v).trim().toLowerCase())
    if (mapped !== undefined) v = mapped
  }
  switch (field.kind) {
    case "text": {
      const s = String(v)
      return field.format === "date" ? readDate(s, dates, hints, at) : s
    }
    case "integer":
    case "number":
      return typeof v === "string" && NUMBER.test(v) ? Number(v) : v
    case "boolean": {
      const s = String(v).toLowerCase()
      return TRUE.has(s) ? true : FALSE.has(s) ? false : v
    }
    case "choice": {
      const s = String(v)
      const choices = field.choices ?? []
      if (choices.includes(s)) return s
      const lower = s.toLowerCase()
      const hit = choices.filter((c) => c.toLowerCase() === lower)
      return hit.length === 1 ? hit[0] : s
    }
    case "list": {
      if (typeof v !== "string") return [v]
      if (v.startsWith("[")) {
        try {
          return JSON.parse(v)
        } catch {
          return v
        }
      }
      const item = field.items
      const parts = v
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
      return item === undefined ? parts : parts.map((s) => coerce(s, item, key, values, dates, hints, at))
    }
    default: {
      if (typeof v === "string" && (v.startsWith("{") || v.startsWith("["))) {
        try {
          return JSON.parse(v)
        } catch {
          return v
        }
      }
      return v
    }
  }
}

const setPath = (obj: Record<string, unknown>, path: ReadonlyArray<string | number>, value: unknown): void => {
  let cur: Record<string | number, unknown> = obj
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i] as string | number
    const nextIsIndex = typeof path[i + 1] === "number"
    let next = cur[k]
    if (next === undefined || next === null || typeof next !== "object") {
      next = nextIsIndex ? [] : {}
      cur[k] = next
    }
    cur = next as Record<string | number, unknown>
  }
  cur[path[path.length - 1] as string | number] = value
}

const compact = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact)
  if (v !== null && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) (v as Record<string, unknown>)[k] = compact(x)
  }
  return v
}

const fill = (
  columns: ReadonlyArray<Column>,
  values: ReadonlyMap<string, ReadonlyMap<string, string>>,
  dates: DateOrder,
  cells: ReadonlyArray<unknown>,
  record: Record<string, unknown>,
  hints: Array<CellHint>
): void => {
  let hasIndex = false
  for (const c of columns) {
    if (c.status !== "field" || c.field === undefined) continue
    const raw = cellValue(cells[c.index])
    if (raw === undefined || (typeof raw === "string" && raw.trim() === "")) continue
    if (c.path.length > 1 || typeof c.path[0] === "number") hasIndex ||= c.path.some((s) => typeof s === "number")
    setPath(record, c.path, coerce(raw, c.field, c.key, values, dates, hints, c.pathString))
  }
  if (hasIndex) compact(record)
}

/**
 * Build the record of one row. Cells are strings (CSV) or spreadsheet values.
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * const p = Rows.plan(["id", "birth.date", "birth.estimated", "sex", "school"], "child")
 * Rows.toRecord(p, ["CH-1", "2010-05-01", "no", "female", "enrolled"]).record
 * // { id: "CH-1", birth: { date: "2010-05-01", estimated: false }, sex: "female", school: "enrolled" }
 * ```
 *
 * @since 0.1.0
 */
export const toRecord = (
  p: Plan,
  cells: ReadonlyArray<unknown>
): { readonly record: Record<string, unknown>; readonly hints: ReadonlyArray<CellHint> } => {
  const record: Record<string, unknown> = {}
  const hints: Array<CellHint> = []
  fill(p.columns, p.mapping.values, p.dates, cells, record, hints)
  return { record, hints }
}

/**
 * The column that holds the value at an issue's path: the column whose
 * target is the path or the closest enclosing one (a list column split
 * on `;` holds `siblingIds[1]`).
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * const p = Rows.plan(["id", "birth.date", "birth.estimated", "sex", "school"], "child")
 * Rows.columnFor(p, ["birth", "date"])?.header // "birth.date"
 * ```
 *
 * @since 0.1.0
 */
export const columnFor = (p: Pick<Plan, "columns">, path: ReadonlyArray<string | number>): Column | undefined => {
  const ps = pathString(path)
  let best: Column | undefined
  for (const c of p.columns) {
    if (c.status !== "field") continue
    if (c.pathString === ps) return c
    if (ps.startsWith(`${c.pathString}.`) || ps.startsWith(`${c.pathString}[`)) {
      if (best === undefined || c.pathString.length > best.pathString.length) best = c
    }
  }
  return best
}

// ---------------------------------------------------------------------------
// Several records per row

/**
 * One record of a row: its mapping and the columns it reads.
 *
 * @since 0.1.0
 */
export interface RecordPlan extends Plan {
  readonly record: Mapping.RecordMapping
  /** Only the columns this record reads (`status: "field"`), plus its rejected ones. */
  readonly columns: ReadonlyArray<Column>
  /** The column of `id`, when one fills it. */
  readonly idColumn?: Column
  /** Required fields that are missing but not reported (the record is partial). */
  readonly partial: boolean
  /** Fields of this record filled by links, constants or a generated id (not from a column). */
  readonly filled: ReadonlySet<string>
}

/**
 * An extra column present in the file.
 *
 * @since 0.1.0
 */
export interface ExtraPlan {
  readonly index: number
  readonly header: string
  readonly spec: Mapping.ExtraColumn
}

/**
 * How a header of the file is used as a whole.
 *
 * @since 0.1.0
 */
export interface HeaderUse {
  readonly index: number
  readonly header: string
  /**
   * `used` (a record reads it), `extra`, `subject`, `ignored`, `unknown`
   * (nothing reads it), `duplicate` (a record already reads the field from
   * another column), `index` (a list index above {@link maxListIndex}).
   */
  readonly status: "used" | "extra" | "subject" | "ignored" | "unknown" | "duplicate" | "index"
  /** For `duplicate` and `index`: the field path. */
  readonly path?: string
}

/**
 * The plan of a whole file: which records its rows give and how every header is used.
 *
 * @since 0.1.0
 */
export interface FilePlan {
  readonly headers: ReadonlyArray<string>
  readonly records: ReadonlyArray<RecordPlan>
  readonly extra: ReadonlyArray<ExtraPlan>
  readonly uses: ReadonlyArray<HeaderUse>
  /** Column holding the child's id in rows without a child record. */
  readonly subject?: number
  readonly dates: DateOrder
  /** Whether any header is read by a record, an extra column or as the subject. */
  readonly known: boolean
}

const matchesFrom = (from: ReadonlyArray<string> | undefined, names: ReadonlyArray<string>): boolean =>
  from === undefined || from.some((f) => names.some((n) => n.toLowerCase() === f.toLowerCase()))

/**
 * Plan a file's header row for a dataset mapping. `names` are the names the
 * file answers to in `from` (its base name, its sheet name).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Mapping, Rows } from "@homeward/validate"
 *
 * const m = Mapping.datasetFromJson({
 *   records: {
 *     child: { columns: { Code: "id", DOB: "birth.date" }, partial: true },
 *     case: { id: "generate", columns: { Admitted: "placement.since" }, links: { childId: "child" }, partial: true }
 *   }
 * })
 * if (Result.isSuccess(m)) {
 *   const plan = Rows.planFile(["Code", "DOB", "Admitted"], m.success)
 *   Rows.toRecords(plan, ["CH-1", "2010-01-02", "2015-03-04"], 2, 1).map((r) => r.record)
 *   // [{ id: "CH-1", birth: { date: "2010-01-02" } },
 *   //  { placement: { since: "2015-03-04" }, id: "case-1-2", childId: "CH-1" }]
 * }
 * ```
 *
 * @since 0.1.0
 */
export const planFile = (
  headers: ReadonlyArray<string>,
  mapping: Mapping.DatasetMapping,
  names: ReadonlyArray<string> = [],
  dates?: DateOrder
): FilePlan => {
  const order: DateOrder = dates ?? mapping.dates ?? "iso"
  const single = mapping.records.length === 1
  const skip = (h: string) => mapping.ignore.has(h) || mapping.extra.has(h)
  const records: Array<RecordPlan> = []
  const usedBy = new Map<number, Column["status"]>()
  for (const rec of mapping.records) {
    const root = Fields.describe(rec.type)
    const prefix = `${rec.name}.`
    const target = (h: string): string | undefined => {
      const t = rec.columns.get(h)
      if (t !== undefined) return t
      if (mapping.identity && single) return h
      if (h.startsWith(prefix) && h.length > prefix.length) return h.slice(prefix.length)
      return undefined
    }
    const all = planColumns(headers, root, target, skip)
    const own = all.filter((c) => c.status !== "ignored" && (c.status !== "unknown" || single))
    const fieldCols = own.filter((c) => c.status === "field")
    const idColumn = fieldCols.find((c) => c.pathString === "id")
    const produced =
      rec.from !== undefined ? matchesFrom(rec.from, names) : single || fieldCols.some((c) => c !== idColumn)
    if (!produced) continue
    for (const c of own) {
      const prev = usedBy.get(c.index)
      if (prev === "field") continue
      if (c.status === "unknown" && mapping.identity && single) usedBy.set(c.index, "unknown")
      else usedBy.set(c.index, c.status)
    }
    const filled = new Set<string>([
      ...rec.constants.map((k) => Mapping.valueKey(k.path)),
      ...rec.links.map((l) => Mapping.valueKey(l.path)),
      ...(rec.generateId ? ["id"] : [])
    ])
    const provided = [...fieldCols.map((c) => Mapping.valueKey(c.path)), ...filled]
    records.push({
      type: rec.type,
      root,
      columns: own,
      missing: missingLeaves(root, provided),
      mapping: rec,
      dates: order,
      record: rec,
      ...(idColumn !== undefined ? { idColumn } : {}),
      partial: rec.partial,
      filled
    })
  }
  const extra: Array<ExtraPlan> = []
  let subject: number | undefined
  const uses = headers.map((header, index): HeaderUse => {
    const h = header.trim()
    const status = usedBy.get(index)
    if (h === "") return { index, header, status: "ignored" }
    const spec = mapping.extra.get(h)
    if (spec !== undefined && matchesFrom(spec.from, names)) {
      if (!extra.some((e) => e.header === h)) extra.push({ index, header, spec })
      return { index, header, status: "extra" }
    }
    if (h === mapping.subject) subject ??= index
    if (status === "field") return { index, header, status: "used" }
    if (h === mapping.subject) return { index, header, status: "subject" }
    if (status === "duplicate" || status === "index") {
      const col = records.flatMap((r) => r.columns).find((c) => c.index === index)
      return { index, header, status, ...(col !== undefined ? { path: Mapping.valueKey(col.path) } : {}) }
    }
    if (mapping.ignore.has(h) || mapping.extra.has(h) || mapping.unmapped === "ignore") {
      return { index, header, status: "ignored" }
    }
    return { index, header, status: "unknown" }
  })
  const known = uses.some((u) => u.status === "used" || u.status === "extra" || u.status === "subject")
  return {
    headers,
    records,
    extra,
    uses,
    ...(subject !== undefined ? { subject } : {}),
    dates: order,
    known
  }
}

/**
 * One record built from a row.
 *
 * @since 0.1.0
 */
export interface RowRecord {
  readonly plan: RecordPlan
  readonly record: Record<string, unknown>
  readonly hints: ReadonlyArray<CellHint>
  /** The record's id (from its column or generated), when it has one that is text. */
  readonly id: string | undefined
}

const NO_HINTS: ReadonlyArray<CellHint> = []
const scratch: Array<CellHint> = []

/**
 * The id generated for a record without an id column: `<name>-<file>-<row>`.
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * Rows.generatedId("household", 1, 7) // "household-1-7"
 * ```
 *
 * @since 0.1.0
 */
export const generatedId = (name: string, file: number, row: number): string => `${name}-${file}-${row}`

/**
 * Build the records of one row.
 *
 * @example
 * ```ts
 * import { Mapping, Rows } from "@homeward/validate"
 *
 * const p = Rows.planFile(["id", "birth.date", "birth.estimated", "sex", "school"], Mapping.single("child"))
 * Rows.toRecords(p, ["CH-1", "2010-05-01", "no", "female", "enrolled"], 2, 0).length // 1
 * ```
 *
 * @since 0.1.0
 */
export const toRecords = (p: FilePlan, cells: ReadonlyArray<unknown>, row: number, file: number): Array<RowRecord> => {
  const out: Array<RowRecord> = []
  for (const rp of p.records) {
    const record: Record<string, unknown> = {}
    scratch.length = 0
    fill(rp.columns, rp.record.values, rp.dates, cells, record, scratch)
    const hints = scratch.length === 0 ? NO_HINTS : scratch.slice()
    for (const k of rp.record.constants) setPath(record, k.path, k.value)
    if (rp.record.generateId && rp.idColumn === undefined) record["id"] = generatedId(rp.record.name, file, row)
    const id = typeof record["id"] === "string" ? record["id"] : undefined
    out.push({ plan: rp, record, hints, id })
  }
  for (const r of out) {
    for (const l of r.plan.record.links) {
      const other = out.find((o) => o.plan.record.name === l.record)
      if (other?.id !== undefined) setPath(r.record, l.path, other.id)
    }
  }
  return out
}

/**
 * The result of reading an extra column's cell.
 *
 * @since 0.1.0
 */
export type ExtraResult =
  | { readonly ok: true; readonly value: string | number | boolean | undefined }
  | { readonly ok: false; readonly rule: string; readonly message: string; readonly received: string }

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/

/**
 * Read and check an extra column's cell against its declared kind and choices.
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * const spec = { header: "Disability", kind: "yes-no", values: new Map(), required: false, sensitive: false } as const
 * Rows.readExtra(spec, "yes", "iso") // { ok: true, value: true }
 * ```
 *
 * @since 0.1.0
 */
export const readExtra = (spec: Mapping.ExtraColumn, raw: unknown, dates: DateOrder): ExtraResult => {
  const v0 = cellValue(raw)
  if (v0 === undefined || (typeof v0 === "string" && v0.trim() === "")) {
    return spec.required
      ? { ok: false, rule: "required", message: "Required value is missing", received: "missing" }
      : { ok: true, value: undefined }
  }
  let v: string | number | boolean = typeof v0 === "string" ? v0.trim() : v0
  const mapped = spec.values.get(String(v).toLowerCase())
  if (mapped !== undefined) v = mapped
  const s = String(v)
  switch (spec.kind) {
    case "yes-no": {
      const l = s.toLowerCase()
      if (v === true || v === false) return { ok: true, value: v }
      if (TRUE.has(l)) return { ok: true, value: true }
      if (FALSE.has(l)) return { ok: true, value: false }
      return {
        ok: false,
        rule: "yes-no",
        message: "Expected yes or no (yes/no, true/false, y/n, 1/0)",
        received: "text"
      }
    }
    case "choice": {
      const choices = spec.choices ?? []
      if (choices.includes(s)) return { ok: true, value: s }
      const hit = choices.filter((c) => c.toLowerCase() === s.toLowerCase())
      if (hit.length === 1) return { ok: true, value: hit[0] }
      return {
        ok: false,
        rule: "choice",
        message: `Expected one of: ${choices.join(", ")}`,
        received: typeof v === "number" ? "number" : "text"
      }
    }
    case "date": {
      const d = typeof v === "string" ? readDate(v, dates, undefined, "") : s
      if (isIsoDate(d)) return { ok: true, value: d }
      return {
        ok: false,
        rule: "IsoDate",
        message:
          SLASH_DATE.test(s) && dates === "iso"
            ? "Expected a real calendar date written YYYY-MM-DD (e.g. 2018-12-31); write dates as YYYY-MM-DD, or pass --dates dmy or --dates mdy"
            : "Expected a real calendar date written YYYY-MM-DD (e.g. 2018-12-31)",
        received: "text"
      }
    }
    case "integer":
    case "number": {
      const n = typeof v === "number" ? v : NUMBER.test(s) ? Number(s) : Number.NaN
      if (Number.isFinite(n) && (spec.kind === "number" || Number.isInteger(n))) return { ok: true, value: n }
      return {
        ok: false,
        rule: "type",
        message: spec.kind === "integer" ? "Expected a whole number" : "Expected a number",
        received: typeof v === "number" ? "number" : "text"
      }
    }
    case "id":
      return ID.test(s)
        ? { ok: true, value: s }
        : {
            ok: false,
            rule: "Id",
            message: "Expected a pseudonymous id: 1–64 letters, digits or . _ : - (no spaces)",
            received: "text"
          }
    default:
      return s.length <= 2000
        ? { ok: true, value: s }
        : { ok: false, rule: "Text", message: "Expected a text of at most 2000 characters", received: "text" }
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Whether a text is a real calendar date `YYYY-MM-DD` between 1900 and 2200
 * (the rule of `Common.IsoDate`).
 *
 * @example
 * ```ts
 * import { Rows } from "@homeward/validate"
 *
 * Rows.isIsoDate("2012-02-29") // true
 * Rows.isIsoDate("2011-02-29") // false: not a leap year
 * ```
 *
 * @since 0.1.0
 */
export const isIsoDate = (s: string): boolean => {
  const m = ISO.exec(s)
  if (m === null) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate()
}
