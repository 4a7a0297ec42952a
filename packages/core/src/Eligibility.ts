/**
 * Eligibility and placement pathway: is a child in residential care ready to
 * begin reintegration with a family, and if not, why not (every blocking
 * reason, not just the first), what must happen next, or which alternative
 * pathway fits? Criteria, each cited: the family is traced (Inter-agency
 * Guidelines 2016); a recent family assessment (`eligibility.familyAssessmentMaxAgeDays`);
 * conditions met — a suitable place to live and a stable livelihood (Aziza's
 * Place; `requireSuitableHousing`, `requireStableLivelihood`), met either by
 * the household or through a support plan for it; the child's views heard in
 * a way that fits age and maturity (`viewsDirectFromAge`, `viewsMaxAgeDays`;
 * a child who says "no" is a blocker needing attention, never overridden);
 * no unmitigated risk factor (MoSVY Form 2); a recent best-interest
 * determination recommending reunification with this family (`bidMaxAgeDays`)
 * that considered the child's and family's views; siblings considered
 * together (`keepSiblingsTogether`, UN Guidelines ¶17).
 *
 * Poverty is never a reason to keep a child in care (UN Guidelines ¶15):
 * material conditions — housing, livelihood, income (the family capacity
 * domain `economicCapacity`) — never block, whatever the child was admitted
 * for. An unmet condition becomes a "support the family" action naming the
 * support plan it needs (rent for housing; livelihood, cash or food for
 * livelihood and income), a warning until a household support plan covers
 * it, then an info. A poverty-only admission also carries
 * `poverty-only-support-family`. Non-material findings still block: the
 * cause of admission unresolved (risk factors, incidents), a high-risk
 * assessment without a safety plan, the Form 2 conclusion and the risk
 * assessment's outcome, the child's views, the best-interest determination.
 *
 * High risk: the latest family, home and readiness assessments of the target
 * household are scored with `Scoring.assessmentRisk`; one that is high risk
 * (by its scores or its recorded level) blocks (`family-high-risk`) until a
 * safety plan dated on or after it, on or before `asOf`, for that household
 * (and that assessment, when the plan names one) covers every non-material
 * domain that made it high risk. A high risk from material domains alone is
 * a support action.
 *
 * Form 2 conclusion (OSCaR): only `can-reintegrate` lets a child be ready;
 * `cannot-reintegrate`, `continue-case`, `close-case` and no conclusion block.
 * Risk assessment outcome (Primero Cambodia): `significant-harm` blocks until
 * a safety plan covers that assessment (case plan); `needs-met-with-support`
 * asks for a referral; `no-risk-no-needs` is noted.
 *
 * @since 0.1.0
 */
import type { Assessment, RiskFactor } from "./Assessment.js"
import type { BestInterestDetermination } from "./BestInterest.js"
import { isFamilyBased, type PlacementType } from "./Case.js"
import type { CaseState } from "./CaseState.js"
import { ageOn } from "./Child.js"
import { type Decision, make, requireValidDate } from "./Decision.js"
import type { Household } from "./Household.js"
import { hasKinCaregiver } from "./Household.js"
import type { Institution } from "./Institution.js"
import { type Facts, factsOf, findingsOf, latestAssessment, latestDated, targetOf } from "./internal/caseFacts.js"
import { Collect } from "./internal/collect.js"
import { daysFrom, iag, latestOnOrBefore, oscar, prim, ungl, unhcr, unicefSiemReap } from "./internal/ruleSources.js"
import { cite, type PolicyProfile, type ResolvedParameters, type ResolvedPolicy, resolve } from "./PolicyProfile.js"
import { materialDomains } from "./Scoring.js"
import type { SupportCategory } from "./Support.js"

/**
 * Alternative care pathways when a return to the family is not (yet) the
 * plan: kinship care, foster / family-based care, community-based care,
 * supported independent living for older youths, and temporary placement in
 * a residential facility that meets minimum standards as a last resort.
 *
 * @since 0.1.0
 */
export type Pathway =
  | "kinship-care"
  | "foster-care"
  | "community-based-care"
  | "independent-living"
  | "residential-last-resort"

/**
 * Next steps a decision can ask for.
 *
 * @since 0.1.0
 */
export type ActionCode =
  | "record-child"
  | "trace-family"
  | "assess-family"
  | "hear-child"
  | "explore-child-wishes"
  | "convene-bid"
  | "schedule-family-support"
  | "support-housing"
  | "support-livelihood"
  | "mitigate-risk"
  | "safety-plan"
  | "resolve-incident"
  | "consider-siblings-together"
  | "plan-alternative-care"
  | "prepare-child-and-family"
  | "case-plan"
  | "refer-to-services"
  | "review-case-closure"

