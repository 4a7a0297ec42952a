/**
 * Contact between the child and family during preparation and gradual
 * return (Aziza's Place: Sunday day visits, weekend sleep-overs, 2–3 nights a
 * week, every night) and monitoring home visits, with their outcome.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id, IsoDate, SensitiveText } from "./Common.js"

/**
 * Kind of contact.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Contact } from "@homeward/core"
 *
 * Schema.is(Contact.ContactKind)("family-visit-at-centre") // true
 * Schema.is(Contact.ContactKind)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const ContactKind = Schema.Literals([
  "family-visit-at-centre",
  "day-visit-home",
  "overnight",
  "multi-night",
  "monitoring-home-visit",
  "phone"
])

/**
 * Kind of contact (the type of the `ContactKind` Schema).
 *
 * @since 0.1.0
 */
export type ContactKind = typeof ContactKind.Type

/**
 * Outcome of a contact.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Contact } from "@homeward/core"
 *
 * Schema.is(Contact.ContactOutcome)("positive") // true
 * Schema.is(Contact.ContactOutcome)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const ContactOutcome = Schema.Literals(["positive", "concerns", "incident"])

/**
 * Outcome of a contact (the type of the `ContactOutcome` Schema).
 *
 * @since 0.1.0
 */
export type ContactOutcome = typeof ContactOutcome.Type

/**
 * A contact or visit.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Contact, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Contact.Contact, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Contact = Schema.Struct({
  id: Id,
  date: IsoDate,
  kind: ContactKind,
  nights: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 7 }))),
  outcome: ContactOutcome,
  householdId: Schema.optionalKey(Id),
  notes: Schema.optionalKey(SensitiveText)
}).annotate({ identifier: "Contact", title: "Contact / visit" })

/**
 * A contact or visit (the type of the `Contact` Schema).
 *
 * @since 0.1.0
 */
export type Contact = typeof Contact.Type
