/**
 * Case events: the append-only history of a case, from opening to closure.
 * Every event carries its id, the case id, the day it happened
 * (`occurredOn`), when it was recorded (`recordedAt`), who recorded it
 * (`actor`) and, optionally, why (`reason`, sensitive free text).
 * Case state is a fold of these events (see `Decider.evolve`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ReunificationAgreement } from "./Agreement.js"
import { Assessment, SafetyPlan } from "./Assessment.js"
import { BestInterestDetermination } from "./BestInterest.js"
import { AdmissionReason, CareException, Placement } from "./Case.js"
import { Child } from "./Child.js"
import { ChildViews } from "./ChildViews.js"
import { Actor, Id, IsoDate, IsoDateTime, pattern, SensitiveText, Text } from "./Common.js"
import { CaseConference } from "./Conference.js"
import { Consent } from "./Consent.js"
import { Contact } from "./Contact.js"
import { ClosureAssessment, FollowUpVisit } from "./FollowUp.js"
import { Household } from "./Household.js"
import { YouthActivity } from "./IndependentLiving.js"
import { PhaseRef } from "./Phase.js"
import { ApprovalStep } from "./PolicyProfile.js"
import { DeclineReason, ServiceType } from "./Referral.js"
import { SupportPayment, SupportPlan } from "./Support.js"
import { RejectReason } from "./Transfer.js"

/**
 * An event id: a pseudonymous id, optionally followed by `#` and the event's
 * position in its stream (the decider's deterministic ids `${caseId}#${version}`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CaseEvent } from "@homeward/core"
 *
 * Schema.is(CaseEvent.EventId)("case-1#3") // true: the decider's id of the case's 3rd event
 * Schema.is(CaseEvent.EventId)("case 1") // false: no spaces
 * ```
 *
 * @since 0.1.0
 */
export const EventId = Schema.String.annotate({ description: "Event identifier" }).check(
  pattern(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}(#[1-9][0-9]{0,11})?$/,
    "an event id: a pseudonymous id, optionally followed by # and the event's number in its stream",
    "EventId"
  )
)

const envelope = {
  eventId: EventId,
  caseId: Id,
  occurredOn: IsoDate,
  recordedAt: IsoDateTime,
  actor: Actor,
  reason: Schema.optionalKey(SensitiveText)
}

const event = <const T extends string, const F extends Schema.Struct.Fields>(type: T, fields: F) =>
  Schema.Struct({ type: Schema.Literal(type), ...envelope, ...fields }).annotate({ identifier: type })

/**
 * Why a case was closed (Primero Cambodia; OSCaR).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CaseEvent } from "@homeward/core"
 *
 * Schema.is(CaseEvent.CaseClosureReason)("reintegration-complete") // true
 * Schema.is(CaseEvent.CaseClosureReason)("finished") // false
 * ```
 *
 * @since 0.1.0
 */
export const CaseClosureReason = Schema.Literals([
  "reintegration-complete",
  "transferred",
  "moved-cannot-be-found",
  "repatriated",
  "died",
  "became-adult",
  "refused-services",
  "no-longer-needs-support",
  "breakdown"
])

/**
 * Why a case was closed (the type of the `CaseClosureReason` Schema).
 *
 * @since 0.1.0
 */
export type CaseClosureReason = typeof CaseClosureReason.Type

/**
 * Incident severity.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CaseEvent } from "@homeward/core"
 *
 * Schema.is(CaseEvent.IncidentSeverity)("high") // true
 * Schema.is(CaseEvent.IncidentSeverity)("critical") // false
 * ```
 *
 * @since 0.1.0
 */
export const IncidentSeverity = Schema.Literals(["low", "medium", "high"])

/**
 * The case was opened for a child in care.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.CaseOpened, {
 *   type: "CaseOpened", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["child", "institutionId", …]: missing
 * ```
 *
 * @since 0.1.0
 */
