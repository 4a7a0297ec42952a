/**
 * Reasons and next steps of one decision, collected without per-call
 * closures (private): the same reason objects as `Decision.collector`
 * (`code`, `rule` prefixed, `source`, `severity`, `message`, `details` when
 * given) and actions kept once per code and household.
 */
import type { Reason, Severity } from "../Decision.js"
import type { Citation } from "../PolicyProfile.js"

/** A next step (the shape of `Eligibility.Action`). */
export interface CollectedAction<Code extends string, Category extends string> {
  readonly code: Code
  readonly householdId?: string
  readonly categories?: ReadonlyArray<Category>
}

/** Reasons (and actions) of one decision. */
export class Collect<Code extends string = string, Category extends string = string> {
  readonly reasons: Array<Reason> = []
  readonly actions: Array<CollectedAction<Code, Category>> = []
  blockerCount = 0

  constructor(readonly prefix: string) {}

  /** Add a reason; its rule is `prefix/rule`. */
  add(
    severity: Severity,
    code: string,
    rule: string,
    source: Citation,
    message: string,
    details?: Reason["details"]
  ): void {
    if (severity === "blocker") this.blockerCount++
    this.reasons.push(
      details === undefined
        ? { code, rule: `${this.prefix}/${rule}`, source, severity, message }
        : { code, rule: `${this.prefix}/${rule}`, source, severity, message, details }
    )
  }

  /** Add a next step unless one with the same code and household is there. */
  act(code: Code, householdId?: string, categories?: ReadonlyArray<Category>): void {
    const xs = this.actions
    for (let i = 0; i < xs.length; i++) if (xs[i]!.code === code && xs[i]!.householdId === householdId) return
    xs.push(
      householdId === undefined
        ? categories === undefined
          ? { code }
          : { code, categories }
        : categories === undefined
          ? { code, householdId }
          : { code, householdId, categories }
    )
  }

  /** The codes of the blocking reasons, in order. */
  blockers(): Array<string> {
    const out: Array<string> = []
    const rs = this.reasons
    for (let i = 0; i < rs.length; i++) if (rs[i]!.severity === "blocker") out.push(rs[i]!.code)
    return out
  }
}
