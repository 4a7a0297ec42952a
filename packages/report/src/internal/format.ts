/** Formatting and escaping helpers shared by the renderers (private). */
import type { Definition, Figure, ReportMeta, ReportTable, ShareReading } from "../Report.js"

/** Escape text for HTML and SVG (element content and quoted attributes). */
export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"
  )

/** One CSV field (RFC 4180), with a guard against spreadsheet formula injection. */
export const csvField = (v: string | number | null | boolean): string => {
  if (v === null) return "suppressed"
  if (typeof v !== "string") return String(v)
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export const csvLine = (xs: ReadonlyArray<string | number | null | boolean>): string => xs.map(csvField).join(",")

/**
 * Escape text for a Markdown table cell, list item or paragraph: markup
 * characters are backslash-escaped, and every line break (LF, CR alone, CRLF,
 * and the Unicode line and paragraph separators, NEL, VT, FF) becomes a space,
 * so that no value can start a line of its own (a heading, a list, a table row).
 */
export const md = (s: string): string =>
  s.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/g, " ")

export const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`

export const figureText = (f: Figure, suppressed = "s"): string =>
  f.value === null ? suppressed : f.unit === "share" ? pct(f.value) : String(f.value)

export const cellText = (v: number | null, suppressed = "s"): string => (v === null ? suppressed : String(v))

/** Whether a table shows a row-total column (more than one column). */
export const showRowTotals = (t: ReportTable): boolean => t.columns.length > 1

/** Whether a table shows a column-total row (more than one row). */
export const showColumnTotals = (t: ReportTable): boolean => t.rows.length > 1

export const metaLines = (r: ReportMeta): ReadonlyArray<readonly [string, string]> => [
  ["Report", r.title],
  ["Policy profile", `${r.profile.id} ${r.profile.version} (${r.profile.title})`],
  ["As of", r.asOf],
  ["Counting from", r.since],
  [
    "Small-cell suppression",
    `k = ${r.suppression.k} (${r.suppression.source}); protection level ${r.suppression.level} (${r.suppression.levelSource}). ${r.suppression.note}`
  ]
]

/** The readings table: header and rows (label, numerator, denominator, share, used for the target). */
export const readingRows = (
  readings: ReadonlyArray<ShareReading>,
  suppressed = "s"
): { readonly header: ReadonlyArray<string>; readonly rows: ReadonlyArray<ReadonlyArray<string>> } => ({
  header: ["Reading", "Children at home (numerator)", "Children counted (denominator)", "Share", "Used for the target"],
  rows: readings.map((x) => [
    `${x.label}: ${x.numeratorLabel}, of ${x.denominatorLabel}`,
    x.numerator === null ? suppressed : String(x.numerator),
    x.denominator === null ? suppressed : String(x.denominator),
    x.share === null ? suppressed : pct(x.share),
    x.usedForTarget ? "yes" : "no"
  ])
})

/** A definition as labelled parts (population, numerator, denominator, source). */
export const definitionParts = (d: Definition): ReadonlyArray<readonly [string, string]> => [
  ["Counts", d.population],
  ...(d.numerator === undefined ? [] : [["Numerator", d.numerator] as const]),
  ...(d.denominator === undefined ? [] : [["Denominator", d.denominator] as const]),
  ["Source", d.source]
]
