/**
 * Inverse questions: *the smallest number of social workers (or visits a
 * week per worker, or family-support budget) that reaches the target with
 * probability at least `p` by the deadline.*
 *
 * The probability of reaching the target is estimated by simulation with the
 * scenario's uncertain parameters sampled (so it already includes what the
 * assumptions allow). The search changes only the lever and keeps the seed,
 * so every candidate sees the same children and the same parameter draws
 * (common random numbers): differences between candidates come from the
 * lever, not from chance. It brackets the answer (doubling up, or halving
 * down, from the scenario's own value) and bisects. Each candidate is run in
 * batches of `searchRuns` (default 100) up to `runs` (default the scenario's,
 * at most 1,000), and stops early once its estimate is more than three
 * standard errors from `p` (a sequential test): candidates far from the
 * answer cost a batch or two, those near it the full `runs`. It then says how
 * sure it is: the answer is *clear* when the probability at the answer is
 * above `p`, and the one below it under `p`, each by more than 1.96 Monte
 * Carlo standard errors; otherwise it reports the range of values the Monte
 * Carlo error cannot separate from the answer, from a straight line fitted
 * to the candidates near it. Bisection stops once the bracket is narrower
 * than that range: finer steps would only follow the noise.
 *
 * The search assumes the probability does not fall as the lever rises: true
 * run by run without breakdowns (property-tested), and in practice with them.
 *
 * @since 0.2.0
 */
import { availableParallelism } from "node:os"
import { layout } from "./internal/kernel.js"
import { centralOf, type Quantity } from "./Parameter.js"
import { childrenOf, type Scenario, type ScenarioEncoded, withValue } from "./Scenario.js"
import { asScenario, makeRunner, prepare, type Runner } from "./Simulate.js"

/**
 * What to solve for: the number of social workers, their visits a week, or
 * the family-support budget (`familySupport` must be in the scenario).
 *
 * @since 0.2.0
 */
export type Lever = "workers" | "visits" | "budget"

/**
 * Options of {@link solve}.
 *
 * @since 0.2.0
 */
export interface SolveOptions {
  readonly lever: Lever
  /** Probability of reaching the target by the deadline to reach (0–1, e.g. 0.8). */
  readonly probability: number
  /** Runs per batch: a candidate runs at least this many before it may stop early (default 100). */
  readonly searchRuns?: number
  /** Most runs per candidate (default: the scenario's runs, at most 1,000). */
  readonly runs?: number
  /** Worker threads (default `os.availableParallelism()`), or a shared runner. */
  readonly workers?: number
  readonly runner?: Runner
  /** Called after each candidate is evaluated. */
  readonly onCandidate?: (c: Candidate) => void
}

/**
 * One evaluated candidate.
 *
 * @since 0.2.0
 */
export interface Candidate {
  /** The lever's value: workers, visits a week, or number of support packages. */
  readonly value: number
  /** Runs made (fewer than the most when the candidate was clearly above or below `p`). */
  readonly runs: number
  readonly probability: number
  /** Monte Carlo standard error of `probability` (`null` for one run). */
  readonly se: number | null
  /** Mean share of the cohort home on the deadline. */
  readonly meanShare: number
  /** Whether the run stopped early because the candidate was clearly above or below `p`. */
  readonly decided: boolean
}

/**
 * The answer.
 *
 * @since 0.2.0
 */
export interface SolveResult {
  readonly lever: Lever
  readonly probability: number
  readonly scenario: { readonly id: string; readonly title: string; readonly seed: number }
  /** Children of the cohort to have home on the deadline. */
  readonly target: number
  readonly deadline: string
  /**
   * The smallest value reaching the probability, or `null` when no value within `limit` does. With
   * `method: "fitted"`, where the straight line through the candidates near `p` crosses it (the
   * candidates there differ by less than their Monte Carlo error).
   */
  readonly answer: number | null
  readonly method: "bisection" | "fitted"
  /** For `budget`: the budget of `answer` packages at the central cost per family. */
  readonly budget?: number | null
  /** The largest value tried (workers: one per child; visits: enough for every case at the cap; budget: a package per child). */
  readonly limit: number
  /** Most runs per candidate. */
  readonly runs: number
  /** The evaluation at the answer and just below it. */
  readonly atAnswer: Candidate | null
  readonly belowAnswer: Candidate | null
  /** Whether the Monte Carlo error separates the answer from its neighbours (see the module doc). */
  readonly clear: boolean
  /** Values the Monte Carlo error cannot rule out as the answer, lowest and highest probed. */
  readonly plausible: { readonly low: number; readonly high: number } | null
  /** Every candidate evaluated, in order. */
  readonly candidates: ReadonlyArray<Candidate>
  /** Plain-words statement of the answer and how sure it is. */
  readonly summary: string
}

const leverPath: Record<Lever, string> = {
  workers: "socialWorkers.count",
  visits: "socialWorkers.visitsPerWeek",
  budget: "familySupport.budget"
}

const central = (q: Quantity | undefined, fallback: number) => (q === undefined ? fallback : centralOf(q))