/**
 * A next step, optionally for a household.
 *
 * @since 0.1.0
 */
export interface Action {
  readonly code: ActionCode
  readonly householdId?: string
  /** For a support action: the support plan categories that would cover it. */
  readonly categories?: ReadonlyArray<SupportCategory>
}

/**
 * Outcome of {@link assessReintegration}.
 *
 * - `ready`: ready to begin reintegration (preparation, then gradual contact) with `householdId`.
 * - `not-yet`: every blocking reason code in `blockers` (details in the reasons).
 * - `contraindicated`: an unmitigated risk factor (`factors`) in the target family; `alternatives` lists pathways to consider.
 * - `alternative`: a pathway other than return to the family.
 *
 * @since 0.1.0
 */
export type Outcome =
  | {
      readonly kind: "ready"
      readonly householdId: string
      /** `parents` for the birth family, `kinship` for extended family (both are reintegration, IAG 2016). */
      readonly placementType: "parents" | "kinship"
      readonly actions: ReadonlyArray<Action>
    }
  | {
      readonly kind: "not-yet"
      readonly householdId?: string
      readonly blockers: ReadonlyArray<string>
      readonly actions: ReadonlyArray<Action>
    }
  | {
      readonly kind: "contraindicated"
      readonly householdId?: string
      readonly factors: ReadonlyArray<RiskFactor>
      readonly alternatives: ReadonlyArray<Pathway>
      readonly actions: ReadonlyArray<Action>
    }
  | {
      readonly kind: "alternative"
      readonly pathway: Pathway
      readonly householdId?: string
      readonly actions: ReadonlyArray<Action>
    }

/**
 * Facts outside the case: the case states of the child's siblings (to keep
 * siblings together) and institutions by id (to check minimum standards).
 *
 * @since 0.1.0
 */
export interface Context {
  readonly siblings?: ReadonlyArray<CaseState>
  readonly institutions?: Readonly<Record<string, Institution>>
}

const RULE = "eligibility"

const byId = <T extends { readonly id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The household a return would target: the household named by the latest
 * best-interest determination if it is traced; otherwise a traced birth
 * family (or a household of unspecified kind), then a traced kinship
 * household; ties broken by id.
 *
 * @example
 * ```ts
 * import { CaseState, Eligibility } from "@homeward/core"
 *
 * Eligibility.targetHousehold(CaseState.initial("c-1"), new Date("2018-01-01")) // undefined: no household traced yet
 * ```
 *
 * @since 0.1.0
 */
export const targetHousehold = (state: CaseState, asOf: Date): Household | undefined => {
  requireValidDate(asOf)
  return targetOf(state, latestDated(state.determinations, asOf.getTime()))
}

/** A household support plan (scheduled, whatever its start) covering one of the categories. */
const supportCovers = (state: CaseState, householdId: string, categories: ReadonlyArray<SupportCategory>): boolean => {
  const plans = state.supportPlans
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i]!
    if (p.recipient !== "household" || (p.householdId !== undefined && p.householdId !== householdId)) continue
    for (let j = 0; j < p.items.length; j++) if (categories.includes(p.items[j]!.category)) return true
  }
  return false
}

const placementPathway = (t: PlacementType): Pathway | undefined => {
  switch (t) {
    case "parents":
      return undefined
    case "kinship":
      return "kinship-care"
    case "foster":
      return "foster-care"
    case "community-based":
      return "community-based-care"
    case "independent-living":
      return "independent-living"
    default:
      return "residential-last-resort"
  }
}

/**
 * Risk findings of the latest assessment of each kind on or before `asOf`
 * that concerns the household (or no particular household).
 *
 * @example
 * ```ts
 * import { CaseState, Eligibility } from "@homeward/core"
 *
 * Eligibility.riskFindings(CaseState.initial("c1"), new Date("2018-06-30"), "HH-1") // []: no assessment yet
 * ```
 *
 * @since 0.1.0
 */
export const riskFindings = (
  state: CaseState,
  asOf: Date,
  householdId: string | undefined
): ReadonlyArray<{ readonly factor: RiskFactor; readonly mitigation: string; readonly assessmentId: string }> => {
  requireValidDate(asOf)
  return findingsOf(state, householdId, asOf.getTime())
}

