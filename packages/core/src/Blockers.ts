/**
 * What blocks a case, in one decision: {@link whatBlocks} runs the
 * reintegration eligibility decision (`Eligibility.assessReintegration`), the
 * best-interest and harm checks (`BestInterestChecks.bestInterestChecks`) and
 * the next step of the pathway (`Phase.canAdvance`), and merges their reasons
 * by code. Several of them report the same problem (the child's views not
 * heard, no best-interest determination, an open incident): it appears once,
 * saying which checks raised it, each with its own rule and source.
 *
 * @since 0.2.0
 */
import { bestInterestChecks, type Context as ChecksContext } from "./BestInterestChecks.js"
import type { CaseState } from "./CaseState.js"
import type { Decision, Reason, Severity } from "./Decision.js"
import { assessReintegration, type Outcome as EligibilityOutcome } from "./Eligibility.js"
import { type CanAdvanceOptions, canAdvance, next, type PhaseRef } from "./Phase.js"
import type { Citation, PolicyProfile } from "./PolicyProfile.js"

/**
 * The checks {@link whatBlocks} merges: `eligibility`
 * (`Eligibility.assessReintegration`), `best-interest`
 * (`BestInterestChecks.bestInterestChecks`) and `next-step`
 * (`Phase.canAdvance`).
 *
 * @since 0.2.0
 */
export type Check = "eligibility" | "best-interest" | "next-step"

/**
 * One check that raised a reason: the check, and the reason as that check
 * gave it (its rule, source, severity and details).
 *
 * @since 0.2.0
 */
export interface RaisedBy {
  readonly check: Check
  readonly rule: string
  readonly source: Citation
  readonly severity: Severity
  readonly details?: Reason["details"]
}

/**
 * A reason of {@link whatBlocks}: one per code. `rule`, `source`, `message`
 * and `details` are those of the most severe report of the code (the first
 * check in the order eligibility, best-interest, next-step when they weigh
 * the same); `severity` is the most severe; `checks` names the checks that
 * raised it and `raisedBy` gives every report of the code with its own rule
 * and source.
 *
 * @since 0.2.0
 */
export interface MergedReason extends Reason {
  readonly checks: ReadonlyArray<Check>
  readonly raisedBy: ReadonlyArray<RaisedBy>
}

/**
 * Outcome of {@link whatBlocks}.
 *
 * - `blocked`: some reason is a blocker (`blockers` lists their codes, in the
 *   order of the reasons);
 * - `nextStep`: the next position on the pathway (none after the last);
 * - `canAdvance`: whether `Phase.canAdvance` lets the case move to it;
 * - `eligibility`: the kind of the eligibility decision.
 *
 * @since 0.2.0
 */
export interface Blocked {
  readonly blocked: boolean
  readonly blockers: ReadonlyArray<string>
  readonly nextStep?: PhaseRef
  readonly canAdvance: boolean
  readonly eligibility: EligibilityOutcome["kind"]
}

/**
 * Options of {@link whatBlocks}: the facts outside the case the checks use
 * (siblings' case states, institutions by id, case-plan goals; see
 * `BestInterestChecks.Context`), and the placement a return would go to (see
 * `Phase.CanAdvanceOptions`).
 *
 * @since 0.2.0
 */
export interface Options extends ChecksContext {
  readonly placement?: CanAdvanceOptions["placement"]
  readonly withReturnSafeguards?: CanAdvanceOptions["withReturnSafeguards"]
}

/**
 * The decision of {@link whatBlocks}: its reasons are {@link MergedReason}s.
 *
 * @since 0.2.0
 */
export interface WhatBlocks extends Decision<Blocked> {
  readonly reasons: ReadonlyArray<MergedReason>
}

const weight: Record<Severity, number> = { blocker: 2, warning: 1, info: 0 }

