/**
 * `homeward import-submissions`: submissions collected with a Homeward form
 * in ODK Collect, ODK Web Forms or KoboToolbox, downloaded from ODK Central
 * or KoboToolbox (CSV or JSON), turned into Homeward records
 * ({@link Submissions}) and validated with `@homeward/validate` as one
 * dataset: every record against its record type, then the checks across
 * rows (ids unique, dates in order, no date after the as-of day …).
 *
 * The result is the records that pass their record type's checks (in their
 * JSON form, ready for `homeward validate`, a store or a report) and a
 * validation report in the shape of `homeward validate --format json`.
 * Problems name the row (the CSV row as a spreadsheet shows it, or the
 * submission's position in a JSON list), the column as the export wrote it
 * and the rule; like `homeward validate`, they never show the value of a
 * sensitive field (names, contacts, addresses, notes), nor a header that is
 * not a question of the form (it may be data).
 *
 * @since 0.2.0
 */
import { readFile } from "node:fs/promises"
import { basename, dirname, extname, join } from "node:path"
import { type PolicyProfile, Profiles, Registry, Validation } from "@homeward/core"
import { Bytes, Dataset, Mapping, Report, Rows, Unusable } from "@homeward/validate"
import { Result } from "effect"
import * as CollectionForm from "./CollectionForm.js"
import * as Input from "./Input.js"
import * as Submissions from "./Submissions.js"

/**
 * Options of {@link importText} and {@link importFile}.
 *
 * @since 0.2.0
 */
export interface ImportOptions {
  /** The record type the form collects (`child`, `household` …). */
  readonly as: string
  /** `csv` or `json` (default: from the file name, then the content). */
  readonly format?: "csv" | "json"
  /** CSV delimiter (default: guessed among `,` `;` tab `|`). */
  readonly delimiter?: string
  /** The day the data describes: no date may be after it. Default: today (UTC). */
  readonly asOf?: Date
  /** Policy profile of the age checks (an id of `Profiles.builtIn`, or a profile); default `cambodia-mosvy`. */
  readonly profile?: string | PolicyProfile.PolicyProfile
  /** How many problems to keep in full (default 1000). Counts stay exact. */
  readonly maxProblems?: number
}

/**
 * One submission that passed its record type's checks.
 *
 * @since 0.2.0
 */
export interface ImportedRecord {
  /** Its row (CSV) or position (JSON, from 1). */
  readonly row: number
  /** The submission's instance ID (`uuid:…`), when the export has it. */
  readonly instanceId?: string
  /** The record, in its JSON form. */
  readonly record: Record<string, unknown>
}

/**
 * The result of an import.
 *
 * @since 0.2.0
 */
export interface Imported {
  readonly type: Registry.RecordType
  /** Submissions read. */
  readonly submissions: number
  /** The records that pass their record type's checks, in file order. */
  readonly records: ReadonlyArray<ImportedRecord>
  readonly report: Report.ValidationReport
}

