/**
 * Compare scenario variants (policies, staffing, any parameter) run on the
 * same seed and number of runs, so that run `r` of every variant sees the
 * same children and the same parameter draws (paired runs, common random
 * numbers). For every variant: the share home on the deadline and at the
 * horizon, the probability of reaching the target, children under
 * monitoring, caseload and visit use, breakdowns and re-entries, over time
 * and in total; for every variant but the first, its difference from the
 * first with an uncertainty band from the paired runs (mean, Monte Carlo
 * standard error, P5–P95 of the run-by-run differences). When two variants
 * cannot differ by the deadline the comparison says so and why (e.g. the
 * shorter monitoring cannot end before the deadline for any child).
 *
 * @since 0.2.0
 */
import { availableParallelism } from "node:os"
import * as Distribution from "./Distribution.js"
import { derived, layout, STATES } from "./internal/kernel.js"
import { centralOf } from "./Parameter.js"
import { alreadyReturnedOf, type Scenario, type ScenarioEncoded, startOf } from "./Scenario.js"
import {
  asScenario,
  type Band,
  bandOf,
  makeRunner,
  prepare,
  type Runner,
  type SimulationResult,
  simulate
} from "./Simulate.js"

/**
 * A variant to compare.
 *
 * @since 0.2.0
 */
export interface Variant {
  readonly label: string
  readonly scenario: Scenario | ScenarioEncoded
}

/**
 * The figures compared, per run.
 *
 * @since 0.2.0
 */
export const METRICS = [
  "homeOnDeadline",
  "reachedTarget",
  "homeAtHorizon",
  "everReunified",
  "underMonitoringOnDeadline",
  "underMonitoringAtHorizon",
  "caseloadUseToDeadline",
  "visitUseToDeadline",
  "caseloadUseOverHorizon",
  "breakdowns",
  "reentries"
] as const

/**
 * The name of a metric two simulation runs are compared on (one of `METRICS`).
 *
 * @since 0.2.0
 */
export type Metric = (typeof METRICS)[number]

/**
 * What each metric means.
 *
 * @since 0.2.0
 */
export const metricLabels: Readonly<Record<Metric, string>> = {
  homeOnDeadline: "children of the cohort home on the deadline",
  reachedTarget: "target reached on the deadline (share of runs)",
  homeAtHorizon: "children of the cohort home at the horizon",
  everReunified: "children of the cohort reunified at least once by the horizon",
  underMonitoringOnDeadline: "children under monitoring on the deadline",
  underMonitoringAtHorizon: "children under monitoring at the horizon",
  caseloadUseToDeadline: "caseload use up to the deadline (mean share of slots)",
  visitUseToDeadline: "visit use up to the deadline (mean share of visit capacity)",
  caseloadUseOverHorizon: "caseload use over the horizon (mean share of slots)",
  breakdowns: "breakdowns over the horizon",
  reentries: "re-entries into the pathway over the horizon"
}

/**
 * One variant's figures.
 *
 * @since 0.2.0
 */
export interface VariantSummary {
  readonly label: string
  readonly result: SimulationResult
  readonly metrics: Readonly<Record<Metric, Band>>
  /** Monthly series (means across runs). */
  readonly series: ReadonlyArray<{
    readonly date: string
    readonly reintegratedShare: number
    readonly underMonitoring: number
    readonly caseloadUtilisation: number
    readonly visitUtilisation: number
    readonly breakdowns: number
    readonly reentries: number
  }>
}

/**
 * A flag on a variant: it cannot differ from the first by the deadline, or
 * the runs are not paired.
 *
 * @since 0.2.0
 */
export interface Flag {
  readonly variant: string
  readonly code: "same-by-deadline" | "not-paired"
  readonly message: string
}

/**
 * A comparison.
 *
 * @since 0.2.0
 */
export interface ComparisonResult {
  readonly runs: number
  readonly seed: number
  readonly deadline: string
  readonly horizon: string
  readonly variants: ReadonlyArray<VariantSummary>
  /** For each variant after the first: the paired difference (variant − first) of every metric. */
  readonly differences: ReadonlyArray<{
    readonly label: string
    readonly versus: string
    readonly metrics: Readonly<Record<Metric, Band>>
    /** The scenario values and policy facts that differ from the first variant. */
    readonly inputs: ReadonlyArray<{ readonly path: string; readonly first: string; readonly variant: string }>
  }>
  readonly flags: ReadonlyArray<Flag>
}

/**
 * Options of {@link compareScenarios}.
 *
 * @since 0.2.0
 */
export interface CompareOptions {
  /** Runs of every variant (default: the first variant's). */
  readonly runs?: number
  readonly workers?: number
  readonly runner?: Runner
}

const iso = (d: Date) => d.toISOString().slice(0, 10)
const DAY = 86_400_000

