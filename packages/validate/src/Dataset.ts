/**
 * Validating a whole dataset: one file, the sheets of a workbook or a folder
 * of files, fed row by row (streaming: nothing is kept per row), then
 * checked as a whole.
 *
 * A session ({@link make}) takes files one after the other: flat files
 * (CSV, spreadsheet sheets: a header row, then rows of cells) give one or
 * several records per row through a {@link Mapping.DatasetMapping}; JSON
 * files give one record per item. Every record is checked against its
 * record type; every extra column against its declared kind and choices;
 * then the checks across fields, rows, records and files of
 * {@link Checks.catalogue} run: ids unique within and across files,
 * references that resolve, dates in order, no date after the as-of date,
 * the child's age on admission and plausible ages. Memory grows with the
 * number of ids (children, records, references), not with the number of
 * rows: per child a few numbers (its dates as `yyyymmdd`, where they were
 * found), per other id its first place, and one bit per row.
 *
 * @since 0.1.0
 */
import { type PolicyProfile, Profiles, type Registry, type Validation } from "@homeward/core"
import * as Checks from "./Checks.js"
import * as Csv from "./Csv.js"
import * as Fields from "./Fields.js"
import { ageOn, dateKey, keyOfDate, keyText } from "./internal/dates.js"
import { IdTable } from "./internal/idTable.js"
import * as Mapping from "./Mapping.js"
import * as Report from "./Report.js"
import * as Rows from "./Rows.js"
import { UnusableInput } from "./Unusable.js"
import * as Validator from "./Validator.js"

/**
 * Options of a session.
 *
 * @since 0.1.0
 */
export interface Options {
  readonly mapping: Mapping.DatasetMapping
  /** The day the data describes: no date may come after it; ages are counted on it. */
  readonly asOf: Date
  /** The policy profile of the age checks (default `Profiles.cambodiaMosvy`). */
  readonly profile?: PolicyProfile.PolicyProfile
  /** How many problems to keep in full (0 to {@link Report.maxProblemsLimit}; default 1000). Counts stay exact. */
  readonly maxProblems?: number
  /** Order of slash dates; overrides the mapping's `dates`. */
  readonly dates?: Mapping.DateOrder
  /** The name of the dataset in the report (`file`); default: the first file. */
  readonly name?: string
  /**
   * Run the checks across rows and files (default `true`); `false` checks
   * each record on its own only (ids, references and dates are not compared).
   */
  readonly checks?: boolean
  /**
   * Called with every problem as soon as it is found (a browser page can
   * show them while the file is read); the problems found across rows and
   * files come at `finish`. `file` is the name of the file it was found in.
   */
  readonly onProblem?: (problem: Report.Problem, file: string) => void
  /**
   * About how many children the dataset may name (e.g. from the file size):
   * the table of their ids is made that large at once instead of growing
   * (at most 4,000,000; default 32,768). Only speed depends on it.
   */
  readonly expectedIds?: number
}

/**
 * A flat file (CSV or a sheet): its name and header row.
 *
 * @since 0.1.0
 */
export interface FlatSource {
  /** How the file is named in problems and in the report. */
  readonly name: string
  readonly format: "csv" | "xlsx"
  readonly headers: ReadonlyArray<string>
  readonly delimiter?: string
  readonly sheet?: string
  /** Names the file answers to in a mapping's `from` (base name, sheet name). */
  readonly names?: ReadonlyArray<string>
}

/**
 * A file of JSON records.
 *
 * @since 0.1.0
 */
export interface RecordSource {
  readonly name: string
  readonly format: "json" | "jsonl"
  /** The mapping record the items are (default: the one whose `from` names the file, else the first). */
  readonly record?: string
  readonly names?: ReadonlyArray<string>
}

/**
 * Rows of a flat file.
 *
 * @since 0.1.0
 */
export interface FlatFile {
  /** One row: its number as the spreadsheet shows it and its cells. An empty row is skipped. */
  readonly row: (row: number, cells: ReadonlyArray<unknown>) => void
  /** The file is complete. */
  readonly close: () => void
}

/**
 * Items of a JSON file.
 *
 * @since 0.1.0
 */
export interface RecordFile {
  /** One item: its number (line or array index) and its value. */
  readonly record: (row: number, record: unknown) => void
  /** A JSON Lines line that is not JSON. */
  readonly malformed: (row: number) => void
  /** The file is complete. */
  readonly close: () => void
}

/**
 * A validation session.
 *
 * @since 0.1.0
 */
export interface Session {
  /** Start a flat file. Throws {@link UnusableInput} (`no-header`) when no header names a field or a column of the mapping. */
  readonly flat: (source: FlatSource) => FlatFile
  /** Start a JSON or JSON Lines file. */
  readonly records: (source: RecordSource) => RecordFile
  /** A file that could not be read at all, reported as one problem (in a folder, the others are still checked). */
  readonly unusable: (name: string, format: Report.Format, reason: string) => void
  /** Run the checks across rows and files and build the report. */
  readonly finish: () => Report.ValidationReport
  /** Rows read so far. */
  readonly rows: () => number
}

// ---------------------------------------------------------------------------
// locations: file, row and column packed in one number

const ROW_BITS = 2 ** 14
const FILE_BITS = 2 ** 43
const loc = (file: number, row: number, col: number): number => file * FILE_BITS + row * ROW_BITS + col
const locFile = (l: number): number => Math.floor(l / FILE_BITS)
const locRow = (l: number): number => Math.floor((l % FILE_BITS) / ROW_BITS)
const locCol = (l: number): number => l % ROW_BITS
const sameRow = (a: number, b: number): boolean => Math.floor(a / ROW_BITS) === Math.floor(b / ROW_BITS)

const MAX_ROW = 2 ** 29 - 1
const MAX_FILES = 1000

/** A growable array of whole numbers (dates as `yyyymmdd`). */
class Column32 {
  a: Int32Array
  constructor(n = 1024) {
    this.a = new Int32Array(n)
  }
  get(i: number): number {
    return i < this.a.length ? (this.a[i] as number) : 0
  }
  set(i: number, v: number): void {
    if (i >= this.a.length) {
      let n = this.a.length * 2
      while (n <= i) n *= 2
      const b = new Int32Array(n)
      b.set(this.a)
      this.a = b
    }
    this.a[i] = v
  }
}

/** A growable array of numbers. */
class Column64 {
  a: Float64Array
  constructor(n = 1024) {
    this.a = new Float64Array(n)
  }
  get(i: number): number {
    return i < this.a.length ? (this.a[i] as number) : 0
  }
  set(i: number, v: number): void {
    if (i >= this.a.length) {
      let n = this.a.length * 2
      while (n <= i) n *= 2
      const b = new Float64Array(n)
      b.set(this.a)
      this.a = b
    }
    this.a[i] = v
  }
}

// ---------------------------------------------------------------------------
// what the dataset checks know about record types

type Target = "child" | "household" | "institution" | "member" | "member-or-child" | "support-plan" | "case"

