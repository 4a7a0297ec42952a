/**
 * Run a scenario: many seeded replicates of the cohort moving through the
 * pathway the policy profile allows, spread over CPU cores with
 * `worker_threads`, summarised per month across runs (phase counts,
 * reintegrated share with P5/P50/P95 bands, breakdowns, social-worker
 * utilisation, monitoring visits due) and against the target.
 *
 * Same scenario and seed give byte-identical results on any number of
 * workers: the seed of run `r` is split from the scenario seed by `r`, and
 * results are combined in run order.
 *
 * @since 0.1.0
 */
import { createRequire } from "node:module"
import { availableParallelism } from "node:os"
import { pathToFileURL } from "node:url"
import { Worker } from "node:worker_threads"
import type { PolicyProfile } from "@homeward/core"
import { Effect } from "effect"
import * as Distribution from "./Distribution.js"
import { derived, type KernelConfig, layout, runRange, STATES, type StateName } from "./internal/kernel.js"
import * as Pm from "./internal/params.js"
import * as Labels from "./Labels.js"
import * as Parameter from "./Parameter.js"
import * as PolicyFacts from "./PolicyFacts.js"
import {
  alreadyReturnedOf,
  childrenOf,
  decodeScenarioOrThrow,
  horizonOf,
  inProgressOf,
  profileOf,
  type Scenario,
  type ScenarioEncoded,
  startOf,
  uncertainPaths
} from "./Scenario.js"

const { centralOf } = Parameter

/**
 * The simulation states, in output order (`waiting` … `aged-out`), and their type.
 *
 * @since 0.1.0
 */
export { STATES, type StateName }

/**
 * Progress of a simulation.
 *
 * @since 0.1.0
 */
export interface Progress {
  readonly completed: number
  readonly total: number
}

/**
 * Options of {@link simulate}.
 *
 * @since 0.1.0
 */
export interface SimulateOptions {
  /** Worker threads (default `os.availableParallelism()`); `1` runs in this thread. */
  readonly workers?: number
  /** Runs per task sent to a worker (default: about 20 tasks per worker, at most 50 runs). */
  readonly chunkSize?: number
  /** Called after each chunk of runs completes. */
  readonly onProgress?: (progress: Progress) => void
  /** Keep every run's output vectors in the result (`runs`), e.g. for tests. */
  readonly keepRuns?: boolean
  /** A shared pool of worker threads (see {@link makeRunner}); `workers` is then ignored. */
  readonly runner?: Runner
}

/**
 * A figure across runs: mean, its Monte Carlo standard error, and the P5,
 * P50 and P95 across runs. With parameters sampled (`joint` or `nested`),
 * P5–P95 is the total uncertainty (parameters and chance); `se` is only the
 * error of the mean due to the finite number of runs (`null` when it cannot
 * be estimated: one run, or one parameter draw).
 *
 * @since 0.1.0
 */
export interface Band {
  readonly mean: number
  /** Monte Carlo standard error of `mean` (groups of runs sharing a parameter draw are one observation). */
  readonly se: number | null
  readonly p5: number
  readonly p50: number
  readonly p95: number
  /** `nested` sampling only: the share of the variance across runs due to the parameters (the rest is chance). */
  readonly parameterShare?: number | null
}

/**
 * One month (a snapshot at the end of the month; month 0 is the start date).
 *
 * @since 0.1.0
 */
export interface MonthSummary {
  readonly month: number
  readonly date: string
  /** Mean number of children in each state at the snapshot (children already returned included). */
  readonly phases: Readonly<Record<StateName, number>>
  /** Share of the cohort living with family (reunified or closed after reintegration). */
  readonly reintegratedShare: Band
  /** Share of runs with at least the target count of the cohort home at this month. */
  readonly targetReached: number
  /** Mean reunifications, breakdowns and re-entries (returned children taken back into the pathway) during the month. */
  readonly reunifications: number
  readonly breakdowns: number
  readonly reentries: number
  /** Mean open cases held by social workers, and their share of the caseload slots. */
  readonly openCases: number
  readonly caseloadUtilisation: number
  /** Mean contact visits made and monitoring visits due during the month, and their share of visit capacity. */
  readonly contactVisits: number
  readonly monitoringVisitsDue: number
  readonly visitUtilisation: number
}

/**
 * A warning about the precision of a result (few runs, large Monte Carlo
 * error, a probability estimated as 0 or 1) or its inputs (unlabelled
 * parameters).
 *
 * @since 0.2.0
 */
export interface Warning {
  readonly code:
    | "one-run"
    | "few-runs-for-bands"
    | "mc-error"
    | "probability-at-bound"
    | "unlabelled-parameters"
    | "unslotted"
  readonly message: string
}

