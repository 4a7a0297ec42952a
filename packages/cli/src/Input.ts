/**
 * Reading input files for validation: a file or a folder of files, format
 * detection (extension, then content), the checks that make a file
 * "unusable" (missing, unreadable, empty, binary, not UTF-8 anywhere in the
 * file, malformed, over the size limits, an .xlsx zip bomb), and streaming
 * readers for CSV, JSON Lines and XLSX (exceljs' streaming reader) and a
 * whole-file reader for JSON. The rows are handed to a
 * `@homeward/validate` session; nothing here validates.
 *
 * Row numbers are the ones a person sees: in CSV and XLSX the header is row 1
 * and the first record row 2; in JSON Lines the line number; in a JSON array
 * the position of the record (1-based).
 *
 * @since 0.1.0
 */
import { createReadStream } from "node:fs"
import { open as openFile, readdir, readFile, stat } from "node:fs/promises"
import { basename, extname, join } from "node:path"
import { Bytes, Csv, type Dataset, type Report, Unusable } from "@homeward/validate"
import type ExcelJS from "exceljs"
import * as Zip from "./internal/zip.js"

/**
 * Supported input formats.
 *
 * @since 0.1.0
 */
export type Format = Report.Format

/**
 * The input cannot be validated at all (exit code 2). The same class as
 * `Unusable.UnusableInput` of `@homeward/validate`.
 *
 * @since 0.1.0
 */
export const UnusableInput = Unusable.UnusableInput

/**
 * The error of an input that cannot be validated at all (the instance type of
 * the `UnusableInput` class).
 *
 * @since 0.1.0
 */
export type UnusableInput = Unusable.UnusableInput

/**
 * Options for reading.
 *
 * @since 0.1.0
 */
export interface OpenOptions {
  readonly format?: Format
  readonly delimiter?: string
  /** A sheet name, or its position (`2`) when no sheet has that name. */
  readonly sheet?: string
  /** Read every sheet of a workbook (default: the first, or `sheet`). */
  readonly allSheets?: boolean
  /** Sheet names the mapping names in `from` (shown in problems; others are shown as `sheet N`). */
  readonly knownSheets?: ReadonlyArray<string>
  /** Called now and then with the bytes read so far. */
  readonly onBytes?: (bytes: number) => void
}

/**
 * Largest JSON file read whole (JSON Lines and CSV are streamed).
 *
 * @since 0.1.0
 */
export const maxJsonBytes = 256 * 1024 * 1024
/**
 * Longest line of a JSON Lines file.
 *
 * @since 0.1.0
 */
