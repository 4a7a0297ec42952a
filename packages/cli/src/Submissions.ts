/**
 * Submissions collected with a Homeward form ({@link CollectionForm}) and
 * exported from ODK Central or KoboToolbox, turned back into Homeward
 * records and checked:
 *
 * - CSV: one row per submission; a question's column is its name prefixed
 *   by its groups, joined with `-` (ODK Central and Briefcase: `birth-date`,
 *   `meta-instanceID`) or `/` (KoboToolbox with "include groups in headers":
 *   `birth/date`, also with more leading groups, `group/birth/date`).
 *   Repeats come as further tables, one per repeat (ODK Central's
 *   `<form>-<repeat>.csv`, linked by `PARENT_KEY` → `KEY`; or the sheets of
 *   KoboToolbox's XLS export, linked by `_parent_index` → `_index`). A several-answer
 *   question may come as one column (`a b`) or, as KoboToolbox can export
 *   it, one column per choice (`purposes/services` = `1`). Export with XML
 *   names and values (not labels).
 * - JSON: a list of submissions, or ODK Central's OData `{ "value": [...] }`
 *   (groups nested, repeats inline with `$expand=*`), or KoboToolbox's
 *   `{ "results": [...] }` (keys are group paths, `birth/date`).
 *
 * System columns and fields (`KEY`, `SubmissionDate`, `_id`, `__system` …)
 * are ignored. Decoding uses `Validation.decodeUnknown`: issues name the row
 * and field, never a value.
 *
 * Pure: no I/O.
 *
 * @since 0.1.0
 */
import { Registry, Validation } from "@homeward/core"
import { Csv } from "@homeward/validate"
import { Result } from "effect"
import * as CollectionForm from "./CollectionForm.js"

/**
 * One submission turned into a record (its JSON form, not yet decoded).
 *
 * @since 0.1.0
 */
export interface Submission {
  /** Where it came from: the CSV line (the header is line 1) or the position in the JSON list (from 1). */
  readonly row: number
  /** The submission's instance ID (`uuid:…`), when the export has it. */
  readonly instanceId?: string
  readonly record: Record<string, unknown>
}

/**
 * Submissions read from an export, and what was not understood.
 *
 * @since 0.1.0
 */
export interface Read {
  readonly submissions: ReadonlyArray<Submission>
  /** Columns or fields that are not questions of the form (system columns left out). */
  readonly unknownFields: ReadonlyArray<string>
  /** Questions every record needs whose column is absent from the whole export (CSV only). */
  readonly missingFields: ReadonlyArray<string>
  /** For each record field path (`birth.date`), the column it was read from (CSV only). */
  readonly columns: Readonly<Record<string, string>>
}

/**
 * A table: rows of cells by column name.
 *
 * @since 0.1.0
 */
export type Table = ReadonlyArray<Readonly<Record<string, string | undefined>>>

type Leaf = CollectionForm.Input | CollectionForm.Select

const SYSTEM = new Set([
  "KEY",
  "PARENT_KEY",
  "SubmissionDate",
  "SubmitterID",
  "SubmitterName",
  "AttachmentsPresent",
  "AttachmentsExpected",
  "Status",
  "ReviewState",
  "DeviceID",
  "Edits",
  "FormVersion",
  "isValidated",
  "instanceID",
  "instanceName",
  "deprecatedID",
  "uuid",
  "start",
  "end",
  "today",
  "deviceid",
  "username",
  "version"
])

const isSystem = (name: string): boolean =>
  SYSTEM.has(name) ||
  name.startsWith("_") ||
  name.startsWith("@") ||
  name.startsWith("SET-OF-") ||
  /(^|[-/])(meta|formhub)([-/]|$)/.test(name) ||
  name.includes("@odata.")

/** The leaves and repeats directly under a list of questions (groups flattened, repeats not entered). */
const scope = (
  qs: ReadonlyArray<CollectionForm.Question>,
  prefix: ReadonlyArray<string>
): { leaves: Array<{ q: Leaf; rel: ReadonlyArray<string> }>; repeats: Array<CollectionForm.Repeat> } => {
  const leaves: Array<{ q: Leaf; rel: ReadonlyArray<string> }> = []
  const repeats: Array<CollectionForm.Repeat> = []
  for (const q of qs) {
    if (q.kind === "group") {
      const inner = scope(q.children, [...prefix, q.name])
      leaves.push(...inner.leaves)
      repeats.push(...inner.repeats)
    } else if (q.kind === "repeat") repeats.push(q)
    else leaves.push({ q, rel: [...prefix, q.name] })
  }
  return { leaves, repeats }
}