/**
 * Decide whether a child is ready to begin reintegration, not yet ready (with
 * every blocking reason and the next steps), contraindicated (unmitigated
 * harm), or on an alternative pathway. Pure: `asOf` and the profile are
 * arguments; every number comes from the profile.
 *
 * @example
 * ```ts
 * import { CaseState, Eligibility, Profiles } from "@homeward/core"
 *
 * const d = Eligibility.assessReintegration(CaseState.initial("c-1"), Profiles.azizasPlace, new Date("2018-01-01"))
 * d.outcome.kind // "not-yet"
 * d.outcome.kind === "not-yet" && d.outcome.blockers
 * // ["child-record-missing", "family-not-traced", "views-not-heard", "bid-missing"]
 * ```
 *
 * @since 0.1.0
 */
export const assessReintegration = (
  state: CaseState,
  profile: PolicyProfile,
  asOf: Date,
  context: Context = {}
): Decision<Outcome> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const v = policy.values.eligibility
  const c: C = new Collect(RULE)
  const facts = factsOf(state, asOf)

  // UN Guidelines ¶15: poverty alone is never a reason to keep a child in care.
  if (state.povertyOnly) {
    c.add(
      "warning",
      "poverty-only-support-family",
      "poverty-not-a-reason",
      ungl("¶15"),
      "The child was admitted for poverty alone: poverty is never a reason to keep a child in care. Support the family so the child can go home."
    )
    c.act("schedule-family-support")
  }

  const age = state.child === undefined ? undefined : ageOn(state.child.birth.date, asOf)
  if (age === undefined) {
    c.add(
      "blocker",
      "child-record-missing",
      "child-record",
      iag("Tracing, assessment and planning: child assessment"),
      "The child's record (with date of birth) is missing, so age-dependent rules cannot be applied."
    )
    c.act("record-child")
  } else if (age >= v.adultAge) {
    c.add(
      "warning",
      "young-person-is-adult",
      "child-record",
      cite(profile, "eligibility", "adultAge"),
      "The young person has reached adulthood: returning to the family is their choice; supported independent living is an option.",
      { age, adultAge: v.adultAge }
    )
  }

  const bid = facts.bid()
  const bidFresh = bid !== undefined && daysFrom(bid.date, asOf) <= v.bidMaxAgeDays

  // A current best-interest determination for another arrangement, which heard the child and the
  // family, decides the pathway; one that did not is reported below as blocking (convene it again).
  if (
    bid !== undefined &&
    bidFresh &&
    bid.childViewsConsidered &&
    bid.familyViewsConsidered &&
    bid.recommendation !== "reunification" &&
    bid.placementType !== undefined
  ) {
    const pathway = placementPathway(bid.placementType)
    if (pathway !== undefined) {
      c.add(
        "info",
        "bid-recommends-alternative",
        "best-interest-determination",
        unhcr("Best-interest determination for durable solutions"),
        "The current best-interest determination recommends an arrangement other than return to the family.",
        { bidId: bid.id, placementType: bid.placementType }
      )
      return alternativeFrom(c, policy, profile, v, age, pathway, bid.householdId)
    }
  }

  const target = facts.target()
  if (target === undefined) {
    const households = Object.values(state.households)
    const pending = households.filter((h) => h.tracing === "not-started" || h.tracing === "in-progress")
    if (households.length === 0 || pending.length > 0) {
      c.add(
        "blocker",
        "family-not-traced",
        "family-traced",
        iag("Tracing, assessment and planning: family tracing"),
        "No family has been traced yet.",
        { householdsPending: pending.length }
      )
      c.act("trace-family")
      viewsChecks(state, age, undefined, v, asOf, profile, c)
      bidChecks(bid, bidFresh, undefined, v.bidMaxAgeDays, asOf, profile, c)
      return make(policy, { kind: "not-yet", blockers: c.blockers(), actions: c.actions }, c.reasons)
    }
    c.add(
      "warning",
      "family-not-found",
      "family-traced",
      iag("Tracing, assessment and planning: family tracing"),
      "No family could be found or the known family members are deceased: plan an alternative family-based pathway."
    )
    return alternativeFrom(
      c,
      policy,
      profile,
      v,
      age,
      age !== undefined && age >= v.independentLivingFromAge ? "independent-living" : "foster-care"
    )
  }
  const hid = target.id

  // Harm: risk factors (MoSVY Form 2) and open incidents.
  const findings = facts.findings(hid)
  const unmitigated: Array<RiskFactor> = []
  const inProgress: Array<RiskFactor> = []
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!
    if (f.mitigation === "unmitigated") {
      if (!unmitigated.includes(f.factor)) unmitigated.push(f.factor)
    } else if (f.mitigation === "mitigation-in-progress" && !inProgress.includes(f.factor)) inProgress.push(f.factor)
  }
  for (const factor of unmitigated) {
    c.add(
      "blocker",
      "risk-unmitigated",
      "no-unmitigated-risk",
      oscar("Form 2: problems (harm and risk factors)"),
      "A risk factor is present and not mitigated: a return now would expose the child to harm.",
      { factor, householdId: hid }
    )
  }
  for (const factor of inProgress) {
    c.add(
      "blocker",
      "risk-mitigation-in-progress",
      "no-unmitigated-risk",
      oscar("Form 2: problems (harm and risk factors)"),
      "A risk factor is being mitigated; wait until mitigation is complete.",
      { factor, householdId: hid }
    )
    c.act("mitigate-risk", hid)
  }
  for (const i of openIncidents(state, asOf.getTime())) {
    c.add(
      i.severity === "high" ? "blocker" : "warning",
      "incident-open",
      "no-unmitigated-risk",
      unicefSiemReap("Elimination of harm to the child during the reintegration process"),
      "An incident is reported and not yet resolved.",
      { incidentId: i.id, severity: i.severity }
    )
    c.act("resolve-incident")
  }

  // Family assessment (recent enough) and its Form 2 conclusion.
  const famAssessment = latestAssessment(state.assessments, facts.t, "family", hid, false)
  if (famAssessment === undefined) {
    c.add(
      "blocker",
      "family-assessment-missing",
      "family-assessment",
      cite(profile, "eligibility", "familyAssessmentMaxAgeDays"),
      "The family has not been assessed.",
      { householdId: hid }
    )
    c.act("assess-family", hid)
  } else {
    const days = daysFrom(famAssessment.date, asOf)
    if (days > v.familyAssessmentMaxAgeDays) {
      c.add(
        "blocker",
        "family-assessment-stale",
        "family-assessment",
        cite(profile, "eligibility", "familyAssessmentMaxAgeDays"),
        "The family assessment is older than the profile allows; assess the family again.",
        { ageDays: days, maxAgeDays: v.familyAssessmentMaxAgeDays }
      )
      c.act("assess-family", hid)
    }
    const conclusion = famAssessment.conclusion
    if (conclusion !== "can-reintegrate") {
      const [code, message, next] =
        conclusion === "cannot-reintegrate"
          ? [
              "assessment-concluded-cannot-reintegrate",
              "The latest family assessment concluded that the child cannot reintegrate with this family.",
              "plan-alternative-care"
            ]
          : conclusion === "continue-case"
            ? [
                "assessment-concluded-continue-case",
                "The latest family assessment concluded that the case continues: it did not conclude that the child can reintegrate.",
                "assess-family"
              ]
            : conclusion === "close-case"
              ? [
                  "assessment-concluded-close-case",
                  "The latest family assessment concluded that the case be closed: review the case before any return.",
                  "review-case-closure"
                ]
              : [
                  "assessment-conclusion-missing",
                  "The latest family assessment has no Form 2 conclusion: it has not concluded that the child can reintegrate.",
                  "assess-family"
                ]
      c.add(
        "blocker",
        code,
        "family-assessment",
        oscar("Form 2 conclusion: can reintegrate / cannot reintegrate / continue case / close case"),
        message,
        { assessmentId: famAssessment.id }
      )
      c.act(next as ActionCode, next === "plan-alternative-care" ? undefined : hid)
    }
    if (famAssessment.familyAcceptsServices === false) {
      c.add(
        "warning",
        "family-refuses-services",
        "family-assessment",
        oscar("Form 2: family accepts or refuses services"),
        "The family refused services at the last assessment.",
        { assessmentId: famAssessment.id }
      )
    }
  }

  // High risk (scores drive the level) and the risk assessment's outcome, per latest assessment of each kind.
  const materialRisk = riskChecks(state, facts, policy.values.scoring, hid, asOf, profile, c)

  // Conditions first (Aziza's Place): a suitable place to live, a stable livelihood. Material conditions
  // never block (UN Guidelines ¶15): an unmet one is a "support the family" action with the plan it needs.
  if (v.requireSuitableHousing && target.housing !== "suitable") {
    const supported = supportCovers(state, hid, HOUSING)
    c.add(
      supported ? "info" : "warning",
      supported ? "housing-supported" : "housing-support-needed",
      "conditions",
      supported ? cite(profile, "eligibility", "requireSuitableHousing") : UNGL_15,
      supported
        ? "Housing is not yet suitable; a support plan for the household covers rent."
        : "Housing is not yet suitable: support the family to find a suitable place to live with a support plan covering rent (poverty is never a reason to keep a child in care).",
      { housing: target.housing, categories: HOUSING_TEXT }
    )
    if (!supported) c.act("support-housing", hid, HOUSING)
  }
  if ((v.requireStableLivelihood || materialRisk) && !(target.livelihood === "stable" && !materialRisk)) {
    const supported = supportCovers(state, hid, LIVELIHOOD)
    c.add(
      supported ? "info" : "warning",
      supported ? "livelihood-supported" : "livelihood-support-needed",
      "conditions",
      supported ? cite(profile, "eligibility", "requireStableLivelihood") : UNGL_15,
      supported
        ? "The family's livelihood or income is not yet stable; a support plan for the household covers it."
        : "The family's livelihood or income is not yet stable: schedule livelihood, cash or food support (poverty is never a reason to keep a child in care).",
      { livelihood: target.livelihood, incomeHighRisk: materialRisk, categories: LIVELIHOOD_TEXT }
    )
    if (!supported) c.act("support-livelihood", hid, LIVELIHOOD)
  }

  viewsChecks(state, age, target, v, asOf, profile, c)

  // Best-interest determination for this option.
  bidChecks(bid, bidFresh, hid, v.bidMaxAgeDays, asOf, profile, c)

  // Siblings considered together (UN Guidelines ¶17).
  if (v.keepSiblingsTogether && state.child !== undefined) {
    siblingChecks(state, hid, asOf, context, profile, c)
  }

  if (unmitigated.length > 0) {
    c.act("safety-plan", hid)
    c.act("plan-alternative-care")
    const others = Object.values(state.households)
      .filter((h) => h.tracing === "traced" && h.id !== hid && hasKinCaregiver(h))
      .filter((h) => facts.findings(h.id).every((f) => f.mitigation !== "unmitigated"))
    const alternatives: Array<Pathway> = []
    if (others.length > 0) alternatives.push("kinship-care")
    alternatives.push("foster-care", "community-based-care")
    if (age !== undefined && age >= v.independentLivingFromAge) alternatives.push("independent-living")
    return make(
      policy,
      { kind: "contraindicated", householdId: hid, factors: unmitigated, alternatives, actions: c.actions },
      c.reasons
    )
  }
  if (c.blockerCount > 0) {
    const b = c.blockers()
    return make(policy, { kind: "not-yet", householdId: hid, blockers: b, actions: c.actions }, c.reasons)
  }
  c.act("prepare-child-and-family", hid)
  if (state.povertyOnly) c.act("schedule-family-support", hid)
  c.add(
    "info",
    "ready-to-begin-reintegration",
    "ready",
    iag("Preparation of child and family"),
    "Every condition is met: begin preparing the child and family for a gradual return.",
    { householdId: hid }
  )
  const placementType =
    target.kind === "kinship" ||
    (target.kind === undefined &&
      !target.members.some(
        (m) => m.primaryCaregiver && (m.relationship === "parent" || m.relationship === "step-parent")
      ) &&
      hasKinCaregiver(target))
      ? "kinship"
      : "parents"
  return make(policy, { kind: "ready", householdId: hid, placementType, actions: c.actions }, c.reasons)
}
const alternativeFrom = (
  c: C,
  policy: ResolvedPolicy,
  profile: PolicyProfile,
  v: ResolvedParameters["eligibility"],
  age: number | undefined,
  pathway: Pathway,
  householdId?: string
): Decision<Outcome> => {
  let p = pathway
  if (p === "independent-living" && age !== undefined && age < v.independentLivingFromAge) {
    c.add(
      "warning",
      "too-young-for-independent-living",
      "pathway",
      cite(profile, "eligibility", "independentLivingFromAge"),
      "Supported independent living is for older youths; family-based care is proposed instead.",
      { age, fromAge: v.independentLivingFromAge }
    )
    p = "foster-care"
  }
  if (p === "residential-last-resort") {
    if (age !== undefined && age < v.residentialCareFromAge) {
      c.add(
        "warning",
        "under-residential-care-age",
        "pathway",
        cite(profile, "eligibility", "residentialCareFromAge"),
        "Young children are placed in family-based care, not residential care; family-based care is proposed instead.",
        { age, fromAge: v.residentialCareFromAge }
      )
      p = "foster-care"
    } else {
      c.add(
        "warning",
        "residential-last-resort",
        "pathway",
        ungl("¶123 (residential care small, temporary, working for reintegration)"),
        "Residential care only as a temporary last resort, working towards reintegration."
      )
      c.add(
        "info",
        "facility-must-meet-minimum-standards",
        "pathway",
        unicefSiemReap("Temporary placement to another residential facility that meets acceptable standards of care"),
        "A temporary residential placement must be in a facility that meets minimum standards."
      )
    }
  }
  c.act("plan-alternative-care", householdId)
  return make(
    policy,
    householdId === undefined
      ? { kind: "alternative", pathway: p, actions: c.actions }
      : { kind: "alternative", pathway: p, householdId, actions: c.actions },
    c.reasons
  )
}

