/**
 * Residential care institutions and other centres, with their status
 * (operating, transitioning, transitioned to community-based care, closed)
 * and closure reason (UNICEF Siem Reap 2017: minimum standards not met,
 * abuse reports, insufficient donor funds), and the Sub-decree 119 (2015)
 * inspection ranking as recorded in the Primero Cambodia configuration.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id, IsoDate, Location, Text } from "./Common.js"

/**
 * Kind of institution.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Institution } from "@homeward/core"
 *
 * Schema.is(Institution.InstitutionKind)("residential-care") // true
 * Schema.is(Institution.InstitutionKind)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const InstitutionKind = Schema.Literals([
  "residential-care",
  "community-based-centre",
  "day-centre",
  "transitional-shelter"
])

/**
 * Kind of institution (the type of the `InstitutionKind` Schema).
 *
 * @since 0.1.0
 */
export type InstitutionKind = typeof InstitutionKind.Type

/**
 * Status of an institution.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Institution } from "@homeward/core"
 *
 * Schema.is(Institution.InstitutionStatus)("operating") // true
 * Schema.is(Institution.InstitutionStatus)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const InstitutionStatus = Schema.Literals(["operating", "transitioning", "transitioned", "closed"])

/**
 * Status of an institution (the type of the `InstitutionStatus` Schema).
 *
 * @since 0.1.0
 */
export type InstitutionStatus = typeof InstitutionStatus.Type

/**
 * Why an institution closed.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Institution } from "@homeward/core"
 *
 * Schema.is(Institution.ClosureReason)("minimum-standards-not-met") // true
 * Schema.is(Institution.ClosureReason)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const ClosureReason = Schema.Literals([
  "minimum-standards-not-met",
  "abuse-reports",
  "insufficient-funds",
  "voluntary"
])

/**
 * Why an institution closed (the type of the `ClosureReason` Schema).
 *
 * @since 0.1.0
 */
export type ClosureReason = typeof ClosureReason.Type

/**
 * Inspection ranking (Primero Cambodia): above minimum standards / below but
 * not critical / below and critical.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Institution } from "@homeward/core"
 *
 * Schema.is(Institution.InspectionRanking)("above-minimum") // true
 * Schema.is(Institution.InspectionRanking)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const InspectionRanking = Schema.Literals(["above-minimum", "below-not-critical", "below-critical"])

/**
 * Inspection ranking (Primero Cambodia; the type of the `InspectionRanking` Schema).
 *
 * @since 0.1.0
 */
export type InspectionRanking = typeof InspectionRanking.Type

/**
 * Institution record. A closed institution must give its closure reason.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Institution, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Institution.Institution, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Institution = Schema.Struct({
  id: Id,
  name: Text,
  kind: InstitutionKind,
  status: InstitutionStatus,
  closureReason: Schema.optionalKey(ClosureReason),
  closedOn: Schema.optionalKey(IsoDate),
  location: Location,
  inspection: Schema.optionalKey(Schema.Struct({ on: IsoDate, ranking: InspectionRanking })),
  capacity: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)))
})
  .check(
    Schema.makeFilter(
      (i: { status: string; closureReason?: string }) =>
        i.status !== "closed" || i.closureReason !== undefined
          ? true
          : { path: ["closureReason"], issue: "a closed institution needs a closure reason" },
      { expected: "a closure reason when the status is closed" }
    )
  )
  .annotate({ identifier: "Institution", title: "Institution" })

/**
 * Institution record (the type of the `Institution` Schema).
 *
 * @since 0.1.0
 */
export type Institution = typeof Institution.Type

/**
 * Whether an institution meets minimum standards (its last inspection was
 * above minimum). Unknown inspection counts as not known to meet them.
 *
 * @example
 * ```ts
 * import { Institution } from "@homeward/core"
 *
 * const inspection = { on: new Date("2018-02-01"), ranking: "below-critical" } as const
 * Institution.meetsMinimumStandards({
 *   id: "inst-1", name: "Children's centre", kind: "residential-care", status: "operating",
 *   location: { province: "Siem Reap" }, inspection
 * }) // false
 * ```
 *
 * @since 0.1.0
 */
export const meetsMinimumStandards = (institution: Institution): boolean =>
  institution.inspection?.ranking === "above-minimum"
