/**
 * Every parameter a simulation result rests on, with its label: the
 * scenario's own values (each with its `source`, or marked as an
 * `assumption`, or reported as `unlabelled`) and the values taken from the
 * policy profile through the core rules (cited in the profile, with their
 * status; a profile value the profile itself calls a Homeward default is
 * reported as an assumption). The same list goes into every output: JSON,
 * CSV header comments, the SVG footnote and the CLI summary.
 *
 * @since 0.2.0
 */
import { PolicyProfile as PP } from "@homeward/core"
import type { Distribution } from "./Distribution.js"
import * as P from "./internal/params.js"
import * as Parameter from "./Parameter.js"
import type * as PolicyFacts from "./PolicyFacts.js"
import { alreadyReturnedOf, inProgressOf, profileOf, type Scenario, startOf } from "./Scenario.js"

const iso = (d: Date) => d.toISOString().slice(0, 10)
const num = (x: number): string => (Number.isInteger(x) ? String(x) : String(Math.round(x * 10_000) / 10_000))

const getAt = (s: unknown, path: ReadonlyArray<string>): unknown =>
  path.reduce<unknown>(
    (o, k) => (o === null || typeof o !== "object" ? undefined : (o as Record<string, unknown>)[k]),
    s
  )

const DEFAULT_NOTE = /Homeward default/i

const policyLabel = (param: PP.Param<unknown>, asOf: Date): Parameter.Label => {
  const { source } = PP.valueAt(param, asOf)
  const isDefault = param.status === "default-not-law" || DEFAULT_NOTE.test(source.note ?? "")
  return isDefault
    ? { kind: "assumption", status: param.status, source, assumption: source.note ?? "Homeward default, not law" }
    : { kind: "policy", status: param.status, source }
}

const scenarioValue = (v: unknown, unit?: string): string => {
  const x: unknown = Parameter.centralOf(v as Parameter.Labelled<unknown>)
  const u = unit === undefined ? "" : ` ${unit}`
  if (typeof x === "number") return `${num(x)}${u}`
  if (typeof x === "boolean") return String(x)
  if (x instanceof Date) return iso(x)
  if (typeof x === "object" && x !== null && "kind" in x) return `${Parameter.describe(x as Distribution)}${u}`
  return String(x)
}

/**
 * The labelled parameters of a scenario and of its policy profile (as the
 * core rules resolve it on the start date).
 *
 * @example
 * ```ts
 * import { Labels, Scenarios } from "@homeward/simulate"
 *
 * for (const p of Labels.report(Scenarios.siemReap2017)) console.log(p.path, p.value, p.label.kind)
 * ```
 *
 * @since 0.2.0
 */