const setIn = (target: Record<string, unknown>, path: ReadonlyArray<string>, value: unknown): void => {
  let cur = target
  for (const seg of path.slice(0, -1)) {
    const next = cur[seg]
    if (next === undefined || typeof next !== "object" || next === null || Array.isArray(next)) {
      const fresh: Record<string, unknown> = {}
      cur[seg] = fresh
      cur = fresh
    } else cur = next as Record<string, unknown>
  }
  const last = path[path.length - 1]
  if (last !== undefined) cur[last] = value
}

interface Match {
  readonly leaf?: { q: Leaf; rel: ReadonlyArray<string> }
  /** A column for one choice of a several-answer question. */
  readonly choice?: { q: CollectionForm.Select; rel: ReadonlyArray<string>; value: string }
}

const match = (
  form: CollectionForm.Form,
  header: string,
  leaves: ReadonlyArray<{ q: Leaf; rel: ReadonlyArray<string> }>
): Match | undefined => {
  let best: Match | undefined
  let bestLength = 0
  for (const sep of ["/", "-"]) {
    const segs = header.split(sep)
    for (const l of leaves) {
      const n = l.rel.length
      if (n > bestLength && segs.length >= n && segs.slice(-n).join("\u0000") === l.rel.join("\u0000")) {
        best = { leaf: l }
        bestLength = n
      }
      const q = l.q
      if (q.kind === "select") {
        // a column per choice: <question><sep><choice value> (a value may itself hold the separator)
        const list = form.lists.find((x) => x.name === q.list)?.choices ?? []
        for (const c of list) {
          const tail = [...l.rel, c.name].join(sep)
          if ((header === tail || header.endsWith(`${sep}${tail}`)) && n + 1 > bestLength) {
            best = { choice: { q, rel: l.rel, value: c.name } }
            bestLength = n + 1
          }
        }
      }
    }
  }
  return best
}

const TRUE_CELLS = new Set(["1", "true", "TRUE", "True", "yes"])

/** The rows of one table (the top level or one repeat) as answers, keyed by their KEY when present. */
const readTable = (
  form: CollectionForm.Form,
  qs: ReadonlyArray<CollectionForm.Question>,
  table: Table,
  columnPrefix: ReadonlyArray<string>,
  columns: Record<string, string>,
  unknown: Set<string>
): Array<{ answers: Record<string, unknown>; key?: string; parent?: string; instanceId?: string }> => {
  const { leaves } = scope(qs, [])
  const headers = Array.from(new Set(table.flatMap((r) => Object.keys(r))))
  const matches = new Map<string, Match>()
  for (const h of headers) {
    const m = match(form, h, leaves)
    if (m !== undefined) {
      matches.set(h, m)
      const rel = m.leaf?.rel ?? m.choice?.rel ?? []
      columns[[...columnPrefix, ...rel].join(".")] ??= h
    } else if (!isSystem(h) && !/^item$/.test(h)) unknown.add(h)
  }
  return table.map((row) => {
    const answers: Record<string, unknown> = {}
    const chosen = new Map<string, Array<string>>()
    for (const [h, m] of matches) {
      const cell = row[h] ?? ""
      if (m.leaf !== undefined) setIn(answers, m.leaf.rel, cell)
      else if (m.choice !== undefined && TRUE_CELLS.has(cell.trim())) {
        const k = m.choice.rel.join("/")
        chosen.set(k, [...(chosen.get(k) ?? []), m.choice.value])
      }
    }
    // choices from one-column-per-choice, unless the question's own column is there
    for (const [k, values] of chosen) {
      const rel = k.split("/")
      const own = [...matches.values()].some((m) => m.leaf?.rel.join("/") === k)
      if (!own) setIn(answers, rel, values.join(" "))
    }
    const instanceId = row["meta-instanceID"] ?? row["meta/instanceID"] ?? row["instanceID"] ?? undefined
    // ODK Central: KEY / PARENT_KEY; KoboToolbox's XLS export: _index / _parent_index
    const key = row["KEY"] || row["_index"]
    const parent = row["PARENT_KEY"] || row["_parent_index"]
    return {
      answers,
      ...(key ? { key } : {}),
      ...(parent ? { parent } : {}),
      ...(instanceId ? { instanceId } : {})
    }
  })
}

