/**
 * Validating files with `@homeward/validate`: a file, the sheets of a
 * workbook or a folder of files as one dataset. This module reads the files
 * and the mapping (I/O); the checks themselves are in `@homeward/validate`.
 * Every problem comes with its row (as a person sees it in the spreadsheet),
 * column (the original header), rule and a plain-language message. Offending
 * values are shown only for fields that are not sensitive (never names,
 * contacts, addresses or notes).
 *
 * @since 0.1.0
 */
import { readFile } from "node:fs/promises"
import { basename, extname } from "node:path"
import { type PolicyProfile, Profiles, Registry } from "@homeward/core"
import { Bytes, Dataset, Mapping, Presets, Report, type Rows, Unusable, Validator } from "@homeward/validate"
import { Result } from "effect"
import * as Input from "./Input.js"

/**
 * One problem.
 *
 * @since 0.1.0
 */
export type Problem = Report.Problem

/**
 * Problems counted by column, rule and severity.
 *
 * @since 0.1.0
 */
export type SummaryLine = Report.SummaryLine

/**
 * The result of validating a file or a dataset (the `--format json` output, version 1).
 *
 * @since 0.1.0
 */
export type ValidationReport = Report.ValidationReport

/**
 * Options of {@link validateFile}.
 *
 * @since 0.1.0
 */
export interface ValidateOptions {
  /** Record type name (`child`, `household`, …); optional with a mapping that describes its records, or a preset. */
  readonly as?: string
  /** A mapping (already checked) or the path of a mapping JSON file. */
  readonly mapping?: Mapping.Mapping | Mapping.DatasetMapping | string
  /** A preset mapping for a known export: `oscar` or `primero`. */
  readonly preset?: string
  readonly format?: Input.Format
  readonly delimiter?: string
  readonly sheet?: string
  /** Read every sheet of a workbook as one dataset. */
  readonly allSheets?: boolean
  /** Order of slash dates (`31/12/2018`); default: only `YYYY-MM-DD` is accepted. */
  readonly dates?: Rows.DateOrder
  /** The day the data describes (no date may be after it; ages are counted on it). Default: today (UTC). */
  readonly asOf?: Date
  /** Policy profile of the age checks (an id of `Profiles.builtIn`, or a profile); default `cambodia-mosvy`. */
  readonly profile?: string | PolicyProfile.PolicyProfile
  /** How many problems to keep in full (0 to 100,000; default 1000). Counts stay exact. */
  readonly maxProblems?: number
  /** Run the checks across rows and files (default `true`); `false` checks each record on its own. */
  readonly checks?: boolean
  /** Called now and then with the rows read and, when known, the fraction of the input read. */
  readonly onProgress?: (rows: number, fraction: number | undefined) => void
}

/**
 * A reusable record checker (see `Validator.make` of `@homeward/validate`).
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
export const validator = (type: Registry.RecordType): Validator.Validator => Validator.make(type)

const readJson = async (path: string, what: string): Promise<unknown> => {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (e) {
    const reason = Input.fileProblem(e, path)
    throw new Input.UnusableInput(
      `bad ${what} ${path}: ${reason.message.replace(/^cannot read [^:]*: /, "")}`,
      "mapping"
    )
  }
  try {
    return JSON.parse(Bytes.decodeAll(bytes).replace(/^\uFEFF/, ""))
  } catch {
    throw new Input.UnusableInput(`bad ${what} ${path}: not valid JSON (UTF-8)`, "mapping")
  }
}

/**
 * Load and check a mapping file for one record type. Throws {@link Input.UnusableInput} with every mistake.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { Validate } from "@homeward/cli"
 *
 * writeFileSync("mapping.json", JSON.stringify({ columns: { "Child code": "id", Gender: "sex" } }))
 * const mapping = await Validate.loadMapping("mapping.json", "child")
 * ```
 *
 * @since 0.1.0
 */
export const loadMapping = async (path: string, type: Registry.RecordType): Promise<Mapping.Mapping> => {
  const r = Mapping.fromJson(await readJson(path, "mapping file"), type)
  if (Result.isFailure(r)) throw new Input.UnusableInput(`bad mapping file ${path}: ${r.failure.join("; ")}`, "mapping")
  return r.success
}

/**
 * Load and check a mapping file of either form. Throws {@link Input.UnusableInput} with every mistake.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { Validate } from "@homeward/cli"
 *
 * writeFileSync("mapping.json", JSON.stringify({ columns: { "Child code": "id", Gender: "sex" } }))
 * const mapping = await Validate.loadDatasetMapping("mapping.json", "child")
 * ```
 *
 * @since 0.1.0
 */
export const loadDatasetMapping = async (
  path: string,
  type: Registry.RecordType | undefined
): Promise<Mapping.DatasetMapping> => {
  const r = Mapping.datasetFromJson(await readJson(path, "mapping file"), type === undefined ? {} : { as: type })
  if (Result.isFailure(r)) throw new Input.UnusableInput(`bad mapping file ${path}: ${r.failure.join("; ")}`, "mapping")
  return r.success
}