/**
 * Result of a simulation.
 *
 * @since 0.1.0
 */
export interface SimulationResult {
  readonly scenario: {
    readonly id: string
    readonly title: string
    readonly runs: number
    readonly seed: number
    readonly children: number
    readonly startDate: string
    readonly horizonMonths: number
    readonly socialWorkers: number
    readonly caseloadCap: number
    readonly visitsPerWeek: number
    readonly inProgress: number
    readonly alreadyReturned: number
    readonly assumptions: ReadonlyArray<string>
    readonly citations: ReadonlyArray<PolicyProfile.Citation>
  }
  /** Every parameter the result rests on, with its source or marked as an assumption. */
  readonly parameters: ReadonlyArray<Parameter.Report>
  /** How uncertain parameters were sampled. */
  readonly uncertainty: {
    readonly mode: "joint" | "nested" | "central"
    /** Paths of the parameters with a range (sampled unless the mode is `central`). */
    readonly sampled: ReadonlyArray<string>
    /** Number of distinct parameter draws (runs in `joint`, runs / innerRuns in `nested`, 1 in `central`). */
    readonly parameterDraws: number
    readonly innerRuns: number
    readonly note: string
  }
  /** The visit model at the central parameter values. */
  readonly visitModel: {
    readonly contactIntervalDays: number
    /** Days between two contacts of one case (the interval, or 7 / visitsPerWeek when a worker cannot visit that often). */
    readonly daysBetweenContacts: number
    /** Open cases one worker keeps, monitoring included: the caseload cap. */
    readonly casesPerWorker: number
    /** Of those, cases in the pathway (intake to reunification): min(cap, visits a week × days between contacts / 7). */
    readonly pathwayCasesPerWorker: number
    /** What limits the cases in the pathway. */
    readonly limitedBy: "caseload cap" | "visits"
    /** Caseload slots of all workers (count × availability × cap) and, of those, pathway slots. */
    readonly slots: number
    readonly pathwaySlots: number
  }
  readonly policy: PolicyFacts.PolicyFacts
  readonly target: {
    readonly share: number
    /** Children of the cohort who must be home on the deadline. */
    readonly count: number
    /** How `count` was set: as the source states it, or the share times the cohort rounded up. */
    readonly countRule: "as stated" | "share × children, rounded up"
    readonly deadline: string
    /** Share of runs in which at least `count` children of the cohort were home on the deadline. */
    readonly probabilityReached: number
    /** Monte Carlo standard error of `probabilityReached`. */
    readonly probabilityReachedSe: number | null
    /** `nested` only: share of the variance of reaching the target due to the parameters. */
    readonly probabilityParameterShare?: number | null
    readonly reintegratedShareAtDeadline: Band
    /** Children of the cohort home on the deadline. */
    readonly reintegratedAtDeadline: Band
  }
  readonly horizon: {
    readonly reintegratedShare: Band
    /** Share of the cohort reunified at least once by the horizon. */
    readonly everReunifiedShare: Band
    /** Breakdowns over the horizon per child ever reunified. */
    readonly breakdownRate: Band
    /** Days from a case opening to the child's first reunification (children of the cohort reunified within the horizon). */
    readonly pathwayDays: Band
    /** Breakdowns and re-entries over the horizon (all children, including those already returned). */
    readonly breakdowns: Band
    readonly reentries: Band
  }
  readonly months: ReadonlyArray<MonthSummary>
  /** The scenario's observed outcomes beside the simulated ones (children of the cohort first reunified in each window). */
  readonly observed: ReadonlyArray<{
    readonly measure: "reunified"
    readonly from: string
    readonly to: string
    readonly count: number
    readonly simulated: Band
  }>
  readonly warnings: ReadonlyArray<Warning>
  /** Per-run output vectors (only with `keepRuns`). */
  readonly runs?: ReadonlyArray<Float64Array>
}

const DAY = 86_400_000
const iso = (d: Date) => d.toISOString().slice(0, 10)
const addMonthsUtc = (d: Date, n: number): Date => {
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + n
  const target = new Date(Date.UTC(y, m, 1))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)))
}

const getAt = (s: unknown, path: ReadonlyArray<string>): unknown =>
  path.reduce<unknown>(
    (o, k) => (o === null || typeof o !== "object" ? undefined : (o as Record<string, unknown>)[k]),
    s
  )

/**
 * The target of a scenario as the simulation uses it.
 *
 * @since 0.2.0
 */
export interface ResolvedTarget {
  readonly share: number
  readonly count: number
  readonly countRule: "as stated" | "share × children, rounded up"
  readonly deadline: Date
}