/** Per-run values of every metric. */
const perRun = (
  scenario: Scenario,
  result: SimulationResult
): { readonly values: Record<Metric, Float64Array>; readonly deadlineIndex: number } => {
  const prepared = prepare(scenario)
  const { config } = prepared
  const M = prepared.dates.length - 1
  const L = layout(M, config.windows.length)
  const P = L.P
  const runs = result.runs!
  const R = runs.length
  const n = config.children
  // The last snapshot on or before the deadline.
  let deadlineIndex = 0
  for (let m = 0; m < P; m++) if (config.snapshotDays[m]! <= config.deadlineDay) deadlineIndex = m
  const reunified = STATES.indexOf("reunified")
  const open = ["intake", "assessment", "preparation", "gradual-contact", "reunified"].map((s) =>
    STATES.indexOf(s as never)
  )
  const values = Object.fromEntries(METRICS.map((m) => [m, new Float64Array(R)])) as Record<Metric, Float64Array>
  for (let r = 0; r < R; r++) {
    const v = runs[r]!
    const slots = v[L.slots]!
    const workers = v[L.theta + 13]! * v[L.theta + 4]!
    const visits = v[L.theta + 3]!
    const use = (to: number) => {
      let c = 0
      let vis = 0
      let k = 0
      for (let m = 1; m <= to; m++) {
        let o = 0
        for (const s of open) o += v[s * P + m]!
        c += o / slots
        const capacity = (workers * visits * (config.snapshotDays[m]! - config.snapshotDays[m - 1]!)) / 7
        vis += capacity === 0 ? 0 : (v[L.contactVisits + m]! + v[L.monitoringDue + m]!) / capacity
        k++
      }
      return k === 0 ? [0, 0] : [c / k, vis / k]
    }
    const [cd, vd] = use(deadlineIndex)
    const [ch] = use(M)
    let bd = 0
    let re = 0
    for (let m = 0; m < P; m++) {
      bd += v[L.breakdowns + m]!
      re += v[L.reentries + m]!
    }
    values.homeOnDeadline[r] = v[L.deadlineReintegrated]! / n
    values.reachedTarget[r] = v[L.deadlineReintegrated]! >= prepared.target.count ? 1 : 0
    values.homeAtHorizon[r] = v[L.cohortReintegrated + M]! / n
    values.everReunified[r] = v[L.everReunified]! / n
    values.underMonitoringOnDeadline[r] = v[reunified * P + deadlineIndex]!
    values.underMonitoringAtHorizon[r] = v[reunified * P + M]!
    values.caseloadUseToDeadline[r] = cd!
    values.visitUseToDeadline[r] = vd!
    values.caseloadUseOverHorizon[r] = ch!
    values.breakdowns[r] = bd
    values.reentries[r] = re
  }
  return { values, deadlineIndex }
}

/** Scenario values and policy facts, as plain strings by path. */
const inputsOf = (result: SimulationResult): Map<string, string> => {
  const m = new Map<string, string>()
  for (const p of result.parameters) m.set(p.path, `${p.value}${p.range === undefined ? "" : ` (range ${p.range})`}`)
  m.set("policy.profile", result.policy.profile.id)
  m.set("policy.monitoringDays", String(result.policy.monitoringDays))
  m.set("policy.steps", result.policy.steps.map((s) => `${s.id}:${s.positiveContacts}/${s.minDwellDays}`).join(","))
  return m
}

/** The earliest day (offset from the start) any child's monitoring could end under a scenario. */
const earliestMonitoringEnd = (scenario: Scenario, result: SimulationResult): number => {
  const { config } = prepare(scenario)
  const pace = derived(config.params, config).pace
  const min = (d: Scenario["durations"]["intake"]) => Distribution.minimum(centralOf(d))
  const scaleMin = (() => {
    const q = scenario.durations.scale
    if (q === undefined) return 1
    const r = typeof q === "number" ? undefined : "range" in q ? q.range : undefined
    return r === undefined ? centralOf(q) : Math.min(centralOf(q), Distribution.minimum(r))
  })()
  const steps = result.policy.steps.reduce(
    (a, s) =>
      a +
      Math.max(
        s.minDwellDays,
        s.positiveContacts * pace,
        scaleMin *
          Distribution.minimum(centralOf(scenario.durations.contactSteps?.[s.id] ?? scenario.durations.contactStep))
      ),
    0
  )
  const fastest =
    scaleMin *
      (min(scenario.durations.intake) + min(scenario.durations.assessment) + min(scenario.durations.preparation)) +
    steps
  const cohort = fastest + result.policy.monitoringDays
  const returned = alreadyReturnedOf(scenario)
  const returnedEnd =
    returned.count === 0
      ? Number.POSITIVE_INFINITY
      : (returned.from.getTime() - startOf(scenario).getTime()) / DAY + result.policy.monitoringDays
  return Math.min(cohort, returnedEnd)
}