type C = Collect<ActionCode, SupportCategory>

const UNGL_15 = ungl("¶15")
const HOUSING: ReadonlyArray<SupportCategory> = ["rent"]
const HOUSING_TEXT = HOUSING.join(",")
const LIVELIHOOD: ReadonlyArray<SupportCategory> = ["livelihood", "cash", "food"]
const LIVELIHOOD_TEXT = LIVELIHOOD.join(",")

/** Open incidents reported on or before `t`, by id (no array when there is none). */
const openIncidents = (state: CaseState, t: number): ReadonlyArray<CaseState["incidents"][string]> => {
  let out: Array<CaseState["incidents"][string]> | undefined
  const xs = state.incidents
  for (const id in xs) {
    const i = xs[id]!
    if (i.resolvedOn !== undefined || i.reportedOn.getTime() > t) continue
    if (out === undefined) out = []
    out.push(i)
  }
  return out === undefined ? NONE : out.sort(byId)
}
const NONE: ReadonlyArray<never> = []

/**
 * The safety plan that covers a high-risk assessment, if any: dated on or
 * after it and on or before `asOf`, for the household (or none named), for
 * that assessment (or none named), covering every listed domain.
 *
 * @example
 * ```ts
 * import { CaseState, Eligibility } from "@homeward/core"
 *
 * const s = CaseState.initial("c-1")
 * const assessment = CaseState.latestAssessment(s, "family")
 * assessment === undefined ? undefined : Eligibility.safetyPlanCovers(s, new Date("2018-01-01"), assessment, undefined, ["safety"])
 * // undefined here: no assessment and no safety plan
 * ```
 *
 * @since 0.2.0
 */
