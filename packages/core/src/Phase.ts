/**
 * Phases of a reintegration case (Inter-agency Guidelines on Children's
 * Reintegration 2016; Retrak SOP; Aziza's Place): intake → assessment →
 * preparation → gradual contact (the policy profile's steps) → reunified and
 * monitored → closed, plus returned to care (breakdown) and transferred.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { Placement } from "./Case.js"
import type { CaseState } from "./CaseState.js"
import { Id, Text } from "./Common.js"
import type { ContactKind } from "./Contact.js"
import { type Decision, make, type Reason, requireValidDate } from "./Decision.js"
import { assessReintegration, type Outcome as EligibilityOutcome } from "./Eligibility.js"
import { dayNumber } from "./internal/dates.js"
import { daysFrom, iag, ungl } from "./internal/ruleSources.js"
import { type Citation, type ContactStep, cite, type PolicyProfile, resolve } from "./PolicyProfile.js"
import { reunificationChecks } from "./Reunification.js"

/**
 * Phase names.
 *
 * @since 0.1.0
 */
export const PhaseName = Schema.Literals([
  "intake",
  "assessment",
  "preparation",
  "gradual-contact",
  "reunified",
  "closed",
  "returned-to-care",
  "transferred"
])

/**
 * @since 0.1.0
 */
export type PhaseName = typeof PhaseName.Type

/**
 * A position in the pathway: a phase and, in `gradual-contact`, the id of the
 * policy profile's contact step.
 *
 * @since 0.1.0
 */
export const PhaseRef = Schema.Struct({
  phase: PhaseName,
  step: Schema.optionalKey(Schema.String.check(Schema.isMinLength(1)))
}).annotate({ identifier: "PhaseRef" })

/**
 * @since 0.1.0
 */
export type PhaseRef = typeof PhaseRef.Type

// ---------------------------------------------------------------------------
// State machine
// ---------------------------------------------------------------------------

/**
 * Sources of the phase order (not parameters: the order itself).
 *
 * @since 0.1.0
 */
export const sources = {
  order: iag(
    "Tracing, assessment and planning → preparation of child and family → reunification → follow-up and support → case closure"
  ),
  preparedForChange: ungl("¶68: the child is prepared for every change of care setting"),
  incident: ungl("¶51: contact during reintegration is supported and monitored")
} as const satisfies Record<string, Citation>

/**
 * An approved exception to the phase order: who approved it and why.
 *
 * @since 0.1.0
 */
export const Override = Schema.Struct({ approvedBy: Id, justification: Text }).annotate({
  identifier: "PhaseOverride"
})

/**
 * @since 0.1.0
 */
export type Override = typeof Override.Type

/**
 * The ordered pathway of a profile: intake, assessment, preparation, one
 * `gradual-contact` position per contact step, reunified, closed.
 * `returned-to-care` and `transferred` are outside the pathway.
 *
 * @example
 * ```ts
 * import { Phase, Profiles } from "@homeward/core"
 *
 * const steps = Profiles.azizasPlace.parameters.phases.contactSteps.value
 * Phase.pathway(steps).map((p) => p.step ?? p.phase)
 * // ["intake", "assessment", "preparation", "sunday-day-visits", "weekend-sleepovers",
 * //  "two-three-nights", "every-night", "reunified", "closed"]
 * ```
 *
 * @since 0.1.0
 */
export const pathway = (steps: ReadonlyArray<ContactStep>): ReadonlyArray<PhaseRef> => {
  const hit = pathwayCache.get(steps)
  if (hit !== undefined) return hit
  const out: Array<PhaseRef> = [
    { phase: "intake" },
    { phase: "assessment" },
    { phase: "preparation" },
    ...steps.map((s): PhaseRef => ({ phase: "gradual-contact", step: s.id })),
    { phase: "reunified" },
    { phase: "closed" }
  ]
  pathwayCache.set(steps, out)
  return out
}
const pathwayCache = new WeakMap<ReadonlyArray<ContactStep>, ReadonlyArray<PhaseRef>>()