const today = (): Date => {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

const recordType = (as: string): Registry.RecordType => {
  if (!Registry.isRecordType(as) || !CollectionForm.formTypes.includes(as)) {
    throw new Input.UnusableInput(
      `unknown form record type "${as}"; use one of: ${CollectionForm.formTypes.join(", ")}`,
      "record-type"
    )
  }
  return as
}

const profileOf = (p: ImportOptions["profile"]): PolicyProfile.PolicyProfile => {
  if (p === undefined) return Profiles.cambodiaMosvy
  if (typeof p !== "string") return p
  const found = Profiles.get(p)
  if (found === undefined) {
    throw new Input.UnusableInput(
      `unknown policy profile "${p}"; use one of: ${Object.keys(Profiles.builtIn).join(", ")}`,
      "options"
    )
  }
  return found
}

const formatOf = (name: string, text: string): "csv" | "json" => {
  const ext = extname(name).toLowerCase()
  if (ext === ".json") return "json"
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return "csv"
  const head = text.replace(/^\uFEFF/, "").trimStart()
  return head.startsWith("[") || head.startsWith("{") ? "json" : "csv"
}

/** Add file-level problems to a finished report, keeping its counts and summary right. */
const withProblems = (
  report: Report.ValidationReport,
  extra: ReadonlyArray<Report.Problem>,
  format: "csv" | "json",
  columnOf: (column: string) => string
): Report.ValidationReport => {
  const rename = (p: Report.Problem): Report.Problem => ({
    ...p,
    column: columnOf(p.column),
    ...(p.related === undefined ? {} : { related: { ...p.related, column: columnOf(p.related.column) } })
  })
  const errors = extra.filter((p) => p.severity === "error").length
  const warnings = extra.length - errors
  const lines = new Map<string, Report.SummaryLine>()
  for (const l of report.summary) {
    const line = { ...l, column: columnOf(l.column) }
    const k = `${line.severity}\u0000${line.column}\u0000${line.rule}`
    const had = lines.get(k)
    lines.set(k, had === undefined ? line : { ...had, count: had.count + line.count })
  }
  for (const p of extra) {
    const k = `${p.severity}\u0000${p.column}\u0000${p.rule}`
    const had = lines.get(k)
    lines.set(
      k,
      had === undefined
        ? { column: p.column, rule: p.rule, severity: p.severity, count: 1 }
        : { ...had, count: had.count + 1 }
    )
  }
  return {
    ...report,
    format,
    errors: report.errors + errors,
    warnings: report.warnings + warnings,
    ok: report.ok && errors === 0,
    summary: Report.sortSummary(lines.values()),
    problems: [...extra, ...report.problems.map(rename)],
    ...(report.files === undefined
      ? {}
      : {
          files: report.files.map((f, i) =>
            i === 0 ? { ...f, format, errors: f.errors + errors, warnings: f.warnings + warnings } : f
          )
        })
  }
}

/**
 * Import submissions from the text of an export (and, for a CSV export of a
 * form with repeats, the CSV of each repeat, keyed as in
 * `Submissions.fromTables`). `name` names the file in the report. Throws
 * `UnusableInput` when nothing can be read (unknown record type, JSON that
 * does not parse or is not a list of submissions, a CSV whose header names
 * no question of the form).
 *
 * @example
 * ```ts
 * import { ImportSubmissions } from "@homeward/cli"
 *
 * const csv = "id,givenName,birth/date,birth/estimated,sex,meta/instanceID,_id\n" +
 *   "CH-1,Sokha,2012-02-29,false,female,uuid:1b2c,101\n"
 * const r = ImportSubmissions.importText(csv, "children.csv", { as: "child", asOf: new Date("2024-06-30") })
 * r.report.ok // true
 * r.records[0]?.record.id // "CH-1"
 * ```
 *
 * @since 0.2.0
 */
export const importText = (
  text: string,
  name: string,
  options: ImportOptions,
  repeats: Readonly<Record<string, string>> = {}
): Imported => {
  const type = recordType(options.as)
  const profile = profileOf(options.profile)
  const format = options.format ?? formatOf(name, text)
  const extra: Array<Report.Problem> = []
  let read: Submissions.Read
  let columnOf = (c: string) => c
  if (format === "json") {
    let data: unknown
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ""))
    } catch {
      throw new Input.UnusableInput(`${name} is not valid JSON`, "malformed")
    }
    read = Submissions.fromJson(type, data)
    if (read.unknownFields.includes("(not a list of submissions)")) {
      throw new Input.UnusableInput(
        `${name} is not a list of submissions (a JSON list, ODK Central's {"value": [...]} or KoboToolbox's {"results": [...]})`,
        "malformed"
      )
    }
    if (read.unknownFields.length > 0) {
      extra.push({
        severity: "warning",
        column: "(fields)",
        path: "",
        rule: "unknown-field",
        message: `${read.unknownFields.length} field name${read.unknownFields.length === 1 ? " is" : "s are"} not questions of the ${type} form and ${read.unknownFields.length === 1 ? "is" : "are"} ignored (not shown, as they may be data): export the submissions of this form's current version`
      })
    }
  } else {
    const { table, rows, headers } = Submissions.readCsv(text, options.delimiter)
    const repeatTables = Object.fromEntries(
      Object.entries(repeats).map(([k, v]) => [k, Submissions.readCsv(v, options.delimiter).table])
    )
    read = Submissions.fromTables(type, table, repeatTables, rows)
    // with no row, the header alone says whether the file is an export of this form
    const named =
      table.length > 0
        ? read.columns
        : Submissions.fromTables(type, [Object.fromEntries(headers.filter((h) => h !== "").map((h) => [h, ""]))])
            .columns
    if (headers.some((h) => h !== "") && Object.keys(named).length === 0) {
      throw new Input.UnusableInput(
        `no header of ${name} names a question of the ${type} form: export the submissions with XML names (not labels) and group names in the headers`,
        "no-header"
      )
    }
    const unknown = new Set(read.unknownFields)
    headers.forEach((h, i) => {
      if (!unknown.has(h)) return
      extra.push({
        severity: "warning",
        column: Rows.columnLabel(i),
        path: "",
        rule: "unknown-column",
        message: `The header of this column names no question of the ${type} form and the column is ignored; its header is not shown, as it may be data`
      })
    })
    for (const m of read.missingFields) {
      extra.push({
        severity: "error",
        column: m,
        path: m,
        rule: "missing-column",
        message: `The form's required question ${m} has no column in this export (checked once, not on every row)`
      })
    }
    const byPath = read.columns
    columnOf = (c: string) => {
      const plain = c.replace(/\[\d+\]/g, "")
      return Object.hasOwn(byPath, plain) ? (byPath[plain] as string) : c
    }
  }
  const session = Dataset.make({
    mapping: Mapping.single(type),
    asOf: options.asOf ?? today(),
    profile,
    name,
    ...(options.maxProblems !== undefined ? { maxProblems: options.maxProblems } : {})
  })
  const file = session.records({ name, format: "json" })
  const schema = Registry.records[type]
  const records: Array<ImportedRecord> = []
  for (const s of read.submissions) {
    file.record(s.row, s.record)
    const decoded = Validation.decodeUnknown(schema, s.record, { row: s.row })
    if (Result.isSuccess(decoded)) {
      records.push({
        row: s.row,
        ...(s.instanceId === undefined ? {} : { instanceId: s.instanceId }),
        record: Validation.encode(schema, decoded.success as never) as Record<string, unknown>
      })
    }
  }
  file.close()
  const report = withProblems(session.finish(), extra, format, columnOf)
  return { type, submissions: read.submissions.length, records, report }
}

