/**
 * Labelled scenario parameters: every number a simulation rests on says
 * where it comes from, either a `source` (document, year, section) or an
 * `assumption` (plain words: why this value), and may carry a `range`, a
 * distribution of the value itself that expresses how uncertain it is.
 *
 * A parameter is written either as a plain value (`0.85`, accepted but
 * reported as *unlabelled*) or as `{ value, range?, source?, assumption? }`.
 * `assumption` present means the value is an assumption, even when a
 * `source` is given as its basis; `source` alone means the value is the
 * source's. Runs sample uncertain parameters from their `range`
 * (see {@link Scenario.Sampling}); `value` is the central value, used when
 * ranges are ignored (`sampling.mode: "central"`) and as the baseline of
 * sensitivity and calibration.
 *
 * @since 0.2.0
 */
import { Common, PolicyProfile } from "@homeward/core"
import { Schema } from "effect"
import { Distribution } from "./Distribution.js"

const labelFields = {
  /** The document the value comes from (or, with `assumption`, its basis). */
  source: Schema.optionalKey(PolicyProfile.Citation),
  /** Why this value was assumed, in plain words; present means the value is an assumption. */
  assumption: Schema.optionalKey(Common.Text)
}

/**
 * A number, plain (unlabelled) or labelled, optionally with a `range`.
 *
 * @example
 * ```ts
 * import type { Parameter } from "@homeward/simulate"
 *
 * const positive: Parameter.Quantity = {
 *   value: 0.85,
 *   range: { kind: "uniform", min: 0.75, max: 0.95 },
 *   assumption: "No programme data on how often a contact goes well."
 * }
 * ```
 *
 * @since 0.2.0
 */
export const Quantity = Schema.Union([
  Schema.Finite,
  Schema.Struct({
    value: Schema.Finite,
    /** Uncertainty about the value: a distribution sampled once per parameter draw. */
    range: Schema.optionalKey(Distribution),
    ...labelFields
  }).annotate({ identifier: "LabelledQuantity" })
]).annotate({ identifier: "Quantity" })

/**
 * A number, plain (unlabelled) or labelled, optionally with a `range` (the type of the `Quantity` Schema).
 *
 * @since 0.2.0
 */
export type Quantity = typeof Quantity.Type

/**
 * A value of schema `S`, plain (unlabelled) or labelled (`{ value, source?, assumption? }`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Parameter } from "@homeward/simulate"
 *
 * const Share = Parameter.Labelled(Schema.Number)
 * Schema.is(Share)(0.78) // true: plain
 * Schema.is(Share)({ value: 0.78, assumption: "programme staff estimate" }) // true: labelled
 * ```
 *
 * @since 0.2.0
 */
export const Labelled = <S extends Schema.Top>(value: S) =>
  Schema.Union([value, Schema.Struct({ value, ...labelFields })])

/**
 * A labelled value (decoded).
 *
 * @since 0.2.0
 */
export type Labelled<A> =
  | A
  | {
      readonly value: A
      readonly source?: PolicyProfile.Citation
      readonly assumption?: string
    }

/**
 * A per-child distribution (ages, durations), plain or labelled.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Parameter } from "@homeward/simulate"
 *
 * Schema.is(Parameter.LabelledDistribution)({ kind: "uniform", min: 6, max: 17 }) // true
 * Schema.is(Parameter.LabelledDistribution)({ value: { kind: "fixed", value: 30 }, assumption: "one month" }) // true
 * ```
 *
 * @since 0.2.0
 */
export const LabelledDistribution = Labelled(Distribution)

/**
 * A per-child distribution, plain or labelled (the type of the
 * `LabelledDistribution` Schema).
 *
 * @since 0.2.0
 */
export type LabelledDistribution = Labelled<Distribution>

/** The labelled form: an object with `value` (a `fixed` distribution also has `value`, but has `kind`). */
const isLabelledObject = (x: unknown): x is { readonly value: unknown } =>
  typeof x === "object" && x !== null && !(x instanceof Date) && "value" in x && !("kind" in x)

