/**
 * A self-contained SVG fan chart of the reintegrated share: the P5–P95 band
 * across runs, the P50 line, the target line and the deadline, with axis
 * labels and a title. No external resources (fonts, scripts, images).
 *
 * @since 0.1.0
 */
import type { SimulationResult } from "./Simulate.js"

/**
 * Options of {@link fanChartSvg}.
 *
 * @since 0.1.0
 */
export interface FanChartOptions {
  readonly width?: number
  readonly height?: number
  readonly title?: string
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
const f = (x: number): string => (Math.round(x * 10) / 10).toString()

/**
 * Render the fan chart.
 *
 * @example
 * ```ts
 * import { fanChartSvg, Scenarios, simulateSync } from "@homeward/simulate"
 *
 * const svg = fanChartSvg(simulateSync({ ...Scenarios.siemReap2017, runs: 50 }))
 * ```
 *
 * @since 0.1.0
 */
export const fanChartSvg = (result: SimulationResult, options: FanChartOptions = {}): string => {
  const W = options.width ?? 800
  const H = options.height ?? 450
  const m = { left: 70, right: 30, top: 50, bottom: 60 }
  const pw = W - m.left - m.right
  const ph = H - m.top - m.bottom
  const months = result.months
  const n = Math.max(1, months.length - 1)
  const maxP95 = months.reduce((a, x) => Math.max(a, x.reintegratedShare.p95), 0)
  const top = Math.min(1, Math.max(0.1, Math.ceil(Math.max(maxP95, result.target.share) * 1.15 * 10) / 10))
  const x = (i: number) => m.left + (i / n) * pw
  const y = (v: number) => m.top + ph - (v / top) * ph
  const t0 = new Date(`${months[0]!.date}T00:00:00Z`).getTime()
  const tN = new Date(`${months[months.length - 1]!.date}T00:00:00Z`).getTime()
  const xDate = (iso: string) => m.left + ((new Date(`${iso}T00:00:00Z`).getTime() - t0) / Math.max(1, tN - t0)) * pw
  const upper = months.map((p, i) => `${f(x(i))},${f(y(p.reintegratedShare.p95))}`)
  const lower = months.map((p, i) => `${f(x(i))},${f(y(p.reintegratedShare.p5))}`).reverse()
  const median = months.map((p, i) => `${f(x(i))},${f(y(p.reintegratedShare.p50))}`).join(" ")
  const title =
    options.title ??
    `${result.scenario.title}: reintegrated share (${result.scenario.runs} runs, seed ${result.scenario.seed})`
  const parts: Array<string> = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="title">`
  )
  parts.push(`<title id="title">${esc(title)}</title>`)
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`)
  parts.push(
    `<text x="${W / 2}" y="24" text-anchor="middle" font-family="sans-serif" font-size="15" font-weight="bold">${esc(title.length > 100 ? `${title.slice(0, 97)}...` : title)}</text>`
  )
  // Grid and y axis ticks.
  for (let k = 0; k <= 5; k++) {
    const v = (top * k) / 5
    parts.push(
      `<line x1="${m.left}" x2="${m.left + pw}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#e5e5e5"/>`,
      `<text x="${m.left - 8}" y="${f(y(v) + 4)}" text-anchor="end" font-family="sans-serif" font-size="11">${Math.round(v * 100)}%</text>`
    )
  }
  // X axis ticks: every 6 months (or fewer for long horizons).
  const every = n > 72 ? 12 : 6
  for (let i = 0; i <= n; i += every) {
    parts.push(
      `<line x1="${f(x(i))}" x2="${f(x(i))}" y1="${m.top + ph}" y2="${m.top + ph + 5}" stroke="#333"/>`,
      `<text x="${f(x(i))}" y="${m.top + ph + 18}" text-anchor="middle" font-family="sans-serif" font-size="11">${months[i]!.date.slice(0, 7)}</text>`
    )
  }
  parts.push(
    `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + ph}" stroke="#333"/>`,
    `<line x1="${m.left}" x2="${m.left + pw}" y1="${m.top + ph}" y2="${m.top + ph}" stroke="#333"/>`,
    `<text x="${m.left + pw / 2}" y="${H - 15}" text-anchor="middle" font-family="sans-serif" font-size="12">Month</text>`,
    `<text x="18" y="${m.top + ph / 2}" text-anchor="middle" font-family="sans-serif" font-size="12" transform="rotate(-90 18 ${m.top + ph / 2})">Share of children reintegrated</text>`
  )
  parts.push(
    `<polygon points="${[...upper, ...lower].join(" ")}" fill="#4c8bf5" fill-opacity="0.25" stroke="none"><title>P5–P95 across runs</title></polygon>`,
    `<polyline points="${median}" fill="none" stroke="#1a56c4" stroke-width="2"><title>P50 across runs</title></polyline>`
  )
  const ty = y(result.target.share)
  parts.push(
    `<line x1="${m.left}" x2="${m.left + pw}" y1="${f(ty)}" y2="${f(ty)}" stroke="#c4361a" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    `<text x="${m.left + pw - 4}" y="${f(ty - 6)}" text-anchor="end" font-family="sans-serif" font-size="11" fill="#c4361a">Target ${Math.round(result.target.share * 1000) / 10}%</text>`
  )
  const dx = xDate(result.target.deadline)
  if (dx >= m.left && dx <= m.left + pw) {
    parts.push(
      `<line x1="${f(dx)}" x2="${f(dx)}" y1="${m.top}" y2="${m.top + ph}" stroke="#c4361a" stroke-width="1.5" stroke-dasharray="2 3"/>`,
      `<text x="${f(dx + 4)}" y="${m.top + 12}" font-family="sans-serif" font-size="11" fill="#c4361a">Deadline ${esc(result.target.deadline)} (P(target) ${Math.round(result.target.probabilityReached * 100)}%)</text>`
    )
  }
  // Legend.
  const lx = m.left + 10
  const ly = m.top + 10
  parts.push(
    `<rect x="${lx}" y="${ly}" width="14" height="10" fill="#4c8bf5" fill-opacity="0.25"/>`,
    `<text x="${lx + 20}" y="${ly + 9}" font-family="sans-serif" font-size="11">P5–P95</text>`,
    `<line x1="${lx}" x2="${lx + 14}" y1="${ly + 22}" y2="${ly + 22}" stroke="#1a56c4" stroke-width="2"/>`,
    `<text x="${lx + 20}" y="${ly + 26}" font-family="sans-serif" font-size="11">P50</text>`
  )
  parts.push("</svg>")
  return `${parts.join("\n")}\n`
}