export const report = (scenario: Scenario, facts?: PolicyFacts.PolicyFacts): ReadonlyArray<Parameter.Report> => {
  const out: Array<Parameter.Report> = []
  const add = (path: string, raw: unknown, unit?: string) =>
    out.push({ path, value: scenarioValue(raw, unit), label: Parameter.labelOf(raw) })
  const profile = profileOf(scenario)
  const start = startOf(scenario)
  add("startDate", scenario.startDate)
  add("horizonMonths", scenario.horizonMonths, "months")
  add("cohort.children", scenario.cohort.children)
  add("cohort.ageYears", scenario.cohort.ageYears, "years")
  const ip = inProgressOf(scenario)
  if (scenario.cohort.inProgress !== undefined)
    out.push({
      path: "cohort.inProgress",
      value: `intake ${ip.intake}, assessment ${ip.assessment}, preparation ${ip.preparation}, gradual contact ${ip.contact}`,
      label: Parameter.labelOf(scenario.cohort.inProgress)
    })
  if (scenario.cohort.alreadyReturned !== undefined) {
    const a = alreadyReturnedOf(scenario)
    out.push({
      path: "cohort.alreadyReturned",
      value: `${a.count} reunified between ${iso(a.from)} and ${iso(start)}, under monitoring at the start`,
      label: Parameter.labelOf(scenario.cohort.alreadyReturned)
    })
  }
  if (scenario.institutions !== undefined) {
    add("institutions.count", scenario.institutions.count)
    if (scenario.institutions.capacity !== undefined) add("institutions.capacity", scenario.institutions.capacity)
  }
  add("socialWorkers.count", scenario.socialWorkers.count)
  const groups = profile?.parameters
  if (scenario.socialWorkers.caseloadCap !== undefined)
    add("socialWorkers.caseloadCap", scenario.socialWorkers.caseloadCap)
  else if (groups !== undefined)
    out.push({
      path: "socialWorkers.caseloadCap",
      value: `${PP.valueAt(groups.programme.maxCaseload, start).value} (profile programme.maxCaseload)`,
      label: policyLabel(groups.programme.maxCaseload, start)
    })
  for (const k of ["intake", "assessment", "preparation", "contactStep"] as const)
    add(`durations.${k}`, scenario.durations[k], "days")
  for (const [id, d] of Object.entries(scenario.durations.contactSteps ?? {}))
    add(`durations.contactSteps.${id}`, d, "days")
  add("breakdown.withinMonths", scenario.breakdown.withinMonths, "months")
  add("breakdown.readmit", scenario.breakdown.readmit)
  for (const spec of P.QUANTITIES) {
    const path = spec.path.join(".")
    const q = getAt(scenario, spec.path) as Parameter.Quantity | undefined
    if (spec.group !== undefined && getAt(scenario, [spec.group]) === undefined) continue
    if (q === undefined) {
      if (spec.default !== undefined)
        out.push({ path, value: num(spec.default.value), label: { kind: "assumption", assumption: spec.default.why } })
      continue
    }
    const range = Parameter.rangeOf(q)
    out.push({
      path,
      value: num(Parameter.centralOf(q)),
      ...(range === undefined ? {} : { range: Parameter.describe(range) }),
      label: Parameter.labelOf(q)
    })
  }
  if (scenario.target !== undefined) {
    const t = scenario.target
    out.push({
      path: "target",
      value: `${num(t.share * 100)}%${t.count === undefined ? "" : ` (${t.count} children, the source's count)`} by ${iso(t.deadline)}`,
      label: Parameter.labelOf(t)
    })
  } else if (groups !== undefined) {
    out.push({
      path: "target",
      value: `${num(PP.valueAt(groups.programme.targetShare, start).value * 100)}% by ${iso(PP.valueAt(groups.programme.targetDeadline, start).value)} (profile programme.targetShare, targetDeadline)`,
      label: policyLabel(groups.programme.targetShare, start)
    })
  }
  if (groups !== undefined) {
    out.push({
      path: "policy.eligibility.adultAge",
      value: `${PP.valueAt(groups.eligibility.adultAge, start).value} years`,
      label: policyLabel(groups.eligibility.adultAge, start)
    })
    const steps = facts?.steps
    out.push({
      path: "policy.phases.contactSteps",
      value:
        steps === undefined
          ? `${PP.valueAt(groups.phases.contactSteps, start).value.length} steps`
          : steps.map((s) => `${s.id}: ${s.positiveContacts} positive contacts, ${s.minDwellDays} days`).join("; "),
      label: policyLabel(groups.phases.contactSteps, start)
    })
    out.push({
      path: "policy.monitoring.durationMonths",
      value: `${PP.valueAt(groups.monitoring.durationMonths, start).value} months`,
      label: policyLabel(groups.monitoring.durationMonths, start)
    })
    out.push({
      path: "policy.monitoring.schedule",
      value: PP.valueAt(groups.monitoring.schedule, start)
        .value.map((b) =>
          "intervalDays" in b
            ? `from day ${b.fromDay} every ${b.intervalDays} days`
            : `from day ${b.fromDay} every ${b.intervalMonths} months`
        )
        .join(", "),
      label: policyLabel(groups.monitoring.schedule, start)
    })
  }
  return out
}

/**
 * Counts of parameters by label kind.
 *
 * @example
 * ```ts
 * import { Labels, Scenarios } from "@homeward/simulate"
 *
 * Labels.tally(Labels.report(Scenarios.siemReap2017)) // { source: …, assumption: …, policy: …, unlabelled: … }
 * ```
 *
 * @since 0.2.0
 */
export const tally = (reports: ReadonlyArray<Parameter.Report>): Readonly<Record<Parameter.LabelKind, number>> => {
  const t = { source: 0, assumption: 0, policy: 0, unlabelled: 0 }
  for (const r of reports) t[r.label.kind]++
  return t
}
