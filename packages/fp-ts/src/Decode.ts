/**
 * Decoders for fp-ts code: every Homeward Schema as a function from `unknown`
 * to `Either<ReadonlyArray<ValidationIssue>, A>`. Never throws; issues name
 * path, rule and row and never echo the rejected value.
 *
 * @since 0.1.0
 */
import { Registry, Validation } from "@homeward/core"
import type { Schema } from "effect"
import { Result } from "effect"
import * as E from "fp-ts/lib/Either.js"

/**
 * A decode failure: every issue found.
 *
 * @since 0.1.0
 */
export type DecodeError = ReadonlyArray<Validation.ValidationIssue>

/**
 * Turn an effect `Result` into an fp-ts `Either`.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import * as E from "fp-ts/lib/Either.js"
 * import { Decode } from "@homeward/fp-ts"
 *
 * E.isRight(Decode.fromResult(Result.succeed(42))) // true
 * ```
 *
 * @since 0.1.0
 */
export const fromResult = <A, E>(r: Result.Result<A, E>): E.Either<E, A> =>
  Result.isSuccess(r) ? E.right(r.success) : E.left(r.failure)

/**
 * A decoder for any Homeward Schema.
 *
 * @example
 * ```ts
 * import { Child } from "@homeward/core"
 * import { Decode } from "@homeward/fp-ts"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * const decodeChild = Decode.decoder(Child.Child)
 * E.isLeft(decodeChild({ id: "not an id" })) // true
 * ```
 *
 * @since 0.1.0
 */
export const decoder =
  <S extends Schema.Decoder<unknown>>(schema: S, options?: Validation.DecodeOptions) =>
  (input: unknown): E.Either<DecodeError, S["Type"]> =>
    fromResult(Validation.decodeUnknown(schema, input, options))

/**
 * A decoder for a record type by name (`"child"`, `"case-event"`, …).
 *
 * @example
 * ```ts
 * import * as E from "fp-ts/lib/Either.js"
 * import { Decode } from "@homeward/fp-ts"
 *
 * const decodeChild = Decode.decoderFor("child")
 * E.isLeft(decodeChild({ id: "CH-1" })) // true: birth, sex and school are missing
 * ```
 *
 * @since 0.1.0
 */
export const decoderFor = <T extends Registry.RecordType>(type: T) => decoder(Registry.records[type])