export const CaseOpened = event("CaseOpened", {
  child: Child,
  institutionId: Id,
  agencyId: Id,
  socialWorkerId: Id,
  admissionReasons: Schema.Array(AdmissionReason).check(Schema.isMinLength(1)),
  placement: Placement
})
/**
 * A social worker was assigned to the case (`socialWorkerId`).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.WorkerAssigned, {
 *   type: "WorkerAssigned", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   socialWorkerId: "sw-2"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const WorkerAssigned = event("WorkerAssigned", { socialWorkerId: Id })
/**
 * An assessment (child, family, home or readiness) was recorded.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.Assessed, {
 *   type: "Assessed", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["assessment"]: missing
 * ```
 *
 * @since 0.1.0
 */
export const Assessed = event("Assessed", { assessment: Assessment })
/**
 * The child's family was traced: the household found, with its members and tracing status.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.FamilyTraced, {
 *   type: "FamilyTraced", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["household"]: missing
 * ```
 *
 * @since 0.1.0
 */
export const FamilyTraced = event("FamilyTraced", { household: Household })
/**
 * The child's views and wishes were heard and recorded.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ViewsRecorded, {
 *   type: "ViewsRecorded", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["views"]: missing
 * ```
 *
 * @since 0.1.0
 */
export const ViewsRecorded = event("ViewsRecorded", { views: ChildViews })
/**
 * A best-interest determination was made for the child.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.BestInterestDetermined, {
 *   type: "BestInterestDetermined", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["determination"]: missing
 * ```
 *
 * @since 0.1.0
 */
export const BestInterestDetermined = event("BestInterestDetermined", { determination: BestInterestDetermination })
/**
 * A consent (child, caregiver or guardian, for a purpose) was recorded.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ConsentRecorded, {
 *   type: "ConsentRecorded", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["consent"]: missing
 * ```
 *
 * @since 0.1.0
 */
export const ConsentRecorded = event("ConsentRecorded", { consent: Consent })
/**
 * A consent was withdrawn (`consentId`, from `withdrawnOn`).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ConsentWithdrawn, {
 *   type: "ConsentWithdrawn", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   consentId: "cons-1", withdrawnOn: "2018-09-01"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const ConsentWithdrawn = event("ConsentWithdrawn", { consentId: Id, withdrawnOn: IsoDate })
/**
 * The case moved forward; `override` is set when a step was skipped.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.PhaseAdvanced, {
 *   type: "PhaseAdvanced", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   from: { phase: "intake" }, to: { phase: "assessment" }
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const PhaseAdvanced = event("PhaseAdvanced", {
  from: PhaseRef,
  to: PhaseRef,
  override: Schema.optionalKey(Schema.Struct({ approvedBy: Id, justification: Text }))
})
/**
 * The case stepped back to an earlier phase on a concern.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.PhaseSteppedBack, {
 *   type: "PhaseSteppedBack", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   from: { phase: "preparation" }, to: { phase: "assessment" }, concern: "the family asked for more time"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const PhaseSteppedBack = event("PhaseSteppedBack", { from: PhaseRef, to: PhaseRef, concern: Text })
/**
 * A contact between the child and the family (visit, sleepover, call) was recorded.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ContactRecorded, {
 *   type: "ContactRecorded", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["contact"]: missing
 * ```
 *
 * @since 0.1.0
 */
export const ContactRecorded = event("ContactRecorded", { contact: Contact })
/**
 * An incident was reported, with its severity; it stays open until resolved.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.IncidentReported, {
 *   type: "IncidentReported", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   incidentId: "inc-1", severity: "low"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const IncidentReported = event("IncidentReported", {
  incidentId: Id,
  severity: IncidentSeverity,
  description: Schema.optionalKey(SensitiveText)
})
/**
 * A reported incident was resolved (`incidentId`).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.IncidentResolved, {
 *   type: "IncidentResolved", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   incidentId: "inc-1"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const IncidentResolved = event("IncidentResolved", { incidentId: Id })
/**
 * A support plan (items, amounts and periods) was scheduled for the family.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.SupportScheduled, {
 *   type: "SupportScheduled", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["plan"]: missing
 * ```
 *
 * @since 0.1.0
 */
export const SupportScheduled = event("SupportScheduled", { plan: SupportPlan })
/**
 * A support payment was made to the family.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.SupportPaid, {
 *   type: "SupportPaid", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["payment"]: missing
 * ```
 *
 * @since 0.1.0
 */
