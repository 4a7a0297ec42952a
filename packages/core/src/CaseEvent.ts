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
 * @since 0.1.0
 */
export type CaseClosureReason = typeof CaseClosureReason.Type

/**
 * Incident severity.
 *
 * @since 0.1.0
 */
export const IncidentSeverity = Schema.Literals(["low", "medium", "high"])

/**
 * The case was opened for a child in care.
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
/** @since 0.1.0 */
export const WorkerAssigned = event("WorkerAssigned", { socialWorkerId: Id })
/** @since 0.1.0 */
export const Assessed = event("Assessed", { assessment: Assessment })
/** @since 0.1.0 */
export const FamilyTraced = event("FamilyTraced", { household: Household })
/** @since 0.1.0 */
export const ViewsRecorded = event("ViewsRecorded", { views: ChildViews })
/** @since 0.1.0 */
export const BestInterestDetermined = event("BestInterestDetermined", { determination: BestInterestDetermination })
/** @since 0.1.0 */
export const ConsentRecorded = event("ConsentRecorded", { consent: Consent })
/** @since 0.1.0 */
export const ConsentWithdrawn = event("ConsentWithdrawn", { consentId: Id, withdrawnOn: IsoDate })
/**
 * The case moved forward; `override` is set when a step was skipped.
 * @since 0.1.0
 */
export const PhaseAdvanced = event("PhaseAdvanced", {
  from: PhaseRef,
  to: PhaseRef,
  override: Schema.optionalKey(Schema.Struct({ approvedBy: Id, justification: Text }))
})
/** @since 0.1.0 */
export const PhaseSteppedBack = event("PhaseSteppedBack", { from: PhaseRef, to: PhaseRef, concern: Text })
/** @since 0.1.0 */
export const ContactRecorded = event("ContactRecorded", { contact: Contact })
/** @since 0.1.0 */
export const IncidentReported = event("IncidentReported", {
  incidentId: Id,
  severity: IncidentSeverity,
  description: Schema.optionalKey(SensitiveText)
})
/** @since 0.1.0 */
export const IncidentResolved = event("IncidentResolved", { incidentId: Id })
/** @since 0.1.0 */
export const SupportScheduled = event("SupportScheduled", { plan: SupportPlan })
/** @since 0.1.0 */
export const SupportPaid = event("SupportPaid", { payment: SupportPayment })
/**
 * The child returned to a family or community placement (parents, kinship,
 * foster, community-based, independent living); `override` is set when steps
 * were skipped or readiness was not met.
 * @since 0.1.0
 */
export const Reunified = event("Reunified", {
  placement: Placement,
  override: Schema.optionalKey(Schema.Struct({ approvedBy: Id, justification: Text }))
})
/**
 * The child was placed elsewhere (e.g. temporary placement in a residential
 * facility that meets minimum standards).
 * @since 0.1.0
 */
export const Placed = event("Placed", { placement: Placement })
/** @since 0.1.0 */
export const MonitoringVisitRecorded = event("MonitoringVisitRecorded", { visit: FollowUpVisit })
/** @since 0.1.0 */
export const ClosureAssessed = event("ClosureAssessed", { assessment: ClosureAssessment })
/**
 * Reintegration broke down and the child returned to care.
 * @since 0.1.0
 */
export const BrokeDown = event("BrokeDown", { placement: Placement })
/** @since 0.1.0 */
export const CaseTransferred = event("CaseTransferred", { toAgencyId: Id, toSocialWorkerId: Schema.optionalKey(Id) })
/** @since 0.1.0 */
export const CaseClosed = event("CaseClosed", { closureReason: CaseClosureReason })
/**
 * A closed case was reopened (e.g. after a breakdown).
 * @since 0.1.0
 */
export const CaseReopened = event("CaseReopened", { placement: Placement })

/**
 * A safety plan was made (after a high-risk assessment).
 * @since 0.2.0
 */
export const SafetyPlanRecorded = event("SafetyPlanRecorded", { plan: SafetyPlan })
/**
 * The reunification agreement was signed and witnessed.
 * @since 0.2.0
 */
export const AgreementSigned = event("AgreementSigned", { agreement: ReunificationAgreement })
/**
 * A case conference was held (Primero Cambodia triggers).
 * @since 0.2.0
 */
export const CaseConferenceHeld = event("CaseConferenceHeld", { conference: CaseConference })
/**
 * An exception allowing a young child to stay in residential care was recorded (UN Guidelines ¶22).
 * @since 0.2.0
 */
export const CareExceptionRecorded = event("CareExceptionRecorded", { exception: CareException })
/**
 * A youth's work and study were recorded (supported independent living, Aziza's Place).
 * @since 0.2.0
 */
export const ActivityRecorded = event("ActivityRecorded", { activity: YouthActivity })
/**
 * The child and family were referred to another agency (information is shared with it).
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
 * @since 0.3.0
 */
export const ReferralAccepted = event("ReferralAccepted", { referralId: Id })
/**
 * The receiving agency declined a referral, with a reason.
 * @since 0.3.0
 */
export const ReferralDeclined = event("ReferralDeclined", { referralId: Id, declineReason: DeclineReason })
/**
 * The referred service was given.
 * @since 0.3.0
 */
export const ReferralCompleted = event("ReferralCompleted", { referralId: Id })
/**
 * A referral no longer needed was closed.
 * @since 0.3.0
 */
export const ReferralClosed = event("ReferralClosed", { referralId: Id })
/**
 * A transfer to another agency or social worker was requested (the case stays where it is until accepted).
 * @since 0.3.0
 */
export const TransferRequested = event("TransferRequested", {
  transferId: Id,
  toAgencyId: Id,
  toSocialWorkerId: Schema.optionalKey(Id)
})
/**
 * The receiving side accepted a transfer: the case changes hands.
 * @since 0.3.0
 */
export const TransferAccepted = event("TransferAccepted", { transferId: Id })
/**
 * The receiving side rejected a transfer, with a reason.
 * @since 0.3.0
 */
export const TransferRejected = event("TransferRejected", { transferId: Id, rejectReason: RejectReason })
/**
 * An approval was requested for a step (`subjectId`: the referral or transfer it is for).
 * @since 0.3.0
 */
export const ApprovalRequested = event("ApprovalRequested", {
  approvalId: Id,
  step: ApprovalStep,
  subjectId: Schema.optionalKey(Id)
})
/**
 * An approval was given (the actor is the approver).
 * @since 0.3.0
 */
export const ApprovalGranted = event("ApprovalGranted", { approvalId: Id, comment: Schema.optionalKey(SensitiveText) })
/**
 * An approval was refused, with a comment (the actor is the approver).
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
