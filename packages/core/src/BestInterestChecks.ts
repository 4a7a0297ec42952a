/**
 * Best-interest and harm checks: a list of findings (blocker / warning /
 * info), each citing its rule and source, that a case worker or panel should
 * see before and during reintegration — the child's views not heard or
 * stale, a best-interest determination missing, stale or not considering the
 * child's or family's views, risk without mitigation, school continuity not
 * planned, siblings separated, a placement in a facility below minimum
 * standards, a young child in residential care without a recorded exception
 * in force (UN Guidelines ¶22), a poverty-only admission (¶15), low-scored
 * assessment items not in the case plan, a high-risk assessment without a
 * safety plan or with a recorded risk level below its scores, no review for
 * longer than the review interval (¶67), nothing recorded for longer than
 * `monitoring.caseNoteMaxDays`, and a youth in supported independent living
 * who neither works nor studies.
 *
 * Unlike `Eligibility.assessReintegration`, which decides a pathway, these
 * checks only report: they never choose an outcome.
 *
 * @since 0.1.0
 */
import { ChildWellbeingDomains, FamilyCapacityDomains } from "./Assessment.js"
import { isFamilyBased, type Placement } from "./Case.js"
import type { CaseState } from "./CaseState.js"
import { ageOn } from "./Child.js"
import { collector, type Decision, make, type Reason } from "./Decision.js"
import { riskFindings, safetyPlanCovers, targetHousehold } from "./Eligibility.js"
import { workOrStudy } from "./IndependentLiving.js"
import { type Institution, meetsMinimumStandards } from "./Institution.js"
import { dayNumber, isoDay } from "./internal/dates.js"
import { daysFrom, latestOnOrBefore, prim, subDecree119, ungl, unhcr } from "./internal/ruleSources.js"
import { activityStatus, reviewStatus } from "./Monitoring.js"
import { cite, type PolicyProfile, resolve } from "./PolicyProfile.js"
import { assessmentRisk, materialDomains } from "./Scoring.js"
import type { SupportCategory } from "./Support.js"

/**
 * Facts outside the case: siblings' case states, institutions by id, and the
 * domains the case plan already has goals for (Homeward has no case-plan
 * goal record yet; see {@link bestInterestChecks}).
 *
 * @since 0.1.0
 */
export interface Context {
  readonly siblings?: ReadonlyArray<CaseState>
  readonly institutions?: Readonly<Record<string, Institution>>
  /** Assessment domains (e.g. `"economicCapacity"`) that have a goal in the case plan. */
  readonly casePlanGoals?: ReadonlyArray<string>
}

/**
 * The findings, and how many are blockers and warnings.
 *
 * @since 0.1.0
 */
export interface Findings {
  readonly findings: ReadonlyArray<Reason>
  readonly blockers: number
  readonly warnings: number
}

/**
 * Support categories that count as addressing an assessment domain in the
 * case plan when no explicit `casePlanGoals` are given (a Homeward mapping:
 * economic capacity ↔ livelihood or cash; nutrition ↔ food; education ↔
 * school costs; basic care ↔ food or cash; safety and stability or safety
 * and environment ↔ rent). Domains not listed need an explicit goal.
 *
 * @since 0.1.0
 */
export const domainSupport: Readonly<Record<string, ReadonlyArray<SupportCategory>>> = {
  economicCapacity: ["livelihood", "cash"],
  nutrition: ["food"],
  education: ["school-costs"],
  basicCare: ["food", "cash"],
  safetyStability: ["rent"],
  safetyEnvironment: ["rent"]
}

const where = (state: CaseState, p: Placement | undefined): string | undefined => {
  if (p === undefined) return undefined
  if (isFamilyBased(p.type)) return p.householdId === undefined ? undefined : `household:${p.householdId}`
  const inst = p.institutionId ?? state.institutionId
  return inst === undefined ? undefined : `institution:${inst}`
}

