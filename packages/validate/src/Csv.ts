/**
 * Delimited text files as NGOs export them: delimiter sniffing (`,` `;` tab
 * `|`), byte-order-mark handling and a streaming parser that takes text in
 * chunks of any size (a browser `File` stream, a Node read stream) and gives
 * back complete rows. Quoted cells may hold delimiters, doubled quotes and
 * line breaks; a quote inside an unquoted cell is kept as written. The
 * parser refuses, with a clear {@link Unusable.UnusableInput}, a quoted cell
 * that never closes, a cell longer than `maxCellLength` and a row with more
 * than `maxColumns` cells, so a hostile file cannot take unbounded time or
 * memory.
 *
 * @since 0.1.0
 */
import { UnusableInput } from "./Unusable.js"

/**
 * Delimiters the sniffer considers, in order of preference on a tie.
 *
 * @since 0.1.0
 */
export const candidates = [",", ";", "\t", "|"] as const

/**
 * Count delimiter occurrences per line outside double quotes.
 */
const countsPerLine = (sample: string, d: string, maxLines: number): Array<number> => {
  const counts: Array<number> = []
  let inQuotes = false
  let n = 0
  for (let i = 0; i < sample.length && counts.length < maxLines; i++) {
    const c = sample[i]
    if (c === '"') {
      if (inQuotes && sample[i + 1] === '"') i++
      else inQuotes = !inQuotes
    } else if (!inQuotes && c === d) n++
    else if (!inQuotes && (c === "\n" || c === "\r")) {
      if (c === "\r" && sample[i + 1] === "\n") i++
      counts.push(n)
      n = 0
    }
  }
  // the last line is complete only if the sample is the whole file; keep it when no line ended
  if (counts.length === 0) counts.push(n)
  return counts
}

/**
 * Guess the delimiter of a CSV sample: the candidate that appears on the
 * header line and the same number of times on most following lines (quoted
 * text is ignored). Falls back to `,`.
 *
 * @example
 * ```ts
 * import { Csv } from "@homeward/validate"
 *
 * Csv.sniffDelimiter("id;sex\nCH-1;female\n") // ";"
 * ```
 *
 * @since 0.1.0
 */
