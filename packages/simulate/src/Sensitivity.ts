/**
 * Which uncertain inputs move the outcome most. Two rankings over the
 * scenario's ranges, for the share of the cohort home on the deadline (and
 * the probability of reaching the target):
 *
 * - a **tornado**: each uncertain parameter fixed at a low and a high
 *   quantile of its range (default P10 and P90) while every other keeps its
 *   range, on the same seed (each parameter has its own random stream, so
 *   the other parameters' draws and the children are the same in every
 *   variant): the swing is the difference between the two means;
 * - a **variance-based first-order index** from the baseline runs (joint
 *   sampling): the share of the variance of the outcome explained by each
 *   parameter alone, estimated by binning the runs on that parameter's draws
 *   (ten bins, corrected for the noise of the bin means). It needs no extra
 *   runs; with few runs it is rough.
 *
 * `tornadoSvg` draws the tornado as a self-contained SVG.
 *
 * @since 0.2.0
 */
import { availableParallelism } from "node:os"
import { wrap } from "./Chart.js"
import { layout } from "./internal/kernel.js"
import * as Pm from "./internal/params.js"
import * as Parameter from "./Parameter.js"
import { type Scenario, type ScenarioEncoded, withValue } from "./Scenario.js"
import { asScenario, makeRunner, prepare, type Runner, simulate } from "./Simulate.js"

/**
 * Options of {@link analyse}.
 *
 * @since 0.2.0
 */
export interface SensitivityOptions {
  /** Runs per variant (default: the scenario's runs, at most 400). */
  readonly runs?: number
  /** Quantiles of each range for the low and high variants (default 0.1 and 0.9). */
  readonly low?: number
  readonly high?: number
  readonly workers?: number
  readonly runner?: Runner
}

/**
 * One uncertain parameter's effect.
 *
 * @since 0.2.0
 */
export interface Row {
  readonly path: string
  readonly range: string
  readonly lowValue: number
  readonly highValue: number
  /** Mean share home on the deadline with the parameter at its low / high value (others sampled). */
  readonly lowShare: number
  readonly highShare: number
  /** `highShare − lowShare`. */
  readonly swing: number
  /** Probability of reaching the target with the parameter at its low / high value. */
  readonly lowProbability: number
  readonly highProbability: number
  /** First-order variance share of the share home on the deadline (baseline runs), `null` with fewer than 20 runs. */
  readonly firstOrder: number | null
}

/**
 * A sensitivity analysis.
 *
 * @since 0.2.0
 */
export interface SensitivityResult {
  readonly scenario: { readonly id: string; readonly title: string; readonly seed: number }
  readonly runs: number
  readonly quantiles: readonly [number, number]
  readonly deadline: string
  readonly target: number
  readonly baseline: { readonly share: number; readonly shareSe: number | null; readonly probability: number }
  /** By decreasing absolute swing. */
  readonly rows: ReadonlyArray<Row>
  /** Largest Monte Carlo standard error of a variant's mean share: swings below about twice this are noise. */
  readonly noise: number
}

const indexOf = (path: string): number => Pm.QUANTITIES.find((q) => q.path.join(".") === path)!.index

/**
 * The first-order variance share of `y` explained by `x`: `y` binned on the
 * quantiles of `x` (ten bins by default), the variance of the bin means over
 * the variance of `y`, corrected for the noise of the bin means; `null` with
 * fewer than two observations per bin.
 *
 * @example
 * ```ts
 * import { Sensitivity } from "@homeward/simulate"
 *
 * const x = Array.from({ length: 200 }, (_, i) => i)
 * const y = x.map((v) => 2 * v)
 * Sensitivity.firstOrderIndex(x, y) // close to 1: x explains y
 * ```
 *
 * @since 0.2.0
 */
