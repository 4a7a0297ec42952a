/**
 * The case record: which child, which institution, which agency and social
 * worker are responsible, when the case was opened, why the child was admitted
 * to care (flagging admissions for poverty alone, UN Guidelines ¶15), where
 * the child lives now, and the recorded exceptions under which a young child
 * may stay in residential care (UN Guidelines ¶22).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id, IsoDate, SensitiveText } from "./Common.js"
import { CareExceptionKind } from "./PolicyProfile.js"

/**
 * Reasons recorded for a child's admission to residential care.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Case } from "@homeward/core"
 *
 * Schema.is(Case.AdmissionReason)("poverty") // true
 * Schema.is(Case.AdmissionReason)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const AdmissionReason = Schema.Literals([
  "poverty",
  "access-to-education",
  "orphaned-both-parents",
  "orphaned-one-parent",
  "abandonment",
  "physical-abuse",
  "sexual-abuse",
  "emotional-abuse",
  "neglect",
  "domestic-violence",
  "parental-illness",
  "parental-imprisonment",
  "parental-migration",
  "disability",
  "trafficking",
  "exploitation",
  "family-breakdown",
  "other"
])

/**
 * Reasons recorded for a child's admission to residential care (the type of the `AdmissionReason` Schema).
 *
 * @since 0.1.0
 */
export type AdmissionReason = typeof AdmissionReason.Type

/**
 * Whether poverty (with or without access to education, which is a poverty
 * reason in Cambodian practice) was the only recorded reason for admission.
 * Poverty is never, by itself, a reason to keep a child in care (UN
 * Guidelines ¶15): it calls for family support instead.
 *
 * @example
 * ```ts
 * import { Case } from "@homeward/core"
 *
 * Case.isPovertyOnly(["poverty", "access-to-education"]) // true
 * Case.isPovertyOnly(["poverty", "neglect"]) // false
 * ```
 *
 * @since 0.1.0
 */
export const isPovertyOnly = (reasons: ReadonlyArray<AdmissionReason>): boolean =>
  reasons.length > 0 && reasons.every((r) => r === "poverty" || r === "access-to-education")

/**
 * Where a child lives.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Case } from "@homeward/core"
 *
 * Schema.is(Case.PlacementType)("residential-care") // true
 * Schema.is(Case.PlacementType)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const PlacementType = Schema.Literals([
  "residential-care",
  "transitional-shelter",
  "parents",
  "kinship",
  "foster",
  "community-based",
  "independent-living",
  "other-residential"
])

/**
 * Where a child lives (the type of the `PlacementType` Schema).
 *
 * @since 0.1.0
 */
export type PlacementType = typeof PlacementType.Type

/**
 * Whether a placement type is a family or community setting (not residential care).
 *
 * @example
 * ```ts
 * import { Case } from "@homeward/core"
 *
 * Case.isFamilyBased("kinship") // true
 * Case.isFamilyBased("residential-care") // false
 * ```
 *
 * @since 0.1.0
 */
export const isFamilyBased = (type: PlacementType): boolean =>
  type === "parents" ||
  type === "kinship" ||
  type === "foster" ||
  type === "community-based" ||
  type === "independent-living"

/**
 * A placement: type, since when, and where (institution or household id).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Case, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Case.Placement, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Placement = Schema.Struct({
  type: PlacementType,
  since: IsoDate,
  institutionId: Schema.optionalKey(Id),
  householdId: Schema.optionalKey(Id)
}).annotate({ identifier: "Placement" })

/**
 * A placement (the type of the `Placement` Schema).
 *
 * @since 0.1.0
 */
export type Placement = typeof Placement.Type

/**
 * Case record as imported from a case-management system (one row per case).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Case, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Case.Case, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Case = Schema.Struct({
  id: Id,
  childId: Id,
  institutionId: Id,
  agencyId: Id,
  socialWorkerId: Id,
  openedOn: IsoDate,
  admissionReasons: Schema.Array(AdmissionReason).check(
    Schema.isMinLength(1, { expected: "at least one admission reason" } as never)
  ),
  placement: Placement
}).annotate({ identifier: "Case", title: "Case" })

/**
 * Case record as imported from a case-management system (one row per case; the type of the `Case` Schema).
 *
 * @since 0.1.0
 */
export type Case = typeof Case.Type

/**
 * An exception that allows a child younger than the profile's
 * `eligibility.residentialCareFromAge` to be in residential care (UN
 * Guidelines ¶22, secondary summary: an emergency, a short predetermined
 * time, or keeping siblings together), with its justification (sensitive
 * free text), who approved it, and the day it starts and the last day it
 * covers (`endsOn`, inclusive).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Case, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Case.CareException, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.2.0
 */
export const CareException = Schema.Struct({
  id: Id,
  kind: CareExceptionKind,
  justification: SensitiveText,
  from: IsoDate,
  endsOn: IsoDate,
  approvedBy: Id
})
  .check(
    Schema.makeFilter(
      (e: { from: Date; endsOn: Date }) =>
        e.endsOn.getTime() >= e.from.getTime() ? true : { path: ["endsOn"], issue: "the end is before the start" },
      { expected: "an end on or after the start" }
    )
  )
  .annotate({ identifier: "CareException", title: "Residential care exception (young child)" })

/**
 * An exception that allows a child younger than the profile's `eligibility.residentialCareFromAge` to be in residential care (the type of the `CareException` Schema).
 *
 * @since 0.2.0
 */
export type CareException = typeof CareException.Type