const readText = async (path: string): Promise<string> => {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (e) {
    throw Input.fileProblem(e, path)
  }
  if (bytes.length === 0) throw new Input.UnusableInput(`${path} is empty`, "empty")
  return Bytes.decodeAll(bytes)
}

/**
 * Import submissions from an export file. For a CSV export of a form with
 * repeats, the CSV of each repeat is read from the same folder under the
 * file's own name followed by the repeat's (`visits-members.csv` beside
 * `visits.csv`), or else under the name ODK Central gives it
 * (`homeward_household-members.csv`, see `Submissions.repeatFileName`). Rejects with
 * `UnusableInput` when the file cannot be read or used at all.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { ImportSubmissions } from "@homeward/cli"
 *
 * // an ODK Central export of the child form (group-prefixed headers)
 * writeFileSync("homeward_child.csv", "KEY,id,birth-date,birth-estimated,sex\nuuid:1,CH-1,2010-05-01,no,female\n")
 * const r = await ImportSubmissions.importFile("homeward_child.csv", { as: "child" })
 * if (!r.report.ok) console.table(r.report.summary)
 * ```
 *
 * @since 0.2.0
 */
export const importFile = async (path: string, options: ImportOptions): Promise<Imported> => {
  const type = recordType(options.as)
  const text = await readText(path)
  const format = options.format ?? formatOf(path, text)
  const repeats: Record<string, string> = {}
  if (format === "csv") {
    const form = CollectionForm.make(type)
    const stem = basename(path).replace(/\.[^.]*$/, "")
    for (const q of CollectionForm.questions(form)) {
      if (q.kind !== "repeat") continue
      // the file's own name first (`visits-members.csv` beside `visits.csv`), then ODK Central's
      const names = [`${stem}-${q.path.join("-")}.csv`, Submissions.repeatFileName(form, q)]
      for (const name of names) {
        const candidate = join(dirname(path), name)
        if (candidate === path || repeats[q.path.join("-")] !== undefined) continue
        try {
          repeats[q.path.join("-")] = Bytes.decodeAll(await readFile(candidate))
        } catch (e) {
          if (Unusable.isUnusableInput(e)) throw e
          // no file for this repeat under this name
        }
      }
    }
  }
  return importText(text, path, { ...options, format }, repeats)
}