/**
 * The plain kernel configuration of a scenario, with the policy facts the
 * core rules produced. Exposed for benchmarks and research code.
 *
 * @example
 * ```ts
 * import { Scenarios, Simulate } from "@homeward/simulate"
 *
 * const prepared = Simulate.prepare({ ...Scenarios.siemReap2017, runs: 20 })
 * prepared.dates.length // month boundaries of the horizon
 * ```
 *
 * @since 0.1.0
 */
export const prepare = (
  scenario: Scenario
): {
  readonly config: KernelConfig
  readonly facts: PolicyFacts.PolicyFacts
  readonly dates: ReadonlyArray<string>
  readonly target: ResolvedTarget
  readonly caseloadCap: number
} => {
  const profile = profileOf(scenario)
  if (profile === undefined) throw new Error("invalid scenario: policy: unknown built-in policy profile")
  const start = startOf(scenario)
  const facts = PolicyFacts.cached(profile, start)
  const snapshots: Array<number> = []
  const dates: Array<string> = []
  for (let m = 0; m <= horizonOf(scenario); m++) {
    const d = addMonthsUtc(start, m)
    snapshots.push(Math.round((d.getTime() - start.getTime()) / DAY))
    dates.push(iso(d))
  }
  const horizonDays = snapshots[snapshots.length - 1]!
  const children = childrenOf(scenario)
  const t = scenario.target
  const share = t?.share ?? facts.targetShare
  const target: ResolvedTarget = {
    share,
    count: t?.count ?? Math.max(1, Math.ceil(share * children - 1e-9)),
    countRule: t?.count === undefined ? "share × children, rounded up" : "as stated",
    deadline: t?.deadline ?? new Date(`${facts.targetDeadline}T00:00:00Z`)
  }
  const cap =
    scenario.socialWorkers.caseloadCap === undefined ? facts.maxCaseload : centralOf(scenario.socialWorkers.caseloadCap)
  const params: Array<number> = Array(Pm.NP).fill(0)
  const uncertain: Array<readonly [number, Distribution.Compiled]> = []
  for (const spec of Pm.QUANTITIES) {
    const q = getAt(scenario, spec.path) as Parameter.Quantity | undefined
    params[spec.index] = q === undefined ? (spec.default?.value ?? 0) : centralOf(q)
    const r = q === undefined ? undefined : Parameter.rangeOf(q)
    if (r !== undefined) uncertain.push([spec.index, Distribution.compile(r)])
  }
  params[Pm.COUNT] = centralOf(scenario.socialWorkers.count)
  const mode = scenario.sampling?.mode ?? "joint"
  const stepDist = (id: string) =>
    Distribution.compile(centralOf(scenario.durations.contactSteps?.[id] ?? scenario.durations.contactStep))
  const ip = inProgressOf(scenario)
  const returned = alreadyReturnedOf(scenario)
  const config: KernelConfig = {
    children,
    inProgress: [ip.intake, ip.assessment, ip.preparation, ip.contact],
    returnedBefore: returned.count,
    returnedFromDay: Math.min(0, (returned.from.getTime() - start.getTime()) / DAY),
    seed: scenario.seed,
    horizonDays,
    snapshotDays: snapshots,
    deadlineDay: Math.round((target.deadline.getTime() - start.getTime()) / DAY),
    ageYears: Distribution.compile(centralOf(scenario.cohort.ageYears)),
    adultAge: facts.adultAge,
    intake: Distribution.compile(centralOf(scenario.durations.intake)),
    assessment: Distribution.compile(centralOf(scenario.durations.assessment)),
    preparation: Distribution.compile(centralOf(scenario.durations.preparation)),
    steps: facts.steps.map((s) => ({
      duration: stepDist(s.id),
      positiveContacts: s.positiveContacts,
      minDwellDays: s.minDwellDays,
      resetOnConcern: s.resetOnConcern
    })),
    preparationNeedsEligibility: facts.preparationNeedsEligibility,
    params,
    uncertain: mode === "central" ? [] : uncertain,
    sampling: mode === "joint" ? 0 : mode === "nested" ? 1 : 2,
    innerRuns: scenario.sampling?.innerRuns ?? 10,
    caseloadCap: cap,
    breakdownWithinDays: centralOf(scenario.breakdown.withinMonths) * (365.25 / 12),
    readmit: centralOf(scenario.breakdown.readmit),
    monitoringVisitDays: facts.monitoringVisitDays,
    monitoringDays: facts.monitoringDays,
    windows: (scenario.observed ?? []).map(
      (o) =>
        [
          Math.round((o.from.getTime() - start.getTime()) / DAY),
          Math.round((o.to.getTime() - start.getTime()) / DAY) + 1
        ] as const
    )
  }
  return { config, facts, dates, target, caseloadCap: cap }
}

