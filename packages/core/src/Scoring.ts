/**
 * Scoring rules of the MoSVY case-management forms (Primero Cambodia, OSCaR
 * Form 3): domain scores on the 1–4 scale give an overall score (mean of the
 * domains, rounded half up) and a high-risk flag (any domain at or below
 * `scoring.highRiskAnyDomainAtOrBelow`, or more than
 * `scoring.highRiskPoorDomainsMoreThan` domains at `scoring.highRiskPoorScore`);
 * items at or below `scoring.concernAtOrBelow` must become case-plan goals;
 * a follow-up visit is rated green / yellow / red from its five A/B/C
 * criteria; the risk level sets a response deadline (`responseTime.*Hours`);
 * the profile's `conference.triggers` say which situations need a case
 * conference; and the scores drive an assessment's risk level
 * ({@link assessmentRisk}): a high-risk score makes the case high risk
 * whatever level was recorded, and a lower recorded level is a finding.
 *
 * Convention: every rule returns a `Decision`. The two tiny pure helpers that
 * need no profile ({@link overall} and {@link visitRating}) also exist as
 * plain functions; their Decision variants are {@link scoreDomains} and
 * {@link rateVisit}.
 *
 * @since 0.1.0
 */
import type { Assessment, Domain, RiskLevel } from "./Assessment.js"
import { type Decision, make, type Reason, requireValidDate } from "./Decision.js"
import type { FollowUpCriteria, Rating } from "./FollowUp.js"
import { prim, ungl } from "./internal/ruleSources.js"
import { type ConferenceTrigger, cite, type PolicyProfile, resolve } from "./PolicyProfile.js"

/**
 * Mean of integer scores rounded half up, computed in exact integer
 * arithmetic (`floor((2·sum + n) / 2n)`), so 2.5 → 3 and 3.5 → 4 with no
 * floating-point drift. Returns `undefined` for no scores.
 *
 * @example
 * ```ts
 * import { Scoring } from "@homeward/core"
 *
 * Scoring.overall([2, 3]) // 3
 * Scoring.overall([1, 2, 2]) // 2
 * ```
 *
 * @since 0.1.0
 */
export const overall = (scores: ReadonlyArray<number>): number | undefined => {
  if (scores.length === 0) return undefined
  let sum = 0
  for (const s of scores) sum += s
  return Math.floor((2 * sum + scores.length) / (2 * scores.length))
}

/**
 * A domain that needs a case-plan goal.
 *
 * @since 0.1.0
 */
export interface Goal {
  readonly domain: string
  readonly score: number
}

/**
 * Result of scoring a set of domains.
 *
 * @since 0.1.0
 */
export interface DomainScoring {
  /** Mean of the domains rounded half up (`undefined` when no domain was scored). */
  readonly overall: number | undefined
  readonly highRisk: boolean
  /** Domains at or below `highRiskAnyDomainAtOrBelow`. */
  readonly veryPoorDomains: ReadonlyArray<string>
  /** Domains equal to `highRiskPoorScore`. */
  readonly poorDomains: ReadonlyArray<string>
  /** Domains at or below `concernAtOrBelow`: each must be a case-plan goal. */
  readonly requiredGoals: ReadonlyArray<Goal>
}

/**
 * Score a set of domains (child wellbeing: 5 domains; family protective
 * capacity: 6 domains): overall score, high-risk flag and required case-plan
 * goals, with reasons citing the profile.
 *
 * @example
 * ```ts
 * import { Profiles, Scoring } from "@homeward/core"
 *
 * const d = Scoring.scoreDomains(
 *   { health: 2, education: 2, emotionalSocial: 2, safetyEnvironment: 2, nutrition: 3 },
 *   Profiles.cambodiaMosvy,
 *   new Date("2018-01-01")
 * )
 * d.outcome.highRisk // true (four domains at 2)
 * d.outcome.overall // 2
 * ```
 *
 * @since 0.1.0
 */
