/**
 * The page's Web Worker: reads the chosen file (CSV as a stream, XLSX, JSON,
 * JSON Lines) and validates it with `@homeward/validate`, posting progress
 * now and then and the report at the end. Nothing leaves the worker but
 * the report, which never holds a value of a sensitive field.
 */
import { Profiles, Registry } from "@homeward/core"
import { Bytes, Csv, Dataset, Mapping, Presets, Unusable } from "@homeward/validate"
import * as Result from "effect/Result"
import type { Request, Response } from "./protocol.js"
import * as Xlsx from "./xlsx.js"

declare const self: {
  onmessage: ((e: { data: Request }) => void) | null
  postMessage: (m: Response) => void
}

class Refused extends Error {
  constructor(
    message: string,
    readonly code: Unusable.Code
  ) {
    super(message)
  }
}

const post = (m: Response): void => self.postMessage(m)

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const parseDay = (s: string): Date | undefined => {
  const m = DAY.exec(s)
  if (m === null) return undefined
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? undefined : d
}

const resolveMapping = async (req: Request): Promise<Mapping.DatasetMapping> => {
  if (req.preset !== undefined) return Presets.get(req.preset)
  const type = req.recordType !== undefined && Registry.isRecordType(req.recordType) ? req.recordType : undefined
  if (req.mappingFile !== undefined) {
    let json: unknown
    try {
      json = JSON.parse(Bytes.decodeAll(new Uint8Array(await req.mappingFile.arrayBuffer())).replace(/^\uFEFF/, ""))
    } catch {
      throw new Refused("bad mapping file: not valid JSON (UTF-8)", "mapping")
    }
    const r = Mapping.datasetFromJson(json, type === undefined ? {} : { as: type })
    if (Result.isFailure(r)) throw new Refused(`bad mapping file: ${r.failure.join("; ")}`, "mapping")
    return r.success
  }
  if (type === undefined) throw new Refused("choose a record type, a preset or a mapping file", "record-type")
  return Mapping.single(type)
}

type Format = "csv" | "xlsx" | "json" | "jsonl"

const detect = (name: string, head: Uint8Array): Format => {
  const ext = /\.[^.]*$/.exec(name.toLowerCase())?.[0] ?? ""
  if (head[0] === 0x50 && head[1] === 0x4b) return "xlsx"
  if (ext === ".xlsx" || ext === ".xlsm")
    throw new Refused("the file has an .xlsx name but is not an Excel workbook", "malformed")
  if (ext === ".xls")
    throw new Refused("old Excel .xls files are not supported; save the sheet as .xlsx or CSV", "malformed")
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl"
  if (ext === ".json") return "json"
  return "csv"
}

const PROGRESS_MS = 100

const run = async (req: Request): Promise<void> => {
  const started = performance.now()
  const asOf = parseDay(req.asOf)
  if (asOf === undefined) throw new Refused("the as-of date must be a real date written YYYY-MM-DD", "options")
  const mapping = await resolveMapping(req)
  const file = req.file
  if (file.size === 0) throw new Refused(`the file ${file.name} is empty`, "empty")
  const session = Dataset.make({
    mapping,
    asOf,
    profile: Profiles.cambodiaMosvy,
    name: file.name,
    expectedIds: Math.ceil(file.size / 64),
    maxProblems: req.maxProblems ?? 100_000,
    ...(req.dates !== undefined ? { dates: req.dates } : {})
  })
  let last = 0
  const progress = (fraction: number, force = false): void => {
    const now = performance.now()
    if (!force && now - last < PROGRESS_MS) return
    last = now
    post({ kind: "progress", rows: session.rows(), fraction })
  }
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer())
  const format = detect(file.name, head)
  const names = [file.name, file.name.replace(/\.[^.]*$/, "")]
  if (format === "xlsx") feedXlsx(session, new Uint8Array(await file.arrayBuffer()), file.name, names, progress)
  else if (format === "json") feedJson(session, await file.arrayBuffer(), file.name, names)
  else if (format === "jsonl") await feedJsonl(session, file, names, progress)
  else await feedCsv(session, file, names, progress)
  progress(1, true)
  post({ kind: "done", report: session.finish(), millis: performance.now() - started })
}