export const SupportPaid = event("SupportPaid", { payment: SupportPayment })
/**
 * The child returned to a family or community placement (parents, kinship,
 * foster, community-based, independent living); `override` is set when steps
 * were skipped or readiness was not met.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.Reunified, {
 *   type: "Reunified", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   placement: { type: "kinship", since: "2018-09-01", householdId: "HH-1" }
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const Reunified = event("Reunified", {
  placement: Placement,
  override: Schema.optionalKey(Schema.Struct({ approvedBy: Id, justification: Text }))
})
/**
 * The child was placed elsewhere (e.g. temporary placement in a residential
 * facility that meets minimum standards).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.Placed, {
 *   type: "Placed", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   placement: { type: "transitional-shelter", since: "2018-09-01", institutionId: "inst-2" }
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const Placed = event("Placed", { placement: Placement })
/**
 * A follow-up (monitoring) visit after reunification was recorded.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.MonitoringVisitRecorded, {
 *   type: "MonitoringVisitRecorded", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["visit"]: missing
 * ```
 *
 * @since 0.1.0
 */
export const MonitoringVisitRecorded = event("MonitoringVisitRecorded", { visit: FollowUpVisit })
/**
 * The closure assessment (child and family criteria) was recorded.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ClosureAssessed, {
 *   type: "ClosureAssessed", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["assessment"]: missing
 * ```
 *
 * @since 0.1.0
 */
export const ClosureAssessed = event("ClosureAssessed", { assessment: ClosureAssessment })
/**
 * Reintegration broke down and the child returned to care.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.BrokeDown, {
 *   type: "BrokeDown", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   placement: { type: "residential-care", since: "2018-09-01", institutionId: "inst-1" }
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const BrokeDown = event("BrokeDown", { placement: Placement })
/**
 * The case was transferred to another agency (and optionally a named social worker).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.CaseTransferred, {
 *   type: "CaseTransferred", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   toAgencyId: "agency-2"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const CaseTransferred = event("CaseTransferred", { toAgencyId: Id, toSocialWorkerId: Schema.optionalKey(Id) })
/**
 * The case was closed, with the reason (`closureReason`).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.CaseClosed, {
 *   type: "CaseClosed", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   closureReason: "reintegration-complete"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const CaseClosed = event("CaseClosed", { closureReason: CaseClosureReason })
/**
 * A closed case was reopened (e.g. after a breakdown).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.CaseReopened, {
 *   type: "CaseReopened", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   placement: { type: "residential-care", since: "2018-09-01", institutionId: "inst-1" }
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.1.0
 */
export const CaseReopened = event("CaseReopened", { placement: Placement })

/**
 * A safety plan was made (after a high-risk assessment).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.SafetyPlanRecorded, {
 *   type: "SafetyPlanRecorded", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["plan"]: missing
 * ```
 *
 * @since 0.2.0
 */
export const SafetyPlanRecorded = event("SafetyPlanRecorded", { plan: SafetyPlan })
/**
 * The reunification agreement was signed and witnessed.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.AgreementSigned, {
 *   type: "AgreementSigned", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["agreement"]: missing
 * ```
 *
 * @since 0.2.0
 */
export const AgreementSigned = event("AgreementSigned", { agreement: ReunificationAgreement })
/**
 * A case conference was held (Primero Cambodia triggers).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.CaseConferenceHeld, {
 *   type: "CaseConferenceHeld", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["conference"]: missing
 * ```
 *
 * @since 0.2.0
 */
export const CaseConferenceHeld = event("CaseConferenceHeld", { conference: CaseConference })
/**
 * An exception allowing a young child to stay in residential care was recorded (UN Guidelines ¶22).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.CareExceptionRecorded, {
 *   type: "CareExceptionRecorded", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["exception"]: missing
 * ```
 *
 * @since 0.2.0
 */
export const CareExceptionRecorded = event("CareExceptionRecorded", { exception: CareException })
/**
 * A youth's work and study were recorded (supported independent living, Aziza's Place).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ActivityRecorded, {
 *   type: "ActivityRecorded", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" }
 * })
 * if (Result.isFailure(event)) console.log(event.failure.map((i) => i.pathString)) // ["activity"]: missing
 * ```
 *
 * @since 0.2.0
 */
