/**
 * Case closure. A case closes as `reintegration-complete` only when the
 * monitoring duration is over, the latest follow-up visits are green, support
 * has tapered to independence and the latest MoSVY Form 6 final assessment
 * meets the profile's thresholds with the manager's approval. Closure for
 * other reasons (transferred, became adult, died, moved or cannot be found,
 * repatriated, refused services, breakdown, no longer needs support) is
 * allowed and recorded as such, with the checks each reason needs.
 *
 * @since 0.1.0
 */
import type { CaseClosureReason } from "./CaseEvent.js"
import type { CaseState } from "./CaseState.js"
import { ageOn } from "./Child.js"
import { type Decision, make, type Reason } from "./Decision.js"
import { type ClosureAssessment, ClosureChildItems, ClosureFamilyItems } from "./FollowUp.js"
import { dayOf, isoDay } from "./internal/dates.js"
import { homeward, latestOnOrBefore, prim } from "./internal/ruleSources.js"
import { monitoringEnd } from "./Monitoring.js"
import type { Citation } from "./PolicyProfile.js"
import { cite, type PolicyProfile, resolve } from "./PolicyProfile.js"
import { visitRating } from "./Scoring.js"
import { amountOn, supportSchedule } from "./Support.js"

/**
 * Sources of the closure reasons.
 *
 * @since 0.1.0
 */
export const sources = {
  reasons: prim(
    "Case closure outcomes (also OSCaR Form 6): transferred, moved / cannot be found, repatriated, died, became adult, refused services, no longer needs support"
  ),
  recommended: prim("Follow-up: if no further follow-up is needed, do you recommend that the case be closed?"),
  closedCase: homeward(
    "HR-case-lifecycle",
    "Case lifecycle",
    "A closed case takes no command except Reopen: a software rule (default, not law)."
  )
} as const satisfies Record<string, Citation>

/**
 * Outcome of the Form 6 thresholds.
 *
 * @since 0.1.0
 */
export interface Form6Outcome {
  readonly passes: boolean
  readonly childTotal: number
  readonly familyTotal: number
  readonly grandTotal: number
}

/**
 * The MoSVY Form 6 closure thresholds on one final assessment: child total
 * at least `childMinTotal` with no child item below `childMinItem`; family
 * total at least `familyMinTotal` with no family item below `familyMinItem`
 * except the items in `familyItemsExempt` (assistance from relatives); grand
 * total at least `grandMinTotal`; the manager's approval when
 * `managerApprovalRequired`, given on or after the assessment's day and on or
 * before `asOf`. An assessment dated after `asOf` does not count
 * (`form6-after-as-of`).
 *
 * @example
 * ```ts
 * import { Closure, Profiles } from "@homeward/core"
 *
 * const child = { health: 3, nutrition: 3, education: 3, emotionalWellbeing: 3, socialBehaviour: 3,
 *   safety: 3, shelter: 3, relationshipWithCaregiver: 3 }
 * const family = { basicNeeds: 3, income: 3, housing: 3, caregivingSkills: 3, childSafety: 3,
 *   emotionalBond: 3, familyRelationships: 3, healthCareAccess: 3, educationSupport: 3,
 *   communityParticipation: 3, assistanceFromRelatives: 1 }
 * const d = Closure.assessForm6({ id: "f6", date: new Date("2020-01-01"), assessorId: "sw1", child, family,
 *   managerApproval: { managerId: "m1", on: new Date("2020-01-02") } }, Profiles.cambodiaMosvy, new Date("2020-01-03"))
 * d.outcome.passes // true: 24 + 31 = 55 ≥ 48; relatives' help may be 1
 * ```
 *
 * @since 0.1.0
 */
