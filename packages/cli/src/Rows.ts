/**
 * Turning a flat row (CSV or spreadsheet) into a nested record.
 *
 * Headers name field paths: `birth.date` fills `{ birth: { date } }`;
 * a number segment indexes a list (`siblingIds.0`, `members.0.relationship`,
 * `siblingIds[0]` also works). A cell under a list header without an index
 * (`siblingIds`, `disabilities`) is split on `;` or `|`. Cells are read by
 * the field's kind: whole numbers and numbers from digits; yes/no from
 * `true/false/yes/no/y/n/1/0` in any case; choices match case-insensitively;
 * an empty cell leaves the field out. Dates stay text (`YYYY-MM-DD`) and
 * are checked by the record's Schema; `DD/MM/YYYY` is converted only when
 * the caller declares the order (`dates: "dmy"` or `"mdy"`), otherwise the
 * problem says how to fix it. A cell under a group or a list of groups may
 * hold JSON.
 *
 * @since 0.1.0
 */
import type { Registry } from "@homeward/core"
import * as Fields from "./Fields.js"
import * as Mapping from "./Mapping.js"

/**
 * How one column is used.
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
  /** `undefined` when the column names no field (then it is skipped). */
  readonly field: Fields.Field | undefined
  readonly status: "field" | "unknown" | "ignored" | "duplicate"
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
  /** Required fields (dotted paths) that no column fills. */
  readonly missing: ReadonlyArray<string>
  readonly mapping: Mapping.Mapping
  readonly dates: DateOrder
}

/**
 * Order of day and month in slash dates (`31/12/2018`), when the sheet uses them.
 *
 * @since 0.1.0
 */
export type DateOrder = "iso" | "dmy" | "mdy"

/**
 * `a.b[2].c` from a path.
 *
 * @since 0.1.0
 */
export const pathString = (path: ReadonlyArray<string | number>): string =>
  path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc === "" ? k : `${acc}.${k}`), "")

/**
 * Plan the columns of a header row.
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
  const seen = new Set<string>()
  const columns = headers.map((header, index): Column => {
    const h = header.trim()
    const target = mapping.columns.get(h) ?? h
    const path = Mapping.parsePath(target)
    const ps = pathString(path)
    if (mapping.ignore.has(h) || h === "") {
      return { index, header, path, pathString: ps, field: undefined, status: "ignored" }
    }
    const field = path.length === 0 ? undefined : Fields.at(root, path)
    if (field === undefined) return { index, header, path, pathString: ps, field, status: "unknown" }
    if (seen.has(ps)) return { index, header, path, pathString: ps, field: undefined, status: "duplicate" }
    seen.add(ps)
    return { index, header, path, pathString: ps, field, status: "field" }
  })
  const provided = columns.filter((c) => c.status === "field").map((c) => Mapping.valueKey(c.path))
  const missing = Fields.requiredLeaves(root).filter(
    (leaf) => !provided.some((p) => p === leaf || leaf.startsWith(`${p}.`))
  )
  return { type, root, columns, missing, mapping, dates }
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
const TRUE = new Set(["true", "yes", "y", "1"])
const FALSE = new Set(["false", "no", "n", "0"])

const pad = (n: number, w = 2) => String(n).padStart(w, "0")

const dateText = (d: Date): string =>
  d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0
    ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
    : d.toISOString()

/** Normalise a spreadsheet cell (exceljs value) to text, number, boolean or undefined. */
export const cellValue = (v: unknown): string | number | boolean | undefined => {
  if (v === null || v === undefined) return undefined
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : dateText(v)
  if (typeof v === "object") {
    const o = v as Record<string, unknown>
    if (Array.isArray(o["richText"]))
      return (o["richText"] as Array<{ text?: string }>).map((r) => r.text ?? "").join("")
    if ("result" in o) return cellValue(o["result"])
    if (typeof o["text"] === "string") return o["text"]
    if ("error" in o) return undefined
  }
  return String(v)
}

const coerce = (
  raw: string | number | boolean,
  field: Fields.Field,
  key: string,
  p: Plan,
  hints: Array<CellHint>,
  at: string
): unknown => {
  let v: string | number | boolean = typeof raw === "string" ? raw.trim() : raw
  const table = p.mapping.values.get(key)
  if (table !== undefined) {
    const mapped = table.get(String(v).trim().toLowerCase())
    if (mapped !== undefined) v = mapped
  }
  switch (field.kind) {
    case "text": {
      const s = String(v)
      if (field.format === "date") {
        const m = SLASH_DATE.exec(s)
        if (m !== null) {
          if (p.dates === "iso") {
            hints.push({
              path: at,
              hint: "write dates as YYYY-MM-DD, or pass --dates dmy (day/month/year) or --dates mdy if the whole file uses slashes"
            })
            return s
          }
          const a = Number(m[1])
          const b = Number(m[2])
          const [d, mo] = p.dates === "dmy" ? [a, b] : [b, a]
          return `${m[3]}-${pad(mo)}-${pad(d)}`
        }
      }
      return s
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
      return item === undefined ? parts : parts.map((s) => coerce(s, item, key, p, hints, at))
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

/**
 * Build the record of one row. Cells are strings (CSV) or spreadsheet values.
 *
 * @since 0.1.0
 */
export const toRecord = (
  p: Plan,
  cells: ReadonlyArray<unknown>
): { readonly record: Record<string, unknown>; readonly hints: ReadonlyArray<CellHint> } => {
  const record: Record<string, unknown> = {}
  const hints: Array<CellHint> = []
  let hasIndex = false
  for (const c of p.columns) {
    if (c.status !== "field" || c.field === undefined) continue
    const raw = cellValue(cells[c.index])
    if (raw === undefined || (typeof raw === "string" && raw.trim() === "")) continue
    if (c.path.length > 1 || typeof c.path[0] === "number") hasIndex ||= c.path.some((s) => typeof s === "number")
    setPath(record, c.path, coerce(raw, c.field, Mapping.valueKey(c.path), p, hints, c.pathString))
  }
  if (hasIndex) compact(record)
  return { record, hints }
}

/**
 * The column that holds the value at an issue's path: the column whose
 * target is the path or the closest enclosing one (a list column split
 * on `;` holds `siblingIds[1]`).
 *
 * @since 0.1.0
 */
export const columnFor = (p: Plan, path: ReadonlyArray<string | number>): Column | undefined => {
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
