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
import { Effect } from "effect"
import * as Distribution from "./Distribution.js"
import { type KernelConfig, layout, runRange, STATES, type StateName } from "./internal/kernel.js"
import * as PolicyFacts from "./PolicyFacts.js"
import { decodeScenarioOrThrow, profileOf, type Scenario, type ScenarioEncoded } from "./Scenario.js"

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
}

/**
 * Percentile band across runs.
 *
 * @since 0.1.0
 */
export interface Band {
  readonly mean: number
  readonly p5: number
  readonly p50: number
  readonly p95: number
}

/**
 * One month (a snapshot at the end of the month; month 0 is the start date).
 *
 * @since 0.1.0
 */
export interface MonthSummary {
  readonly month: number
  readonly date: string
  /** Mean number of children in each state at the snapshot. */
  readonly phases: Readonly<Record<StateName, number>>
  /** Share of the cohort living with family (reunified or closed after reintegration). */
  readonly reintegratedShare: Band
  /** Share of runs whose reintegrated share at this month is at or above the target share. */
  readonly targetReached: number
  /** Mean reunifications and breakdowns during the month. */
  readonly reunifications: number
  readonly breakdowns: number
  /** Mean open cases held by social workers, and their share of the caseload capacity. */
  readonly openCases: number
  readonly caseloadUtilisation: number
  /** Mean contact visits made and monitoring visits due during the month, and their share of visit capacity. */
  readonly contactVisits: number
  readonly monitoringVisitsDue: number
  readonly visitUtilisation: number
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
    readonly alreadyReturned?: number
  }
  readonly policy: PolicyFacts.PolicyFacts
  readonly target: {
    readonly share: number
    readonly deadline: string
    /** Share of runs in which the reintegrated share on the deadline reached the target. */
    readonly probabilityReached: number
    readonly reintegratedShareAtDeadline: Band
  }
  readonly horizon: {
    readonly reintegratedShare: Band
    /** Share of the cohort reunified at least once by the horizon. */
    readonly everReunifiedShare: Band
    /** Breakdowns over the horizon per child ever reunified (mean across runs). */
    readonly breakdownRate: number
  }
  readonly months: ReadonlyArray<MonthSummary>
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

/**
 * The plain kernel configuration of a scenario, with the policy facts the
 * core rules produced. Exposed for benchmarks and research code.
 *
 * @since 0.1.0
 */