const ordinal = (key: string | undefined): number => {
  const m = /\[(\d+)\]$/.exec(key ?? "")
  return m === null ? 0 : Number(m[1])
}

/**
 * The name ODK Central gives the CSV file of a repeat in its export
 * (`<form id>-<groups>-<repeat>.csv`, e.g. `homeward_household-members.csv`).
 *
 * @example
 * ```ts
 * import { CollectionForm, Submissions } from "@homeward/cli"
 *
 * const form = CollectionForm.make("household")
 * for (const q of CollectionForm.questions(form))
 *   if (q.kind === "repeat") console.log(Submissions.repeatFileName(form, q)) // e.g. homeward_household-members.csv
 * ```
 *
 * @since 0.1.0
 */
export const repeatFileName = (form: CollectionForm.Form, repeat: CollectionForm.Repeat): string =>
  `${form.id}-${repeat.path.join("-")}.csv`

/**
 * Submissions from exported tables: the main table (one row per
 * submission) and, for forms with repeats, one table per repeat keyed by
 * the repeat's path joined with `-` (`members`, `preferredPeople`) or by
 * its ODK Central file name ({@link repeatFileName}). `firstRow` is the
 * line number of the first data row (2 for a CSV with a header line).
 *
 * @example
 * ```ts
 * import { Submissions } from "@homeward/cli"
 *
 * const read = Submissions.fromTables("child", [
 *   { id: "CH-1", "birth-date": "2010-05-01", "birth-estimated": "false", sex: "female", school: "enrolled" }
 * ])
 * read.submissions.length // 1
 * ```
 *
 * @since 0.1.0
 */
export const fromTables = (
  type: Registry.RecordType,
  main: Table,
  repeats: Readonly<Record<string, Table>> = {},
  firstRow: number | ReadonlyArray<number> = 2
): Read => {
  const form = CollectionForm.make(type)
  const columns: Record<string, string> = {}
  const unknown = new Set<string>()
  const tableFor = (r: CollectionForm.Repeat): Table | undefined =>
    repeats[r.path.join("-")] ?? repeats[repeatFileName(form, r)] ?? repeats[`${r.path.join("-")}.csv`]
  // Rows of each repeat, grouped by parent key, read once.
  const repeatRows = new Map<
    CollectionForm.Repeat,
    Map<string, Array<{ answers: Record<string, unknown>; key?: string }>>
  >()
  const load = (r: CollectionForm.Repeat, prefix: ReadonlyArray<string>) => {
    const table = tableFor(r)
    if (table === undefined || repeatRows.has(r)) return
    const rows = readTable(form, r.children, table, [...prefix, r.name], columns, unknown)
    const byParent = new Map<string, Array<{ answers: Record<string, unknown>; key?: string }>>()
    for (const row of rows) {
      const list = byParent.get(row.parent ?? "") ?? []
      list.push(row)
      byParent.set(row.parent ?? "", list)
    }
    for (const list of byParent.values()) list.sort((a, b) => ordinal(a.key) - ordinal(b.key))
    repeatRows.set(r, byParent)
    for (const inner of scope(r.children, []).repeats) load(inner, [...prefix, r.name])
  }
  for (const r of scope(form.questions, []).repeats) load(r, [])
  // Attach repeats to their parents (recursively), by KEY.
  const attach = (
    answers: Record<string, unknown>,
    key: string | undefined,
    qs: ReadonlyArray<CollectionForm.Question>
  ) => {
    const walk = (ql: ReadonlyArray<CollectionForm.Question>, path: ReadonlyArray<string>) => {
      for (const q of ql) {
        if (q.kind === "group") walk(q.children, [...path, q.name])
        else if (q.kind === "repeat") {
          const rows = key === undefined ? undefined : repeatRows.get(q)?.get(key)
          if (rows !== undefined) {
            for (const row of rows) attach(row.answers, row.key, q.children)
            setIn(
              answers,
              [...path, q.name],
              rows.map((r) => r.answers)
            )
          }
        }
      }
    }
    walk(qs, [])
  }
  const rows = readTable(form, form.questions, main, [], columns, unknown)
  const submissions = rows.map((r, i) => {
    attach(r.answers, r.key ?? r.instanceId, form.questions)
    const instanceId = r.instanceId ?? (r.key?.startsWith("uuid:") ? r.key : undefined)
    return {
      row: typeof firstRow === "number" ? firstRow + i : (firstRow[i] ?? i + 2),
      ...(instanceId === undefined ? {} : { instanceId }),
      record: CollectionForm.toRecord(form, r.answers as CollectionForm.Answers)
    }
  })
  const required = CollectionForm.questions(form).filter(
    (q): q is Leaf =>
      (q.kind === "input" || q.kind === "select1" || q.kind === "select") &&
      q.required?.when === true &&
      q.relevant === undefined &&
      !(q.kind === "input" && q.role === "count") &&
      !insideRepeatOrOptional(form, q.path)
  )
  const missingFields = main.length === 0 ? [] : required.map((q) => q.path.join(".")).filter((p) => !(p in columns))
  return { submissions, unknownFields: [...unknown], missingFields, columns }
}

