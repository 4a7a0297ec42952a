/**
 * Best-interest determination (UNHCR 2008: gather and analyse, then balance
 * by a normally multidisciplinary panel) with the Cambodian recommendation
 * options recorded in the Primero Cambodia configuration.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { PlacementType } from "./Case.js"
import { Id, IsoDate, SensitiveText } from "./Common.js"

/**
 * Recommendation options (Primero Cambodia BID form).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { BestInterest } from "@homeward/core"
 *
 * Schema.is(BestInterest.BidOption)("reunification") // true
 * Schema.is(BestInterest.BidOption)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const BidOption = Schema.Literals([
  "reunification",
  "local-integration",
  "maintain-current-arrangement",
  "change-current-arrangement",
  "medical",
  "repatriation",
  "resettlement"
])

/**
 * Recommendation options (Primero Cambodia BID form; the type of the `BidOption` Schema).
 *
 * @since 0.1.0
 */
export type BidOption = typeof BidOption.Type

/**
 * Best-interest determination record.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { BestInterest, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(BestInterest.BestInterestDetermination, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const BestInterestDetermination = Schema.Struct({
  id: Id,
  date: IsoDate,
  panel: Schema.Array(
    Schema.Struct({
      memberId: Id,
      role: Schema.Literals([
        "social-worker",
        "case-manager",
        "government-official",
        "psychologist",
        "health",
        "education",
        "community",
        "other"
      ])
    })
  ).check(Schema.isMinLength(1, { expected: "at least one panel member" } as never)),
  childViewsConsidered: Schema.Boolean,
  familyViewsConsidered: Schema.Boolean,
  optionsConsidered: Schema.Array(BidOption).check(
    Schema.isMinLength(1, { expected: "at least one option considered" } as never)
  ),
  recommendation: BidOption,
  placementType: Schema.optionalKey(PlacementType),
  householdId: Schema.optionalKey(Id),
  rationale: Schema.optionalKey(SensitiveText)
}).annotate({ identifier: "BestInterestDetermination", title: "Best-interest determination" })

/**
 * Best-interest determination record (the type of the `BestInterestDetermination` Schema).
 *
 * @since 0.1.0
 */
export type BestInterestDetermination = typeof BestInterestDetermination.Type
