/**
 * Case state: the fold of a case's events. `evolve(state, event)` is total
 * over valid events (an event that does not fit the current state is recorded
 * as an anomaly, never thrown; so is an event of another case),
 * `replay(caseId, events)` folds a case's whole stream, and `initial(caseId)`
 * is the state before any event.
 *
 * @since 0.1.0
 */
import type { ReunificationAgreement } from "./Agreement.js"
import type { Assessment, SafetyPlan } from "./Assessment.js"
import type { BestInterestDetermination } from "./BestInterest.js"
import { type AdmissionReason, type CareException, isPovertyOnly, type Placement } from "./Case.js"
import type { CaseClosureReason, CaseEvent } from "./CaseEvent.js"
import type { Child } from "./Child.js"
import type { ChildViews } from "./ChildViews.js"
import type { CaseConference } from "./Conference.js"
import type { Consent } from "./Consent.js"
import type { Contact } from "./Contact.js"
import type { ClosureAssessment, FollowUpVisit } from "./FollowUp.js"
import type { Household } from "./Household.js"
import type { YouthActivity } from "./IndependentLiving.js"
import type { PhaseRef } from "./Phase.js"
import type { SupportPayment, SupportPlan } from "./Support.js"

/**
 * A contact, with the phase step it was recorded in.
 *
 * @since 0.1.0
 */
export interface ContactInStep extends Contact {
  readonly phase: PhaseRef
}

/**
 * An incident and whether it is resolved.
 *
 * @since 0.1.0
 */
export interface Incident {
  readonly id: string
  readonly severity: "low" | "medium" | "high"
  readonly reportedOn: Date
  readonly resolvedOn?: Date
}

/**
 * A phase the case was in, from when to when.
 *
 * @since 0.1.0
 */
export interface PhaseSpan {
  readonly phase: PhaseRef
  readonly from: Date
  readonly to?: Date
  readonly override?: { readonly approvedBy: string; readonly justification: string }
}

/**
 * The state of one case.
 *
 * @since 0.1.0
 */
export interface CaseState {
  readonly caseId: string
  /** Number of events folded (the stream version). */
  readonly version: number
  readonly opened: boolean
  readonly status: "not-opened" | "open" | "closed"
  readonly child?: Child
  readonly institutionId?: string
  readonly agencyId?: string
  readonly socialWorkerId?: string
  readonly openedOn?: Date
  readonly admissionReasons: ReadonlyArray<AdmissionReason>
  /** Poverty (and access to education) was the only admission reason (UN Guidelines ¶15). */
  readonly povertyOnly: boolean
  readonly placement?: Placement
  readonly phase: PhaseRef
  readonly phaseSince?: Date
  readonly phaseHistory: ReadonlyArray<PhaseSpan>
  readonly households: Readonly<Record<string, Household>>
  readonly assessments: ReadonlyArray<Assessment>
  readonly views: ReadonlyArray<ChildViews>
  readonly determinations: ReadonlyArray<BestInterestDetermination>
  readonly consents: Readonly<Record<string, Consent>>
  readonly contacts: ReadonlyArray<ContactInStep>
  readonly incidents: Readonly<Record<string, Incident>>
  readonly supportPlans: ReadonlyArray<SupportPlan>
  readonly payments: ReadonlyArray<SupportPayment>
  /** Day of the current reunification (start of monitoring). */
  readonly reunifiedOn?: Date
  readonly monitoringVisits: ReadonlyArray<FollowUpVisit>
  readonly closureAssessments: ReadonlyArray<ClosureAssessment>
  readonly closure?: { readonly reason: CaseClosureReason; readonly on: Date }
  readonly breakdowns: number
  readonly transfers: number
  /** Safety plans, by date. */
  readonly safetyPlans: ReadonlyArray<SafetyPlan>
  /** Reunification agreements, by date. */
  readonly agreements: ReadonlyArray<ReunificationAgreement>
  /** Case conferences, by date. */
  readonly conferences: ReadonlyArray<CaseConference>
  /** Exceptions allowing a young child in residential care, by start date. */
  readonly careExceptions: ReadonlyArray<CareException>
  /** Work and study records of a youth, by date. */
  readonly activities: ReadonlyArray<YouthActivity>
  /** Referrals to other agencies. */
  readonly referrals: ReadonlyArray<{ readonly id: string; readonly toAgencyId: string; readonly on: Date }>
  /** Start of the current episode of care: the case's opening, its last breakdown or its last reopening. */
  readonly episodeSince?: Date
  /** The distinct days on which something was recorded (events' `occurredOn`), ascending. */
  readonly eventDays: ReadonlyArray<Date>
  readonly lastEventOn?: Date
  /** Events that did not fit the state when folded (e.g. an event before the case was opened). */
  readonly anomalies: ReadonlyArray<{ readonly eventId: string; readonly type: string; readonly problem: string }>
}