export const ActivityRecorded = event("ActivityRecorded", { activity: YouthActivity })
/**
 * The child and family were referred to another agency (information is shared with it).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.Referred, {
 *   type: "Referred", eventId: "case-1#2", caseId: "case-1", occurredOn: "2018-09-01", recordedAt: "2018-09-01T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   referralId: "ref-1", toAgencyId: "agency-3"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.2.0
 */
export const Referred = event("Referred", {
  referralId: Id,
  toAgencyId: Id,
  service: Schema.optionalKey(Text),
  /** The kind of service (since 0.3.0). */
  serviceType: Schema.optionalKey(ServiceType),
  /** The last day by which the service should be given (since 0.3.0). */
  dueOn: Schema.optionalKey(IsoDate)
})
/**
 * The receiving agency accepted a referral.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ReferralAccepted, {
 *   type: "ReferralAccepted", eventId: "case-1#3", caseId: "case-1", occurredOn: "2018-09-05", recordedAt: "2018-09-05T08:00:00Z",
 *   actor: { id: "partner-1", role: "social-worker" },
 *   referralId: "ref-1"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.3.0
 */
export const ReferralAccepted = event("ReferralAccepted", { referralId: Id })
/**
 * The receiving agency declined a referral, with a reason.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ReferralDeclined, {
 *   type: "ReferralDeclined", eventId: "case-1#3", caseId: "case-1", occurredOn: "2018-09-05", recordedAt: "2018-09-05T08:00:00Z",
 *   actor: { id: "partner-1", role: "social-worker" },
 *   referralId: "ref-1", declineReason: "no-capacity"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.3.0
 */
export const ReferralDeclined = event("ReferralDeclined", { referralId: Id, declineReason: DeclineReason })
/**
 * The referred service was given.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ReferralCompleted, {
 *   type: "ReferralCompleted", eventId: "case-1#3", caseId: "case-1", occurredOn: "2018-09-05", recordedAt: "2018-09-05T08:00:00Z",
 *   actor: { id: "partner-1", role: "social-worker" },
 *   referralId: "ref-1"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.3.0
 */
export const ReferralCompleted = event("ReferralCompleted", { referralId: Id })
/**
 * A referral no longer needed was closed.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ReferralClosed, {
 *   type: "ReferralClosed", eventId: "case-1#3", caseId: "case-1", occurredOn: "2018-09-05", recordedAt: "2018-09-05T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   referralId: "ref-1"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.3.0
 */
export const ReferralClosed = event("ReferralClosed", { referralId: Id })
/**
 * A transfer to another agency or social worker was requested (the case stays where it is until accepted).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.TransferRequested, {
 *   type: "TransferRequested", eventId: "case-1#3", caseId: "case-1", occurredOn: "2018-09-05", recordedAt: "2018-09-05T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   transferId: "tr-1", toAgencyId: "agency-2"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.3.0
 */
export const TransferRequested = event("TransferRequested", {
  transferId: Id,
  toAgencyId: Id,
  toSocialWorkerId: Schema.optionalKey(Id)
})
/**
 * The receiving side accepted a transfer: the case changes hands.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.TransferAccepted, {
 *   type: "TransferAccepted", eventId: "case-1#3", caseId: "case-1", occurredOn: "2018-09-05", recordedAt: "2018-09-05T08:00:00Z",
 *   actor: { id: "sw-9", role: "social-worker" },
 *   transferId: "tr-1"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.3.0
 */
export const TransferAccepted = event("TransferAccepted", { transferId: Id })
/**
 * The receiving side rejected a transfer, with a reason.
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.TransferRejected, {
 *   type: "TransferRejected", eventId: "case-1#3", caseId: "case-1", occurredOn: "2018-09-05", recordedAt: "2018-09-05T08:00:00Z",
 *   actor: { id: "sw-9", role: "social-worker" },
 *   transferId: "tr-1", rejectReason: "out-of-area"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.3.0
 */