export const assessForm6 = (
  assessment: ClosureAssessment,
  profile: PolicyProfile,
  asOf: Date
): Decision<Form6Outcome> => {
  const policy = resolve(profile, asOf)
  const c = policy.values.closure
  const reasons: Array<Reason> = []
  let childTotal = 0
  for (const item of ClosureChildItems) {
    const v = assessment.child[item]
    childTotal += v
    if (v < c.childMinItem)
      reasons.push({
        code: "child-item-below-minimum",
        rule: "closure/form6-child-item",
        source: cite(profile, "closure", "childMinItem"),
        severity: "blocker",
        message: `A child item scores below ${c.childMinItem}.`,
        details: { item, score: v, minimum: c.childMinItem }
      })
  }
  let familyTotal = 0
  for (const item of ClosureFamilyItems) {
    const v = assessment.family[item]
    familyTotal += v
    if (v < c.familyMinItem) {
      const exempt = c.familyItemsExempt.includes(item)
      reasons.push({
        code: exempt ? "family-item-exempt" : "family-item-below-minimum",
        rule: "closure/form6-family-item",
        source: cite(profile, "closure", exempt ? "familyItemsExempt" : "familyMinItem"),
        severity: exempt ? "info" : "blocker",
        message: exempt
          ? `A family item scores below ${c.familyMinItem} but is exempt from the item minimum.`
          : `A family item scores below ${c.familyMinItem}.`,
        details: { item, score: v, minimum: c.familyMinItem }
      })
    }
  }
  const grandTotal = childTotal + familyTotal
  if (childTotal < c.childMinTotal)
    reasons.push({
      code: "child-total-below-minimum",
      rule: "closure/form6-child-total",
      source: cite(profile, "closure", "childMinTotal"),
      severity: "blocker",
      message: `The child total is ${childTotal}; at least ${c.childMinTotal} is needed.`,
      details: { total: childTotal, minimum: c.childMinTotal }
    })
  if (familyTotal < c.familyMinTotal)
    reasons.push({
      code: "family-total-below-minimum",
      rule: "closure/form6-family-total",
      source: cite(profile, "closure", "familyMinTotal"),
      severity: "blocker",
      message: `The family total is ${familyTotal}; at least ${c.familyMinTotal} is needed.`,
      details: { total: familyTotal, minimum: c.familyMinTotal }
    })
  if (grandTotal < c.grandMinTotal)
    reasons.push({
      code: "grand-total-below-minimum",
      rule: "closure/form6-grand-total",
      source: cite(profile, "closure", "grandMinTotal"),
      severity: "blocker",
      message: `The grand total is ${grandTotal}; at least ${c.grandMinTotal} is needed.`,
      details: { total: grandTotal, minimum: c.grandMinTotal }
    })
  if (assessment.date.getTime() > dayOf(asOf).getTime())
    reasons.push({
      code: "form6-after-as-of",
      rule: "closure/form6-date",
      source: cite(profile, "closure", "grandMinTotal"),
      severity: "blocker",
      message: "The final assessment is dated after the day of the decision: it cannot be relied on yet.",
      details: { date: isoDay(assessment.date) }
    })
  const approval = assessment.managerApproval
  if (c.managerApprovalRequired) {
    if (approval === undefined)
      reasons.push({
        code: "manager-approval-missing",
        rule: "closure/manager-approval",
        source: cite(profile, "closure", "managerApprovalRequired"),
        severity: "blocker",
        message: "The final assessment needs a manager's approval."
      })
    else if (approval.on.getTime() < assessment.date.getTime())
      reasons.push({
        code: "manager-approval-before-form6",
        rule: "closure/manager-approval",
        source: cite(profile, "closure", "managerApprovalRequired"),
        severity: "blocker",
        message: "The manager's approval is dated before the final assessment it approves.",
        details: { approvedOn: isoDay(approval.on), assessedOn: isoDay(assessment.date) }
      })
    else if (approval.on.getTime() > dayOf(asOf).getTime())
      reasons.push({
        code: "manager-approval-after-as-of",
        rule: "closure/manager-approval",
        source: cite(profile, "closure", "managerApprovalRequired"),
        severity: "blocker",
        message: "The manager's approval is dated after the day of the decision: it was not given yet.",
        details: { approvedOn: isoDay(approval.on) }
      })
  }
  const passes = !reasons.some((x) => x.severity === "blocker")
  return make(policy, { passes, childTotal, familyTotal, grandTotal }, reasons)
}

/**
 * Outcome of {@link closureEligibility}.
 *
 * @since 0.1.0
 */
export interface ClosureOutcome {
  readonly eligible: boolean
  readonly reason: CaseClosureReason
  /** Whether the reason bypasses the monitoring duration and Form 6 thresholds. */
  readonly bypassesCompletion: boolean
}

/**
 * Reasons that close a case without the monitoring duration, the recent
 * green visits, the taper or the Form 6 thresholds, and why:
 * - `transferred`: another agency continues the case (it keeps monitoring);
 *   requires a recorded transfer;
 * - `became-adult`: the child has reached `eligibility.adultAge`, so child
 *   protection case management ends (checked against the child's birth date);
 * - `died`, `moved-cannot-be-found`, `repatriated`: the agency can no longer
 *   work the case; keeping it open would only produce missed visits;
 * - `refused-services`: services are voluntary; the family's refusal is
 *   recorded, not overridden;
 * - `breakdown`: the reintegration broke down; requires a recorded breakdown
 *   (the child's care continues under a new case or a reopening).
 *
 * `no-longer-needs-support` is NOT in this list: it bypasses the monitoring
 * duration, the recent green visits and the taper (the family became
 * independent early) but still needs a current reunification, the latest
 * visit recommending closure, and a Form 6 made since reunification meeting
 * the thresholds with the manager's approval, so it cannot be used to close
 * an unfinished reintegration quietly.
 *
 * @since 0.1.0
 */
