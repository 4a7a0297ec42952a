/**
 * Renderers of a simulation result: JSON (stable, byte-identical for the same
 * scenario and seed) and CSV (one row per month).
 *
 * @since 0.1.0
 */
import { STATES } from "./internal/kernel.js"
import type { SimulationResult } from "./Simulate.js"

/**
 * The result as pretty-printed JSON (per-run vectors left out).
 *
 * @example
 * ```ts
 * import { Scenarios, simulateSync, toJson } from "@homeward/simulate"
 *
 * const json = toJson(simulateSync({ ...Scenarios.siemReap2017, runs: 10 }))
 * ```
 *
 * @since 0.1.0
 */
export const toJson = (result: SimulationResult): string => {
  const { runs: _runs, ...rest } = result
  return `${JSON.stringify(rest, null, 2)}\n`
}

/**
 * CSV columns, in order.
 *
 * @since 0.1.0
 */
export const csvColumns: ReadonlyArray<string> = [
  "month",
  "date",
  ...STATES.map((s) => `phase_${s.replace(/-/g, "_")}`),
  "reintegrated_share_mean",
  "reintegrated_share_p5",
  "reintegrated_share_p50",
  "reintegrated_share_p95",
  "target_reached",
  "reunifications",
  "breakdowns",
  "open_cases",
  "caseload_utilisation",
  "contact_visits",
  "monitoring_visits_due",
  "visit_utilisation"
]

/**
 * The monthly series as CSV (header row, then one row per month; means
 * across runs unless the column names a percentile).
 *
 * @since 0.1.0
 */
export const toCsv = (result: SimulationResult): string => {
  const rows = [csvColumns.join(",")]
  for (const m of result.months) {
    rows.push(
      [
        m.month,
        m.date,
        ...STATES.map((s) => m.phases[s]),
        m.reintegratedShare.mean,
        m.reintegratedShare.p5,
        m.reintegratedShare.p50,
        m.reintegratedShare.p95,
        m.targetReached,
        m.reunifications,
        m.breakdowns,
        m.openCases,
        m.caseloadUtilisation,
        m.contactVisits,
        m.monitoringVisitsDue,
        m.visitUtilisation
      ].join(",")
    )
  }
  return `${rows.join("\n")}\n`
}
