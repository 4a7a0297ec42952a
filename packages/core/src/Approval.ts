/**
 * Supervisor approvals. Which steps need an approval, and from which roles,
 * is profile data (`approvals.required`, each rule cited; none by default).
 * A worker requests an approval (`RequestApproval`), a supervisor approves or
 * rejects it with a comment (`Approve`, `RejectApproval`), and the decider
 * refuses an approval-gated step (`Reunify`, `Close`, `Transfer`,
 * `RequestTransfer`, `Refer`) without a valid approval. {@link approvalCheck}
 * says whether a valid one exists and, for each candidate, why it does not
 * count: not approved (yet), approved by the person who asked for it,
 * approved by a role the profile does not list, dated before its own request
 * or before what it approves (the latest final assessment for a closure, the
 * latest best-interest determination for a return home), requested before
 * the current phase began (an approval counts for one step), dated after the
 * decision day, or given for another referral or transfer.
 *
 * @since 0.3.0
 */
import type { CaseState } from "./CaseState.js"
import { type Decision, make, type Reason, requireValidDate } from "./Decision.js"
import { dayOf } from "./internal/dates.js"
import { type ApprovalStep, type Citation, cite, type PolicyProfile, resolve } from "./PolicyProfile.js"

export {
  /**
   * A rule of `approvals.required`: the step and the roles that may approve it.
   *
   * @since 0.3.0
   */
  ApprovalRule,
  /**
   * The steps that can need an approval.
   *
   * @since 0.3.0
   */
  ApprovalStep,
  /**
   * The roles that can approve.
   *
   * @since 0.3.0
   */
  ApproverRole
} from "./PolicyProfile.js"

/**
 * An approval request as folded into the case state.
 *
 * @since 0.3.0
 */
export interface ApprovalRecord {
  readonly id: string
  readonly step: ApprovalStep
  /** The referral or transfer the approval is for (referral and transfer approvals). */
  readonly subjectId?: string
  readonly requestedBy: string
  readonly requestedOn: Date
  readonly status: "pending" | "approved" | "rejected"
  readonly decidedBy?: string
  readonly decidedRole?: string
  readonly decidedOn?: Date
  /** The approver's comment (sensitive free text). */
  readonly comment?: string
}

/**
 * Source of the approval rules that hold whatever the profile says: no one
 * approves their own request, and an approval counts only when dated on or
 * after what it approves.
 *
 * @since 0.3.0
 */
export const source: Citation = {
  document: "Homeward design rules (docs/sources.md)",
  year: 2026,
  section: "Approvals: four eyes, and an approval never predates what it approves",
  note: "Software rule of Homeward, not law.",
  key: "HR-approvals"
}

/**
 * The roles that must approve a step on `asOf` under the profile, or
 * `undefined` when the step needs no approval.
 *
 * @example
 * ```ts
 * import { Approval, Profiles } from "@homeward/core"
 *
 * Approval.requiredApprovers("closure", Profiles.cambodiaMosvy, new Date("2018-01-01")) // undefined
 * ```
 *
 * @since 0.3.0
 */
export const requiredApprovers = (
  step: ApprovalStep,
  profile: PolicyProfile,
  asOf: Date
): ReadonlyArray<string> | undefined => {
  const rules = resolve(profile, asOf).values.approvals.required.filter((r) => r.step === step)
  if (rules.length === 0) return undefined
  return [...new Set(rules.flatMap((r) => r.approverRoles))]
}

/**
 * What {@link approvalCheck} found.
 *
 * @since 0.3.0
 */
export interface ApprovalOutcome {
  /** Whether the profile puts the step behind an approval. */
  readonly required: boolean
  /** Whether the step may go ahead (not required, or a valid approval exists). */
  readonly approved: boolean
  /** The approval that counts, if any. */
  readonly approvalId?: string
  readonly approverRoles: ReadonlyArray<string>
}

/**
 * Options of {@link approvalCheck}: the step, and for a referral or transfer
 * the id of the referral or transfer being made.
 *
 * @since 0.3.0
 */
export interface ApprovalCheckOptions {
  readonly step: ApprovalStep
  readonly subjectId?: string
}

const subjectDay = (state: CaseState, step: ApprovalStep): Date | undefined => {
  if (step === "closure") return state.closureAssessments.at(-1)?.date
  if (step === "reunification") return state.determinations.at(-1)?.date
  return undefined
}

/**
 * What {@link problemOf} looks at: the approval, the roles that may approve
 * its step, and for a referral or transfer the id being made.
 *
 * @since 0.3.0
 */
export interface ProblemOptions {
  readonly approval: ApprovalRecord
  readonly approverRoles: ReadonlyArray<string>
  readonly subjectId?: string
}

/**
 * Why an approval does not count for its step in a case on a day, or `"valid"`.
 *
 * @example
 * ```ts
 * import { Approval, CaseState } from "@homeward/core"
 *
 * Approval.problemOf(CaseState.initial("c1"), new Date("2018-01-03"), {
 *   approval: { id: "a1", step: "closure", requestedBy: "sw1", requestedOn: new Date("2018-01-01"),
 *     status: "approved", decidedBy: "sw1", decidedRole: "supervisor", decidedOn: new Date("2018-01-02") },
 *   approverRoles: ["supervisor"]
 * }) // "approved-by-requester"
 * ```
 *
 * @since 0.3.0
 */
