/** Plain-text tables for the terminal (no colours, fixed-width columns). */

/** Render rows under a header as an aligned text table. */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd()
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n")
}

/** A share as a percentage with one decimal. */
export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? "suppressed" : `${(x * 100).toFixed(1)}%`