/**
 * The state before any event.
 *
 * @since 0.1.0
 */
export const initial = (caseId: string): CaseState => ({
  caseId,
  version: 0,
  opened: false,
  status: "not-opened",
  admissionReasons: [],
  povertyOnly: false,
  phase: { phase: "intake" },
  phaseHistory: [],
  households: {},
  assessments: [],
  views: [],
  determinations: [],
  consents: {},
  contacts: [],
  incidents: {},
  supportPlans: [],
  payments: [],
  monitoringVisits: [],
  closureAssessments: [],
  breakdowns: 0,
  transfers: 0,
  safetyPlans: [],
  agreements: [],
  conferences: [],
  careExceptions: [],
  activities: [],
  referrals: [],
  eventDays: [],
  anomalies: []
})

const withDay = (days: ReadonlyArray<Date>, on: Date): ReadonlyArray<Date> => {
  const t = on.getTime()
  let i = days.length
  while (i > 0 && days[i - 1]!.getTime() > t) i--
  if (i > 0 && days[i - 1]!.getTime() === t) return days
  const out = [...days]
  out.splice(i, 0, on)
  return out
}

const byDate = <T>(xs: ReadonlyArray<T>, x: T, date: (t: T) => Date): ReadonlyArray<T> => {
  const out = [...xs]
  let i = out.length
  while (i > 0 && date(out[i - 1]!).getTime() > date(x).getTime()) i--
  out.splice(i, 0, x)
  return out
}

const enter = (s: CaseState, phase: PhaseRef, on: Date, override?: PhaseSpan["override"]): CaseState => {
  const history = s.phaseHistory.map((h, i) =>
    i === s.phaseHistory.length - 1 && h.to === undefined ? { ...h, to: on } : h
  )
  const span: PhaseSpan = override === undefined ? { phase, from: on } : { phase, from: on, override }
  return { ...s, phase, phaseSince: on, phaseHistory: [...history, span] }
}

/**
 * Fold one event into the state. Total: never throws on a valid event. An
 * event whose `caseId` is not the state's is not applied: the state only gains
 * an anomaly (`event of another case`).
 *
 * @example
 * ```ts
 * import { CaseState } from "@homeward/core"
 *
 * const s0 = CaseState.initial("case-1")
 * s0.phase.phase // "intake"
 * ```
 *
 * @since 0.1.0
 */
