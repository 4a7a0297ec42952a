/**
 * The comparison: the built-in `siem-reap-2017` scenario under two policies
 * (Aziza's Place: 2 years of monitoring; UNICEF Siem Reap 2017: 3 years) and
 * two staffing levels (the scenario's 20 social workers, and 40), simulated
 * with the same seed so that differences come from the policy and staffing.
 */
import { Scenarios, type SimulationResult, simulateSync } from "@homeward/simulate"

/** One variant of the scenario. */
export interface Variant {
  readonly label: string
  readonly policy: "azizas-place" | "unicef-siem-reap-2017"
  readonly socialWorkers: number
}

/** The four variants compared. */
export const variants: ReadonlyArray<Variant> = [
  { label: "aziza-2y/20sw", policy: "azizas-place", socialWorkers: 20 },
  { label: "aziza-2y/40sw", policy: "azizas-place", socialWorkers: 40 },
  { label: "unicef-3y/20sw", policy: "unicef-siem-reap-2017", socialWorkers: 20 },
  { label: "unicef-3y/40sw", policy: "unicef-siem-reap-2017", socialWorkers: 40 }
]

/** Simulate every variant with `runs` runs each (same seed). */
export const compare = (
  runs: number
): ReadonlyArray<{ readonly variant: Variant; readonly result: SimulationResult }> => {
  const base = Scenarios.siemReap2017Encoded
  return variants.map((variant) => ({
    variant,
    result: simulateSync({
      ...base,
      id: `siem-reap-2017-${variant.label.replace("/", "-")}`,
      policy: variant.policy,
      socialWorkers: { ...base.socialWorkers, count: variant.socialWorkers },
      runs
    })
  }))
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const mean = (xs: ReadonlyArray<number>) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length)

/** One table row per variant (plain values, for printing or asserting). */
export interface Row {
  readonly variant: string
  readonly homeByDeadlineP50: string
  readonly band90: string
  readonly probabilityTarget: string
  readonly breakdownsPerReunified: string
  readonly monitoringYears: string
  readonly caseloadUtilisation: string
  readonly visitUtilisation: string
}

/** The comparison table. */
export const table = (results: ReturnType<typeof compare>): ReadonlyArray<Row> =>
  results.map(({ variant, result }) => {
    const d = result.target.reintegratedShareAtDeadline
    const upToDeadline = result.months.filter((m) => m.date <= result.target.deadline)
    return {
      variant: variant.label,
      homeByDeadlineP50: pct(d.p50),
      band90: `${pct(d.p5)}–${pct(d.p95)}`,
      probabilityTarget: pct(result.target.probabilityReached),
      breakdownsPerReunified: result.horizon.breakdownRate.mean.toFixed(3),
      monitoringYears: (result.policy.monitoringDays / 365.25).toFixed(1),
      caseloadUtilisation: pct(mean(upToDeadline.map((m) => m.caseloadUtilisation))),
      visitUtilisation: pct(mean(upToDeadline.map((m) => m.visitUtilisation)))
    }
  })

/** Render rows as an aligned text table. */
export const render = (rows: ReadonlyArray<Row>): string => {
  const head: Row = {
    variant: "variant",
    homeByDeadlineP50: "home by deadline (P50)",
    band90: "P5–P95",
    probabilityTarget: "P(≥ 30%)",
    breakdownsPerReunified: "breakdowns/reunified",
    monitoringYears: "monitoring (y)",
    caseloadUtilisation: "caseload use",
    visitUtilisation: "visit use"
  }
  const keys = Object.keys(head) as Array<keyof Row>
  const all = [head, ...rows]
  const width = keys.map((k) => Math.max(...all.map((r) => r[k].length)))
  return all
    .map((r) =>
      keys
        .map((k, i) => r[k].padEnd(width[i] ?? 0))
        .join("  ")
        .trimEnd()
    )
    .join("\n")
}
