/**
 * The event store's typed errors. They live here so that the port
 * (`EventStore`) and the adapter toolkit (`Adapter`) can both use them without
 * importing each other; `EventStore` re-exports them.
 */
import * as Data from "effect/Data"
import type { ValidationIssue } from "../Validation.js"

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