export const bypassReasons: ReadonlyArray<CaseClosureReason> = [
  "transferred",
  "became-adult",
  "died",
  "moved-cannot-be-found",
  "repatriated",
  "refused-services",
  "breakdown"
]

/**
 * Whether a case may close on `asOf` for a given reason (default
 * `reintegration-complete`), and why (or why not).
 *
 * `reintegration-complete` requires, all on or before `asOf`: a current
 * reunification; the monitoring duration completed
 * (`monitoring.durationMonths` from `reunifiedOn`); the last
 * `closure.recentVisitsPositive` follow-up visits since reunification rated
 * green and each of them having seen the child; the latest of those visits
 * recommending closure (Primero Cambodia follow-up: "do you recommend that the
 * case be closed?"); support tapered to independence (the scheduled amount of
 * every tapered plan is zero on `asOf` and no payment was made on or after
 * the day the taper reached zero); and the latest Form 6 final assessment
 * dated on or before `asOf`, made on or after the reunification day, meeting
 * the thresholds with the manager's approval dated from the assessment's day
 * to `asOf` (see {@link assessForm6}). Visits, assessments and approvals
 * dated after `asOf` do not count.
 * Other reasons: see {@link bypassReasons}.
 *
 * @example
 * ```ts
 * import { CaseState, Closure, Profiles } from "@homeward/core"
 *
 * const d = Closure.closureEligibility(CaseState.initial("c1"), Profiles.azizasPlace, new Date("2020-01-01"))
 * d.outcome.eligible // false
 * ```
 *
 * @since 0.1.0
 */
