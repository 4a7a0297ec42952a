/**
 * The case decider: commands in, events out. `decide(state, command, profile,
 * asOf)` checks a command against the case state and the rules (phase order
 * and readiness, closure eligibility, closed cases) and returns plain data:
 * `{ ok: true, events }` or `{ ok: false, reasons }`. `evolve` folds events
 * into state (it is `CaseState.evolve`); `CaseState.replay(caseId, events)`
 * folds a stream. Event ids
 * are deterministic: `${caseId}#${version}`. Effect users get
 * `decideEffect` and the command Schemas to decode commands from JSON.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { ReunificationAgreement } from "./Agreement.js"
import { approvalCheck, source as approvalSource, requiredApprovers } from "./Approval.js"
import { Assessment, SafetyPlan } from "./Assessment.js"
import { BestInterestDetermination } from "./BestInterest.js"
import { AdmissionReason, CareException, isFamilyBased, Placement } from "./Case.js"
import { CaseClosureReason, type CaseEvent, IncidentSeverity } from "./CaseEvent.js"
import type { CaseState } from "./CaseState.js"
import { ageOn, Child } from "./Child.js"
import { ChildViews } from "./ChildViews.js"
import { closureEligibility } from "./Closure.js"
import { Actor, Id, IsoDate, IsoDateTime, SensitiveText, Text } from "./Common.js"
import { CaseConference, conferenceHeld } from "./Conference.js"
import { Consent, consentCovers } from "./Consent.js"
import { Contact } from "./Contact.js"
import type { Reason } from "./Decision.js"
import { ClosureAssessment, FollowUpVisit } from "./FollowUp.js"
import { Household } from "./Household.js"
import { YouthActivity } from "./IndependentLiving.js"
import { dayNumber, dayOf } from "./internal/dates.js"
import { homeward } from "./internal/ruleSources.js"
import { checkMove, indexOf, nextOf, Override, PhaseRef, previousOf } from "./Phase.js"
import { ApprovalStep, ApproverRole, type Citation, cite, type PolicyProfile, resolve } from "./PolicyProfile.js"
import { DeclineReason, ServiceType } from "./Referral.js"
import { SupportPayment, SupportPlan } from "./Support.js"
import { RejectReason, type TransferRecord } from "./Transfer.js"
import { decodeUnknown } from "./Validation.js"

export {
  /**
   * Fold one event into the state (`CaseState.evolve`).
   *
   * @since 0.1.0
   */
  evolve,
  /**
   * The state before any event (`CaseState.initial`).
   *
   * @since 0.1.0
   */
  initial
} from "./CaseState.js"

const envelope = {
  /** Optional: when given it must be the case's id. */
  caseId: Schema.optionalKey(Id),
  actor: Actor,
  recordedAt: IsoDateTime,
  /** The day it happened; default: the day of `asOf`. */
  occurredOn: Schema.optionalKey(IsoDate),
  reason: Schema.optionalKey(SensitiveText)
}

const command = <const T extends string, const F extends Schema.Struct.Fields>(type: T, fields: F) =>
  Schema.Struct({ type: Schema.Literal(type), ...envelope, ...fields }).annotate({ identifier: `${type}Command` })

/**
 * Open a case for a child in care: the child, the institution, agency, social worker, admission reasons and placement.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.OpenCase, { type: "OpenCase", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // child, institutionId, …: missing
 * ```
 *
 * @since 0.1.0
 */
export const OpenCase = command("OpenCase", {
  child: Child,
  institutionId: Id,
  agencyId: Id,
  socialWorkerId: Id,
  admissionReasons: Schema.Array(AdmissionReason).check(Schema.isMinLength(1)),
  placement: Placement
})
/**
 * Assign a (new) social worker to the case.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.AssignWorker, {
 *   type: "AssignWorker", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", socialWorkerId: "sw-2"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const AssignWorker = command("AssignWorker", { socialWorkerId: Id })
/**
 * Record an assessment (child, family, home or readiness).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordAssessment, { type: "RecordAssessment", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // assessment: missing
 * ```
 *
 * @since 0.1.0
 */
export const RecordAssessment = command("RecordAssessment", { assessment: Assessment })
/**
 * Record the traced family: the household and its members.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.TraceFamily, { type: "TraceFamily", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // household: missing
 * ```
 *
 * @since 0.1.0
 */
export const TraceFamily = command("TraceFamily", { household: Household })
/**
 * Record the child's views and wishes.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordViews, { type: "RecordViews", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // views: missing
 * ```
 *
 * @since 0.1.0
 */
export const RecordViews = command("RecordViews", { views: ChildViews })
/**
 * Record a best-interest determination.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.DetermineBestInterest, { type: "DetermineBestInterest", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // determination: missing
 * ```
 *
 * @since 0.1.0
 */
export const DetermineBestInterest = command("DetermineBestInterest", { determination: BestInterestDetermination })
/**
 * Record a consent for a purpose (e.g. reunification, information sharing).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordConsent, { type: "RecordConsent", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // consent: missing
 * ```
 *
 * @since 0.1.0
 */
export const RecordConsent = command("RecordConsent", { consent: Consent })
/**
 * Withdraw a recorded consent (`consentId`), from `withdrawnOn` (default: the day of the command).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.WithdrawConsent, {
 *   type: "WithdrawConsent", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", consentId: "cons-1", withdrawnOn: "2018-06-30"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const WithdrawConsent = command("WithdrawConsent", {
  consentId: Id,
  withdrawnOn: Schema.optionalKey(IsoDate)
})
/**
 * Move forward: to the next phase, or to an explicit later target (`to`),
 * which needs an `override` when it skips a step or when the readiness rules
 * are not met.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.Advance, {
 *   type: "Advance", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const Advance = command("Advance", { to: Schema.optionalKey(PhaseRef), override: Schema.optionalKey(Override) })
/**
 * Step back on a concern (always allowed from assessment up to the last
 * contact step); default target: one step back.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.StepBack, {
 *   type: "StepBack", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", concern: "the child was frightened after the last overnight stay"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const StepBack = command("StepBack", { concern: Text, to: Schema.optionalKey(PhaseRef) })
/**
 * Record a contact between the child and the family during gradual contact.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordContact, { type: "RecordContact", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // contact: missing
 * ```
 *
 * @since 0.1.0
 */