export const problemOf = (state: CaseState, asOf: Date, options: ProblemOptions): string => {
  const a = options.approval
  const approverRoles = options.approverRoles
  const subjectId = options.subjectId
  requireValidDate(asOf)
  const day = dayOf(asOf).getTime()
  if (a.status === "pending" || a.decidedOn === undefined) return "not-decided"
  if (a.status === "rejected") return "rejected"
  if (a.decidedBy === a.requestedBy) return "approved-by-requester"
  if (a.decidedRole === undefined || !approverRoles.includes(a.decidedRole)) return "approver-role-not-allowed"
  if (a.decidedOn.getTime() < a.requestedOn.getTime()) return "approved-before-request"
  if (a.decidedOn.getTime() > day) return "approved-after-as-of"
  if (a.step === "referral" || a.step === "transfer") {
    if (a.subjectId !== undefined || subjectId !== undefined) {
      if (a.subjectId !== subjectId) return "approval-for-another-subject"
    }
  }
  if (
    a.subjectId === undefined &&
    state.phaseSince !== undefined &&
    a.requestedOn.getTime() < state.phaseSince.getTime()
  )
    return "requested-before-current-phase"
  const subject = subjectDay(state, a.step)
  if (subject !== undefined && a.decidedOn.getTime() < subject.getTime()) return "approved-before-subject"
  return "valid"
}

/**
 * Whether a step may go ahead on `asOf` as far as approvals go: not
 * approval-gated by the profile, or a valid approval exists (see the module
 * description). Reasons list every candidate approval of the step with why
 * it does or does not count (by approval id, never by comment), and a
 * `approval-missing` blocker naming the roles that may approve when none
 * counts.
 *
 * @example
 * ```ts
 * import { Approval, CaseState, Profiles } from "@homeward/core"
 *
 * const d = Approval.approvalCheck(CaseState.initial("c1"), Profiles.cambodiaMosvy, new Date("2018-01-01"), { step: "closure" })
 * d.outcome.approved // true: the built-in profiles gate no step
 * ```
 *
 * @since 0.3.0
 */
export const approvalCheck = (
  state: CaseState,
  profile: PolicyProfile,
  asOf: Date,
  options: ApprovalCheckOptions
): Decision<ApprovalOutcome> => {
  requireValidDate(asOf)
  const policy = { ...resolve(profile, asOf), asOf }
  const roles = requiredApprovers(options.step, profile, asOf)
  if (roles === undefined) return make(policy, { required: false, approved: true, approverRoles: [] }, [])
  const ruleSource = cite(profile, "approvals", "required")
  const reasons: Array<Reason> = []
  let approvalId: string | undefined
  const candidates = Object.values(state.approvals)
    .filter((a) => a.step === options.step)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const a of candidates) {
    const problem = problemOf(
      state,
      asOf,
      options.subjectId === undefined
        ? { approval: a, approverRoles: roles }
        : { approval: a, approverRoles: roles, subjectId: options.subjectId }
    )
    if (problem === "valid" && approvalId === undefined) approvalId = a.id
    reasons.push({
      code: problem === "valid" ? "approval-valid" : `approval-${problem}`.replace("approval-approval-", "approval-"),
      rule: "approval/valid",
      source: problem === "approver-role-not-allowed" ? ruleSource : source,
      severity: "info",
      message:
        problem === "valid" ? "This approval counts for the step." : "This approval does not count for the step.",
      details: { approvalId: a.id, problem: problem === "valid" ? null : problem }
    })
  }
  if (approvalId === undefined)
    reasons.push({
      code: "approval-missing",
      rule: "approval/required",
      source: ruleSource,
      severity: "blocker",
      message: `This step needs an approval by another person than the one who asked for it (${roles.join(" or ")}), given on or after what it approves: request one (RequestApproval) and have it approved (Approve).`,
      details: { step: options.step, approverRoles: roles.join(","), subjectId: options.subjectId ?? null }
    })
  return make(
    policy,
    {
      required: true,
      approved: approvalId !== undefined,
      approverRoles: roles,
      ...(approvalId === undefined ? {} : { approvalId })
    },
    reasons
  )
}

/**
 * The approval requests of a case still waiting for an answer.
 *
 * @example
 * ```ts
 * import { Approval, CaseState } from "@homeward/core"
 *
 * Approval.pendingApprovals(CaseState.initial("c1")) // []
 * ```
 *
 * @since 0.3.0
 */
export const pendingApprovals = (state: CaseState): ReadonlyArray<ApprovalRecord> =>
  Object.values(state.approvals)
    .filter((a) => a.status === "pending")
    .sort((a, b) => a.requestedOn.getTime() - b.requestedOn.getTime() || (a.id < b.id ? -1 : 1))