export const closureEligibility = (
  state: CaseState,
  profile: PolicyProfile,
  asOf: Date,
  reason: CaseClosureReason = "reintegration-complete"
): Decision<ClosureOutcome> => {
  const policy = resolve(profile, asOf)
  const reasons: Array<Reason> = []
  const blocker = (code: string, rule: string, source: Citation, message: string, details?: Reason["details"]) =>
    reasons.push(
      details === undefined
        ? { code, rule, source, severity: "blocker", message }
        : { code, rule, source, severity: "blocker", message, details }
    )
  const bypasses = bypassReasons.includes(reason)
  if (state.status !== "open") {
    blocker(
      state.status === "closed" ? "case-closed" : "case-not-open",
      "closure/case-open",
      sources.closedCase,
      state.status === "closed" ? "The case is already closed." : "The case has not been opened."
    )
    return make(policy, { eligible: false, reason, bypassesCompletion: bypasses }, reasons)
  }
  if (bypasses) {
    reasons.push({
      code: "closure-reason-bypass",
      rule: "closure/other-reasons",
      source: sources.reasons,
      severity: "info",
      message:
        "This closure reason does not require completed monitoring or the Form 6 thresholds; it is recorded as such.",
      details: { reason }
    })
    if (reason === "became-adult") {
      const adultAge = policy.values.eligibility.adultAge
      const birth = state.child?.birth.date
      if (birth === undefined || ageOn(birth, asOf) < adultAge)
        blocker(
          "not-adult",
          "closure/became-adult",
          cite(profile, "eligibility", "adultAge"),
          `The child is not yet ${adultAge}.`,
          {
            adultAge
          }
        )
    } else if (reason === "transferred" && state.transfers === 0) {
      blocker("no-transfer-recorded", "closure/transferred", sources.reasons, "No transfer is recorded for this case.")
    } else if (reason === "breakdown" && state.breakdowns === 0) {
      blocker("no-breakdown-recorded", "closure/breakdown", sources.reasons, "No breakdown is recorded for this case.")
    }
    return make(
      policy,
      { eligible: !reasons.some((x) => x.severity === "blocker"), reason, bypassesCompletion: true },
      reasons
    )
  }
  const complete = reason === "reintegration-complete"
  const reunifiedOn = state.reunifiedOn
  const t = dayOf(asOf).getTime()
  const reunified = reunifiedOn !== undefined && state.phase.phase === "reunified"
  if (!reunified) {
    blocker(
      "not-reunified",
      "closure/reunified",
      cite(profile, "monitoring", "durationMonths"),
      complete
        ? "The child is not reunified: there is no monitoring to complete."
        : "The child is not reunified: a case closes because support is no longer needed only after a return home."
    )
  }
  const since =
    reunifiedOn === undefined
      ? []
      : state.monitoringVisits.filter((v) => v.date.getTime() >= reunifiedOn.getTime() && v.date.getTime() <= t)
  if (complete && reunified && reunifiedOn !== undefined) {
    const end = monitoringEnd(reunifiedOn, profile)
    if (t < end.getTime())
      blocker(
        "monitoring-not-complete",
        "closure/monitoring-duration",
        cite(profile, "monitoring", "durationMonths"),
        `Monitoring lasts ${resolve(profile, reunifiedOn).values.monitoring.durationMonths} months from reunification; it is not over yet.`,
        { endsOn: isoDay(end) }
      )
    const n = policy.values.closure.recentVisitsPositive
    const recent = since.slice(Math.max(0, since.length - n))
    const green = recent.filter((v) => visitRating(v.criteria) === "green").length
    const seen = recent.filter((v) => v.childSeen).length
    if (recent.length < n || green < n)
      blocker(
        "recent-visits-not-green",
        "closure/recent-visits-green",
        cite(profile, "closure", "recentVisitsPositive"),
        `The last ${n} follow-up visit(s) must be rated green; ${green} of the last ${recent.length} are.`,
        { required: n, green, considered: recent.length }
      )
    if (seen < recent.length)
      blocker(
        "recent-visit-child-not-seen",
        "closure/recent-visits-green",
        cite(profile, "closure", "recentVisitsPositive"),
        `The last ${n} follow-up visit(s) must each have seen the child; ${recent.length - seen} did not.`,
        { required: n, notSeen: recent.length - seen }
      )
    for (const plan of state.supportPlans) {
      const schedule = supportSchedule(plan, profile, reunifiedOn).outcome
      const still = schedule.lines.some((l) => l.tapered && amountOn(l, asOf) > 0)
      const late = state.payments.some(
        (p) =>
          p.planId === plan.id &&
          p.paidOn.getTime() >= schedule.taperEnd.getTime() &&
          p.paidOn.getTime() <= t &&
          p.amount.amount > 0
      )
      if (still || late)
        blocker(
          "support-not-tapered",
          "closure/support-tapered",
          cite(profile, "support", "maxStepShare"),
          still
            ? "Support is still scheduled: the family is not yet independent of financial support."
            : "A support payment was made on or after the day the taper reached zero.",
          { planId: plan.id }
        )
    }
  }
  if (!complete)
    reasons.push({
      code: "closure-reason-early-independence",
      rule: "closure/no-longer-needs-support",
      source: sources.reasons,
      severity: "info",
      message:
        "Closing because support is no longer needed: the monitoring duration, recent green visits and taper are not required; a recommendation to close and the Form 6 thresholds are.",
      details: { reason }
    })
  if (reunified) {
    const last = since[since.length - 1]
    if (last === undefined || !last.closureRecommended)
      blocker(
        "closure-not-recommended",
        "closure/recommended",
        sources.recommended,
        last === undefined
          ? "No follow-up visit since reunification recommends closing the case."
          : "The latest follow-up visit does not recommend closing the case.",
        last === undefined ? {} : { visitId: last.id }
      )
  }
  const form6 = latestOnOrBefore(state.closureAssessments, asOf, (a) => a.date)
  if (form6 === undefined) {
    const later = state.closureAssessments.some((a) => a.date.getTime() > t)
    blocker(
      later ? "form6-after-as-of" : "form6-missing",
      "closure/form6",
      cite(profile, "closure", "grandMinTotal"),
      later
        ? "The only final assessment (Form 6) is dated after the day of the decision."
        : "No final assessment (Form 6) is recorded."
    )
  } else {
    if (reunifiedOn !== undefined && form6.date.getTime() < dayOf(reunifiedOn).getTime())
      blocker(
        "form6-before-reunification",
        "closure/form6",
        cite(profile, "closure", "grandMinTotal"),
        "The latest final assessment (Form 6) predates the reunification: assess the family again.",
        { assessedOn: isoDay(form6.date), reunifiedOn: isoDay(reunifiedOn) }
      )
    for (const x of assessForm6(form6, profile, asOf).reasons) reasons.push(x)
  }
  return make(
    policy,
    { eligible: !reasons.some((x) => x.severity === "blocker"), reason, bypassesCompletion: false },
    reasons
  )
}
