/**
 * A self-contained SVG fan chart of the reintegrated share: the P5–P95 band
 * across runs, the P50 line, the target line and the deadline, with a title
 * (wrapped to the width, never clipped), axis titles, a legend below the
 * plot and a footnote stating how uncertain parameters were sampled, the
 * Monte Carlo error, the sources and which parameters are assumptions. No
 * external resources (fonts, scripts, images).
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
  /** Height of the plot area (the whole picture grows with the title and footnote lines). */
  readonly plotHeight?: number
  readonly title?: string
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
const f = (x: number): string => (Math.round(x * 10) / 10).toString()

/**
 * Wrap text into lines of at most `width` pixels at `size` pixels (a
 * conservative estimate of sans-serif glyph widths: 0.62 em, 0.66 em bold).
 *
 * @example
 * ```ts
 * import { Chart } from "@homeward/simulate"
 *
 * Chart.wrap("Share of children home by the 2018 deadline, Siem Reap", 200, 12) // two or three lines
 * ```
 *
 * @since 0.2.0
 */
export const wrap = (text: string, width: number, size: number, bold = false): Array<string> => {
  const max = Math.max(8, Math.floor(width / (size * (bold ? 0.66 : 0.62))))
  const lines: Array<string> = []
  let line = ""
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    let w = word
    while (w.length > max) {
      if (line !== "") {
        lines.push(line)
        line = ""
      }
      lines.push(`${w.slice(0, max - 1)}-`)
      w = w.slice(max - 1)
    }
    if (line === "") line = w
    else if (line.length + 1 + w.length <= max) line = `${line} ${w}`
    else {
      lines.push(line)
      line = w
    }
  }
  if (line !== "") lines.push(line)
  return lines
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`

/**
 * The footnote lines of a chart: uncertainty and Monte Carlo error, sources,
 * assumptions, warnings.
 *
 * @example
 * ```ts
 * import { Chart, Scenarios, Simulate } from "@homeward/simulate"
 *
 * const result = Simulate.simulateSync({ ...Scenarios.siemReap2017, runs: 20 })
 * for (const line of Chart.footnote(result)) console.log(line)
 * ```
 *
 * @since 0.2.0
 */
export const footnote = (result: SimulationResult): ReadonlyArray<string> => {
  const u = result.uncertainty
  const t = result.target
  const se = t.probabilityReachedSe
  const sources = new Map<string, string>()
  for (const p of result.parameters)
    if (p.label.source !== undefined && p.label.kind !== "assumption")
      sources.set(`${p.label.source.document} (${p.label.source.year})`, "")
  const assumed = result.parameters.filter((p) => p.label.kind === "assumption").map((p) => p.path)
  const unlabelled = result.parameters.filter((p) => p.label.kind === "unlabelled").map((p) => p.path)
  return [
    `${result.scenario.runs} runs, seed ${result.scenario.seed}. ${u.note}${
      se === null ? "" : ` Monte Carlo standard error of P(target): ${Math.round(se * 1000) / 10} points.`
    }`,
    `Target: ${t.count.toLocaleString("en-US")} of ${result.scenario.children.toLocaleString("en-US")} children (${pct(t.share)}; count ${t.countRule}).`,
    `Sources: ${[...sources.keys()].join("; ") || "none given"}.`,
    `Assumptions (${assumed.length}): ${assumed.join(", ") || "none"}.${
      unlabelled.length > 0 ? ` Unlabelled (${unlabelled.length}): ${unlabelled.join(", ")}.` : ""
    } Each parameter's value, range and label are listed in the JSON and CSV outputs.`,
    ...result.warnings.filter((w) => w.code !== "unlabelled-parameters").map((w) => `Warning: ${w.message}.`)
  ]
}

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
  const W = options.width ?? 900
  const ph = options.plotHeight ?? 340
  const m = { left: 78, right: 28 }
  const pw = W - m.left - m.right
  const textWidth = W - 2 * 16
  const title =
    options.title ??
    `${result.scenario.title}: share of children home (${result.scenario.runs} runs, seed ${result.scenario.seed})`
  const titleLines = wrap(title, textWidth, 16, true)
  const subtitle = `${result.scenario.children.toLocaleString("en-US")} children, ${result.scenario.socialWorkers} social workers, ${result.policy.profile.id}; from ${result.scenario.startDate} for ${result.scenario.horizonMonths} months`
  const subLines = wrap(subtitle, textWidth, 12)
  const noteLines = footnote(result).flatMap((l) => wrap(l, textWidth, 10.5))
  const top = 16 + titleLines.length * 20 + subLines.length * 16 + 14
  const axisBottom = top + ph
  const legendY = axisBottom + 52
  const noteY = legendY + 28
  const H = Math.ceil(noteY + noteLines.length * 14 + 10)

  const months = result.months
  const n = Math.max(1, months.length - 1)
  const maxP95 = months.reduce((a, x) => Math.max(a, x.reintegratedShare.p95), 0)
  const yTop = Math.min(1, Math.max(0.1, Math.ceil(Math.max(maxP95, result.target.share) * 1.15 * 10) / 10))
  const x = (i: number) => m.left + (i / n) * pw
  const y = (v: number) => top + ph - (v / yTop) * ph
  const t0 = new Date(`${months[0]!.date}T00:00:00Z`).getTime()
  const tN = new Date(`${months[months.length - 1]!.date}T00:00:00Z`).getTime()
  const xDate = (iso: string) => m.left + ((new Date(`${iso}T00:00:00Z`).getTime() - t0) / Math.max(1, tN - t0)) * pw
  const upper = months.map((p, i) => `${f(x(i))},${f(y(p.reintegratedShare.p95))}`)
  const lower = months.map((p, i) => `${f(x(i))},${f(y(p.reintegratedShare.p5))}`).reverse()
  const median = months.map((p, i) => `${f(x(i))},${f(y(p.reintegratedShare.p50))}`).join(" ")
  const font = `font-family="DejaVu Sans, Arial, Helvetica, sans-serif"`
  // A white outline keeps labels drawn over the band readable.
  const halo = `stroke="#ffffff" stroke-width="3" paint-order="stroke"`
  const parts: Array<string> = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="title desc">`
  )
  parts.push(`<title id="title">${esc(title)}</title>`)
  parts.push(`<desc id="desc">${esc(noteLines.join(" "))}</desc>`)
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`)
  titleLines.forEach((l, i) => {
    parts.push(`<text x="16" y="${30 + i * 20}" ${font} font-size="16" font-weight="bold">${esc(l)}</text>`)
  })
  subLines.forEach((l, i) => {
    parts.push(
      `<text x="16" y="${30 + titleLines.length * 20 + i * 16}" ${font} font-size="12" fill="#444444">${esc(l)}</text>`
    )
  })
  // Grid and y axis ticks at round percentages.
  const yStep = yTop <= 0.1 ? 0.02 : yTop <= 0.3 ? 0.05 : 0.1
  const yTicks = Math.round(yTop / yStep)
  for (let k = 0; k <= yTicks; k++) {
    const v = k * yStep
    parts.push(
      `<line x1="${m.left}" x2="${m.left + pw}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="#e5e5e5"/>`,
      `<text x="${m.left - 8}" y="${f(y(v) + 4)}" text-anchor="end" ${font} font-size="11">${Math.round(v * 100)}%</text>`
    )
  }
  // X axis ticks: every 3, 6, 12, 24 … months, the first that leaves room for the labels (about 75 px).
  let every = 3
  while ((every / n) * pw < 75 && every < n) every *= 2
  for (let i = 0; i <= n; i += every) {
    const anchor = x(i) > W - m.right - 30 ? "end" : x(i) < m.left + 30 ? "start" : "middle"
    parts.push(
      `<line x1="${f(x(i))}" x2="${f(x(i))}" y1="${axisBottom}" y2="${axisBottom + 5}" stroke="#333333"/>`,
      `<text x="${f(x(i))}" y="${axisBottom + 18}" text-anchor="${anchor}" ${font} font-size="11">${months[i]!.date.slice(0, 7)}</text>`
    )
  }
  parts.push(
    `<line x1="${m.left}" x2="${m.left}" y1="${top}" y2="${axisBottom}" stroke="#333333"/>`,
    `<line x1="${m.left}" x2="${m.left + pw}" y1="${axisBottom}" y2="${axisBottom}" stroke="#333333"/>`,
    `<text x="${m.left + pw / 2}" y="${axisBottom + 36}" text-anchor="middle" ${font} font-size="12">Date (one snapshot a month)</text>`,
    `<text x="20" y="${top + ph / 2}" text-anchor="middle" ${font} font-size="12" transform="rotate(-90 20 ${top + ph / 2})">Share of the cohort home</text>`
  )
  parts.push(
    `<polygon points="${[...upper, ...lower].join(" ")}" fill="#4c8bf5" fill-opacity="0.25" stroke="none"><title>P5–P95 across runs</title></polygon>`,
    `<polyline points="${median}" fill="none" stroke="#1a56c4" stroke-width="2"><title>P50 across runs</title></polyline>`
  )
  const ty = y(result.target.share)
  parts.push(
    `<line x1="${m.left}" x2="${m.left + pw}" y1="${f(ty)}" y2="${f(ty)}" stroke="#c4361a" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    `<text x="${m.left + pw - 4}" y="${f(ty - 6)}" text-anchor="end" ${font} font-size="11" fill="#c4361a" ${halo}>Target ${pct(result.target.share)} (${result.target.count} children)</text>`
  )
  const dx = xDate(result.target.deadline)
  if (dx >= m.left && dx <= m.left + pw) {
    const p = result.target.probabilityReached
    const se = result.target.probabilityReachedSe
    const runs = result.scenario.runs
    const label = `Deadline ${result.target.deadline}: P(target) ${pct(p)}${
      se === null
        ? ""
        : p === 0 || p === 1
          ? ` (${p === 0 ? "no run" : "every run"} of ${runs})`
          : ` ± ${Math.round(se * 1000) / 10} points`
    }`
    const right = dx > m.left + pw / 2
    // At the top of the plot, unless the target line runs there: then at the bottom.
    const labelY = ty < top + 30 ? axisBottom - 8 : top + 14
    parts.push(
      `<line x1="${f(dx)}" x2="${f(dx)}" y1="${top}" y2="${axisBottom}" stroke="#c4361a" stroke-width="1.5" stroke-dasharray="2 3"/>`,
      `<text x="${f(right ? dx - 4 : dx + 4)}" y="${f(labelY)}" text-anchor="${right ? "end" : "start"}" ${font} font-size="11" fill="#c4361a" ${halo}>${esc(label)}</text>`
    )
  }
  // Legend, below the plot.
  const band =
    result.uncertainty.mode === "central"
      ? "P5–P95 across runs (chance only)"
      : "P5–P95 across runs (parameters and chance)"
  let lx = m.left
  const item = (swatch: string, text: string) => {
    parts.push(swatch.replaceAll("LX", f(lx)))
    parts.push(`<text x="${f(lx + 20)}" y="${legendY + 4}" ${font} font-size="11">${esc(text)}</text>`)
    lx += 20 + text.length * 11 * 0.62 + 22
  }
  item(`<rect x="LX" y="${legendY - 6}" width="14" height="10" fill="#4c8bf5" fill-opacity="0.35"/>`, band)
  item(`<line x1="LX" x2="${f(lx + 14)}" y1="${legendY}" y2="${legendY}" stroke="#1a56c4" stroke-width="2"/>`, "P50")
  item(
    `<line x1="LX" x2="${f(lx + 14)}" y1="${legendY}" y2="${legendY}" stroke="#c4361a" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    "target"
  )
  item(
    `<line x1="${f(lx + 7)}" x2="${f(lx + 7)}" y1="${legendY - 7}" y2="${legendY + 5}" stroke="#c4361a" stroke-width="1.5" stroke-dasharray="2 3"/>`,
    "deadline"
  )
  noteLines.forEach((l, i) => {
    parts.push(`<text x="16" y="${noteY + i * 14}" ${font} font-size="10.5" fill="#333333">${esc(l)}</text>`)
  })
  parts.push("</svg>")
  return `${parts.join("\n")}\n`
}
