/**
 * The case event store port: append-only streams of {@link CaseEvent}s, one
 * per case, with optimistic concurrency (`expectedVersion`), plus a global,
 * ordered log of every event (`readAll`) for projections.
 *
 * - `append(caseId, expectedVersion, events)` validates every event with the
 *   core Schemas, then writes them all or nothing. `expectedVersion` is the
 *   number of events the writer saw (0 for a new case); if another writer got
 *   there first the result is a {@link Conflict} value and nothing is written.
 * - `read(caseId)` returns the case's events in order.
 * - `readAll(fromPosition)` streams every event with its global position, in
 *   the order the store committed them. Positions increase strictly but may
 *   have gaps (PostgreSQL sequences do).
 *
 * Errors are typed values: `append` resolves with {@link Conflict} (stale
 * `expectedVersion`; its message says what to do) or {@link InvalidEvent}
 * (an invalid event, or invalid arguments such as `expectedVersion` `-1`,
 * `NaN` or `1.5`) and nothing is written; {@link CorruptEvent} (a stored row
 * that no longer decodes) rejects reads; {@link StoreError} (the database or
 * driver failed: connection lost, timeout, store closed) rejects any
 * operation.
 *
 * Adapters (`@homeward/store-sqlite`, `@homeward/store-postgres`) implement
 * {@link CaseEventStore} with the toolkit in `@homeward/core/adapter` and pass
 * the conformance suite in `@homeward/core/testing`;
 * {@link makeMemoryStore} is the in-memory reference
 * implementation (no I/O). Effect users get the {@link Store} service and
 * {@link layer}/{@link layerMemory}.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import * as Stream from "effect/Stream"
import { decodeStoredOrThrow, encodeBatch, toStoreError } from "./Adapter.js"
import type * as CaseEvents from "./CaseEvent.js"
import { memoryHooks } from "./internal/memoryHooks.js"
import type { ValidationIssue } from "./Validation.js"

/**
 * The append was made at a stale (or impossible) `expectedVersion`: the writer
 * saw `expectedVersion` events but the case has `actualVersion`. Nothing was
 * written. The remedy is in the message: re-read the case, decide again on
 * its current state and retry the append with the version read.
 *
 * @example
 * ```ts
 * import { EventStore } from "@homeward/core"
 *
 * const c = new EventStore.Conflict({ caseId: "case-1", expectedVersion: 2, actualVersion: 3 })
 * c.message // "Case case-1: expected version 2 but the case is at version 3; nothing was written. Re-read …"
 * ```
 *
 * @since 0.1.0
 */
export class Conflict extends Data.TaggedError("Conflict")<{
  readonly caseId: string
  readonly expectedVersion: number
  /** The case's version when the append was refused (read it again before retrying: it may have moved on). */
  readonly actualVersion: number
}> {
  override get message(): string {
    return (
      `Case ${this.caseId}: expected version ${this.expectedVersion} but the case is at version ${this.actualVersion}; ` +
      `nothing was written. Re-read the case, decide again on its current state and retry the append ` +
      `with the version you read (now ${this.actualVersion}).`
    )
  }
}

/**
 * An append that was refused before anything was written because its input is
 * invalid: an event of the batch failed validation (`index` is its position in
 * the batch), or the append itself is malformed (`index` is `-1`: the case id
 * is not a non-empty string, `expectedVersion` is not a whole number ≥ 0, or
 * the events are not a list). `issues` name paths and rules, never the
 * rejected values.
 *
 * @since 0.1.0
 */
export class InvalidEvent extends Data.TaggedError("InvalidEvent")<{
  readonly caseId: string
  /** Position of the invalid event in the batch, or `-1` when the append's own arguments are invalid. */
  readonly index: number
  readonly issues: ReadonlyArray<ValidationIssue>
}> {
  override get message(): string {
    const detail = this.issues.map((i) => `${i.pathString || "(root)"}: ${i.message}`).join("; ")
    return this.index < 0
      ? `Case ${this.caseId}: the append is invalid, nothing was written: ${detail}`
      : `Case ${this.caseId}, event #${this.index} of the batch is invalid, nothing was written: ${detail}`
  }
}

/**
 * A stored event no longer decodes (the database was altered outside the
 * store): names the case, the version and what is wrong.
 *
 * @since 0.1.0
 */
export class CorruptEvent extends Data.TaggedError("CorruptEvent")<{
  readonly caseId: string
  readonly version: number
  readonly issues: ReadonlyArray<ValidationIssue>
}> {
  override get message(): string {
    const detail = this.issues.map((i) => `${i.pathString || "(root)"}: ${i.message}`).join("; ")
    return `Case ${this.caseId}, stored event version ${this.version} is corrupt: ${detail}`
  }
}

