/**
 * Calibration to observed history: fit chosen uncertain parameters so that
 * the simulated history matches what was observed (e.g. 144 children
 * reunified in Siem Reap between January 2016 and November 2017).
 *
 * Method: approximate Bayesian computation by importance weighting. The
 * chosen parameters are drawn from their ranges (the prior), one run per
 * draw (the other uncertain parameters at their central values, or sampled
 * with `others: "sampled"`); each run is weighted by how close its simulated
 * count is to the observed one, `exp(−½ ((simulated − observed) / h)²)`,
 * with the bandwidth `h` (default: the larger of √observed, the Poisson
 * spread of a count, and 5% of it). The weighted draws are the fitted
 * distribution of each parameter: mean, standard deviation, P5/P50/P95,
 * against its prior range. How well it fits: the effective sample size of
 * the weights, the prior predictive band of the count (whether the
 * observation lies within what the ranges allow at all) and the fitted
 * predictive band. Deterministic by seed.
 *
 * {@link apply} carries fitted parameters over to another scenario (e.g.
 * from the 2016–2017 history to the plan from August 2017): the central
 * value becomes the fitted median, the range the fitted P5–P95 (uniform),
 * labelled as calibrated with the observation's source.
 *
 * @since 0.2.0
 */
import { availableParallelism } from "node:os"
import type { PolicyProfile } from "@homeward/core"
import { layout } from "./internal/kernel.js"
import * as Pm from "./internal/params.js"
import * as Parameter from "./Parameter.js"
import { decodeScenarioOrThrow, encode, type Scenario, type ScenarioEncoded, uncertainPaths } from "./Scenario.js"
import { asScenario, makeRunner, prepare, type Runner, simulate } from "./Simulate.js"

/**
 * Options of {@link calibrate}.
 *
 * @since 0.2.0
 */
export interface CalibrationOptions {
  /** Paths of the parameters to fit (each must have a range); default every parameter with a range. */
  readonly parameters?: ReadonlyArray<string>
  /** Draws from the prior (one run each; default 1,000). */
  readonly draws?: number
  /** The other uncertain parameters: at their central values (default) or sampled from their ranges. */
  readonly others?: "central" | "sampled"
  /** Kernel bandwidth in children (default max(√observed, 5% of observed)). */
  readonly bandwidth?: number
  /** Which of the scenario's observations to fit (default the first). */
  readonly observation?: number
  readonly workers?: number
  readonly runner?: Runner
}

/**
 * A fitted parameter.
 *
 * @since 0.2.0
 */
export interface Fitted {
  readonly path: string
  /** The prior range, in words. */
  readonly prior: string
  readonly priorMean: number
  readonly mean: number
  readonly sd: number
  readonly p5: number
  readonly p50: number
  readonly p95: number
}

/**
 * The result of a calibration.
 *
 * @since 0.2.0
 */
export interface CalibrationResult {
  readonly scenario: { readonly id: string; readonly title: string; readonly seed: number }
  readonly observation: {
    readonly measure: "reunified"
    readonly from: string
    readonly to: string
    readonly count: number
    readonly source?: PolicyProfile.Citation
  }
  readonly draws: number
  readonly bandwidth: number
  readonly others: "central" | "sampled"
  readonly fitted: ReadonlyArray<Fitted>
  /** Effective sample size of the weights (the number of equally weighted draws they are worth). */
  readonly effectiveSampleSize: number
  /** The simulated count under the prior (P5, P50, P95) and under the fit (weighted mean, P5, P95). */
  readonly priorPredictive: { readonly p5: number; readonly p50: number; readonly p95: number }
  readonly fittedPredictive: { readonly mean: number; readonly p5: number; readonly p95: number }
  /** Share of prior draws whose simulated count is within one bandwidth of the observation. */
  readonly acceptance: number
  readonly warnings: ReadonlyArray<string>
  readonly summary: string
}

const wq = (xs: ReadonlyArray<number>, ws: ReadonlyArray<number>, q: number): number => {
  const idx = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!)
  const total = ws.reduce((a, b) => a + b, 0)
  let acc = 0
  for (const i of idx) {
    acc += ws[i]!
    if (acc >= q * total) return xs[i]!
  }
  return xs[idx.at(-1)!]!
}
const quant = (xs: ReadonlyArray<number>, q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!
}
const r4 = (x: number) => Math.round(x * 10_000) / 10_000

