/**
 * "What would adopting this policy have changed for our children?" Replays
 * recorded case histories from any event store under two policy profiles and
 * reports, case by case and in aggregate, which decisions of the core rules
 * change on a given day: reintegration eligibility
 * (`Eligibility.assessReintegration`), phase readiness (`Phase.canAdvance`),
 * monitoring visits due, overdue and missed (`Monitoring.monitoringStatus`)
 * and closure eligibility (`Closure.closureEligibility`). Reports carry only
 * codes, counts and case ids, never sensitive values.
 *
 * @since 0.1.0
 */
import {
  type CaseEvent,
  CaseState,
  Closure,
  type Decision,
  Eligibility,
  Monitoring,
  Phase,
  type PolicyProfile
} from "@homeward/core"

/**
 * Anything shaped like the core `EventStore` port's read side.
 *
 * @since 0.1.0
 */
export interface HistorySource {
  readAll(
    fromPosition?: number
  ): AsyncIterable<{ readonly caseId: string; readonly version: number; readonly event: CaseEvent.CaseEvent }>
}

/**
 * The decisions compared for one case under one profile.
 *
 * @since 0.1.0
 */
export interface CaseDecisions {
  readonly eligibility: string
  readonly readyToAdvance: boolean
  readonly next?: string
  readonly blockers: ReadonlyArray<string>
  readonly visitsDue: number
  readonly visitsOverdue: number
  readonly visitsMissed: number
  readonly monitoringEnd?: string
  readonly closureEligible: boolean
  readonly closureBlockers: ReadonlyArray<string>
}

/**
 * The aspects compared.
 *
 * @since 0.1.0
 */
export type Aspect = "eligibility" | "readiness" | "visits-due" | "monitoring-end" | "closure"

/**
 * One case's comparison.
 *
 * @since 0.1.0
 */
export interface CaseComparison {
  readonly caseId: string
  readonly phase: string
  readonly a: CaseDecisions
  readonly b: CaseDecisions
  readonly changed: ReadonlyArray<Aspect>
}

/**
 * The whole comparison.
 *
 * @since 0.1.0
 */
export interface Comparison {
  readonly asOf: string
  readonly profiles: {
    readonly a: { readonly id: string; readonly version: string }
    readonly b: { readonly id: string; readonly version: string }
  }
  readonly cases: ReadonlyArray<CaseComparison>
  readonly aggregate: {
    readonly cases: number
    readonly changed: number
    readonly byAspect: Readonly<Record<Aspect, number>>
    /** Eligibility transitions `a→b` with counts, e.g. `ready→not-yet`. */
    readonly eligibilityTransitions: Readonly<Record<string, number>>
    /** Cases ready to advance under a / b. */
    readonly readyA: number
    readonly readyB: number
    /** Monitoring visits due (in window) under a / b, summed over cases. */
    readonly visitsDueA: number
    readonly visitsDueB: number
    readonly visitsMissedA: number
    readonly visitsMissedB: number
    /** Cases eligible for closure under a / b. */
    readonly closureEligibleA: number
    readonly closureEligibleB: number
  }
}

const blockerCodes = (d: Decision.Decision<unknown>): ReadonlyArray<string> =>
  d.reasons.filter((r) => r.severity === "blocker").map((r) => r.code)

/**
 * The decisions of the core rules for one case state under one profile.
 *
 * @since 0.1.0
 */
export const decisionsOf = (
  state: CaseState.CaseState,
  profile: PolicyProfile.PolicyProfile,
  asOf: Date
): CaseDecisions => {
  const eligibility = Eligibility.assessReintegration(state, profile, asOf)
  const readiness = Phase.canAdvance(state, profile, asOf)
  const monitoring = Monitoring.monitoringStatus(state, profile, asOf)
  const closure = Closure.closureEligibility(state, profile, asOf)
  const next = readiness.outcome.next
  const end = monitoring.outcome.end
  return {
    eligibility: eligibility.outcome.kind,
    readyToAdvance: readiness.outcome.ready,
    ...(next === undefined ? {} : { next: next.step === undefined ? next.phase : `${next.phase}:${next.step}` }),
    blockers: blockerCodes(readiness),
    visitsDue: monitoring.outcome.due.length,
    visitsOverdue: monitoring.outcome.overdue.length,
    visitsMissed: monitoring.outcome.missed.length,
    ...(end === undefined ? {} : { monitoringEnd: end.toISOString().slice(0, 10) }),
    closureEligible: closure.outcome.eligible,
    closureBlockers: blockerCodes(closure)
  }
}

