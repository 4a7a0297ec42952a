/**
 * Transfers of a case to another agency or social worker: the sending side
 * requests it, the receiving side accepts or rejects it (with a reason), and
 * the case changes hands only on acceptance. A transfer to another agency
 * shares information with it, so the request and the acceptance each need
 * consent for `information-sharing` with the receiving agency (and the
 * child's assent from `eligibility.childAssentFromAge`); a transfer within the
 * agency does not. {@link pendingTransfers} lists the requests waiting for an
 * answer, for the sending and the receiving side.
 *
 * @since 0.3.0
 */
import * as Schema from "effect/Schema"
import type { CaseState } from "./CaseState.js"

/**
 * Why the receiving side rejected a transfer.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Transfer } from "@homeward/core"
 *
 * Schema.is(Transfer.RejectReason)("out-of-area") // true
 * ```
 *
 * @since 0.3.0
 */
export const RejectReason = Schema.Literals([
  "no-capacity",
  "out-of-area",
  "not-eligible",
  "incomplete-information",
  "other"
])

/**
 * Why the receiving side rejected a transfer.
 *
 * @since 0.3.0
 */
export type RejectReason = typeof RejectReason.Type

/**
 * A transfer request as folded into the case state.
 *
 * @since 0.3.0
 */
export interface TransferRecord {
  readonly id: string
  readonly fromAgencyId?: string
  readonly fromSocialWorkerId?: string
  readonly toAgencyId: string
  readonly toSocialWorkerId?: string
  readonly requestedOn: Date
  readonly requestedBy: string
  readonly status: "pending" | "accepted" | "rejected"
  readonly decidedOn?: Date
  readonly rejectReason?: RejectReason
}

/**
 * Whether a transfer moves the case to another agency (rather than to another
 * worker of the same agency).
 *
 * @example
 * ```ts
 * import { Transfer } from "@homeward/core"
 *
 * Transfer.isInterAgency({ id: "t1", fromAgencyId: "AG-1", toAgencyId: "AG-2",
 *   requestedOn: new Date("2018-01-01"), requestedBy: "sw1", status: "pending" }) // true
 * ```
 *
 * @since 0.3.0
 */
export const isInterAgency = (t: TransferRecord): boolean => t.toAgencyId !== t.fromAgencyId

/**
 * The pending transfer of a case, if any (a case has at most one).
 *
 * @example
 * ```ts
 * import { CaseState, Transfer } from "@homeward/core"
 *
 * Transfer.pendingTransfer(CaseState.initial("c1")) // undefined
 * ```
 *
 * @since 0.3.0
 */
export const pendingTransfer = (state: CaseState): TransferRecord | undefined =>
  state.transferRequests.find((t) => t.status === "pending")

/**
 * Pending transfers across cases, for one agency: `outgoing` (the case is
 * with this agency) and `incoming` (this agency is asked to take it).
 *
 * @example
 * ```ts
 * import { CaseState, Transfer } from "@homeward/core"
 *
 * Transfer.pendingTransfers([CaseState.initial("c1")], "AG-1") // { incoming: [], outgoing: [] }
 * ```
 *
 * @since 0.3.0
 */
export const pendingTransfers = (
  states: Iterable<CaseState>,
  agencyId: string
): {
  readonly incoming: ReadonlyArray<{ readonly caseId: string; readonly transfer: TransferRecord }>
  readonly outgoing: ReadonlyArray<{ readonly caseId: string; readonly transfer: TransferRecord }>
} => {
  const incoming: Array<{ caseId: string; transfer: TransferRecord }> = []
  const outgoing: Array<{ caseId: string; transfer: TransferRecord }> = []
  for (const s of states) {
    const t = pendingTransfer(s)
    if (t === undefined) continue
    if (t.toAgencyId === agencyId) incoming.push({ caseId: s.caseId, transfer: t })
    if (t.fromAgencyId === agencyId) outgoing.push({ caseId: s.caseId, transfer: t })
  }
  const by = (a: { caseId: string }, b: { caseId: string }) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)
  return { incoming: incoming.sort(by), outgoing: outgoing.sort(by) }
}
