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
import type { ApprovalRecord } from "./Approval.js"
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
import type { ReferralRecord } from "./Referral.js"
import type { SupportPayment, SupportPlan } from "./Support.js"
import type { TransferRecord } from "./Transfer.js"

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
  /** Referrals to other agencies, in the order made, with their status (since 0.3.0). */
  readonly referrals: ReadonlyArray<ReferralRecord>
  /** Transfer requests, in the order made (since 0.3.0). */
  readonly transferRequests: ReadonlyArray<TransferRecord>
  /** Approval requests by id (since 0.3.0). */
  readonly approvals: Readonly<Record<string, ApprovalRecord>>
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
 * @example
 * ```ts
 * import { CaseState } from "@homeward/core"
 *
 * const s = CaseState.initial("case-1")
 * s.version // 0: no event yet
 * s.opened // false
 * ```
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
  transferRequests: [],
  approvals: {},
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Enter a phase: `s` is a state made for this event (its fields are set, nothing it shares is changed). */
const enter = (s: Mutable<CaseState>, phase: PhaseRef, on: Date, override?: PhaseSpan["override"]): CaseState => {
  const before = s.phaseHistory
  const n = before.length
  const history: Array<PhaseSpan> = new Array(n + 1)
  for (let i = 0; i < n; i++) {
    const h = before[i]!
    history[i] = i === n - 1 && h.to === undefined ? { ...h, to: on } : h
  }
  history[n] = override === undefined ? { phase, from: on } : { phase, from: on, override }
  s.phase = phase
  s.phaseSince = on
  s.phaseHistory = history
  return s
}

const anomaly = (s: CaseState, event: CaseEvent, problem: string): CaseState => ({
  ...s,
  anomalies: [...s.anomalies, { eventId: event.eventId, type: event.type, problem }]
})

