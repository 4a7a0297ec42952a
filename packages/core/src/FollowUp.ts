/**
 * Follow-up visit records (Primero Cambodia: five criteria rated A/B/C, whether
 * the child was seen, whether closure is recommended) and the MoSVY Form 6
 * closure assessment (8 child items and 11 family items scored 1–4).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id, IsoDate, Score, SensitiveText } from "./Common.js"

/**
 * A/B/C rating of a follow-up criterion.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { FollowUp } from "@homeward/core"
 *
 * Schema.is(FollowUp.Rating)("A") // true
 * Schema.is(FollowUp.Rating)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const Rating = Schema.Literals(["A", "B", "C"])

/**
 * A/B/C rating of a follow-up criterion (the type of the `Rating` Schema).
 *
 * @since 0.1.0
 */
export type Rating = typeof Rating.Type

/**
 * The five follow-up criteria: access to health care, school or vocational
 * attendance, food three or more times a day, relationship with the carer,
 * and (absence of) violence, abuse, exploitation or neglect.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { FollowUp, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(FollowUp.FollowUpCriteria, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const FollowUpCriteria = Schema.Struct({
  health: Rating,
  education: Rating,
  food: Rating,
  relationship: Rating,
  safety: Rating
}).annotate({ identifier: "FollowUpCriteria" })

/**
 * The five follow-up criteria (the type of the `FollowUpCriteria` Schema).
 *
 * @since 0.1.0
 */
export type FollowUpCriteria = typeof FollowUpCriteria.Type

/**
 * A follow-up (monitoring) visit.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { FollowUp, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(FollowUp.FollowUpVisit, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const FollowUpVisit = Schema.Struct({
  id: Id,
  date: IsoDate,
  visitorId: Id,
  criteria: FollowUpCriteria,
  childSeen: Schema.Boolean,
  notSeenReason: Schema.optionalKey(
    Schema.Literals(["not-at-home", "at-school-or-work", "refused", "moved", "unwell", "other"])
  ),
  closureRecommended: Schema.Boolean,
  notes: Schema.optionalKey(SensitiveText)
})
  .check(
    Schema.makeFilter(
      (v: { childSeen: boolean; notSeenReason?: string }) =>
        v.childSeen || v.notSeenReason !== undefined
          ? true
          : { path: ["notSeenReason"], issue: "say why the child was not seen" },
      { expected: "a reason when the child was not seen" }
    )
  )
  .annotate({ identifier: "FollowUpVisit", title: "Follow-up visit" })

/**
 * A follow-up (monitoring) visit (the type of the `FollowUpVisit` Schema).
 *
 * @since 0.1.0
 */
export type FollowUpVisit = typeof FollowUpVisit.Type

/**
 * Child items of the Form 6 closure assessment (8 items, max 32). Item names
 * are Homeward's labels for the Form 6 child items.
 *
 * @since 0.1.0
 */
export const ClosureChildItems = [
  "health",
  "nutrition",
  "education",
  "emotionalWellbeing",
  "socialBehaviour",
  "safety",
  "shelter",
  "relationshipWithCaregiver"
] as const

/**
 * Family items of the Form 6 closure assessment (11 items, max 44). The item
 * `assistanceFromRelatives` may be below 2 without blocking closure.
 *
 * @since 0.1.0
 */
export const ClosureFamilyItems = [
  "basicNeeds",
  "income",
  "housing",
  "caregivingSkills",
  "childSafety",
  "emotionalBond",
  "familyRelationships",
  "healthCareAccess",
  "educationSupport",
  "communityParticipation",
  "assistanceFromRelatives"
] as const

/**
 * Form 6 child items.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { FollowUp, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(FollowUp.ClosureChild, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const ClosureChild = Schema.Struct({
  health: Score,
  nutrition: Score,
  education: Score,
  emotionalWellbeing: Score,
  socialBehaviour: Score,
  safety: Score,
  shelter: Score,
  relationshipWithCaregiver: Score
}).annotate({ identifier: "ClosureChild" })

/**
 * Form 6 family items.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { FollowUp, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(FollowUp.ClosureFamily, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const ClosureFamily = Schema.Struct({
  basicNeeds: Score,
  income: Score,
  housing: Score,
  caregivingSkills: Score,
  childSafety: Score,
  emotionalBond: Score,
  familyRelationships: Score,
  healthCareAccess: Score,
  educationSupport: Score,
  communityParticipation: Score,
  assistanceFromRelatives: Score
}).annotate({ identifier: "ClosureFamily" })

/**
 * MoSVY Form 6 closure / final assessment, with the manager's approval when given.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { FollowUp, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(FollowUp.ClosureAssessment, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const ClosureAssessment = Schema.Struct({
  id: Id,
  date: IsoDate,
  assessorId: Id,
  child: ClosureChild,
  family: ClosureFamily,
  managerApproval: Schema.optionalKey(Schema.Struct({ managerId: Id, on: IsoDate }))
}).annotate({ identifier: "ClosureAssessment", title: "Closure assessment (Form 6)" })

/**
 * MoSVY Form 6 closure / final assessment, with the manager's approval when given (the type of the `ClosureAssessment` Schema).
 *
 * @since 0.1.0
 */
export type ClosureAssessment = typeof ClosureAssessment.Type
