/**
 * Assessments of the child, the family, the home and readiness: dated, by an
 * assessor, with domain scores on the 1–4 scale (child wellbeing: 5 domains;
 * family protective capacity: 6 domains, Primero Cambodia) and the risk
 * factors of MoSVY Form 2 ("problems", OSCaR), each with its mitigation
 * status, the Form 2 conclusion and the conclusion of the Primero Cambodia
 * risk assessment; and the safety plan that covers a high-risk finding.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id, IsoDate, Score, SensitiveText } from "./Common.js"

/**
 * Child wellbeing domains (Primero Cambodia).
 *
 * @since 0.1.0
 */
export const ChildWellbeingDomains = [
  "health",
  "education",
  "emotionalSocial",
  "safetyEnvironment",
  "nutrition"
] as const

/**
 * Family protective capacity domains (Primero Cambodia).
 *
 * @since 0.1.0
 */
export const FamilyCapacityDomains = [
  "basicCare",
  "safetyStability",
  "emotionalBonding",
  "economicCapacity",
  "familyFunctioning",
  "community"
] as const

/**
 * Scores for the 5 child wellbeing domains.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Assessment, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Assessment.ChildWellbeing, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const ChildWellbeing = Schema.Struct({
  health: Score,
  education: Score,
  emotionalSocial: Score,
  safetyEnvironment: Score,
  nutrition: Score
}).annotate({ identifier: "ChildWellbeing" })

/**
 * Scores for the 5 child wellbeing domains (the type of the `ChildWellbeing` Schema).
 *
 * @since 0.1.0
 */
export type ChildWellbeing = typeof ChildWellbeing.Type

/**
 * Scores for the 6 family protective capacity domains.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Assessment, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Assessment.FamilyCapacity, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const FamilyCapacity = Schema.Struct({
  basicCare: Score,
  safetyStability: Score,
  emotionalBonding: Score,
  economicCapacity: Score,
  familyFunctioning: Score,
  community: Score
}).annotate({ identifier: "FamilyCapacity" })

/**
 * Scores for the 6 family protective capacity domains (the type of the `FamilyCapacity` Schema).
 *
 * @since 0.1.0
 */
export type FamilyCapacity = typeof FamilyCapacity.Type

/**
 * Harm / risk factors screened on MoSVY Form 2 (OSCaR "problems").
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Assessment } from "@homeward/core"
 *
 * Schema.is(Assessment.RiskFactor)("alcohol-use") // true
 * Schema.is(Assessment.RiskFactor)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const RiskFactor = Schema.Literals([
  "alcohol-use",
  "drug-use",
  "gambling",
  "living-in-public-places",
  "not-attending-school",
  "physical-abuse",
  "sexual-abuse",
  "emotional-abuse",
  "trafficking",
  "forced-marriage",
  "migration",
  "domestic-violence",
  "labour-exploitation",
  "worst-forms-of-child-labour"
])

/**
 * Harm / risk factors screened on MoSVY Form 2 (OSCaR "problems"; the type of the `RiskFactor` Schema).
 *
 * @since 0.1.0
 */
export type RiskFactor = typeof RiskFactor.Type

/**
 * Mitigation status of a risk factor found present.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Assessment } from "@homeward/core"
 *
 * Schema.is(Assessment.MitigationStatus)("unmitigated") // true
 * Schema.is(Assessment.MitigationStatus)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const MitigationStatus = Schema.Literals(["unmitigated", "mitigation-in-progress", "mitigated"])

/**
 * Mitigation status of a risk factor found present (the type of the `MitigationStatus` Schema).
 *
 * @since 0.1.0
 */
export type MitigationStatus = typeof MitigationStatus.Type

/**
 * A risk factor found present, with its mitigation.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Assessment, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Assessment.RiskFinding, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const RiskFinding = Schema.Struct({
  factor: RiskFactor,
  mitigation: MitigationStatus,
  plan: Schema.optionalKey(SensitiveText)
}).annotate({ identifier: "RiskFinding" })

/**
 * A risk factor found present, with its mitigation (the type of the `RiskFinding` Schema).
 *
 * @since 0.1.0
 */
export type RiskFinding = typeof RiskFinding.Type

/**
 * Kind of assessment.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Assessment } from "@homeward/core"
 *
 * Schema.is(Assessment.AssessmentKind)("child") // true
 * Schema.is(Assessment.AssessmentKind)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const AssessmentKind = Schema.Literals(["child", "family", "home", "readiness"])

/**
 * Kind of assessment (the type of the `AssessmentKind` Schema).
 *
 * @since 0.1.0
 */
export type AssessmentKind = typeof AssessmentKind.Type