const isDataset = (m: Mapping.Mapping | Mapping.DatasetMapping): m is Mapping.DatasetMapping => "records" in m

/** The dataset mapping from the options. */
const resolveMapping = async (options: ValidateOptions): Promise<Mapping.DatasetMapping> => {
  let type: Registry.RecordType | undefined
  if (options.as !== undefined) {
    if (!Registry.isRecordType(options.as)) {
      throw new Input.UnusableInput(
        `unknown record type "${options.as}"; use one of: ${Registry.recordTypes.join(", ")}`,
        "record-type"
      )
    }
    type = options.as
  }
  if (options.preset !== undefined) {
    if (options.mapping !== undefined) {
      throw new Input.UnusableInput(
        "give either a preset (--preset) or a mapping file (--mapping), not both",
        "options"
      )
    }
    if (!Presets.isName(options.preset)) {
      throw new Input.UnusableInput(
        `unknown preset "${options.preset}"; use one of: ${Presets.names.join(", ")}`,
        "options"
      )
    }
    return Presets.get(options.preset)
  }
  if (options.mapping !== undefined) {
    if (typeof options.mapping === "string") return loadDatasetMapping(options.mapping, type)
    if (isDataset(options.mapping)) return options.mapping
    if (type === undefined) throw new Input.UnusableInput("give the record type (--as) of the mapping", "record-type")
    return Mapping.single(type, options.mapping)
  }
  if (type === undefined) {
    throw new Input.UnusableInput(
      `give the record type (--as ${Registry.recordTypes.slice(0, 3).join("|")}|…), a mapping file that describes its records (--mapping), or a preset (--preset ${Presets.names.join("|")})`,
      "record-type"
    )
  }
  return Mapping.single(type)
}

const today = (): Date => {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

const resolveProfile = (p: ValidateOptions["profile"]): PolicyProfile.PolicyProfile => {
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

/**
 * Validate a CSV, JSON, JSON Lines or XLSX file, or a folder of them, as
 * one dataset. Rejects with {@link Input.UnusableInput} when the input (or
 * the record type, or the mapping) cannot be used at all; in a folder, a
 * file that cannot be read is one problem and the others are still checked.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { Validate } from "@homeward/cli"
 *
 * writeFileSync("children.csv", "id,birth.date,birth.estimated,sex,school\nCH-1,2010-05-01,false,female,enrolled\n")
 * const report = await Validate.validateFile("children.csv", { as: "child", asOf: new Date("2024-06-30") })
 * if (!report.ok) console.table(report.summary)
 * ```
 *
 * @since 0.1.0
 */
export const validateFile = async (path: string, options: ValidateOptions): Promise<ValidationReport> => {
  const mapping = await resolveMapping(options)
  const profile = resolveProfile(options.profile)
  const asOf = options.asOf ?? today()
  const input = await Input.list(path)
  const sizes: Array<number> = []
  let total = 0
  const { stat } = await import("node:fs/promises")
  for (const f of input.files) {
    try {
      const s = (await stat(f)).size
      sizes.push(s)
      total += s
    } catch {
      sizes.push(0)
    }
  }
  const session = Dataset.make({
    mapping,
    asOf,
    profile,
    name: path,
    // a row of an export is rarely under 64 bytes: room for that many children's ids at once
    expectedIds: Math.ceil(total / 64),
    ...(options.maxProblems !== undefined ? { maxProblems: options.maxProblems } : {}),
    ...(options.dates !== undefined ? { dates: options.dates } : {}),
    ...(options.checks !== undefined ? { checks: options.checks } : {})
  })
  const knownSheets = mapping.records.flatMap((r) => r.from ?? [])
  let done = 0
  let lastRows = -1
  for (let k = 0; k < input.files.length; k++) {
    const file = input.files[k] as string
    const name = input.folder ? basename(file) : file
    const onBytes =
      options.onProgress === undefined
        ? undefined
        : (bytes: number) => {
            const rows = session.rows()
            if (rows - lastRows < 5000 && bytes < (sizes[k] ?? 0)) return
            lastRows = rows
            options.onProgress?.(rows, total === 0 ? undefined : Math.min(1, (done + bytes) / total))
          }
    try {
      await Input.feed(session, file, name, {
        ...(options.format !== undefined ? { format: options.format } : {}),
        ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        ...(options.allSheets === true ? { allSheets: true } : {}),
        knownSheets,
        ...(onBytes !== undefined ? { onBytes } : {})
      })
    } catch (e) {
      if (!input.folder || !Unusable.isUnusableInput(e)) throw e
      const ext = extname(file).toLowerCase()
      const format: Input.Format =
        ext === ".json"
          ? "json"
          : ext === ".jsonl" || ext === ".ndjson"
            ? "jsonl"
            : ext.startsWith(".xls")
              ? "xlsx"
              : "csv"
      session.unusable(name, format, (e as Error).message)
    }
    done += sizes[k] ?? 0
  }
  options.onProgress?.(session.rows(), 1)
  return session.finish()
}

/**
 * The most problems `--max-problems` accepts.
 *
 * @since 0.1.0
 */
export const maxProblemsLimit = Report.maxProblemsLimit