/**
 * Position of a phase in the pathway, or -1 (`returned-to-care`,
 * `transferred`, or a contact step the profile does not know).
 *
 * @since 0.1.0
 */
export const indexOf = (ref: PhaseRef, steps: ReadonlyArray<ContactStep>): number => {
  switch (ref.phase) {
    case "intake":
      return 0
    case "assessment":
      return 1
    case "preparation":
      return 2
    case "gradual-contact": {
      const i = steps.findIndex((s) => s.id === ref.step)
      return i < 0 ? -1 : 3 + i
    }
    case "reunified":
      return 3 + steps.length
    case "closed":
      return 4 + steps.length
    default:
      return -1
  }
}

/**
 * Whether two phase refs are the same position.
 *
 * @since 0.1.0
 */
export const equals = (a: PhaseRef, b: PhaseRef): boolean => a.phase === b.phase && a.step === b.step

/**
 * Human-readable label of a phase ref (the step label in gradual contact).
 *
 * @since 0.1.0
 */
export const label = (ref: PhaseRef, steps: ReadonlyArray<ContactStep>): string =>
  ref.phase === "gradual-contact" ? (steps.find((s) => s.id === ref.step)?.label ?? ref.step ?? ref.phase) : ref.phase

const stepsOf = (profile: PolicyProfile, asOf: Date): ReadonlyArray<ContactStep> =>
  resolve(profile, asOf).values.phases.contactSteps

/**
 * The next position from a phase: the next pathway position; after
 * `returned-to-care` or `transferred`, a new `assessment`; none after `closed`.
 *
 * @since 0.1.0
 */
export const nextOf = (ref: PhaseRef, steps: ReadonlyArray<ContactStep>): PhaseRef | undefined => {
  if (ref.phase === "returned-to-care" || ref.phase === "transferred") return { phase: "assessment" }
  if (ref.phase === "closed") return undefined
  const i = indexOf(ref, steps)
  // An unknown contact step (profile changed): restart gradual contact at its first step.
  if (i < 0) return pathway(steps)[3]
  return pathway(steps)[i + 1]
}

/**
 * The next phase of a case (`asOf` picks the contact steps of the profile
 * in force on that day).
 *
 * @example
 * ```ts
 * import { CaseState, Phase, Profiles } from "@homeward/core"
 *
 * Phase.next(CaseState.initial("c1"), Profiles.azizasPlace, new Date("2018-01-01")) // { phase: "assessment" }
 * ```
 *
 * @since 0.1.0
 */
export const next = (state: CaseState, profile: PolicyProfile, asOf: Date): PhaseRef | undefined => {
  requireValidDate(asOf)
  return nextOf(state.phase, stepsOf(profile, asOf))
}

/**
 * The previous position (one step back) of a phase, if stepping back is
 * possible from it: from `assessment` up to the last contact step. Stepping
 * back from `reunified` is a breakdown (`returned-to-care`), not a step back.
 *
 * @since 0.1.0
 */
export const previousOf = (ref: PhaseRef, steps: ReadonlyArray<ContactStep>): PhaseRef | undefined => {
  const i = indexOf(ref, steps)
  if (i < 1 || i > 2 + steps.length) return undefined
  return pathway(steps)[i - 1]
}

/**
 * Readiness to move on: whether the case may advance and to where.
 *
 * @since 0.1.0
 */
export interface Readiness {
  readonly ready: boolean
  readonly next?: PhaseRef
}

/**
 * Options of {@link canAdvance}.
 *
 * @since 0.1.0
 */
export interface CanAdvanceOptions {
  /**
   * The eligibility decision to use when leaving preparation (default:
   * `Eligibility.assessReintegration(state, profile, asOf)`).
   */
  readonly eligibility?: Decision<EligibilityOutcome>
  /**
   * The placement a return from the last contact step would go to (its
   * household, type and start day), for the return's safeguards
   * (`Reunification.reunificationChecks`); default: a family reunification
   * with the target household on `asOf`.
   */
  readonly placement?: Placement
  /** Whether to check the return's safeguards when the next phase is `reunified` (default true). */
  readonly withReturnSafeguards?: boolean
}

