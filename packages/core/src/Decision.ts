/**
 * Decisions explain themselves: every rule returns an outcome with
 * machine-readable reasons (`code`, `rule`, `source`) and the id and version
 * of the policy profile that produced it, never a bare boolean.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import type { Citation, ResolvedPolicy } from "./PolicyProfile.js"

/**
 * A rule was given a date that is not a real day (`new Date("garbage")`, an
 * Invalid Date). Every rule refuses such a date with this error instead of
 * answering: comparisons with an Invalid Date are all false, so an answer
 * would silently differ from the answer for any real day. `argument` names
 * the parameter (`asOf`, `reunifiedOn`, …); the value itself is not echoed.
 *
 * @example
 * ```ts
 * import { Decision, Eligibility, CaseState, Profiles } from "@homeward/core"
 *
 * try {
 *   Eligibility.assessReintegration(CaseState.initial("c1"), Profiles.cambodiaMosvy, new Date("not a day"))
 * } catch (e) {
 *   e instanceof Decision.InvalidDate // true
 * }
 * ```
 *
 * @since 0.2.0
 */
export class InvalidDate extends Data.TaggedError("InvalidDate")<{
  readonly argument: string
  readonly message: string
}> {}

/**
 * Throw {@link InvalidDate} when `date` is not a valid `Date` (Invalid Date
 * or not a Date at all).
 *
 * @example
 * ```ts
 * import { Decision } from "@homeward/core"
 *
 * Decision.requireValidDate(new Date("2018-06-30")) // fine
 * try {
 *   Decision.requireValidDate(new Date("not a date"))
 * } catch (e) {
 *   e instanceof Decision.InvalidDate // true
 * }
 * ```
 *
 * @since 0.2.0
 */
export const requireValidDate = (date: Date, argument = "asOf"): void => {
  if (!(date instanceof Date) || Number.isNaN(date.getTime()))
    throw new InvalidDate({
      argument,
      message: `${argument} is not a valid date: a rule needs a real day (e.g. new Date("2018-06-30"))`
    })
}

/**
 * How much a reason weighs.
 *
 * @since 0.1.0
 */
export type Severity = "blocker" | "warning" | "info"

/**
 * One machine-readable reason.
 *
 * @since 0.1.0
 */
export interface Reason {
  /** Stable code, e.g. `family-not-traced`. */
  readonly code: string
  /** The rule that produced it, e.g. `eligibility/family-traced`. */
  readonly rule: string
  /** Where the rule or its parameter comes from. */
  readonly source: Citation
  readonly severity: Severity
  /** Plain-language explanation for case workers (never contains sensitive values). */
  readonly message: string
  /** Parameter values and facts the reason relied on. */
  readonly details?: Readonly<Record<string, string | number | boolean | null>>
}

/**
 * A decision: an outcome, its reasons, and the profile that produced it.
 *
 * @since 0.1.0
 */
export interface Decision<Outcome> {
  readonly outcome: Outcome
  readonly reasons: ReadonlyArray<Reason>
  readonly policy: { readonly id: string; readonly version: string }
  readonly asOf: Date
  /**
   * Parameters of the profile (`group.key`) that were not yet in force on
   * `asOf`: their earliest value was used (see `PolicyProfile.resolve`). Empty
   * when every value was in force.
   */
  readonly notYetInForce: ReadonlyArray<string>
}

/**
 * Build a decision from a resolved policy.
 *
 * @example
 * ```ts
 * import { Decision, PolicyProfile, Profiles } from "@homeward/core"
 *
 * const policy = PolicyProfile.resolve(Profiles.azizasPlace, new Date("2018-06-30"))
 * const d = Decision.make(policy, { ready: true }, [])
 * d.policy // the profile id and version the decision was made under
 * ```
 *
 * @since 0.1.0
 */
export const make = <Outcome>(
  policy: ResolvedPolicy,
  outcome: Outcome,
  reasons: ReadonlyArray<Reason>
): Decision<Outcome> => ({
  outcome,
  reasons,
  policy: policy.profile,
  asOf: policy.asOf,
  notYetInForce: policy.notYetInForce
})

/**
 * The reasons of a given severity.
 *
 * @example
 * ```ts
 * import { CaseState, Phase, Profiles, Decision } from "@homeward/core"
 *
 * const d = Phase.canAdvance(CaseState.initial("c1"), Profiles.azizasPlace, new Date("2018-01-01"))
 * Decision.bySeverity(d, "blocker").map((r) => r.code)
 * ```
 *
 * @since 0.1.0
 */
export const bySeverity = (decision: Decision<unknown>, severity: Severity): ReadonlyArray<Reason> =>
  decision.reasons.filter((r) => r.severity === severity)

/**
 * A list of reasons and the function that adds one, every rule name
 * prefixed with `rulePrefix` (e.g. `eligibility/family-traced`).
 *
 * @example
 * ```ts
 * import { Decision, Profiles, PolicyProfile } from "@homeward/core"
 *
 * const { reasons, add } = Decision.collector("eligibility")
 * add("info", "ok", "example", PolicyProfile.cite(Profiles.cambodiaMosvy, "eligibility", "adultAge"), "Fine.")
 * reasons[0]?.rule // "eligibility/example"
 * ```
 *
 * @since 0.1.0
 */
export const collector = (rulePrefix: string) => {
  const reasons: Array<Reason> = []
  /** Add a reason (its rule is prefixed with the collector's `rulePrefix`). */
  const add = (
    severity: Severity,
    code: string,
    rule: string,
    source: Citation,
    message: string,
    details?: Reason["details"]
  ): void => {
    reasons.push({
      code,
      rule: `${rulePrefix}/${rule}`,
      source,
      severity,
      message,
      ...(details === undefined ? {} : { details })
    })
  }
  return { reasons, add }
}