export const safetyPlanCovers = (
  state: CaseState,
  asOf: Date,
  a: Assessment,
  hid: string | undefined,
  domains: ReadonlyArray<string>
) =>
  state.safetyPlans.find(
    (p) =>
      p.date.getTime() >= a.date.getTime() &&
      p.date.getTime() <= asOf.getTime() &&
      (p.householdId === undefined || hid === undefined || p.householdId === hid) &&
      (p.assessmentId === undefined || p.assessmentId === a.id) &&
      domains.every((d) => (p.domains as ReadonlyArray<string>).includes(d))
  )

/**
 * High risk and risk-assessment outcome of the latest family, home and
 * readiness assessments of the household (and the latest child assessment
 * for the outcome). Returns whether some assessment is high risk only from
 * material domains (income), which becomes a support action.
 */
const RISK_KINDS = ["child", "family", "home", "readiness"] as const

const riskChecks = (
  state: CaseState,
  facts: Facts,
  scoring: ResolvedParameters["scoring"],
  hid: string,
  asOf: Date,
  profile: PolicyProfile,
  c: C
): boolean => {
  let material = false
  for (let k = 0; k < RISK_KINDS.length; k++) {
    const kind = RISK_KINDS[k]!
    const a = latestAssessment(state.assessments, facts.t, kind, hid, false)
    if (a === undefined) continue
    if (kind !== "child") {
      const risk = facts.risk(a, scoring)
      if (risk.level === "high") {
        if (risk.materialOnly) material = true
        else {
          const domains = risk.triggerDomains.filter((d) => !materialDomains.includes(d))
          const plan = safetyPlanCovers(state, asOf, a, hid, domains)
          const details = {
            assessmentId: a.id,
            kind,
            recordedLevel: a.riskLevel ?? null,
            scoredHighRisk: risk.scoredHighRisk,
            domains: domains.join(",")
          }
          if (plan === undefined) {
            c.add(
              "blocker",
              "family-high-risk",
              "high-risk",
              risk.scoredHighRisk
                ? cite(profile, "scoring", "highRiskAnyDomainAtOrBelow")
                : prim("Risk level assigned to the child: high / medium / low"),
              "The family is assessed as high risk and no safety plan made since covers it: make a safety plan before any return.",
              details
            )
            c.act("safety-plan", hid)
          } else
            c.add(
              "info",
              "high-risk-safety-plan",
              "high-risk",
              prim("Safety plan"),
              "The family was assessed as high risk; a safety plan made since covers it.",
              { ...details, safetyPlanId: plan.id }
            )
          if (risk.mismatch)
            c.add(
              "warning",
              "risk-level-below-scores",
              "high-risk",
              cite(profile, "scoring", "highRiskAnyDomainAtOrBelow"),
              "The recorded risk level is lower than the scores say: the case is treated as high risk.",
              { assessmentId: a.id, recordedLevel: a.riskLevel ?? null }
            )
        }
      }
    }
    const outcome = a.riskOutcome
    if (outcome === "significant-harm") {
      const plan = safetyPlanCovers(state, asOf, a, hid, [])
      if (plan === undefined) {
        c.add(
          "blocker",
          "risk-significant-harm",
          "risk-outcome",
          prim("Risk assessment conclusion: at risk of significant harm → complete the child's case plan"),
          "The risk assessment found the child at risk of significant harm: complete the case plan (with a safety plan) before any return.",
          { assessmentId: a.id, kind }
        )
        c.act("case-plan", hid)
        c.act("safety-plan", hid)
      } else
        c.add(
          "info",
          "risk-significant-harm-planned",
          "risk-outcome",
          prim("Risk assessment conclusion: at risk of significant harm → complete the child's case plan"),
          "The risk assessment found a risk of significant harm; a safety plan made since covers it.",
          { assessmentId: a.id, safetyPlanId: plan.id }
        )
    } else if (outcome === "needs-met-with-support") {
      c.add(
        "info",
        "risk-needs-referral",
        "risk-outcome",
        prim("Risk assessment conclusion: needs met by caregivers with support or by local services → refer"),
        "The child's needs can be met by the caregivers with support or by local services: refer the family.",
        { assessmentId: a.id, kind }
      )
      c.act("refer-to-services", hid)
    } else if (outcome === "no-risk-no-needs") {
      c.add(
        "info",
        "risk-no-needs",
        "risk-outcome",
        prim(
          "Risk assessment conclusion: no risk of significant harm and no outstanding needs → the case can be closed"
        ),
        "The risk assessment found no risk and no outstanding needs.",
        { assessmentId: a.id, kind }
      )
    }
  }
  return material
}

