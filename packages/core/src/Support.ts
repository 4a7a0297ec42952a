/**
 * Support to the family as a unit (Aziza's Place): plans with categories
 * (cash, rent, school costs, livelihood, food), amounts in KHR or USD and a
 * period, and the payments made; and the taper of support to independence
 * (`supportSchedule`): amounts scaled back step by step so the family is
 * independent by the end of monitoring.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { type Currency, Id, IsoDate, Money } from "./Common.js"
import { type Decision, make, type Reason, requireValidDate } from "./Decision.js"
import { addMonths, dayOf } from "./internal/dates.js"
import { cite, type PolicyProfile, resolve } from "./PolicyProfile.js"

/**
 * Support category.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Support } from "@homeward/core"
 *
 * Schema.is(Support.SupportCategory)("cash") // true
 * Schema.is(Support.SupportCategory)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const SupportCategory = Schema.Literals(["cash", "rent", "school-costs", "livelihood", "food"])

/**
 * Support category (the type of the `SupportCategory` Schema).
 *
 * @since 0.1.0
 */
export type SupportCategory = typeof SupportCategory.Type

/**
 * Payment period.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Support } from "@homeward/core"
 *
 * Schema.is(Support.Period)("one-off") // true
 * Schema.is(Support.Period)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const Period = Schema.Literals(["one-off", "weekly", "monthly", "quarterly", "yearly"])

/**
 * Payment period (the type of the `Period` Schema).
 *
 * @since 0.1.0
 */
export type Period = typeof Period.Type

/**
 * One line of a support plan.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Support, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Support.SupportItem, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const SupportItem = Schema.Struct({
  category: SupportCategory,
  amount: Money,
  period: Period
}).annotate({ identifier: "SupportItem" })

/**
 * One line of a support plan (the type of the `SupportItem` Schema).
 *
 * @since 0.1.0
 */
export type SupportItem = typeof SupportItem.Type

/**
 * A support plan for a household (or for a youth living independently).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Support, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Support.SupportPlan, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
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
 * A support plan for a household (or for a youth living independently; the type of the `SupportPlan` Schema).
 *
 * @since 0.1.0
 */
export type SupportPlan = typeof SupportPlan.Type

/**
 * A support payment.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Support, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Support.SupportPayment, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
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
 * A support payment (the type of the `SupportPayment` Schema).
 *
 * @since 0.1.0
 */
export type SupportPayment = typeof SupportPayment.Type

/**
 * One dated amount of a tapered support line: from `from` (inclusive) the
 * amount per period is `amount`.
 *
 * @since 0.1.0
 */
export interface TaperStep {
  readonly from: Date
  readonly amount: number
}

/**
 * The taper of one support item.
 *
 * @since 0.1.0
 */
export interface TaperLine {
  readonly category: SupportCategory
  readonly currency: Currency
  readonly period: Period
  readonly startAmount: number
  /** Whether the line is tapered (one-off items are paid once and are not). */
  readonly tapered: boolean
  /** Dated amounts, non-increasing, the last one 0. */
  readonly steps: ReadonlyArray<TaperStep>
}

/**
 * A dated support schedule.
 *
 * @since 0.1.0
 */
export interface SupportSchedule {
  readonly planId: string
  /** The day tapering starts (the later of the plan start and reunification). */
  readonly taperFrom: Date
  /** The last day of monitoring, by which every amount is zero. */
  readonly monitoringEnd: Date
  /** The day the last amount reaches zero. */
  readonly taperEnd: Date
  /** Number of step-downs. */
  readonly stepCount: number
  readonly lines: ReadonlyArray<TaperLine>
}

/**
 * The tapered schedule of a support plan, scaling support back to
 * independence (Aziza's Place: "over time, we scale back our financial
 * assistance so that the families become completely independent … slowly").
 *
 * Construction: the full amount applies from the plan start; from the later
 * of the plan start and reunification, the amount steps down every
 * `support.stepMonths` months, in equal drops over every step that fits
 * before the end of monitoring (`monitoring.durationMonths` after
 * reunification), the last reaching zero. This is the slowest taper that
 * ends at zero by the end of monitoring. Amounts are not rounded (round when
 * paying).
 *
 * Constraints: amounts non-increasing, never negative, zero by the end of
 * monitoring, no drop larger than `support.maxStepShare` × the starting
 * amount. When the monitoring period leaves too few steps for that maximum
 * drop, the schedule still ends at zero and the decision carries the
 * warning `taper-step-too-large` (with the drop share it needed): the
 * constraint that could not be met is said, never silently broken. One-off
 * items are paid once and not tapered (info reason `one-off-not-tapered`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Profiles, Support } from "@homeward/core"
 *
 * const plan = Schema.decodeUnknownSync(Support.SupportPlan)({
 *   id: "sp1", startsOn: "2018-01-01", recipient: "household",
 *   items: [{ category: "cash", amount: { amount: 40, currency: "USD" }, period: "monthly" }]
 * })
 * const d = Support.supportSchedule(plan, Profiles.azizasPlace, new Date("2018-01-01"))
 * d.outcome.lines[0]?.steps.map((s) => s.amount) // 40, 35, 30, … 0 (8 quarterly steps over 2 years)
 * ```
 *
 * @since 0.1.0
 */
