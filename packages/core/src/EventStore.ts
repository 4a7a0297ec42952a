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
 * Errors are typed values: {@link Conflict} and {@link InvalidEvent} are
 * returned by `append`; {@link CorruptEvent} (a stored row that no longer
 * decodes) and {@link StoreError} (the driver failed) reject reads.
 *
 * Adapters (`@homeward/store-sqlite`, `@homeward/store-postgres`) implement
 * {@link CaseEventStore}; {@link makeMemoryStore} is the in-memory reference
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
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as CaseEvents from "./CaseEvent.js"
import { decodeUnknown, flatten, type ValidationIssue } from "./Validation.js"

type CaseEvent = CaseEvents.CaseEvent

/**
 * Another writer appended to the case first: the writer saw
 * `expectedVersion` events but the case now has `actualVersion`. Nothing was
 * written; re-read the case, decide again and retry.
 *
 * @since 0.1.0
 */
export class Conflict extends Data.TaggedError("Conflict")<{
  readonly caseId: string
  readonly expectedVersion: number
  readonly actualVersion: number
}> {
  override get message(): string {
    return `Case ${this.caseId}: expected version ${this.expectedVersion} but the case is at version ${this.actualVersion}`
  }
}

/**
 * An event in an append batch failed validation; nothing of the batch was
 * written. `index` is the position of the event in the batch; `issues` are the
 * decode issues (paths and rules, never the rejected values).
 *
 * @since 0.1.0
 */
export class InvalidEvent extends Data.TaggedError("InvalidEvent")<{
  readonly caseId: string
  readonly index: number
  readonly issues: ReadonlyArray<ValidationIssue>
}> {
  override get message(): string {
    const detail = this.issues.map((i) => `${i.pathString || "(root)"}: ${i.message}`).join("; ")
    return `Case ${this.caseId}, event #${this.index} of the batch is invalid: ${detail}`
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
 * The underlying database or driver failed (connection lost, disk full …).
 *
 * @since 0.1.0
 */
export class StoreError extends Data.TaggedError("StoreError")<{
  readonly operation: string
  readonly cause: unknown
}> {
  override get message(): string {
    const c = this.cause
    return `Event store ${this.operation} failed${c instanceof Error ? `: ${c.message}` : ""}`
  }
}

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
 * {@link AppendResult}; `read`, `version` and `readAll` reject with
 * {@link CorruptEvent} or {@link StoreError}.
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
  append(caseId: string, expectedVersion: number, events: ReadonlyArray<CaseEvent>): Promise<AppendResult>
  read(caseId: string): Promise<ReadonlyArray<CaseEvent>>
  /** Number of events in the case (0 when unknown). */
  version(caseId: string): Promise<number>
  /** Every event with `position >= fromPosition` (default 0: all), in global order. */
  readAll(fromPosition?: number): AsyncIterable<StoredEvent>
  close(): Promise<void>
}

/**
 * A validated, encoded event ready to be written by an adapter.
 *
 * @since 0.1.0
 */
export interface EncodedRow {
  readonly caseId: string
  readonly version: number
  readonly type: string
  readonly eventId: string
  /** The encoded (JSON) form, serialised. */
  readonly json: string
}

const members: Record<string, Schema.Codec<CaseEvent, unknown>> = {}
for (const m of CaseEvents.CaseEvent.members) {
  const lit = m.fields.type.ast
  members[String((lit as unknown as { literal: string }).literal)] = m as unknown as Schema.Codec<CaseEvent, unknown>
}
const encoders = new Map<string, (u: unknown) => Result.Result<unknown, Schema.SchemaError>>()
const decoders = new Map<string, Schema.Codec<CaseEvent, unknown>>()
for (const [type, schema] of Object.entries(members)) {
  encoders.set(type, Schema.encodeUnknownResult(schema as never) as never)
  decoders.set(type, schema)
}

const issue = (path: ReadonlyArray<string>, rule: string, message: string): ValidationIssue => ({
  path,
  pathString: path.join("."),
  rule,
  message
})

/**
 * Validate and encode one event (the Type form, with `Date`s) for case
 * `caseId`. Dispatches on `type` to the event's own schema.
 *
 * @since 0.1.0
 */
export const encodeEvent = (
  caseId: string,
  event: unknown
): Result.Result<
  { readonly type: string; readonly eventId: string; readonly json: string },
  ReadonlyArray<ValidationIssue>
> => {
  const type = typeof event === "object" && event !== null ? (event as { type?: unknown }).type : undefined
  const encode = typeof type === "string" ? encoders.get(type) : undefined
  if (encode === undefined) {
    const r = Schema.encodeUnknownResult(CaseEvents.CaseEvent)(event as never)
    return Result.fail(
      Result.isFailure(r)
        ? flatten(r.failure.issue, event)
        : [issue(["type"], "choice", `Expected one of: ${Object.keys(members).join(", ")}`)]
    )
  }
  let r: Result.Result<unknown, Schema.SchemaError>
  try {
    r = encode(event)
  } catch {
    return Result.fail([issue([], "unreadable", "The value could not be read")])
  }
  if (Result.isFailure(r)) return Result.fail(flatten(r.failure.issue, event))
  const encoded = r.success as { readonly caseId: string; readonly eventId: string }
  if (encoded.caseId !== caseId) {
    return Result.fail([issue(["caseId"], "case-id", "The event belongs to another case than the one appended to")])
  }
  return Result.succeed({ type: type as string, eventId: encoded.eventId, json: JSON.stringify(encoded) })
}

/**
 * Validate a whole batch for `append`: every event must decode and belong to
 * `caseId`. Returns the rows to write (versions `expectedVersion + 1 …`) or
 * the first {@link InvalidEvent}.
 *
 * @since 0.1.0
 */
export const encodeBatch = (
  caseId: string,
  expectedVersion: number,
  events: ReadonlyArray<unknown>
): Result.Result<ReadonlyArray<EncodedRow>, InvalidEvent> => {
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    throw new RangeError("expectedVersion must be a non-negative integer (the number of events the writer saw)")
  }
  if (!Array.isArray(events)) {
    return Result.fail(new InvalidEvent({ caseId, index: 0, issues: [issue([], "type", "Expected a list of events")] }))
  }
  const rows: Array<EncodedRow> = []
  for (let i = 0; i < events.length; i++) {
    const r = encodeEvent(caseId, events[i])
    if (Result.isFailure(r)) return Result.fail(new InvalidEvent({ caseId, index: i, issues: r.failure }))
    rows.push({ caseId, version: expectedVersion + i + 1, ...r.success })
  }
  return Result.succeed(rows)
}