/**
 * The underlying database or driver failed (connection lost, timeout, disk
 * full …). The store stays usable: a later operation opens a new connection.
 * When an `append` fails this way the batch may or may not have been written
 * (the connection may have been lost while committing): re-read the case
 * before deciding again. Retrying at the same `expectedVersion` is safe: it
 * gets a {@link Conflict} if the first attempt was written.
 *
 * @since 0.1.0
 */
export class StoreError extends Data.TaggedError("StoreError")<{
  readonly operation: string
  readonly cause: unknown
}> {
  override get message(): string {
    const c = this.cause
    const why = c instanceof Error ? `: ${c.message.split("\n")[0]}` : ""
    const hint =
      this.operation === "append"
        ? " (if the connection was lost while committing, the batch may have been written: re-read the case before retrying; a retry at the same expected version is safe)"
        : ""
    return `Event store ${this.operation} failed${why}${hint}`
  }
}

type CaseEvent = CaseEvents.CaseEvent

/**
 * A successful append: the case's new version.
 *
 * @since 0.1.0
 */
export interface Appended {
  readonly _tag: "Appended"
  readonly caseId: string
  /** The case's version after the append (number of events in the case). */
  readonly version: number
}

/**
 * What `append` resolves with: success, or a typed error value.
 *
 * @since 0.1.0
 */
export type AppendResult = Appended | Conflict | InvalidEvent

/**
 * An event in the global log.
 *
 * @since 0.1.0
 */
export interface StoredEvent {
  /** Global position: strictly increasing in commit order, possibly with gaps. */
  readonly position: number
  readonly caseId: string
  /** 1-based version of the event within its case. */
  readonly version: number
  readonly event: CaseEvent
}

/**
 * The store port (Promise API). `append` resolves with an
 * {@link AppendResult} for every input, invalid arguments included, and
 * rejects only with {@link StoreError}; `read` and `readAll` reject with
 * {@link CorruptEvent} or {@link StoreError}; `version` and `close` with
 * {@link StoreError}.
 *
 * @example
 * ```ts
 * import { EventStore } from "@homeward/core"
 *
 * const store = EventStore.makeMemoryStore()
 * const r = await store.append("case-1", 0, [])
 * if (r._tag === "Appended") r.version // 0
 * ```
 *
 * @since 0.1.0
 */
export interface CaseEventStore {
  /** Append events at `expectedVersion` (optimistic concurrency): `Appended` with the new version, or why not. */
  append(caseId: string, expectedVersion: number, events: ReadonlyArray<CaseEvent>): Promise<AppendResult>
  /** Every event of a case, in order (empty for an unknown case). */
  read(caseId: string): Promise<ReadonlyArray<CaseEvent>>
  /** Number of events in the case (0 when unknown). */
  version(caseId: string): Promise<number>
  /** Every event with `position >= fromPosition` (default 0: all), in global order. */
  readAll(fromPosition?: number): AsyncIterable<StoredEvent>
  /** Release the store's resources; later operations fail with `StoreError`. */
  close(): Promise<void>
}

interface MemoryRow {
  readonly position: number
  readonly caseId: string
  readonly version: number
  json: string
}

/**
 * The in-memory reference implementation (no I/O): same semantics as the
 * database adapters, events kept in their encoded JSON form.
 *
 * @example
 * ```ts
 * import { EventStore } from "@homeward/core"
 *
 * const store = EventStore.makeMemoryStore()
 * await store.version("case-1") // 0
 * ```
 *
 * @since 0.1.0
 */
export const makeMemoryStore = (): CaseEventStore => {
  const log: Array<MemoryRow> = []
  const cases = new Map<string, Array<MemoryRow>>()
  let closed = false
  const open = (operation: string) => {
    if (closed) throw new StoreError({ operation, cause: new Error("store is closed") })
  }
  const store: CaseEventStore = {
    append: async (caseId, expectedVersion, events) => {
      open("append")
      const rows = encodeBatch(caseId, expectedVersion, events)
      if (Result.isFailure(rows)) return rows.failure
      const stream = cases.get(caseId) ?? []
      if (stream.length !== expectedVersion) {
        return new Conflict({ caseId, expectedVersion, actualVersion: stream.length })
      }
      for (const r of rows.success) {
        const row: MemoryRow = { position: log.length + 1, caseId, version: r.version, json: r.json }
        log.push(row)
        stream.push(row)
      }
      cases.set(caseId, stream)
      return { _tag: "Appended", caseId, version: stream.length }
    },
    read: async (caseId) => {
      open("read")
      return (cases.get(caseId) ?? []).map((r) => decodeStoredOrThrow(caseId, r.version, r.json))
    },
    version: async (caseId) => {
      open("version")
      return cases.get(caseId)?.length ?? 0
    },
    readAll: (fromPosition = 0) => ({
      async *[Symbol.asyncIterator]() {
        open("readAll")
        for (let i = Math.max(0, Math.ceil(fromPosition) - 1); i < log.length; i++) {
          const r = log[i]!
          yield {
            position: r.position,
            caseId: r.caseId,
            version: r.version,
            event: decodeStoredOrThrow(r.caseId, r.version, r.json)
          }
        }
      }
    }),
    close: async () => {
      closed = true
    }
  }
  memoryHooks.set(store, (caseId, version, raw) => {
    const row = cases.get(caseId)?.[version - 1]
    if (row === undefined) throw new RangeError("no such event")
    row.json = raw
  })
  return store
}