/**
 * Merge decisions' reasons by code (exported for the tests and for callers
 * with their own decisions): one {@link MergedReason} per code, in the order
 * codes first appear.
 *
 * @example
 * ```ts
 * import { BestInterestChecks, Blockers, CaseState, Eligibility, Profiles } from "@homeward/core"
 *
 * const s = CaseState.initial("c1")
 * const asOf = new Date("2018-01-01")
 * const merged = Blockers.mergeReasons([
 *   ["eligibility", Eligibility.assessReintegration(s, Profiles.cambodiaMosvy, asOf).reasons],
 *   ["best-interest", BestInterestChecks.bestInterestChecks(s, Profiles.cambodiaMosvy, asOf).reasons]
 * ])
 * merged.find((r) => r.code === "bid-missing")?.checks // ["eligibility", "best-interest"]
 * ```
 *
 * @since 0.2.0
 */
export const mergeReasons = (
  byCheck: ReadonlyArray<readonly [Check, ReadonlyArray<Reason>]>
): ReadonlyArray<MergedReason> => {
  const order: Array<string> = []
  const groups = new Map<string, Array<{ readonly check: Check; readonly reason: Reason }>>()
  for (const [check, reasons] of byCheck)
    for (const reason of reasons) {
      let g = groups.get(reason.code)
      if (g === undefined) {
        g = []
        groups.set(reason.code, g)
        order.push(reason.code)
      }
      g.push({ check, reason })
    }
  return order.map((code) => {
    const g = groups.get(code)!
    let main = g[0]!.reason
    for (const { reason } of g) if (weight[reason.severity] > weight[main.severity]) main = reason
    const checks: Array<Check> = []
    for (const { check } of g) if (!checks.includes(check)) checks.push(check)
    const raisedBy = g.map(
      ({ check, reason }): RaisedBy => ({
        check,
        rule: reason.rule,
        source: reason.source,
        severity: reason.severity,
        ...(reason.details === undefined ? {} : { details: reason.details })
      })
    )
    return { ...main, checks, raisedBy }
  })
}

/**
 * What blocks a case on `asOf`: the eligibility decision, the best-interest
 * and harm checks and the next step of the pathway, merged into one decision
 * whose reasons are de-duplicated by code (see {@link MergedReason}). The
 * blocking codes are exactly those of the three decisions together; every
 * reason keeps its rule and source and says which checks raised it.
 *
 * @example
 * ```ts
 * import { Blockers, CaseState, Profiles } from "@homeward/core"
 *
 * const d = Blockers.whatBlocks(CaseState.initial("c1"), Profiles.cambodiaMosvy, new Date("2018-01-01"))
 * d.outcome.blocked // true
 * d.outcome.nextStep // { phase: "assessment" }
 * d.reasons.find((r) => r.code === "views-not-heard")?.checks // ["eligibility", "best-interest"]
 * ```
 *
 * @since 0.2.0
 */
export const whatBlocks = (state: CaseState, profile: PolicyProfile, asOf: Date, options: Options = {}): WhatBlocks => {
  const eligibility = assessReintegration(state, profile, asOf, options)
  const checks = bestInterestChecks(state, profile, asOf, options)
  const step = canAdvance(state, profile, asOf, {
    eligibility,
    ...(options.placement === undefined ? {} : { placement: options.placement }),
    ...(options.withReturnSafeguards === undefined ? {} : { withReturnSafeguards: options.withReturnSafeguards })
  })
  const reasons = mergeReasons([
    ["eligibility", eligibility.reasons],
    ["best-interest", checks.reasons],
    ["next-step", step.reasons]
  ])
  const blockers = reasons.filter((r) => r.severity === "blocker").map((r) => r.code)
  const nextStep = step.outcome.next ?? next(state, profile, asOf)
  const notYetInForce = [
    ...new Set([...eligibility.notYetInForce, ...checks.notYetInForce, ...step.notYetInForce])
  ].sort()
  return {
    outcome: {
      blocked: blockers.length > 0,
      blockers,
      ...(nextStep === undefined ? {} : { nextStep }),
      canAdvance: step.outcome.ready,
      eligibility: eligibility.outcome.kind
    },
    reasons,
    policy: eligibility.policy,
    asOf,
    notYetInForce
  }
}