export const firstOrderIndex = (x: ArrayLike<number>, y: ArrayLike<number>, bins = 10): number | null => {
  const n = y.length
  if (n < 2 * bins) return null
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]!)
  let mean = 0
  for (let i = 0; i < n; i++) mean += y[i]!
  mean /= n
  let total = 0
  for (let i = 0; i < n; i++) total += (y[i]! - mean) ** 2
  total /= n - 1
  if (total === 0) return 0
  let between = 0
  let within = 0
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * n) / bins)
    const to = Math.floor(((b + 1) * n) / bins)
    const k = to - from
    let m = 0
    for (let i = from; i < to; i++) m += y[order[i]!]!
    m /= k
    let v = 0
    for (let i = from; i < to; i++) v += (y[order[i]!]! - m) ** 2
    within += v / Math.max(1, k - 1) / k
    between += (k / n) * (m - mean) ** 2
  }
  // The bin means carry noise of about (within variance / k) each: subtract it.
  const corrected = between - within / bins
  return Math.max(0, Math.min(1, corrected / total))
}

/**
 * Run the sensitivity analysis (see the module documentation).
 *
 * @example
 * ```ts
 * import { Scenarios, Sensitivity } from "@homeward/simulate"
 *
 * const s = await Sensitivity.analyse(Scenarios.siemReap2017, { runs: 40, workers: 1 })
 * s.rows[0]?.path // the input that moves the share home on the deadline most
 * const svg = Sensitivity.tornadoSvg(s)
 * ```
 *
 * @since 0.2.0
 */