export const RecordContact = command("RecordContact", { contact: Contact })
/**
 * Report an incident with its severity; it stays open until resolved.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.ReportIncident, {
 *   type: "ReportIncident", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", incidentId: "inc-1", severity: "medium"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const ReportIncident = command("ReportIncident", {
  incidentId: Id,
  severity: IncidentSeverity,
  description: Schema.optionalKey(SensitiveText)
})
/**
 * Resolve a reported incident (`incidentId`).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.ResolveIncident, {
 *   type: "ResolveIncident", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", incidentId: "inc-1"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const ResolveIncident = command("ResolveIncident", { incidentId: Id })
/**
 * Schedule a support plan for the family.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.ScheduleSupport, { type: "ScheduleSupport", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // plan: missing
 * ```
 *
 * @since 0.1.0
 */
export const ScheduleSupport = command("ScheduleSupport", { plan: SupportPlan })
/**
 * Record a support payment to the family.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.PaySupport, { type: "PaySupport", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // payment: missing
 * ```
 *
 * @since 0.1.0
 */
export const PaySupport = command("PaySupport", { payment: SupportPayment })
/**
 * The child returns to a family or community placement (from the last
 * contact step when ready, or with an override).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.Reunify, {
 *   type: "Reunify", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", placement: { type: "kinship", since: "2018-09-01", householdId: "HH-1" }
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const Reunify = command("Reunify", { placement: Placement, override: Schema.optionalKey(Override) })
/**
 * Place the child elsewhere (e.g. a temporary placement in a residential facility that meets minimum standards).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.Place, {
 *   type: "Place", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", placement: { type: "transitional-shelter", since: "2018-09-01", institutionId: "inst-2" }
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const Place = command("Place", { placement: Placement })
/**
 * Record a follow-up (monitoring) visit after reunification.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordMonitoringVisit, { type: "RecordMonitoringVisit", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // visit: missing
 * ```
 *
 * @since 0.1.0
 */
export const RecordMonitoringVisit = command("RecordMonitoringVisit", { visit: FollowUpVisit })
/**
 * Record the closure assessment (child and family criteria).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.AssessClosure, { type: "AssessClosure", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // assessment: missing
 * ```
 *
 * @since 0.1.0
 */
export const AssessClosure = command("AssessClosure", { assessment: ClosureAssessment })
/**
 * Record that reintegration broke down and the child returned to care.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordBreakdown, {
 *   type: "RecordBreakdown", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", placement: { type: "residential-care", since: "2019-02-01", institutionId: "inst-1" }
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const RecordBreakdown = command("RecordBreakdown", { placement: Placement })
/**
 * Transfer the case to another agency (and optionally a named social worker).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.Transfer, {
 *   type: "Transfer", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", toAgencyId: "agency-2"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const Transfer = command("Transfer", { toAgencyId: Id, toSocialWorkerId: Schema.optionalKey(Id) })
/**
 * Close the case with a reason; closure is checked against the closure rules.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.Close, {
 *   type: "Close", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", closureReason: "reintegration-complete"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const Close = command("Close", { closureReason: CaseClosureReason })
/**
 * Record a safety plan (after a high-risk assessment).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordSafetyPlan, { type: "RecordSafetyPlan", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // plan: missing
 * ```
 *
 * @since 0.2.0
 */
export const RecordSafetyPlan = command("RecordSafetyPlan", { plan: SafetyPlan })
/**
 * Record the signed and witnessed reunification agreement.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordAgreement, { type: "RecordAgreement", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // agreement: missing
 * ```
 *
 * @since 0.2.0
 */
export const RecordAgreement = command("RecordAgreement", { agreement: ReunificationAgreement })
/**
 * Record a case conference.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordCaseConference, { type: "RecordCaseConference", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // conference: missing
 * ```
 *
 * @since 0.2.0
 */
export const RecordCaseConference = command("RecordCaseConference", { conference: CaseConference })
/**
 * Record an exception allowing a young child in residential care (UN Guidelines ¶22).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordCareException, { type: "RecordCareException", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // exception: missing
 * ```
 *
 * @since 0.2.0
 */
export const RecordCareException = command("RecordCareException", { exception: CareException })
/**
 * Record a youth's work and study (supported independent living).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RecordActivity, { type: "RecordActivity", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z" })
 * if (Result.isFailure(command)) console.log(command.failure.map((i) => `${i.pathString}: ${i.message}`)) // activity: missing
 * ```
 *
 * @since 0.2.0
 */
export const RecordActivity = command("RecordActivity", { activity: YouthActivity })
/**
 * Refer the child and family to another agency's services (shares information with it).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.Refer, {
 *   type: "Refer", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", referralId: "ref-1", toAgencyId: "agency-3", service: "vocational training"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.2.0
 */
export const Refer = command("Refer", {
  referralId: Id,
  toAgencyId: Id,
  service: Schema.optionalKey(Text),
  /** The kind of service (since 0.3.0). */
  serviceType: Schema.optionalKey(ServiceType),
  /** The last day by which the service should be given (since 0.3.0): after it, the referral is overdue. */
  dueOn: Schema.optionalKey(IsoDate)
})
/**
 * The receiving agency accepts a pending referral.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.AcceptReferral, {
 *   type: "AcceptReferral", actor: { id: "partner-1", role: "social-worker" }, recordedAt: "2018-09-05T08:00:00Z",
 *   referralId: "ref-1"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.3.0
 */
export const AcceptReferral = command("AcceptReferral", { referralId: Id })
/**
 * The receiving agency declines a pending referral, with a reason.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.DeclineReferral, {
 *   type: "DeclineReferral", actor: { id: "partner-1", role: "social-worker" }, recordedAt: "2018-09-05T08:00:00Z",
 *   referralId: "ref-1", declineReason: "out-of-area"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.3.0
 */
