/**
 * Helpers for delimited text files as NGOs export them: delimiter sniffing
 * (`,` `;` tab `|`) and byte-order-mark handling.
 *
 * @since 0.1.0
 */

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
 * import { Csv } from "@homeward/cli"
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
 * @since 0.1.0
 */
export const stripBom = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s)

/**
 * A printable name of a delimiter (`tab` for `\t`).
 *
 * @since 0.1.0
 */
export const delimiterName = (d: string): string => (d === "\t" ? "tab" : d)
