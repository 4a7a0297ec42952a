/**
 * A small reader of Excel workbooks (.xlsx) for the page's worker: unzips
 * with fflate (only the parts it needs, with limits against zip bombs) and
 * reads the sheet's XML with regular expressions (no DOM in a worker). Cells
 * come out as exceljs gives them to the CLI: text, numbers, booleans, dates
 * (numbers with a date format, as `Date` at 00:00 UTC for whole days), and
 * `{ error }` for error cells; rows are numbered as Excel shows them.
 */
import { unzipSync } from "fflate"

/** Why a workbook cannot be read (shown to the user). */
export class XlsxError extends Error {
  override readonly name = "XlsxError"
}

export interface Sheet {
  /** 1-based position of the sheet in the workbook. */
  readonly position: number
  /** The sheet's name (never shown: it may be a child's name; matched against a mapping's `from`). */
  readonly name: string
  /** The sheet's rows: `[row number, cells]`, in order, empty rows skipped. */
  readonly rows: () => Generator<[number, Array<unknown>]>
}

/** The most bytes one part of the workbook may inflate to (a sheet of a million rows is far below it). */
const MAX_PART = 512 * 2 ** 20
const MAX_TOTAL = 1024 * 2 ** 20
/** The most a part may grow when inflated (zip bombs grow by thousands). */
const MAX_RATIO = 400

const decoder = new TextDecoder("utf-8", { fatal: false })

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g

const unescapeXml = (s: string): string =>
  s.indexOf("&") === -1
    ? s
    : s.replace(ENTITY, (_m, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
        dec !== undefined
          ? String.fromCodePoint(Number(dec))
          : hex !== undefined
            ? String.fromCodePoint(Number.parseInt(hex, 16))
            : (NAMED[name as string] as string)
      )

const text = (s: string): string => {
  const u = unescapeXml(s)
  return u.indexOf("_x") === -1
    ? u
    : u.replace(OOXML_ESCAPE, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
}

/** The text of a rich or plain string item (`<si>`, `<is>`): every `<t>` outside phonetic runs. */
const T = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g
const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g
const stringItem = (xml: string): string => {
  const body = xml.indexOf("<rPh") === -1 ? xml : xml.replace(PHONETIC, "")
  let out = ""
  T.lastIndex = 0
  for (let m = T.exec(body); m !== null; m = T.exec(body)) out += m[1] === undefined ? "" : text(m[1])
  return out
}

const ATTRS = new Map<string, RegExp>()
const attr = (attrs: string, name: string): string | undefined => {
  let re = ATTRS.get(name)
  if (re === undefined) {
    re = new RegExp(`\\s${name}="([^"]*)"`)
    ATTRS.set(name, re)
  }
  const m = re.exec(attrs)
  return m === null ? undefined : unescapeXml(m[1] as string)
}

const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57])

const isDateFormat = (code: string): boolean => {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare)
}

const colIndex = (ref: string): number => {
  let n = 0
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    if (c < 65 || c > 90) break
    n = n * 26 + (c - 64)
  }
  return n - 1
}

const MS_PER_DAY = 86_400_000