/**
 * Calibrate a scenario to one of its observations (see the module documentation).
 *
 * @example
 * ```ts
 * import { Calibration, Scenarios } from "@homeward/simulate"
 *
 * const fit = await Calibration.calibrate(Scenarios.siemReapHistory2016, { draws: 40, workers: 1 })
 * fit.fitted // e.g. socialWorkers.availability: mean, sd, P5–P95
 * fit.summary
 * ```
 *
 * @since 0.2.0
 */
export const calibrate = async (
  input: Scenario | ScenarioEncoded,
  options: CalibrationOptions = {}
): Promise<CalibrationResult> => {
  const scenario = asScenario(input)
  const k = options.observation ?? 0
  const obs = scenario.observed?.[k]
  if (obs === undefined) throw new Error("the scenario states no observation to calibrate to (observed)")
  const withRange = uncertainPaths(scenario)
  const chosen = options.parameters ?? withRange
  for (const p of chosen)
    if (!withRange.includes(p)) throw new Error(`${p}: only a parameter with a range can be fitted`)
  if (chosen.length === 0) throw new Error("no parameter to fit: give at least one parameter a range")
  const others = options.others ?? "central"
  // The other uncertain parameters: drop their ranges (central values) unless sampled.
  let sc: Scenario = scenario
  if (others === "central") {
    const json = structuredClone(encode(scenario)) as unknown as Record<string, unknown>
    for (const p of withRange) {
      if (chosen.includes(p)) continue
      const keys = p.split(".")
      const o = keys.slice(0, -1).reduce<Record<string, unknown>>((a, key) => a[key] as Record<string, unknown>, json)
      const { range: _range, ...rest } = o[keys.at(-1)!] as Record<string, unknown>
      o[keys.at(-1)!] = rest
    }
    sc = decodeScenarioOrThrow(json)
  }
  const draws = options.draws ?? 1000
  const h = options.bandwidth ?? Math.max(Math.sqrt(obs.count), 0.05 * obs.count, 1)
  const own = options.runner === undefined
  const runner = options.runner ?? makeRunner({ workers: options.workers ?? availableParallelism() })
  try {
    const run = { ...sc, sampling: { mode: "joint" as const }, runs: draws }
    const result = await simulate(run, { runner, keepRuns: true })
    const pc = prepare(run)
    const L = layout(pc.dates.length - 1, pc.config.windows.length)
    const sims = result.runs!.map((v) => v[L.windows + k]!)
    const weights = sims.map((s) => Math.exp(-0.5 * ((s - obs.count) / h) ** 2))
    const total = weights.reduce((a, b) => a + b, 0)
    const ess = total === 0 ? 0 : total ** 2 / weights.reduce((a, b) => a + b * b, 0)
    const ws = total === 0 ? weights.map(() => 1) : weights
    const fitted = chosen.map((path): Fitted => {
      const index = Pm.QUANTITIES.find((q) => q.path.join(".") === path)!.index
      const xs = result.runs!.map((v) => v[L.theta + index]!)
      const tw = ws.reduce((a, b) => a + b, 0)
      const mean = xs.reduce((a, x, i) => a + x * ws[i]!, 0) / tw
      const sd = Math.sqrt(xs.reduce((a, x, i) => a + ws[i]! * (x - mean) ** 2, 0) / tw)
      const q = path.split(".").reduce<unknown>((o, key) => (o as Record<string, unknown>)[key], scenario)
      const range = Parameter.rangeOf(q as Parameter.Quantity)!
      return {
        path,
        prior: Parameter.describe(range),
        priorMean: r4(xs.reduce((a, b) => a + b, 0) / xs.length),
        mean: r4(mean),
        sd: r4(sd),
        p5: r4(wq(xs, ws, 0.05)),
        p50: r4(wq(xs, ws, 0.5)),
        p95: r4(wq(xs, ws, 0.95))
      }
    })
    const fittedMean = sims.reduce((a, s, i) => a + s * ws[i]!, 0) / ws.reduce((a, b) => a + b, 0)
    const prior = { p5: quant(sims, 0.05), p50: quant(sims, 0.5), p95: quant(sims, 0.95) }
    const acceptance = sims.filter((s) => Math.abs(s - obs.count) <= h).length / sims.length
    const warnings: Array<string> = []
    const near = sims.some((x) => Math.abs(x - obs.count) <= 3 * h)
    if (total === 0 || !near)
      warnings.push(
        `no draw came close to the observed ${obs.count}: the ranges cannot produce it (simulated P5–P95 ${prior.p5}–${prior.p95}); widen the ranges or question the model`
      )
    else if (ess < 50)
      warnings.push(
        `only about ${Math.round(ess)} draws carry the fit (effective sample size): the fitted bands are rough; use more draws`
      )
    if (obs.count < prior.p5 || obs.count > prior.p95)
      warnings.push(
        `the observed ${obs.count} lies outside the central 90% of what the prior ranges produce (${prior.p5}–${prior.p95}): the fit sits at the edge of the ranges`
      )
    const fmt = (f: Fitted) => `${f.path} ${f.p50} (P5–P95 ${f.p5}–${f.p95}; prior ${f.prior})`
    const summary = `Fitted to ${obs.count} children reunified between ${obs.from.toISOString().slice(0, 10)} and ${obs.to.toISOString().slice(0, 10)} (${draws} draws, bandwidth ${Math.round(h * 10) / 10}, effective sample size ${Math.round(ess)}): ${fitted.map(fmt).join("; ")}. The fitted parameters reproduce ${Math.round(fittedMean)} on average (P5–P95 ${wq(sims, ws, 0.05)}–${wq(sims, ws, 0.95)}); the prior ranges alone gave ${prior.p5}–${prior.p95}.`
    return {
      scenario: { id: scenario.id, title: scenario.title, seed: scenario.seed },
      observation: {
        measure: obs.measure,
        from: obs.from.toISOString().slice(0, 10),
        to: obs.to.toISOString().slice(0, 10),
        count: obs.count,
        ...(obs.source === undefined ? {} : { source: obs.source })
      },
      draws,
      bandwidth: r4(h),
      others,
      fitted,
      effectiveSampleSize: r4(ess),
      priorPredictive: prior,
      fittedPredictive: { mean: r4(fittedMean), p5: wq(sims, ws, 0.05), p95: wq(sims, ws, 0.95) },
      acceptance: r4(acceptance),
      warnings,
      summary
    }
  } finally {
    if (own) await runner.close()
  }
}