const changedAspects = (a: CaseDecisions, b: CaseDecisions): ReadonlyArray<Aspect> => {
  const out: Array<Aspect> = []
  if (a.eligibility !== b.eligibility) out.push("eligibility")
  if (a.readyToAdvance !== b.readyToAdvance || a.next !== b.next) out.push("readiness")
  if (a.visitsDue !== b.visitsDue || a.visitsOverdue !== b.visitsOverdue || a.visitsMissed !== b.visitsMissed)
    out.push("visits-due")
  if (a.monitoringEnd !== b.monitoringEnd) out.push("monitoring-end")
  if (a.closureEligible !== b.closureEligible) out.push("closure")
  return out
}

/**
 * Replay every case of a store under two profiles and compare the decisions
 * on `asOf`.
 *
 * @example
 * ```ts
 * import { EventStore, Profiles } from "@homeward/core"
 * import { Compare } from "@homeward/simulate"
 *
 * const store = EventStore.makeMemoryStore()
 * const report = await Compare.compareOnHistories(
 *   store, Profiles.unicefSiemReap2017, Profiles.azizasPlace, new Date("2019-01-01"))
 * report.aggregate.changed
 * ```
 *
 * @since 0.1.0
 */
export const compareOnHistories = async (
  store: HistorySource,
  profileA: PolicyProfile.PolicyProfile,
  profileB: PolicyProfile.PolicyProfile,
  asOf: Date
): Promise<Comparison> => {
  const streams = new Map<string, Array<{ version: number; event: CaseEvent.CaseEvent }>>()
  for await (const e of store.readAll(0)) {
    const s = streams.get(e.caseId) ?? []
    s.push({ version: e.version, event: e.event })
    streams.set(e.caseId, s)
  }
  const ids = [...streams.keys()].sort()
  const cases: Array<CaseComparison> = []
  const byAspect: Record<Aspect, number> = {
    eligibility: 0,
    readiness: 0,
    "visits-due": 0,
    "monitoring-end": 0,
    closure: 0
  }
  const transitions: Record<string, number> = {}
  const agg = {
    readyA: 0,
    readyB: 0,
    visitsDueA: 0,
    visitsDueB: 0,
    visitsMissedA: 0,
    visitsMissedB: 0,
    closureEligibleA: 0,
    closureEligibleB: 0
  }
  let changed = 0
  for (const id of ids) {
    const events = streams
      .get(id)!
      .sort((x, y) => x.version - y.version)
      .map((x) => x.event)
      .filter((e) => e.occurredOn.getTime() <= asOf.getTime())
    const state = CaseState.replay(id, events)
    const a = decisionsOf(state, profileA, asOf)
    const b = decisionsOf(state, profileB, asOf)
    const ch = changedAspects(a, b)
    if (ch.length > 0) changed++
    for (const x of ch) byAspect[x]++
    if (a.eligibility !== b.eligibility) {
      const k = `${a.eligibility}→${b.eligibility}`
      transitions[k] = (transitions[k] ?? 0) + 1
    }
    if (a.readyToAdvance) agg.readyA++
    if (b.readyToAdvance) agg.readyB++
    agg.visitsDueA += a.visitsDue
    agg.visitsDueB += b.visitsDue
    agg.visitsMissedA += a.visitsMissed
    agg.visitsMissedB += b.visitsMissed
    if (a.closureEligible) agg.closureEligibleA++
    if (b.closureEligible) agg.closureEligibleB++
    const phase = state.phase.step === undefined ? state.phase.phase : `${state.phase.phase}:${state.phase.step}`
    cases.push({ caseId: id, phase, a, b, changed: ch })
  }
  return {
    asOf: asOf.toISOString().slice(0, 10),
    profiles: { a: { id: profileA.id, version: profileA.version }, b: { id: profileB.id, version: profileB.version } },
    cases,
    aggregate: { cases: ids.length, changed, byAspect, eligibilityTransitions: transitions, ...agg }
  }
}