/** An Excel serial day as a Date (UTC), in the 1900 or 1904 system. */
const serialDate = (serial: number, date1904: boolean): Date => {
  const days = date1904 ? serial + 1462 : serial
  // 25569: days from 1899-12-30 to 1970-01-01 (Excel's 1900 leap-year bug is in the serials after February 1900)
  return new Date(Math.round((days - 25569) * MS_PER_DAY))
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g
const V = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/
const IS = /<is>([\s\S]*?)<\/is>/

/**
 * Open a workbook and read its first sheet (or the one at `position`).
 * Throws {@link XlsxError} for a file that is not a readable workbook.
 */
export const open = (bytes: Uint8Array, position = 1): Sheet => {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new XlsxError("the file is not an Excel workbook (.xlsx)")
  }
  let total = 0
  let files: Record<string, Uint8Array>
  const wanted = (name: string): boolean =>
    name === "xl/workbook.xml" ||
    name === "xl/_rels/workbook.xml.rels" ||
    name === "xl/sharedStrings.xml" ||
    name === "xl/styles.xml" ||
    name.startsWith("xl/worksheets/sheet")
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false
        total += f.originalSize
        if (
          f.originalSize > MAX_PART ||
          total > MAX_TOTAL ||
          f.originalSize > Math.max(f.size, 1) * MAX_RATIO + 2 ** 20
        ) {
          throw new XlsxError("the workbook inflates to far more than its size (a zip bomb?); it is not read")
        }
        return true
      }
    })
  } catch (e) {
    if (e instanceof XlsxError) throw e
    throw new XlsxError("the Excel workbook cannot be read (damaged or not .xlsx)")
  }
  const part = (name: string): string | undefined => {
    const b = files[name]
    return b === undefined ? undefined : decoder.decode(b)
  }
  const workbook = part("xl/workbook.xml")
  if (workbook === undefined) throw new XlsxError("the Excel workbook cannot be read (damaged or not .xlsx)")
  const date1904 = /<workbookPr\b[^>]*\sdate1904="(?:1|true)"/.test(workbook)
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m) => ({
    rid: attr(m[1] as string, "r:id"),
    name: attr(m[1] as string, "name") ?? ""
  }))
  if (sheets.length === 0) throw new XlsxError("the workbook has no sheets")
  if (position > sheets.length) {
    throw new XlsxError(`the workbook has no sheet ${position} (it has ${sheets.length})`)
  }
  const rels = part("xl/_rels/workbook.xml.rels") ?? ""
  const targets = new Map<string, string>()
  for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1] as string, "Id")
    const target = attr(m[1] as string, "Target")
    if (id !== undefined && target !== undefined) {
      targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`)
    }
  }
  const rid = sheets[position - 1]?.rid
  const path = (rid === undefined ? undefined : targets.get(rid)) ?? `xl/worksheets/sheet${position}.xml`
  const sheetXml = part(path)
  if (sheetXml === undefined) throw new XlsxError("the Excel workbook cannot be read (damaged or not .xlsx)")

  const shared: Array<string> = []
  const sst = part("xl/sharedStrings.xml")
  if (sst !== undefined)
    for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g))
      shared.push(m[1] === undefined ? "" : stringItem(m[1]))

  const dateStyles: Array<boolean> = []
  const styles = part("xl/styles.xml")
  if (styles !== undefined) {
    const custom = new Map<number, string>()
    for (const m of styles.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
      const id = attr(m[1] as string, "numFmtId")
      const code = attr(m[1] as string, "formatCode")
      if (id !== undefined && code !== undefined) custom.set(Number(id), code)
    }
    const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)
    if (xfs !== null) {
      for (const m of (xfs[1] as string).matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
        const id = Number(attr(m[1] as string, "numFmtId") ?? "0")
        const code = custom.get(id)
        dateStyles.push(code === undefined ? BUILTIN_DATES.has(id) : isDateFormat(code))
      }
    }
  }

  const cellValue = (attrs: string, body: string | undefined): unknown => {
    const type = attr(attrs, "t") ?? "n"
    if (body === undefined) return undefined
    if (type === "inlineStr") {
      const is = IS.exec(body)
      return is === null ? undefined : stringItem(is[1] as string)
    }
    const v = V.exec(body)
    if (v === null) return undefined
    const raw = v[1] as string
    switch (type) {
      case "s":
        return shared[Number(raw)] ?? ""
      case "str":
        return text(raw)
      case "b":
        return raw === "1" || raw === "true"
      case "e":
        return { error: text(raw) }
      case "d": {
        const d = new Date(text(raw))
        return Number.isNaN(d.getTime()) ? text(raw) : d
      }
      default: {
        const n = Number(raw)
        if (!Number.isFinite(n)) return text(raw)
        const s = attr(attrs, "s")
        return s !== undefined && dateStyles[Number(s)] === true ? serialDate(n, date1904) : n
      }
    }
  }

  return {
    position,
    name: sheets[position - 1]?.name ?? "",
    rows: function* () {
      ROW.lastIndex = 0
      let lastRow = 0
      for (let m = ROW.exec(sheetXml); m !== null; m = ROW.exec(sheetXml)) {
        const r = attr(m[1] as string, "r")
        const number = r === undefined ? lastRow + 1 : Number(r)
        lastRow = number
        const body = m[2]
        if (body === undefined) continue
        const cells: Array<unknown> = []
        let next = 0
        let any = false
        CELL.lastIndex = 0
        for (let c = CELL.exec(body); c !== null; c = CELL.exec(body)) {
          const ref = attr(c[1] as string, "r")
          const at = ref === undefined ? next : colIndex(ref)
          next = at + 1
          const value = cellValue(c[1] as string, c[2])
          if (value === undefined) continue
          while (cells.length < at) cells.push(undefined)
          cells[at] = value
          any = true
        }
        if (any) yield [number, cells]
      }
    }
  }
}
