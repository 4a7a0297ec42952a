/**
 * Distributions for durations (in days) and ages (in years): `fixed`,
 * `uniform`, `triangular` and `lognormal` (given by its median and 90th
 * percentile, the two figures practitioners can usually estimate). Each is a
 * Schema, so scenarios load from JSON with clear errors, and compiles to a
 * small numeric form the simulation kernel samples without allocating.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as internal from "./internal/sample.js"
import type { Rng } from "./Random.js"

const NonNeg = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))
const Pos = Schema.Finite.check(Schema.isGreaterThan(0))

/**
 * Always the same value.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Distribution } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Distribution.Fixed, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Fixed = Schema.Struct({ kind: Schema.Literal("fixed"), value: NonNeg }).annotate({
  identifier: "FixedDistribution"
})

/**
 * Uniform between `min` and `max`.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Distribution } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Distribution.Uniform, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Uniform = Schema.Struct({ kind: Schema.Literal("uniform"), min: NonNeg, max: NonNeg })
  .check(Schema.makeFilter((d) => d.min <= d.max || "min must not exceed max"))
  .annotate({ identifier: "UniformDistribution" })

/**
 * Triangular with `min`, most likely value `mode`, and `max`.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Distribution } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Distribution.Triangular, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Triangular = Schema.Struct({
  kind: Schema.Literal("triangular"),
  min: NonNeg,
  mode: NonNeg,
  max: NonNeg
})
  .check(Schema.makeFilter((d) => (d.min <= d.mode && d.mode <= d.max) || "expected min ≤ mode ≤ max"))
  .annotate({ identifier: "TriangularDistribution" })

/**
 * Log-normal given by its median and 90th percentile (`p90 > median`).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Distribution } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Distribution.LogNormal, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const LogNormal = Schema.Struct({ kind: Schema.Literal("lognormal"), median: Pos, p90: Pos })
  .check(Schema.makeFilter((d) => d.p90 > d.median || "p90 must be greater than the median"))
  .annotate({ identifier: "LogNormalDistribution" })

/**
 * Any distribution.
 *
 * @example
 * ```ts
 * import { Distribution } from "@homeward/simulate"
 *
 * const tracing: Distribution.Distribution = { kind: "lognormal", median: 45, p90: 120 }
 * ```
 *
 * @since 0.1.0
 */
export const Distribution = Schema.Union([Fixed, Uniform, Triangular, LogNormal]).annotate({
  identifier: "Distribution"
})

/**
 * Any distribution (the type of the `Distribution` Schema).
 *
 * @since 0.1.0
 */
export type Distribution = typeof Distribution.Type

/** z of the 90th percentile of the standard normal. */
const Z90 = 1.2815515655446004

/**
 * A distribution compiled to numbers: `[kind, a, b, c]` with kind 0 fixed,
 * 1 uniform, 2 triangular, 3 log-normal (a = mu, b = sigma).
 *
 * @since 0.1.0
 */
export type Compiled = internal.Compiled

/**
 * Compile a distribution for the kernel.
 *
 * @example
 * ```ts
 * import { Distribution, Random } from "@homeward/simulate"
 *
 * const tracing = Distribution.compile({ kind: "lognormal", median: 45, p90: 120 })
 * Distribution.sample(tracing, new Random.Rng(42)) // days of family tracing for one child
 * ```
 *
 * @since 0.1.0
 */
export const compile = (d: Distribution): Compiled => {
  switch (d.kind) {
    case "fixed":
      return [0, d.value, 0, 0]
    case "uniform":
      return [1, d.min, d.max, 0]
    case "triangular":
      return [2, d.min, d.mode, d.max]
    case "lognormal":
      return [3, Math.log(d.median), Math.log(d.p90 / d.median) / Z90, 0]
  }
}

/**
 * Draw one value from a compiled distribution.
 *
 * @example
 * ```ts
 * import { Distribution, Random } from "@homeward/simulate"
 *
 * const rng = new Random.Rng(7)
 * const age = Distribution.compile({ kind: "uniform", min: 6, max: 17 })
 * Array.from({ length: 3 }, () => Distribution.sample(age, rng)) // three ages between 6 and 17
 * ```
 *
 * @since 0.1.0
 */
export const sample: (c: Compiled, rng: Rng) => number = internal.sample

/**
 * The smallest value a distribution can produce (used to check the fastest
 * path a scenario allows).
 *
 * @example
 * ```ts
 * import { Distribution } from "@homeward/simulate"
 *
 * Distribution.minimum({ kind: "triangular", min: 14, mode: 30, max: 90 }) // 14
 * ```
 *
 * @since 0.1.0
 */
export const minimum = (d: Distribution): number => {
  switch (d.kind) {
    case "fixed":
      return d.value
    case "uniform":
    case "triangular":
      return d.min
    case "lognormal":
      return 0
  }
}