/**
 * Form 2 conclusion (OSCaR).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Assessment } from "@homeward/core"
 *
 * Schema.is(Assessment.Conclusion)("can-reintegrate") // true
 * Schema.is(Assessment.Conclusion)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const Conclusion = Schema.Literals(["can-reintegrate", "cannot-reintegrate", "continue-case", "close-case"])

/**
 * Form 2 conclusion (OSCaR; the type of the `Conclusion` Schema).
 *
 * @since 0.1.0
 */
export type Conclusion = typeof Conclusion.Type

/**
 * Risk level of a case, which sets the response time (Primero Cambodia).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Assessment } from "@homeward/core"
 *
 * Schema.is(Assessment.RiskLevel)("high") // true
 * Schema.is(Assessment.RiskLevel)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const RiskLevel = Schema.Literals(["high", "medium", "low"])

/**
 * Risk level of a case, which sets the response time (Primero Cambodia; the type of the `RiskLevel` Schema).
 *
 * @since 0.1.0
 */
export type RiskLevel = typeof RiskLevel.Type

/**
 * Conclusion of the Primero Cambodia risk assessment: the child is at risk of
 * significant harm (complete the child's case plan); the child's needs can be
 * met by the caregivers with support or by services in the community (refer);
 * no risk of significant harm and no outstanding needs (the case can close).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Assessment } from "@homeward/core"
 *
 * Schema.is(Assessment.RiskOutcome)("significant-harm") // true
 * Schema.is(Assessment.RiskOutcome)("something else") // false
 * ```
 *
 * @since 0.2.0
 */
export const RiskOutcome = Schema.Literals(["significant-harm", "needs-met-with-support", "no-risk-no-needs"])

/**
 * Conclusion of the Primero Cambodia risk assessment (the type of the `RiskOutcome` Schema).
 *
 * @since 0.2.0
 */
export type RiskOutcome = typeof RiskOutcome.Type

/**
 * An assessment.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Assessment, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Assessment.Assessment, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Assessment = Schema.Struct({
  id: Id,
  kind: AssessmentKind,
  date: IsoDate,
  assessorId: Id,
  householdId: Schema.optionalKey(Id),
  childWellbeing: Schema.optionalKey(ChildWellbeing),
  familyCapacity: Schema.optionalKey(FamilyCapacity),
  riskFactors: Schema.Array(RiskFinding),
  riskLevel: Schema.optionalKey(RiskLevel),
  conclusion: Schema.optionalKey(Conclusion),
  riskOutcome: Schema.optionalKey(RiskOutcome),
  familyAcceptsServices: Schema.optionalKey(Schema.Boolean),
  notes: Schema.optionalKey(SensitiveText)
}).annotate({ identifier: "Assessment", title: "Assessment" })

/**
 * An assessment (the type of the `Assessment` Schema).
 *
 * @since 0.1.0
 */
export type Assessment = typeof Assessment.Type

/**
 * A scored domain (child wellbeing or family protective capacity).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Assessment } from "@homeward/core"
 *
 * Schema.is(Assessment.Domain)("education") // true: a child wellbeing domain
 * Schema.is(Assessment.Domain)("weather") // false
 * ```
 *
 * @since 0.2.0
 */
export const Domain = Schema.Literals([...ChildWellbeingDomains, ...FamilyCapacityDomains])

/**
 * A scored domain (child wellbeing or family protective capacity; the type of the `Domain` Schema).
 *
 * @since 0.2.0
 */
export type Domain = typeof Domain.Type

/**
 * A safety plan (Primero Cambodia "Safety Plan" form): what must be in place
 * for the child to be safe, made after a high-risk assessment. It names the
 * assessment it answers (optional), the household, the scored domains and
 * risk factors it covers, and who approved it. A high-risk family assessment
 * blocks reintegration until a safety plan dated on or after it covers every
 * domain that made it high risk (`Eligibility.assessReintegration`).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Assessment, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Assessment.SafetyPlan, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.2.0
 */
export const SafetyPlan = Schema.Struct({
  id: Id,
  date: IsoDate,
  householdId: Schema.optionalKey(Id),
  assessmentId: Schema.optionalKey(Id),
  domains: Schema.Array(Domain),
  riskFactors: Schema.optionalKey(Schema.Array(RiskFactor)),
  approvedBy: Id,
  summary: Schema.optionalKey(SensitiveText)
}).annotate({ identifier: "SafetyPlan", title: "Safety plan" })

/**
 * A safety plan (Primero Cambodia "Safety Plan" form; the type of the `SafetyPlan` Schema).
 *
 * @since 0.2.0
 */
export type SafetyPlan = typeof SafetyPlan.Type