/**
 * The central value of a parameter.
 *
 * @example
 * ```ts
 * import { Parameter } from "@homeward/simulate"
 *
 * Parameter.centralOf({ value: 0.78, assumption: "…" }) // 0.78
 * Parameter.centralOf(0.78) // 0.78
 * ```
 *
 * @since 0.2.0
 */
export function centralOf(p: LabelledDistribution): Distribution
export function centralOf<A>(p: Labelled<A>): A
export function centralOf(p: unknown): unknown {
  return isLabelledObject(p) ? p.value : p
}

/**
 * The uncertainty range of a parameter, if it has one.
 *
 * @example
 * ```ts
 * import { Parameter } from "@homeward/simulate"
 *
 * Parameter.rangeOf({ value: 0.78, range: { kind: "uniform", min: 0.6, max: 0.9 }, assumption: "…" }) // the uniform range
 * Parameter.rangeOf(0.78) // undefined
 * ```
 *
 * @since 0.2.0
 */
export const rangeOf = (p: Quantity): Distribution | undefined =>
  typeof p === "number" ? undefined : "range" in p ? p.range : undefined

/**
 * Where a value comes from: `source` (the document's figure), `assumption`
 * (assumed, possibly with a source as its basis), `policy` (a policy profile
 * parameter, cited there) or `unlabelled`.
 *
 * @since 0.2.0
 */
export type LabelKind = "source" | "assumption" | "policy" | "unlabelled"

/**
 * The label of a value.
 *
 * @since 0.2.0
 */
export interface Label {
  readonly kind: LabelKind
  readonly source?: PolicyProfile.Citation
  readonly assumption?: string
  /** For `policy`: the parameter's status in the profile (`law` … `default-not-law`). */
  readonly status?: PolicyProfile.ParameterStatus
}

/**
 * The label of a parameter written in a scenario.
 *
 * @example
 * ```ts
 * import { Parameter } from "@homeward/simulate"
 *
 * Parameter.labelOf({ value: 0.78, assumption: "programme staff estimate" }).kind // "assumption"
 * Parameter.labelOf(0.78).kind // "unlabelled"
 * ```
 *
 * @since 0.2.0
 */
export const labelOf = (p: unknown): Label => {
  if (typeof p !== "object" || p === null || p instanceof Date) return { kind: "unlabelled" }
  const o = p as { readonly source?: PolicyProfile.Citation; readonly assumption?: string }
  if (o.assumption !== undefined)
    return { kind: "assumption", assumption: o.assumption, ...(o.source === undefined ? {} : { source: o.source }) }
  if (o.source !== undefined) return { kind: "source", source: o.source }
  return { kind: "unlabelled" }
}

/**
 * Whether a value is written in the labelled form (`{ value, … }`) but with
 * neither `source` nor `assumption` (refused by `Scenario.decodeScenario`).
 *
 * @example
 * ```ts
 * import { Parameter } from "@homeward/simulate"
 *
 * Parameter.missingLabel({ value: 0.78 }) // true: labelled form without source or assumption
 * Parameter.missingLabel(0.78) // false
 * ```
 *
 * @since 0.2.0
 */
export const missingLabel = (p: unknown): boolean =>
  isLabelledObject(p) &&
  (p as { source?: unknown }).source === undefined &&
  (p as { assumption?: unknown }).assumption === undefined

/**
 * One parameter as reported in every output: its path in the scenario, the
 * central value in words, the range if any, and its label.
 *
 * @since 0.2.0
 */
export interface Report {
  /** Path in the scenario (`outcomes.contactPositive`), or `policy.<group>.<key>` for profile values. */
  readonly path: string
  /** The central value in plain text (`0.85`, `triangular 3–12–18 years`, `2017-08-01`). */
  readonly value: string
  /** The uncertainty range in plain text (`uniform 0.75–0.95`), when the parameter has one. */
  readonly range?: string
  readonly label: Label
}

const num = (x: number): string => (Number.isInteger(x) ? String(x) : String(Math.round(x * 10_000) / 10_000))

/**
 * A distribution in plain text.
 *
 * @example
 * ```ts
 * import { Parameter } from "@homeward/simulate"
 *
 * Parameter.describe({ kind: "triangular", min: 0, mode: 11, max: 18 }) // "triangular 0–11–18"
 * ```
 *
 * @since 0.2.0
 */