/**
 * The store as Effect users see it.
 *
 * @since 0.1.0
 */
export interface CaseEventStoreEffect {
  /** Succeeds with the case's new version. */
  readonly append: (
    caseId: string,
    expectedVersion: number,
    events: ReadonlyArray<CaseEvent>
  ) => Effect.Effect<number, Conflict | InvalidEvent | StoreError>
  /** Every event of a case, in order. */
  readonly read: (caseId: string) => Effect.Effect<ReadonlyArray<CaseEvent>, CorruptEvent | StoreError>
  /** Number of events in the case (0 when unknown). */
  readonly version: (caseId: string) => Effect.Effect<number, StoreError>
  /** Every event with `position >= fromPosition` (default 0: all), in global order. */
  readonly readAll: (fromPosition?: number) => Stream.Stream<StoredEvent, CorruptEvent | StoreError>
}

/**
 * The event store service (Effect).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { EventStore } from "@homeward/core"
 *
 * const program = Effect.gen(function* () {
 *   const store = yield* EventStore.Store
 *   return yield* store.version("case-1")
 * })
 * Effect.runPromise(Effect.provide(program, EventStore.layerMemory))
 * ```
 *
 * @since 0.1.0
 */
export class Store extends Context.Service<Store, CaseEventStoreEffect>()("@homeward/core/EventStore") {}

const storeFailure = (operation: string) => (cause: unknown) => toStoreError(operation, cause)

/**
 * Wrap a Promise-API store as the Effect service shape.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { EventStore } from "@homeward/core"
 *
 * const store = EventStore.toEffect(EventStore.makeMemoryStore())
 * await Effect.runPromise(store.read("case-1")) // []
 * ```
 *
 * @since 0.1.0
 */
export const toEffect = (store: CaseEventStore): CaseEventStoreEffect => ({
  append: (caseId, expectedVersion, events) =>
    Effect.tryPromise({
      try: () => store.append(caseId, expectedVersion, events),
      catch: storeFailure("append")
    }).pipe(
      Effect.flatMap(
        (r): Effect.Effect<number, Conflict | InvalidEvent | StoreError> =>
          r._tag === "Appended" ? Effect.succeed(r.version) : Effect.fail(r)
      ),
      Effect.mapError((e) => (e instanceof CorruptEvent ? new StoreError({ operation: "append", cause: e }) : e))
    ),
  read: (caseId) => Effect.tryPromise({ try: () => store.read(caseId), catch: storeFailure("read") }),
  version: (caseId) =>
    Effect.tryPromise({
      try: () => store.version(caseId),
      catch: (cause) => (cause instanceof StoreError ? cause : new StoreError({ operation: "version", cause }))
    }),
  readAll: (fromPosition) => Stream.fromAsyncIterable(store.readAll(fromPosition), storeFailure("readAll"))
})

/**
 * A Layer that opens a Promise-API store and closes it when the scope ends.
 *
 * @example
 * ```ts
 * import { EventStore } from "@homeward/core"
 *
 * const StoreLive = EventStore.layer(async () => EventStore.makeMemoryStore())
 * ```
 *
 * @since 0.1.0
 */
export const layer = (open: () => Promise<CaseEventStore>): Layer.Layer<Store, StoreError> =>
  Layer.effect(
    Store,
    Effect.map(
      Effect.acquireRelease(
        Effect.tryPromise({ try: open, catch: (cause) => new StoreError({ operation: "open", cause }) }),
        (s) => Effect.promise(() => s.close())
      ),
      toEffect
    )
  )

/**
 * The in-memory reference store as a Layer (fresh and empty per build).
 *
 * @since 0.1.0
 */
export const layerMemory: Layer.Layer<Store> = Layer.effect(
  Store,
  Effect.sync(() => toEffect(makeMemoryStore()))
)
