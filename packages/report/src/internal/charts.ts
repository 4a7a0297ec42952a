/** Inline SVG charts (private). All text is escaped; sizes are in viewBox units so charts scale to the page width. */
import type { Progress, ReportTable } from "../Report.js"
import { esc, pct } from "./format.js"

const W = 640
const PALETTE = ["#1f5f8b", "#e07b39", "#4f9d69", "#8c6bb1", "#c44e52", "#777777"]

const svg = (h: number, label: string, body: string): string =>
  `<svg class="chart" role="img" aria-label="${esc(label)}" viewBox="0 0 ${W} ${h}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title>${esc(label)}</title>${body}</svg>`

const text = (x: number, y: number, s: string, attrs = ""): string =>
  `<text x="${x}" y="${y}" ${attrs}>${esc(s)}</text>`

/** Progress against target: a bar for the share reintegrated, markers for the target and the straight-line expectation. */
export const progressChart = (p: Progress): string => {
  const x0 = 150
  const w = W - x0 - 30
  // The larger of the share and the target spans 70% of the width, leaving room for the labels.
  const scale = (v: number) =>
    x0 + Math.max(0, Math.min(1, v / Math.max(p.targetShare, p.share ?? 0, 0.0001))) * w * 0.7
  const rows: Array<string> = []
  rows.push(text(10, 38, "Reintegrated", 'font-size="13"'))
  if (p.share === null)
    rows.push(text(x0, 38, "suppressed (below the small-cell threshold)", 'font-size="12" fill="#555"'))
  else {
    rows.push(`<rect x="${x0}" y="22" width="${(scale(p.share) - x0).toFixed(1)}" height="24" fill="${PALETTE[0]}"/>`)
    rows.push(text(scale(p.share) + 6, 39, pct(p.share), 'font-size="12" font-weight="bold"'))
  }
  rows.push(text(10, 88, "Target", 'font-size="13"'))
  rows.push(`<rect x="${x0}" y="72" width="${(scale(p.targetShare) - x0).toFixed(1)}" height="24" fill="#cfd8e3"/>`)
  rows.push(text(scale(p.targetShare) + 6, 89, `${pct(p.targetShare)} by ${p.targetDeadline}`, 'font-size="12"'))
  const ex = scale(p.expectedShareByNow)
  rows.push(
    `<line x1="${ex.toFixed(1)}" y1="14" x2="${ex.toFixed(1)}" y2="104" stroke="#c44e52" stroke-width="2" stroke-dasharray="5 3"/>`
  )
  rows.push(
    text(
      ex + 4,
      118,
      `straight-line pace for ${p.targetDeadline}: ${pct(p.expectedShareByNow)}`,
      'font-size="11" fill="#c44e52"'
    )
  )
  rows.push(`<line x1="${x0}" y1="10" x2="${x0}" y2="104" stroke="#333"/>`)
  return svg(128, "Share of children reintegrated against the target", rows.join(""))
}

/** Horizontal stacked bars: one bar per row, one segment per published cell; suppressed counts are left out of the bar. */
export const barChart = (t: ReportTable): string => {
  const x0 = 230
  const w = W - x0 - 130
  const bh = 18
  const gap = 8
  // Legend entries, wrapped onto as many lines as they need within the chart's width.
  const legend: Array<{ x: number; y: number; c: number }> = []
  if (t.columns.length > 1) {
    let lx = 10
    let ly = 6
    t.columns.forEach((c, i) => {
      const w = 24 + c.length * 6.2
      if (lx > 10 && lx + w > W - 4) {
        lx = 10
        ly += 16
      }
      legend.push({ x: lx, y: ly, c: i })
      lx += w
    })
  }
  const top = t.columns.length > 1 ? (legend.at(-1)?.y ?? 6) + 24 : 8
  const max = Math.max(
    1,
    ...t.rows.map((_, r) => t.rowTotals[r] ?? t.cells[r]!.reduce<number>((a, v) => a + (v ?? 0), 0))
  )
  const parts: Array<string> = []
  for (const { x, y, c } of legend) {
    parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="10" height="10" fill="${PALETTE[c % PALETTE.length]}"/>`)
    parts.push(text(x + 14, y + 9, t.columns[c]!, 'font-size="11"'))
  }
  t.rows.forEach((row, r) => {
    const y = top + r * (bh + gap)
    const label = row.length > 34 ? `${row.slice(0, 33)}…` : row
    parts.push(text(x0 - 8, y + 13, label, 'font-size="12" text-anchor="end"'))
    let x = x0
    const total = t.columns.length > 1 ? t.rowTotals[r]! : t.cells[r]![0]!
    const anySuppressed = t.cells[r]!.some((v) => v === null)
    if (anySuppressed && total !== null && total > 0) {
      // The split is suppressed but the row total is published: one neutral bar for the total.
      const bw = (total / max) * w
      parts.push(`<rect x="${x}" y="${y}" width="${bw.toFixed(1)}" height="${bh}" fill="#9aa7b4"/>`)
      x += bw
    } else {
      for (const [c, v] of t.cells[r]!.entries()) {
        if (v === null || v === 0) continue
        const bw = (v / max) * w
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y}" width="${bw.toFixed(1)}" height="${bh}" fill="${PALETTE[c % PALETTE.length]}"/>`
        )
        x += bw
      }
    }
    const label2 = total === null ? "s (suppressed)" : anySuppressed ? `${total} (split suppressed)` : String(total)
    parts.push(text(x + 5, y + 13, label2, 'font-size="11" fill="#333"'))
  })
  parts.push(`<line x1="${x0}" y1="${top - 4}" x2="${x0}" y2="${top + t.rows.length * (bh + gap)}" stroke="#333"/>`)
  return svg(top + t.rows.length * (bh + gap) + 6, t.title, parts.join(""))
}

/** Greedy word wrap to lines of at most `width` characters (at most 3 lines). */
const wrap = (s: string, width: number): Array<string> => {
  const lines: Array<string> = []
  for (const word of s.split(/\s+/)) {
    const last = lines[lines.length - 1]
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.slice(0, 3)
}

/** The phase pipeline: one box per phase, in pathway order, with its count. */
export const pipelineChart = (t: ReportTable): string => {
  const n = Math.max(1, t.rows.length)
  const bw = (W - 10) / n
  const parts: Array<string> = []
  t.rows.forEach((row, i) => {
    const x = 5 + i * bw
    const v = t.cells[i]![0]!
    const fill = i >= 4 ? "#e8eef5" : "#d5e6f3"
    parts.push(
      `<path d="M${x.toFixed(1)} 10 h${(bw - 12).toFixed(1)} l10 30 l-10 30 h-${(bw - 12).toFixed(1)} l10 -30 z" fill="${fill}" stroke="#1f5f8b"/>`
    )
    parts.push(
      text(x + bw / 2, 46, v === null ? "s" : String(v), 'font-size="16" font-weight="bold" text-anchor="middle"')
    )
    wrap(row, Math.max(6, Math.floor(bw / 6.2))).forEach((line, j) => {
      parts.push(text(x + bw / 2, 86 + j * 12, line, 'font-size="10" text-anchor="middle"'))
    })
  })
  return svg(124, t.title, parts.join(""))
}