const r = (
  code: string,
  rule: string,
  source: Citation,
  severity: Reason["severity"],
  message: string,
  details?: Reason["details"]
): Reason =>
  details === undefined ? { code, rule, source, severity, message } : { code, rule, source, severity, message, details }

/**
 * Progress in the current contact step: positive contacts of the step's
 * kinds recorded in this step since the last contact with concerns or an
 * incident, days in the step, and whether such a contact occurred.
 *
 * Rule (documented choice): a contact in the step whose outcome is
 * `concerns` or `incident` **resets** the count of positive contacts (only
 * positive contacts after it count), but not the dwell time: the child and
 * family show again that the step works, without an artificial restart of
 * the calendar. An open incident blocks advancing in any phase.
 *
 * @since 0.1.0
 */
export const stepProgress = (
  state: CaseState,
  asOf: Date,
  step: ContactStep
): { readonly positive: number; readonly dwellDays: number; readonly concernsInStep: number } => {
  requireValidDate(asOf)
  const since = state.phaseSince?.getTime() ?? Number.NEGATIVE_INFINITY
  const limit = asOf.getTime()
  let positive = 0
  let concernsInStep = 0
  for (const c of state.contacts) {
    const t = c.date.getTime()
    if (t < since || t > limit) continue
    if (c.phase.phase !== "gradual-contact" || c.phase.step !== step.id) continue
    if (c.outcome === "positive") {
      if (step.contactKinds.includes(c.kind)) positive++
    } else {
      concernsInStep++
      positive = 0
    }
  }
  const dwellDays = state.phaseSince === undefined ? 0 : daysFrom(state.phaseSince, asOf)
  return { positive, dwellDays, concernsInStep }
}

/**
 * Nights at home a contact stands for: its `nights` when recorded, otherwise
 * 1 for an `overnight` stay, 2 for a `multi-night` stay (the least the kind
 * means) and 0 for any other kind.
 *
 * @since 0.2.0
 */
export const nightsOf = (contact: { readonly kind: ContactKind; readonly nights?: number }): number =>
  contact.nights ?? (contact.kind === "overnight" ? 1 : contact.kind === "multi-night" ? 2 : 0)

/**
 * One complete week of a contact step.
 *
 * @since 0.2.0
 */
export interface StepWeek {
  /** Week number from 1 (days 1–7 of the step). */
  readonly week: number
  readonly from: Date
  /** Distinct visit days or nights at home in the week (the step's `weekly.measure`). */
  readonly count: number
  /** Whether a contact of the step in that week had concerns or an incident. */
  readonly concerns: boolean
}

/**
 * What a contact step's weekly requirement found on `asOf`.
 *
 * @since 0.2.0
 */
export interface WeeklyProgress {
  /** Complete weeks of the step so far (a week is complete the day after its seventh day). */
  readonly completeWeeks: number
  /** The last `weekly.weeks` complete weeks (fewer when fewer are complete), oldest first. */
  readonly window: ReadonlyArray<StepWeek>
  /** Weeks of the window with at least `weekly.min` and no concern. */
  readonly qualifying: number
  /** Weeks of the window above `weekly.max` (more than the step plans). */
  readonly aboveMax: number
  /** A contact with concerns or an incident after the window began (up to `asOf`). */
  readonly concernInWindow: boolean
  /** Whether the requirement is met: `weekly.weeks` complete weeks, each qualifying, and no concern since. */
  readonly met: boolean
}