export const prepare = (
  scenario: Scenario
): {
  readonly config: KernelConfig
  readonly facts: PolicyFacts.PolicyFacts
  readonly dates: ReadonlyArray<string>
} => {
  const profile = profileOf(scenario)
  if (profile === undefined) throw new Error("invalid scenario: policy: unknown built-in policy profile")
  const facts = PolicyFacts.cached(profile, scenario.startDate)
  const start = scenario.startDate
  const snapshots: Array<number> = []
  const dates: Array<string> = []
  for (let m = 0; m <= scenario.horizonMonths; m++) {
    const d = addMonthsUtc(start, m)
    snapshots.push(Math.round((d.getTime() - start.getTime()) / DAY))
    dates.push(iso(d))
  }
  const horizonDays = snapshots[snapshots.length - 1]!
  const target = scenario.target ?? {
    share: facts.targetShare,
    deadline: new Date(`${facts.targetDeadline}T00:00:00Z`)
  }
  const cap = scenario.socialWorkers.caseloadCap ?? facts.maxCaseload
  const b = scenario.breakdown
  const hazard = b.probability <= 0 ? 0 : -Math.log(1 - b.probability) / (b.withinMonths * (365.25 / 12))
  const stepDist = (id: string) =>
    Distribution.compile(scenario.durations.contactSteps?.[id] ?? scenario.durations.contactStep)
  const config: KernelConfig = {
    children: scenario.cohort.children,
    seed: scenario.seed,
    horizonDays,
    snapshotDays: snapshots,
    deadlineDay: Math.round((target.deadline.getTime() - start.getTime()) / DAY),
    ageYears: Distribution.compile(scenario.cohort.ageYears),
    adultAge: facts.adultAge,
    traceableShare: scenario.cohort.traceableFamilyShare,
    riskShare: scenario.cohort.riskFactorShare,
    povertyOnlyShare: scenario.cohort.povertyOnlyShare,
    intake: Distribution.compile(scenario.durations.intake),
    assessment: Distribution.compile(scenario.durations.assessment),
    preparation: Distribution.compile(scenario.durations.preparation),
    steps: facts.steps.map((s) => ({
      duration: stepDist(s.id),
      positiveContacts: s.positiveContacts,
      minDwellDays: s.minDwellDays,
      resetOnConcern: s.resetOnConcern
    })),
    preparationNeedsEligibility: facts.preparationNeedsEligibility,
    contactPositive: scenario.outcomes.contactPositive,
    riskIneligible: scenario.outcomes.riskIneligible,
    closurePass: scenario.outcomes.closurePass,
    closureRetryDays: scenario.outcomes.closureRetryDays,
    breakdownHazard: hazard,
    riskMultiplier: b.riskMultiplier,
    readmit: b.readmit,
    slots: scenario.socialWorkers.count * cap,
    daysPerVisit: (7 * cap) / scenario.socialWorkers.visitsPerWeek,
    monitoringVisitDays: facts.monitoringVisitDays,
    monitoringDays: facts.monitoringDays
  }
  return { config, facts, dates }
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

const runInWorkers = async (
  config: KernelConfig,
  runs: number,
  workers: number,
  chunk: number,
  onChunk: (from: number, buf: Float64Array) => void
): Promise<void> => {
  const url = workerUrl()
  const pool = Array.from({ length: workers }, () => new Worker(url, { workerData: { config }, execArgv: [] }))
  let next = 0
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= runs) {
                resolve()
                return
              }
              const from = next
              const to = Math.min(runs, from + chunk)
              next = to
              w.postMessage({ from, to })
            }
            w.on("message", (msg: { from: number; to: number; buf: Float64Array }) => {
              onChunk(msg.from, msg.buf)
              send()
            })
            w.on("error", reject)
            w.on("exit", (code) => {
              if (code !== 0) reject(new Error(`simulation worker exited with code ${code}`))
            })
            send()
          })
      )
    )
  } finally {
    await Promise.all(pool.map((w) => w.terminate()))
  }
}

const band = (values: Float64Array): Band => {
  const n = values.length
  let sum = 0
  for (let i = 0; i < n; i++) sum += values[i]!
  const sorted = Float64Array.from(values).sort()
  const q = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!
  return { mean: round(sum / n), p5: round(q(0.05)), p50: round(q(0.5)), p95: round(q(0.95)) }
}
const round = (x: number): number => Math.round(x * 1e6) / 1e6

/**
 * Summarise per-run output vectors (in run order) into a result.
 *
 * @since 0.1.0
 */
