/**
 * Event stores for fp-ts code: wrap any `CaseEventStore` (the core port:
 * in-memory, SQLite, Postgres) so that every operation is a `TaskEither`
 * whose error is the port's typed error (`Conflict`, `InvalidEvent`,
 * `CorruptEvent`, `StoreError`). An unexpected rejection becomes a
 * `StoreError`. Thin: calls the wrapped store.
 *
 * @since 0.1.0
 */
import { type CaseEvent, CaseState, Decider, type Decision, EventStore, type PolicyProfile } from "@homeward/core"
import * as E from "fp-ts/lib/Either.js"
import * as TE from "fp-ts/lib/TaskEither.js"

/**
 * Why an `append` failed.
 *
 * @since 0.1.0
 */
export type AppendError = EventStore.Conflict | EventStore.InvalidEvent | EventStore.StoreError

/**
 * Why a read failed.
 *
 * @since 0.1.0
 */
export type ReadError = EventStore.CorruptEvent | EventStore.StoreError

/**
 * A command rejected by the decider (with its blocking reasons).
 *
 * @since 0.1.0
 */
export interface Rejected {
  readonly _tag: "Rejected"
  readonly reasons: ReadonlyArray<Decision.Reason>
}

/**
 * An event store whose operations are `TaskEither`s.
 *
 * @since 0.1.0
 */
export interface TaskEitherStore {
  /** Append events at `expectedVersion` (`Left(Conflict)` when the case moved on). */
  readonly append: (
    caseId: string,
    expectedVersion: number,
    events: ReadonlyArray<CaseEvent.CaseEvent>
  ) => TE.TaskEither<AppendError, EventStore.Appended>
  /** Every event of a case, in order. */
  readonly read: (caseId: string) => TE.TaskEither<ReadError, ReadonlyArray<CaseEvent.CaseEvent>>
  /** Number of events in the case (0 when unknown). */
  readonly version: (caseId: string) => TE.TaskEither<ReadError, number>
  /** Every event from `fromPosition` (default 0) in global order, collected into an array. */
  readonly readAll: (fromPosition?: number) => TE.TaskEither<ReadError, ReadonlyArray<EventStore.StoredEvent>>
  /** Load a case (read and replay). */
  readonly load: (caseId: string) => TE.TaskEither<ReadError, CaseState.CaseState>
  /**
   * Load a case, decide the command and append its events at the loaded
   * version (optimistic concurrency: a concurrent writer gives `Conflict`).
   */
  readonly handle: (
    caseId: string,
    command: Decider.Command,
    profile: PolicyProfile.PolicyProfile,
    asOf: Date
  ) => TE.TaskEither<ReadError | AppendError | Rejected, EventStore.Appended>
  /** Close the wrapped store. */
  readonly close: () => TE.TaskEither<EventStore.StoreError, void>
  /** The wrapped Promise store. */
  readonly underlying: EventStore.CaseEventStore
}

const onReject =
  (operation: string) =>
  (u: unknown): ReadError =>
    u instanceof EventStore.CorruptEvent || u instanceof EventStore.StoreError
      ? u
      : new EventStore.StoreError({ operation, cause: u })

const collect = async <A>(it: AsyncIterable<A>): Promise<ReadonlyArray<A>> => {
  const out: Array<A> = []
  for await (const a of it) out.push(a)
  return out
}

/**
 * Wrap a `CaseEventStore` so its operations return `TaskEither`s.
 *
 * @example
 * ```ts
 * import { EventStore } from "@homeward/core"
 * import { Store } from "@homeward/fp-ts"
 *
 * const store = Store.fromStore(EventStore.makeMemoryStore())
 * const result = await store.version("case-1")() // right(0)
 * ```
 *
 * @since 0.1.0
 */
export const fromStore = (store: EventStore.CaseEventStore): TaskEitherStore => {
  const append: TaskEitherStore["append"] = (caseId, expectedVersion, events) => () =>
    store.append(caseId, expectedVersion, events).then(
      (r): E.Either<AppendError, EventStore.Appended> => (r._tag === "Appended" ? E.right(r) : E.left(r)),
      (u: unknown) =>
        E.left(u instanceof EventStore.StoreError ? u : new EventStore.StoreError({ operation: "append", cause: u }))
    )
  const read: TaskEitherStore["read"] = (caseId) => TE.tryCatch(() => store.read(caseId), onReject("read"))
  const load: TaskEitherStore["load"] = (caseId) =>
    TE.map((events: ReadonlyArray<CaseEvent.CaseEvent>) => CaseState.replay(caseId, events))(read(caseId))
  return {
    append,
    read,
    version: (caseId) => TE.tryCatch(() => store.version(caseId), onReject("version")),
    readAll: (fromPosition) => TE.tryCatch(() => collect(store.readAll(fromPosition)), onReject("readAll")),
    load,
    handle: (caseId, command, profile, asOf) => async () => {
      const loaded = await load(caseId)()
      if (E.isLeft(loaded)) return loaded
      const state = loaded.right
      const r = Decider.decide(state, command, profile, asOf)
      if (!r.ok) return E.left({ _tag: "Rejected", reasons: r.reasons } as const)
      return append(caseId, state.version, r.events)()
    },
    close: () =>
      TE.tryCatch(
        () => store.close(),
        (u) => (u instanceof EventStore.StoreError ? u : new EventStore.StoreError({ operation: "close", cause: u }))
      ),
    underlying: store
  }
}