const referralTo = (
  s: CaseState,
  event: CaseEvent & { readonly referralId: string },
  status: ReferralRecord["status"],
  extra: Partial<ReferralRecord> = {}
): CaseState => {
  const r = s.referrals.find((x) => x.id === event.referralId)
  if (r === undefined) return anomaly(s, event, "unknown referral")
  return {
    ...s,
    referrals: s.referrals.map((x) => (x.id === r.id ? { ...x, ...extra, status, statusOn: event.occurredOn } : x))
  }
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
  // One copy per event: `s` is new, so setting its fields changes nothing anyone else holds.
  const s: Mutable<CaseState> = {
    ...state,
    version: state.version + 1,
    lastEventOn: on,
    eventDays: withDay(state.eventDays, on)
  }
  if (!s.opened && event.type !== "CaseOpened") {
    s.anomalies = [...s.anomalies, { eventId: event.eventId, type: event.type, problem: "event before CaseOpened" }]
  }
  switch (event.type) {
    case "CaseOpened": {
      if (state.opened) {
        s.anomalies = [...s.anomalies, { eventId: event.eventId, type: event.type, problem: "case opened twice" }]
        return s
      }
      s.opened = true
      s.status = "open"
      s.child = event.child
      s.institutionId = event.institutionId
      s.agencyId = event.agencyId
      s.socialWorkerId = event.socialWorkerId
      s.openedOn = on
      s.admissionReasons = event.admissionReasons
      s.povertyOnly = isPovertyOnly(event.admissionReasons)
      s.placement = event.placement
      s.episodeSince = on
      return enter(s, { phase: "intake" }, on)
    }
    case "WorkerAssigned":
      s.socialWorkerId = event.socialWorkerId
      return s
    case "Assessed":
      s.assessments = byDate(s.assessments, event.assessment, (a) => a.date)
      return s
    case "FamilyTraced":
      s.households = { ...s.households, [event.household.id]: event.household }
      return s
    case "ViewsRecorded":
      s.views = byDate(s.views, event.views, (v) => v.date)
      return s
    case "BestInterestDetermined":
      s.determinations = byDate(s.determinations, event.determination, (d) => d.date)
      return s
    case "ConsentRecorded":
      s.consents = { ...s.consents, [event.consent.id]: event.consent }
      return s
    case "ConsentWithdrawn": {
      const c = s.consents[event.consentId]
      if (c === undefined) {
        s.anomalies = [...s.anomalies, { eventId: event.eventId, type: event.type, problem: "unknown consent" }]
        return s
      }
      s.consents = { ...s.consents, [c.id]: { ...c, withdrawnOn: event.withdrawnOn } }
      return s
    }
    case "PhaseAdvanced":
      return enter(s, event.to, on, event.override)
    case "PhaseSteppedBack":
      return enter(s, event.to, on)
    case "ContactRecorded":
      s.contacts = byDate(s.contacts, { ...event.contact, phase: s.phase }, (c) => c.date)
      return s
    case "IncidentReported":
      s.incidents = {
        ...s.incidents,
        [event.incidentId]: { id: event.incidentId, severity: event.severity, reportedOn: on }
      }
      return s
    case "IncidentResolved": {
      const i = s.incidents[event.incidentId]
      if (i === undefined) {
        s.anomalies = [...s.anomalies, { eventId: event.eventId, type: event.type, problem: "unknown incident" }]
        return s
      }
      s.incidents = { ...s.incidents, [i.id]: { ...i, resolvedOn: on } }
      return s
    }
    case "SupportScheduled":
      s.supportPlans = [...s.supportPlans.filter((p) => p.id !== event.plan.id), event.plan]
      return s
    case "SupportPaid":
      s.payments = byDate(s.payments, event.payment, (p) => p.paidOn)
      return s
    case "Reunified":
      s.placement = event.placement
      s.reunifiedOn = event.placement.since
      return enter(s, { phase: "reunified" }, on, event.override)
    case "Placed":
      s.placement = event.placement
      return s
    case "MonitoringVisitRecorded":
      s.monitoringVisits = byDate(s.monitoringVisits, event.visit, (v) => v.date)
      return s
    case "ClosureAssessed":
      s.closureAssessments = byDate(s.closureAssessments, event.assessment, (a) => a.date)
      return s
    case "BrokeDown": {
      const { reunifiedOn: _dropped, ...rest } = s
      return enter(
        { ...rest, placement: event.placement, breakdowns: s.breakdowns + 1, episodeSince: on },
        { phase: "returned-to-care" },
        on
      )
    }
    case "CaseTransferred":
      s.agencyId = event.toAgencyId
      if (event.toSocialWorkerId !== undefined) s.socialWorkerId = event.toSocialWorkerId
      s.transfers = s.transfers + 1
      return enter(s, { phase: "transferred" }, on)
    case "CaseClosed":
      s.status = "closed"
      s.closure = { reason: event.closureReason, on }
      return enter(s, { phase: "closed" }, on)
    case "CaseReopened": {
      const { closure: _closed, reunifiedOn: _r, ...rest } = s
      return enter(
        { ...rest, status: "open", placement: event.placement, episodeSince: on },
        { phase: "assessment" },
        on
      )
    }
    case "SafetyPlanRecorded":
      s.safetyPlans = byDate(s.safetyPlans, event.plan, (p) => p.date)
      return s
    case "AgreementSigned":
      s.agreements = byDate(s.agreements, event.agreement, (a) => a.date)
      return s
    case "CaseConferenceHeld":
      s.conferences = byDate(s.conferences, event.conference, (c) => c.date)
      return s
    case "CareExceptionRecorded":
      s.careExceptions = byDate(s.careExceptions, event.exception, (e) => e.from)
      return s
    case "ActivityRecorded":
      s.activities = byDate(s.activities, event.activity, (a) => a.date)
      return s
    case "Referred":
      return {
        ...s,
        referrals: [
          ...s.referrals,
          {
            id: event.referralId,
            toAgencyId: event.toAgencyId,
            on,
            status: "pending",
            ...(event.service === undefined ? {} : { service: event.service }),
            ...(event.serviceType === undefined ? {} : { serviceType: event.serviceType }),
            ...(event.dueOn === undefined ? {} : { dueOn: event.dueOn })
          }
        ]
      }
    case "ReferralAccepted":
      return referralTo(s, event, "accepted")
    case "ReferralDeclined":
      return referralTo(s, event, "declined", { declineReason: event.declineReason })
    case "ReferralCompleted":
      return referralTo(s, event, "done")
    case "ReferralClosed":
      return referralTo(s, event, "closed")
    case "TransferRequested":
      return {
        ...s,
        transferRequests: [
          ...s.transferRequests,
          {
            id: event.transferId,
            ...(s.agencyId === undefined ? {} : { fromAgencyId: s.agencyId }),
            ...(s.socialWorkerId === undefined ? {} : { fromSocialWorkerId: s.socialWorkerId }),
            toAgencyId: event.toAgencyId,
            ...(event.toSocialWorkerId === undefined ? {} : { toSocialWorkerId: event.toSocialWorkerId }),
            requestedOn: on,
            requestedBy: event.actor.id,
            status: "pending"
          }
        ]
      }
    case "TransferAccepted": {
      const t = s.transferRequests.find((x) => x.id === event.transferId)
      if (t === undefined || t.status !== "pending") return anomaly(s, event, "no pending transfer with this id")
      const done: CaseState = {
        ...s,
        transferRequests: s.transferRequests.map((x) =>
          x.id === t.id ? { ...x, status: "accepted" as const, decidedOn: on } : x
        ),
        agencyId: t.toAgencyId
      }
      const { socialWorkerId: _previous, ...withoutWorker } = done
      const owned: CaseState =
        t.toSocialWorkerId === undefined
          ? t.toAgencyId === s.agencyId
            ? done
            : withoutWorker
          : { ...done, socialWorkerId: t.toSocialWorkerId }
      return t.toAgencyId === s.agencyId
        ? owned
        : enter({ ...owned, transfers: s.transfers + 1 }, { phase: "transferred" }, on)
    }
    case "TransferRejected": {
      const t = s.transferRequests.find((x) => x.id === event.transferId)
      if (t === undefined || t.status !== "pending") return anomaly(s, event, "no pending transfer with this id")
      return {
        ...s,
        transferRequests: s.transferRequests.map((x) =>
          x.id === t.id ? { ...x, status: "rejected" as const, decidedOn: on, rejectReason: event.rejectReason } : x
        )
      }
    }
    case "ApprovalRequested":
      if (s.approvals[event.approvalId] !== undefined) return anomaly(s, event, "approval id already used")
      return {
        ...s,
        approvals: {
          ...s.approvals,
          [event.approvalId]: {
            id: event.approvalId,
            step: event.step,
            ...(event.subjectId === undefined ? {} : { subjectId: event.subjectId }),
            requestedBy: event.actor.id,
            requestedOn: on,
            status: "pending"
          }
        }
      }
    case "ApprovalGranted":
    case "ApprovalRejected": {
      const a = s.approvals[event.approvalId]
      if (a === undefined || a.status !== "pending") return anomaly(s, event, "no pending approval with this id")
      return {
        ...s,
        approvals: {
          ...s.approvals,
          [a.id]: {
            ...a,
            status: event.type === "ApprovalGranted" ? "approved" : "rejected",
            decidedBy: event.actor.id,
            decidedRole: event.actor.role,
            decidedOn: on,
            ...(event.comment === undefined ? {} : { comment: event.comment })
          }
        }
      }
    }
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
 * @example
 * ```ts
 * import { CaseState } from "@homeward/core"
 *
 * CaseState.openIncidents(CaseState.initial("case-1")) // []
 * ```
 *
 * @since 0.1.0
 */
export const openIncidents = (s: CaseState): ReadonlyArray<Incident> =>
  Object.values(s.incidents).filter((i) => i.resolvedOn === undefined)

/**
 * The latest assessment of a kind, if any.
 *
 * @example
 * ```ts
 * import { CaseState } from "@homeward/core"
 *
 * CaseState.latestAssessment(CaseState.initial("case-1"), "family") // undefined: none yet
 * ```
 *
 * @since 0.1.0
 */
export const latestAssessment = (s: CaseState, kind: Assessment["kind"]): Assessment | undefined => {
  for (let i = s.assessments.length - 1; i >= 0; i--) if (s.assessments[i]!.kind === kind) return s.assessments[i]
  return undefined
}