const REFERENCES: Readonly<Partial<Record<Registry.RecordType, ReadonlyArray<readonly [string, Target]>>>> = {
  case: [
    ["childId", "child"],
    ["institutionId", "institution"],
    ["placement.institutionId", "institution"],
    ["placement.householdId", "household"]
  ],
  assessment: [["householdId", "household"]],
  contact: [["householdId", "household"]],
  "support-plan": [["householdId", "household"]],
  "best-interest-determination": [["householdId", "household"]],
  "support-payment": [["planId", "support-plan"]],
  "safety-plan": [["householdId", "household"]],
  "reunification-agreement": [
    ["householdId", "household"],
    ["caregiverId", "member"]
  ],
  consent: [["givenBy", "member-or-child"]],
  "child-views": [["preferredPeople.memberId", "member"]]
}

const TARGET_TYPES: Readonly<Record<Target, ReadonlyArray<Registry.RecordType>>> = {
  child: ["child"],
  household: ["household"],
  institution: ["institution"],
  member: ["household"],
  "member-or-child": ["household", "child"],
  "support-plan": ["support-plan"],
  case: ["case"]
}

type StageName = Mapping.Stage | "admitted-if-residential"

const STAGES: Readonly<Partial<Record<Registry.RecordType, Readonly<Record<string, StageName>>>>> = {
  child: { "birth.date": "born" },
  case: { "placement.since": "admitted-if-residential", openedOn: "opened" },
  "follow-up-visit": { date: "visit" },
  contact: { date: "visit" },
  assessment: { date: "event" },
  consent: { givenOn: "event" }
}

const RESIDENTIAL = new Set(["residential-care", "transitional-shelter", "other-residential"])

const RANK: Readonly<Record<Mapping.Stage, number>> = { born: 0, event: 1, admitted: 1, opened: 2, visit: 3 }

const before = (a: Mapping.Stage, b: Mapping.Stage): boolean =>
  a === "born" ? b !== "born" : a !== "event" && b !== "event" && RANK[a] < RANK[b]

const STAGE_WORDS: Readonly<Record<Mapping.Stage, string>> = {
  born: "the date of birth",
  admitted: "the admission date",
  opened: "the date the case was opened",
  visit: "a visit date",
  event: "this date"
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/

/** Paths of calendar-date fields of a record type, and whether they sit inside a list. */
const datePaths = (root: Fields.Field): Array<{ readonly path: ReadonlyArray<string>; readonly inList: boolean }> => {
  const out: Array<{ path: Array<string>; inList: boolean }> = []
  const go = (f: Fields.Field, path: Array<string>, inList: boolean, depth: number) => {
    if (depth > 8) return
    if (f.kind === "text" && f.format === "date") out.push({ path, inList })
    else if (f.kind === "group") for (const c of f.fields ?? []) go(c, [...path, c.name], inList, depth + 1)
    else if (f.kind === "list" && f.items !== undefined) go(f.items, path, true, depth + 1)
  }
  go(root, [], false, 0)
  return out
}

/** Values at a path, stepping into every list item on the way. */
const valuesAt = (
  v: unknown,
  path: ReadonlyArray<string>,
  at: Array<string | number>,
  out: Array<{ path: Array<string | number>; value: unknown }>,
  depth = 0
): void => {
  if (depth > 12 || v === null || typeof v !== "object") {
    if (path.length === 0) out.push({ path: at, value: v })
    return
  }
  if (Array.isArray(v)) {
    const n = Math.min(v.length, Rows.maxListIndex + 1)
    for (let i = 0; i < n; i++) valuesAt(v[i], path, [...at, i], out, depth + 1)
    return
  }
  if (path.length === 0) {
    out.push({ path: at, value: v })
    return
  }
  const [k, ...rest] = path as [string, ...Array<string>]
  if (Object.hasOwn(v, k)) valuesAt((v as Record<string, unknown>)[k], rest, [...at, k], out, depth + 1)
}

const firstAt = (v: unknown, path: ReadonlyArray<string | number>): unknown => {
  let cur = v
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return undefined
    cur = (cur as Record<string | number, unknown>)[k]
  }
  return cur
}

const MAX_VALUE = 40