/**
 * Run the best-interest and harm checks.
 *
 * "School continuity planned" means: the child is enrolled in school or
 * vocational training and some support plan of the case (household or
 * youth) has a `school-costs` item. Without such a plan an enrolled child
 * gets a `school-continuity-not-planned` warning (the UNICEF Siem Reap 2017
 * training stresses access to education in reintegration).
 *
 * Assessment items scored at or below `scoring.concernAtOrBelow` in the
 * latest child and family assessments must be in the case plan: a domain
 * counts as addressed when it is in `context.casePlanGoals` or, without that
 * list, when a support plan has a category in {@link domainSupport}.
 *
 * @example
 * ```ts
 * import { BestInterestChecks, CaseState, Profiles } from "@homeward/core"
 *
 * const d = BestInterestChecks.bestInterestChecks(CaseState.initial("c-1"), Profiles.cambodiaMosvy, new Date("2018-01-01"))
 * d.outcome.blockers // 2: views not heard, no best-interest determination
 * ```
 *
 * @since 0.1.0
 */
export const bestInterestChecks = (
  state: CaseState,
  profile: PolicyProfile,
  asOf: Date,
  context: Context = {}
): Decision<Findings> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const v = policy.values.eligibility
  const { reasons: findings, add } = collector("best-interest")
  const age = state.child === undefined ? undefined : ageOn(state.child.birth.date, asOf)
  const inCare = state.placement !== undefined && !isFamilyBased(state.placement.type)

  // The child's views.
  const views = latestOnOrBefore(state.views, asOf, (x) => x.date)
  if (views === undefined) {
    add("blocker", "views-not-heard", "child-views", ungl("¶49"), "The child's views have not been heard.")
  } else {
    const days = daysFrom(views.date, asOf)
    if (days > v.viewsMaxAgeDays)
      add(
        "warning",
        "views-stale",
        "child-views",
        cite(profile, "eligibility", "viewsMaxAgeDays"),
        "The child's views were heard too long ago; hear the child again.",
        { ageDays: days, maxAgeDays: v.viewsMaxAgeDays }
      )
    if (
      age !== undefined &&
      age >= v.viewsDirectFromAge &&
      views.howHeard !== "direct-conversation" &&
      views.howHeard !== "written"
    )
      add(
        "warning",
        "views-not-heard-directly",
        "child-views",
        cite(profile, "eligibility", "viewsDirectFromAge"),
        "At this age the child's views should be heard directly (in conversation or in writing).",
        { age, fromAge: v.viewsDirectFromAge }
      )
    if (views.wish === "no")
      add(
        "warning",
        "child-does-not-wish-to-return",
        "child-views",
        ungl("¶49"),
        "The child said they do not wish to return; the child's wish needs attention."
      )
  }

  // Best-interest determination.
  const bid = latestOnOrBefore(state.determinations, asOf, (d) => d.date)
  const bidSrc = unhcr("Formal best-interest determination")
  if (bid === undefined) {
    add("blocker", "bid-missing", "determination", bidSrc, "No best-interest determination has been made.")
  } else {
    const days = daysFrom(bid.date, asOf)
    if (days > v.bidMaxAgeDays)
      add(
        "warning",
        "bid-stale",
        "determination",
        cite(profile, "eligibility", "bidMaxAgeDays"),
        "The best-interest determination is older than the profile allows.",
        { ageDays: days, maxAgeDays: v.bidMaxAgeDays }
      )
    if (!bid.childViewsConsidered)
      add(
        "blocker",
        "bid-child-views-not-considered",
        "determination",
        unhcr("Elements of a best-interest determination: the child's views"),
        "The best-interest determination did not consider the child's views.",
        { bidId: bid.id }
      )
    if (!bid.familyViewsConsidered)
      add(
        "blocker",
        "bid-family-views-not-considered",
        "determination",
        ungl("¶49 (consult child, family and current carer)"),
        "The best-interest determination did not consider the family's views.",
        { bidId: bid.id }
      )
  }

  // Harm: risk factors for the household the child lives with or would return to.
  const hid =
    state.placement !== undefined && isFamilyBased(state.placement.type) && state.placement.householdId !== undefined
      ? state.placement.householdId
      : targetHousehold(state, asOf)?.id
  const risks = riskFindings(state, asOf, hid)
  for (const f of risks) {
    if (f.mitigation === "mitigated") continue
    add(
      f.mitigation === "unmitigated" ? "blocker" : "warning",
      f.mitigation === "unmitigated" ? "risk-unmitigated" : "risk-mitigation-in-progress",
      "harm",
      prim("Risk assessment: significant harm → case plan"),
      f.mitigation === "unmitigated"
        ? "A risk factor is present with no mitigation."
        : "A risk factor is present and its mitigation is in progress.",
      { factor: f.factor, assessmentId: f.assessmentId }
    )
  }

  // School continuity.
  if (
    state.child !== undefined &&
    (state.child.school === "enrolled" || state.child.school === "vocational-training")
  ) {
    const planned = state.supportPlans.some((p) => p.items.some((i) => i.category === "school-costs"))
    if (!planned)
      add(
        "warning",
        "school-continuity-not-planned",
        "school-continuity",
        prim("Follow-up: school or vocational attendance"),
        "The child is enrolled but no support plan covers school costs: plan school continuity for the return.",
        { school: state.child.school }
      )
  }

  // Siblings.
  const child = state.child
  const siblings =
    child === undefined
      ? []
      : (context.siblings ?? []).filter(
          (s) =>
            s.child !== undefined &&
            s.child.id !== child.id &&
            ((child.siblingIds ?? []).includes(s.child.id) || (s.child.siblingIds ?? []).includes(child.id))
        )
  const here = where(state, state.placement)
  if (v.keepSiblingsTogether) {
    for (const s of siblings) {
      const there = where(s, s.placement)
      if (here !== undefined && there !== undefined && here !== there)
        add(
          "warning",
          "siblings-separated",
          "siblings",
          cite(profile, "eligibility", "keepSiblingsTogether"),
          "The child and a sibling live apart: keep siblings together unless it is not in their best interests.",
          { siblingId: s.child!.id }
        )
    }
  }

  // Placement in residential care: minimum standards and young children.
  if (inCare) {
    const instId = state.placement!.institutionId ?? state.institutionId
    const inst = instId === undefined ? undefined : context.institutions?.[instId]
    if (inst !== undefined && !meetsMinimumStandards(inst)) {
      add(
        "blocker",
        "facility-below-minimum-standards",
        "placement-standards",
        subDecree119,
        "The child is placed in a facility not known to meet minimum standards (last inspection not above minimum).",
        { institutionId: inst.id, ranking: inst.inspection?.ranking ?? null }
      )
    } else if (inst === undefined && context.institutions !== undefined && instId !== undefined) {
      add(
        "info",
        "facility-standards-unknown",
        "placement-standards",
        subDecree119,
        "The child's facility was not supplied, so its standards could not be checked.",
        { institutionId: instId }
      )
    }
    if (age !== undefined && age < v.residentialCareFromAge) {
      const withSibling = here !== undefined && siblings.some((s) => where(s, s.placement) === here)
      const today = dayNumber(asOf)
      const allowed = state.careExceptions.filter((e) => v.residentialCareExceptions.includes(e.kind))
      const inForce = allowed.filter((e) => dayNumber(e.from) <= today && today <= dayNumber(e.endsOn))
      const exception = inForce[inForce.length - 1]
      if (exception === undefined) {
        const expired = allowed.some((e) => dayNumber(e.endsOn) < today)
        add(
          "blocker",
          "under-residential-care-age",
          "young-child-in-residential-care",
          cite(profile, "eligibility", "residentialCareFromAge"),
          expired
            ? "A young child is in residential care and the recorded exception has ended: plan family-based care or record a new exception with its justification and end date."
            : withSibling
              ? "A young child is in residential care with a sibling and no exception is recorded: record the siblings-together exception (justification, end date) or plan family-based care."
              : "A young child is in residential care with no exception recorded (emergency, short predetermined time, siblings together): plan family-based care.",
          { age, fromAge: v.residentialCareFromAge, withSibling, exceptionEnded: expired }
        )
      } else {
        add(
          "warning",
          "young-child-care-exception",
          "young-child-in-residential-care",
          cite(profile, "eligibility", "residentialCareExceptions"),
          "A young child is in residential care under a recorded exception: plan family-based care by its end date.",
          { age, kind: exception.kind, exceptionId: exception.id, endsOn: isoDay(exception.endsOn) }
        )
        if (exception.kind === "siblings-together" && context.siblings !== undefined && !withSibling)
          add(
            "warning",
            "care-exception-siblings-not-together",
            "young-child-in-residential-care",
            cite(profile, "eligibility", "residentialCareExceptions"),
            "The exception keeps siblings together, but no sibling supplied lives in the same place.",
            { exceptionId: exception.id }
          )
      }
    }
    if (state.povertyOnly)
      add(
        "warning",
        "poverty-only-admission",
        "poverty",
        ungl("¶15"),
        "The child was admitted for poverty alone: poverty is never a reason for care; support the family instead."
      )
  } else if (state.povertyOnly) {
    add(
      "info",
      "poverty-only-admission",
      "poverty",
      ungl("¶15"),
      "The child was admitted for poverty alone; keep supporting the family."
    )
  }

  // Low-scored items must be in the case plan.
  const at = policy.values.scoring.concernAtOrBelow
  const goals = context.casePlanGoals
  const addressed = (domain: string) =>
    goals !== undefined
      ? goals.includes(domain)
      : state.supportPlans.some((p) => p.items.some((i) => (domainSupport[domain] ?? []).includes(i.category)))
  const scored: Array<[string, number, string]> = []
  const childA = latestOnOrBefore(
    state.assessments.filter((a) => a.childWellbeing !== undefined),
    asOf,
    (a) => a.date
  )
  if (childA?.childWellbeing !== undefined)
    for (const d of ChildWellbeingDomains) scored.push([d, childA.childWellbeing[d], childA.id])
  const famA = latestOnOrBefore(
    state.assessments.filter(
      (a) =>
        a.familyCapacity !== undefined && (hid === undefined || a.householdId === undefined || a.householdId === hid)
    ),
    asOf,
    (a) => a.date
  )
  if (famA?.familyCapacity !== undefined)
    for (const d of FamilyCapacityDomains) scored.push([d, famA.familyCapacity[d], famA.id])
  for (const [domain, score, assessmentId] of scored) {
    if (score > at) continue
    const ok = addressed(domain)
    add(
      ok ? "info" : "warning",
      ok ? "concern-in-case-plan" : "concern-not-in-case-plan",
      "case-plan",
      cite(profile, "scoring", "concernAtOrBelow"),
      ok
        ? "A poor or very poor item is addressed in the case plan."
        : "A poor or very poor item must be addressed in the case plan and is not.",
      { domain, score, assessmentId }
    )
  }

  // High risk: the scores drive the level; a high-risk assessment needs a safety plan.
  for (const kind of ["family", "home", "readiness"] as const) {
    const a = latestOnOrBefore(
      state.assessments.filter(
        (x) => x.kind === kind && (hid === undefined || x.householdId === undefined || x.householdId === hid)
      ),
      asOf,
      (x) => x.date
    )
    if (a === undefined) continue
    const risk = assessmentRisk(a, profile, asOf).outcome
    if (risk.level !== "high") continue
    if (risk.mismatch)
      add(
        "warning",
        "risk-level-below-scores",
        "high-risk",
        cite(profile, "scoring", "highRiskAnyDomainAtOrBelow"),
        "The recorded risk level is lower than the assessment's scores: treat the case as high risk.",
        { assessmentId: a.id, recordedLevel: a.riskLevel ?? null }
      )
    if (risk.materialOnly) continue
    const domains = risk.triggerDomains.filter((d) => !materialDomains.includes(d))
    if (safetyPlanCovers(state, asOf, a, hid, domains) === undefined)
      add(
        "blocker",
        "family-high-risk",
        "high-risk",
        cite(profile, "scoring", "highRiskAnyDomainAtOrBelow"),
        "The family is assessed as high risk and no safety plan made since covers it.",
        { assessmentId: a.id, kind, domains: domains.join(",") }
      )
  }

  // Reviews (UN Guidelines ¶67) and recorded activity.
  for (const x of reviewStatus(state, profile, asOf).reasons)
    if (x.severity === "warning") findings.push({ ...x, rule: "best-interest/review-interval" })
  for (const x of activityStatus(state, profile, asOf).reasons)
    if (x.severity === "warning") findings.push({ ...x, rule: "best-interest/case-activity" })

  // Supported independent living: work or study.
  if (state.placement?.type === "independent-living")
    for (const x of workOrStudy(state, profile, asOf).reasons)
      if (x.severity === "blocker")
        findings.push({ ...x, rule: "best-interest/independent-living", severity: "warning" })

  return make(
    policy,
    {
      findings,
      blockers: findings.filter((f) => f.severity === "blocker").length,
      warnings: findings.filter((f) => f.severity === "warning").length
    },
    findings
  )
}
