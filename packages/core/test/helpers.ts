/**
 * Shared test helpers: schema round-trip runner on effect's own arbitraries,
 * and law helpers for rule properties.
 */
import { Arbitrary, Effect, Schema } from "effect"
import { expect } from "vitest"

/** Run an effect Arbitrary property and fail the test with effect's diagnostic when it is falsified. */
export const checkSchemaProperty = async <A>(
  arb: Arbitrary.Arbitrary<A>,
  property: (a: A) => boolean,
  runs = 100
): Promise<void> => {
  const result = await Effect.runPromise(Arbitrary.checkEffect(arb, property, { runs, seed: 42 }))
  const failure = Arbitrary.formatCheckFailure(result)
  expect(failure, failure).toBeUndefined()
}

/** decode(encode(x)) equals x for generated values of a schema. */
export const assertRoundTrip = async <S extends Schema.Codec<unknown, unknown>>(schema: S, runs = 100) => {
  const equivalent = Schema.toEquivalence(Schema.toType(schema) as unknown as Schema.Schema<S["Type"]>)
  const encode = Schema.encodeSync(schema as never) as unknown as (a: S["Type"]) => unknown
  const decode = Schema.decodeUnknownSync(schema as never) as (u: unknown) => S["Type"]
  await checkSchemaProperty(
    Arbitrary.schema(Schema.toType(schema) as unknown as Schema.Schema<S["Type"]>),
    (value) => {
      const json = JSON.parse(JSON.stringify(encode(value)))
      return equivalent(decode(json), value)
    },
    runs
  )
}

/** Same input, same output. */
export const assertDeterministic = <A, B>(f: (a: A) => B, a: A): void => {
  expect(JSON.stringify(f(a))).toEqual(JSON.stringify(f(a)))
}

/** `f` is monotone non-decreasing along `le`. */
export const assertMonotone = (xs: ReadonlyArray<number>): void => {
  for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!)
}

/** `f` is monotone non-increasing. */
export const assertNonIncreasing = (xs: ReadonlyArray<number>): void => {
  for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeLessThanOrEqual(xs[i - 1]!)
}

/**
 * Test oracle for calendar-month arithmetic, written independently of the
 * library: the same day of the month `n` months later, or the last day of
 * that month when it is shorter (31 January + 1 month = 28/29 February).
 */
export const plusMonths = (d: Date, n: number): Date => {
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + n
  const y = Math.floor(total / 12)
  const m = total - y * 12
  const daysInMonth = [
    31,
    (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31
  ][m]!
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), daysInMonth)))
}