/**
 * The weekly requirement of a contact step (see `PolicyProfile.WeeklyContact`)
 * on `asOf`. Weeks are counted from the day the step began (`phaseSince`): week
 * 1 is its first seven days, and a week counts once it is complete (on its
 * eighth day). Only contacts recorded in this step, dated from its first day to
 * `asOf`, count. `visits`: the distinct days with a positive contact of the
 * step's kinds. `nights`: the distinct nights at home covered by positive
 * contacts of the step's kinds, a contact on day d with n nights (see
 * {@link nightsOf}) covering the nights of days d … d + n − 1, each in its own
 * week. The requirement is met when the last `weeks` complete weeks each have
 * at least `min`, no contact with concerns or an incident happened in them or
 * since, and at least `weeks` weeks are complete. Four one-night stays over
 * four weeks are one night a week: they do not meet "2 or 3 nights a week".
 * Returns `undefined` for a step without a weekly requirement.
 *
 * @since 0.2.0
 */
export const weeklyProgress = (state: CaseState, asOf: Date, step: ContactStep): WeeklyProgress | undefined => {
  requireValidDate(asOf)
  const w = step.weekly
  if (w === undefined) return undefined
  if (state.phaseSince === undefined)
    return { completeWeeks: 0, window: [], qualifying: 0, aboveMax: 0, concernInWindow: false, met: false }
  const first = dayNumber(state.phaseSince)
  const today = dayNumber(asOf)
  const completeWeeks = Math.max(0, Math.floor((today - first) / 7))
  const fromWeek = Math.max(0, completeWeeks - w.weeks)
  const windowStart = first + 7 * fromWeek
  const counted = new Set<number>()
  const concernDays: Array<number> = []
  for (const c of state.contacts) {
    const d = dayNumber(c.date)
    if (d < first || d > today) continue
    if (c.phase.phase !== "gradual-contact" || c.phase.step !== step.id) continue
    if (c.outcome !== "positive") {
      concernDays.push(d)
      continue
    }
    if (!step.contactKinds.includes(c.kind)) continue
    if (w.measure === "visits") counted.add(d)
    else for (let n = 0; n < nightsOf(c); n++) counted.add(d + n)
  }
  const window: Array<StepWeek> = []
  let qualifying = 0
  let aboveMax = 0
  for (let k = fromWeek; k < completeWeeks; k++) {
    const lo = first + 7 * k
    let count = 0
    for (let x = lo; x < lo + 7; x++) if (counted.has(x)) count++
    const concerns = concernDays.some((x) => x >= lo && x < lo + 7)
    if (count >= w.min && !concerns) qualifying++
    if (w.max !== undefined && count > w.max) aboveMax++
    window.push({ week: k + 1, from: new Date(lo * 86_400_000), count, concerns })
  }
  const concernInWindow = concernDays.some((x) => x >= windowStart && x <= today)
  const met = completeWeeks >= w.weeks && qualifying === w.weeks && !concernInWindow
  return { completeWeeks, window, qualifying, aboveMax, concernInWindow, met }
}

/**
 * The least a contact step asks for, as the rules of {@link canAdvance}
 * decide it: positive contacts (the step's `minPositiveContacts`, or more when
 * its weekly requirement needs more: one contact a week for nights, `min` a
 * week for visits), days in the step (`minDwellDays`, or `7 × weekly.weeks`
 * when longer), and whether a contact with concerns resets the count (always:
 * see {@link stepProgress}). A case that records exactly that many positive
 * contacts, spread over the weeks as the weekly requirement asks, is ready on
 * that day of the step and not a day earlier.
 *
 * @example
 * ```ts
 * import { Phase, Profiles } from "@homeward/core"
 *
 * Profiles.azizasPlace.parameters.phases.contactSteps.value.map((s) => Phase.stepMinimums(s).minDwellDays)
 * // [28, 28, 28, 14]
 * ```
 *
 * @since 0.2.0
 */
export const stepMinimums = (
  step: ContactStep
): { readonly positiveContacts: number; readonly minDwellDays: number; readonly resetOnConcern: boolean } => {
  const w = step.weekly
  const perWeek = w === undefined ? 0 : w.measure === "visits" ? w.min : 1
  return {
    positiveContacts: Math.max(step.minPositiveContacts, w === undefined ? 0 : w.weeks * perWeek),
    minDwellDays: Math.max(step.minDwellDays, w === undefined ? 0 : 7 * w.weeks),
    resetOnConcern: true
  }
}