/** The child's views, heard in a way that fits age and maturity. */
const viewsChecks = (
  state: CaseState,
  age: number | undefined,
  target: Household | undefined,
  v: ResolvedParameters["eligibility"],
  asOf: Date,
  profile: PolicyProfile,
  c: C
) => {
  const views = factsOf(state, asOf).views()
  if (views === undefined) {
    c.add(
      "blocker",
      "views-not-heard",
      "child-views",
      ungl("¶49 (the reintegration assessment consults the child)"),
      "The child's views on returning home have not been heard."
    )
    c.act("hear-child")
  } else {
    const days = daysFrom(views.date, asOf)
    if (days > v.viewsMaxAgeDays) {
      c.add(
        "blocker",
        "views-stale",
        "child-views",
        cite(profile, "eligibility", "viewsMaxAgeDays"),
        "The child's views were heard too long ago; hear the child again.",
        { ageDays: days, maxAgeDays: v.viewsMaxAgeDays }
      )
      c.act("hear-child")
    }
    if (
      age !== undefined &&
      age >= v.viewsDirectFromAge &&
      views.howHeard !== "direct-conversation" &&
      views.howHeard !== "written"
    ) {
      c.add(
        "blocker",
        "views-not-heard-directly",
        "child-views",
        cite(profile, "eligibility", "viewsDirectFromAge"),
        "At this age the child's views must be heard directly (in conversation or in writing).",
        { age, fromAge: v.viewsDirectFromAge, howHeard: views.howHeard }
      )
      c.act("hear-child")
    }
    if (views.wish === "no") {
      c.add(
        "blocker",
        "child-does-not-wish-to-return",
        "child-views",
        ungl("¶49 (the reintegration assessment consults the child)"),
        "The child said they do not wish to return: explore the child's reasons; the child's wish is not overridden."
      )
      c.act("explore-child-wishes")
    } else if (views.wish === "not-sure") {
      c.add(
        "warning",
        "child-unsure",
        "child-views",
        ungl("¶49 (the reintegration assessment consults the child)"),
        "The child is not sure about returning: explore the child's wishes during preparation."
      )
      c.act("explore-child-wishes")
    }
    const named = views.preferredPeople.flatMap((p) => (p.memberId === undefined ? [] : [p.memberId]))
    if (target !== undefined && named.length > 0 && !target.members.some((m) => named.includes(m.id))) {
      c.add(
        "warning",
        "target-not-child-preferred",
        "child-views",
        ungl("¶49 (the reintegration assessment consults the child)"),
        "None of the people the child would like to live with is a member of the target household."
      )
    }
  }
}