export const maxJsonLine = 16 * 1024 * 1024

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const EXTENSIONS = new Set([".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".xlsx", ".xlsm"])

const code = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null ? ((e as { code?: unknown }).code as string | undefined) : undefined

/**
 * The one-line reason for a failed file operation: not found, permission
 * denied, or could not be read.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs"
 * import { Input } from "@homeward/cli"
 *
 * try {
 *   readFileSync("missing.csv")
 * } catch (e) {
 *   console.log(Input.fileProblem(e, "missing.csv").message) // "cannot read missing.csv: file not found"
 * }
 * ```
 *
 * @since 0.1.0
 */
export const fileProblem = (e: unknown, path: string): Unusable.UnusableInput => {
  if (Unusable.isUnusableInput(e)) return e
  switch (code(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return new UnusableInput(`cannot read ${path}: file not found`, "not-found")
    case "EACCES":
    case "EPERM":
      return new UnusableInput(`cannot read ${path}: permission denied`, "permission")
    case "EISDIR":
      return new UnusableInput(`cannot read ${path}: it is a folder`, "unreadable")
    case "EMFILE":
    case "ENFILE":
      return new UnusableInput(`cannot read ${path}: too many open files`, "unreadable")
    default:
      return new UnusableInput(
        `cannot read ${path}: the file could not be read${code(e) !== undefined ? ` (${code(e)})` : ""}`,
        "unreadable"
      )
  }
}

const head = async (path: string, bytes: number): Promise<Buffer> => {
  const fh = await openFile(path, "r")
  try {
    const buf = Buffer.alloc(bytes)
    const { bytesRead } = await fh.read(buf, 0, bytes, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

/**
 * Detect the format from the extension, then the content.
 *
 * @example
 * ```ts
 * import { Input } from "@homeward/cli"
 *
 * Input.detect("children.csv", Buffer.from("id,sex\n")) // "csv"
 * ```
 *
 * @since 0.1.0
 */
export const detect = (path: string, sample: Buffer): Format => {
  const ext = extname(path).toLowerCase()
  const isZip = sample.subarray(0, 4).equals(ZIP)
  if (ext === ".xlsx" || ext === ".xlsm") {
    if (!isZip) throw new UnusableInput("the file has an .xlsx name but is not an Excel workbook", "malformed")
    return "xlsx"
  }
  if (ext === ".xls")
    throw new UnusableInput("old Excel .xls files are not supported; save the sheet as .xlsx or CSV", "malformed")
  if (isZip) return "xlsx"
  if (ext === ".json") return "json"
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl"
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return "csv"
  const text = Csv.stripBom(Bytes.decoder().push(sample)).trimStart()
  if (text.startsWith("[")) return "json"
  if (text.startsWith("{")) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "")
    return lines.length > 1 && lines[1]?.trimStart().startsWith("{") && lines[0]?.trimEnd().endsWith("}")
      ? "jsonl"
      : "json"
  }
  return "csv"
}

/**
 * The files of an input: the file itself, or the data files of a folder
 * (not its sub-folders), sorted by name.
 *
 * @example
 * ```ts
 * import { mkdirSync, writeFileSync } from "node:fs"
 * import { Input } from "@homeward/cli"
 *
 * mkdirSync("export", { recursive: true })
 * writeFileSync("export/children.csv", "id\n")
 * const { folder, files } = await Input.list("export") // folder: true, files: […/children.csv]
 * ```
 *
 * @since 0.1.0
 */
export const list = async (
  path: string
): Promise<{ readonly folder: boolean; readonly files: ReadonlyArray<string> }> => {
  let st: Awaited<ReturnType<typeof stat>>
  try {
    st = await stat(path)
  } catch (e) {
    throw fileProblem(e, path)
  }
  if (!st.isDirectory()) return { folder: false, files: [path] }
  let names: Array<string>
  try {
    names = await readdir(path)
  } catch (e) {
    throw fileProblem(e, path)
  }
  const files = names
    .filter((n) => !n.startsWith(".") && !n.startsWith("~$") && EXTENSIONS.has(extname(n).toLowerCase()))
    .sort()
    .map((n) => join(path, n))
  if (files.length === 0) {
    throw new UnusableInput(`the folder ${path} has no CSV, JSON, JSON Lines or .xlsx files`, "empty")
  }
  return { folder: true, files }
}

/**
 * Feed one file into a validation session. `name` is how the file is named
 * in the report. Rejects with {@link UnusableInput} when the file cannot be
 * used at all.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { Dataset, Mapping } from "@homeward/validate"
 * import { Input } from "@homeward/cli"
 *
 * writeFileSync("children.csv", "id,birth.date,birth.estimated,sex,school\nCH-1,2010-05-01,false,female,enrolled\n")
 * const session = Dataset.make({ mapping: Mapping.single("child"), asOf: new Date("2024-06-30") })
 * await Input.feed(session, "children.csv", "children.csv") // "csv"
 * session.finish().ok // true
 * ```
 *
 * @since 0.1.0
 */
export const feed = async (
  session: Dataset.Session,
  path: string,
  name: string,
  options: OpenOptions = {}
): Promise<Format> => {
  let size: number
  try {
    const st = await stat(path)
    if (st.isDirectory()) throw new UnusableInput(`${path} is a folder inside the folder; it is skipped`, "unreadable")
    size = st.size
  } catch (e) {
    throw fileProblem(e, path)
  }
  if (size === 0) throw new UnusableInput(`the file ${name} is empty`, "empty")
  let sample: Buffer
  try {
    sample = await head(path, 64 * 1024)
  } catch (e) {
    throw fileProblem(e, path)
  }
  const format = options.format ?? detect(path, sample)
  const names = [basename(path), basename(path, extname(path))]
  if (format === "xlsx") {
    await feedXlsx(session, path, name, size, names, options)
    return format
  }
  if (format === "json") {
    await feedJson(session, path, name, size, names)
    return format
  }
  if (format === "jsonl") {
    await feedJsonl(session, path, name, names, options)
    return format
  }
  await feedCsv(session, path, name, names, options)
  return format
}

/** The chunks of a file as bytes, with read errors turned into one clear reason. */
async function* chunks(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 })
  let read = 0
  try {
    for await (const chunk of stream) {
      read += (chunk as Buffer).length
      onBytes?.(read)
      yield chunk as Buffer
    }
  } catch (e) {
    throw fileProblem(e, path)
  } finally {
    stream.destroy()
  }
}

const resolveDelimiter = (given: string | undefined, sample: string): string => {
  const d = given === "tab" || given === "\\t" ? "\t" : (given ?? Csv.sniffDelimiter(sample))
  if (d.length !== 1 || d === '"' || d === "\n" || d === "\r") {
    throw new UnusableInput(`the delimiter must be one character (or "tab"), got ${JSON.stringify(d)}`, "options")
  }
  return d
}

/**
 * Parse text in slices of 16 KiB, so that the rows of one slice are validated
 * (and become garbage) before the next are made: few objects live long
 * enough to be copied by the garbage collector.
 */
const feedText = (parser: Csv.Parser, text: string, take: (rows: ReadonlyArray<Csv.ParsedRow>) => void): void => {
  const step = 16 * 1024
  for (let from = 0; from < text.length; from += step) take(parser.push(text.slice(from, from + step)))
}

const feedCsv = async (
  session: Dataset.Session,
  path: string,
  name: string,
  names: ReadonlyArray<string>,
  options: OpenOptions
): Promise<void> => {
  const decoder = Bytes.decoder()
  let parser: Csv.Parser | undefined
  let file: Dataset.FlatFile | undefined
  let header = true
  let pendingText = ""
  let delimiter = ","
  const take = (rows: ReadonlyArray<Csv.ParsedRow>) => {
    for (const r of rows) {
      if (header) {
        header = false
        const headers = r.cells.map((h, i) => (i === 0 ? Csv.stripBom(h) : h))
        if (headers.every((h) => h.trim() === "")) {
          throw new UnusableInput(`the first row (headers) of ${name} is empty`, "no-header")
        }
        file = session.flat({ name, format: "csv", headers, delimiter, names })
        continue
      }
      file?.row(r.record, r.cells)
    }
  }
  for await (const chunk of chunks(path, options.onBytes)) {
    const text = decoder.push(chunk)
    if (parser === undefined) {
      // wait for enough text to guess the delimiter
      pendingText += text
      if (pendingText.length < 16 * 1024) continue
      delimiter = resolveDelimiter(options.delimiter, pendingText)
      parser = Csv.parser(delimiter)
      feedText(parser, pendingText, take)
      pendingText = ""
      continue
    }
    feedText(parser, text, take)
  }
  const rest = decoder.end()
  if (parser === undefined) {
    pendingText += rest
    if (Csv.stripBom(pendingText).trim() === "") throw new UnusableInput(`the file ${name} is empty`, "empty")
    delimiter = resolveDelimiter(options.delimiter, pendingText)
    parser = Csv.parser(delimiter)
    feedText(parser, pendingText, take)
  } else feedText(parser, rest, take)
  take(parser.end())
  if (header) throw new UnusableInput(`the file ${name} is empty`, "empty")
  file?.close()
}

const feedJson = async (
  session: Dataset.Session,
  path: string,
  name: string,
  size: number,
  names: ReadonlyArray<string>
): Promise<void> => {
  if (size > maxJsonBytes) {
    throw new UnusableInput(
      `the JSON file ${name} is larger than ${maxJsonBytes / 2 ** 20} MiB; write it as JSON Lines (one record per line), which is read as a stream`,
      "too-large"
    )
  }
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (e) {
    throw fileProblem(e, path)
  }
  const text = Csv.stripBom(Bytes.decodeAll(bytes))
  if (text.trim() === "") throw new UnusableInput(`the file ${name} is empty`, "empty")
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new UnusableInput("malformed JSON: the file is not valid JSON", "malformed")
  }
  const items = Array.isArray(data) ? data : [data]
  if (items.length === 0) throw new UnusableInput("the JSON array is empty", "empty")
  const file = session.records({ name, format: "json", names })
  let row = 0
  for (const item of items) file.record(++row, item)
  file.close()
}

const feedJsonl = async (
  session: Dataset.Session,
  path: string,
  name: string,
  names: ReadonlyArray<string>,
  options: OpenOptions
): Promise<void> => {
  const decoder = Bytes.decoder()
  const file = session.records({ name, format: "jsonl", names })
  let line = 0
  let rest = ""
  let any = false
  const take = (l: string) => {
    line++
    const text = line === 1 ? Csv.stripBom(l) : l
    if (text.trim() === "") return
    any = true
    let record: unknown
    try {
      record = JSON.parse(text)
    } catch {
      file.malformed(line)
      return
    }
    file.record(line, record)
  }
  const split = (text: string) => {
    let start = 0
    for (let k = text.indexOf("\n"); k !== -1; k = text.indexOf("\n", start)) {
      const l = (start === 0 ? rest + text.slice(0, k) : text.slice(start, k)).replace(/\r$/, "")
      if (start === 0) rest = ""
      take(l)
      start = k + 1
    }
    rest += text.slice(start)
    if (rest.length > maxJsonLine) {
      throw new UnusableInput(`line ${line + 1} of ${name} is longer than ${maxJsonLine / 2 ** 20} MiB`, "too-large")
    }
  }
  for await (const chunk of chunks(path, options.onBytes)) split(decoder.push(chunk))
  split(decoder.end())
  if (rest !== "") take(rest.replace(/\r$/, ""))
  if (!any) throw new UnusableInput(`the file ${name} is empty`, "empty")
  file.close()
}

const sheetNameOf = (ws: unknown): string => {
  const n = (ws as { name?: unknown }).name
  return typeof n === "string" ? n : ""
}

const headerText = (c: unknown): string => {
  if (c === null || c === undefined) return ""
  if (typeof c === "string") return c
  if (typeof c === "number" || typeof c === "boolean") return String(c)
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "" : c.toISOString().slice(0, 10)
  if (typeof c === "object" && Array.isArray((c as { richText?: unknown }).richText)) {
    return ((c as { richText: Array<{ text?: unknown }> }).richText ?? [])
      .map((t) => (typeof t?.text === "string" ? t.text : ""))
      .join("")
  }
  if (typeof c === "object" && typeof (c as { text?: unknown }).text === "string") return (c as { text: string }).text
  return ""
}

const feedXlsx = async (
  session: Dataset.Session,
  path: string,
  name: string,
  size: number,
  names: ReadonlyArray<string>,
  options: OpenOptions
): Promise<void> => {
  try {
    await Zip.check(path, size)
  } catch (e) {
    throw Unusable.isUnusableInput(e) ? e : fileProblem(e, path)
  }
  const { default: Excel } = await import("exceljs")
  const reader = new Excel.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore"
  })
  const wanted = options.sheet
  const known = new Set((options.knownSheets ?? []).map((s) => s.toLowerCase()))
  const sheets = reader[Symbol.asyncIterator]()
  let position = 0
  let found = 0
  const byPosition = wanted !== undefined && /^\d{1,4}$/.test(wanted) ? Number(wanted) : undefined
  let fallback: number | undefined
  const cantRead = () => new UnusableInput("the Excel workbook cannot be read (damaged or not .xlsx)", "malformed")
  while (true) {
    let n: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>
    try {
      n = await sheets.next()
    } catch {
      throw cantRead()
    }
    if (n.done === true) break
    position++
    const ws = n.value
    const sheetName = sheetNameOf(ws)
    const take =
      wanted === undefined
        ? options.allSheets === true || position === 1
        : sheetName === wanted || (byPosition !== undefined && position === byPosition && fallback === undefined)
    if (!take) {
      try {
        for await (const _ of ws) void _
      } catch {
        throw cantRead()
      }
      continue
    }
    if (wanted !== undefined && sheetName !== wanted) fallback = position
    found++
    // a sheet is named in the report only when the user named it (--sheet, the mapping's "from")
    const shown =
      (wanted !== undefined && sheetName === wanted) || known.has(sheetName.toLowerCase())
        ? sheetName
        : `sheet ${position}`
    const fileName = options.allSheets === true ? `${name} › ${shown}` : name
    if (options.allSheets === true) {
      // one sheet that cannot be used is one problem; the other sheets are still checked
      try {
        await feedSheet(session, ws, fileName, shown, [...names, sheetName], cantRead)
      } catch (e) {
        if (!Unusable.isUnusableInput(e) || e.code === "malformed") throw e
        session.unusable(fileName, "xlsx", e.message)
        try {
          for await (const _ of ws) void _
        } catch {
          throw cantRead()
        }
      }
    } else await feedSheet(session, ws, fileName, shown, [...names, sheetName], cantRead)
    // one sheet asked for (or the first): the others are not read
    if (options.allSheets !== true) break
  }
  if (found === 0) {
    throw new UnusableInput(
      position === 0
        ? "the workbook has no sheets"
        : `the workbook has no sheet with the name given to --sheet (it has ${position} sheet${position === 1 ? "" : "s"}; their names are not shown, as they may be names of children: give the exact name, or the position, e.g. --sheet 2)`,
      "not-found"
    )
  }
}