export const sniffDelimiter = (sample: string): string => {
  const text = stripBom(sample)
  let best: string = ","
  let bestScore = 0
  for (const d of candidates) {
    const counts = countsPerLine(text, d, 50)
    const head = counts[0] ?? 0
    if (head === 0) continue
    const rest = counts.slice(1)
    const consistent = rest.length === 0 ? 1 : rest.filter((c) => c === head).length / rest.length
    const score = consistent * 1000 + head
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

/**
 * Remove a UTF-8 byte-order mark.
 *
 * @example
 * ```ts
 * import { Csv } from "@homeward/validate"
 *
 * Csv.stripBom("\ufeffid,sex") // "id,sex"
 * ```
 *
 * @since 0.1.0
 */
export const stripBom = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s)

/**
 * A printable name of a delimiter (`tab` for `\t`).
 *
 * @example
 * ```ts
 * import { Csv } from "@homeward/validate"
 *
 * Csv.delimiterName("\t") // "tab"
 * Csv.delimiterName(";") // ";"
 * ```
 *
 * @since 0.1.0
 */
export const delimiterName = (d: string): string => (d === "\t" ? "tab" : d)

/**
 * Limits of the parser.
 *
 * @since 0.1.0
 */
export interface Limits {
  /** Longest cell, in characters (default 1,048,576). */
  readonly maxCellLength?: number
  /** Most cells in one row (default 5,000). */
  readonly maxColumns?: number
}

/**
 * Default limits: a cell of at most 1 MiB of text, at most 5,000 columns.
 *
 * @since 0.1.0
 */
export const defaultLimits: Required<Limits> = { maxCellLength: 1_048_576, maxColumns: 5_000 }

/**
 * One parsed row.
 *
 * @since 0.1.0
 */
export interface ParsedRow {
  /** Record number: 1 for the first row (the header), 2 for the next … (a line break inside quotes does not count). */
  readonly record: number
  /** Physical line (1-based) where the row starts. */
  readonly line: number
  readonly cells: Array<string>
}

/**
 * A streaming CSV parser.
 *
 * @since 0.1.0
 */
export interface Parser {
  /** Feed the next chunk of text; returns the rows completed by it. Throws {@link UnusableInput}. */
  readonly push: (text: string) => Array<ParsedRow>
  /** The input has ended; returns the last row, if any. Throws {@link UnusableInput} for an unclosed quote. */
  readonly end: () => Array<ParsedRow>
}

const QUOTE = 34
const LF = 10
const CR = 13

enum State {
  /** At the start of a cell. */
  Start = 0,
  /** Inside an unquoted cell. */
  Plain = 1,
  /** Inside a quoted cell. */
  Quoted = 2,
  /** Inside a quoted cell, just after a quote: a doubled quote or the closing one. */
  QuoteSeen = 3,
  /** After the closing quote: anything up to the delimiter is kept as written. */
  After = 4
}

/**
 * Make a streaming parser for one delimiter (one character).
 *
 * @example
 * ```ts
 * import { Csv } from "@homeward/validate"
 *
 * const p = Csv.parser(";")
 * const rows = [...p.push('id;note\nCH-1;"a;b'), ...p.push('"\n'), ...p.end()]
 * rows.map((r) => r.cells) // [["id", "note"], ["CH-1", "a;b"]]
 * ```
 *
 * @since 0.1.0
 */
export const parser = (delimiter: string, limits: Limits = {}): Parser => {
  if (delimiter.length !== 1) throw new UnusableInput("the delimiter must be one character", "options")
  const D = delimiter.charCodeAt(0)
  if (D === QUOTE || D === LF || D === CR)
    throw new UnusableInput("the delimiter cannot be a quote or a line break", "options")
  const maxCell = limits.maxCellLength ?? defaultLimits.maxCellLength
  const maxColumns = limits.maxColumns ?? defaultLimits.maxColumns
  let state: State = State.Start
  let cells: Array<string> = []
  /** Text of the current cell collected so far (from earlier chunks or doubled quotes). */
  let cell = ""
  let line = 1
  let recordLine = 1
  let record = 0
  let pendingCr = false
  /** Whether the current row has begun (a character or a delimiter). */
  let started = false

  const tooLong = (): never => {
    throw new UnusableInput(
      `a cell in the row on line ${recordLine} is longer than ${maxCell.toLocaleString("en-US")} characters; check for a stray quote`,
      "too-large"
    )
  }
  const addCell = (value: string) => {
    if (value.length > maxCell) tooLong()
    if (cells.length >= maxColumns) {
      throw new UnusableInput(
        `the row on line ${recordLine} has more than ${maxColumns.toLocaleString("en-US")} cells`,
        "too-large"
      )
    }
    cells.push(value)
  }

  const push = (text: string): Array<ParsedRow> => {
    const out: Array<ParsedRow> = []
    const n = text.length
    let i = 0
    if (pendingCr) {
      pendingCr = false
      if (n > 0 && text.charCodeAt(0) === LF) i = 1
    }
    /** End the row at the line break at `i` (CR, LF or CRLF) and step past it. */
    const lineBreak = (c: number) => {
      record++
      out.push({ record, line: recordLine, cells })
      cells = []
      started = false
      line++
      if (c === CR) {
        if (i + 1 < n) {
          if (text.charCodeAt(i + 1) === LF) i++
        } else pendingCr = true
      }
      i++
    }
    while (i < n) {
      switch (state) {
        case State.Start: {
          if (!started) recordLine = line
          const c = text.charCodeAt(i)
          if (c === QUOTE) {
            started = true
            state = State.Quoted
            i++
          } else if (c === D) {
            started = true
            addCell("")
            i++
          } else if (c === LF || c === CR) {
            // an empty row is one empty cell (the caller decides whether to skip it)
            addCell("")
            lineBreak(c)
          } else {
            started = true
            state = State.Plain
          }
          break
        }
        case State.Plain: {
          const from = i
          let c = 0
          while (i < n) {
            c = text.charCodeAt(i)
            if (c === D || c === LF || c === CR) break
            i++
          }
          if (i - from + cell.length > maxCell) tooLong()
          if (i === n) {
            cell += text.slice(from, i)
            break
          }
          addCell(cell === "" ? text.slice(from, i) : cell + text.slice(from, i))
          cell = ""
          state = State.Start
          if (c === D) i++
          else lineBreak(c)
          break
        }
        case State.Quoted: {
          const q = text.indexOf('"', i)
          const stop = q === -1 ? n : q
          for (let k = text.indexOf("\n", i); k !== -1 && k < stop; k = text.indexOf("\n", k + 1)) line++
          if (stop - i + cell.length > maxCell) tooLong()
          cell += text.slice(i, stop)
          if (q === -1) {
            i = n
          } else {
            i = q + 1
            state = State.QuoteSeen
          }
          break
        }
        case State.QuoteSeen: {
          if (text.charCodeAt(i) === QUOTE) {
            if (cell.length + 1 > maxCell) tooLong()
            cell += '"'
            i++
            state = State.Quoted
          } else state = State.After
          break
        }
        case State.After: {
          const c = text.charCodeAt(i)
          if (c === D || c === LF || c === CR) {
            addCell(cell)
            cell = ""
            state = State.Start
            if (c === D) i++
            else lineBreak(c)
          } else {
            if (cell.length + 1 > maxCell) tooLong()
            cell += text[i]
            i++
          }
          break
        }
      }
    }
    return out
  }

  const end = (): Array<ParsedRow> => {
    if (state === State.Quoted) {
      throw new UnusableInput(
        `malformed CSV: a quoted field in the row on line ${recordLine} is never closed (the file ends inside quotes); check for a stray " character`,
        "malformed"
      )
    }
    if (state !== State.Start) addCell(cell)
    else if (started) addCell("")
    const out: Array<ParsedRow> = []
    if (cells.length > 0) {
      record++
      out.push({ record, line: recordLine, cells })
    }
    cells = []
    cell = ""
    state = State.Start
    started = false
    return out
  }
  return { push, end }
}