export const describe = (d: Distribution): string => {
  switch (d.kind) {
    case "fixed":
      return num(d.value)
    case "uniform":
      return `uniform ${num(d.min)}–${num(d.max)}`
    case "triangular":
      return `triangular ${num(d.min)}–${num(d.mode)}–${num(d.max)}`
    case "lognormal":
      return `log-normal median ${num(d.median)}, P90 ${num(d.p90)}`
  }
}

/**
 * A citation in short plain text (`UNICEF Cambodia, … (2017), section`).
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Parameter } from "@homeward/simulate"
 *
 * Parameter.citeShort(Profiles.azizasPlace.parameters.monitoring.durationMonths.source) // "Document (year), section"
 * ```
 *
 * @since 0.2.0
 */
export const citeShort = (c: PolicyProfile.Citation): string =>
  `${c.document} (${c.year})${c.section === undefined ? "" : `, ${c.section}`}`

/**
 * A label in one line of plain text, for CSV comments, SVG footnotes and the CLI.
 *
 * @example
 * ```ts
 * import { Parameter } from "@homeward/simulate"
 *
 * Parameter.describeLabel(Parameter.labelOf({ value: 0.78, assumption: "programme staff estimate" }))
 * ```
 *
 * @since 0.2.0
 */
export const describeLabel = (l: Label): string => {
  switch (l.kind) {
    case "source":
      return `source: ${citeShort(l.source!)}`
    case "assumption":
      return `assumption: ${l.assumption}${l.source === undefined ? "" : ` (basis: ${citeShort(l.source)})`}`
    case "policy":
      return `policy profile (${l.status ?? "cited"}): ${l.source === undefined ? "" : citeShort(l.source)}${
        l.assumption === undefined ? "" : `; ${l.assumption}`
      }`
    case "unlabelled":
      return "unlabelled: no source or assumption given"
  }
}

/**
 * The smallest and largest values a distribution can produce (log-normal: `[0, ∞)`).
 *
 * @example
 * ```ts
 * import { Parameter } from "@homeward/simulate"
 *
 * Parameter.support({ kind: "uniform", min: 6, max: 17 }) // [6, 17]
 * Parameter.support({ kind: "lognormal", median: 45, p90: 120 }) // [0, Infinity]
 * ```
 *
 * @since 0.2.0
 */
export const support = (d: Distribution): readonly [number, number] => {
  switch (d.kind) {
    case "fixed":
      return [d.value, d.value]
    case "uniform":
      return [d.min, d.max]
    case "triangular":
      return [d.min, d.max]
    case "lognormal":
      return [0, Number.POSITIVE_INFINITY]
  }
}

/**
 * The `q`-quantile of a distribution (used by sensitivity analysis).
 *
 * @example
 * ```ts
 * import { Parameter } from "@homeward/simulate"
 *
 * Parameter.quantile({ kind: "uniform", min: 0, max: 100 }, 0.1) // 10
 * ```
 *
 * @since 0.2.0
 */
export const quantile = (d: Distribution, q: number): number => {
  switch (d.kind) {
    case "fixed":
      return d.value
    case "uniform":
      return d.min + (d.max - d.min) * q
    case "triangular": {
      const { min: a, mode: m, max: b } = d
      if (b === a) return a
      const f = (m - a) / (b - a)
      return q < f ? a + Math.sqrt(q * (b - a) * (m - a)) : b - Math.sqrt((1 - q) * (b - a) * (b - m))
    }
    case "lognormal": {
      const sigma = Math.log(d.p90 / d.median) / 1.2815515655446004
      return d.median * Math.exp(sigma * normalQuantile(q))
    }
  }
}

/** Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9). */
const normalQuantile = (p: number): number => {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239
  ]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783
  ]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const lo = 0.02425
  if (p <= 0) return Number.NEGATIVE_INFINITY
  if (p >= 1) return Number.POSITIVE_INFINITY
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    )
  }
  if (p > 1 - lo) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  )
}