export const scoreDomains = (
  domains: Readonly<Record<string, number>>,
  profile: PolicyProfile,
  asOf: Date
): Decision<DomainScoring> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const v = policy.values.scoring
  const entries = Object.entries(domains)
  const veryPoorDomains = entries.filter(([, s]) => s <= v.highRiskAnyDomainAtOrBelow).map(([d]) => d)
  const poorDomains = entries.filter(([, s]) => s === v.highRiskPoorScore).map(([d]) => d)
  const requiredGoals = entries.filter(([, s]) => s <= v.concernAtOrBelow).map(([domain, score]) => ({ domain, score }))
  const reasons: Array<Reason> = []
  if (veryPoorDomains.length > 0) {
    reasons.push({
      code: "high-risk-domain-very-poor",
      rule: "scoring/high-risk",
      source: cite(profile, "scoring", "highRiskAnyDomainAtOrBelow"),
      severity: "blocker",
      message: "At least one domain is scored very poor: the case is high risk.",
      details: { domains: veryPoorDomains.length, atOrBelow: v.highRiskAnyDomainAtOrBelow }
    })
  }
  if (poorDomains.length > v.highRiskPoorDomainsMoreThan) {
    reasons.push({
      code: "high-risk-many-poor-domains",
      rule: "scoring/high-risk",
      source: cite(profile, "scoring", "highRiskPoorDomainsMoreThan"),
      severity: "blocker",
      message: "More domains are scored poor than the profile allows: the case is high risk.",
      details: {
        poorDomains: poorDomains.length,
        moreThan: v.highRiskPoorDomainsMoreThan,
        poorScore: v.highRiskPoorScore
      }
    })
  }
  for (const g of requiredGoals) {
    reasons.push({
      code: "concern-requires-goal",
      rule: "scoring/concern-in-case-plan",
      source: cite(profile, "scoring", "concernAtOrBelow"),
      severity: "warning",
      message: "A domain scored poor or very poor must be addressed by a goal in the case plan.",
      details: { domain: g.domain, score: g.score, concernAtOrBelow: v.concernAtOrBelow }
    })
  }
  const highRisk = veryPoorDomains.length > 0 || poorDomains.length > v.highRiskPoorDomainsMoreThan
  if (!highRisk) {
    reasons.push({
      code: "not-high-risk",
      rule: "scoring/high-risk",
      source: cite(profile, "scoring", "highRiskPoorDomainsMoreThan"),
      severity: "info",
      message: "No domain is very poor and no more poor domains than the profile allows.",
      details: { poorDomains: poorDomains.length, moreThan: v.highRiskPoorDomainsMoreThan }
    })
  }
  return make(
    policy,
    { overall: overall(entries.map(([, s]) => s)), highRisk, veryPoorDomains, poorDomains, requiredGoals },
    reasons
  )
}

/**
 * Items at or below `scoring.concernAtOrBelow` (on any 1–4 scored form,
 * e.g. Form 3 or Form 6): each must be a goal in the case plan.
 *
 * @since 0.1.0
 */
export const requiredGoals = (
  items: Readonly<Record<string, number>>,
  profile: PolicyProfile,
  asOf: Date
): Decision<{ readonly goals: ReadonlyArray<Goal> }> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const at = policy.values.scoring.concernAtOrBelow
  const goals = Object.entries(items)
    .filter(([, s]) => s <= at)
    .map(([domain, score]) => ({ domain, score }))
  return make(
    policy,
    { goals },
    goals.map((g) => ({
      code: "concern-requires-goal",
      rule: "scoring/concern-in-case-plan",
      source: cite(profile, "scoring", "concernAtOrBelow"),
      severity: "warning" as const,
      message: "An item scored poor or very poor must be addressed by a goal in the case plan.",
      details: { domain: g.domain, score: g.score, concernAtOrBelow: at }
    }))
  )
}

/**
 * Follow-up visit rating (Primero Cambodia).
 *
 * @since 0.1.0
 */
export type VisitRating = "green" | "yellow" | "red"

/**
 * Rate a follow-up visit from its five A/B/C criteria: green if all A,
 * yellow if any B and no C, red if any C (Primero Cambodia). Plain helper;
 * {@link rateVisit} is the Decision variant.
 *
 * @example
 * ```ts
 * import { Scoring } from "@homeward/core"
 *
 * Scoring.visitRating({ health: "A", education: "B", food: "A", relationship: "A", safety: "A" }) // "yellow"
 * ```
 *
 * @since 0.1.0
 */
export const visitRating = (criteria: FollowUpCriteria): VisitRating => {
  const rs: ReadonlyArray<Rating> = [
    criteria.health,
    criteria.education,
    criteria.food,
    criteria.relationship,
    criteria.safety
  ]
  if (rs.includes("C")) return "red"
  if (rs.includes("B")) return "yellow"
  return "green"
}

/**
 * Rate a follow-up visit, explaining which criteria drove the rating.
 *
 * @since 0.1.0
 */
export const rateVisit = (
  criteria: FollowUpCriteria,
  profile: PolicyProfile,
  asOf: Date
): Decision<{ readonly rating: VisitRating }> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const rating = visitRating(criteria)
  const source = prim("Follow-up visit rating: green if all A, yellow if any B and no C, red if any C")
  const named = (r: Rating) =>
    (Object.entries(criteria) as Array<[string, Rating]>).filter(([, x]) => x === r).map(([k]) => k)
  const reasons: Array<Reason> =
    rating === "green"
      ? [
          {
            code: "visit-all-criteria-a",
            rule: "scoring/visit-rating",
            source,
            severity: "info",
            message: "Every follow-up criterion was rated A."
          }
        ]
      : named(rating === "red" ? "C" : "B").map((criterion) => ({
          code: rating === "red" ? "visit-criterion-c" : "visit-criterion-b",
          rule: "scoring/visit-rating",
          source,
          severity: rating === "red" ? "blocker" : "warning",
          message:
            rating === "red"
              ? "A follow-up criterion was rated C: the visit is red and needs a response."
              : "A follow-up criterion was rated B: the visit is yellow.",
          details: { criterion }
        }))
  return make(policy, { rating }, reasons)
}

