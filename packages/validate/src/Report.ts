/**
 * The result of validating a file or a dataset: every problem with its row
 * (as a person sees it in the spreadsheet), column (the header as written,
 * or its position when the header text could be data), rule and a
 * plain-language message; counts per column and rule; the first problems in
 * full. Offending values are shown only for fields that are not sensitive
 * (never names, contacts, addresses or notes). The shape is version 1 of the
 * CLI's `--format json` output; fields are only ever added within a version.
 *
 * @since 0.1.0
 */
import type { Registry } from "@homeward/core"

/**
 * Supported input formats.
 *
 * @since 0.1.0
 */
export type Format = "csv" | "json" | "jsonl" | "xlsx"

/**
 * Another place a problem points to (the first row with a duplicated id, the
 * date of birth that comes after an admission date).
 *
 * @since 0.1.0
 */
export interface Related {
  /** The file, when the dataset has several files. */
  readonly file?: string
  readonly row?: number
  readonly column: string
}

/**
 * One problem.
 *
 * @since 0.1.0
 */
export interface Problem {
  readonly severity: "error" | "warning"
  /** Row number (header = row 1 in CSV/XLSX; line in JSON Lines; position in a JSON array). Absent for file-level problems. */
  readonly row?: number
  /** The column as written in the file's header (for JSON: the field path; for a header that may be data: `column C`). */
  readonly column: string
  /** The field path in the record (`birth.date`, `siblingIds[1]`). */
  readonly path: string
  /** Machine-readable rule (`type`, `required`, `choice`, `IsoDate`, `missing-column`, `duplicate-id` …). */
  readonly rule: string
  /** Plain-language message; never contains a value. */
  readonly message: string
  /** What kind of value was found (`text`, `number`, `missing` …). */
  readonly received?: string
  /** The offending value, only for non-sensitive fields, at most 40 characters. */
  readonly value?: string
  /** The file (or `file › sheet`), when the dataset has several. */
  readonly file?: string
  /** The record of the mapping (`child`, `case` …), when a row gives several. */
  readonly record?: string
  /** Another place the problem involves. */
  readonly related?: Related
  /** For checks across rows and files: where the rule comes from. */
  readonly source?: string
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
 * One file (or sheet) of a dataset.
 *
 * @since 0.1.0
 */
export interface FileSummary {
  readonly file: string
  readonly format: Format
  readonly delimiter?: string
  readonly sheet?: string
  readonly rows: number
  readonly validRows: number
  readonly invalidRows: number
  readonly errors: number
  readonly warnings: number
  /** Records read, by record name of the mapping. */
  readonly records: Readonly<Record<string, number>>
}

/**
 * Whether a check across rows and files ran.
 *
 * @since 0.1.0
 */
export interface CheckRun {
  readonly code: string
  readonly status: "ran" | "skipped"
  /** Why it was skipped (or what it covered). */
  readonly note?: string
  readonly source: string
}

/**
 * The result of validating a file or a dataset (the `--format json` output).
 *
 * @since 0.1.0
 */
export interface ValidationReport {
  /** Version of this shape. */
  readonly version: 1
  readonly file: string
  readonly format: Format
  /** The record type (the first one when a row gives several). */
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
  /** The as-of date (`YYYY-MM-DD`) of the date checks. */
  readonly asOf?: string
  /** Every record type a row gives, in mapping order. */
  readonly recordTypes?: ReadonlyArray<Registry.RecordType>
  /** Records read, by record name of the mapping. */
  readonly records?: Readonly<Record<string, number>>
  /** The files and sheets of the dataset. */
  readonly files?: ReadonlyArray<FileSummary>
  /** The checks across rows and files, and whether each ran. */
  readonly checks?: ReadonlyArray<CheckRun>
  /** The policy profile of the age checks. */
  readonly profile?: string
}

/**
 * The most problems a report may keep in full (counts stay exact beyond it).
 *
 * @since 0.1.0
 */
export const maxProblemsLimit = 100_000

/**
 * Order summary lines: errors first, then by count, column and rule.
 *
 * @example
 * ```ts
 * import { Report } from "@homeward/validate"
 *
 * Report.sortSummary([
 *   { column: "sex", rule: "choice", severity: "warning", count: 9 },
 *   { column: "birth.date", rule: "IsoDate", severity: "error", count: 2 }
 * ])[0]?.severity // "error": errors first
 * ```
 *
 * @since 0.1.0
 */
export const sortSummary = (lines: Iterable<SummaryLine>): Array<SummaryLine> =>
  [...lines].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      b.count - a.count ||
      a.column.localeCompare(b.column) ||
      a.rule.localeCompare(b.rule)
  )