const workerUrl = (): URL => {
  const here = import.meta.url
  if (!here.endsWith(".ts")) return new URL("./worker.js", here)
  // Running from source (tests, tsx): bootstrap the TypeScript worker through tsx's ESM API.
  const req = createRequire(here)
  const api = pathToFileURL(req.resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href
  const target = new URL("./worker.ts", here).href
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(target)});`
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`)
}

/**
 * A pool of simulation worker threads that several simulations can share
 * (solving, sensitivity, calibration and comparisons run many scenarios):
 * each task carries its kernel configuration, so one pool serves any
 * scenario. `workers: 1` runs in the calling thread. Close it when done.
 *
 * @since 0.2.0
 */
export interface Runner {
  readonly workers: number
  /**
   * Run replicates `[from, from + runs)` of a configuration; `onChunk` receives each chunk's output
   * vectors (with the first replicate's index), in any order.
   */
  run(
    config: KernelConfig,
    runs: number,
    onChunk: (from: number, buf: Float64Array) => void,
    chunkSize?: number,
    from?: number
  ): Promise<void>
  /** Stop the worker threads (a runner is not usable afterwards). */
  close(): Promise<void>
}

/**
 * Start a {@link Runner} with `workers` threads (default
 * `os.availableParallelism()`).
 *
 * @example
 * ```ts
 * import { Scenarios, Simulate } from "@homeward/simulate"
 *
 * const runner = Simulate.makeRunner({ workers: 1 })
 * const result = await Simulate.simulate({ ...Scenarios.siemReap2017, runs: 20 }, { runner })
 * await runner.close()
 * ```
 *
 * @since 0.2.0
 */
export const makeRunner = (options: { readonly workers?: number } = {}): Runner => {
  const workers = Math.max(1, options.workers ?? availableParallelism())
  if (workers === 1)
    return {
      workers,
      run: async (config, runs, onChunk, chunkSize, start = 0) => {
        const chunk = Math.max(1, chunkSize ?? Math.min(50, Math.ceil(runs / 20)))
        for (let from = start; from < start + runs; from += chunk) {
          const to = Math.min(start + runs, from + chunk)
          onChunk(from, runRange(config, from, to))
          await new Promise<void>((r) => setImmediate(r))
        }
      },
      close: async () => undefined
    }
  const url = workerUrl()
  const pool = Array.from({ length: workers }, () => new Worker(url, { execArgv: [] }))
  // The configuration each worker holds, so that a configuration is sent once per worker.
  const holds = new Map<Worker, KernelConfig>()
  let failure: unknown
  for (const w of pool) {
    w.on("error", (e) => {
      failure = e
    })
    w.on("exit", (code) => {
      if (code !== 0 && failure === undefined) failure = new Error(`simulation worker exited with code ${code}`)
    })
  }
  let closed = false
  return {
    workers,
    run: (config, runs, onChunk, chunkSize, start = 0) => {
      const chunk = Math.max(1, chunkSize ?? Math.min(50, Math.ceil(runs / (workers * 20))))
      const end = start + runs
      let next = start
      return Promise.all(
        pool.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              const send = () => {
                if (failure !== undefined) return reject(failure)
                if (next >= end) {
                  w.off("message", onMessage)
                  w.off("error", reject)
                  resolve()
                  return
                }
                const from = next
                const to = Math.min(end, from + chunk)
                next = to
                const fresh = holds.get(w) !== config
                holds.set(w, config)
                w.postMessage(fresh ? { from, to, config } : { from, to })
              }
              const onMessage = (msg: { from: number; to: number; buf: Float64Array }) => {
                onChunk(msg.from, msg.buf)
                send()
              }
              w.on("message", onMessage)
              w.once("error", reject)
              send()
            })
        )
      ).then(() => undefined)
    },
    close: async () => {
      if (closed) return
      closed = true
      await Promise.all(pool.map((w) => w.terminate()))
    }
  }
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6

/**
 * Mean, Monte Carlo standard error and percentiles of per-run values, where
 * runs `[k·g, (k+1)·g)` share a parameter draw (`g = 1` in joint sampling).
 *
 * @example
 * ```ts
 * import { Simulate } from "@homeward/simulate"
 *
 * const b = Simulate.bandOf([0.61, 0.64, 0.66, 0.7, 0.72])
 * b.mean // 0.666
 * b.p50 // 0.66
 * ```
 *
 * @since 0.2.0
 */