/**
 * Whether the case may advance to its next phase on `asOf`, and why (or why
 * not). Per phase:
 * - any phase: no open incident (blocker `open-incident`);
 * - intake → assessment: the case is open;
 * - assessment → preparation: at least one assessment recorded and one
 *   family traced;
 * - preparation → first contact step: the reintegration eligibility decision
 *   is `ready`;
 * - contact step → next step (or reunification after the last step): at least
 *   `minPositiveContacts` positive contacts of the step's kinds in this step
 *   (reset by a contact with concerns or an incident, see {@link stepProgress}),
 *   at least `minDwellDays` in the step, and the step's weekly requirement
 *   when it has one (see {@link weeklyProgress}); from the last step, the
 *   return's safeguards too (`Reunification.reunificationChecks`, unless
 *   `options.withReturnSafeguards` is false). Dwelling beyond
 *   `longDwellWarningDays` is only a warning: no rule sets a deadline (the
 *   profile's `deadlineDays` is a warning too when set);
 * - reunified → closed: see `Closure.closureEligibility` (not decided here;
 *   the outcome names `closed` as next with `ready: false` and reason
 *   `closure-rules-apply`);
 * - returned to care or transferred → a new assessment: ready.
 *
 * @example
 * ```ts
 * import { CaseState, Phase, Profiles } from "@homeward/core"
 *
 * const d = Phase.canAdvance(CaseState.initial("c1"), Profiles.azizasPlace, new Date("2018-01-01"))
 * d.outcome.ready // false: the case is not open
 * ```
 *
 * @since 0.1.0
 */
