/**
 * Opening an input file: format detection (extension, then content), the
 * checks that make a file "unusable" (missing, empty, binary, not UTF-8,
 * malformed), and streaming readers for CSV (csv-parse), JSON, JSON Lines
 * and XLSX (exceljs streaming reader).
 *
 * Row numbers are the ones a person sees: in CSV and XLSX the header is row 1
 * and the first record row 2; in JSON Lines the line number; in a JSON array
 * the position of the record (1-based).
 *
 * @since 0.1.0
 */
import { createReadStream } from "node:fs"
import { open as openFile, readFile, stat } from "node:fs/promises"
import { extname } from "node:path"
import { createInterface } from "node:readline"
import { parse } from "csv-parse"
import type ExcelJS from "exceljs"
import * as Csv from "./Csv.js"

/**
 * Supported input formats.
 *
 * @since 0.1.0
 */
export type Format = "csv" | "json" | "jsonl" | "xlsx"

/**
 * The input cannot be validated at all (exit code 2).
 *
 * @since 0.1.0
 */
export class UnusableInput extends Error {
  override readonly name = "UnusableInput"
}

/**
 * A flat source (CSV, XLSX): a header row and rows of cells.
 *
 * @since 0.1.0
 */
export interface FlatSource {
  readonly kind: "flat"
  readonly format: "csv" | "xlsx"
  readonly headers: ReadonlyArray<string>
  readonly rows: AsyncIterable<{ readonly row: number; readonly cells: ReadonlyArray<unknown> }>
  readonly delimiter?: string
  readonly sheet?: string
  /** Bytes read so far, for progress. */
  readonly bytesRead?: () => number
}

/**
 * A source of JSON records.
 *
 * @since 0.1.0
 */
export interface RecordSource {
  readonly kind: "records"
  readonly format: "json" | "jsonl"
  readonly rows: AsyncIterable<{ readonly row: number; readonly record: unknown }>
}

/**
 * Options for {@link open}.
 *
 * @since 0.1.0
 */
export interface OpenOptions {
  readonly format?: Format
  readonly delimiter?: string
  readonly sheet?: string
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])

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

const checkText = (buf: Buffer): string => {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new UnusableInput("the file is UTF-16 text; save it as UTF-8 (CSV UTF-8 in Excel)")
  }
  if (buf.includes(0)) throw new UnusableInput("the file is binary, not text, CSV, JSON or XLSX")
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf, { stream: true })
  } catch {
    throw new UnusableInput("the file is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel)")
  }
}

/**
 * Detect the format from the extension, then the content.
 *
 * @since 0.1.0
 */