const bidChecks = (
  bid: BestInterestDetermination | undefined,
  fresh: boolean,
  hid: string | undefined,
  maxAgeDays: number,
  asOf: Date,
  profile: PolicyProfile,
  c: C
) => {
  const src = unhcr("Formal best-interest determination: gather and analyse, then balance by a panel")
  if (bid === undefined) {
    c.add("blocker", "bid-missing", "best-interest-determination", src, "No best-interest determination has been made.")
    c.act("convene-bid", hid)
    return
  }
  if (!fresh) {
    c.add(
      "blocker",
      "bid-stale",
      "best-interest-determination",
      cite(profile, "eligibility", "bidMaxAgeDays"),
      "The best-interest determination is older than the profile allows; convene the panel again.",
      { ageDays: daysFrom(bid.date, asOf), maxAgeDays: maxAgeDays }
    )
    c.act("convene-bid", hid)
  }
  if (bid.recommendation !== "reunification") {
    c.add(
      "blocker",
      "bid-not-for-reunification",
      "best-interest-determination",
      src,
      "The best-interest determination does not recommend reunification.",
      { recommendation: bid.recommendation }
    )
    c.act("convene-bid", hid)
  } else if (hid !== undefined && bid.householdId !== undefined && bid.householdId !== hid) {
    c.add(
      "blocker",
      "bid-for-other-household",
      "best-interest-determination",
      src,
      "The best-interest determination recommends reunification with another household."
    )
    c.act("convene-bid", hid)
  }
  if (!bid.childViewsConsidered) {
    c.add(
      "blocker",
      "bid-child-views-not-considered",
      "best-interest-determination",
      unhcr("Elements of a best-interest determination: the child's views"),
      "The best-interest determination did not consider the child's views."
    )
    c.act("convene-bid", hid)
  }
  if (!bid.familyViewsConsidered) {
    c.add(
      "blocker",
      "bid-family-views-not-considered",
      "best-interest-determination",
      ungl("¶49 (the reintegration assessment consults child, family and current carer)"),
      "The best-interest determination did not consider the family's views."
    )
    c.act("convene-bid", hid)
  }
}

