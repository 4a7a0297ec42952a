/**
 * The child's views on returning home (Primero Cambodia): when and how they
 * were heard, the wish (yes soon / yes later / not sure / no), up to three
 * ranked people the child would like to live with, and a sensitive summary.
 * UN Guidelines ¶49: the reintegration assessment consults the child.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id, IsoDate, SensitiveText } from "./Common.js"
import { Relationship } from "./Household.js"

/**
 * How the child's views were heard.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ChildViews } from "@homeward/core"
 *
 * Schema.is(ChildViews.HowHeard)("direct-conversation") // true
 * Schema.is(ChildViews.HowHeard)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const HowHeard = Schema.Literals([
  "direct-conversation",
  "play-or-drawing",
  "observation",
  "through-trusted-adult",
  "written"
])

/**
 * How the child's views were heard (the type of the `HowHeard` Schema).
 *
 * @since 0.1.0
 */
export type HowHeard = typeof HowHeard.Type

/**
 * The child's wish about reunification.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ChildViews } from "@homeward/core"
 *
 * Schema.is(ChildViews.Wish)("yes-soon") // true
 * Schema.is(ChildViews.Wish)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const Wish = Schema.Literals(["yes-soon", "yes-later", "not-sure", "no"])

/**
 * The child's wish about reunification (the type of the `Wish` Schema).
 *
 * @since 0.1.0
 */
export type Wish = typeof Wish.Type

/**
 * A person the child would like to live with, ranked 1–3.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { ChildViews, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(ChildViews.PreferredPerson, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const PreferredPerson = Schema.Struct({
  rank: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 3 })),
  relationship: Relationship,
  memberId: Schema.optionalKey(Id),
  name: Schema.optionalKey(SensitiveText)
}).annotate({ identifier: "PreferredPerson" })

/**
 * The child's views.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { ChildViews, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(ChildViews.ChildViews, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const ChildViews = Schema.Struct({
  date: IsoDate,
  heardBy: Id,
  howHeard: HowHeard,
  wish: Wish,
  preferredPeople: Schema.Array(PreferredPerson).check(
    Schema.isMaxLength(3, { expected: "at most three people" } as never)
  ),
  summary: Schema.optionalKey(SensitiveText)
}).annotate({ identifier: "ChildViews", title: "Child's views" })

/**
 * The child's views (the type of the `ChildViews` Schema).
 *
 * @since 0.1.0
 */
export type ChildViews = typeof ChildViews.Type