export const bandOf = (values: ArrayLike<number>, group = 1, nested = false): Band => {
  const n = values.length
  let sum = 0
  for (let i = 0; i < n; i++) sum += values[i]!
  const mean = sum / n
  const sorted = Float64Array.from(values).sort()
  const q = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!
  // Standard error from the spread of group means (each group is one independent observation).
  const K = Math.ceil(n / group)
  let se: number | null = null
  let parameterShare: number | null = null
  if (K >= 2) {
    const means: Array<number> = []
    let within = 0
    let withinGroups = 0
    for (let k = 0; k < K; k++) {
      const from = k * group
      const to = Math.min(n, from + group)
      let s = 0
      for (let i = from; i < to; i++) s += values[i]!
      const m = s / (to - from)
      means.push(m)
      if (to - from >= 2) {
        let v = 0
        for (let i = from; i < to; i++) v += (values[i]! - m) ** 2
        within += v / (to - from - 1)
        withinGroups++
      }
    }
    const gm = means.reduce((a, b) => a + b, 0) / K
    const between = means.reduce((a, b) => a + (b - gm) ** 2, 0) / (K - 1)
    se = Math.sqrt(between / K)
    if (nested && withinGroups > 0) {
      const w = within / withinGroups
      const param = Math.max(0, between - w / group)
      parameterShare = param + w === 0 ? 0 : param / (param + w)
    }
  }
  return {
    mean: round(mean),
    se: se === null ? null : round(se),
    p5: round(q(0.05)),
    p50: round(q(0.5)),
    p95: round(q(0.95)),
    ...(nested ? { parameterShare: parameterShare === null ? null : round(parameterShare) } : {})
  }
}

