/**
 * Validating a file of records: every problem with its row (as a person sees
 * it in the spreadsheet), column (the original header), rule and a
 * plain-language message; counts per column and rule; the first problems in
 * full. Offending values are shown only for fields that are not sensitive
 * (never names, contacts, addresses or notes).
 *
 * @since 0.1.0
 */
import { readFile, stat } from "node:fs/promises"
import { Registry, Validation } from "@homeward/core"
import { Result } from "effect"
import * as Fields from "./Fields.js"
import * as Input from "./Input.js"
import * as FastPath from "./internal/fastPath.js"
import * as Mapping from "./Mapping.js"
import * as Rows from "./Rows.js"

/**
 * One problem.
 *
 * @since 0.1.0
 */
export interface Problem {
  readonly severity: "error" | "warning"
  /** Row number (header = row 1 in CSV/XLSX; line in JSON Lines; position in a JSON array). Absent for file-level problems. */
  readonly row?: number
  /** The column as written in the file's header (for JSON: the field path). */
  readonly column: string
  /** The field path in the record (`birth.date`, `siblingIds[1]`). */
  readonly path: string
  /** Machine-readable rule (`type`, `required`, `choice`, `IsoDate`, `missing-column`, `unknown-column` …). */
  readonly rule: string
  /** Plain-language message; never contains a value. */
  readonly message: string
  /** What kind of value was found (`text`, `number`, `missing` …). */
  readonly received?: string
  /** The offending value, only for non-sensitive fields, at most 40 characters. */
  readonly value?: string
}

/**
 * Problems counted by column, rule and severity.
 *
 * @since 0.1.0
 */
export interface SummaryLine {
  readonly column: string
  readonly rule: string
  readonly severity: "error" | "warning"
  readonly count: number
}

/**
 * The result of validating a file (the `--format json` output).
 *
 * @since 0.1.0
 */
export interface ValidationReport {
  /** Version of this shape. */
  readonly version: 1
  readonly file: string
  readonly format: Input.Format
  readonly recordType: Registry.RecordType
  readonly delimiter?: string
  readonly sheet?: string
  /** Data rows read (empty rows are skipped and not counted). */
  readonly rows: number
  readonly validRows: number
  readonly invalidRows: number
  /** Total errors and warnings (exact, even when `problems` is truncated). */
  readonly errors: number
  readonly warnings: number
  /** `true` when there is no error (warnings allowed). */
  readonly ok: boolean
  readonly summary: ReadonlyArray<SummaryLine>
  /** File-level problems first, then row problems in file order, at most `maxProblems`. */
  readonly problems: ReadonlyArray<Problem>
  readonly truncated: boolean
}

/**
 * Options of {@link validateFile}.
 *
 * @since 0.1.0
 */
export interface ValidateOptions {
  /** Record type name (`child`, `household`, …). */
  readonly as: string
  /** A mapping (already checked) or the path of a mapping JSON file. */
  readonly mapping?: Mapping.Mapping | string
  readonly format?: Input.Format
  readonly delimiter?: string
  readonly sheet?: string
  /** Order of slash dates (`31/12/2018`); default: only `YYYY-MM-DD` is accepted. */
  readonly dates?: Rows.DateOrder
  /** How many problems to keep in full (default 1000). */
  readonly maxProblems?: number
  /** Called now and then with the rows read and, when known, the fraction of the file read. */
  readonly onProgress?: (rows: number, fraction: number | undefined) => void
}

const MAX_VALUE = 40

