/**
 * Decisions explain themselves: every rule returns an outcome with
 * machine-readable reasons (`code`, `rule`, `source`) and the id and version
 * of the policy profile that produced it, never a bare boolean.
 *
 * @since 0.1.0
 */
import type { Citation, ResolvedPolicy } from "./PolicyProfile.js"

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
}

/**
 * Build a decision from a resolved policy.
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
  asOf: policy.asOf
})

/**
 * The reasons of a given severity.
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