export const canAdvance = (
  state: CaseState,
  profile: PolicyProfile,
  asOf: Date,
  options?: CanAdvanceOptions
): Decision<Readiness> => {
  const policy = resolve(profile, asOf)
  const steps = policy.values.phases.contactSteps
  const reasons: Array<Reason> = []
  if (state.status !== "open") {
    reasons.push(
      r(
        state.status === "closed" ? "case-closed" : "case-not-open",
        "phase/case-open",
        sources.order,
        "blocker",
        state.status === "closed" ? "The case is closed; reopen it first." : "The case has not been opened."
      )
    )
    return make(policy, { ready: false }, reasons)
  }
  const target = nextOf(state.phase, steps)
  if (target === undefined) {
    reasons.push(r("no-next-phase", "phase/order", sources.order, "blocker", "There is no phase after this one."))
    return make(policy, { ready: false }, reasons)
  }
  for (const id in state.incidents) {
    const incident = state.incidents[id]!
    if (incident.resolvedOn === undefined) {
      reasons.push(
        r(
          "open-incident",
          "phase/no-open-incident",
          sources.incident,
          "blocker",
          "An incident is open: resolve it before moving on.",
          { incidentId: incident.id, severity: incident.severity }
        )
      )
    }
  }
  const phase = state.phase
  if (phase.phase === "assessment") {
    if (state.assessments.length === 0)
      reasons.push(
        r("assessment-missing", "phase/assessment-recorded", sources.order, "blocker", "No assessment is recorded yet.")
      )
    if (!Object.values(state.households).some((h) => h.tracing === "traced"))
      reasons.push(
        r("family-not-traced", "phase/family-traced", sources.order, "blocker", "No family has been traced yet.")
      )
  } else if (phase.phase === "preparation") {
    const eligibility = options?.eligibility ?? assessReintegration(state, profile, asOf)
    if (eligibility.outcome.kind !== "ready") {
      reasons.push(
        r(
          "eligibility-not-ready",
          "phase/eligibility-ready",
          sources.order,
          "blocker",
          "The reintegration assessment does not yet support gradual contact.",
          {
            eligibility: eligibility.outcome.kind,
            blockers: eligibility.reasons.filter((x) => x.severity === "blocker").length
          }
        )
      )
      for (const x of eligibility.reasons) if (x.severity === "blocker") reasons.push(x)
    }
  } else if (phase.phase === "gradual-contact") {
    const step = steps.find((s) => s.id === phase.step)
    const stepSource = cite(profile, "phases", "contactSteps")
    if (step === undefined) {
      reasons.push(
        r(
          "unknown-step",
          "phase/contact-step",
          stepSource,
          "warning",
          "The current contact step is not in the profile; gradual contact restarts at the first step."
        )
      )
    } else {
      const p = stepProgress(state, asOf, step)
      if (p.positive < step.minPositiveContacts)
        reasons.push(
          r(
            "too-few-positive-contacts",
            "phase/contact-step-min-positive",
            stepSource,
            "blocker",
            `This step needs ${step.minPositiveContacts} positive contacts of its kinds; ${p.positive} counted.`,
            { required: step.minPositiveContacts, counted: p.positive, stepId: step.id }
          )
        )
      if (p.concernsInStep > 0)
        reasons.push(
          r(
            "contact-concerns-reset",
            "phase/contact-step-concerns-reset",
            sources.incident,
            "info",
            "A contact with concerns or an incident in this step reset the count of positive contacts.",
            { concerns: p.concernsInStep }
          )
        )
      if (p.dwellDays < step.minDwellDays)
        reasons.push(
          r(
            "min-dwell-not-reached",
            "phase/contact-step-min-dwell",
            stepSource,
            "blocker",
            `This step lasts at least ${step.minDwellDays} days; ${p.dwellDays} so far.`,
            { required: step.minDwellDays, days: p.dwellDays, stepId: step.id }
          )
        )
      if (p.dwellDays > step.longDwellWarningDays)
        reasons.push(
          r(
            "long-dwell",
            "phase/contact-step-long-dwell",
            stepSource,
            "warning",
            `The case has been in this step for ${p.dwellDays} days; review the plan (a warning, not a deadline).`,
            { warningDays: step.longDwellWarningDays, days: p.dwellDays, stepId: step.id }
          )
        )
      const w = weeklyProgress(state, asOf, step)
      if (w !== undefined && step.weekly !== undefined) {
        const wk = step.weekly
        const src = step.source ?? stepSource
        const unit = wk.measure === "nights" ? "night(s) at home" : "home visit(s)"
        if (!w.met)
          reasons.push(
            r(
              "weekly-contact-not-met",
              "phase/contact-step-weekly",
              src,
              "blocker",
              `This step needs its last ${wk.weeks} complete week(s) each with at least ${wk.min} ${unit} and no concern; ${w.qualifying} of the last ${w.window.length} complete week(s) qualify${w.concernInWindow ? " and a contact with concerns or an incident happened since" : ""}.`,
              {
                stepId: step.id,
                measure: wk.measure,
                min: wk.min,
                weeksRequired: wk.weeks,
                completeWeeks: w.completeWeeks,
                qualifying: w.qualifying,
                concernSince: w.concernInWindow
              }
            )
          )
        if (w.aboveMax > 0 && wk.max !== undefined)
          reasons.push(
            r(
              "weekly-contact-above-step",
              "phase/contact-step-weekly",
              src,
              "warning",
              `In ${w.aboveMax} recent week(s) the child had more than ${wk.max} ${unit}, more than this step plans: consider whether the next step has begun.`,
              { stepId: step.id, max: wk.max, weeks: w.aboveMax }
            )
          )
      }
    }
  } else if (phase.phase === "reunified") {
    reasons.push(
      r(
        "closure-rules-apply",
        "phase/closure",
        sources.order,
        "blocker",
        "A reunified case closes through the closure rules (Closure.closureEligibility), not by advancing."
      )
    )
  }
  if (target.phase === "reunified" && options?.withReturnSafeguards !== false)
    for (const x of reunificationChecks(state, profile, asOf, options?.placement).reasons)
      if (x.severity === "blocker") reasons.push(x)
  const deadline = policy.values.phases.deadlineDays
  if (deadline !== null && state.phaseSince !== undefined && daysFrom(state.phaseSince, asOf) > deadline) {
    reasons.push(
      r(
        "phase-deadline-passed",
        "phase/deadline",
        cite(profile, "phases", "deadlineDays"),
        "warning",
        `The case has been in this phase longer than ${deadline} days.`,
        { deadlineDays: deadline }
      )
    )
  }
  const ready = !reasons.some((x) => x.severity === "blocker")
  return make(policy, { ready, next: target }, reasons)
}

