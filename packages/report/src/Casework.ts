/**
 * The case-work report, for supervisors and case workers: referrals counted
 * by service and status on the report day (pending, accepted, declined,
 * done, closed, overdue), the approval requests waiting for an answer (oldest
 * first, with how long they have waited) and the transfers pending, accepted
 * and rejected. Given a `viewer`, it is built only from what
 * `Access.redactFor` lets that viewer see: cases outside the viewer's scope
 * are left out, and a field the viewer may not see is not used (a referral
 * whose due date is hidden is never counted as overdue; a list is empty when
 * its records are hidden). Rows carry case and approval ids, never names.
 * Cases are folded from their events up to `asOf` (one path from events to
 * states, as in `Report`).
 *
 * @since 0.3.0
 */
import { Access, type CaseEvent, type CaseState, Referral } from "@homeward/core"
import { DAY, dayOf, isoDay } from "./internal/common.js"
import { checkStates, statesAsOf } from "./internal/counts.js"

/**
 * What the case-work report is built from.
 *
 * @since 0.3.0
 */
export interface CaseworkInput {
  /** Case events, folded per case up to `asOf`. */
  readonly events?: Iterable<CaseEvent.CaseEvent>
  /** Or states already folded as of `asOf` (a later event is refused with a `RangeError`). */
  readonly cases?: ReadonlyArray<CaseState.CaseState>
  readonly asOf: Date
  /** Build the report from what this viewer may see (default: everything). */
  readonly viewer?: Access.Viewer
  readonly policy?: Access.AccessPolicy
}

/**
 * The case-work report.
 *
 * @since 0.3.0
 */
export interface CaseworkReport {
  readonly kind: "casework"
  readonly asOf: string
  /** Referrals by service (`unspecified` when none was given) and status on `asOf`. */
  readonly referrals: ReadonlyArray<{
    readonly service: string
    readonly status: Referral.ReferralStatus
    readonly count: number
  }>
  readonly pendingApprovals: ReadonlyArray<{
    readonly caseId: string
    readonly approvalId: string
    readonly step: string
    readonly requestedOn: string
    readonly waitingDays: number
  }>
  readonly transfers: {
    readonly pending: ReadonlyArray<{
      readonly caseId: string
      readonly transferId: string
      readonly fromAgencyId: string | null
      readonly toAgencyId: string
      readonly requestedOn: string
    }>
    readonly accepted: number
    readonly rejected: number
  }
}

type View = Readonly<Record<string, unknown>>
const isDate = (u: unknown): u is Date => u instanceof Date && !Number.isNaN(u.getTime())
const str = (u: unknown): string | undefined => (typeof u === "string" ? u : undefined)
const list = (u: unknown): ReadonlyArray<View> =>
  Array.isArray(u) ? u.filter((x): x is View => typeof x === "object" && x !== null) : []

const STATUSES: ReadonlyArray<string> = ["pending", "accepted", "declined", "done", "closed"]

/**
 * Build the case-work report.
 *
 * @example
 * ```ts
 * import { Casework } from "@homeward/report"
 *
 * const r = Casework.casework({ events: [], asOf: new Date("2018-06-30") })
 * r.referrals // []
 * ```
 *
 * @since 0.3.0
 */
export const casework = (input: CaseworkInput): CaseworkReport => {
  const asOf = input.asOf
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw new RangeError("asOf is not a valid date")
  if (input.cases !== undefined) checkStates(input.cases, asOf)
  const states = input.cases ?? statesAsOf(input.events ?? [], asOf)
  const referralCounts = new Map<string, number>()
  const pendingApprovals: Array<CaseworkReport["pendingApprovals"][number]> = []
  const pending: Array<CaseworkReport["transfers"]["pending"][number]> = []
  let accepted = 0
  let rejected = 0
  for (const s of states) {
    const view: View | undefined =
      input.viewer === undefined
        ? (s as unknown as View)
        : Access.redactFor(input.viewer, Access.fromCaseState(s), input.policy)
    if (view === undefined) continue
    const caseId = str(view["caseId"])
    for (const r of list(view["referrals"])) {
      const status = str(r["status"])
      if (status === undefined || !STATUSES.includes(status)) continue
      const on = r["on"]
      const dueOn = r["dueOn"]
      const shown =
        isDate(dueOn) && isDate(on)
          ? Referral.referralStatus(
              { id: "", toAgencyId: "", on, dueOn, status: status as Referral.ReferralState },
              asOf
            )
          : (status as Referral.ReferralStatus)
      const key = `${str(r["serviceType"]) ?? "unspecified"}\u0000${shown}`
      referralCounts.set(key, (referralCounts.get(key) ?? 0) + 1)
    }
    const approvals = view["approvals"]
    if (caseId !== undefined && typeof approvals === "object" && approvals !== null)
      for (const a of Object.values(approvals as Record<string, View>)) {
        const requestedOn = a["requestedOn"]
        if (a["status"] !== "pending" || !isDate(requestedOn) || typeof a["id"] !== "string") continue
        pendingApprovals.push({
          caseId,
          approvalId: a["id"],
          step: str(a["step"]) ?? "unknown",
          requestedOn: isoDay(requestedOn),
          waitingDays: dayOf(asOf) - dayOf(requestedOn)
        })
      }
    for (const t of list(view["transferRequests"])) {
      if (t["status"] === "accepted") accepted++
      else if (t["status"] === "rejected") rejected++
      else if (t["status"] === "pending" && caseId !== undefined) {
        const requestedOn = t["requestedOn"]
        const id = str(t["id"])
        const to = str(t["toAgencyId"])
        if (!isDate(requestedOn) || id === undefined || to === undefined) continue
        pending.push({
          caseId,
          transferId: id,
          fromAgencyId: str(t["fromAgencyId"]) ?? null,
          toAgencyId: to,
          requestedOn: isoDay(requestedOn)
        })
      }
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return {
    kind: "casework",
    asOf: isoDay(new Date(dayOf(asOf) * DAY)),
    referrals: [...referralCounts.entries()]
      .map(([k, count]) => {
        const [service, status] = k.split("\u0000") as [string, Referral.ReferralStatus]
        return { service, status, count }
      })
      .sort((a, b) => cmp(a.service, b.service) || cmp(a.status, b.status)),
    pendingApprovals: pendingApprovals.sort(
      (a, b) => cmp(a.requestedOn, b.requestedOn) || cmp(a.caseId, b.caseId) || cmp(a.approvalId, b.approvalId)
    ),
    transfers: {
      pending: pending.sort((a, b) => cmp(a.requestedOn, b.requestedOn) || cmp(a.caseId, b.caseId)),
      accepted,
      rejected
    }
  }
}