const pts = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)} points`

/**
 * Warnings about the precision of a result: one run; fewer than 200 runs
 * for P5/P95 bands (each rests on fewer than 10 runs); a Monte Carlo
 * standard error above one percentage point for the probability of reaching
 * the target or the share home on the deadline (with the number of runs
 * that would bring it to about one point); a probability estimated as 0 or 1
 * (only bounded by the rule of three); unlabelled parameters.
 *
 * @example
 * ```ts
 * import { Scenarios, Simulate } from "@homeward/simulate"
 *
 * const result = Simulate.simulateSync({ ...Scenarios.siemReap2017, runs: 20 })
 * Simulate.precisionWarnings(result).map((w) => w.message) // fewer than 200 runs for P5/P95, …
 * ```
 *
 * @since 0.2.0
 */
export const precisionWarnings = (
  r: Pick<SimulationResult, "scenario" | "target" | "uncertainty" | "parameters">
): ReadonlyArray<Warning> => {
  const out: Array<Warning> = []
  const R = r.scenario.runs
  // Independent observations: runs (joint or central), or groups of runs sharing a parameter draw (nested).
  const draws = r.uncertainty.mode === "nested" ? r.uncertainty.parameterDraws : R
  if (R === 1)
    out.push({
      code: "one-run",
      message:
        "1 run: the Monte Carlo error cannot be estimated, P5 = P50 = P95 by construction and the probability of reaching the target is 0 or 1; use at least 200 runs"
    })
  else if (R < 200)
    out.push({
      code: "few-runs-for-bands",
      message: `${R} runs: P5 and P95 are each set by about ${Math.max(1, Math.round(R * 0.05))} run(s) at the edge, so the 90% band is rough (from 20 runs it covers about 84% of outcomes on average); use at least 200 runs`
    })
  const scaleRuns = (se: number) => Math.ceil(R * (se / 0.01) ** 2)
  const p = r.target.probabilityReached
  const seP = r.target.probabilityReachedSe
  if (seP !== null && seP > 0.01)
    out.push({
      code: "mc-error",
      message: `the probability of reaching the target (${(Math.round(p * 1000) / 10).toFixed(1)}%) has a Monte Carlo standard error of ${pts(seP)} with ${R} runs; about ${scaleRuns(seP)} runs would bring it to 1 point`
    })
  const seS = r.target.reintegratedShareAtDeadline.se
  if (seS !== null && seS > 0.01)
    out.push({
      code: "mc-error",
      message: `the share home on the deadline has a Monte Carlo standard error of ${pts(seS)} with ${R} runs; about ${scaleRuns(seS)} runs would bring it to 1 point`
    })
  if (R > 1 && (p === 0 || p === 1)) {
    const bound = Math.min(1, 3 / draws)
    out.push({
      code: "probability-at-bound",
      message: `${p === 0 ? "no run" : "every run"} reached the target: the probability is ${p === 0 ? "below" : "above"} about ${pts(p === 0 ? bound : 1 - bound)} (95%, rule of three over ${draws} independent ${draws === R ? "runs" : "parameter draws"}), not exactly ${p === 0 ? "0" : "1"}`
    })
  }
  const unlabelled = r.parameters.filter((x) => x.label.kind === "unlabelled")
  if (unlabelled.length > 0)
    out.push({
      code: "unlabelled-parameters",
      message: `${unlabelled.length} parameter(s) without a source or an assumption label: ${unlabelled.map((x) => x.path).join(", ")}`
    })
  return out
}

/**
 * Summarise per-run output vectors (in run order) into a result.
 *
 * @example
 * ```ts
 * import { Scenarios, Simulate } from "@homeward/simulate"
 *
 * const scenario = { ...Scenarios.siemReap2017, runs: 20 }
 * const prepared = Simulate.prepare(scenario)
 * const runner = Simulate.makeRunner({ workers: 1 })
 * const chunks: Array<readonly [number, Float64Array]> = []
 * await runner.run(prepared.config, scenario.runs, (from, buf) => chunks.push([from, buf]))
 * await runner.close()
 * chunks.sort((a, b) => a[0] - b[0])
 * const data = new Float64Array(chunks.reduce((n, [, b]) => n + b.length, 0))
 * let at = 0
 * for (const [, b] of chunks) {
 *   data.set(b, at)
 *   at += b.length
 * }
 * Simulate.summarise(scenario, prepared, data).target.probabilityReached
 * ```
 *
 * @since 0.1.0
 */
export const summarise = (
  scenario: Scenario,
  prepared: ReturnType<typeof prepare>,
  data: Float64Array,
  keepRuns = false
): SimulationResult => {
  const { config, facts, dates, target } = prepared
  const M = dates.length - 1
  const L = layout(M, config.windows.length)
  const R = scenario.runs
  const n = config.children
  const P = L.P
  const get = (r: number, off: number) => data[r * L.length + off]!
  const mean = (off: number) => {
    let s = 0
    for (let r = 0; r < R; r++) s += get(r, off)
    return s / R
  }
  const mode = config.uncertain.length === 0 ? "central" : (scenario.sampling?.mode ?? "joint")
  const nested = mode === "nested"
  const group = nested ? config.innerRuns : 1
  const S = STATES.length
  const openIdx = ["intake", "assessment", "preparation", "gradual-contact", "reunified"].map((s) =>
    STATES.indexOf(s as StateName)
  )
  const months: Array<MonthSummary> = []
  const shares = new Float64Array(R)
  const open = new Float64Array(R)
  const vis = new Float64Array(R)
  for (let m = 0; m < P; m++) {
    const phases = {} as Record<StateName, number>
    for (let s = 0; s < S; s++) phases[STATES[s]!] = round(mean(L.counts + s * P + m))
    let reached = 0
    const daysInMonth = m === 0 ? 0 : config.snapshotDays[m]! - config.snapshotDays[m - 1]!
    for (let r = 0; r < R; r++) {
      const home = get(r, L.cohortReintegrated + m)
      shares[r] = home / n
      if (home >= target.count) reached++
      let o = 0
      for (const s of openIdx) o += get(r, L.counts + s * P + m)
      open[r] = o / get(r, L.slots)
      const workers = get(r, L.theta + Pm.COUNT) * get(r, L.theta + Pm.AVAILABILITY)
      const capacity = (workers * get(r, L.theta + Pm.VISITS) * daysInMonth) / 7
      vis[r] = capacity === 0 ? 0 : (get(r, L.contactVisits + m) + get(r, L.monitoringDue + m)) / capacity
    }
    let openMean = 0
    for (const s of openIdx) openMean += phases[STATES[s]!]
    months.push({
      month: m,
      date: dates[m]!,
      phases,
      reintegratedShare: bandOf(shares, group, nested),
      targetReached: round(reached / R),
      reunifications: round(mean(L.reunifications + m)),
      breakdowns: round(mean(L.breakdowns + m)),
      reentries: round(mean(L.reentries + m)),
      openCases: round(openMean),
      caseloadUtilisation: round(open.reduce((a, x) => a + x, 0) / R),
      contactVisits: round(mean(L.contactVisits + m)),
      monitoringVisitsDue: round(mean(L.monitoringDue + m)),
      visitUtilisation: round(vis.reduce((a, x) => a + x, 0) / R)
    })
  }
  const atDeadline = new Float64Array(R)
  const countAtDeadline = new Float64Array(R)
  const hit = new Float64Array(R)
  for (let r = 0; r < R; r++) {
    countAtDeadline[r] = get(r, L.deadlineReintegrated)
    atDeadline[r] = countAtDeadline[r]! / n
    hit[r] = countAtDeadline[r]! >= target.count ? 1 : 0
  }
  const ever = new Float64Array(R)
  const rate = new Float64Array(R)
  const bds = new Float64Array(R)
  const res = new Float64Array(R)
  const path: Array<number> = []
  for (let r = 0; r < R; r++) {
    ever[r] = get(r, L.everReunified) / n
    if (get(r, L.everReunified) > 0) path.push(get(r, L.pathwayDays) / get(r, L.everReunified))
    let bd = 0
    let re = 0
    for (let m = 0; m < P; m++) {
      bd += get(r, L.breakdowns + m)
      re += get(r, L.reentries + m)
    }
    bds[r] = bd
    res[r] = re
    const e = get(r, L.everReunified)
    rate[r] = e === 0 ? 0 : bd / e
  }
  const hitBand = bandOf(hit, group, nested)
  const central = derived(config.params, config)
  const cap = prepared.caseloadCap
  const sampled = uncertainPaths(scenario)
  const draws = mode === "central" ? 1 : Math.ceil(R / group)
  const parameters = Labels.report(scenario, facts)
  const base = {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      runs: R,
      seed: scenario.seed,
      children: n,
      startDate: iso(startOf(scenario)),
      horizonMonths: horizonOf(scenario),
      socialWorkers: centralOf(scenario.socialWorkers.count),
      caseloadCap: cap,
      visitsPerWeek: centralOf(scenario.socialWorkers.visitsPerWeek),
      inProgress: config.inProgress.reduce((a, b) => a + b, 0),
      alreadyReturned: config.returnedBefore,
      assumptions: scenario.assumptions ?? [],
      citations: scenario.citations ?? []
    },
    parameters,
    uncertainty: {
      mode,
      sampled,
      parameterDraws: draws,
      innerRuns: group,
      note:
        mode === "central"
          ? sampled.length === 0
            ? "No parameter has a range: bands show run-to-run chance only, not uncertainty about the parameters."
            : "Ranges ignored (sampling mode central): bands show run-to-run chance only, not uncertainty about the parameters."
          : `Parameters with a range are sampled (${mode}${nested ? `, ${group} runs per draw` : ", one draw per run"}): P5–P95 bands show the total uncertainty (parameters and chance); "se" is the Monte Carlo error of the mean only.`
    },
    visitModel: {
      contactIntervalDays: config.params[Pm.INTERVAL]!,
      daysBetweenContacts: round(central.pace),
      casesPerWorker: cap,
      pathwayCasesPerWorker: central.pathwayPerWorker,
      limitedBy: central.pathwayPerWorker < cap ? ("visits" as const) : ("caseload cap" as const),
      slots: central.slots,
      pathwaySlots: central.pathwaySlots
    },
    policy: facts,
    target: {
      share: target.share,
      count: target.count,
      countRule: target.countRule,
      deadline: iso(target.deadline),
      probabilityReached: hitBand.mean,
      probabilityReachedSe: hitBand.se,
      ...(nested ? { probabilityParameterShare: hitBand.parameterShare ?? null } : {}),
      reintegratedShareAtDeadline: bandOf(atDeadline, group, nested),
      reintegratedAtDeadline: bandOf(countAtDeadline, group, nested)
    },
    horizon: {
      reintegratedShare: months[months.length - 1]!.reintegratedShare,
      everReunifiedShare: bandOf(ever, group, nested),
      breakdownRate: bandOf(rate, group, nested),
      pathwayDays: path.length === 0 ? { mean: 0, se: null, p5: 0, p50: 0, p95: 0 } : bandOf(path),
      breakdowns: bandOf(bds, group, nested),
      reentries: bandOf(res, group, nested)
    },
    months,
    observed: (scenario.observed ?? []).map((o, w) => {
      const sim = new Float64Array(R)
      for (let r = 0; r < R; r++) sim[r] = get(r, L.windows + w)
      return {
        measure: o.measure,
        from: iso(o.from),
        to: iso(o.to),
        count: o.count,
        simulated: bandOf(sim, group, nested)
      }
    })
  }
  let unslotted = 0
  for (let r = 0; r < R; r++) unslotted += get(r, L.unslotted)
  const warnings: Array<Warning> = [...precisionWarnings(base)]
  if (unslotted > 0)
    warnings.push({
      code: "unslotted",
      message: `${round(unslotted / R)} children already returned found no free caseload slot at the start (on average) and were monitored outside the caseload`
    })
  const result: SimulationResult = { ...base, warnings }
  if (!keepRuns) return result
  const runs: Array<Float64Array> = []
  for (let r = 0; r < R; r++) runs.push(data.slice(r * L.length, (r + 1) * L.length))
  return { ...result, runs }
}

/**
 * A decoded scenario as is, or a scenario in JSON form decoded (throws an
 * `Error` naming every invalid field, never echoing values).
 *
 * @example
 * ```ts
 * import { Scenarios, Simulate } from "@homeward/simulate"
 *
 * Simulate.asScenario(Scenarios.siemReap2017Encoded).startDate // decoded: a Date (possibly labelled)
 * ```
 *
 * @since 0.1.0
 */
export const asScenario = (input: Scenario | ScenarioEncoded): Scenario =>
  centralOf(input.startDate as Parameter.Labelled<unknown>) instanceof Date
    ? (input as Scenario)
    : decodeScenarioOrThrow(input)

/**
 * Simulate a scenario (decoded, or in JSON form).
 *
 * @example
 * ```ts
 * import { Scenarios, simulate } from "@homeward/simulate"
 *
 * const result = await simulate({ ...Scenarios.siemReap2017, runs: 40 }, { workers: 2 })
 * result.target.probabilityReached
 * ```
 *
 * @since 0.1.0
 */
export const simulate = async (
  input: Scenario | ScenarioEncoded,
  options: SimulateOptions = {}
): Promise<SimulationResult> => {
  const scenario = asScenario(input)
  const prepared = prepare(scenario)
  const { config } = prepared
  const R = scenario.runs
  const L = layout(prepared.dates.length - 1, prepared.config.windows.length)
  const data = new Float64Array(R * L.length)
  let completed = 0
  const onChunk = (from: number, buf: Float64Array) => {
    data.set(buf, from * L.length)
    completed += buf.length / L.length
    options.onProgress?.({ completed, total: R })
  }
  const own = options.runner === undefined
  const runner = options.runner ?? makeRunner({ workers: Math.min(options.workers ?? availableParallelism(), R) })
  try {
    await runner.run(config, R, onChunk, options.chunkSize)
  } finally {
    if (own) await runner.close()
  }
  return summarise(scenario, prepared, data, options.keepRuns ?? false)
}

/**
 * An event of {@link simulateStream}: progress, then the result.
 *
 * @since 0.1.0
 */
export type SimulationEvent =
  | ({ readonly type: "progress" } & Progress)
  | { readonly type: "done"; readonly result: SimulationResult }

/**
 * {@link simulate} as an async iterator of progress events ending with the
 * result.
 *
 * @example
 * ```ts
 * import { Scenarios, Simulate } from "@homeward/simulate"
 *
 * for await (const e of Simulate.simulateStream({ ...Scenarios.siemReap2017, runs: 50 })) {
 *   if (e.type === "progress") console.log(`${e.completed}/${e.total}`)
 *   else console.log(e.result.target.probabilityReached)
 * }
 * ```
 *
 * @since 0.1.0
 */
export async function* simulateStream(
  scenario: Scenario | ScenarioEncoded,
  options: Omit<SimulateOptions, "onProgress"> = {}
): AsyncGenerator<SimulationEvent, void, undefined> {
  const queue: Array<SimulationEvent> = []
  let wake: (() => void) | undefined
  let failure: { readonly error: unknown } | undefined
  const push = (e: SimulationEvent) => {
    queue.push(e)
    wake?.()
  }
  simulate(scenario, { ...options, onProgress: (p) => push({ type: "progress", ...p }) }).then(
    (result) => push({ type: "done", result }),
    (error: unknown) => {
      failure = { error }
      wake?.()
    }
  )
  for (;;) {
    while (queue.length > 0) {
      const e = queue.shift()!
      yield e
      if (e.type === "done") return
    }
    if (failure !== undefined) throw failure.error
    await new Promise<void>((resolve) => {
      wake = resolve
    })
    wake = undefined
  }
}

/**
 * Simulate a scenario in this thread, synchronously (no workers).
 *
 * @example
 * ```ts
 * import { Scenarios, Simulate } from "@homeward/simulate"
 *
 * const result = Simulate.simulateSync({ ...Scenarios.siemReap2017, runs: 20 })
 * result.target.probabilityReached
 * ```
 *
 * @since 0.1.0
 */
export const simulateSync = (
  input: Scenario | ScenarioEncoded,
  options: Pick<SimulateOptions, "keepRuns"> = {}
): SimulationResult => {
  const scenario = asScenario(input)
  const prepared = prepare(scenario)
  return summarise(scenario, prepared, runRange(prepared.config, 0, scenario.runs), options.keepRuns ?? false)
}

/**
 * Effect variant of {@link simulate}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Scenarios, Simulate } from "@homeward/simulate"
 *
 * const result = await Effect.runPromise(Simulate.simulateEffect({ ...Scenarios.siemReap2017, runs: 20 }, { workers: 1 }))
 * ```
 *
 * @since 0.1.0
 */
export const simulateEffect = (
  scenario: Scenario | ScenarioEncoded,
  options?: SimulateOptions
): Effect.Effect<SimulationResult, Error> =>
  Effect.tryPromise({
    try: () => simulate(scenario, options),
    catch: (e) => (e instanceof Error ? e : new Error(String(e)))
  })