export const TransferRejected = event("TransferRejected", { transferId: Id, rejectReason: RejectReason })
/**
 * An approval was requested for a step (`subjectId`: the referral or transfer it is for).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ApprovalRequested, {
 *   type: "ApprovalRequested", eventId: "case-1#3", caseId: "case-1", occurredOn: "2018-09-05", recordedAt: "2018-09-05T08:00:00Z",
 *   actor: { id: "sw-1", role: "social-worker" },
 *   approvalId: "ap-1", step: "reunification"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.3.0
 */
export const ApprovalRequested = event("ApprovalRequested", {
  approvalId: Id,
  step: ApprovalStep,
  subjectId: Schema.optionalKey(Id)
})
/**
 * An approval was given (the actor is the approver).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ApprovalGranted, {
 *   type: "ApprovalGranted", eventId: "case-1#3", caseId: "case-1", occurredOn: "2018-09-05", recordedAt: "2018-09-05T08:00:00Z",
 *   actor: { id: "sup-1", role: "supervisor" },
 *   approvalId: "ap-1"
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.3.0
 */
export const ApprovalGranted = event("ApprovalGranted", { approvalId: Id, comment: Schema.optionalKey(SensitiveText) })
/**
 * An approval was refused, with a comment (the actor is the approver).
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { CaseEvent, Validation } from "@homeward/core"
 *
 * const event = Validation.decodeUnknown(CaseEvent.ApprovalRejected, {
 *   type: "ApprovalRejected", eventId: "case-1#3", caseId: "case-1", occurredOn: "2018-09-05", recordedAt: "2018-09-05T08:00:00Z",
 *   actor: { id: "sup-1", role: "supervisor" },
 *   approvalId: "ap-1", comment: "Visit the household again first."
 * })
 * Result.isSuccess(event) // true
 * ```
 *
 * @since 0.3.0
 */
export const ApprovalRejected = event("ApprovalRejected", { approvalId: Id, comment: SensitiveText })

/**
 * Every case event, discriminated by `type`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CaseEvent } from "@homeward/core"
 *
 * const decode = Schema.decodeUnknownResult(CaseEvent.CaseEvent)
 * decode({ type: "WorkerAssigned", eventId: "e1", caseId: "c1", occurredOn: "2018-01-02",
 *   recordedAt: "2018-01-02T08:00:00Z", actor: { id: "sw1", role: "social-worker" }, socialWorkerId: "sw2" })
 * ```
 *
 * @since 0.1.0
 */
export const CaseEvent = Schema.Union([
  CaseOpened,
  WorkerAssigned,
  Assessed,
  FamilyTraced,
  ViewsRecorded,
  BestInterestDetermined,
  ConsentRecorded,
  ConsentWithdrawn,
  PhaseAdvanced,
  PhaseSteppedBack,
  ContactRecorded,
  IncidentReported,
  IncidentResolved,
  SupportScheduled,
  SupportPaid,
  Reunified,
  Placed,
  MonitoringVisitRecorded,
  ClosureAssessed,
  BrokeDown,
  CaseTransferred,
  CaseClosed,
  CaseReopened,
  SafetyPlanRecorded,
  AgreementSigned,
  CaseConferenceHeld,
  CareExceptionRecorded,
  ActivityRecorded,
  Referred,
  ReferralAccepted,
  ReferralDeclined,
  ReferralCompleted,
  ReferralClosed,
  TransferRequested,
  TransferAccepted,
  TransferRejected,
  ApprovalRequested,
  ApprovalGranted,
  ApprovalRejected
]).annotate({ identifier: "CaseEvent", title: "Case event" })

/**
 * A case event.
 *
 * @since 0.1.0
 */
export type CaseEvent = typeof CaseEvent.Type

/**
 * Encoded (JSON) form of a case event.
 *
 * @since 0.1.0
 */
export type CaseEventEncoded = typeof CaseEvent.Encoded

/**
 * Event type names.
 *
 * @since 0.1.0
 */
export type CaseEventType = CaseEvent["type"]

/**
 * Narrow a case event by its type.
 *
 * @since 0.1.0
 */
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { readonly type: T }>