export const summarise = (
  scenario: Scenario,
  prepared: ReturnType<typeof prepare>,
  data: Float64Array,
  keepRuns = false
): SimulationResult => {
  const { config, facts, dates } = prepared
  const M = dates.length - 1
  const L = layout(M)
  const R = scenario.runs
  const n = config.children
  const P = L.P
  const get = (r: number, off: number) => data[r * L.length + off]!
  const mean = (off: number) => {
    let s = 0
    for (let r = 0; r < R; r++) s += get(r, off)
    return s / R
  }
  const S = STATES.length
  const reIdx = [STATES.indexOf("reunified"), STATES.indexOf("closed")] as const
  const openIdx = ["intake", "assessment", "preparation", "gradual-contact", "reunified"].map((s) =>
    STATES.indexOf(s as StateName)
  )
  const slots = config.slots
  const cap = scenario.socialWorkers.caseloadCap ?? facts.maxCaseload
  const targetShare = (scenario.target?.share ?? facts.targetShare) - 1e-12
  const months: Array<MonthSummary> = []
  const shares = new Float64Array(R)
  for (let m = 0; m < P; m++) {
    const phases = {} as Record<StateName, number>
    for (let s = 0; s < S; s++) phases[STATES[s]!] = round(mean(L.counts + s * P + m))
    for (let r = 0; r < R; r++)
      shares[r] = (get(r, L.counts + reIdx[0] * P + m) + get(r, L.counts + reIdx[1] * P + m)) / n
    let open = 0
    for (const s of openIdx) open += phases[STATES[s]!]
    const contactVisits = mean(L.contactVisits + m)
    const monitoringVisitsDue = mean(L.monitoringDue + m)
    const daysInMonth = m === 0 ? 0 : config.snapshotDays[m]! - config.snapshotDays[m - 1]!
    const visitCapacity = (scenario.socialWorkers.count * scenario.socialWorkers.visitsPerWeek * daysInMonth) / 7
    months.push({
      month: m,
      date: dates[m]!,
      phases,
      reintegratedShare: band(shares),
      targetReached: round(shares.reduce((a, x) => (x >= targetShare ? a + 1 : a), 0) / R),
      reunifications: round(mean(L.reunifications + m)),
      breakdowns: round(mean(L.breakdowns + m)),
      openCases: round(open),
      caseloadUtilisation: round(open / slots),
      contactVisits: round(contactVisits),
      monitoringVisitsDue: round(monitoringVisitsDue),
      visitUtilisation: visitCapacity === 0 ? 0 : round((contactVisits + monitoringVisitsDue) / visitCapacity)
    })
  }
  const target = scenario.target ?? {
    share: facts.targetShare,
    deadline: new Date(`${facts.targetDeadline}T00:00:00Z`)
  }
  const atDeadline = new Float64Array(R)
  let reached = 0
  for (let r = 0; r < R; r++) {
    atDeadline[r] = get(r, L.deadlineReintegrated) / n
    if (atDeadline[r]! >= target.share - 1e-12) reached++
  }
  const ever = new Float64Array(R)
  let breakdownRate = 0
  for (let r = 0; r < R; r++) {
    ever[r] = get(r, L.everReunified) / n
    let bd = 0
    for (let m = 0; m < P; m++) bd += get(r, L.breakdowns + m)
    const e = get(r, L.everReunified)
    breakdownRate += e === 0 ? 0 : bd / e
  }
  const last = months[months.length - 1]!
  const result: SimulationResult = {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      runs: R,
      seed: scenario.seed,
      children: n,
      startDate: iso(scenario.startDate),
      horizonMonths: scenario.horizonMonths,
      socialWorkers: scenario.socialWorkers.count,
      caseloadCap: cap,
      visitsPerWeek: scenario.socialWorkers.visitsPerWeek,
      ...(scenario.cohort.alreadyReturned === undefined ? {} : { alreadyReturned: scenario.cohort.alreadyReturned })
    },
    policy: facts,
    target: {
      share: target.share,
      deadline: iso(target.deadline),
      probabilityReached: round(reached / R),
      reintegratedShareAtDeadline: band(atDeadline)
    },
    horizon: {
      reintegratedShare: last.reintegratedShare,
      everReunifiedShare: band(ever),
      breakdownRate: round(breakdownRate / R)
    },
    months
  }
  if (!keepRuns) return result
  const runs: Array<Float64Array> = []
  for (let r = 0; r < R; r++) runs.push(data.slice(r * L.length, (r + 1) * L.length))
  return { ...result, runs }
}

/**
 * A decoded scenario as is, or a scenario in JSON form decoded (throws an
 * `Error` naming every invalid field, never echoing values).
 *
 * @since 0.1.0
 */
export const asScenario = (input: Scenario | ScenarioEncoded): Scenario =>
  input.startDate instanceof Date ? (input as Scenario) : decodeScenarioOrThrow(input)

/**
 * Simulate a scenario (decoded, or in JSON form).
 *
 * @example
 * ```ts
 * import { Scenarios, simulate } from "@homeward/simulate"
 *
 * const result = await simulate({ ...Scenarios.siemReap2017, runs: 100 }, { workers: 2 })
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
  const L = layout(prepared.dates.length - 1)
  const data = new Float64Array(R * L.length)
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), R))
  const chunk = Math.max(1, options.chunkSize ?? Math.min(50, Math.ceil(R / (workers * 20))))
  let completed = 0
  const onChunk = (from: number, buf: Float64Array) => {
    data.set(buf, from * L.length)
    completed += buf.length / L.length
    options.onProgress?.({ completed, total: R })
  }
  if (workers === 1) {
    for (let from = 0; from < R; from += chunk) {
      const to = Math.min(R, from + chunk)
      onChunk(from, runRange(config, from, to))
      if (options.onProgress !== undefined) await new Promise<void>((r) => setImmediate(r))
    }
  } else await runInWorkers(config, R, workers, chunk, onChunk)
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
