/**
 * The research questions on the Siem Reap 2017 plan (644 children, 30% of
 * the children in residential care, home by the end of 2018):
 *
 * 1. What does three years of follow-up (UNICEF Siem Reap 2017) cost and buy
 *    against two (Aziza's Place)? Paired runs of both policies, at the
 *    scenario's 20 social workers and at 80: children under monitoring,
 *    caseload and visit use, breakdowns, children home on the deadline and at
 *    the horizon, each difference with a band from the paired runs.
 * 2. What pace did the province actually have? Calibrate the workforce's
 *    effective capacity and the durations to the 144 children reunited or
 *    placed in family-based care from January 2016 to November 2017.
 * 3. How many social workers would reach 644 with probability 0.8, as the
 *    scenario assumes them and at the pace the history shows?
 */
import { Calibration, Comparison, Scenario, Scenarios, Solve } from "@homeward/simulate"

/** A policy compared. */
export interface Policy {
  readonly label: string
  readonly id: "azizas-place" | "unicef-siem-reap-2017"
}

/** The two monitoring policies. */
export const policies: ReadonlyArray<Policy> = [
  { label: "3-year monitoring (UNICEF Siem Reap 2017)", id: "unicef-siem-reap-2017" },
  { label: "2-year monitoring (Aziza's Place)", id: "azizas-place" }
]

/** The scenario with a policy and a number of social workers. */
export const variant = (policy: Policy["id"], workers: number, base: Scenario.Scenario = Scenarios.siemReap2017) =>
  Scenario.withValue(
    Scenario.withValue(base, "policy", policy, `variant: policy ${policy}`),
    "socialWorkers.count",
    workers,
    `variant: ${workers} social workers`
  )

/** Question 1: both policies on paired runs, at each staffing level. */
export const comparePolicies = async (runs: number, staffing: ReadonlyArray<number> = [20, 80], workers?: number) => {
  const out: Array<{ readonly workers: number; readonly comparison: Comparison.ComparisonResult }> = []
  for (const n of staffing)
    out.push({
      workers: n,
      comparison: await Comparison.compareScenarios(
        policies.map((p) => ({ label: p.label, scenario: variant(p.id, n) })),
        { runs, ...(workers === undefined ? {} : { workers }) }
      )
    })
  return out
}

/**
 * The same comparison without the 144 children already returned: then the
 * policies cannot differ by the deadline (the comparison says why).
 */
export const compareWithoutHistory = (runs: number, workers?: number) => {
  const base = Scenario.withValue(
    Scenarios.siemReap2017,
    "cohort.alreadyReturned",
    0,
    "variant: no children already returned"
  )
  return Comparison.compareScenarios(
    policies.map((p) => ({ label: p.label, scenario: variant(p.id, 20, base) })),
    { runs, ...(workers === undefined ? {} : { workers }) }
  )
}

/** Question 2: fit the effective capacity and the durations to the 144 children of 2016–2017. */
export const calibrateHistory = (draws: number, workers?: number) =>
  Calibration.calibrate(Scenarios.siemReapHistory2016, {
    parameters: ["socialWorkers.availability", "durations.scale"],
    draws,
    ...(workers === undefined ? {} : { workers })
  })

/** Question 3: the social workers needed for 644 with probability `p`, as assumed and at the calibrated pace. */
export const requiredStaffing = async (
  fit: Calibration.CalibrationResult,
  options: {
    readonly probability: number
    readonly searchRuns: number
    readonly runs: number
    readonly workers?: number
  }
) => {
  const o = {
    lever: "workers" as const,
    probability: options.probability,
    searchRuns: options.searchRuns,
    runs: options.runs,
    ...(options.workers === undefined ? {} : { workers: options.workers })
  }
  const assumed = await Solve.solve(Scenarios.siemReap2017, o)
  const calibrated = await Solve.solve(Calibration.apply(Scenarios.siemReap2017, fit), o)
  return { assumed, calibrated }
}

const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)}%`

/** The comparison as text rows: each metric for both policies and the paired difference with its band. */
export const comparisonTable = (c: Comparison.ComparisonResult): ReadonlyArray<ReadonlyArray<string>> => {
  const d = c.differences[0]!
  const counts = new Set<Comparison.Metric>([
    "underMonitoringOnDeadline",
    "underMonitoringAtHorizon",
    "breakdowns",
    "reentries"
  ])
  const show = (m: Comparison.Metric, x: number) => (counts.has(m) ? x.toFixed(1) : pct(x))
  const diff = (m: Comparison.Metric) => {
    const b = d.metrics[m]
    const f = (x: number) =>
      counts.has(m) ? `${x >= 0 ? "+" : ""}${x.toFixed(1)}` : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}`
    return `${f(b.mean)} [${f(b.p5)}, ${f(b.p95)}]`
  }
  return [
    ["", ...c.variants.map((v) => v.label), "difference (P5, P95)"],
    ...Comparison.METRICS.map((m) => [
      Comparison.metricLabels[m],
      ...c.variants.map((v) => show(m, v.metrics[m].mean)),
      diff(m)
    ])
  ]
}

/** Render rows as an aligned text table. */
export const render = (rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const width = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)))
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(width[i] ?? 0))
        .join("  ")
        .trimEnd()
    )
    .join("\n")
}