const feedCsv = async (
  session: Dataset.Session,
  file: File,
  names: ReadonlyArray<string>,
  progress: (fraction: number) => void
): Promise<void> => {
  const decoder = Bytes.decoder()
  let parser: Csv.Parser | undefined
  let flat: Dataset.FlatFile | undefined
  let header = true
  let pending = ""
  let delimiter = ","
  const take = (rows: ReadonlyArray<Csv.ParsedRow>) => {
    for (const r of rows) {
      if (header) {
        header = false
        const headers = r.cells.map((h, i) => (i === 0 ? Csv.stripBom(h) : h))
        if (headers.every((h) => h.trim() === ""))
          throw new Refused(`the first row (headers) of ${file.name} is empty`, "no-header")
        flat = session.flat({ name: file.name, format: "csv", headers, delimiter, names })
        continue
      }
      flat?.row(r.record, r.cells)
    }
  }
  const feedText = (text: string) => {
    const step = 16 * 1024
    for (let from = 0; from < text.length; from += step)
      take((parser as Csv.Parser).push(text.slice(from, from + step)))
  }
  const reader = file.stream().getReader()
  let read = 0
  while (true) {
    const { done, value } = await reader.read()
    if (done) break
    read += value.length
    const text = decoder.push(value)
    if (parser === undefined) {
      pending += text
      if (pending.length < 16 * 1024) continue
      delimiter = Csv.sniffDelimiter(pending)
      parser = Csv.parser(delimiter)
      feedText(pending)
      pending = ""
    } else feedText(text)
    progress(read / file.size)
  }
  const rest = decoder.end()
  if (parser === undefined) {
    pending += rest
    if (Csv.stripBom(pending).trim() === "") throw new Refused(`the file ${file.name} is empty`, "empty")
    delimiter = Csv.sniffDelimiter(pending)
    parser = Csv.parser(delimiter)
    feedText(pending)
  } else feedText(rest)
  take(parser.end())
  if (header) throw new Refused(`the file ${file.name} is empty`, "empty")
  flat?.close()
}

const feedJson = (session: Dataset.Session, bytes: ArrayBuffer, name: string, names: ReadonlyArray<string>): void => {
  const text = Csv.stripBom(Bytes.decodeAll(new Uint8Array(bytes)))
  if (text.trim() === "") throw new Refused(`the file ${name} is empty`, "empty")
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new Refused("malformed JSON: the file is not valid JSON", "malformed")
  }
  const items = Array.isArray(data) ? data : [data]
  if (items.length === 0) throw new Refused("the JSON array is empty", "empty")
  const file = session.records({ name, format: "json", names })
  let row = 0
  for (const item of items) file.record(++row, item)
  file.close()
}

const feedJsonl = async (
  session: Dataset.Session,
  file: File,
  names: ReadonlyArray<string>,
  progress: (fraction: number) => void
): Promise<void> => {
  const decoder = Bytes.decoder()
  const records = session.records({ name: file.name, format: "jsonl", names })
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
      records.malformed(line)
      return
    }
    records.record(line, record)
  }
  const split = (text: string) => {
    const parts = (rest + text).split("\n")
    rest = parts.pop() ?? ""
    for (const p of parts) take(p.replace(/\r$/, ""))
  }
  const reader = file.stream().getReader()
  let read = 0
  while (true) {
    const { done, value } = await reader.read()
    if (done) break
    read += value.length
    split(decoder.push(value))
    progress(read / file.size)
  }
  split(decoder.end())
  if (rest !== "") take(rest.replace(/\r$/, ""))
  if (!any) throw new Refused(`the file ${file.name} is empty`, "empty")
  records.close()
}

const feedXlsx = (
  session: Dataset.Session,
  bytes: Uint8Array,
  name: string,
  names: ReadonlyArray<string>,
  progress: (fraction: number) => void
): void => {
  const sheet = Xlsx.open(bytes)
  const rows = sheet.rows()
  const first = rows.next()
  if (first.done === true) throw new Refused("the first sheet of the workbook is empty", "empty")
  const [headerRow, headerCells] = first.value
  const headers = headerCells.map(headerText)
  if (headers.every((h) => h.trim() === ""))
    throw new Refused(`the first row (headers) of ${name} is empty`, "no-header")
  if (headers.length > Csv.defaultLimits.maxColumns) {
    throw new Refused(`the sheet has more than ${Csv.defaultLimits.maxColumns} columns`, "too-large")
  }
  // the sheet's name may be a child's name: it is named by its position, as the CLI does
  const flat = session.flat({ name, format: "xlsx", headers, sheet: "sheet 1", names: [...names, sheet.name] })
  let n = 0
  for (const [number, cells] of rows) {
    if (number > headerRow) flat.row(number, cells.slice(0, Csv.defaultLimits.maxColumns + 1))
    if (++n % 2000 === 0) progress(0.5)
  }
  flat.close()
}

const headerText = (c: unknown): string => {
  if (c === null || c === undefined) return ""
  if (typeof c === "string") return c
  if (typeof c === "number" || typeof c === "boolean") return String(c)
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "" : c.toISOString().slice(0, 10)
  return ""
}

self.onmessage = (e) => {
  run(e.data).catch((err: unknown) => {
    const message =
      err instanceof Refused || err instanceof Xlsx.XlsxError || Unusable.isUnusableInput(err)
        ? (err as Error).message
        : `unexpected failure reading the file (${err instanceof Error ? err.name : "error"})`
    const code: Unusable.Code =
      err instanceof Refused
        ? err.code
        : Unusable.isUnusableInput(err)
          ? err.code
          : err instanceof Xlsx.XlsxError
            ? "malformed"
            : "unreadable"
    post({ kind: "unusable", message, code })
  })
}
