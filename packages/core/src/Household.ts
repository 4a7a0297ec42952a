/**
 * The child's family or household: members and their relationship to the
 * child, the primary caregiver, where they live (Cambodian administrative
 * levels), contact (sensitive), and the conditions Aziza's Place sets before
 * a return: a suitable place to live and a stable livelihood.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id, Location, SensitiveText, sensitive, Text } from "./Common.js"

/**
 * Relationship of a household member to the child.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Household } from "@homeward/core"
 *
 * Schema.is(Household.Relationship)("parent") // true
 * Schema.is(Household.Relationship)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const Relationship = Schema.Literals([
  "parent",
  "step-parent",
  "grandparent",
  "aunt-uncle",
  "adult-sibling",
  "other-kin",
  "unrelated"
])

/**
 * Relationship of a household member to the child (the type of the `Relationship` Schema).
 *
 * @since 0.1.0
 */
export type Relationship = typeof Relationship.Type

/**
 * A household member.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Household, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Household.Member, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Member = Schema.Struct({
  id: Id,
  name: Schema.optionalKey(SensitiveText),
  relationship: Relationship,
  primaryCaregiver: Schema.Boolean,
  birthYear: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2200 })))
}).annotate({ identifier: "HouseholdMember" })

/**
 * A household member (the type of the `Member` Schema).
 *
 * @since 0.1.0
 */
export type Member = typeof Member.Type

/**
 * Contact details, all sensitive.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Household, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Household.Contact, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Contact = sensitive(
  Schema.Struct({
    phone: Schema.optionalKey(SensitiveText),
    other: Schema.optionalKey(SensitiveText)
  }).annotate({ identifier: "HouseholdContact" })
)

/**
 * Housing suitability (Aziza's Place condition: "a suitable place to live").
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Household } from "@homeward/core"
 *
 * Schema.is(Household.Housing)("suitable") // true
 * Schema.is(Household.Housing)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const Housing = Schema.Literals(["suitable", "needs-improvement", "unsuitable", "none", "unknown"])

/**
 * Housing suitability (the type of the `Housing` Schema).
 *
 * @since 0.1.0
 */
export type Housing = typeof Housing.Type

/**
 * Livelihood / income stability (Aziza's Place condition: "a stable job").
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Household } from "@homeward/core"
 *
 * Schema.is(Household.Livelihood)("stable") // true
 * Schema.is(Household.Livelihood)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const Livelihood = Schema.Literals(["stable", "irregular", "none", "unknown"])

/**
 * Livelihood / income stability (the type of the `Livelihood` Schema).
 *
 * @since 0.1.0
 */
export type Livelihood = typeof Livelihood.Type

/**
 * Family tracing status (Inter-agency Guidelines 2016: tracing, assessment and planning).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Household } from "@homeward/core"
 *
 * Schema.is(Household.TracingStatus)("not-started") // true
 * Schema.is(Household.TracingStatus)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const TracingStatus = Schema.Literals(["not-started", "in-progress", "traced", "not-found", "deceased"])

/**
 * Family tracing status (the type of the `TracingStatus` Schema).
 *
 * @since 0.1.0
 */
export type TracingStatus = typeof TracingStatus.Type

/**
 * Household record.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Household, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Household.Household, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Household = Schema.Struct({
  id: Id,
  members: Schema.Array(Member),
  location: Location,
  contact: Schema.optionalKey(Contact),
  housing: Housing,
  livelihood: Livelihood,
  tracing: TracingStatus,
  notes: Schema.optionalKey(SensitiveText),
  kind: Schema.optionalKey(Schema.Literals(["birth-family", "kinship", "foster", "other"])),
  label: Schema.optionalKey(Text)
}).annotate({ identifier: "Household", title: "Household / family" })

/**
 * Household record (the type of the `Household` Schema).
 *
 * @since 0.1.0
 */
export type Household = typeof Household.Type

/**
 * Whether the household has a primary caregiver who is kin (parent, step-parent,
 * grandparent, aunt/uncle, adult sibling, other kin).
 *
 * @example
 * ```ts
 * import { Household } from "@homeward/core"
 *
 * const household = {
 *   id: "HH-1", location: { province: "Battambang" }, housing: "suitable", livelihood: "irregular",
 *   tracing: "traced", members: [{ id: "m1", relationship: "grandparent", primaryCaregiver: true }]
 * } as const
 * Household.hasKinCaregiver(household) // true: the grandmother cares for the child
 * ```
 *
 * @since 0.1.0
 */
export const hasKinCaregiver = (household: Household): boolean =>
  household.members.some((m) => m.primaryCaregiver && m.relationship !== "unrelated")
