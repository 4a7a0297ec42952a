/**
 * What case workers see on a day: for every open case, the monitoring visits
 * due, overdue and missed and red-visit escalations (`Monitoring.monitoringStatus`),
 * whether it is ready to move to its next step (`Phase.canAdvance` with
 * `Eligibility.assessReintegration`) or what blocks it, and whether a
 * reunified case may close (`Closure.closureEligibility`). Lines carry the
 * pseudonymous case id only, never a name.
 */
import {
  BestInterestChecks,
  type CaseState,
  Closure,
  Eligibility,
  Monitoring,
  Phase,
  PolicyProfile
} from "@homeward/core"

const day = (d: Date) => d.toISOString().slice(0, 10)

/** One line of a worker's list. */
export interface Line {
  readonly caseId: string
  readonly phase: string
  readonly detail: string
}

/** A social worker's lists. */
export interface Worklist {
  readonly socialWorkerId: string
  readonly open: number
  readonly visits: ReadonlyArray<Line>
  readonly ready: ReadonlyArray<Line>
  readonly blocked: ReadonlyArray<Line>
  readonly closable: ReadonlyArray<Line>
}

/** A readable name for a pathway position. */
export const phaseLabel = (p: Phase.PhaseRef, profile: PolicyProfile.PolicyProfile, asOf: Date): string => {
  if (p.phase !== "gradual-contact") return p.phase
  const steps = PolicyProfile.resolve(profile, asOf).values.phases.contactSteps
  const i = steps.findIndex((s) => s.id === p.step)
  return `contact ${i + 1}/${steps.length} (${p.step})`
}

/** Build the lists of every social worker with open cases, sorted by worker id. */
export const worklists = (
  cases: ReadonlyArray<CaseState.CaseState>,
  profile: PolicyProfile.PolicyProfile,
  asOf: Date
): ReadonlyArray<Worklist> => {
  const by = new Map<
    string,
    { open: number; visits: Array<Line>; ready: Array<Line>; blocked: Array<Line>; closable: Array<Line> }
  >()
  for (const s of [...cases].sort((a, b) => a.caseId.localeCompare(b.caseId))) {
    if (s.status !== "open") continue
    const w = s.socialWorkerId ?? "(unassigned)"
    const x = by.get(w) ?? { open: 0, visits: [], ready: [], blocked: [], closable: [] }
    by.set(w, x)
    x.open++
    const phase = phaseLabel(s.phase, profile, asOf)
    if (s.phase.phase === "reunified") {
      const m = Monitoring.monitoringStatus(s, profile, asOf).outcome
      const overdue = new Set(m.overdue.map((p) => p.index))
      for (const p of m.missed)
        x.visits.push({ caseId: s.caseId, phase, detail: `visit ${p.index} MISSED (window ended ${day(p.windowEnd)})` })
      for (const p of m.due)
        x.visits.push({
          caseId: s.caseId,
          phase,
          detail: `visit ${p.index} ${overdue.has(p.index) ? "OVERDUE" : "due"} (due ${day(p.due)}, window ends ${day(p.windowEnd)})`
        })
      if (m.escalation !== undefined)
        x.visits.push({
          caseId: s.caseId,
          phase,
          detail: `RED visit on ${day(m.escalation.visitedOn)}: respond by ${day(m.escalation.respondBy)}${m.escalation.overdue ? " (response OVERDUE)" : ""}`
        })
      const c = Closure.closureEligibility(s, profile, asOf, "reintegration-complete")
      if (c.outcome.eligible)
        x.closable.push({
          caseId: s.caseId,
          phase,
          detail: "may close: reintegration complete (monitoring and Form 6 done)"
        })
      continue
    }
    const eligibility = Eligibility.assessReintegration(s, profile, asOf)
    const next = Phase.canAdvance(s, profile, asOf, { eligibility })
    if (next.outcome.ready) {
      x.ready.push({
        caseId: s.caseId,
        phase,
        detail: `ready for ${next.outcome.next === undefined ? "the next step" : phaseLabel(next.outcome.next, profile, asOf)}`
      })
      continue
    }
    const messages = new Set(next.reasons.filter((r) => r.severity === "blocker").map((r) => r.message))
    if (s.phase.phase === "preparation" || s.phase.phase === "gradual-contact")
      for (const r of BestInterestChecks.bestInterestChecks(s, profile, asOf).reasons)
        if (r.severity === "blocker") messages.add(r.message)
    for (const m of messages) x.blocked.push({ caseId: s.caseId, phase, detail: m })
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([socialWorkerId, x]) => ({ socialWorkerId, ...x }))
}