export const DeclineReferral = command("DeclineReferral", { referralId: Id, declineReason: DeclineReason })
/**
 * An accepted referral's service was given.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.CompleteReferral, {
 *   type: "CompleteReferral", actor: { id: "partner-1", role: "social-worker" }, recordedAt: "2018-09-05T08:00:00Z",
 *   referralId: "ref-1"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.3.0
 */
export const CompleteReferral = command("CompleteReferral", { referralId: Id })
/**
 * Close a pending or accepted referral that is no longer needed.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.CloseReferral, {
 *   type: "CloseReferral", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-05T08:00:00Z",
 *   referralId: "ref-1"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.3.0
 */
export const CloseReferral = command("CloseReferral", { referralId: Id })
/**
 * Ask another agency or social worker to take the case; it changes hands only when accepted.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RequestTransfer, {
 *   type: "RequestTransfer", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-05T08:00:00Z",
 *   transferId: "tr-1", toAgencyId: "agency-2"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.3.0
 */
export const RequestTransfer = command("RequestTransfer", {
  transferId: Id,
  toAgencyId: Id,
  toSocialWorkerId: Schema.optionalKey(Id)
})
/**
 * The receiving side accepts a pending transfer.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.AcceptTransfer, {
 *   type: "AcceptTransfer", actor: { id: "sw-9", role: "social-worker" }, recordedAt: "2018-09-05T08:00:00Z",
 *   transferId: "tr-1"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.3.0
 */
export const AcceptTransfer = command("AcceptTransfer", { transferId: Id })
/**
 * The receiving side rejects a pending transfer, with a reason.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RejectTransfer, {
 *   type: "RejectTransfer", actor: { id: "sw-9", role: "social-worker" }, recordedAt: "2018-09-05T08:00:00Z",
 *   transferId: "tr-1", rejectReason: "no-capacity"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.3.0
 */
export const RejectTransfer = command("RejectTransfer", { transferId: Id, rejectReason: RejectReason })
/**
 * Ask for a supervisor's approval of a step (`subjectId`: the referral or transfer it is for).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RequestApproval, {
 *   type: "RequestApproval", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-05T08:00:00Z",
 *   approvalId: "ap-1", step: "closure"
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.3.0
 */
export const RequestApproval = command("RequestApproval", {
  approvalId: Id,
  step: ApprovalStep,
  subjectId: Schema.optionalKey(Id)
})
/**
 * Approve a pending approval request (the actor is the approver).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.Approve, {
 *   type: "Approve", actor: { id: "sup-1", role: "supervisor" }, recordedAt: "2018-09-05T08:00:00Z",
 *   approvalId: "ap-1", comment: "Agreed."
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.3.0
 */
export const Approve = command("Approve", { approvalId: Id, comment: Schema.optionalKey(SensitiveText) })
/**
 * Refuse a pending approval request, with a comment (the actor is the approver).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.RejectApproval, {
 *   type: "RejectApproval", actor: { id: "sup-1", role: "supervisor" }, recordedAt: "2018-09-05T08:00:00Z",
 *   approvalId: "ap-1", comment: "Two more visits first."
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.3.0
 */
export const RejectApproval = command("RejectApproval", { approvalId: Id, comment: SensitiveText })
/**
 * Reopen a closed case (e.g. after a breakdown), with the child's placement.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Decider, Validation } from "@homeward/core"
 *
 * const command = Validation.decodeUnknown(Decider.Reopen, {
 *   type: "Reopen", actor: { id: "sw-1", role: "social-worker" }, recordedAt: "2018-09-01T08:00:00Z", placement: { type: "residential-care", since: "2019-02-01", institutionId: "inst-1" }
 * })
 * Result.isSuccess(command) // true: ready for Decider.decide
 * ```
 *
 * @since 0.1.0
 */
export const Reopen = command("Reopen", { placement: Placement })

/**
 * Every command, discriminated by `type`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Decider } from "@homeward/core"
 *
 * const cmd = Schema.decodeUnknownSync(Decider.Command)({
 *   type: "AssignWorker", actor: { id: "m1", role: "manager" },
 *   recordedAt: "2018-01-02T08:00:00Z", socialWorkerId: "sw2"
 * })
 * ```
 *
 * @since 0.1.0
 */
export const Command = Schema.Union([
  OpenCase,
  AssignWorker,
  RecordAssessment,
  TraceFamily,
  RecordViews,
  DetermineBestInterest,
  RecordConsent,
  WithdrawConsent,
  Advance,
  StepBack,
  RecordContact,
  ReportIncident,
  ResolveIncident,
  ScheduleSupport,
  PaySupport,
  Reunify,
  Place,
  RecordMonitoringVisit,
  AssessClosure,
  RecordBreakdown,
  Transfer,
  Close,
  Reopen,
  RecordSafetyPlan,
  RecordAgreement,
  RecordCaseConference,
  RecordCareException,
  RecordActivity,
  Refer,
  AcceptReferral,
  DeclineReferral,
  CompleteReferral,
  CloseReferral,
  RequestTransfer,
  AcceptTransfer,
  RejectTransfer,
  RequestApproval,
  Approve,
  RejectApproval
]).annotate({ identifier: "CaseCommand", title: "Case command" })

/**
 * A command (decoded).
 *
 * @since 0.1.0
 */
export type Command = typeof Command.Type

/**
 * A command as JSON.
 *
 * @since 0.1.0
 */
export type CommandEncoded = typeof Command.Encoded

/**
 * Command type names.
 *
 * @since 0.1.0
 */
export type CommandType = Command["type"]

/**
 * The result of {@link decide}: the events to append, or the reasons the
 * command was rejected.
 *
 * @since 0.1.0
 */
export type DecideResult =
  | { readonly ok: true; readonly events: ReadonlyArray<CaseEvent> }
  | { readonly ok: false; readonly reasons: ReadonlyArray<Reason> }

/**
 * Source of the decider's own lifecycle rules.
 *
 * @since 0.1.0
 */