const feedSheet = async (
  session: Dataset.Session,
  ws: ExcelJS.stream.xlsx.WorksheetReader,
  name: string,
  sheet: string,
  names: ReadonlyArray<string>,
  cantRead: () => Unusable.UnusableInput
): Promise<void> => {
  const it = ws[Symbol.asyncIterator]()
  const toCells = (r: ExcelJS.Row): Array<unknown> => {
    const v = r.values as Array<unknown>
    return Array.isArray(v) ? v.slice(1, 1 + Csv.defaultLimits.maxColumns + 1) : []
  }
  let first: IteratorResult<ExcelJS.Row>
  try {
    first = await it.next()
  } catch {
    throw cantRead()
  }
  if (first.done === true) throw new UnusableInput(`the sheet ${sheet} is empty`, "empty")
  const headers = toCells(first.value).map(headerText)
  if (headers.every((h) => h.trim() === ""))
    throw new UnusableInput(`the first row (headers) of ${name} is empty`, "no-header")
  if (headers.length > Csv.defaultLimits.maxColumns) {
    throw new UnusableInput(`the sheet ${sheet} has more than ${Csv.defaultLimits.maxColumns} columns`, "too-large")
  }
  const headerRow = first.value.number
  const file = session.flat({ name, format: "xlsx", headers, sheet, names })
  while (true) {
    let n: IteratorResult<ExcelJS.Row>
    try {
      n = await it.next()
    } catch {
      throw cantRead()
    }
    if (n.done === true) break
    // rows are numbered as Excel shows them
    if (n.value.number > headerRow) file.row(n.value.number, toCells(n.value))
  }
  file.close()
}