/**
 * Solve an inverse question (see the module documentation).
 *
 * @example
 * ```ts
 * import { Scenarios, Solve } from "@homeward/simulate"
 *
 * const r = await Solve.solve(Scenarios.siemReap2017, { lever: "workers", probability: 0.8, searchRuns: 20, runs: 40, workers: 1 })
 * r.answer // the smallest number of social workers, or null
 * r.summary
 * ```
 *
 * @since 0.2.0
 */
export const solve = async (input: Scenario | ScenarioEncoded, options: SolveOptions): Promise<SolveResult> => {
  const base = asScenario(input)
  const p = options.probability
  if (!(p > 0 && p <= 1)) throw new RangeError("probability must be above 0 and at most 1")
  const children = childrenOf(base)
  const cap = prepare(base).caseloadCap
  const interval = central(base.durations.contactIntervalDays, 7)
  const fs = base.familySupport
  if (options.lever === "budget" && fs === undefined)
    throw new Error("solving for a budget needs familySupport in the scenario (cost per family and its effects)")
  const cost = fs === undefined ? 1 : centralOf(fs.costPerFamily)
  const limit =
    options.lever === "workers"
      ? children + 1
      : options.lever === "visits"
        ? Math.max(1, Math.ceil((cap * 7) / interval))
        : children
  const start =
    options.lever === "workers"
      ? centralOf(base.socialWorkers.count)
      : options.lever === "visits"
        ? Math.max(1, Math.round(centralOf(base.socialWorkers.visitsPerWeek)))
        : Math.round(central(fs?.budget, 0) / cost)
  const lowest = options.lever === "budget" ? 0 : 1
  const batch = Math.max(2, options.searchRuns ?? 100)
  const maxRuns = Math.max(batch, options.runs ?? Math.min(base.runs, 1000))
  const own = options.runner === undefined
  const runner = options.runner ?? makeRunner({ workers: options.workers ?? availableParallelism() })
  const candidates: Array<Candidate> = []
  const cache = new Map<number, Candidate>()
  // Runs are independent only in joint (or central) sampling: nested groups would need group-level errors.
  const sampling = base.sampling?.mode === "central" ? ("central" as const) : ("joint" as const)
  const scenarioAt = (v: number): Scenario => ({
    ...withValue(
      base,
      leverPath[options.lever],
      options.lever === "budget" ? v * cost : v,
      `solving for the ${options.lever === "budget" ? "family-support budget" : options.lever}: candidate ${v}`
    ),
    sampling: { mode: sampling },
    runs: maxRuns
  })
  const first0 = prepare(scenarioAt(Math.max(lowest, 1)))
  const targetCount = first0.target.count
  const deadline = first0.target.deadline.toISOString().slice(0, 10)
  const children0 = first0.config.children
  const z = 3
  const evaluate = async (v: number): Promise<Candidate> => {
    const hit = cache.get(v)
    if (hit !== undefined) return hit
    const prep0 = prepare(scenarioAt(v))
    // Only the count on the deadline matters here: skip the monthly visit counts.
    const prep = { ...prep0, config: { ...prep0.config, visitCounts: false } }
    const L = layout(prep.dates.length - 1, prep.config.windows.length)
    let hits = 0
    let share = 0
    let n = 0
    let decided = false
    while (n < maxRuns) {
      const k = Math.min(batch, maxRuns - n)
      await runner.run(
        prep.config,
        k,
        (_from, buf) => {
          for (let o = 0; o < buf.length; o += L.length) {
            const home = buf[o + L.deadlineReintegrated]!
            if (home >= prep.target.count) hits++
            share += home / children0
          }
        },
        undefined,
        n
      )
      n += k
      // Sequential test at the boundary: stop once the estimate is clearly above or below p.
      if (Math.abs(hits / n - p) > z * Math.sqrt((p * (1 - p)) / n) && n < maxRuns) {
        decided = true
        break
      }
    }
    const est = hits / n
    const c: Candidate = {
      value: v,
      runs: n,
      probability: Math.round(est * 1e6) / 1e6,
      se: n < 2 ? null : Math.round(Math.sqrt((est * (1 - est)) / n) * 1e6) / 1e6,
      meanShare: Math.round((share / n) * 1e6) / 1e6,
      decided
    }
    cache.set(v, c)
    candidates.push(c)
    options.onCandidate?.(c)
    return c
  }
  const ok = (c: Candidate) => c.probability >= p - 1e-12
  try {
    // Bracket: lo fails (or is below the lowest value), hi reaches.
    let lo = lowest - 1
    let hi: number | undefined
    const first = await evaluate(Math.min(limit, Math.max(lowest, start)))
    if (ok(first)) {
      hi = first.value
      let step = Math.max(1, Math.floor(hi / 2))
      while (hi > lowest) {
        const v = Math.max(lowest, hi - step)
        if (ok(await evaluate(v))) {
          hi = v
          step *= 2
        } else {
          lo = v
          break
        }
      }
    } else {
      lo = first.value
      let v = first.value
      while (v < limit) {
        v = Math.min(limit, Math.max(v + 1, v * 2))
        if (ok(await evaluate(v))) {
          hi = v
          break
        }
        lo = v
      }
    }
    // Local straight-line fit of the probability against the lever over the candidates that ran in
    // full (those near p), and the width of values the Monte Carlo error cannot separate from p.
    const seAtP = Math.sqrt((p * (1 - p)) / maxRuns)
    const localFit = (): { readonly a: number; readonly b: number } | undefined => {
      const near = candidates.filter((c) => !c.decided && c.runs === maxRuns)
      if (new Set(near.map((c) => c.value)).size < 2) return undefined
      const mx = near.reduce((s, c) => s + c.value, 0) / near.length
      const my = near.reduce((s, c) => s + c.probability, 0) / near.length
      const sxx = near.reduce((s, c) => s + (c.value - mx) ** 2, 0)
      const b = near.reduce((s, c) => s + (c.value - mx) * (c.probability - my), 0) / sxx
      return b > 0 ? { a: my - b * mx, b } : undefined
    }
    let method: SolveResult["method"] = "bisection"
    if (hi !== undefined)
      while (hi - lo > 1) {
        // Stop once the bracket is narrower than what the Monte Carlo error can separate: then the
        // answer is where the straight line through the candidates near p crosses it.
        const fit = localFit()
        if (fit !== undefined && hi - lo <= (1.96 * seAtP) / fit.b) {
          hi = Math.min(hi, Math.max(lo + 1, Math.ceil((p - fit.a) / fit.b - 1e-9)))
          method = "fitted"
          break
        }
        const mid = Math.floor((lo + hi) / 2)
        if (ok(await evaluate(mid))) hi = mid
        else lo = mid
      }
    const answer = hi ?? null
    const atAnswer = answer === null ? null : await evaluate(answer)
    // Below a fitted answer the candidates differ by less than their error: no need to run it.
    const belowAnswer = answer === null || answer <= lowest || method === "fitted" ? null : await evaluate(answer - 1)
    const sep = (c: Candidate | null, above: boolean) =>
      c === null ||
      c.decided ||
      (c.se !== null && (above ? c.probability - p > 1.96 * c.se : p - c.probability > 1.96 * c.se))
    const clear = answer !== null && method === "bisection" && sep(atAnswer, true) && sep(belowAnswer, false)
    let plausible: SolveResult["plausible"] = null
    if (answer !== null) {
      let low = answer
      let high = answer
      if (!clear) {
        const fit = localFit()
        if (fit !== undefined) {
          // The values where the fitted probability is within 1.96 standard errors of p.
          low = Math.min(answer, Math.max(lowest, Math.floor((p - 1.96 * seAtP - fit.a) / fit.b)))
          high = Math.max(answer, Math.min(limit, Math.ceil((p + 1.96 * seAtP - fit.a) / fit.b)))
        } else {
          const within = (c: Candidate) =>
            !c.decided && Math.abs(c.probability - p) <= 1.96 * Math.sqrt((p * (1 - p)) / c.runs)
          if (belowAnswer !== null && within(belowAnswer)) low = answer - 1
          if (answer < limit && within(await evaluate(answer + 1))) high = answer + 1
        }
      }
      plausible = { low, high }
    }
    const unit =
      options.lever === "workers"
        ? "social workers"
        : options.lever === "visits"
          ? "visits a week per worker"
          : "support packages"
    const pc = (x: number) => `${(x * 100).toFixed(1)}%`
    const seText = (c: Candidate | null) => (c === null || c.se === null ? "" : ` ± ${(c.se * 100).toFixed(1)} points`)
    const summary =
      answer === null
        ? `No value up to ${limit} ${unit} reaches the target (${targetCount} children by ${deadline}) with probability ${pc(p)}${
            options.lever === "visits" ? ": above that the caseload cap binds, not visits" : ""
          }${options.lever === "workers" ? ": with a worker per child the pathway itself is too long for the deadline" : ""}.`
        : `${method === "fitted" ? "About " : ""}${answer} ${unit}${options.lever === "budget" ? ` (a budget of ${answer * cost})` : ""} reach ${targetCount} children by ${deadline} with probability ${pc(p)}${
            method === "fitted" ? " (where a straight line through the candidates near it crosses it)" : ""
          }: ${answer} give ${pc(atAnswer!.probability)}${seText(atAnswer)} (${atAnswer!.runs} runs, ${sampling === "joint" ? "parameters sampled" : "parameters at their central values"})${
            belowAnswer === null ? "" : `, ${answer - 1} give ${pc(belowAnswer.probability)}${seText(belowAnswer)}`
          }. ${
            clear
              ? "The Monte Carlo error separates both from the required probability."
              : `The Monte Carlo error cannot separate ${plausible!.low}–${plausible!.high} from the answer: run more (--runs) to narrow it.`
          }`
    return {
      lever: options.lever,
      probability: p,
      scenario: { id: base.id, title: base.title, seed: base.seed },
      target: targetCount,
      deadline,
      runs: maxRuns,
      answer,
      method,
      ...(options.lever === "budget" ? { budget: answer === null ? null : answer * cost } : {}),
      limit,
      atAnswer,
      belowAnswer,
      clear,
      plausible,
      candidates,
      summary
    }
  } finally {
    if (own) await runner.close()
  }
}