const insideRepeatOrOptional = (form: CollectionForm.Form, path: ReadonlyArray<string>): boolean => {
  let qs = form.questions
  for (const seg of path.slice(0, -1)) {
    const q = qs.find((x) => x.name === seg)
    if (q === undefined || q.kind === "repeat" || (q.kind === "group" && q.optional)) return true
    if (q.kind !== "group") return true
    qs = q.children
  }
  return false
}

/**
 * A CSV text read into a table, with the row number of each row as a
 * spreadsheet shows it (header = 1; a line break inside quotes does not
 * count). UTF-8 with or without a byte-order mark, CRLF or LF line ends, `,`
 * `;` tab or `|` (guessed, unless given). Rows with no cell filled are
 * skipped; columns with an empty header (the empty trailing columns a
 * spreadsheet may save) are left out. Throws `UnusableInput` of
 * `@homeward/validate` for a quoted cell that never closes, a cell over
 * 1 MiB or a row of more than 5,000 cells.
 *
 * @example
 * ```ts
 * import { Submissions } from "@homeward/cli"
 *
 * const { table, rows } = Submissions.readCsv("\uFEFFbirth/date,sex,\r\n2012-02-29,female,\r\n")
 * table // [{ "birth/date": "2012-02-29", sex: "female" }]
 * rows // [2]
 * ```
 *
 * @since 0.2.0
 */
export const readCsv = (
  text: string,
  delimiter?: string
): { readonly table: Table; readonly rows: ReadonlyArray<number>; readonly headers: ReadonlyArray<string> } => {
  const body = Csv.stripBom(text)
  const p = Csv.parser(delimiter ?? Csv.sniffDelimiter(body.slice(0, 65_536)))
  const parsed = [...p.push(body), ...p.end()]
  const [head, ...data] = parsed
  const headers = (head?.cells ?? []).map((h) => h.trim())
  const table: Array<Record<string, string>> = []
  const rows: Array<number> = []
  for (const r of data) {
    if (r.cells.every((c) => c.trim() === "")) continue
    const row: Record<string, string> = {}
    headers.forEach((h, i) => {
      if (h !== "" && !Object.hasOwn(row, h)) row[h] = r.cells[i] ?? ""
    })
    table.push(row)
    rows.push(r.record)
  }
  return { table, rows, headers }
}

/**
 * The rows of a CSV text with a header line (see {@link readCsv}).
 *
 * @example
 * ```ts
 * import { Submissions } from "@homeward/cli"
 *
 * Submissions.parseCsv("id;sex\nCH-1;female\n") // [{ id: "CH-1", sex: "female" }]
 * ```
 *
 * @since 0.1.0
 */
export const parseCsv = (text: string): Table => readCsv(text).table

/**
 * Submissions from CSV exports: the main CSV, and for forms with repeats
 * the CSV of each repeat (keys as in {@link fromTables}).
 *
 * @example
 * ```ts
 * import { Submissions } from "@homeward/cli"
 *
 * const read = Submissions.fromCsv("child", "id,sex,school\nCH-1,female,enrolled\n")
 * read.missingFields // the questions every record needs that the export lacks
 * ```
 *
 * @since 0.1.0
 */
export const fromCsv = (
  type: Registry.RecordType,
  main: string,
  repeats: Readonly<Record<string, string>> = {}
): Read => {
  const { table, rows } = readCsv(main)
  return fromTables(type, table, Object.fromEntries(Object.entries(repeats).map(([k, v]) => [k, parseCsv(v)])), rows)
}