const show = (v: unknown): string | undefined => {
  if (typeof v === "string") return v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE - 1)}…` : v
  if (typeof v === "number" || typeof v === "boolean") return String(v)
  return undefined
}

const dotted = (path: ReadonlyArray<string | number>): string => path.filter((s) => typeof s === "string").join(".")

// ---------------------------------------------------------------------------

interface FileState {
  readonly name: string
  readonly format: Report.Format
  readonly sheet?: string
  readonly delimiter?: string
  /** Column labels by index (headers as written, or field paths for JSON). */
  readonly columns: Array<string>
  /** Columns that feed a sensitive field of any record, or a sensitive extra column: their values are never shown. */
  readonly sensitive: Set<number>
  readonly columnIndex: Map<string, number>
  rows: number
  invalid: Uint8Array
  invalidRows: number
  errors: number
  warnings: number
  readonly records: Record<string, number>
}

interface Stored {
  readonly problem: Report.Problem
  readonly file: number
  readonly fileLevel: boolean
  /** Position of the column in the file (problems of a row are listed left to right). */
  readonly col: number
  readonly seq: number
}

/** What is known of one child across the dataset. */
class Children {
  /** Ids of children (declared by a child record, or referred to), by dense index. */
  readonly index: IdTable
  readonly declared: Column64
  readonly born: Column32
  readonly bornLoc: Column64
  constructor(expected: number) {
    this.index = new IdTable(expected)
    this.declared = new Column64(expected)
    this.born = new Column32(expected)
    this.bornLoc = new Column64(expected)
  }
  get n(): number {
    return this.index.size
  }
  /* declared: loc + 1 of the child record (0: none yet); born, bornLoc: the date of birth and where */
  /** Per stage: the earliest date and where; admitted also the latest. */
  readonly min: Partial<Record<Mapping.Stage, { v: Column32; loc: Column64 }>> = {}
  readonly max: Partial<Record<Mapping.Stage, { v: Column32; loc: Column64 }>> = {}
  /** Whether any date other than a birth was noted (else there is nothing to compare across rows). */
  others = false
  at(id: string): number {
    return this.index.add(id)
  }
  note(stage: Mapping.Stage, i: number, key: number, where: number): void {
    if (stage === "born") {
      const cur = this.born.get(i)
      if (cur === 0 || key < cur) {
        this.born.set(i, key)
        this.bornLoc.set(i, where)
      }
      return
    }
    this.others = true
    const m = this.min[stage] ?? { v: new Column32(), loc: new Column64() }
    this.min[stage] = m
    const cur = m.v.get(i)
    if (cur === 0 || key < cur) {
      m.v.set(i, key)
      m.loc.set(i, where)
    }
    if (stage === "admitted") {
      const x = this.max[stage] ?? { v: new Column32(), loc: new Column64() }
      this.max[stage] = x
      if (key > x.v.get(i)) {
        x.v.set(i, key)
        x.loc.set(i, where)
      }
    }
  }
}

/**
 * Start a session.
 *
 * @example
 * ```ts
 * import { Dataset, Mapping } from "@homeward/validate"
 *
 * const session = Dataset.make({ mapping: Mapping.single("child"), asOf: new Date("2024-01-31") })
 * const file = session.flat({ name: "children.csv", format: "csv", headers: ["id", "birth.date", "birth.estimated", "sex", "school"] })
 * file.row(2, ["CH-1", "2010-05-01", "no", "female", "enrolled"])
 * file.row(3, ["CH-1", "2031-01-01", "no", "male", "enrolled"])
 * file.close()
 * session.finish().problems.map((p) => [p.row, p.rule]) // [[3, "date-after-as-of"], [3, "duplicate-id"]]
 * ```
 *
 * @since 0.1.0
 */
export const make = (options: Options): Session => {
  const maxProblems = options.maxProblems ?? 1000
  if (!Number.isInteger(maxProblems) || maxProblems < 0 || maxProblems > Report.maxProblemsLimit) {
    throw new UnusableInput(
      `the number of problems to keep must be a whole number from 0 to ${Report.maxProblemsLimit.toLocaleString("en-US")}`,
      "options"
    )
  }
  if (!(options.asOf instanceof Date) || Number.isNaN(options.asOf.getTime())) {
    throw new UnusableInput("the as-of date is not a valid date", "options")
  }
  const mapping = options.mapping
  const profile = options.profile ?? Profiles.cambodiaMosvy
  const asOfKey = keyOfDate(options.asOf)
  const adult = Checks.adultAge(profile, options.asOf).value
  const catalogue = Checks.catalogue(profile, options.asOf)
  const sourceOf = (code: string): string => {
    const c = catalogue.find((x) => x.code === code)
    return c === undefined ? "" : Checks.sourceLine(c.source)
  }
  const many = mapping.records.length > 1
  const across = options.checks !== false

  const files: Array<FileState> = []
  const stored: Array<Stored> = []
  const summary = new Map<string, Report.SummaryLine>()
  let errors = 0
  let warnings = 0
  let seq = 0
  let totalRows = 0
  const recordCounts: Record<string, number> = {}
  const typesSeen = new Set<Registry.RecordType>()

  const expectedIds = Math.max(1024, Math.min(4_000_000, Math.floor(options.expectedIds ?? 32_768)))
  const children = new Children(Number.isFinite(expectedIds) ? expectedIds : 32_768)
  /** Ids of the records of each type (other than children) and where each was first found. */
  const ids = new Map<Registry.RecordType, { readonly table: IdTable; readonly loc: Column64 }>()
  /** Ids of household members. */
  const members = new IdTable(256)
  /** References not resolved when they were read: by target, the id, where first, how many, at which path. */
  const pending = new Map<
    Target,
    { readonly table: IdTable; readonly loc: Column64; readonly count: Column64; readonly path: Array<string> }
  >()
  const stagesSeen = new Set<Mapping.Stage>()
  let bornSeen = false

  const markInvalid = (f: FileState, row: number) => {
    if (row < 1 || row > MAX_ROW) return
    const byte = row >> 3
    if (byte >= f.invalid.length) {
      let n = f.invalid.length * 2
      while (n <= byte) n *= 2
      const b = new Uint8Array(n)
      b.set(f.invalid)
      f.invalid = b
    }
    const bit = 1 << (row & 7)
    if (((f.invalid[byte] as number) & bit) === 0) {
      f.invalid[byte] = (f.invalid[byte] as number) | bit
      f.invalidRows++
    }
  }

  const add = (fileNo: number, p: Report.Problem, fileLevel = false) => {
    const f = files[fileNo]
    if (p.severity === "error") {
      errors++
      if (f !== undefined) {
        f.errors++
        if (!fileLevel && p.row !== undefined) markInvalid(f, p.row)
      }
    } else {
      warnings++
      if (f !== undefined) f.warnings++
    }
    const key = `${p.severity}\u0000${p.column}\u0000${p.rule}`
    const c = summary.get(key)
    if (c === undefined) summary.set(key, { column: p.column, rule: p.rule, severity: p.severity, count: 1 })
    else summary.set(key, { ...c, count: c.count + 1 })
    if (options.onProblem !== undefined) options.onProblem(p, f?.name ?? "")
    if (stored.length < maxProblems) {
      const col = f?.columnIndex.get(p.column) ?? ROW_BITS
      stored.push({ problem: p, file: fileNo, fileLevel, col, seq: seq++ })
    }
  }

  const colOf = (f: FileState, label: string): number => {
    let i = f.columnIndex.get(label)
    if (i === undefined) {
      i = f.columns.length
      if (i >= ROW_BITS - 1) return ROW_BITS - 1
      f.columns.push(label)
      f.columnIndex.set(label, i)
    }
    return i
  }

  const openFile = (
    name: string,
    format: Report.Format,
    extra: { sheet?: string; delimiter?: string },
    columns: ReadonlyArray<string>
  ): number => {
    if (files.length >= MAX_FILES) {
      throw new UnusableInput(`a dataset may have at most ${MAX_FILES} files and sheets`, "too-large")
    }
    const f: FileState = {
      name,
      format,
      ...(extra.sheet !== undefined ? { sheet: extra.sheet } : {}),
      ...(extra.delimiter !== undefined ? { delimiter: extra.delimiter } : {}),
      columns: [],
      sensitive: new Set(),
      columnIndex: new Map(),
      rows: 0,
      invalid: new Uint8Array(64),
      invalidRows: 0,
      errors: 0,
      warnings: 0,
      records: {}
    }
    files.push(f)
    for (const c of columns) colOf(f, c)
    return files.length - 1
  }

  const validators = new Map<string, Validator.Validator>()
  const validatorFor = (type: Registry.RecordType, optional: ReadonlyArray<string>): Validator.Validator => {
    const key = `${type}\u0000${[...optional].sort().join(",")}`
    let v = validators.get(key)
    if (v === undefined) {
      v = Validator.make(type, optional.length > 0 ? { optional: new Set(optional) } : {})
      validators.set(key, v)
    }
    return v
  }

  // -------------------------------------------------------------------------
  // per record

  /** Report schema issues of one record. */
  const reportIssues = (
    fileNo: number,
    issues: ReadonlyArray<Validation.ValidationIssue>,
    record: unknown,
    row: number,
    root: Fields.Field,
    column: (path: ReadonlyArray<string | number>) => string,
    skip: ReadonlyArray<string>,
    hints: ReadonlyArray<Rows.CellHint>,
    recordName: string | undefined,
    hidden: (path: ReadonlyArray<string | number>) => boolean
  ) => {
    for (const issue of issues) {
      if (issue.rule === "required" && skip.length > 0) {
        const d = dotted(issue.path)
        if (skip.some((m) => m === d || m.startsWith(`${d}.`))) continue
      }
      const hint = hints.find((h) => h.path === issue.pathString)
      // A value rejected as an id is not echoed: it is often a name typed into the id column.
      const value =
        issue.rule !== "required" && issue.rule !== "Id" && Fields.isShowable(root, issue.path) && !hidden(issue.path)
          ? show(firstAt(record, issue.path))
          : undefined
      add(fileNo, {
        severity: "error",
        row,
        column: column(issue.path),
        path: issue.pathString,
        rule: issue.rule,
        message: hint === undefined ? issue.message : `${issue.message}; ${hint.hint}`,
        ...(issue.received !== undefined ? { received: issue.received } : {}),
        ...(value !== undefined ? { value } : {}),
        ...(recordName !== undefined ? { record: recordName } : {})
      })
    }
  }

  const dateInfo = new Map<Registry.RecordType, ReturnType<typeof datePaths>>()
  const datesOf = (type: Registry.RecordType) => {
    let d = dateInfo.get(type)
    if (d === undefined) {
      d = datePaths(Fields.describe(type))
      dateInfo.set(type, d)
    }
    return d
  }

  interface RowDate {
    readonly stage: Mapping.Stage
    readonly key: number
    readonly loc: number
  }

  /** The dates of one row, in reused slots (no allocation per row). */
  class RowDates {
    private readonly slots: Array<{ stage: Mapping.Stage; key: number; loc: number }> = []
    length = 0
    push(stage: Mapping.Stage, key: number, where: number): void {
      const s = this.slots[this.length]
      if (s === undefined) this.slots.push({ stage, key, loc: where })
      else {
        s.stage = stage
        s.key = key
        s.loc = where
      }
      this.length++
    }
    at(i: number): RowDate {
      return this.slots[i] as RowDate
    }
  }

  /** What the checks across rows read in a record, worked out once per file and record. */
  interface Sides {
    /** Whether a record of this type was read (set on the first one). */
    seen: boolean
    readonly fileNo: number
    readonly type: Registry.RecordType
    readonly root: Fields.Field
    readonly column: (path: ReadonlyArray<string | number>) => string
    readonly named: { readonly record?: string }
    readonly unique: boolean
    readonly generated: boolean
    readonly hidden: (path: ReadonlyArray<string | number>) => boolean
    /** Column of `id`. */
    readonly idCol: number
    readonly idLabel: string
    readonly refs: ReadonlyArray<{ readonly path: ReadonlyArray<string>; readonly target: Target }>
    readonly dates: ReadonlyArray<{
      readonly path: ReadonlyArray<string>
      readonly inList: boolean
      readonly stage: StageName | undefined
      /** For a date outside lists: its column, label and whether its value may be shown. */
      readonly col: number
      readonly label: string
      readonly show: boolean
      readonly pathText: string
    }>
  }

  const sidesOf = (
    fileNo: number,
    type: Registry.RecordType,
    root: Fields.Field,
    column: (path: ReadonlyArray<string | number>) => string,
    recordName: string | undefined,
    opts: {
      readonly unique: boolean
      readonly generated: boolean
      readonly filled: ReadonlySet<string>
      readonly hidden: (path: ReadonlyArray<string | number>) => boolean
    }
  ): Sides => {
    const f = files[fileNo] as FileState
    const stages = STAGES[type]
    const idLabel = column(["id"])
    return {
      seen: false,
      fileNo,
      type,
      root,
      column,
      named: recordName !== undefined ? { record: recordName } : {},
      unique: opts.unique,
      generated: opts.generated,
      hidden: opts.hidden,
      idCol: colOf(f, idLabel),
      idLabel,
      refs: (REFERENCES[type] ?? [])
        .filter(([path]) => !opts.filled.has(path))
        .map(([path, target]) => ({ path: path.split("."), target })),
      dates: datesOf(type).map(({ path, inList }) => {
        const label = inList ? "" : column(path)
        return {
          path,
          inList,
          stage: inList ? undefined : stages?.[path.join(".")],
          col: inList ? -1 : colOf(f, label),
          label,
          show: !inList && Fields.isShowable(root, path) && !opts.hidden(path),
          pathText: path.join(".")
        }
      })
    }
  }

  const describeLoc = (l: number, fileNo: number): Report.Related => {
    const rf = files[locFile(l)] as FileState
    return {
      ...(files.length > 1 || locFile(l) !== fileNo ? { file: rf.name } : {}),
      row: locRow(l),
      column: rf.columns[locCol(l)] ?? ""
    }
  }

  const afterAsOf = (sides: Sides, row: number, label: string, pathText: string, value: string | undefined) => {
    add(sides.fileNo, {
      severity: "error",
      row,
      column: label,
      path: pathText,
      rule: "date-after-as-of",
      message: `This date is after the as-of date (${keyText(asOfKey)}); check the year, and the order of day and month`,
      ...(value !== undefined ? { value } : {}),
      source: sourceOf("date-after-as-of"),
      ...sides.named
    })
  }

  /**
   * The dataset side of one record: its id, its references, its dates (the
   * child's dates are added to `rowDates`). Returns the index of the child
   * when the record is a child with an id.
   */
  const datasetRecord = (sides: Sides, row: number, record: unknown, rowDates: RowDates, valid: boolean): number => {
    if (!across || record === null || typeof record !== "object" || Array.isArray(record)) return -1
    const fileNo = sides.fileNo
    const f = files[fileNo] as FileState
    const type = sides.type
    if (!sides.seen) {
      sides.seen = true
      typesSeen.add(type)
    }
    const o = record as Record<string, unknown>
    let childIndex = -1
    // ids
    const id = o["id"]
    // a valid record's id passed the Schema's own id check
    if (typeof id === "string" && !sides.generated && (valid || ID.test(id))) {
      const here = loc(fileNo, row, sides.idCol)
      if (type === "child") {
        const i = children.at(id)
        childIndex = i
        const first = children.declared.get(i)
        if (first === 0) children.declared.set(i, here + 1)
        else if (sides.unique) duplicate(sides, row, "child", first - 1)
      } else {
        let m = ids.get(type)
        if (m === undefined) {
          m = { table: new IdTable(), loc: new Column64() }
          ids.set(type, m)
        }
        const before = m.table.size
        const k = m.table.add(id)
        if (m.table.size > before) m.loc.set(k, here)
        else if (sides.unique) duplicate(sides, row, type, m.loc.get(k))
      }
    }
    if (type === "household" && Array.isArray(o["members"])) {
      const list = o["members"] as Array<unknown>
      for (let k = 0; k < Math.min(list.length, Rows.maxListIndex + 1); k++) {
        const mid = (list[k] as { id?: unknown } | null)?.id
        if (typeof mid === "string" && ID.test(mid)) members.add(mid)
      }
    }
    // references
    for (const ref of sides.refs) {
      const found: Array<{ path: Array<string | number>; value: unknown }> = []
      valuesAt(record, ref.path, [], found)
      for (const { path: p, value } of found) {
        if (typeof value !== "string" || !ID.test(value) || resolved(ref.target, value)) continue
        let m = pending.get(ref.target)
        if (m === undefined) {
          m = { table: new IdTable(), loc: new Column64(), count: new Column64(), path: [] }
          pending.set(ref.target, m)
        }
        const before = m.table.size
        const k = m.table.add(value)
        if (m.table.size > before) {
          m.loc.set(k, loc(fileNo, row, colOf(f, sides.column(p))))
          m.path[k] = Rows.pathString(p)
        }
        m.count.set(k, m.count.get(k) + 1)
      }
    }
    // dates: after the as-of date, and the child's stages
    for (const d of sides.dates) {
      if (d.inList) {
        const found: Array<{ path: Array<string | number>; value: unknown }> = []
        valuesAt(record, d.path, [], found)
        for (const { path: p, value } of found) {
          const key = dateKey(value)
          if (key > asOfKey) afterAsOf(sides, row, sides.column(p), Rows.pathString(p), undefined)
        }
        continue
      }
      const v = firstAt(record, d.path)
      if (v === undefined) continue
      const key = dateKey(v)
      if (key === 0) continue
      if (key > asOfKey) afterAsOf(sides, row, d.label, d.pathText, d.show ? String(v) : undefined)
      let stage = d.stage
      if (stage === "admitted-if-residential") {
        const t = firstAt(record, ["placement", "type"])
        stage = typeof t === "string" && RESIDENTIAL.has(t) ? "admitted" : undefined
      }
      if (stage !== undefined) rowDates.push(stage, key, loc(fileNo, row, d.col))
    }
    return childIndex
  }

  const duplicate = (sides: Sides, row: number, type: Registry.RecordType, first: number) => {
    const related = describeLoc(first, sides.fileNo)
    add(sides.fileNo, {
      severity: "error",
      row,
      column: sides.idLabel,
      path: "id",
      rule: "duplicate-id",
      message: `Another ${type} record already has this id (${describeText(related)})`,
      related,
      source: sourceOf("duplicate-id"),
      ...sides.named
    })
  }

  const resolved = (target: Target, id: string): boolean => {
    switch (target) {
      case "child": {
        const i = children.index.find(id)
        return i !== -1 && children.declared.get(i) !== 0
      }
      case "member":
        return members.has(id)
      case "member-or-child": {
        const i = children.index.find(id)
        return members.has(id) || (i !== -1 && children.declared.get(i) !== 0)
      }
      default:
        return ids.get(target)?.table.has(id) ?? false
    }
  }

  const describeText = (r: Report.Related): string =>
    `${r.file !== undefined ? `${r.file}, ` : ""}row ${r.row}${r.column !== "" ? `, column ${r.column}` : ""}`

  const relatedOf = (l: number, fileNo: number): Report.Related => {
    const rf = files[locFile(l)] as FileState
    return {
      ...(files.length > 1 || locFile(l) !== fileNo ? { file: rf.name } : {}),
      row: locRow(l),
      column: rf.columns[locCol(l)] ?? ""
    }
  }

  /** Checks within one row's dates, then remember the child's dates for the checks across rows. */
  const rowDatesDone = (fileNo: number, row: number, subject: string | undefined, rowDates: RowDates, index = -1) => {
    const n = rowDates.length
    if (n === 0 || !across) return
    let born: RowDate | undefined
    for (let k = 0; k < n; k++) {
      const d = rowDates.at(k)
      if (d.stage === "born") {
        if (born === undefined) born = d
      } else if (!stagesSeen.has(d.stage)) stagesSeen.add(d.stage)
    }
    if (n > 1) {
      const reported = new Set<number>()
      for (let x = 0; x < n; x++) {
        const a = rowDates.at(x)
        for (let y = 0; y < n; y++) {
          const b = rowDates.at(y)
          if (x === y || !before(a.stage, b.stage) || b.key >= a.key || reported.has(b.loc)) continue
          reported.add(b.loc)
          orderProblem(fileNo, row, b, a)
        }
      }
    }
    if (born !== undefined) {
      bornSeen = true
      if (!stagesSeen.has("born")) stagesSeen.add("born")
      if (ageOn(born.key, asOfKey) > Checks.plausibleMaxAge) {
        const f = files[fileNo] as FileState
        add(fileNo, {
          severity: "warning",
          row,
          column: f.columns[locCol(born.loc)] ?? "",
          path: "",
          rule: "implausible-age",
          message: `This child would be ${ageOn(born.key, asOfKey)} years old on the as-of date (${keyText(asOfKey)}); check the year of birth`,
          source: sourceOf("implausible-age")
        })
      }
      for (let k = 0; k < n; k++) {
        const d = rowDates.at(k)
        // an admission after the as-of date is reported as such, not also as an adult's
        if (d.stage === "admitted" && d.key >= born.key && d.key <= asOfKey && ageOn(born.key, d.key) >= adult) {
          adultProblem(fileNo, row, d, born)
        }
      }
    }
    if (index < 0 && (subject === undefined || !ID.test(subject))) return
    const i = index >= 0 ? index : children.at(subject as string)
    for (let k = 0; k < n; k++) {
      const d = rowDates.at(k)
      children.note(d.stage, i, d.key, d.loc)
    }
  }

  const orderProblem = (fileNo: number, row: number, later: RowDate, earlier: RowDate) => {
    const related = relatedOf(earlier.loc, fileNo)
    const f = files[fileNo] as FileState
    add(fileNo, {
      severity: "error",
      row,
      column: f.columns[locCol(later.loc)] ?? "",
      path: "",
      rule: "dates-in-order",
      message: `This date is before ${STAGE_WORDS[earlier.stage]} (${describeText(related)}); the order must be born ≤ admitted ≤ case opened ≤ visits`,
      ...(f.sensitive.has(locCol(later.loc)) ? {} : { value: keyText(later.key) }),
      related,
      source: sourceOf("dates-in-order")
    })
  }

  const adultProblem = (fileNo: number, row: number, admitted: RowDate, born: RowDate) => {
    const related = relatedOf(born.loc, fileNo)
    const f = files[fileNo] as FileState
    add(fileNo, {
      severity: "error",
      row,
      column: f.columns[locCol(admitted.loc)] ?? "",
      path: "",
      rule: "adult-on-admission",
      message: `The child was ${ageOn(born.key, admitted.key)} on this admission date (date of birth: ${describeText(related)}); a child in care is under ${adult}`,
      related,
      source: sourceOf("adult-on-admission")
    })
  }

  // -------------------------------------------------------------------------
  // files

  const flat = (source: FlatSource): FlatFile => {
    const names = source.names ?? [source.name]
    const plan = Rows.planFile(source.headers, mapping, names, options.dates)
    if (!plan.known) {
      const what =
        mapping.records.length === 1 && mapping.identity
          ? `a field of ${mapping.records[0]?.type}`
          : "a column of the mapping"
      throw new UnusableInput(
        `no cell of the first row of ${source.name} names ${what}: the file has no header row, or its headers need a mapping file (--mapping) or a preset (--preset)`,
        "no-header"
      )
    }
    const fileNo = openFile(
      source.name,
      source.format,
      {
        ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
        ...(source.delimiter !== undefined ? { delimiter: source.delimiter } : {})
      },
      source.headers.map((h, i) => {
        const u = plan.uses[i]
        return u !== undefined && (u.status === "unknown" || u.status === "index") ? Rows.columnLabel(i) : h
      })
    )
    const f = files[fileNo] as FileState
    // file-level problems
    for (const u of plan.uses) {
      if (u.status === "unknown") {
        add(
          fileNo,
          {
            severity: "warning",
            column: Rows.columnLabel(u.index),
            path: "",
            rule: "unknown-column",
            message: `The header of this column names no field${many || !mapping.identity ? " or column of the mapping" : ` of ${mapping.records[0]?.type}`} and the column is ignored (rename it, map it in a mapping file, or list it under "ignore"); its header is not shown, as it may be data`
          },
          true
        )
      } else if (u.status === "duplicate") {
        add(
          fileNo,
          {
            severity: "warning",
            column: u.header,
            path: u.path ?? "",
            rule: "duplicate-column",
            message: "Another column already fills this field; this one is ignored"
          },
          true
        )
      } else if (u.status === "index") {
        add(
          fileNo,
          {
            severity: "error",
            column: Rows.columnLabel(u.index),
            path: u.path ?? "",
            rule: "list-index",
            message: `The header of this column names a list item above ${Rows.maxListIndex} (at most ${Rows.maxListIndex + 1} items per list); the column is ignored`
          },
          true
        )
      }
    }
    for (const rp of plan.records) {
      if (rp.partial) continue
      for (const m of rp.missing) {
        add(
          fileNo,
          {
            severity: "error",
            column: m,
            path: m,
            rule: "missing-column",
            message: `Required field ${m}${many ? ` of ${rp.record.name}` : ""} has no column in this file (checked once, not on every row)`,
            ...(many ? { record: rp.record.name } : {})
          },
          true
        )
      }
    }
    for (const spec of mapping.extra.values()) {
      if (!spec.required || plan.extra.some((e) => e.spec === spec)) continue
      if (spec.from !== undefined && !spec.from.some((x) => names.some((n) => n.toLowerCase() === x.toLowerCase())))
        continue
      add(
        fileNo,
        {
          severity: "error",
          column: spec.header,
          path: "",
          rule: "missing-column",
          message: "This required column of the mapping is not in the file"
        },
        true
      )
    }
    // a column that feeds a sensitive field of any record is never shown, whatever other record reads it
    for (const rp of plan.records) {
      for (const c of rp.columns) if (c.status === "field" && c.field?.sensitive === true) f.sensitive.add(c.index)
    }
    for (const e of plan.extra) if (e.spec.sensitive) f.sensitive.add(e.index)
    const everyRowInvalid = plan.records.some((r) => !r.partial && r.missing.length > 0)
    const width = source.headers.length
    const recs = plan.records.map((rp) => {
      const optional = rp.partial ? rp.missing : []
      const byPath = (path: ReadonlyArray<string | number>): string => {
        const c = Rows.columnFor(rp, path)
        if (c !== undefined) return c.header
        const d = dotted(path)
        const link = rp.record.links.find((l) => Mapping.valueKey(l.path) === d)
        if (link !== undefined) {
          const other = plan.records.find((o) => o.record.name === link.record)
          if (other?.idColumn !== undefined) return other.idColumn.header
        }
        return Rows.pathString(path)
      }
      const hidden = (path: ReadonlyArray<string | number>): boolean => {
        const c = Rows.columnFor(rp, path)
        return c !== undefined && f.sensitive.has(c.index)
      }
      return {
        rp,
        check: validatorFor(rp.type, optional),
        skip: rp.partial ? [] : rp.missing,
        column: byPath,
        name: many ? rp.record.name : undefined,
        hidden,
        sides: sidesOf(fileNo, rp.type, rp.root, byPath, many ? rp.record.name : undefined, {
          unique: rp.record.unique,
          generated: rp.record.generateId && rp.idColumn === undefined,
          filled: rp.filled,
          hidden
        })
      }
    })
    const childRec = recs.findIndex((r) => r.rp.type === "child")
    const rowDates = new RowDates()
    const caseRec = recs.findIndex((r) => r.rp.type === "case")

    const row = (rowNo: number, cells: ReadonlyArray<unknown>) => {
      if (
        cells.length === 0 ||
        (cells.length === 1 && (cells[0] === "" || cells[0] === undefined || cells[0] === null))
      )
        return
      if (!Number.isInteger(rowNo) || rowNo < 1 || rowNo > MAX_ROW) {
        throw new UnusableInput(`row numbers go up to ${MAX_ROW.toLocaleString("en-US")}`, "too-large")
      }
      f.rows++
      totalRows++
      if (cells.length > width) {
        let extraCell = false
        for (let k = width; k < cells.length; k++) {
          const v = Rows.cellValue(cells[k])
          if (v !== undefined && String(v).trim() !== "") {
            extraCell = true
            break
          }
        }
        if (extraCell) {
          add(fileNo, {
            severity: "error",
            row: rowNo,
            column: `(after ${Rows.columnLabel(width - 1)})`,
            path: "",
            rule: "extra-cells",
            message: `This row has ${cells.length} cells but the header has ${width}; check for an unquoted delimiter in a cell`
          })
        }
      }
      const built = Rows.toRecords(plan, cells, rowNo, fileNo + 1)
      rowDates.length = 0
      let childIndex = -1
      for (let k = 0; k < built.length; k++) {
        const b = built[k] as Rows.RowRecord
        const r = recs[k] as (typeof recs)[number]
        const name = r.rp.record.name
        f.records[name] = (f.records[name] ?? 0) + 1
        recordCounts[name] = (recordCounts[name] ?? 0) + 1
        const issues = r.check(b.record, rowNo)
        if (issues.length > 0)
          reportIssues(fileNo, issues, b.record, rowNo, r.rp.root, r.column, r.skip, b.hints, r.name, r.hidden)
        const ci = datasetRecord(r.sides, rowNo, b.record, rowDates, issues.length === 0)
        if (ci >= 0 && childIndex < 0) childIndex = ci
      }
      for (const e of plan.extra) {
        const res = Rows.readExtra(e.spec, cells[e.index], plan.dates)
        if (!res.ok) {
          const raw = Rows.cellValue(cells[e.index])
          const value =
            !e.spec.sensitive && e.spec.kind !== "text" && e.spec.kind !== "id" && res.rule !== "required"
              ? show(typeof raw === "string" ? raw.trim() : raw)
              : undefined
          add(fileNo, {
            severity: "error",
            row: rowNo,
            column: e.header,
            path: "",
            rule: res.rule,
            message: res.message,
            received: res.received,
            ...(value !== undefined ? { value } : {})
          })
        } else if (e.spec.kind === "date") {
          const key = dateKey(res.value)
          if (key === 0) continue
          if (key > asOfKey) {
            add(fileNo, {
              severity: "error",
              row: rowNo,
              column: e.header,
              path: "",
              rule: "date-after-as-of",
              message: `This date is after the as-of date (${keyText(asOfKey)}); check the year, and the order of day and month`,
              ...(e.spec.sensitive ? {} : { value: keyText(key) }),
              source: sourceOf("date-after-as-of")
            })
          }
          if (e.spec.stage !== undefined) rowDates.push(e.spec.stage, key, loc(fileNo, rowNo, e.index))
        }
      }
      let subject: string | undefined
      if (childRec >= 0) subject = built[childRec]?.id
      if (subject === undefined && caseRec >= 0) {
        const c = built[caseRec]?.record["childId"]
        if (typeof c === "string") subject = c
      }
      if (subject === undefined && plan.subject !== undefined) {
        const v = Rows.cellValue(cells[plan.subject])
        if (v !== undefined) subject = String(v).trim()
      }
      rowDatesDone(fileNo, rowNo, subject, rowDates, childRec >= 0 && built[childRec]?.id === subject ? childIndex : -1)
      if (everyRowInvalid) markInvalid(f, rowNo)
    }
    return { row, close: () => undefined }
  }

  const records = (source: RecordSource): RecordFile => {
    const names = source.names ?? [source.name]
    const rec =
      (source.record !== undefined ? mapping.records.find((r) => r.name === source.record) : undefined) ??
      mapping.records.find((r) => r.from?.some((x) => names.some((n) => n.toLowerCase() === x.toLowerCase()))) ??
      mapping.records[0]
    if (rec === undefined) throw new UnusableInput("the mapping has no record type for JSON records", "mapping")
    const fileNo = openFile(source.name, source.format, {}, [])
    const f = files[fileNo] as FileState
    const root = Fields.describe(rec.type)
    const check = validatorFor(rec.type, [])
    const column = (path: ReadonlyArray<string | number>) => Rows.pathString(path)
    const name = many ? rec.name : undefined
    const never = () => false
    const sides = sidesOf(fileNo, rec.type, root, column, name, {
      unique: rec.unique,
      generated: false,
      filled: new Set<string>(),
      hidden: never
    })
    const record = (rowNo: number, value: unknown) => {
      if (!Number.isInteger(rowNo) || rowNo < 1 || rowNo > MAX_ROW) {
        throw new UnusableInput(`row numbers go up to ${MAX_ROW.toLocaleString("en-US")}`, "too-large")
      }
      f.rows++
      totalRows++
      f.records[rec.name] = (f.records[rec.name] ?? 0) + 1
      recordCounts[rec.name] = (recordCounts[rec.name] ?? 0) + 1
      const issues = check(value, rowNo)
      if (issues.length > 0) reportIssues(fileNo, issues, value, rowNo, root, column, [], [], name, never)
      if (value === null || typeof value !== "object" || Array.isArray(value)) return
      const rowDates = new RowDates()
      datasetRecord(sides, rowNo, value, rowDates, issues.length === 0)
      const o = value as Record<string, unknown>
      const subject = rec.type === "child" ? o["id"] : rec.type === "case" ? o["childId"] : undefined
      rowDatesDone(fileNo, rowNo, typeof subject === "string" ? subject : undefined, rowDates)
    }
    const malformed = (rowNo: number) => {
      f.rows++
      totalRows++
      add(fileNo, {
        severity: "error",
        row: rowNo,
        column: "(line)",
        path: "",
        rule: "json",
        message: "This line is not valid JSON"
      })
    }
    return { record, malformed, close: () => undefined }
  }

  const unusable = (name: string, format: Report.Format, reason: string) => {
    const fileNo = openFile(name, format, {}, [])
    add(fileNo, { severity: "error", column: "(file)", path: "", rule: "unusable-file", message: reason }, true)
  }

  // -------------------------------------------------------------------------
  // across the dataset

  const finish = (): Report.ValidationReport => {
    const checks: Array<Report.CheckRun> = []
    if (!across) {
      for (const c of catalogue) {
        checks.push({
          code: c.code,
          status: "skipped",
          note: "checks across rows and files turned off",
          source: sourceOf(c.code)
        })
      }
      return build(checks)
    }
    // references
    const ran: Array<string> = []
    const skipped: Array<string> = []
    for (const [target, m] of pending) {
      const present = TARGET_TYPES[target].some((t) => typesSeen.has(t))
      if (!present) {
        skipped.push(`${target} (no ${TARGET_TYPES[target].join(" or ")} records in the dataset)`)
        continue
      }
      ran.push(target)
      for (let k = 0; k < m.table.size; k++) {
        if (resolved(target, m.table.idAt(k))) continue
        const where = m.loc.get(k)
        const count = m.count.get(k)
        const path = m.path[k] ?? ""
        const fileNo = locFile(where)
        const f = files[fileNo] as FileState
        add(fileNo, {
          severity: "error",
          row: locRow(where),
          column: f.columns[locCol(where)] ?? path,
          path,
          rule: "unresolved-reference",
          message: `No ${target === "member-or-child" ? "household member or child" : target === "member" ? "household member" : target} in the dataset has this id${count > 1 ? ` (${count} rows refer to it; this is the first)` : ""}`,
          source: sourceOf("unresolved-reference")
        })
      }
    }
    checks.push({ code: "duplicate-id", status: "ran", source: sourceOf("duplicate-id") })
    checks.push({
      code: "unresolved-reference",
      status: ran.length > 0 ? "ran" : "skipped",
      ...(ran.length > 0 || skipped.length > 0
        ? {
            note: [
              ran.length > 0 ? `checked: ${ran.join(", ")}` : "",
              skipped.length > 0 ? `not checked: ${skipped.join("; ")}` : ""
            ]
              .filter((s) => s !== "")
              .join("; ")
          }
        : { note: "no references in the dataset" }),
      source: sourceOf("unresolved-reference")
    })
    // dates across rows: the earliest date of each kind per child
    let anyAdmitted = false
    // with births only there is nothing to compare across rows
    for (let i = 0; children.others && i < children.n; i++) {
      const list: Array<RowDate> = []
      const b = children.born.get(i)
      if (b !== 0) list.push({ stage: "born", key: b, loc: children.bornLoc.get(i) })
      for (const s of ["admitted", "opened", "visit", "event"] as const) {
        const m = children.min[s]
        const v = m?.v.get(i) ?? 0
        if (m !== undefined && v !== 0) list.push({ stage: s, key: v, loc: m.loc.get(i) })
      }
      if (list.length < 2) continue
      const reported = new Set<number>()
      for (const a of list) {
        for (const c of list) {
          if (a === c || !before(a.stage, c.stage) || c.key >= a.key || sameRow(a.loc, c.loc) || reported.has(c.loc))
            continue
          reported.add(c.loc)
          orderProblem(locFile(c.loc), locRow(c.loc), c, a)
        }
      }
      const mx = children.max.admitted
      const adm = mx?.v.get(i) ?? 0
      if (b !== 0 && adm !== 0) {
        anyAdmitted = true
        const admLoc = mx?.loc.get(i) ?? 0
        if (!sameRow(admLoc, children.bornLoc.get(i)) && adm >= b && adm <= asOfKey && ageOn(b, adm) >= adult) {
          adultProblem(
            locFile(admLoc),
            locRow(admLoc),
            { stage: "admitted", key: adm, loc: admLoc },
            { stage: "born", key: b, loc: children.bornLoc.get(i) }
          )
        }
      }
    }
    anyAdmitted ||= stagesSeen.has("admitted")
    checks.push({
      code: "dates-in-order",
      status: stagesSeen.size > 0 ? "ran" : "skipped",
      ...(stagesSeen.size > 0
        ? { note: `dates compared: ${[...stagesSeen].join(", ")}` }
        : { note: "no dates of birth, admission, case opening or visits" }),
      source: sourceOf("dates-in-order")
    })
    checks.push({
      code: "date-after-as-of",
      status: "ran",
      note: `as of ${keyText(asOfKey)}`,
      source: sourceOf("date-after-as-of")
    })
    checks.push({
      code: "adult-on-admission",
      status: anyAdmitted && bornSeen ? "ran" : "skipped",
      ...(anyAdmitted && bornSeen ? {} : { note: "needs a date of birth and an admission date for the same child" }),
      source: sourceOf("adult-on-admission")
    })
    checks.push({
      code: "implausible-age",
      status: bornSeen ? "ran" : "skipped",
      ...(bornSeen ? {} : { note: "no dates of birth" }),
      source: sourceOf("implausible-age")
    })

    return build(checks)
  }

  const build = (checks: ReadonlyArray<Report.CheckRun>): Report.ValidationReport => {
    if (totalRows === 0 && files.length > 0 && errors === 0) {
      add(
        0,
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
    const multi = files.length > 1
    const problems = [...stored]
      .sort(
        (a, b) =>
          a.file - b.file ||
          (a.fileLevel === b.fileLevel ? 0 : a.fileLevel ? -1 : 1) ||
          (a.problem.row ?? 0) - (b.problem.row ?? 0) ||
          (a.fileLevel ? 0 : a.col - b.col) ||
          a.seq - b.seq
      )
      .map((s) => {
        const fname = files[s.file]?.name
        return multi && fname !== undefined ? { ...s.problem, file: fname } : s.problem
      })
    const invalidRows = files.reduce((n, f) => n + f.invalidRows, 0)
    const first = files[0]
    const primary = mapping.records[0]?.type ?? "child"
    return {
      version: 1,
      file: options.name ?? first?.name ?? "",
      format: first?.format ?? "csv",
      recordType: primary,
      ...(first?.delimiter !== undefined && !multi ? { delimiter: first.delimiter } : {}),
      ...(first?.sheet !== undefined && !multi ? { sheet: first.sheet } : {}),
      rows: totalRows,
      validRows: totalRows - invalidRows,
      invalidRows,
      errors,
      warnings,
      ok: errors === 0,
      summary: Report.sortSummary(summary.values()),
      problems,
      truncated: errors + warnings > stored.length,
      asOf: keyText(asOfKey),
      recordTypes: [...new Set(mapping.records.map((r) => r.type))],
      records: recordCounts,
      files: files.map((f) => ({
        file: f.name,
        format: f.format,
        ...(f.delimiter !== undefined ? { delimiter: f.delimiter } : {}),
        ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
        rows: f.rows,
        validRows: f.rows - f.invalidRows,
        invalidRows: f.invalidRows,
        errors: f.errors,
        warnings: f.warnings,
        records: f.records
      })),
      checks,
      profile: profile.id
    }
  }

  return { flat, records, unusable, finish, rows: () => totalRows }
}

// ---------------------------------------------------------------------------
// conveniences (whole inputs in memory)

/**
 * Options of the one-call helpers.
 *
 * @since 0.1.0
 */
export interface TableOptions extends Omit<Options, "name"> {
  /** The file name shown in the report (default `data.csv`). */
  readonly name?: string
}

/**
 * Validate a table already in memory: a header row and rows of cells
 * (numbered as a spreadsheet numbers them: header = row 1).
 *
 * @example
 * ```ts
 * import { Dataset, Mapping } from "@homeward/validate"
 *
 * const report = Dataset.validateTable(
 *   ["id", "birth.date", "birth.estimated", "sex", "school"],
 *   [["CH-1", "2010-05-01", "no", "female", "enrolled"]],
 *   { mapping: Mapping.single("child"), asOf: new Date("2024-01-31") }
 * )
 * report.ok // true
 * ```
 *
 * @since 0.1.0
 */
export const validateTable = (
  headers: ReadonlyArray<string>,
  rows: Iterable<ReadonlyArray<unknown>>,
  options: TableOptions
): Report.ValidationReport => {
  const name = options.name ?? "data.csv"
  const session = make({ ...options, name })
  const file = session.flat({ name, format: "csv", headers })
  let n = 1
  for (const cells of rows) file.row(++n, cells)
  file.close()
  return session.finish()
}

/**
 * Validate CSV text (a whole file already read, e.g. a browser `File` read
 * as text). The delimiter is guessed unless given.
 *
 * @example
 * ```ts
 * import { Dataset, Mapping } from "@homeward/validate"
 *
 * const csv = "id;birth.date;birth.estimated;sex;school\nCH-1;2010-05-01;no;female;enrolled\n"
 * const report = Dataset.validateCsvText(csv, { name: "children.csv", mapping: Mapping.single("child"), asOf: new Date("2024-01-31") })
 * report.ok // true (the ; delimiter is guessed)
 * ```
 *
 * @since 0.1.0
 */
export const validateCsvText = (
  text: string,
  options: TableOptions & { readonly delimiter?: string }
): Report.ValidationReport => {
  const body = Csv.stripBom(text)
  if (body.trim() === "") throw new UnusableInput("the file is empty", "empty")
  const delimiter = options.delimiter ?? Csv.sniffDelimiter(body.slice(0, 64 * 1024))
  const parser = Csv.parser(delimiter)
  const rows = [...parser.push(body), ...parser.end()]
  const header = rows.shift()
  if (header === undefined || header.cells.every((h) => h.trim() === "")) {
    throw new UnusableInput("the first row (headers) is empty", "no-header")
  }
  const name = options.name ?? "data.csv"
  const session = make({ ...options, name })
  const file = session.flat({ name, format: "csv", headers: header.cells, delimiter })
  for (const r of rows) file.row(r.record, r.cells)
  file.close()
  return session.finish()
}
