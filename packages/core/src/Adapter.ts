/**
 * The toolkit for writing an event store adapter (what `@homeward/store-sqlite`
 * and `@homeward/store-postgres` are built on), published as the separate
 * entry `@homeward/core/adapter` so that it is not part of the everyday API:
 *
 * - {@link encodeBatch} checks an append's arguments and validates and
 *   encodes its events into rows to write (or returns the
 *   {@link InvalidEvent} that `append` must resolve with);
 * - {@link decodeStored} / {@link decodeStoredOrThrow} turn a stored row back
 *   into an event, or a {@link CorruptEvent};
 * - {@link checkContiguous} checks a case's versions run 1, 2, 3 …;
 * - {@link toStoreError} turns a driver failure into a
 *   {@link StoreError} (passing the port's own errors through);
 * - {@link corruptMemoryEvent} is the in-memory store's corruption hook for
 *   tests.
 *
 * An adapter passes the conformance suite in `@homeward/core/testing`.
 *
 * @since 0.2.0
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as CaseEvents from "./CaseEvent.js"
import { memoryHooks } from "./internal/memoryHooks.js"
import { CorruptEvent, InvalidEvent, StoreError } from "./internal/storeErrors.js"
import { decodeUnknown, flatten, type ValidationIssue } from "./Validation.js"

type CaseEvent = CaseEvents.CaseEvent

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
 * @example
 * ```ts
 * import { encodeEvent } from "@homeward/core/adapter"
 *
 * const r = encodeEvent("case-1", { type: "Nope" })
 * r._tag // "Failure": the issues name the path and the rule
 * ```
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
 * Check an append's own arguments: the case id is a non-empty string,
 * `expectedVersion` a whole number ≥ 0 (the number of events the writer saw)
 * and the events a list. Returns the {@link InvalidEvent} (with
 * `index` `-1`) that `append` must resolve with, or `undefined`.
 *
 * @example
 * ```ts
 * import { checkAppendArguments } from "@homeward/core/adapter"
 *
 * checkAppendArguments("case-1", -1, [])?.issues[0]?.pathString // "expectedVersion"
 * checkAppendArguments("case-1", 0, []) // undefined
 * ```
 *
 * @since 0.2.0
 */
export const checkAppendArguments = (
  caseId: unknown,
  expectedVersion: unknown,
  events: unknown
): InvalidEvent | undefined => {
  const issues: Array<ValidationIssue> = []
  if (typeof caseId !== "string" || caseId.length === 0)
    issues.push(issue(["caseId"], "case-id", "The case id must be a non-empty string"))
  if (typeof expectedVersion !== "number" || !Number.isSafeInteger(expectedVersion) || expectedVersion < 0)
    issues.push(
      issue(
        ["expectedVersion"],
        "expected-version",
        "Expected the number of events the writer saw: a whole number, 0 or more (0 for a new case)"
      )
    )
  if (!Array.isArray(events)) issues.push(issue(["events"], "type", "Expected a list of events"))
  return issues.length === 0
    ? undefined
    : new InvalidEvent({ caseId: typeof caseId === "string" ? caseId : "", index: -1, issues })
}

/**
 * Validate a whole append for an adapter: its arguments
 * ({@link checkAppendArguments}), then every event (it must decode and belong
 * to `caseId`). Returns the rows to write (versions `expectedVersion + 1 …`)
 * or the {@link InvalidEvent} `append` resolves with. Never throws.
 *
 * @example
 * ```ts
 * import { encodeBatch } from "@homeward/core/adapter"
 *
 * const r = encodeBatch("case-1", 1.5, [])
 * if (r._tag === "Failure") r.failure.message // "Case case-1: the append is invalid, nothing was written: expectedVersion: …"
 * ```
 *
 * @since 0.1.0
 */
export const encodeBatch = (
  caseId: string,
  expectedVersion: number,
  events: ReadonlyArray<unknown>
): Result.Result<ReadonlyArray<EncodedRow>, InvalidEvent> => {
  const invalid = checkAppendArguments(caseId, expectedVersion, events)
  if (invalid !== undefined) return Result.fail(invalid)
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
 * @example
 * ```ts
 * import { decodeStored } from "@homeward/core/adapter"
 *
 * const r = decodeStored("case-1", 2, "{not json")
 * if (r._tag === "Failure") r.failure.version // 2
 * ```
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
 * Decode a row or throw its {@link CorruptEvent} (for adapters'
 * Promise API, whose reads reject with it).
 *
 * @example
 * ```ts
 * import { decodeStoredOrThrow } from "@homeward/core/adapter"
 *
 * try {
 *   decodeStoredOrThrow("case-1", 1, "{}")
 * } catch (e) {
 *   // a CorruptEvent naming case-1, version 1
 * }
 * ```
 *
 * @since 0.1.0
 */
export const decodeStoredOrThrow = (caseId: string, version: number, stored: unknown): CaseEvent => {
  const r = decodeStored(caseId, version, stored)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

/**
 * Check that a case's stored versions run 1, 2, 3 … without gaps: throws a
 * {@link CorruptEvent} when the row read at position `expected`
 * carries version `actual`.
 *
 * @example
 * ```ts
 * import { checkContiguous } from "@homeward/core/adapter"
 *
 * checkContiguous("case-1", 1, 1) // fine
 * // checkContiguous("case-1", 2, 3) throws CorruptEvent: versions skip from 1 to 3
 * ```
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
 * The error an adapter's operation rejects with: the port's own errors
 * ({@link CorruptEvent}, {@link StoreError}) pass
 * through, anything else (a driver error, a lost connection, a timeout)
 * becomes a {@link StoreError} naming the operation.
 *
 * @example
 * ```ts
 * import { toStoreError } from "@homeward/core/adapter"
 *
 * toStoreError("read", new Error("Connection terminated unexpectedly")).message
 * // "Event store read failed: Connection terminated unexpectedly"
 * ```
 *
 * @since 0.2.0
 */
export const toStoreError = (operation: string, cause: unknown): CorruptEvent | StoreError =>
  cause instanceof CorruptEvent || cause instanceof StoreError ? cause : new StoreError({ operation, cause })

/**
 * Test hook of the in-memory reference store (`EventStore.makeMemoryStore`):
 * overwrite the stored text of one event, bypassing validation, to simulate a
 * database altered outside the store. Throws a `RangeError` for another kind
 * of store or an event that does not exist.
 *
 * @example
 * ```ts
 * import { EventStore } from "@homeward/core"
 * import { corruptMemoryEvent } from "@homeward/core/adapter"
 *
 * const store = EventStore.makeMemoryStore()
 * // after appending two events to case-1:
 * // corruptMemoryEvent(store, "case-1", 2, "{not json") — reading case-1 now rejects with CorruptEvent
 * ```
 *
 * @since 0.2.0
 */
export const corruptMemoryEvent = (store: object, caseId: string, version: number, raw: string): void => {
  const hook = memoryHooks.get(store)
  if (hook === undefined) throw new RangeError("not an in-memory store made by EventStore.makeMemoryStore")
  hook(caseId, version, raw)
}