export const analyse = async (
  input: Scenario | ScenarioEncoded,
  options: SensitivityOptions = {}
): Promise<SensitivityResult> => {
  const scenario = asScenario(input)
  const runs = options.runs ?? Math.min(scenario.runs, 400)
  const qLow = options.low ?? 0.1
  const qHigh = options.high ?? 0.9
  const own = options.runner === undefined
  const runner = options.runner ?? makeRunner({ workers: options.workers ?? availableParallelism() })
  try {
    const sc = { ...scenario, sampling: { mode: "joint" as const }, runs }
    const base = await simulate(sc, { runner, keepRuns: true })
    const pc = prepare(sc)
    const L = layout(pc.dates.length - 1, pc.config.windows.length)
    const n = base.scenario.children
    const y = base.runs!.map((v) => v[L.deadlineReintegrated]! / n)
    const rows: Array<Row> = []
    let noise = base.target.reintegratedShareAtDeadline.se ?? 0
    for (const path of base.uncertainty.sampled) {
      const keys = path.split(".")
      const q = keys.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], scenario) as Parameter.Quantity
      const range = Parameter.rangeOf(q)!
      const lowValue = Parameter.quantile(range, qLow)
      const highValue = Parameter.quantile(range, qHigh)
      const at = async (v: number, which: string) =>
        simulate(
          {
            ...withValue(scenario, path, v, `sensitivity: ${path} at its ${which} (${v})`),
            sampling: { mode: "joint" },
            runs
          },
          { runner }
        )
      const lo = await at(lowValue, `P${Math.round(qLow * 100)}`)
      const hi = await at(highValue, `P${Math.round(qHigh * 100)}`)
      noise = Math.max(
        noise,
        lo.target.reintegratedShareAtDeadline.se ?? 0,
        hi.target.reintegratedShareAtDeadline.se ?? 0
      )
      const x = base.runs!.map((v) => v[L.theta + indexOf(path)]!)
      rows.push({
        path,
        range: Parameter.describe(range),
        lowValue,
        highValue,
        lowShare: lo.target.reintegratedShareAtDeadline.mean,
        highShare: hi.target.reintegratedShareAtDeadline.mean,
        swing: hi.target.reintegratedShareAtDeadline.mean - lo.target.reintegratedShareAtDeadline.mean,
        lowProbability: lo.target.probabilityReached,
        highProbability: hi.target.probabilityReached,
        firstOrder: firstOrderIndex(x, y)
      })
    }
    rows.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing) || a.path.localeCompare(b.path))
    return {
      scenario: { id: scenario.id, title: scenario.title, seed: scenario.seed },
      runs,
      quantiles: [qLow, qHigh],
      deadline: base.target.deadline,
      target: base.target.count,
      baseline: {
        share: base.target.reintegratedShareAtDeadline.mean,
        shareSe: base.target.reintegratedShareAtDeadline.se,
        probability: base.target.probabilityReached
      },
      rows,
      noise
    }
  } finally {
    if (own) await runner.close()
  }
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
const f = (x: number): string => (Math.round(x * 10) / 10).toString()
const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)}%`
const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1000) / 1000))

/**
 * The tornado chart: one bar per uncertain parameter from its low to its
 * high variant's mean share home on the deadline, around the baseline, the
 * largest swing on top; title wrapped to the width, axis title, legend and a
 * footnote. Self-contained SVG.
 *
 * @example
 * ```ts
 * import { Scenarios, Sensitivity } from "@homeward/simulate"
 *
 * const s = await Sensitivity.analyse(Scenarios.siemReap2017, { runs: 10, workers: 1 })
 * const svg = Sensitivity.tornadoSvg(s, { width: 640 })
 * ```
 *
 * @since 0.2.0
 */
export const tornadoSvg = (
  s: SensitivityResult,
  options: { readonly width?: number; readonly title?: string } = {}
) => {
  const W = options.width ?? 900
  const title =
    options.title ?? `${s.scenario.title}: what moves the share home on ${s.deadline} most (${s.runs} runs per variant)`
  const font = `font-family="DejaVu Sans, Arial, Helvetica, sans-serif"`
  const titleLines = wrap(title, W - 32, 16, true)
  const labelW = 250
  const left = 16 + labelW
  const right = 90
  const pw = W - left - right
  const top = 24 + titleLines.length * 20 + 30
  const rowH = 28
  const ph = Math.max(1, s.rows.length) * rowH
  const values = s.rows.flatMap((r) => [r.lowShare, r.highShare]).concat(s.baseline.share)
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  const pad = Math.max(0.005, (hi - lo) * 0.08)
  lo = Math.max(0, lo - pad)
  hi = Math.min(1, hi + pad)
  const x = (v: number) => left + ((v - lo) / Math.max(1e-9, hi - lo)) * pw
  const notes = [
    `Each bar: the parameter fixed at P${Math.round(s.quantiles[0] * 100)} (orange end) and P${Math.round(s.quantiles[1] * 100)} (blue end) of its range, every other parameter sampled over its range, same seed (${s.scenario.seed}); the line is the baseline (${pct(s.baseline.share)}, every parameter sampled). Swings below about ${pct(2 * s.noise, 2)} are within the Monte Carlo error.`,
    `First-order index: share of the variance of the baseline runs explained by the parameter alone. Target: ${s.target} children by ${s.deadline}; baseline P(target) ${pct(s.baseline.probability)}.`
  ].flatMap((l) => wrap(l, W - 32, 10.5))
  const axisY = top + ph
  const legendY = axisY + 48
  const noteY = legendY + 26
  const H = Math.ceil(noteY + notes.length * 14 + 10)
  const parts: Array<string> = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="title">`,
    `<title id="title">${esc(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`
  ]
  titleLines.forEach((l, i) => {
    parts.push(`<text x="16" y="${30 + i * 20}" ${font} font-size="16" font-weight="bold">${esc(l)}</text>`)
  })
  parts.push(
    `<text x="16" y="${top - 10}" ${font} font-size="11" fill="#444444">Uncertain input (ranges in the table)</text>`,
    `<text x="${W - 16}" y="${top - 10}" text-anchor="end" ${font} font-size="11" fill="#444444">First-order</text>`
  )
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4
    parts.push(
      `<line x1="${f(x(v))}" x2="${f(x(v))}" y1="${top}" y2="${axisY}" stroke="#e5e5e5"/>`,
      `<text x="${f(x(v))}" y="${axisY + 16}" text-anchor="middle" ${font} font-size="11">${pct(v)}</text>`
    )
  }
  s.rows.forEach((r, i) => {
    const y = top + i * rowH
    const a = Math.min(r.lowShare, r.highShare)
    const b = Math.max(r.lowShare, r.highShare)
    const label = `${r.path} (${r.range})`
    const shown = r.path.length > 40 ? `${r.path.slice(0, 39)}…` : r.path
    parts.push(
      `<text x="16" y="${y + 18}" ${font} font-size="11">${esc(shown)}<title>${esc(label)}</title></text>`,
      `<rect x="${f(x(a))}" y="${y + 6}" width="${f(Math.max(1, x(b) - x(a)))}" height="${rowH - 12}" fill="#d9d9d9"/>`,
      `<rect x="${f(x(r.lowShare) - 3)}" y="${y + 6}" width="6" height="${rowH - 12}" fill="#e08214"><title>${esc(`${r.path} = ${num(r.lowValue)}: ${pct(r.lowShare)}`)}</title></rect>`,
      `<rect x="${f(x(r.highShare) - 3)}" y="${y + 6}" width="6" height="${rowH - 12}" fill="#1a56c4"><title>${esc(`${r.path} = ${num(r.highValue)}: ${pct(r.highShare)}`)}</title></rect>`,
      `<text x="${W - 16}" y="${y + 18}" text-anchor="end" ${font} font-size="11">${r.firstOrder === null ? "–" : r.firstOrder.toFixed(2)}</text>`
    )
  })
  parts.push(
    `<line x1="${f(x(s.baseline.share))}" x2="${f(x(s.baseline.share))}" y1="${top - 4}" y2="${axisY}" stroke="#333333" stroke-width="1.5"/>`,
    `<line x1="${left}" x2="${left + pw}" y1="${axisY}" y2="${axisY}" stroke="#333333"/>`,
    `<text x="${left + pw / 2}" y="${axisY + 34}" text-anchor="middle" ${font} font-size="12">Share of the cohort home on ${s.deadline} (mean across runs)</text>`,
    `<rect x="${left}" y="${legendY - 8}" width="6" height="12" fill="#e08214"/>`,
    `<text x="${left + 12}" y="${legendY + 2}" ${font} font-size="11">low value (P${Math.round(s.quantiles[0] * 100)})</text>`,
    `<rect x="${left + 150}" y="${legendY - 8}" width="6" height="12" fill="#1a56c4"/>`,
    `<text x="${left + 162}" y="${legendY + 2}" ${font} font-size="11">high value (P${Math.round(s.quantiles[1] * 100)})</text>`,
    `<line x1="${left + 310}" x2="${left + 310}" y1="${legendY - 8}" y2="${legendY + 4}" stroke="#333333" stroke-width="1.5"/>`,
    `<text x="${left + 318}" y="${legendY + 2}" ${font} font-size="11">baseline</text>`
  )
  notes.forEach((l, i) => {
    parts.push(`<text x="16" y="${noteY + i * 14}" ${font} font-size="10.5" fill="#333333">${esc(l)}</text>`)
  })
  parts.push("</svg>")
  return `${parts.join("\n")}\n`
}

