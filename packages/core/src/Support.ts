/**
 * Support to the family as a unit (Aziza's Place): plans with categories
 * (cash, rent, school costs, livelihood, food), amounts in KHR or USD and a
 * period, and the payments made.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Id, IsoDate, Money } from "./Common.js"

/**
 * Support category.
 *
 * @since 0.1.0
 */
export const SupportCategory = Schema.Literals(["cash", "rent", "school-costs", "livelihood", "food"])

/**
 * @since 0.1.0
 */
export type SupportCategory = typeof SupportCategory.Type

/**
 * Payment period.
 *
 * @since 0.1.0
 */
export const Period = Schema.Literals(["one-off", "weekly", "monthly", "quarterly", "yearly"])

/**
 * @since 0.1.0
 */
export type Period = typeof Period.Type

/**
 * One line of a support plan.
 *
 * @since 0.1.0
 */
export const SupportItem = Schema.Struct({
  category: SupportCategory,
  amount: Money,
  period: Period
}).annotate({ identifier: "SupportItem" })

/**
 * @since 0.1.0
 */
export type SupportItem = typeof SupportItem.Type

/**
 * A support plan for a household (or for a youth living independently).
 *
 * @since 0.1.0
 */
export const SupportPlan = Schema.Struct({
  id: Id,
  startsOn: IsoDate,
  recipient: Schema.Literals(["household", "youth"]),
  householdId: Schema.optionalKey(Id),
  items: Schema.Array(SupportItem).check(Schema.isMinLength(1, { expected: "at least one item" } as never))
}).annotate({ identifier: "SupportPlan", title: "Support plan" })

/**
 * @since 0.1.0
 */
export type SupportPlan = typeof SupportPlan.Type

/**
 * A support payment.
 *
 * @since 0.1.0
 */
export const SupportPayment = Schema.Struct({
  id: Id,
  planId: Id,
  paidOn: IsoDate,
  category: SupportCategory,
  amount: Money
}).annotate({ identifier: "SupportPayment", title: "Support payment" })

/**
 * @since 0.1.0
 */
export type SupportPayment = typeof SupportPayment.Type
