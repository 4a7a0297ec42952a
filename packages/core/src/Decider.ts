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
import { type Citation, cite, type PolicyProfile, resolve } from "./PolicyProfile.js"
import { SupportPayment, SupportPlan } from "./Support.js"
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

/** @since 0.1.0 */
export const OpenCase = command("OpenCase", {
  child: Child,
  institutionId: Id,
  agencyId: Id,
  socialWorkerId: Id,
  admissionReasons: Schema.Array(AdmissionReason).check(Schema.isMinLength(1)),
  placement: Placement
})
/** @since 0.1.0 */
export const AssignWorker = command("AssignWorker", { socialWorkerId: Id })
/** @since 0.1.0 */
export const RecordAssessment = command("RecordAssessment", { assessment: Assessment })
/** @since 0.1.0 */
export const TraceFamily = command("TraceFamily", { household: Household })
/** @since 0.1.0 */
export const RecordViews = command("RecordViews", { views: ChildViews })
/** @since 0.1.0 */
export const DetermineBestInterest = command("DetermineBestInterest", { determination: BestInterestDetermination })
/** @since 0.1.0 */
export const RecordConsent = command("RecordConsent", { consent: Consent })
/** @since 0.1.0 */
export const WithdrawConsent = command("WithdrawConsent", {
  consentId: Id,
  withdrawnOn: Schema.optionalKey(IsoDate)
})
/**
 * Move forward: to the next phase, or to an explicit later target (`to`),
 * which needs an `override` when it skips a step or when the readiness rules
 * are not met.
 * @since 0.1.0
 */
export const Advance = command("Advance", { to: Schema.optionalKey(PhaseRef), override: Schema.optionalKey(Override) })
/**
 * Step back on a concern (always allowed from assessment up to the last
 * contact step); default target: one step back.
 * @since 0.1.0
 */
export const StepBack = command("StepBack", { concern: Text, to: Schema.optionalKey(PhaseRef) })
/** @since 0.1.0 */
export const RecordContact = command("RecordContact", { contact: Contact })
/** @since 0.1.0 */
export const ReportIncident = command("ReportIncident", {
  incidentId: Id,
  severity: IncidentSeverity,
  description: Schema.optionalKey(SensitiveText)
})
/** @since 0.1.0 */
export const ResolveIncident = command("ResolveIncident", { incidentId: Id })
/** @since 0.1.0 */
export const ScheduleSupport = command("ScheduleSupport", { plan: SupportPlan })
/** @since 0.1.0 */
export const PaySupport = command("PaySupport", { payment: SupportPayment })
/**
 * The child returns to a family or community placement (from the last
 * contact step when ready, or with an override).
 * @since 0.1.0
 */
export const Reunify = command("Reunify", { placement: Placement, override: Schema.optionalKey(Override) })
/** @since 0.1.0 */
export const Place = command("Place", { placement: Placement })
/** @since 0.1.0 */
export const RecordMonitoringVisit = command("RecordMonitoringVisit", { visit: FollowUpVisit })
/** @since 0.1.0 */
export const AssessClosure = command("AssessClosure", { assessment: ClosureAssessment })
/** @since 0.1.0 */
export const RecordBreakdown = command("RecordBreakdown", { placement: Placement })
/** @since 0.1.0 */
export const Transfer = command("Transfer", { toAgencyId: Id, toSocialWorkerId: Schema.optionalKey(Id) })
/** @since 0.1.0 */
export const Close = command("Close", { closureReason: CaseClosureReason })
/**
 * Record a safety plan (after a high-risk assessment).
 * @since 0.2.0
 */
export const RecordSafetyPlan = command("RecordSafetyPlan", { plan: SafetyPlan })
/**
 * Record the signed and witnessed reunification agreement.
 * @since 0.2.0
 */
export const RecordAgreement = command("RecordAgreement", { agreement: ReunificationAgreement })
/**
 * Record a case conference.
 * @since 0.2.0
 */
export const RecordCaseConference = command("RecordCaseConference", { conference: CaseConference })
/**
 * Record an exception allowing a young child in residential care (UN Guidelines ¶22).
 * @since 0.2.0
 */
export const RecordCareException = command("RecordCareException", { exception: CareException })
/**
 * Record a youth's work and study (supported independent living).
 * @since 0.2.0
 */
export const RecordActivity = command("RecordActivity", { activity: YouthActivity })
/**
 * Refer the child and family to another agency's services (shares information with it).
 * @since 0.2.0
 */
export const Refer = command("Refer", { referralId: Id, toAgencyId: Id, service: Schema.optionalKey(Text) })
/** @since 0.1.0 */
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
  Refer
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

/** Consent for a purpose and agency, as a list of blockers (empty when covered). */
const consentBlockers = (
  state: CaseState,
  purpose: "services" | "information-sharing",
  agency: string,
  profile: PolicyProfile,
  on: Date
): ReadonlyArray<Reason> =>
  consentCovers(state, profile, on, purpose, agency).reasons.filter((x) => x.severity === "blocker")

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
 *   exception or referral ids are rejected; a support plan with the same id
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
      if (!d.outcome.ready) return blockers(d.reasons)
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
        ...conferenceHeld(state, profile, on, "relocation-or-transfer").reasons.filter((x) => x.severity === "blocker")
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
      if (!d.outcome.eligible) return blockers(d.reasons)
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
      const refused = consentBlockers(state, "information-sharing", cmd.toAgencyId, profile, on)
      if (refused.length > 0) return { ok: false, reasons: refused }
      return one("Referred", {
        referralId: cmd.referralId,
        toAgencyId: cmd.toAgencyId,
        ...(cmd.service === undefined ? {} : { service: cmd.service })
      })
    }
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