/**
 * Response deadline for a report of a given risk level: high within
 * `responseTime.highHours`, medium `mediumHours`, low `lowHours` (Primero
 * Cambodia: 24 hours, 72 hours, 5 days). The profile is resolved on
 * `reportedAt`.
 *
 * @example
 * ```ts
 * import { Profiles, Scoring } from "@homeward/core"
 *
 * Scoring.responseDeadline("high", Profiles.cambodiaMosvy, new Date("2018-03-01T09:00:00Z")).outcome.dueBy
 * // 2018-03-02T09:00:00.000Z
 * ```
 *
 * @since 0.1.0
 */
export const responseDeadline = (
  level: RiskLevel,
  profile: PolicyProfile,
  reportedAt: Date
): Decision<{ readonly dueBy: Date; readonly hours: number }> => {
  requireValidDate(reportedAt, "reportedAt")
  const policy = { ...resolve(profile, reportedAt), asOf: reportedAt }
  const key = level === "high" ? "highHours" : level === "medium" ? "mediumHours" : "lowHours"
  const hours = policy.values.responseTime[key]
  return make(policy, { dueBy: new Date(reportedAt.getTime() + hours * 3_600_000), hours }, [
    {
      code: `response-${level}`,
      rule: "scoring/response-time",
      source: cite(profile, "responseTime", key),
      severity: "info",
      message: `A ${level}-risk report must be responded to within the profile's response time.`,
      details: { level, hours }
    }
  ])
}

/**
 * Whether a situation (or several) requires a case conference under the
 * profile's `conference.triggers` (Primero Cambodia: removal from carer,
 * placement in alternative care, complex protection case, family
 * reunification, relocation or transfer).
 *
 * @example
 * ```ts
 * import { Profiles, Scoring } from "@homeward/core"
 *
 * Scoring.conferenceRequired("family-reunification", Profiles.cambodiaMosvy, new Date("2018-01-01")).outcome.required // true
 * ```
 *
 * @since 0.1.0
 */
export const conferenceRequired = (
  situation: ConferenceTrigger | ReadonlyArray<ConferenceTrigger>,
  profile: PolicyProfile,
  asOf: Date
): Decision<{ readonly required: boolean; readonly triggers: ReadonlyArray<ConferenceTrigger> }> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const situations: ReadonlyArray<ConferenceTrigger> = typeof situation === "string" ? [situation] : situation
  const configured = policy.values.conference.triggers
  const triggers = situations.filter((s) => configured.includes(s))
  const source = cite(profile, "conference", "triggers")
  const reasons: Array<Reason> =
    triggers.length > 0
      ? triggers.map((t) => ({
          code: "conference-triggered",
          rule: "scoring/case-conference",
          source,
          severity: "warning" as const,
          message: "This situation requires a case conference under the profile.",
          details: { trigger: t }
        }))
      : [
          {
            code: "conference-not-triggered",
            rule: "scoring/case-conference",
            source,
            severity: "info",
            message: "No situation given is a case-conference trigger under the profile.",
            details: { situations: situations.length }
          }
        ]
  return make(policy, { required: triggers.length > 0, triggers }, reasons)
}

/**
 * Domains that describe material conditions (income, livelihood): poverty is
 * never by itself a reason to keep a child in care (UN Guidelines ¶15), so a
 * high risk that comes from these domains alone calls for family support, not
 * for holding the child back.
 *
 * @since 0.2.0
 */
export const materialDomains: ReadonlyArray<Domain> = ["economicCapacity"]

/**
 * The risk of one assessment, driven by its scores.
 *
 * @since 0.2.0
 */
export interface AssessmentRisk {
  /** Whether the scores (child wellbeing and family capacity) make the case high risk. */
  readonly scoredHighRisk: boolean
  /** The level recorded on the assessment, if any. */
  readonly recordedLevel?: RiskLevel
  /** The level the rules use: `high` when the scores say so, otherwise the recorded level. */
  readonly level?: RiskLevel
  /** The recorded level is lower than the scores: a finding. */
  readonly mismatch: boolean
  /** The domains that made the scores high risk (very poor ones; the poor ones when too many are poor). */
  readonly triggerDomains: ReadonlyArray<Domain>
  /** The scores are high risk only because of material domains ({@link materialDomains}) and no higher level was recorded. */
  readonly materialOnly: boolean
}