export const detect = (path: string, sample: Buffer): Format => {
  const ext = extname(path).toLowerCase()
  const isZip = sample.subarray(0, 4).equals(ZIP)
  if (ext === ".xlsx" || ext === ".xlsm") {
    if (!isZip) throw new UnusableInput("the file has an .xlsx name but is not an Excel workbook")
    return "xlsx"
  }
  if (ext === ".xls") throw new UnusableInput("old Excel .xls files are not supported; save the sheet as .xlsx or CSV")
  if (isZip) return "xlsx"
  if (ext === ".json") return "json"
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl"
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return "csv"
  const text = Csv.stripBom(checkText(sample)).trimStart()
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
 * Open a file for validation. Throws {@link UnusableInput} when it cannot be used.
 *
 * @since 0.1.0
 */
export const open = async (path: string, options: OpenOptions = {}): Promise<FlatSource | RecordSource> => {
  let size: number
  try {
    const st = await stat(path)
    if (st.isDirectory()) throw new UnusableInput(`${path} is a directory, not a file`)
    size = st.size
  } catch (e) {
    if (e instanceof UnusableInput) throw e
    throw new UnusableInput(`cannot read ${path}: file not found or not readable`)
  }
  if (size === 0) throw new UnusableInput("the file is empty")
  const sample = await head(path, 64 * 1024)
  const format = options.format ?? detect(path, sample)
  if (format === "xlsx") return openXlsx(path, options.sheet)
  const text = Csv.stripBom(checkText(sample))
  if (text.trim() === "") throw new UnusableInput("the file is empty")
  if (format === "json") return openJson(path)
  if (format === "jsonl") return openJsonl(path)
  return openCsv(path, text, options.delimiter)
}

const openCsv = async (path: string, sample: string, delimiter?: string): Promise<FlatSource> => {
  const d = delimiter === "tab" || delimiter === "\\t" ? "\t" : (delimiter ?? Csv.sniffDelimiter(sample))
  if (d.length !== 1)
    throw new UnusableInput(`the delimiter must be one character (or "tab"), got ${JSON.stringify(d)}`)
  const file = createReadStream(path, { highWaterMark: 256 * 1024 })
  const parser = file.pipe(
    parse({ delimiter: d, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false })
  )
  let ended = false
  let failure: unknown
  parser.on("end", () => {
    ended = true
  })
  parser.on("error", (e) => {
    failure = e
  })
  file.on("error", () => {
    failure = { code: "READ_ERROR" }
  })
  // pull records synchronously while csv-parse has them buffered; wait only when it is empty
  const next = async (): Promise<Array<string> | undefined> => {
    while (true) {
      if (failure !== undefined) throw csvProblem(failure)
      const r = parser.read() as Array<string> | null
      if (r !== null) return r
      if (ended) return undefined
      await new Promise<void>((resolve) => {
        const done = () => {
          parser.off("readable", done)
          parser.off("end", done)
          parser.off("error", done)
          resolve()
        }
        parser.on("readable", done)
        parser.on("end", done)
        parser.on("error", done)
      })
    }
  }
  const first = await next()
  if (first === undefined) throw new UnusableInput("the file is empty")
  const headers = first.map((h) => Csv.stripBom(h))
  if (headers.every((h) => h.trim() === "")) throw new UnusableInput("the first row (headers) is empty")
  async function* rows() {
    let row = 1
    while (true) {
      const r = await next()
      if (r === undefined) return
      row++
      if (r.length === 1 && r[0] === "") continue
      yield { row, cells: r }
    }
  }
  return { kind: "flat", format: "csv", headers, rows: rows(), delimiter: d, bytesRead: () => file.bytesRead }
}

const csvProblem = (e: unknown): UnusableInput => {
  const err = e as { code?: string; lines?: number }
  const at = typeof err.lines === "number" ? ` at line ${err.lines}` : ""
  if (err.code === "CSV_QUOTE_NOT_CLOSED") {
    return new UnusableInput(
      `malformed CSV: a quoted field is never closed (the file ends inside quotes${at}); check for a stray " character`
    )
  }
  if (err.code === "READ_ERROR") return new UnusableInput("the file could not be read to the end")
  return new UnusableInput(`malformed CSV${at}: ${err.code ?? "unreadable"}`)
}

const openJson = async (path: string): Promise<RecordSource> => {
  let data: unknown
  try {
    data = JSON.parse(Csv.stripBom(await readFile(path, "utf8")))
  } catch {
    throw new UnusableInput("malformed JSON: the file is not valid JSON")
  }
  const list = Array.isArray(data) ? data : [data]
  if (list.length === 0) throw new UnusableInput("the JSON array is empty")
  async function* rows() {
    let row = 0
    for (const record of list) yield { row: ++row, record }
  }
  return { kind: "records", format: "json", rows: rows() }
}

const openJsonl = async (path: string): Promise<RecordSource> => {
  async function* rows() {
    const rl = createInterface({
      input: createReadStream(path, { encoding: "utf8" }),
      crlfDelay: Number.POSITIVE_INFINITY
    })
    let row = 0
    for await (const raw of rl) {
      row++
      const line = row === 1 ? Csv.stripBom(raw) : raw
      if (line.trim() === "") continue
      let record: unknown
      try {
        record = JSON.parse(line)
      } catch {
        record = MALFORMED
      }
      yield { row, record }
    }
  }
  return { kind: "records", format: "jsonl", rows: rows() }
}

/**
 * Marker record for a JSON Lines line that is not JSON.
 *
 * @since 0.1.0
 */
export const MALFORMED: unique symbol = Symbol.for("@homeward/cli/MalformedLine")

const openXlsx = async (path: string, sheet?: string): Promise<FlatSource> => {
  const { default: Excel } = await import("exceljs")
  const reader = new Excel.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore"
  })
  const sheets = reader[Symbol.asyncIterator]()
  const names: Array<string> = []
  let ws: ExcelJS.stream.xlsx.WorksheetReader | undefined
  try {
    while (ws === undefined) {
      const n = await sheets.next()
      if (n.done === true) break
      const name = (n.value as unknown as { name: string }).name
      names.push(name)
      if (sheet === undefined || name === sheet) ws = n.value
      else for await (const _ of n.value) void _
    }
  } catch {
    throw new UnusableInput("the Excel workbook cannot be read (damaged or not .xlsx)")
  }
  if (ws === undefined) {
    throw new UnusableInput(
      sheet === undefined ? "the workbook has no sheets" : `no sheet named "${sheet}" (sheets: ${names.join(", ")})`
    )
  }
  const sheetName = (ws as unknown as { name: string }).name
  const it = ws[Symbol.asyncIterator]()
  const toCells = (r: ExcelJS.Row): Array<unknown> => {
    const v = r.values as Array<unknown>
    return Array.isArray(v) ? v.slice(1) : []
  }
  let first: IteratorResult<ExcelJS.Row>
  try {
    first = await it.next()
  } catch {
    throw new UnusableInput("the Excel sheet cannot be read")
  }
  if (first.done === true) throw new UnusableInput(`the sheet "${sheetName}" is empty`)
  const headers = toCells(first.value).map((c) => {
    if (c === null || c === undefined) return ""
    if (typeof c === "object" && Array.isArray((c as { richText?: unknown }).richText)) {
      return ((c as { richText: Array<{ text?: string }> }).richText ?? []).map((t) => t.text ?? "").join("")
    }
    return String(c)
  })
  async function* rows() {
    while (true) {
      let n: IteratorResult<ExcelJS.Row>
      try {
        n = await it.next()
      } catch {
        throw new UnusableInput("the Excel sheet cannot be read")
      }
      if (n.done === true) return
      // rows are numbered as Excel shows them
      yield { row: n.value.number, cells: toCells(n.value) }
    }
  }
  return { kind: "flat", format: "xlsx", headers, rows: rows(), sheet: sheetName }
}
