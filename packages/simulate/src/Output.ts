/**
 * Renderers of a simulation result: JSON (stable, byte-identical for the same
 * scenario and seed; it carries every parameter with its label, the
 * uncertainty settings and the precision warnings) and CSV (one row per
 * month, after `#` comment lines stating the scenario, how uncertain
 * parameters were sampled, the target, every parameter with its source or
 * as an assumption, and the warnings).
 *
 * @since 0.1.0
 */
import { STATES } from "./internal/kernel.js"
import * as Parameter from "./Parameter.js"
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
  "reintegrated_share_se",
  "reintegrated_share_p5",
  "reintegrated_share_p50",
  "reintegrated_share_p95",
  "target_reached",
  "reunifications",
  "breakdowns",
  "reentries",
  "open_cases",
  "caseload_utilisation",
  "contact_visits",
  "monitoring_visits_due",
  "visit_utilisation"
]

const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ")

/**
 * The comment lines (each starting with `# `) that head the CSV: scenario,
 * runs and seed, uncertainty, visit model, target, every parameter with its
 * label, and the warnings.
 *
 * @example
 * ```ts
 * import { Scenarios, Simulate } from "@homeward/simulate"
 * import { Output } from "@homeward/simulate"
 *
 * const result = Simulate.simulateSync({ ...Scenarios.siemReap2017, runs: 20 })
 * Output.csvComments(result)[0] // "# …": the scenario
 * ```
 *
 * @since 0.2.0
 */
export const csvComments = (result: SimulationResult): ReadonlyArray<string> => {
  const s = result.scenario
  const t = result.target
  const lines = [
    `scenario ${s.id}: ${s.title}`,
    `${s.runs} runs, seed ${s.seed}; ${result.uncertainty.note}`,
    `target: ${t.count} of ${s.children} children (${(t.share * 100).toFixed(1)}%, count ${t.countRule}) home on ${t.deadline}`,
    `visit model: a contact every ${result.visitModel.daysBetweenContacts} days; up to ${result.visitModel.casesPerWorker} open cases per worker, of which ${result.visitModel.pathwayCasesPerWorker} in the pathway (limited by ${result.visitModel.limitedBy}); ${result.visitModel.slots} caseload slots, ${result.visitModel.pathwaySlots} pathway slots`,
    "parameters (path = value [range] | label):",
    ...result.parameters.map(
      (p) =>
        `  ${p.path} = ${p.value}${p.range === undefined ? "" : ` [range ${p.range}]`} | ${Parameter.describeLabel(p.label)}`
    ),
    ...s.assumptions.map((a) => `assumption: ${a}`),
    ...result.warnings.map((w) => `warning: ${w.message}`)
  ]
  return lines.map((l) => `# ${oneLine(l)}`)
}

/**
 * The monthly series as CSV: `#` comment lines (see {@link csvComments}),
 * the header row, then one row per month; means across runs unless the
 * column names a percentile or a standard error (`_se`, Monte Carlo error of
 * the mean). Readers that do not skip `#` lines can drop the lines before
 * the header (e.g. pandas `comment="#"`, R `read.csv(comment.char = "#")`).
 *
 * @example
 * ```ts
 * import { Scenarios, Simulate } from "@homeward/simulate"
 * import { Output } from "@homeward/simulate"
 *
 * const result = Simulate.simulateSync({ ...Scenarios.siemReap2017, runs: 20 })
 * const csv = Output.toCsv(result) // # comment lines, the header, one row per month
 * ```
 *
 * @since 0.1.0
 */
export const toCsv = (result: SimulationResult): string => {
  const rows = [...csvComments(result), csvColumns.join(",")]
  for (const m of result.months) {
    rows.push(
      [
        m.month,
        m.date,
        ...STATES.map((s) => m.phases[s]),
        m.reintegratedShare.mean,
        m.reintegratedShare.se ?? "",
        m.reintegratedShare.p5,
        m.reintegratedShare.p50,
        m.reintegratedShare.p95,
        m.targetReached,
        m.reunifications,
        m.breakdowns,
        m.reentries,
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