const show = (v: unknown): string | undefined => {
  if (typeof v === "string") return v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE - 1)}…` : v
  if (typeof v === "number" || typeof v === "boolean") return String(v)
  return undefined
}

const valueAt = (input: unknown, path: ReadonlyArray<string | number>): unknown => {
  let cur: unknown = input
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return undefined
    cur = (cur as Record<string | number, unknown>)[k]
  }
  return cur
}

const dotted = (path: ReadonlyArray<string | number>): string => path.filter((s) => typeof s === "string").join(".")

/**
 * A reusable record checker: returns the problems of one record (empty when
 * it is valid). Clean records pass a quick test that runs the Schema's own
 * checks field by field; only the others go through the full decode that
 * explains every problem. This is what `validateFile` runs on every row.
 *
 * @example
 * ```ts
 * import { Validate } from "@homeward/cli"
 *
 * const check = Validate.validator("child")
 * check({ id: "CH-1" }, 2).map((i) => `${i.row} ${i.pathString}: ${i.message}`)
 * ```
 *
 * @since 0.1.0
 */
export const validator = (
  type: Registry.RecordType
): ((record: unknown, row?: number) => ReadonlyArray<Validation.ValidationIssue>) => {
  const decode = Validation.decoder(Registry.records[type])
  const clean = FastPath.compile(Registry.records[type])
  return (record, row) => {
    if (clean(record)) return []
    const r = decode(record, row)
    return Result.isFailure(r) ? r.failure : []
  }
}

/**
 * Load and check a mapping file. Throws {@link Input.UnusableInput} with every mistake.
 *
 * @since 0.1.0
 */
export const loadMapping = async (path: string, type: Registry.RecordType): Promise<Mapping.Mapping> => {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, "utf8"))
  } catch {
    throw new Input.UnusableInput(`bad mapping file ${path}: not found or not valid JSON`)
  }
  const r = Mapping.fromJson(json, type)
  if (Result.isFailure(r)) throw new Input.UnusableInput(`bad mapping file ${path}: ${r.failure.join("; ")}`)
  return r.success
}

/**
 * Validate a CSV, JSON, JSON Lines or XLSX file as records of one type.
 * Rejects with {@link Input.UnusableInput} when the file (or the record type,
 * or the mapping) cannot be used at all.
 *
 * @example
 * ```ts
 * import { Validate } from "@homeward/cli"
 *
 * const report = await Validate.validateFile("children.csv", { as: "child" })
 * if (!report.ok) console.table(report.summary)
 * ```
 *
 * @since 0.1.0
 */
export const validateFile = async (path: string, options: ValidateOptions): Promise<ValidationReport> => {
  if (!Registry.isRecordType(options.as)) {
    throw new Input.UnusableInput(`unknown record type "${options.as}"; use one of: ${Registry.recordTypes.join(", ")}`)
  }
  const type = options.as
  const mapping =
    options.mapping === undefined
      ? Mapping.empty
      : typeof options.mapping === "string"
        ? await loadMapping(options.mapping, type)
        : options.mapping
  const source = await Input.open(path, {
    ...(options.format !== undefined ? { format: options.format } : {}),
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {})
  })
  const size = options.onProgress === undefined ? 0 : (await stat(path)).size
  const maxProblems = options.maxProblems ?? 1000
  const root = Fields.describe(type)
  const check = validator(type)
  const fileProblems: Array<Problem> = []
  const rowProblems: Array<Problem> = []
  const counts = new Map<string, SummaryLine>()
  let errors = 0
  let warnings = 0
  let stored = 0
  const add = (p: Problem, fileLevel: boolean) => {
    if (p.severity === "error") errors++
    else warnings++
    const key = `${p.severity}\u0000${p.column}\u0000${p.rule}`
    const c = counts.get(key)
    counts.set(key, { column: p.column, rule: p.rule, severity: p.severity, count: (c?.count ?? 0) + 1 })
    if (stored < maxProblems) {
      stored++
      ;(fileLevel ? fileProblems : rowProblems).push(p)
    }
  }
  let rows = 0
  let invalidRows = 0

  const report = (
    issues: ReadonlyArray<Validation.ValidationIssue>,
    record: unknown,
    row: number,
    plan: Rows.Plan | undefined,
    hints: ReadonlyArray<Rows.CellHint>
  ) => {
    for (const issue of issues) {
      if (plan !== undefined && issue.rule === "required" && plan.missing.length > 0) {
        const d = dotted(issue.path)
        if (plan.missing.some((m) => m === d || m.startsWith(`${d}.`))) continue
      }
      const column =
        plan === undefined ? issue.pathString : (Rows.columnFor(plan, issue.path)?.header ?? issue.pathString)
      const hint = hints.find((h) => h.path === issue.pathString)
      // A value rejected as an id is not echoed: it is often a name typed into the id column.
      const value =
        issue.rule !== "required" && issue.rule !== "Id" && Fields.isShowable(root, issue.path)
          ? show(valueAt(record, issue.path))
          : undefined
      add(
        {
          severity: "error",
          row,
          column,
          path: issue.pathString,
          rule: issue.rule,
          message: hint === undefined ? issue.message : `${issue.message}; ${hint.hint}`,
          ...(issue.received !== undefined ? { received: issue.received } : {}),
          ...(value !== undefined ? { value } : {})
        },
        false
      )
    }
  }

  const tick = () => {
    if (options.onProgress !== undefined && rows % 5000 === 0) {
      const read = source.kind === "flat" ? source.bytesRead?.() : undefined
      options.onProgress(rows, read === undefined || size === 0 ? undefined : Math.min(1, read / size))
    }
  }

  if (source.kind === "flat") {
    const plan = Rows.plan(source.headers, type, mapping, options.dates ?? "iso")
    for (const c of plan.columns) {
      if (c.status === "unknown") {
        add(
          {
            severity: "warning",
            column: c.header,
            path: c.pathString,
            rule: "unknown-column",
            message: `This column is not a field of ${type} and is ignored (rename it, map it in a mapping file, or list it under "ignore")`
          },
          true
        )
      } else if (c.status === "duplicate") {
        add(
          {
            severity: "warning",
            column: c.header,
            path: c.pathString,
            rule: "duplicate-column",
            message: "Another column already fills this field; this one is ignored"
          },
          true
        )
      }
    }
    for (const m of plan.missing) {
      add(
        {
          severity: "error",
          column: m,
          path: m,
          rule: "missing-column",
          message: `Required field ${m} has no column in this file (checked once, not on every row)`
        },
        true
      )
    }
    const width = source.headers.length
    for await (const { row, cells } of source.rows) {
      rows++
      const before = errors
      if (cells.length > width) {
        const extra = cells.slice(width).some((c) => Rows.cellValue(c) !== undefined && String(c).trim() !== "")
        if (extra) {
          add(
            {
              severity: "error",
              row,
              column: `(after column ${width})`,
              path: "",
              rule: "extra-cells",
              message: `This row has ${cells.length} cells but the header has ${width}; check for an unquoted delimiter in a cell`
            },
            false
          )
        }
      }
      const { record, hints } = Rows.toRecord(plan, cells)
      const issues = check(record, row)
      if (issues.length > 0) report(issues, record, row, plan, hints)
      if (errors > before || plan.missing.length > 0) invalidRows++
      tick()
    }
  } else {
    for await (const { row, record } of source.rows) {
      rows++
      const before = errors
      if (record === Input.MALFORMED) {
        add(
          {
            severity: "error",
            row,
            column: "(line)",
            path: "",
            rule: "json",
            message: "This line is not valid JSON"
          },
          false
        )
      } else {
        const issues = check(record, row)
        if (issues.length > 0) report(issues, record, row, undefined, [])
      }
      if (errors > before) invalidRows++
      tick()
    }
  }
  if (rows === 0) {
    add(
      {
        severity: "warning",
        column: "(file)",
        path: "",
        rule: "no-rows",
        message: "The file has a header row but no records"
      },
      true
    )
  }
  options.onProgress?.(rows, 1)
  const summary = [...counts.values()].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      b.count - a.count ||
      a.column.localeCompare(b.column) ||
      a.rule.localeCompare(b.rule)
  )
  return {
    version: 1,
    file: path,
    format: source.format,
    recordType: type,
    ...(source.kind === "flat" && source.delimiter !== undefined ? { delimiter: source.delimiter } : {}),
    ...(source.kind === "flat" && source.sheet !== undefined ? { sheet: source.sheet } : {}),
    rows,
    validRows: rows - invalidRows,
    invalidRows,
    errors,
    warnings,
    ok: errors === 0,
    summary,
    problems: [...fileProblems, ...rowProblems],
    truncated: errors + warnings > stored
  }
}