/**
 * A copy of `target` with the fitted parameters of a calibration: central
 * value the fitted median, range uniform over the fitted P5–P95, labelled as
 * an assumption calibrated to the observation (with its source).
 *
 * @example
 * ```ts
 * import { Calibration, Scenarios } from "@homeward/simulate"
 *
 * const fit = await Calibration.calibrate(Scenarios.siemReapHistory2016, { draws: 20, workers: 1 })
 * const calibrated = Calibration.apply(Scenarios.siemReap2017, fit) // the 2017 scenario with the fitted parameters
 * ```
 *
 * @since 0.2.0
 */
export const apply = (
  target: Scenario,
  fit: CalibrationResult,
  paths: ReadonlyArray<string> = fit.fitted.map((f) => f.path)
): Scenario => {
  const json = structuredClone(encode(target)) as unknown as Record<string, unknown>
  for (const f of fit.fitted) {
    if (!paths.includes(f.path)) continue
    const keys = f.path.split(".")
    let o = json
    for (const key of keys.slice(0, -1)) {
      if (typeof o[key] !== "object" || o[key] === null) o[key] = {}
      o = o[key] as Record<string, unknown>
    }
    const lo = Math.min(f.p5, f.p50)
    const hi = Math.max(f.p95, f.p50)
    o[keys.at(-1)!] = {
      value: f.p50,
      ...(hi > lo ? { range: { kind: "uniform", min: lo, max: hi } } : {}),
      ...(fit.observation.source === undefined ? {} : { source: fit.observation.source }),
      assumption: `Calibrated to ${fit.observation.count} children reunified between ${fit.observation.from} and ${fit.observation.to} (scenario ${fit.scenario.id}, ${fit.draws} draws): fitted median, range the fitted P5–P95; prior ${f.prior}.`
    }
  }
  return decodeScenarioOrThrow(json)
}
