/**
 * The case decider for fp-ts code: `decide` returns
 * `Either<ReadonlyArray<Reason>, ReadonlyArray<CaseEvent>>` (the blocking
 * reasons, or the events to append); `evolve` and `initial` are the core
 * fold (fold a whole stream with `CaseState.replay(caseId, events)` of
 * `@homeward/core`). Thin: calls `@homeward/core`.
 *
 * @since 0.1.0
 */
import { type CaseEvent, CaseState, Decider, type Decision, type PolicyProfile } from "@homeward/core"
import * as E from "fp-ts/lib/Either.js"

/**
 * Decide a command (`Decider.decide`): `Right` with the events to append,
 * `Left` with the reasons the command was rejected.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Decider } from "@homeward/fp-ts"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * const r = Decider.decide(Decider.initial("c1"), {
 *   type: "AssignWorker", actor: { id: "m1", role: "manager" },
 *   recordedAt: new Date("2018-01-02T08:00:00Z"), socialWorkerId: "sw2"
 * }, Profiles.azizasPlace, new Date("2018-01-02"))
 * E.isLeft(r) // true: the case is not open
 * ```
 *
 * @since 0.1.0
 */
export const decide = (
  state: CaseState.CaseState,
  command: Decider.Command,
  profile: PolicyProfile.PolicyProfile,
  asOf: Date
): E.Either<ReadonlyArray<Decision.Reason>, ReadonlyArray<CaseEvent.CaseEvent>> => {
  const r = Decider.decide(state, command, profile, asOf)
  return r.ok ? E.right(r.events) : E.left(r.reasons)
}

/**
 * Fold one event into the state (`CaseState.evolve`).
 *
 * @since 0.1.0
 */
export const evolve: (state: CaseState.CaseState, event: CaseEvent.CaseEvent) => CaseState.CaseState = CaseState.evolve

/**
 * The state before any event (`CaseState.initial`).
 *
 * @since 0.1.0
 */
export const initial: (caseId: string) => CaseState.CaseState = CaseState.initial