export const source: Citation = homeward(
  "HR-case-lifecycle",
  "Case lifecycle (event-sourced case decider)",
  "Software rules of the case lifecycle (default, not law): a case opens once, a closed case takes only Reopen, records are not silently overwritten."
)

const reject = (code: string, rule: string, message: string, details?: Reason["details"]): DecideResult => ({
  ok: false,
  reasons: [
    details === undefined
      ? { code, rule, source, severity: "blocker", message }
      : { code, rule, source, severity: "blocker", message, details }
  ]
})

const blockers = (reasons: ReadonlyArray<Reason>): DecideResult => ({
  ok: false,
  reasons: reasons.filter((x) => x.severity === "blocker")
})

const isCommand = Schema.is(Command)
const validateCommand = (cmd: unknown): DecideResult | undefined => {
  if (isCommand(cmd)) return undefined
  const r = decodeUnknown(Schema.toType(Command), cmd)
  const issue = Result.isFailure(r) ? r.failure[0] : undefined
  return reject(
    "malformed-command",
    "decider/command",
    "The command is not a valid case command: it was refused without being applied.",
    issue === undefined ? {} : { path: issue.pathString || "(root)", problem: issue.rule }
  )
}

const ApproverRoleLiterals: ReadonlyArray<string> = ApproverRole.literals

/** Consent for a purpose and agency, as a list of blockers (empty when covered). */
const consentBlockers = (
  state: CaseState,
  purpose: "services" | "information-sharing",
  agency: string,
  profile: PolicyProfile,
  on: Date
): ReadonlyArray<Reason> =>
  consentCovers(state, profile, on, purpose, agency)
    .reasons.filter((x) => x.severity === "blocker")
    .map((x) => ({
      ...x,
      message: `${x.message} Record ${x.rule === "consent/child-assent" ? "the child's assent" : "the caregiver's consent"} for ${purpose} with agency ${agency} (RecordConsent), in force on the day.`,
      details: {
        ...x.details,
        recordKind: x.rule === "consent/child-assent" ? "child-assent" : "caregiver-consent",
        recordPurpose: purpose,
        recordAgency: agency
      }
    }))

type Fields<T extends CaseEvent["type"]> = Omit<
  Extract<CaseEvent, { readonly type: T }>,
  "type" | "eventId" | "caseId" | "occurredOn" | "recordedAt" | "actor" | "reason"
>

/**
 * Decide a command against a case's state, a policy profile and the day
 * `asOf` (pure and deterministic). Rules enforced:
 * - a case is opened once (`OpenCase` on an opened case is rejected) and
 *   every other command needs an opened case;
 * - a closed case takes no command except `Reopen` (and `Reopen` needs a
 *   closed case);
 * - `Advance` moves to the next phase only when `Phase.canAdvance` says it is
 *   ready, and never skips a step, unless an override (`approvedBy`,
 *   `justification`) is given; reunification and closure have their own
 *   commands (`Reunify`, `Close`);
 * - `StepBack` is always allowed from assessment to the last contact step,
 *   to an earlier position;
 * - `Reunify` follows the same readiness and no-skip rules and needs a
 *   family-based placement starting between the start of the current phase
 *   and the command's day (monitoring is counted from it); whatever override
 *   is given it also needs the return's safeguards
 *   (`Reunification.reunificationChecks`): the reunification agreement signed
 *   and witnessed on or before the placement's first day, the case conference
 *   the profile's triggers require, consent to the agency's services (and the
 *   child's assent from `eligibility.childAssentFromAge`), and for
 *   independent living the youth's work or study;
 * - `Transfer` and `Refer` share information with another agency: they need
 *   caregiver consent (and, from `childAssentFromAge`, the child's assent) for
 *   `information-sharing` with that agency on the day; a transfer also needs
 *   its case conference (`relocation-or-transfer`);
 * - case work (since 0.3.0): `Refer` takes a service type and a due date
 *   (not before the referral's day); the receiving agency answers a pending
 *   referral (`AcceptReferral`, `DeclineReferral` with a reason code), an
 *   accepted one is done (`CompleteReferral`), a pending or accepted one can
 *   be closed (`CloseReferral`), and an answer is not dated before the
 *   referral's last change. `RequestTransfer` (one pending at a time; to
 *   another agency it needs the consent and conference of `Transfer`) is
 *   answered by `AcceptTransfer` (to another agency: consent still in force
 *   on the day; the case changes hands only then) or `RejectTransfer`. A
 *   refusal for missing consent says what to record (`recordKind`,
 *   `recordPurpose`, `recordAgency`);
 * - supervisor approvals (since 0.3.0): the steps the profile's
 *   `approvals.required` lists (`Reunify`, `Close`, `Transfer` and
 *   `RequestTransfer`, `Refer`) need a valid approval
 *   (`Approval.approvalCheck`); `Approve` and `RejectApproval` answer a
 *   pending request, never by the person who made it, only by a role the
 *   profile lists, and not dated before the request;
 * - `Place` in a residential setting of a child under
 *   `eligibility.residentialCareFromAge` needs a recorded exception in force on
 *   the placement's first day (UN Guidelines ¶22); `RecordCareException` only
 *   takes the kinds the profile allows;
 * - `RecordBreakdown` needs a reunified case or one in gradual contact, and a
 *   placement back in care;
 * - `Close` needs `Closure.closureEligibility` for its reason (no
 *   `reintegration-complete` before the monitoring duration and Form 6);
 * - records are not silently overwritten (duplicate contact, incident,
 *   visit, assessment, consent, payment, safety plan, agreement, conference,
 *   exception, referral, transfer or approval ids are rejected; a support plan with the same id
 *   is a revision), references must exist (consent, incident, plan);
 * - `occurredOn` (default: the day of `asOf`) may not be after `asOf`, and a
 *   phase change may not be dated before the current phase began; an
 *   agreement or conference may not be dated after the day it is recorded;
 * - a command that is not a valid `Command` (for example `{}`) is refused
 *   with `malformed-command` (naming the path, never the value), and an
 *   Invalid Date `asOf` with `invalid-as-of`: `decide` never throws and never
 *   returns `undefined`.
 * Rules are evaluated on the `occurredOn` day.
 *
 * @example
 * ```ts
 * import { Decider, Profiles } from "@homeward/core"
 *
 * const r = Decider.decide(Decider.initial("c1"), {
 *   type: "AssignWorker", actor: { id: "m1", role: "manager" },
 *   recordedAt: new Date("2018-01-02T08:00:00Z"), socialWorkerId: "sw2"
 * }, Profiles.azizasPlace, new Date("2018-01-02"))
 * r.ok // false: the case is not open
 * ```
 *
 * @since 0.1.0
 */