export const evolve = (state: CaseState, event: CaseEvent): CaseState => {
  if (event.caseId !== state.caseId)
    return {
      ...state,
      anomalies: [...state.anomalies, { eventId: event.eventId, type: event.type, problem: "event of another case" }]
    }
  const on = event.occurredOn
  let s: CaseState = { ...state, version: state.version + 1, lastEventOn: on, eventDays: withDay(state.eventDays, on) }
  if (!s.opened && event.type !== "CaseOpened") {
    s = {
      ...s,
      anomalies: [...s.anomalies, { eventId: event.eventId, type: event.type, problem: "event before CaseOpened" }]
    }
  }
  switch (event.type) {
    case "CaseOpened": {
      if (state.opened) {
        return {
          ...s,
          anomalies: [...s.anomalies, { eventId: event.eventId, type: event.type, problem: "case opened twice" }]
        }
      }
      s = {
        ...s,
        opened: true,
        status: "open",
        child: event.child,
        institutionId: event.institutionId,
        agencyId: event.agencyId,
        socialWorkerId: event.socialWorkerId,
        openedOn: on,
        admissionReasons: event.admissionReasons,
        povertyOnly: isPovertyOnly(event.admissionReasons),
        placement: event.placement,
        episodeSince: on
      }
      return enter(s, { phase: "intake" }, on)
    }
    case "WorkerAssigned":
      return { ...s, socialWorkerId: event.socialWorkerId }
    case "Assessed":
      return { ...s, assessments: byDate(s.assessments, event.assessment, (a) => a.date) }
    case "FamilyTraced":
      return { ...s, households: { ...s.households, [event.household.id]: event.household } }
    case "ViewsRecorded":
      return { ...s, views: byDate(s.views, event.views, (v) => v.date) }
    case "BestInterestDetermined":
      return { ...s, determinations: byDate(s.determinations, event.determination, (d) => d.date) }
    case "ConsentRecorded":
      return { ...s, consents: { ...s.consents, [event.consent.id]: event.consent } }
    case "ConsentWithdrawn": {
      const c = s.consents[event.consentId]
      if (c === undefined) {
        return {
          ...s,
          anomalies: [...s.anomalies, { eventId: event.eventId, type: event.type, problem: "unknown consent" }]
        }
      }
      return { ...s, consents: { ...s.consents, [c.id]: { ...c, withdrawnOn: event.withdrawnOn } } }
    }
    case "PhaseAdvanced":
      return enter(s, event.to, on, event.override)
    case "PhaseSteppedBack":
      return enter(s, event.to, on)
    case "ContactRecorded":
      return { ...s, contacts: byDate(s.contacts, { ...event.contact, phase: s.phase }, (c) => c.date) }
    case "IncidentReported":
      return {
        ...s,
        incidents: {
          ...s.incidents,
          [event.incidentId]: { id: event.incidentId, severity: event.severity, reportedOn: on }
        }
      }
    case "IncidentResolved": {
      const i = s.incidents[event.incidentId]
      if (i === undefined) {
        return {
          ...s,
          anomalies: [...s.anomalies, { eventId: event.eventId, type: event.type, problem: "unknown incident" }]
        }
      }
      return { ...s, incidents: { ...s.incidents, [i.id]: { ...i, resolvedOn: on } } }
    }
    case "SupportScheduled":
      return { ...s, supportPlans: [...s.supportPlans.filter((p) => p.id !== event.plan.id), event.plan] }
    case "SupportPaid":
      return { ...s, payments: byDate(s.payments, event.payment, (p) => p.paidOn) }
    case "Reunified":
      return enter(
        { ...s, placement: event.placement, reunifiedOn: event.placement.since },
        { phase: "reunified" },
        on,
        event.override
      )
    case "Placed":
      return { ...s, placement: event.placement }
    case "MonitoringVisitRecorded":
      return { ...s, monitoringVisits: byDate(s.monitoringVisits, event.visit, (v) => v.date) }
    case "ClosureAssessed":
      return { ...s, closureAssessments: byDate(s.closureAssessments, event.assessment, (a) => a.date) }
    case "BrokeDown": {
      const { reunifiedOn: _dropped, ...rest } = s
      return enter(
        { ...rest, placement: event.placement, breakdowns: s.breakdowns + 1, episodeSince: on },
        { phase: "returned-to-care" },
        on
      )
    }
    case "CaseTransferred":
      return enter(
        {
          ...s,
          agencyId: event.toAgencyId,
          ...(event.toSocialWorkerId === undefined ? {} : { socialWorkerId: event.toSocialWorkerId }),
          transfers: s.transfers + 1
        },
        { phase: "transferred" },
        on
      )
    case "CaseClosed":
      return enter({ ...s, status: "closed", closure: { reason: event.closureReason, on } }, { phase: "closed" }, on)
    case "CaseReopened": {
      const { closure: _closed, reunifiedOn: _r, ...rest } = s
      return enter(
        { ...rest, status: "open", placement: event.placement, episodeSince: on },
        { phase: "assessment" },
        on
      )
    }
    case "SafetyPlanRecorded":
      return { ...s, safetyPlans: byDate(s.safetyPlans, event.plan, (p) => p.date) }
    case "AgreementSigned":
      return { ...s, agreements: byDate(s.agreements, event.agreement, (a) => a.date) }
    case "CaseConferenceHeld":
      return { ...s, conferences: byDate(s.conferences, event.conference, (c) => c.date) }
    case "CareExceptionRecorded":
      return { ...s, careExceptions: byDate(s.careExceptions, event.exception, (e) => e.from) }
    case "ActivityRecorded":
      return { ...s, activities: byDate(s.activities, event.activity, (a) => a.date) }
    case "Referred":
      return { ...s, referrals: [...s.referrals, { id: event.referralId, toAgencyId: event.toAgencyId, on }] }
  }
}

/**
 * Fold the event stream of case `caseId` (as read from a store) from the
 * initial state. The case id is required: an event of another case is not
 * folded in but recorded in `anomalies` (problem `event of another case`,
 * with the event's id and type), so that a stream mixed up by the caller shows
 * in the state instead of as a later unrelated error.
 *
 * @example
 * ```ts
 * import { CaseState } from "@homeward/core"
 *
 * const s = CaseState.replay("case-1", [])
 * s.caseId // "case-1"
 * s.version // 0
 * ```
 *
 * @since 0.1.0
 */
export const replay = (caseId: string, events: Iterable<CaseEvent>): CaseState => {
  let s = initial(caseId)
  for (const e of events) s = evolve(s, e)
  return s
}

/**
 * Open incidents (reported, not resolved).
 *
 * @since 0.1.0
 */
export const openIncidents = (s: CaseState): ReadonlyArray<Incident> =>
  Object.values(s.incidents).filter((i) => i.resolvedOn === undefined)

/**
 * The latest assessment of a kind, if any.
 *
 * @since 0.1.0
 */
export const latestAssessment = (s: CaseState, kind: Assessment["kind"]): Assessment | undefined => {
  for (let i = s.assessments.length - 1; i >= 0; i--) if (s.assessments[i]!.kind === kind) return s.assessments[i]
  return undefined
}
