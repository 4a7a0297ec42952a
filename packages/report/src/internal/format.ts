/** Formatting and escaping helpers shared by the renderers (private). */
import type { Figure, ReportMeta, ReportTable } from "../Report.js"

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

/** Escape text for a Markdown table cell or paragraph. */
export const md = (s: string): string => s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ")

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
  ["Small-cell suppression", `k = ${r.suppression.k} (${r.suppression.source}). ${r.suppression.note}`]
]