export const decide = (state: CaseState, cmd: Command, profile: PolicyProfile, asOf: Date): DecideResult => {
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime()))
    return reject("invalid-as-of", "decider/as-of", "The decision day is not a valid date: the command was refused.")
  const malformed = validateCommand(cmd)
  if (malformed !== undefined) return malformed
  return decideValid(state, cmd, profile, asOf)
}

const decideValid = (state: CaseState, cmd: Command, profile: PolicyProfile, asOf: Date): DecideResult => {
  const caseId = state.caseId
  if (cmd.caseId !== undefined && cmd.caseId !== caseId)
    return reject("wrong-case", "decider/case-id", "The command is for another case.")
  const on = cmd.occurredOn ?? dayOf(asOf)
  if (on.getTime() > asOf.getTime())
    return reject("occurred-in-future", "decider/occurred-on", "The command is dated after the decision day.")
  const make = <T extends CaseEvent["type"]>(type: T, fields: Fields<T>, i = 0): CaseEvent =>
    ({
      type,
      eventId: `${caseId}#${state.version + i + 1}`,
      caseId,
      occurredOn: on,
      recordedAt: cmd.recordedAt,
      actor: cmd.actor,
      ...(cmd.reason === undefined ? {} : { reason: cmd.reason }),
      ...fields
    }) as unknown as CaseEvent
  const one = <T extends CaseEvent["type"]>(type: T, fields: Fields<T>): DecideResult => ({
    ok: true,
    events: [make(type, fields)]
  })
  if (cmd.type === "OpenCase") {
    if (state.opened) return reject("case-already-opened", "decider/open-once", "The case is already opened.")
    return one("CaseOpened", {
      child: cmd.child,
      institutionId: cmd.institutionId,
      agencyId: cmd.agencyId,
      socialWorkerId: cmd.socialWorkerId,
      admissionReasons: cmd.admissionReasons,
      placement: cmd.placement
    })
  }
  if (!state.opened) return reject("case-not-opened", "decider/opened", "The case has not been opened.")
  if (cmd.type === "Reopen") {
    if (state.status !== "closed")
      return reject("case-not-closed", "decider/reopen", "Only a closed case can be reopened.")
    return one("CaseReopened", { placement: cmd.placement })
  }
  if (state.status === "closed")
    return reject("case-closed", "decider/closed", "The case is closed: only Reopen is accepted.")
  const phaseChange = (): DecideResult | undefined =>
    state.phaseSince !== undefined && on.getTime() < state.phaseSince.getTime()
      ? reject(
          "dated-before-phase",
          "decider/phase-date",
          "A phase change cannot be dated before the current phase began."
        )
      : undefined
  const gate = (step: ApprovalStep, subjectId?: string): ReadonlyArray<Reason> =>
    approvalCheck(state, profile, on, subjectId === undefined ? { step } : { step, subjectId }).reasons.filter(
      (x) => x.severity === "blocker"
    )
  const decideApproval = (approvalId: string): DecideResult | undefined => {
    const a = state.approvals[approvalId]
    if (a === undefined) return reject("unknown-approval", "decider/reference", "No approval request with this id.")
    if (a.status !== "pending")
      return reject("approval-already-decided", "decider/approval", "This approval request was already answered.")
    if (cmd.actor.id === a.requestedBy)
      return {
        ok: false,
        reasons: [
          {
            code: "approval-by-requester",
            rule: "approval/four-eyes",
            source: approvalSource,
            severity: "blocker",
            message: "No one answers their own approval request: another person must approve or reject it."
          }
        ]
      }
    const roles = requiredApprovers(a.step, profile, on) ?? ApproverRoleLiterals
    if (!roles.includes(cmd.actor.role))
      return {
        ok: false,
        reasons: [
          {
            code: "approver-role-not-allowed",
            rule: "approval/approver-role",
            source: cite(profile, "approvals", "required"),
            severity: "blocker",
            message: `This approval is given by ${roles.join(" or ")}.`,
            details: { role: cmd.actor.role, approverRoles: roles.join(",") }
          }
        ]
      }
    if (on.getTime() < a.requestedOn.getTime())
      return {
        ok: false,
        reasons: [
          {
            code: "approval-before-request",
            rule: "approval/date",
            source: approvalSource,
            severity: "blocker",
            message: "An approval cannot be dated before the request it answers."
          }
        ]
      }
    return undefined
  }
  const referralAnswer = (referralId: string, from: ReadonlyArray<string>): DecideResult | undefined => {
    const r = state.referrals.find((x) => x.id === referralId)
    if (r === undefined) return reject("unknown-referral", "decider/reference", "No referral with this id.")
    if (!from.includes(r.status))
      return reject(
        "referral-status",
        "decider/referral",
        `This referral is ${r.status}: the command needs it ${from.join(" or ")}.`,
        {
          status: r.status
        }
      )
    if (on.getTime() < (r.statusOn ?? r.on).getTime())
      return reject(
        "dated-before-referral",
        "decider/referral",
        "A referral's answer cannot be dated before its last change."
      )
    return undefined
  }
  const pendingTransferOf = (transferId: string): DecideResult | TransferRecord => {
    const t = state.transferRequests.find((x) => x.id === transferId)
    if (t === undefined) return reject("unknown-transfer", "decider/reference", "No transfer request with this id.")
    if (t.status !== "pending")
      return reject("transfer-not-pending", "decider/transfer", "This transfer request was already answered.")
    if (on.getTime() < t.requestedOn.getTime())
      return reject(
        "dated-before-request",
        "decider/transfer",
        "An answer cannot be dated before the transfer request."
      )
    return t
  }
  switch (cmd.type) {
    case "AssignWorker":
      return one("WorkerAssigned", { socialWorkerId: cmd.socialWorkerId })
    case "RecordAssessment":
      if (state.assessments.some((a) => a.id === cmd.assessment.id))
        return reject("duplicate-id", "decider/no-overwrite", "An assessment with this id is already recorded.")
      return one("Assessed", { assessment: cmd.assessment })
    case "TraceFamily":
      return one("FamilyTraced", { household: cmd.household })
    case "RecordViews":
      return one("ViewsRecorded", { views: cmd.views })
    case "DetermineBestInterest":
      if (state.determinations.some((d) => d.id === cmd.determination.id))
        return reject("duplicate-id", "decider/no-overwrite", "A determination with this id is already recorded.")
      return one("BestInterestDetermined", { determination: cmd.determination })
    case "RecordConsent":
      if (state.consents[cmd.consent.id] !== undefined)
        return reject("duplicate-id", "decider/no-overwrite", "A consent with this id is already recorded.")
      return one("ConsentRecorded", { consent: cmd.consent })
    case "WithdrawConsent": {
      const c = state.consents[cmd.consentId]
      if (c === undefined) return reject("unknown-consent", "decider/reference", "No consent with this id.")
      if (c.withdrawnOn !== undefined)
        return reject("consent-already-withdrawn", "decider/reference", "This consent is already withdrawn.")
      return one("ConsentWithdrawn", { consentId: cmd.consentId, withdrawnOn: cmd.withdrawnOn ?? on })
    }
    case "Advance": {
      const early = phaseChange()
      if (early !== undefined) return early
      if (state.phase.phase === "reunified")
        return reject("use-close", "decider/advance", "A reunified case moves on by closing (Close).")
      const steps = resolve(profile, on).values.phases.contactSteps
      const natural = cmd.to ?? nextOf(state.phase, steps)
      if (natural === undefined) return reject("no-next-phase", "decider/advance", "There is no phase after this one.")
      if (natural.phase === "reunified")
        return reject("use-reunify", "decider/advance", "Reunification is recorded with Reunify (with the placement).")
      if (natural.phase === "closed") return reject("use-close", "decider/advance", "Closure is recorded with Close.")
      if (natural.phase === "gradual-contact" && indexOf(natural, steps) < 0)
        return reject("unknown-step", "decider/advance", "The target contact step is not in the profile.")
      const d = checkMove(state, profile, on, natural, cmd.override)
      if (!d.outcome.ready) return blockers(d.reasons)
      return one("PhaseAdvanced", {
        from: state.phase,
        to: natural,
        ...(cmd.override === undefined ? {} : { override: cmd.override })
      })
    }
    case "StepBack": {
      const early = phaseChange()
      if (early !== undefined) return early
      const steps = resolve(profile, on).values.phases.contactSteps
      const prev = previousOf(state.phase, steps)
      if (prev === undefined)
        return reject("cannot-step-back", "decider/step-back", "There is no earlier step to go back to from here.")
      const to = cmd.to ?? prev
      const ti = indexOf(to, steps)
      if (ti < 1 || ti >= indexOf(state.phase, steps))
        return reject("not-backward", "decider/step-back", "The target is not an earlier step (from assessment on).")
      return one("PhaseSteppedBack", { from: state.phase, to, concern: cmd.concern })
    }
    case "RecordContact":
      if (state.contacts.some((c) => c.id === cmd.contact.id))
        return reject("duplicate-id", "decider/no-overwrite", "A contact with this id is already recorded.")
      return one("ContactRecorded", { contact: cmd.contact })
    case "ReportIncident":
      if (state.incidents[cmd.incidentId] !== undefined)
        return reject("duplicate-id", "decider/no-overwrite", "An incident with this id is already recorded.")
      return one("IncidentReported", {
        incidentId: cmd.incidentId,
        severity: cmd.severity,
        ...(cmd.description === undefined ? {} : { description: cmd.description })
      })
    case "ResolveIncident": {
      const i = state.incidents[cmd.incidentId]
      if (i === undefined) return reject("unknown-incident", "decider/reference", "No incident with this id.")
      if (i.resolvedOn !== undefined)
        return reject("incident-already-resolved", "decider/reference", "This incident is already resolved.")
      return one("IncidentResolved", { incidentId: cmd.incidentId })
    }
    case "ScheduleSupport":
      return one("SupportScheduled", { plan: cmd.plan })
    case "PaySupport": {
      const plan = state.supportPlans.find((p) => p.id === cmd.payment.planId)
      if (plan === undefined) return reject("unknown-plan", "decider/reference", "No support plan with this id.")
      if (!plan.items.some((i) => i.category === cmd.payment.category))
        return reject("category-not-in-plan", "decider/reference", "The plan has no item of this category.")
      if (state.payments.some((p) => p.id === cmd.payment.id))
        return reject("duplicate-id", "decider/no-overwrite", "A payment with this id is already recorded.")
      return one("SupportPaid", { payment: cmd.payment })
    }
    case "Reunify": {
      const early = phaseChange()
      if (early !== undefined) return early
      if (!isFamilyBased(cmd.placement.type))
        return reject(
          "placement-not-family-based",
          "decider/reunify",
          "Reunification is to a family or community placement."
        )
      if (state.phase.phase === "reunified")
        return reject("already-reunified", "decider/reunify", "The child is already reunified.")
      if (
        cmd.placement.since.getTime() > on.getTime() ||
        (state.phaseSince !== undefined && cmd.placement.since.getTime() < state.phaseSince.getTime())
      )
        return reject(
          "placement-date-out-of-range",
          "decider/reunify",
          "The placement must start between the start of the current phase and the day of the command (monitoring runs from it)."
        )
      const d = checkMove(state, profile, on, { phase: "reunified" }, cmd.override, { placement: cmd.placement })
      const unapproved = gate("reunification")
      if (!d.outcome.ready || unapproved.length > 0)
        return { ok: false, reasons: [...d.reasons.filter((x) => x.severity === "blocker"), ...unapproved] }
      return one("Reunified", {
        placement: cmd.placement,
        ...(cmd.override === undefined ? {} : { override: cmd.override })
      })
    }
    case "Place": {
      const young = youngChildInCare(state, cmd.placement, profile, on)
      if (young !== undefined) return young
      return one("Placed", { placement: cmd.placement })
    }
    case "RecordMonitoringVisit":
      if (state.reunifiedOn === undefined)
        return reject("not-monitoring", "decider/monitoring", "Follow-up visits are recorded after reunification.")
      if (state.monitoringVisits.some((v) => v.id === cmd.visit.id))
        return reject("duplicate-id", "decider/no-overwrite", "A visit with this id is already recorded.")
      return one("MonitoringVisitRecorded", { visit: cmd.visit })
    case "AssessClosure":
      if (state.closureAssessments.some((a) => a.id === cmd.assessment.id))
        return reject("duplicate-id", "decider/no-overwrite", "A final assessment with this id is already recorded.")
      return one("ClosureAssessed", { assessment: cmd.assessment })
    case "RecordBreakdown": {
      const early = phaseChange()
      if (early !== undefined) return early
      if (state.phase.phase !== "reunified" && state.phase.phase !== "gradual-contact")
        return reject(
          "nothing-to-break-down",
          "decider/breakdown",
          "A breakdown happens during gradual contact or after reunification."
        )
      if (isFamilyBased(cmd.placement.type))
        return reject("placement-family-based", "decider/breakdown", "After a breakdown the child is back in care.")
      return one("BrokeDown", { placement: cmd.placement })
    }
    case "Transfer": {
      const early = phaseChange()
      if (early !== undefined) return early
      if (cmd.toAgencyId === state.agencyId)
        return reject("same-agency", "decider/transfer", "The case is already with this agency.")
      const refused = [
        ...consentBlockers(state, "information-sharing", cmd.toAgencyId, profile, on),
        ...conferenceHeld(state, profile, on, "relocation-or-transfer").reasons.filter((x) => x.severity === "blocker"),
        ...gate("transfer")
      ]
      if (refused.length > 0) return { ok: false, reasons: refused }
      return one("CaseTransferred", {
        toAgencyId: cmd.toAgencyId,
        ...(cmd.toSocialWorkerId === undefined ? {} : { toSocialWorkerId: cmd.toSocialWorkerId })
      })
    }
    case "Close": {
      const early = phaseChange()
      if (early !== undefined) return early
      const d = closureEligibility(state, profile, on, cmd.closureReason)
      const unapproved = gate("closure")
      if (!d.outcome.eligible || unapproved.length > 0)
        return { ok: false, reasons: [...d.reasons.filter((x) => x.severity === "blocker"), ...unapproved] }
      return one("CaseClosed", { closureReason: cmd.closureReason })
    }
    case "RecordSafetyPlan":
      if (state.safetyPlans.some((p) => p.id === cmd.plan.id))
        return reject("duplicate-id", "decider/no-overwrite", "A safety plan with this id is already recorded.")
      return one("SafetyPlanRecorded", { plan: cmd.plan })
    case "RecordAgreement":
      if (state.agreements.some((a) => a.id === cmd.agreement.id))
        return reject("duplicate-id", "decider/no-overwrite", "An agreement with this id is already recorded.")
      if (cmd.agreement.date.getTime() > on.getTime())
        return reject(
          "dated-after-command",
          "decider/agreement",
          "An agreement cannot be dated after the day it is recorded."
        )
      return one("AgreementSigned", { agreement: cmd.agreement })
    case "RecordCaseConference":
      if (state.conferences.some((c) => c.id === cmd.conference.id))
        return reject("duplicate-id", "decider/no-overwrite", "A case conference with this id is already recorded.")
      if (cmd.conference.date.getTime() > on.getTime())
        return reject(
          "dated-after-command",
          "decider/conference",
          "A conference cannot be dated after the day it is recorded."
        )
      return one("CaseConferenceHeld", { conference: cmd.conference })
    case "RecordCareException": {
      if (state.careExceptions.some((e) => e.id === cmd.exception.id))
        return reject("duplicate-id", "decider/no-overwrite", "An exception with this id is already recorded.")
      const allowed = resolve(profile, on).values.eligibility.residentialCareExceptions
      if (!allowed.includes(cmd.exception.kind))
        return {
          ok: false,
          reasons: [
            {
              code: "exception-kind-not-allowed",
              rule: "decider/care-exception",
              source: cite(profile, "eligibility", "residentialCareExceptions"),
              severity: "blocker",
              message: "The profile does not allow this kind of exception for a young child in residential care.",
              details: { kind: cmd.exception.kind }
            }
          ]
        }
      return one("CareExceptionRecorded", { exception: cmd.exception })
    }
    case "RecordActivity":
      return one("ActivityRecorded", { activity: cmd.activity })
    case "Refer": {
      if (state.referrals.some((r) => r.id === cmd.referralId))
        return reject("duplicate-id", "decider/no-overwrite", "A referral with this id is already recorded.")
      if (cmd.dueOn !== undefined && cmd.dueOn.getTime() < on.getTime())
        return reject("due-before-referral", "decider/referral", "A referral cannot be due before the day it is made.")
      const refused = [
        ...consentBlockers(state, "information-sharing", cmd.toAgencyId, profile, on),
        ...gate("referral", cmd.referralId)
      ]
      if (refused.length > 0) return { ok: false, reasons: refused }
      return one("Referred", {
        referralId: cmd.referralId,
        toAgencyId: cmd.toAgencyId,
        ...(cmd.service === undefined ? {} : { service: cmd.service }),
        ...(cmd.serviceType === undefined ? {} : { serviceType: cmd.serviceType }),
        ...(cmd.dueOn === undefined ? {} : { dueOn: cmd.dueOn })
      })
    }
    case "AcceptReferral":
      return referralAnswer(cmd.referralId, ["pending"]) ?? one("ReferralAccepted", { referralId: cmd.referralId })
    case "DeclineReferral":
      return (
        referralAnswer(cmd.referralId, ["pending"]) ??
        one("ReferralDeclined", { referralId: cmd.referralId, declineReason: cmd.declineReason })
      )
    case "CompleteReferral":
      return referralAnswer(cmd.referralId, ["accepted"]) ?? one("ReferralCompleted", { referralId: cmd.referralId })
    case "CloseReferral":
      return (
        referralAnswer(cmd.referralId, ["pending", "accepted"]) ?? one("ReferralClosed", { referralId: cmd.referralId })
      )
    case "RequestTransfer": {
      if (state.transferRequests.some((t) => t.id === cmd.transferId))
        return reject("duplicate-id", "decider/no-overwrite", "A transfer request with this id is already recorded.")
      if (state.transferRequests.some((t) => t.status === "pending"))
        return reject(
          "transfer-pending",
          "decider/transfer",
          "A transfer of this case is already waiting for an answer."
        )
      const interAgency = cmd.toAgencyId !== state.agencyId
      if (!interAgency && (cmd.toSocialWorkerId === undefined || cmd.toSocialWorkerId === state.socialWorkerId))
        return reject("same-owner", "decider/transfer", "The case is already held by this agency and social worker.")
      const refused = [
        ...(interAgency
          ? [
              ...consentBlockers(state, "information-sharing", cmd.toAgencyId, profile, on),
              ...conferenceHeld(state, profile, on, "relocation-or-transfer").reasons.filter(
                (x) => x.severity === "blocker"
              )
            ]
          : []),
        ...gate("transfer", cmd.transferId)
      ]
      if (refused.length > 0) return { ok: false, reasons: refused }
      return one("TransferRequested", {
        transferId: cmd.transferId,
        toAgencyId: cmd.toAgencyId,
        ...(cmd.toSocialWorkerId === undefined ? {} : { toSocialWorkerId: cmd.toSocialWorkerId })
      })
    }
    case "AcceptTransfer": {
      const t = pendingTransferOf(cmd.transferId)
      if ("ok" in t) return t
      if (t.toAgencyId !== state.agencyId) {
        const early = phaseChange()
        if (early !== undefined) return early
        const refused = consentBlockers(state, "information-sharing", t.toAgencyId, profile, on)
        if (refused.length > 0) return { ok: false, reasons: refused }
      }
      return one("TransferAccepted", { transferId: cmd.transferId })
    }
    case "RejectTransfer": {
      const t = pendingTransferOf(cmd.transferId)
      if ("ok" in t) return t
      return one("TransferRejected", { transferId: cmd.transferId, rejectReason: cmd.rejectReason })
    }
    case "RequestApproval":
      if (state.approvals[cmd.approvalId] !== undefined)
        return reject("duplicate-id", "decider/no-overwrite", "An approval request with this id is already recorded.")
      return one("ApprovalRequested", {
        approvalId: cmd.approvalId,
        step: cmd.step,
        ...(cmd.subjectId === undefined ? {} : { subjectId: cmd.subjectId })
      })
    case "Approve":
      return (
        decideApproval(cmd.approvalId) ??
        one("ApprovalGranted", {
          approvalId: cmd.approvalId,
          ...(cmd.comment === undefined ? {} : { comment: cmd.comment })
        })
      )
    case "RejectApproval":
      return (
        decideApproval(cmd.approvalId) ?? one("ApprovalRejected", { approvalId: cmd.approvalId, comment: cmd.comment })
      )
  }
}