export const supportSchedule = (
  plan: SupportPlan,
  profile: PolicyProfile,
  reunifiedOn: Date
): Decision<SupportSchedule> => {
  requireValidDate(reunifiedOn, "reunifiedOn")
  const reunified = dayOf(reunifiedOn)
  const policy = resolve(profile, reunified)
  const { maxStepShare, stepMonths } = policy.values.support
  const end = addMonths(reunified, policy.values.monitoring.durationMonths)
  const start = dayOf(plan.startsOn)
  const taperFrom = start.getTime() > reunified.getTime() ? start : reunified
  // Step-down dates: taperFrom + k × stepMonths for k ≥ 1, not after the end of monitoring.
  const dates: Array<Date> = []
  for (let k = 1; ; k++) {
    const d = addMonths(taperFrom, k * stepMonths)
    if (d.getTime() > end.getTime()) break
    dates.push(d)
  }
  const reasons: Array<Reason> = []
  if (dates.length === 0) {
    // No whole step fits: drop to zero at the end of monitoring (or at once when the plan starts after it).
    dates.push(taperFrom.getTime() > end.getTime() ? taperFrom : end)
    reasons.push({
      code: "taper-no-time",
      rule: "support/taper-steps",
      source: cite(profile, "support", "stepMonths"),
      severity: "warning",
      message: "No taper step fits before the end of monitoring: support stops in one step.",
      details: { stepMonths }
    })
  }
  const n = dates.length
  const needed = maxStepShare <= 0 ? Number.POSITIVE_INFINITY : Math.ceil(1 / maxStepShare - 1e-9)
  let anyTapered = false
  const lines: Array<TaperLine> = plan.items.map((item) => {
    const a = item.amount.amount
    if (item.period === "one-off") {
      return {
        category: item.category,
        currency: item.amount.currency,
        period: item.period,
        startAmount: a,
        tapered: false,
        steps: [
          { from: start, amount: a },
          { from: dates[0]!, amount: 0 }
        ]
      }
    }
    anyTapered = true
    const steps: Array<TaperStep> = [{ from: start, amount: a }]
    for (let k = 1; k <= n; k++) steps.push({ from: dates[k - 1]!, amount: k === n ? 0 : (a * (n - k)) / n })
    return {
      category: item.category,
      currency: item.amount.currency,
      period: item.period,
      startAmount: a,
      tapered: true,
      steps
    }
  })
  if (anyTapered && n < needed) {
    reasons.push({
      code: "taper-step-too-large",
      rule: "support/max-step",
      source: cite(profile, "support", "maxStepShare"),
      severity: "warning",
      message: `Only ${n} step(s) fit before the end of monitoring: each drop is ${Math.round(1000 / n) / 10}% of the starting amount, more than the ${Math.round(maxStepShare * 1000) / 10}% maximum.`,
      details: { steps: n, stepsNeeded: Number.isFinite(needed) ? needed : null, dropShare: 1 / n, maxStepShare }
    })
  }
  if (plan.items.some((i) => i.period === "one-off"))
    reasons.push({
      code: "one-off-not-tapered",
      rule: "support/one-off",
      source: cite(profile, "support", "maxStepShare"),
      severity: "info",
      message: "One-off items are paid once and are not tapered."
    })
  reasons.push({
    code: "taper-schedule",
    rule: "support/taper-to-independence",
    source: cite(profile, "support", "stepMonths"),
    severity: "info",
    message: `Support steps down every ${stepMonths} month(s) in ${n} step(s), reaching zero by the end of monitoring.`,
    details: { steps: n, stepMonths, maxStepShare }
  })
  return make(
    policy,
    { planId: plan.id, taperFrom, monitoringEnd: end, taperEnd: dates[n - 1]!, stepCount: n, lines },
    reasons
  )
}

/**
 * The scheduled amount of a taper line on a day (0 before the plan starts).
 *
 * @example
 * ```ts
 * import { Support } from "@homeward/core"
 *
 * const line = {
 *   category: "food", currency: "USD", period: "monthly", startAmount: 40, tapered: true,
 *   steps: [{ from: new Date("2018-01-01"), amount: 40 }, { from: new Date("2018-07-01"), amount: 20 }, { from: new Date("2019-01-01"), amount: 0 }]
 * } as const
 * Support.amountOn(line, new Date("2018-08-15")) // 20
 * ```
 *
 * @since 0.1.0
 */
export const amountOn = (line: TaperLine, on: Date): number => {
  requireValidDate(on, "on")
  let amount = 0
  for (const s of line.steps) if (s.from.getTime() <= on.getTime()) amount = s.amount
  return amount
}
