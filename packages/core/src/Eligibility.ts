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
import { collector, type Decision, make, type Reason, requireValidDate } from "./Decision.js"
import type { Household } from "./Household.js"
import { hasKinCaregiver } from "./Household.js"
import type { Institution } from "./Institution.js"
import { daysFrom, iag, latestOnOrBefore, oscar, prim, ungl, unhcr, unicefSiemReap } from "./internal/ruleSources.js"
import { cite, type PolicyProfile, type ResolvedParameters, resolve } from "./PolicyProfile.js"
import { assessmentRisk, materialDomains } from "./Scoring.js"
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
 * @since 0.1.0
 */
export const targetHousehold = (state: CaseState, asOf: Date): Household | undefined => {
  requireValidDate(asOf)
  const traced = Object.values(state.households)
    .filter((h) => h.tracing === "traced")
    .sort(byId)
  const bid = latestOnOrBefore(state.determinations, asOf, (d) => d.date)
  if (bid?.householdId !== undefined) {
    const named = traced.find((h) => h.id === bid.householdId)
    if (named !== undefined) return named
  }
  return (
    traced.find((h) => h.kind === undefined || h.kind === "birth-family") ??
    traced.find((h) => h.kind === "kinship") ??
    traced.find((h) => h.kind !== "foster")
  )
}

/** A household support plan (scheduled, whatever its start) covering one of the categories. */
const supportCovers = (state: CaseState, householdId: string, categories: ReadonlyArray<SupportCategory>): boolean =>
  state.supportPlans.some(
    (p) =>
      p.recipient === "household" &&
      (p.householdId === undefined || p.householdId === householdId) &&
      p.items.some((i) => categories.includes(i.category))
  )

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
 * @since 0.1.0
 */
