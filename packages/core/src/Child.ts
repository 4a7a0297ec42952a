/**
 * The child: a pseudonymous id, sensitive names, date of birth (or an
 * estimated age, flagged as such), sex, special needs, school enrolment and
 * siblings (by id), so that siblings can be kept together (UN Guidelines ¶17).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id, IsoDate, SensitiveText, Text } from "./Common.js"
import { requireValidDate } from "./Decision.js"

/**
 * Sex as recorded on MoSVY Form 1.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Child } from "@homeward/core"
 *
 * Schema.is(Child.Sex)("female") // true
 * Schema.is(Child.Sex)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const Sex = Schema.Literals(["female", "male", "other", "unknown"])

/**
 * Sex as recorded on MoSVY Form 1 (the type of the `Sex` Schema).
 *
 * @since 0.1.0
 */
export type Sex = typeof Sex.Type

/**
 * Date of birth, either known or estimated. An estimated birth date carries
 * `estimated: true` and, optionally, how it was estimated.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Child, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Child.BirthDate, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const BirthDate = Schema.Struct({
  date: IsoDate,
  estimated: Schema.Boolean,
  basis: Schema.optionalKey(Schema.Literals(["document", "caregiver-report", "child-report", "medical", "other"]))
}).annotate({ identifier: "BirthDate" })

/**
 * Date of birth, either known or estimated (the type of the `BirthDate` Schema).
 *
 * @since 0.1.0
 */
export type BirthDate = typeof BirthDate.Type

/**
 * School enrolment.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Child } from "@homeward/core"
 *
 * Schema.is(Child.SchoolStatus)("not-school-age") // true
 * Schema.is(Child.SchoolStatus)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const SchoolStatus = Schema.Literals([
  "not-school-age",
  "enrolled",
  "vocational-training",
  "not-enrolled",
  "dropped-out",
  "graduated",
  "unknown"
])

/**
 * School enrolment (the type of the `SchoolStatus` Schema).
 *
 * @since 0.1.0
 */
export type SchoolStatus = typeof SchoolStatus.Type

/**
 * Child record.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Child } from "@homeward/core"
 *
 * const child = Schema.decodeUnknownSync(Child.Child)({
 *   id: "CH-0001",
 *   birth: { date: "2010-05-01", estimated: true },
 *   sex: "female",
 *   school: "enrolled",
 *   siblingIds: ["CH-0002"]
 * })
 * ```
 *
 * @since 0.1.0
 */
export const Child = Schema.Struct({
  id: Id,
  givenName: Schema.optionalKey(SensitiveText),
  familyName: Schema.optionalKey(SensitiveText),
  birth: BirthDate,
  sex: Sex,
  disabilities: Schema.optionalKey(Schema.Array(Text)),
  specialNeeds: Schema.optionalKey(SensitiveText),
  school: SchoolStatus,
  siblingIds: Schema.optionalKey(Schema.Array(Id))
}).annotate({ identifier: "Child", title: "Child" })

/**
 * Child record (the type of the `Child` Schema).
 *
 * @since 0.1.0
 */
export type Child = typeof Child.Type

/**
 * Age in whole years on `asOf` (pure: `asOf` is an argument).
 *
 * @example
 * ```ts
 * import { Child } from "@homeward/core"
 *
 * Child.ageOn(new Date("2010-05-01"), new Date("2018-04-30")) // 7
 * ```
 *
 * @since 0.1.0
 */
export const ageOn = (birthDate: Date, asOf: Date): number => {
  requireValidDate(asOf)
  requireValidDate(birthDate, "birthDate")
  let age = asOf.getUTCFullYear() - birthDate.getUTCFullYear()
  const m = asOf.getUTCMonth() - birthDate.getUTCMonth()
  if (m < 0 || (m === 0 && asOf.getUTCDate() < birthDate.getUTCDate())) age--
  return age
}