/**
 * Check a requested move forward from the current phase to `to`: moving to
 * the next position needs readiness (or an override); skipping positions
 * always needs an override with who approved it and why (UN Guidelines ¶68:
 * the child is prepared for every change). Returns the readiness decision
 * with the move's own reasons added; `ready` is the final verdict.
 *
 * @since 0.1.0
 */
export const checkMove = (
  state: CaseState,
  profile: PolicyProfile,
  asOf: Date,
  to: PhaseRef,
  override?: Override,
  options?: CanAdvanceOptions
): Decision<Readiness> => {
  const base = canAdvance(state, profile, asOf, { ...options, withReturnSafeguards: false })
  const natural = base.outcome.next
  if (state.status !== "open" || natural === undefined) return base
  const policy = resolve(profile, asOf)
  const steps = policy.values.phases.contactSteps
  const reasons: Array<Reason> = []
  // The return's own safeguards (agreement, case conference, consent, independent living): no override lifts them.
  const safeguards =
    to.phase === "reunified"
      ? reunificationChecks(state, profile, asOf, options?.placement).reasons.filter((x) => x.severity === "blocker")
      : []
  const toIndex = indexOf(to, steps)
  const naturalIndex = indexOf(natural, steps)
  if (toIndex < naturalIndex) {
    reasons.push(
      r("not-forward", "phase/order", sources.order, "blocker", "The target is not ahead of the current phase.", {
        from: state.phase.step ?? state.phase.phase,
        to: to.step ?? to.phase
      })
    )
    return make(policy, { ready: false }, [...base.reasons, ...reasons])
  }
  const skipped = toIndex - naturalIndex
  if (skipped > 0) {
    if (override === undefined) {
      reasons.push(
        r(
          "phase-skipped",
          "phase/no-skip",
          sources.preparedForChange,
          "blocker",
          `Moving to ${label(to, steps)} skips ${skipped} step(s); skipping needs an override with approval and a justification.`,
          { skipped }
        )
      )
      return make(policy, { ready: false, next: to }, [...base.reasons, ...safeguards, ...reasons])
    }
    if (safeguards.length > 0) return make(policy, { ready: false, next: to }, [...base.reasons, ...safeguards])
    reasons.push(
      r(
        "override-skip",
        "phase/no-skip",
        sources.preparedForChange,
        "warning",
        `Skipped ${skipped} step(s) under an approved override.`,
        {
          skipped,
          approvedBy: override.approvedBy
        }
      )
    )
    return make(policy, { ready: true, next: to }, [...base.reasons, ...reasons])
  }
  if (!base.outcome.ready) {
    if (safeguards.length > 0) return make(policy, { ready: false, next: to }, [...base.reasons, ...safeguards])
    if (override === undefined) return base
    if (base.reasons.some((x) => x.code === "case-closed" || x.code === "no-next-phase")) return base
    reasons.push(
      r(
        "override-not-ready",
        "phase/readiness",
        sources.preparedForChange,
        "warning",
        "Advanced before the readiness rules were met, under an approved override.",
        {
          approvedBy: override.approvedBy
        }
      )
    )
    return make(policy, { ready: true, next: to }, [...base.reasons, ...reasons])
  }
  if (safeguards.length > 0) return make(policy, { ready: false, next: to }, [...base.reasons, ...safeguards])
  return base
}