/**
 * Decode a stored row (its JSON text, or an already-parsed value) back into an
 * event, checking it belongs to `caseId`. A row that does not decode yields a
 * {@link CorruptEvent} naming the case and version.
 *
 * @since 0.1.0
 */
export const decodeStored = (
  caseId: string,
  version: number,
  stored: unknown
): Result.Result<CaseEvent, CorruptEvent> => {
  let value: unknown = stored
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored)
    } catch {
      return Result.fail(
        new CorruptEvent({ caseId, version, issues: [issue([], "json", "The stored event is not valid JSON")] })
      )
    }
  }
  const type = typeof value === "object" && value !== null ? (value as { type?: unknown }).type : undefined
  const schema = (typeof type === "string" ? decoders.get(type) : undefined) ?? CaseEvents.CaseEvent
  const r = decodeUnknown(schema, value)
  if (Result.isFailure(r)) return Result.fail(new CorruptEvent({ caseId, version, issues: r.failure }))
  if (r.success.caseId !== caseId) {
    return Result.fail(
      new CorruptEvent({
        caseId,
        version,
        issues: [issue(["caseId"], "case-id", "The stored event belongs to another case")]
      })
    )
  }
  return Result.succeed(r.success as CaseEvent)
}

/**
 * Decode a row or throw its {@link CorruptEvent} (for adapters' Promise API).
 *
 * @since 0.1.0
 */
export const decodeStoredOrThrow = (caseId: string, version: number, stored: unknown): CaseEvent => {
  const r = decodeStored(caseId, version, stored)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

/**
 * Check that a case's stored versions run 1, 2, 3 … without gaps.
 *
 * @since 0.1.0
 */
export const checkContiguous = (caseId: string, expected: number, actual: number): void => {
  if (actual !== expected) {
    throw new CorruptEvent({
      caseId,
      version: expected,
      issues: [issue(["version"], "contiguous", `Stored versions skip from ${expected - 1} to ${actual}`)]
    })
  }
}

/**
 * The in-memory reference store, with test hooks.
 *
 * @since 0.1.0
 */
export interface MemoryEventStore extends CaseEventStore {
  /** Test hook: overwrite the stored text of one event (simulates corruption). */
  readonly corrupt: (caseId: string, version: number, raw: string) => void
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
export const makeMemoryStore = (): MemoryEventStore => {
  const log: Array<MemoryRow> = []
  const cases = new Map<string, Array<MemoryRow>>()
  let closed = false
  const open = (operation: string) => {
    if (closed) throw new StoreError({ operation, cause: new Error("store is closed") })
  }
  return {
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
    },
    corrupt: (caseId, version, raw) => {
      const row = cases.get(caseId)?.[version - 1]
      if (row === undefined) throw new RangeError("no such event")
      row.json = raw
    }
  }
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
  readonly read: (caseId: string) => Effect.Effect<ReadonlyArray<CaseEvent>, CorruptEvent | StoreError>
  readonly version: (caseId: string) => Effect.Effect<number, StoreError>
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

const storeFailure = (operation: string) => (cause: unknown) =>
  cause instanceof CorruptEvent || cause instanceof StoreError ? cause : new StoreError({ operation, cause })

/**
 * Wrap a Promise-API store as the Effect service shape.
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