const highRiskOf = (
  scores: ReadonlyArray<readonly [Domain, number]>,
  v: { highRiskAnyDomainAtOrBelow: number; highRiskPoorScore: number; highRiskPoorDomainsMoreThan: number }
): { high: boolean; triggers: Array<Domain> } => {
  const veryPoor = scores.filter(([, x]) => x <= v.highRiskAnyDomainAtOrBelow).map(([d]) => d)
  const poor = scores.filter(([, x]) => x === v.highRiskPoorScore).map(([d]) => d)
  const manyPoor = poor.length > v.highRiskPoorDomainsMoreThan
  return { high: veryPoor.length > 0 || manyPoor, triggers: [...veryPoor, ...(manyPoor ? poor : [])] }
}

/**
 * The risk level of an assessment, driven by its scores (Primero Cambodia:
 * one or more domains very poor, or more than three domains poor, is high
 * risk; the risk level sets the response time). The child wellbeing domains
 * and the family capacity domains are scored separately, each with the
 * high-risk rule of {@link scoreDomains}. The level the rules use is `high`
 * when either set is high risk, whatever level was recorded; otherwise the
 * recorded level. A recorded level below `high` on a high-risk assessment is
 * a `risk-level-below-scores` warning.
 *
 * @example
 * ```ts
 * import { Assessment, Profiles, Scoring } from "@homeward/core"
 *
 * const a: Assessment.Assessment = { id: "a1", kind: "family", date: new Date("2018-01-01"), assessorId: "sw1",
 *   familyCapacity: { basicCare: 1, safetyStability: 3, emotionalBonding: 3, economicCapacity: 3, familyFunctioning: 3, community: 3 },
 *   riskFactors: [], riskLevel: "low" }
 * Scoring.assessmentRisk(a, Profiles.cambodiaMosvy, new Date("2018-01-02")).outcome.level // "high"
 * ```
 *
 * @since 0.2.0
 */
export const assessmentRisk = (
  assessment: Assessment,
  profile: PolicyProfile,
  asOf: Date
): Decision<AssessmentRisk> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const v = policy.values.scoring
  const sets: Array<ReadonlyArray<readonly [Domain, number]>> = []
  if (assessment.childWellbeing !== undefined) sets.push(Object.entries(assessment.childWellbeing) as never)
  if (assessment.familyCapacity !== undefined) sets.push(Object.entries(assessment.familyCapacity) as never)
  let scoredHighRisk = false
  let nonMaterialHigh = false
  const triggers: Array<Domain> = []
  for (const set of sets) {
    const all = highRiskOf(set, v)
    if (all.high) {
      scoredHighRisk = true
      for (const d of all.triggers) if (!triggers.includes(d)) triggers.push(d)
    }
    if (
      highRiskOf(
        set.filter(([d]) => !materialDomains.includes(d)),
        v
      ).high
    )
      nonMaterialHigh = true
  }
  const recorded = assessment.riskLevel
  const level: RiskLevel | undefined = scoredHighRisk ? "high" : recorded
  const mismatch = scoredHighRisk && recorded !== "high"
  const materialOnly = scoredHighRisk && !nonMaterialHigh && recorded !== "high"
  const reasons: Array<Reason> = []
  if (scoredHighRisk)
    reasons.push({
      code: "assessment-scored-high-risk",
      rule: "scoring/risk-level",
      source: cite(profile, "scoring", "highRiskAnyDomainAtOrBelow"),
      severity: "warning",
      message: "The assessment's scores make the case high risk.",
      details: { assessmentId: assessment.id, domains: triggers.length }
    })
  if (mismatch)
    reasons.push({
      code: "risk-level-below-scores",
      rule: "scoring/risk-level",
      source: cite(profile, "scoring", "highRiskAnyDomainAtOrBelow"),
      severity: "warning",
      message:
        "The recorded risk level is lower than the scores say: the case is treated as high risk (response within the high-risk time).",
      details: { assessmentId: assessment.id, recorded: recorded ?? null }
    })
  if (materialOnly)
    reasons.push({
      code: "high-risk-material-only",
      rule: "scoring/risk-level",
      source: ungl("¶15"),
      severity: "info",
      message:
        "The assessment is high risk only because of the family's material conditions: support the family; poverty is never a reason to keep a child in care.",
      details: { assessmentId: assessment.id }
    })
  return make(
    policy,
    {
      scoredHighRisk,
      ...(recorded === undefined ? {} : { recordedLevel: recorded }),
      ...(level === undefined ? {} : { level }),
      mismatch,
      triggerDomains: triggers,
      materialOnly
    },
    reasons
  )
}