export const riskFindings = (
  state: CaseState,
  asOf: Date,
  householdId: string | undefined
): ReadonlyArray<{ readonly factor: RiskFactor; readonly mitigation: string; readonly assessmentId: string }> => {
  requireValidDate(asOf)
  const out: Array<{ factor: RiskFactor; mitigation: string; assessmentId: string }> = []
  for (const kind of ["child", "family", "home", "readiness"] as const) {
    const latest = latestOnOrBefore(
      state.assessments.filter(
        (a) => a.kind === kind && (a.householdId === undefined || a.householdId === householdId)
      ),
      asOf,
      (a) => a.date
    )
    if (latest === undefined) continue
    for (const f of latest.riskFactors)
      out.push({ factor: f.factor, mitigation: f.mitigation, assessmentId: latest.id })
  }
  return out
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
  const { reasons, add } = collector(RULE)
  const actions: Array<Action> = []
  const act = (code: ActionCode, householdId?: string, categories?: ReadonlyArray<SupportCategory>) => {
    if (!actions.some((a) => a.code === code && a.householdId === householdId))
      actions.push({
        code,
        ...(householdId === undefined ? {} : { householdId }),
        ...(categories === undefined ? {} : { categories })
      })
  }
  const blockers = () => reasons.filter((r) => r.severity === "blocker").map((r) => r.code)

  // UN Guidelines ¶15: poverty alone is never a reason to keep a child in care.
  if (state.povertyOnly) {
    add(
      "warning",
      "poverty-only-support-family",
      "poverty-not-a-reason",
      ungl("¶15"),
      "The child was admitted for poverty alone: poverty is never a reason to keep a child in care. Support the family so the child can go home."
    )
    act("schedule-family-support")
  }

  const age = state.child === undefined ? undefined : ageOn(state.child.birth.date, asOf)
  if (age === undefined) {
    add(
      "blocker",
      "child-record-missing",
      "child-record",
      iag("Tracing, assessment and planning: child assessment"),
      "The child's record (with date of birth) is missing, so age-dependent rules cannot be applied."
    )
    act("record-child")
  } else if (age >= v.adultAge) {
    add(
      "warning",
      "young-person-is-adult",
      "child-record",
      cite(profile, "eligibility", "adultAge"),
      "The young person has reached adulthood: returning to the family is their choice; supported independent living is an option.",
      { age, adultAge: v.adultAge }
    )
  }

  const bid = latestOnOrBefore(state.determinations, asOf, (d) => d.date)
  const bidFresh = bid !== undefined && daysFrom(bid.date, asOf) <= v.bidMaxAgeDays

  const alternativeFrom = (pathway: Pathway, householdId?: string): Decision<Outcome> => {
    let p = pathway
    if (p === "independent-living" && age !== undefined && age < v.independentLivingFromAge) {
      add(
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
        add(
          "warning",
          "under-residential-care-age",
          "pathway",
          cite(profile, "eligibility", "residentialCareFromAge"),
          "Young children are placed in family-based care, not residential care; family-based care is proposed instead.",
          { age, fromAge: v.residentialCareFromAge }
        )
        p = "foster-care"
      } else {
        add(
          "warning",
          "residential-last-resort",
          "pathway",
          ungl("¶123 (residential care small, temporary, working for reintegration)"),
          "Residential care only as a temporary last resort, working towards reintegration."
        )
        add(
          "info",
          "facility-must-meet-minimum-standards",
          "pathway",
          unicefSiemReap("Temporary placement to another residential facility that meets acceptable standards of care"),
          "A temporary residential placement must be in a facility that meets minimum standards."
        )
      }
    }
    act("plan-alternative-care", householdId)
    return make(
      policy,
      householdId === undefined
        ? { kind: "alternative", pathway: p, actions }
        : { kind: "alternative", pathway: p, householdId, actions },
      reasons
    )
  }

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
      add(
        "info",
        "bid-recommends-alternative",
        "best-interest-determination",
        unhcr("Best-interest determination for durable solutions"),
        "The current best-interest determination recommends an arrangement other than return to the family.",
        { bidId: bid.id, placementType: bid.placementType }
      )
      return alternativeFrom(pathway, bid.householdId)
    }
  }

  const target = targetHousehold(state, asOf)
  if (target === undefined) {
    const households = Object.values(state.households)
    const pending = households.filter((h) => h.tracing === "not-started" || h.tracing === "in-progress")
    if (households.length === 0 || pending.length > 0) {
      add(
        "blocker",
        "family-not-traced",
        "family-traced",
        iag("Tracing, assessment and planning: family tracing"),
        "No family has been traced yet.",
        { householdsPending: pending.length }
      )
      act("trace-family")
      viewsChecks(state, age, undefined, v, asOf, profile, add, act)
      bidChecks(bid, bidFresh, undefined, v.bidMaxAgeDays, asOf, profile, add, act)
      return make(policy, { kind: "not-yet", blockers: blockers(), actions }, reasons)
    }
    add(
      "warning",
      "family-not-found",
      "family-traced",
      iag("Tracing, assessment and planning: family tracing"),
      "No family could be found or the known family members are deceased: plan an alternative family-based pathway."
    )
    return alternativeFrom(
      age !== undefined && age >= v.independentLivingFromAge ? "independent-living" : "foster-care"
    )
  }
  const hid = target.id

  // Harm: risk factors (MoSVY Form 2) and open incidents.
  const findings = riskFindings(state, asOf, hid)
  const unmitigated = [...new Set(findings.filter((f) => f.mitigation === "unmitigated").map((f) => f.factor))]
  for (const factor of unmitigated) {
    add(
      "blocker",
      "risk-unmitigated",
      "no-unmitigated-risk",
      oscar("Form 2: problems (harm and risk factors)"),
      "A risk factor is present and not mitigated: a return now would expose the child to harm.",
      { factor, householdId: hid }
    )
  }
  for (const factor of new Set(
    findings.filter((f) => f.mitigation === "mitigation-in-progress").map((f) => f.factor)
  )) {
    add(
      "blocker",
      "risk-mitigation-in-progress",
      "no-unmitigated-risk",
      oscar("Form 2: problems (harm and risk factors)"),
      "A risk factor is being mitigated; wait until mitigation is complete.",
      { factor, householdId: hid }
    )
    act("mitigate-risk", hid)
  }
  for (const i of Object.values(state.incidents).sort(byId)) {
    if (i.resolvedOn !== undefined || i.reportedOn.getTime() > asOf.getTime()) continue
    add(
      i.severity === "high" ? "blocker" : "warning",
      "incident-open",
      "no-unmitigated-risk",
      unicefSiemReap("Elimination of harm to the child during the reintegration process"),
      "An incident is reported and not yet resolved.",
      { incidentId: i.id, severity: i.severity }
    )
    act("resolve-incident")
  }

  // Family assessment (recent enough) and its Form 2 conclusion.
  const famAssessment = latestOnOrBefore(
    state.assessments.filter((a) => a.kind === "family" && (a.householdId === undefined || a.householdId === hid)),
    asOf,
    (a) => a.date
  )
  if (famAssessment === undefined) {
    add(
      "blocker",
      "family-assessment-missing",
      "family-assessment",
      cite(profile, "eligibility", "familyAssessmentMaxAgeDays"),
      "The family has not been assessed.",
      { householdId: hid }
    )
    act("assess-family", hid)
  } else {
    const days = daysFrom(famAssessment.date, asOf)
    if (days > v.familyAssessmentMaxAgeDays) {
      add(
        "blocker",
        "family-assessment-stale",
        "family-assessment",
        cite(profile, "eligibility", "familyAssessmentMaxAgeDays"),
        "The family assessment is older than the profile allows; assess the family again.",
        { ageDays: days, maxAgeDays: v.familyAssessmentMaxAgeDays }
      )
      act("assess-family", hid)
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
      add(
        "blocker",
        code,
        "family-assessment",
        oscar("Form 2 conclusion: can reintegrate / cannot reintegrate / continue case / close case"),
        message,
        { assessmentId: famAssessment.id }
      )
      act(next as ActionCode, next === "plan-alternative-care" ? undefined : hid)
    }
    if (famAssessment.familyAcceptsServices === false) {
      add(
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
  const materialRisk = riskChecks(state, hid, asOf, profile, add, act)

  // Conditions first (Aziza's Place): a suitable place to live, a stable livelihood. Material conditions
  // never block (UN Guidelines ¶15): an unmet one is a "support the family" action with the plan it needs.
  const conditions = [
    {
      required: v.requireSuitableHousing,
      met: target.housing === "suitable",
      param: "requireSuitableHousing",
      categories: ["rent"],
      codes: ["housing-supported", "housing-support-needed"],
      action: "support-housing",
      details: { housing: target.housing },
      messages: [
        "Housing is not yet suitable; a support plan for the household covers rent.",
        "Housing is not yet suitable: support the family to find a suitable place to live with a support plan covering rent (poverty is never a reason to keep a child in care)."
      ]
    },
    {
      required: v.requireStableLivelihood || materialRisk,
      met: target.livelihood === "stable" && !materialRisk,
      param: "requireStableLivelihood",
      categories: ["livelihood", "cash", "food"],
      codes: ["livelihood-supported", "livelihood-support-needed"],
      action: "support-livelihood",
      details: { livelihood: target.livelihood, incomeHighRisk: materialRisk },
      messages: [
        "The family's livelihood or income is not yet stable; a support plan for the household covers it.",
        "The family's livelihood or income is not yet stable: schedule livelihood, cash or food support (poverty is never a reason to keep a child in care)."
      ]
    }
  ] as const
  for (const c of conditions) {
    if (!c.required || c.met) continue
    const supported = supportCovers(state, hid, c.categories)
    add(
      supported ? "info" : "warning",
      supported ? c.codes[0] : c.codes[1],
      "conditions",
      supported ? cite(profile, "eligibility", c.param) : ungl("¶15"),
      supported ? c.messages[0] : c.messages[1],
      { ...c.details, categories: c.categories.join(",") }
    )
    if (!supported) act(c.action, hid, c.categories)
  }

  viewsChecks(state, age, target, v, asOf, profile, add, act)

  // Best-interest determination for this option.
  bidChecks(bid, bidFresh, hid, v.bidMaxAgeDays, asOf, profile, add, act)

  // Siblings considered together (UN Guidelines ¶17).
  if (v.keepSiblingsTogether && state.child !== undefined) {
    siblingChecks(state, hid, asOf, context, profile, add, act)
  }

  if (unmitigated.length > 0) {
    act("safety-plan", hid)
    act("plan-alternative-care")
    const others = Object.values(state.households)
      .filter((h) => h.tracing === "traced" && h.id !== hid && hasKinCaregiver(h))
      .filter((h) => riskFindings(state, asOf, h.id).every((f) => f.mitigation !== "unmitigated"))
    const alternatives: Array<Pathway> = []
    if (others.length > 0) alternatives.push("kinship-care")
    alternatives.push("foster-care", "community-based-care")
    if (age !== undefined && age >= v.independentLivingFromAge) alternatives.push("independent-living")
    return make(
      policy,
      { kind: "contraindicated", householdId: hid, factors: unmitigated, alternatives, actions },
      reasons
    )
  }
  const b = blockers()
  if (b.length > 0) return make(policy, { kind: "not-yet", householdId: hid, blockers: b, actions }, reasons)
  act("prepare-child-and-family", hid)
  if (state.povertyOnly) act("schedule-family-support", hid)
  add(
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
  return make(policy, { kind: "ready", householdId: hid, placementType, actions }, reasons)
}

type Add = (
  severity: Reason["severity"],
  code: string,
  rule: string,
  source: Reason["source"],
  message: string,
  details?: Reason["details"]
) => void
type Act = (code: ActionCode, householdId?: string, categories?: ReadonlyArray<SupportCategory>) => void

/**
 * The safety plan that covers a high-risk assessment, if any: dated on or
 * after it and on or before `asOf`, for the household (or none named), for
 * that assessment (or none named), covering every listed domain.
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
const riskChecks = (state: CaseState, hid: string, asOf: Date, profile: PolicyProfile, add: Add, act: Act): boolean => {
  let material = false
  for (const kind of ["child", "family", "home", "readiness"] as const) {
    const a = latestOnOrBefore(
      state.assessments.filter((x) => x.kind === kind && (x.householdId === undefined || x.householdId === hid)),
      asOf,
      (x) => x.date
    )
    if (a === undefined) continue
    if (kind !== "child") {
      const risk = assessmentRisk(a, profile, asOf).outcome
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
            add(
              "blocker",
              "family-high-risk",
              "high-risk",
              risk.scoredHighRisk
                ? cite(profile, "scoring", "highRiskAnyDomainAtOrBelow")
                : prim("Risk level assigned to the child: high / medium / low"),
              "The family is assessed as high risk and no safety plan made since covers it: make a safety plan before any return.",
              details
            )
            act("safety-plan", hid)
          } else
            add(
              "info",
              "high-risk-safety-plan",
              "high-risk",
              prim("Safety plan"),
              "The family was assessed as high risk; a safety plan made since covers it.",
              { ...details, safetyPlanId: plan.id }
            )
          if (risk.mismatch)
            add(
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
        add(
          "blocker",
          "risk-significant-harm",
          "risk-outcome",
          prim("Risk assessment conclusion: at risk of significant harm → complete the child's case plan"),
          "The risk assessment found the child at risk of significant harm: complete the case plan (with a safety plan) before any return.",
          { assessmentId: a.id, kind }
        )
        act("case-plan", hid)
        act("safety-plan", hid)
      } else
        add(
          "info",
          "risk-significant-harm-planned",
          "risk-outcome",
          prim("Risk assessment conclusion: at risk of significant harm → complete the child's case plan"),
          "The risk assessment found a risk of significant harm; a safety plan made since covers it.",
          { assessmentId: a.id, safetyPlanId: plan.id }
        )
    } else if (outcome === "needs-met-with-support") {
      add(
        "info",
        "risk-needs-referral",
        "risk-outcome",
        prim("Risk assessment conclusion: needs met by caregivers with support or by local services → refer"),
        "The child's needs can be met by the caregivers with support or by local services: refer the family.",
        { assessmentId: a.id, kind }
      )
      act("refer-to-services", hid)
    } else if (outcome === "no-risk-no-needs") {
      add(
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
  add: Add,
  act: Act
) => {
  const views = latestOnOrBefore(state.views, asOf, (x) => x.date)
  if (views === undefined) {
    add(
      "blocker",
      "views-not-heard",
      "child-views",
      ungl("¶49 (the reintegration assessment consults the child)"),
      "The child's views on returning home have not been heard."
    )
    act("hear-child")
  } else {
    const days = daysFrom(views.date, asOf)
    if (days > v.viewsMaxAgeDays) {
      add(
        "blocker",
        "views-stale",
        "child-views",
        cite(profile, "eligibility", "viewsMaxAgeDays"),
        "The child's views were heard too long ago; hear the child again.",
        { ageDays: days, maxAgeDays: v.viewsMaxAgeDays }
      )
      act("hear-child")
    }
    if (
      age !== undefined &&
      age >= v.viewsDirectFromAge &&
      views.howHeard !== "direct-conversation" &&
      views.howHeard !== "written"
    ) {
      add(
        "blocker",
        "views-not-heard-directly",
        "child-views",
        cite(profile, "eligibility", "viewsDirectFromAge"),
        "At this age the child's views must be heard directly (in conversation or in writing).",
        { age, fromAge: v.viewsDirectFromAge, howHeard: views.howHeard }
      )
      act("hear-child")
    }
    if (views.wish === "no") {
      add(
        "blocker",
        "child-does-not-wish-to-return",
        "child-views",
        ungl("¶49 (the reintegration assessment consults the child)"),
        "The child said they do not wish to return: explore the child's reasons; the child's wish is not overridden."
      )
      act("explore-child-wishes")
    } else if (views.wish === "not-sure") {
      add(
        "warning",
        "child-unsure",
        "child-views",
        ungl("¶49 (the reintegration assessment consults the child)"),
        "The child is not sure about returning: explore the child's wishes during preparation."
      )
      act("explore-child-wishes")
    }
    const named = views.preferredPeople.flatMap((p) => (p.memberId === undefined ? [] : [p.memberId]))
    if (target !== undefined && named.length > 0 && !target.members.some((m) => named.includes(m.id))) {
      add(
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
  add: Add,
  act: Act
) => {
  const src = unhcr("Formal best-interest determination: gather and analyse, then balance by a panel")
  if (bid === undefined) {
    add("blocker", "bid-missing", "best-interest-determination", src, "No best-interest determination has been made.")
    act("convene-bid", hid)
    return
  }
  if (!fresh) {
    add(
      "blocker",
      "bid-stale",
      "best-interest-determination",
      cite(profile, "eligibility", "bidMaxAgeDays"),
      "The best-interest determination is older than the profile allows; convene the panel again.",
      { ageDays: daysFrom(bid.date, asOf), maxAgeDays: maxAgeDays }
    )
    act("convene-bid", hid)
  }
  if (bid.recommendation !== "reunification") {
    add(
      "blocker",
      "bid-not-for-reunification",
      "best-interest-determination",
      src,
      "The best-interest determination does not recommend reunification.",
      { recommendation: bid.recommendation }
    )
    act("convene-bid", hid)
  } else if (hid !== undefined && bid.householdId !== undefined && bid.householdId !== hid) {
    add(
      "blocker",
      "bid-for-other-household",
      "best-interest-determination",
      src,
      "The best-interest determination recommends reunification with another household."
    )
    act("convene-bid", hid)
  }
  if (!bid.childViewsConsidered) {
    add(
      "blocker",
      "bid-child-views-not-considered",
      "best-interest-determination",
      unhcr("Elements of a best-interest determination: the child's views"),
      "The best-interest determination did not consider the child's views."
    )
    act("convene-bid", hid)
  }
  if (!bid.familyViewsConsidered) {
    add(
      "blocker",
      "bid-family-views-not-considered",
      "best-interest-determination",
      ungl("¶49 (the reintegration assessment consults child, family and current carer)"),
      "The best-interest determination did not consider the family's views."
    )
    act("convene-bid", hid)
  }
}

const siblingChecks = (
  state: CaseState,
  hid: string,
  asOf: Date,
  context: Context,
  profile: PolicyProfile,
  add: Add,
  act: Act
) => {
  const child = state.child!
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
      add(
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
        add(
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
      add(
        "blocker",
        "siblings-not-considered-together",
        "siblings-together",
        src,
        "A sibling is still in care and has no best-interest determination: consider the siblings together.",
        { siblingId: sid }
      )
      act("consider-siblings-together", hid)
    } else if (
      sbid.recommendation !== "reunification" ||
      (sbid.householdId !== undefined && sbid.householdId !== hid)
    ) {
      add(
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