/**
 * The analysis as a plain-text table (one row per parameter, by decreasing swing).
 *
 * @example
 * ```ts
 * import { Scenarios, Sensitivity } from "@homeward/simulate"
 *
 * const s = await Sensitivity.analyse(Scenarios.siemReap2017, { runs: 10, workers: 1 })
 * console.table(Sensitivity.toTable(s))
 * ```
 *
 * @since 0.2.0
 */
export const toTable = (s: SensitivityResult): ReadonlyArray<ReadonlyArray<string>> => [
  [
    "Uncertain input",
    "Range",
    `Low (P${Math.round(s.quantiles[0] * 100)})`,
    `High (P${Math.round(s.quantiles[1] * 100)})`,
    "Home on deadline: low → high",
    "Swing",
    "P(target): low → high",
    "First-order"
  ],
  ...s.rows.map((r) => [
    r.path,
    r.range,
    num(r.lowValue),
    num(r.highValue),
    `${pct(r.lowShare)} → ${pct(r.highShare)}`,
    `${r.swing >= 0 ? "+" : ""}${(r.swing * 100).toFixed(1)} points`,
    `${pct(r.lowProbability, 0)} → ${pct(r.highProbability, 0)}`,
    r.firstOrder === null ? "–" : r.firstOrder.toFixed(2)
  ])
]