const siblingChecks = (state: CaseState, hid: string, asOf: Date, context: Context, profile: PolicyProfile, c: C) => {
  const child = state.child!
  // Nothing to check (and nothing to report) without sibling ids or sibling cases.
  if ((child.siblingIds === undefined || child.siblingIds.length === 0) && (context.siblings?.length ?? 0) === 0) return
  const src = cite(profile, "eligibility", "keepSiblingsTogether")
  const ids = new Set(child.siblingIds ?? [])
  const siblings = (context.siblings ?? []).filter(
    (s) =>
      s.child !== undefined &&
      s.child.id !== child.id &&
      (ids.has(s.child.id) || (s.child.siblingIds ?? []).includes(child.id))
  )
  const supplied = new Set(siblings.map((s) => s.child!.id))
  for (const id of [...ids].sort()) {
    if (!supplied.has(id)) {
      c.add(
        "info",
        "sibling-record-not-supplied",
        "siblings-together",
        src,
        "A sibling's case was not supplied, so keeping siblings together could not be checked for them.",
        { siblingId: id }
      )
    }
  }
  for (const s of [...siblings].sort((a, b) => (a.child!.id < b.child!.id ? -1 : 1))) {
    const sid = s.child!.id
    if (s.placement !== undefined && isFamilyBased(s.placement.type)) {
      if (s.placement.householdId !== undefined && s.placement.householdId !== hid) {
        c.add(
          "warning",
          "sibling-living-elsewhere",
          "siblings-together",
          src,
          "A sibling already lives with another family: consider keeping siblings together.",
          { siblingId: sid }
        )
      }
      continue
    }
    const sbid = latestOnOrBefore(s.determinations, asOf, (d) => d.date)
    if (sbid === undefined) {
      c.add(
        "blocker",
        "siblings-not-considered-together",
        "siblings-together",
        src,
        "A sibling is still in care and has no best-interest determination: consider the siblings together.",
        { siblingId: sid }
      )
      c.act("consider-siblings-together", hid)
    } else if (
      sbid.recommendation !== "reunification" ||
      (sbid.householdId !== undefined && sbid.householdId !== hid)
    ) {
      c.add(
        "warning",
        "siblings-separated-by-decision",
        "siblings-together",
        src,
        "A sibling's best-interest determination plans a different arrangement: the siblings would be separated.",
        { siblingId: sid }
      )
    }
  }
}