/** JSON values as answers: numbers and booleans as text, flat `a/b` keys nested, repeat items' keys relative. */
const jsonAnswers = (value: unknown, prefix: ReadonlyArray<string>): CollectionForm.Answers => {
  const out: Record<string, unknown> = {}
  if (value === null || typeof value !== "object" || Array.isArray(value)) return out as CollectionForm.Answers
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // system fields (KoboToolbox `_id`, ODK Central `__id`, `__system`, OData links)
    if (k.startsWith("_") || k.includes("@odata.")) continue
    let path = k.split("/")
    // KoboToolbox writes the keys inside a repeat with the repeat's whole path
    if (prefix.length > 0 && path.length > prefix.length && prefix.every((p, i) => path[i] === p)) {
      path = path.slice(prefix.length)
    }
    const inner = [...prefix, ...path]
    const cell = (x: unknown): unknown =>
      x === null || x === undefined
        ? ""
        : typeof x === "number" || typeof x === "boolean"
          ? String(x)
          : Array.isArray(x)
            ? x.map((item) =>
                item !== null && typeof item === "object" ? jsonAnswers(item, inner) : { item: cell(item) }
              )
            : typeof x === "object"
              ? jsonAnswers(x, inner)
              : x
    setIn(out, path, cell(v))
  }
  return out as CollectionForm.Answers
}

/** Names in the answers that are not questions of the form. */
const unknownNames = (
  qs: ReadonlyArray<CollectionForm.Question>,
  a: CollectionForm.Answers,
  path: string,
  out: Set<string>
) => {
  for (const [k, v] of Object.entries(a)) {
    const q = qs.find((x) => x.name === k)
    const here = path === "" ? k : `${path}/${k}`
    if (q === undefined) {
      if (!isSystem(k)) out.add(here)
      continue
    }
    if (q.kind === "group" && v !== undefined && typeof v === "object" && !Array.isArray(v)) {
      unknownNames(q.children, v as CollectionForm.Answers, here, out)
    }
    if (q.kind === "repeat" && Array.isArray(v)) {
      for (const item of v as ReadonlyArray<CollectionForm.Answers>) unknownNames(q.children, item, here, out)
    }
  }
}

/**
 * Submissions from a JSON export: a list of submissions, ODK Central's
 * OData `{ "value": [...] }` or KoboToolbox's `{ "results": [...] }`.
 * Anything else yields no submission and names the problem in
 * `unknownFields` (`(not a list of submissions)`).
 *
 * @example
 * ```ts
 * import { Submissions } from "@homeward/cli"
 *
 * const read = Submissions.fromJson("child", { value: [{ id: "CH-1", sex: "female" }] }) // ODK Central OData
 * read.submissions.length // 1
 * ```
 *
 * @since 0.1.0
 */
export const fromJson = (type: Registry.RecordType, data: unknown): Read => {
  const form = CollectionForm.make(type)
  const list = Array.isArray(data)
    ? data
    : data !== null && typeof data === "object"
      ? ((data as Record<string, unknown>)["value"] ?? (data as Record<string, unknown>)["results"])
      : undefined
  if (!Array.isArray(list)) {
    return { submissions: [], unknownFields: ["(not a list of submissions)"], missingFields: [], columns: {} }
  }
  const unknown = new Set<string>()
  const submissions = list.map((item, i) => {
    const answers = jsonAnswers(item, [])
    unknownNames(form.questions, answers, "", unknown)
    const o = (item ?? {}) as Record<string, unknown>
    const meta = o["meta"] as Record<string, unknown> | undefined
    const id = o["meta/instanceID"] ?? meta?.["instanceID"] ?? o["__id"]
    return {
      row: i + 1,
      ...(typeof id === "string" ? { instanceId: id } : {}),
      record: CollectionForm.toRecord(form, answers)
    }
  })
  return { submissions, unknownFields: [...unknown], missingFields: [], columns: {} }
}

/**
 * The checked submissions: each record decoded with its record type's
 * Schema through `Validation.decodeUnknown`, issues tagged with the row.
 *
 * @example
 * ```ts
 * import { Submissions } from "@homeward/cli"
 *
 * const read = Submissions.fromJson("child", [{ id: "CH-1", sex: "female" }])
 * for (const s of Submissions.check("child", read)) console.log(s.issues.map((i) => i.pathString)) // the missing fields
 * ```
 *
 * @since 0.1.0
 */
export const check = (
  type: Registry.RecordType,
  read: Read
): ReadonlyArray<Submission & { readonly issues: ReadonlyArray<Validation.ValidationIssue> }> =>
  read.submissions.map((s) => {
    const r = Validation.decodeUnknown(Registry.records[type], s.record, { row: s.row })
    return { ...s, issues: Result.isSuccess(r) ? [] : r.failure }
  })