/**
 * Compare variants on paired runs (see the module documentation).
 *
 * @example
 * ```ts
 * import { Comparison, Scenario, Scenarios } from "@homeward/simulate"
 *
 * const base = Scenarios.siemReap2017
 * const c = await Comparison.compareScenarios(
 *   [
 *     { label: "3-year monitoring", scenario: base },
 *     { label: "2-year monitoring", scenario: Scenario.withValue(base, "policy", "azizas-place", "variant") }
 *   ],
 *   { runs: 40, workers: 1 }
 * )
 * c.differences[0]?.metrics.underMonitoringAtHorizon // { mean, se, p5, p50, p95 }
 * c.flags
 * ```
 *
 * @since 0.2.0
 */
export const compareScenarios = async (
  variants: ReadonlyArray<Variant>,
  options: CompareOptions = {}
): Promise<ComparisonResult> => {
  if (variants.length < 2) throw new RangeError("give at least two variants to compare")
  const scenarios = variants.map((v) => asScenario(v.scenario))
  const runs = options.runs ?? scenarios[0]!.runs
  const seed = scenarios[0]!.seed
  const own = options.runner === undefined
  const runner = options.runner ?? makeRunner({ workers: options.workers ?? availableParallelism() })
  try {
    const summaries: Array<VariantSummary & { readonly perRun: ReturnType<typeof perRun> }> = []
    for (const [i, v] of variants.entries()) {
      const sc = { ...scenarios[i]!, runs }
      const result = await simulate(sc, { runner, keepRuns: true })
      const pr = perRun(sc, result)
      const nested = result.uncertainty.mode === "nested"
      const group = result.uncertainty.innerRuns
      const metrics = Object.fromEntries(METRICS.map((m) => [m, bandOf(pr.values[m], group, nested)])) as Record<
        Metric,
        Band
      >
      const { runs: _runs, ...light } = result
      summaries.push({
        label: v.label,
        result: light,
        metrics,
        perRun: pr,
        series: result.months.map((m) => ({
          date: m.date,
          reintegratedShare: m.reintegratedShare.mean,
          underMonitoring: m.phases.reunified,
          caseloadUtilisation: m.caseloadUtilisation,
          visitUtilisation: m.visitUtilisation,
          breakdowns: m.breakdowns,
          reentries: m.reentries
        }))
      })
    }
    const first = summaries[0]!
    const flags: Array<Flag> = []
    const differences = summaries.slice(1).map((s, k) => {
      const i = k + 1
      const nested = s.result.uncertainty.mode === "nested"
      const group = s.result.uncertainty.innerRuns
      const metrics = Object.fromEntries(
        METRICS.map((m) => {
          const a = first.perRun.values[m]
          const b = s.perRun.values[m]
          const d = new Float64Array(runs)
          for (let r = 0; r < runs; r++) d[r] = b[r]! - a[r]!
          return [m, bandOf(d, group, nested)]
        })
      ) as Record<Metric, Band>
      const fi = inputsOf(first.result)
      const vi = inputsOf(s.result)
      const inputs = [...new Set([...fi.keys(), ...vi.keys()])]
        .filter((p) => fi.get(p) !== vi.get(p))
        .map((path) => ({ path, first: fi.get(path) ?? "(none)", variant: vi.get(path) ?? "(none)" }))
      if (scenarios[i]!.seed !== seed)
        flags.push({
          variant: s.label,
          code: "not-paired",
          message: `seed ${scenarios[i]!.seed} differs from the first variant's ${seed}: runs are not paired, differences include chance`
        })
      const same = (m: Metric) => first.perRun.values[m].every((x, r) => x === s.perRun.values[m][r])
      if (same("homeOnDeadline") && same("reachedTarget")) {
        const onlyMonitoring =
          inputs.length > 0 && inputs.every((x) => /^policy\.(monitoring|profile|monitoringDays)/.test(x.path))
        const deadlineDay = prepare(scenarios[0]!).config.deadlineDay
        const start = startOf(scenarios[0]!)
        const earliest = Math.min(
          earliestMonitoringEnd(scenarios[0]!, first.result),
          earliestMonitoringEnd(scenarios[i]!, s.result)
        )
        const when = (d: number) => iso(new Date(start.getTime() + d * DAY))
        const why =
          onlyMonitoring && earliest > deadlineDay
            ? `the variants differ only in monitoring (${inputs.map((x) => x.path).join(", ")}), and no child can finish even the shorter monitoring before the deadline: at the earliest on ${when(earliest)} (fastest pathway plus monitoring), after ${first.result.target.deadline}`
            : inputs.length === 0
              ? "the two variants have the same inputs"
              : `the inputs that differ (${inputs.map((x) => x.path).join(", ")}) did not change anything on the deadline in any run; they act later, or not at all under these assumptions`
        flags.push({
          variant: s.label,
          code: "same-by-deadline",
          message: `identical to "${first.label}" on the deadline in all ${runs} paired runs: ${why}`
        })
      }
      return { label: s.label, versus: first.label, metrics, inputs }
    })
    return {
      runs,
      seed,
      deadline: first.result.target.deadline,
      horizon: first.result.months.at(-1)!.date,
      variants: summaries.map(({ perRun: _p, ...v }) => v),
      differences,
      flags
    }
  } finally {
    if (own) await runner.close()
  }
}
