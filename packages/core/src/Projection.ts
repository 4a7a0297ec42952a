/**
 * A projection of current case states from a store's global event log,
 * answering the questions case workers ask: which cases are in which phase,
 * which monitoring visits fall due before a date, which cases each social
 * worker holds. It folds events with `CaseState.evolve` and catches up
 * incrementally from the last position it saw; visit dates come from the
 * `Monitoring` rules (nothing is recomputed here).
 *
 * @since 0.1.0
 */
import { type AccessPolicy, fromCaseState, redactFor, type Viewer } from "./Access.js"
import { type ApprovalRecord, pendingApprovals } from "./Approval.js"
import { type CaseState, evolve, initial } from "./CaseState.js"
import { requireValidDate } from "./Decision.js"
import type { CaseEventStore } from "./EventStore.js"
import { monitoringPlan, monitoringStatus, type PlannedVisit } from "./Monitoring.js"
import type { PhaseName } from "./Phase.js"
import type { PolicyProfile } from "./PolicyProfile.js"
import { pendingTransfers, type TransferRecord } from "./Transfer.js"

/**
 * A planned monitoring visit of one case.
 *
 * @since 0.1.0
 */
export interface VisitDue {
  readonly caseId: string
  readonly socialWorkerId?: string
  readonly visit: PlannedVisit
  /** `overdue` when its date has passed on `asOf`, `missed` when its window has closed without a visit. */
  readonly status: "upcoming" | "due" | "overdue" | "missed"
}

/**
 * The projection.
 *
 * @since 0.1.0
 */
export interface CaseProjection {
  /** Read new events from the store (from the last position seen); returns how many were folded. */
  readonly catchUp: (store: CaseEventStore) => Promise<number>
  /** Fold one stored event (for callers that stream events themselves). */
  readonly apply: (position: number, event: Parameters<typeof evolve>[1]) => void
  /** The global position of the last event folded (0 before any). */
  readonly position: () => number
  /** The state of one case, or `undefined` when no event of it was folded. */
  readonly state: (caseId: string) => CaseState | undefined
  /** The states of every case seen. */
  readonly states: () => ReadonlyArray<CaseState>
  /** Open and closed cases grouped by phase. */
  readonly casesByPhase: () => Readonly<Partial<Record<PhaseName, ReadonlyArray<string>>>>
  /** Case ids per social worker (open cases only). */
  readonly casesPerWorker: () => Readonly<Record<string, ReadonlyArray<string>>>
  /** Monitoring visits of reunified, open cases that are due before `before`, judged on `asOf`. */
  readonly visitsDueBefore: (before: Date, profile: PolicyProfile, asOf: Date) => ReadonlyArray<VisitDue>
  /** Pending transfers for an agency: `outgoing` (its cases asked to move) and `incoming` (it is asked to take them) (since 0.3.0). */
  readonly pendingTransfers: (agencyId: string) => {
    readonly incoming: ReadonlyArray<{ readonly caseId: string; readonly transfer: TransferRecord }>
    readonly outgoing: ReadonlyArray<{ readonly caseId: string; readonly transfer: TransferRecord }>
  }
  /** Approval requests waiting for an answer, oldest first (since 0.3.0). */
  readonly pendingApprovals: () => ReadonlyArray<{ readonly caseId: string; readonly approval: ApprovalRecord }>
  /** What a viewer may see of a case (`Access.redactFor`); `undefined` when unknown or out of the viewer's scope (since 0.3.0). */
  readonly viewFor: (
    viewer: Viewer,
    caseId: string,
    policy?: AccessPolicy
  ) => Readonly<Record<string, unknown>> | undefined
}

/**
 * Create an empty projection.
 *
 * @example
 * ```ts
 * import { EventStore, Projection } from "@homeward/core"
 *
 * const store = EventStore.makeMemoryStore()
 * const p = Projection.make()
 * await p.catchUp(store)
 * p.casesByPhase() // {}
 * ```
 *
 * @since 0.1.0
 */
export const make = (): CaseProjection => {
  const byCase = new Map<string, CaseState>()
  let last = 0
  const apply: CaseProjection["apply"] = (position, event) => {
    byCase.set(event.caseId, evolve(byCase.get(event.caseId) ?? initial(event.caseId), event))
    if (position > last) last = position
  }
  return {
    apply,
    catchUp: async (store) => {
      let n = 0
      for await (const e of store.readAll(last + 1)) {
        apply(e.position, e.event)
        n++
      }
      return n
    },
    position: () => last,
    state: (caseId) => byCase.get(caseId),
    states: () => [...byCase.values()],
    casesByPhase: () => {
      const out: Partial<Record<PhaseName, Array<string>>> = {}
      for (const s of byCase.values()) {
        const list = out[s.phase.phase] ?? []
        list.push(s.caseId)
        out[s.phase.phase] = list
      }
      return out
    },
    casesPerWorker: () => {
      const out: Record<string, Array<string>> = {}
      for (const s of byCase.values()) {
        if (s.status !== "open" || s.socialWorkerId === undefined) continue
        const list = out[s.socialWorkerId] ?? []
        list.push(s.caseId)
        out[s.socialWorkerId] = list
      }
      return out
    },
    pendingTransfers: (agencyId) => pendingTransfers(byCase.values(), agencyId),
    pendingApprovals: () =>
      [...byCase.values()]
        .flatMap((s) => pendingApprovals(s).map((approval) => ({ caseId: s.caseId, approval })))
        .sort(
          (a, b) =>
            a.approval.requestedOn.getTime() - b.approval.requestedOn.getTime() ||
            a.caseId.localeCompare(b.caseId) ||
            a.approval.id.localeCompare(b.approval.id)
        ),
    viewFor: (viewer, caseId, policy) => {
      const s = byCase.get(caseId)
      return s === undefined ? undefined : redactFor(viewer, fromCaseState(s), policy)
    },
    visitsDueBefore: (before, profile, asOf) => {
      requireValidDate(asOf)
      requireValidDate(before, "before")
      const out: Array<VisitDue> = []
      for (const s of byCase.values()) {
        if (s.status !== "open" || s.phase.phase !== "reunified" || s.reunifiedOn === undefined) continue
        const status = monitoringStatus(s, profile, asOf).outcome
        const worker = s.socialWorkerId === undefined ? {} : { socialWorkerId: s.socialWorkerId }
        const tagged = new Map<number, VisitDue["status"]>()
        for (const v of status.missed) tagged.set(v.index, "missed")
        for (const v of status.overdue) tagged.set(v.index, "overdue")
        for (const v of status.due) tagged.set(v.index, "due")
        for (const v of monitoringPlan(s.reunifiedOn, profile)) {
          if (v.due.getTime() >= before.getTime()) break
          const t = tagged.get(v.index)
          if (t !== undefined) out.push({ caseId: s.caseId, ...worker, visit: v, status: t })
          else if (v.due.getTime() > asOf.getTime())
            out.push({ caseId: s.caseId, ...worker, visit: v, status: "upcoming" })
        }
      }
      return out.sort((a, b) => a.visit.due.getTime() - b.visit.due.getTime() || a.caseId.localeCompare(b.caseId))
    }
  }
}
