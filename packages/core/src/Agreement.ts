/**
 * The reunification agreement (Primero Cambodia, reunification details):
 * before a child returns, the child agrees to return and to co-operate with
 * the plan, the caregiver agrees to care for the child and to return the
 * child to the authorities if the home becomes harmful, and the case worker
 * agrees to visit and support the family; the agreement is witnessed by a
 * government official and the commune/sangkat chief, and the signed copy is
 * attached. Homeward records who signed, who witnessed and on which day.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { Id, IsoDate } from "./Common.js"
import { WitnessRole } from "./PolicyProfile.js"

/**
 * A reunification agreement.
 *
 * - `date`: the day it was signed (it must be on or before the return);
 * - `householdId`: the household the child returns to;
 * - `caregiverId`, `caseworkerId`: who signed for the family and the agency;
 * - `childSigned`: whether the child signed (required from the profile's
 *   `eligibility.childAssentFromAge`, and always for independent living);
 * - `witnesses`: who witnessed, by role.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Agreement, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Agreement.ReunificationAgreement, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.2.0
 */
export const ReunificationAgreement = Schema.Struct({
  id: Id,
  date: IsoDate,
  householdId: Schema.optionalKey(Id),
  caregiverId: Schema.optionalKey(Id),
  caseworkerId: Id,
  childSigned: Schema.Boolean,
  witnesses: Schema.Array(Schema.Struct({ role: WitnessRole, id: Id })),
  signedCopyAttached: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "ReunificationAgreement", title: "Reunification agreement" })

/**
 * A reunification agreement (the type of the `ReunificationAgreement` Schema).
 *
 * @since 0.2.0
 */
export type ReunificationAgreement = typeof ReunificationAgreement.Type