/**
 * A child younger than `eligibility.residentialCareFromAge` may be placed in
 * a residential setting only under an exception in force on the placement's
 * first day (UN Guidelines ¶22).
 */
const youngChildInCare = (
  state: CaseState,
  placement: Placement,
  profile: PolicyProfile,
  on: Date
): DecideResult | undefined => {
  if (isFamilyBased(placement.type) || state.child === undefined) return undefined
  const v = resolve(profile, on).values.eligibility
  const age = ageOn(state.child.birth.date, placement.since)
  if (age >= v.residentialCareFromAge) return undefined
  const d = dayNumber(placement.since)
  const ok = state.careExceptions.some(
    (e) => v.residentialCareExceptions.includes(e.kind) && dayNumber(e.from) <= d && d <= dayNumber(e.endsOn)
  )
  if (ok) return undefined
  return {
    ok: false,
    reasons: [
      {
        code: "under-residential-care-age",
        rule: "decider/young-child-in-care",
        source: cite(profile, "eligibility", "residentialCareFromAge"),
        severity: "blocker",
        message:
          "A young child is placed in residential care only under a recorded exception (emergency, short predetermined time, siblings together) in force on the placement day.",
        details: { age, fromAge: v.residentialCareFromAge }
      }
    ]
  }
}

/**
 * A rejected command, for Effect users.
 *
 * @since 0.1.0
 */
export class DecisionRejected extends Data.TaggedError("DecisionRejected")<{
  readonly reasons: ReadonlyArray<Reason>
}> {}

/**
 * {@link decide} as an Effect: the events, or a `DecisionRejected` failure.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Decider, Profiles } from "@homeward/core"
 *
 * const program = Decider.decideEffect(Decider.initial("c1"), {
 *   type: "AssignWorker", actor: { id: "m1", role: "manager" },
 *   recordedAt: new Date("2018-01-02T08:00:00Z"), socialWorkerId: "sw2"
 * }, Profiles.azizasPlace, new Date("2018-01-02"))
 * Effect.runSyncExit(program) // fails with DecisionRejected (case not open)
 * ```
 *
 * @since 0.1.0
 */
export const decideEffect = (
  state: CaseState,
  cmd: Command,
  profile: PolicyProfile,
  asOf: Date
): Effect.Effect<ReadonlyArray<CaseEvent>, DecisionRejected> =>
  Effect.suspend(() => {
    const r = decide(state, cmd, profile, asOf)
    return r.ok ? Effect.succeed(r.events) : Effect.fail(new DecisionRejected({ reasons: r.reasons }))
  })
