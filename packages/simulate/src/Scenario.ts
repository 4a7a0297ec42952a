/**
 * A simulation scenario: the cohort of children in care at the start (and
 * cases already in progress or already returned), the social workers, the
 * policy profile, how long each phase takes and how often a step goes well,
 * the risk of breakdown after reunification, the start date, the horizon,
 * the target and how runs sample uncertain parameters. Every parameter can
 * be labelled with its `source` or as an `assumption`, and numbers can carry
 * a `range` (see {@link Parameter}). An effect Schema, loadable from JSON
 * with {@link decodeScenario}; errors name the field and never echo values
 * (core `Validation.decodeUnknown`).
 *
 * @since 0.1.0
 */
import { Common, PolicyProfile, Profiles, Validation } from "@homeward/core"
import { Effect, Result, Schema } from "effect"
import * as P from "./internal/params.js"
import { centralOf, Labelled, LabelledDistribution, missingLabel, Quantity, rangeOf, support } from "./Parameter.js"

const Share = Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 }))
const PosInt = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))
const NonNegInt = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

const labelFields = {
  source: Schema.optionalKey(PolicyProfile.Citation),
  assumption: Schema.optionalKey(Common.Text)
}

/**
 * Cases already open at the start, by phase: they start their phase on the
 * start date (no credit for time already spent in it) and hold a worker's
 * caseload slot first. They are among the cohort's `children`.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.InProgress, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.2.0
 */
export const InProgress = Schema.Struct({
  intake: Schema.optionalKey(NonNegInt),
  assessment: Schema.optionalKey(NonNegInt),
  preparation: Schema.optionalKey(NonNegInt),
  "gradual-contact": Schema.optionalKey(NonNegInt),
  ...labelFields
}).annotate({ identifier: "InProgress" })

/**
 * Children reunified before the start and still under monitoring: `count`,
 * reunified evenly between `from` and the start date (default: the year
 * before the start). They hold a caseload slot until their monitoring ends,
 * may break down and re-enter, and are not part of the cohort whose share
 * is measured against the target.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Scenario } from "@homeward/simulate"
 *
 * Schema.is(Scenario.AlreadyReturned)(12) // true
 * Schema.is(Scenario.AlreadyReturned)({ count: 12, assumption: "returned in 2016, still monitored" }) // true
 * ```
 *
 * @since 0.2.0
 */
export const AlreadyReturned = Schema.Union([
  NonNegInt,
  Schema.Struct({ count: NonNegInt, from: Schema.optionalKey(Common.IsoDate), ...labelFields })
]).annotate({ identifier: "AlreadyReturned" })

/**
 * The children in care at the start.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.Cohort, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Cohort = Schema.Struct({
  /** Number of children in residential care at the start date (the target's denominator). */
  children: Labelled(PosInt),
  /** Age in years at the start date; every age the distribution can produce must be below the profile's adult age. */
  ageYears: LabelledDistribution,
  /** Share of children with a family that can be traced. */
  traceableFamilyShare: Quantity,
  /** Share of children (not admitted for poverty alone) with risk factors (abuse, neglect, exploitation...). */
  riskFactorShare: Quantity,
  /** Share of children admitted for poverty alone (UN Guidelines ¶15); they carry no risk factors. */
  povertyOnlyShare: Quantity,
  /** Cases already open at the start, by phase (among `children`). */
  inProgress: Schema.optionalKey(InProgress),
  /** Children reunified before the start, still under monitoring (not among `children`). */
  alreadyReturned: Schema.optionalKey(AlreadyReturned)
}).annotate({ identifier: "Cohort" })

/**
 * Residential care institutions (informative: capacity is reported, not enforced).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.Institutions, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Institutions = Schema.Struct({
  count: Labelled(PosInt),
  capacity: Schema.optionalKey(Labelled(PosInt))
}).annotate({ identifier: "Institutions" })

/**
 * Social workers working on reintegration. The visit model: a case in
 * gradual contact gets one contact every `durations.contactIntervalDays`
 * (or every `7 / visitsPerWeek` days when a worker cannot visit that often);
 * a worker keeps at most `min(caseloadCap, ⌊visitsPerWeek × interval / 7⌋)`
 * cases open (at least one), so that every open case can be visited at that
 * pace. Pacing therefore never depends on the number of workers or the cap.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.SocialWorkers, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const SocialWorkers = Schema.Struct({
  count: Labelled(PosInt),
  /** Maximum open cases per worker; default: the profile's `programme.maxCaseload`. */
  caseloadCap: Schema.optionalKey(Labelled(PosInt)),
  /** Home visits (contacts and monitoring visits) one worker can make per week. */
  visitsPerWeek: Quantity,
  /** Share of the workers' time available for these cases (0–1, default 1): an effective-capacity factor. */
  availability: Schema.optionalKey(Quantity)
}).annotate({ identifier: "SocialWorkers" })

/**
 * How long each phase takes, in days, beyond what the policy requires.
 * The time actually spent in a contact step is the longest of: the policy's
 * minimum dwell, the sampled duration, and the time the worker needs to make
 * the contacts the step requires at the visit pace.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.Durations, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Durations = Schema.Struct({
  intake: LabelledDistribution,
  /** Child assessment and family tracing. */
  assessment: LabelledDistribution,
  /** Preparation of child and family. */
  preparation: LabelledDistribution,
  /** Default for each gradual-contact step. */
  contactStep: LabelledDistribution,
  /** Per-step overrides, keyed by the profile's step id. */
  contactSteps: Schema.optionalKey(Schema.Record(Schema.String, LabelledDistribution)),
  /** Multiplier of every sampled duration above (default 1); give it a `range` to express uncertainty about durations. */
  scale: Schema.optionalKey(Quantity),
  /** Days between two contacts of one case in gradual contact (default 7: one contact a week). */
  contactIntervalDays: Schema.optionalKey(Quantity)
}).annotate({ identifier: "Durations" })

/**
 * How often steps go well.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.Outcomes, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Outcomes = Schema.Struct({
  /** Probability that one contact in gradual contact is positive. */
  contactPositive: Quantity,
  /** Probability that a child with risk factors is found not eligible for family reintegration (goes to other care). */
  riskIneligible: Quantity,
  /** Probability the closure assessment passes when monitoring ends. */
  closurePass: Quantity,
  /** Days of extra monitoring before the closure is assessed again. */
  closureRetryDays: Quantity
}).annotate({ identifier: "Outcomes" })

/**
 * Breakdown after reunification: `probability` of returning to care within
 * `withinMonths` (a constant monthly hazard), times `riskMultiplier` for
 * children with risk factors.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.Breakdown, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Breakdown = Schema.Struct({
  probability: Quantity,
  withinMonths: Labelled(PosInt),
  riskMultiplier: Quantity,
  /** Whether a child who returns to care re-enters the pathway (from assessment). */
  readmit: Labelled(Schema.Boolean)
}).annotate({ identifier: "Breakdown" })

/**
 * Family support bought with a budget (an optional lever, every figure an
 * assumption unless a source gives it): `budget` (total over the horizon)
 * buys `⌊budget / costPerFamily⌋` support packages, given to families in the
 * order their child reaches the end of preparation. For a supported family,
 * a child with risk factors is found not eligible with probability
 * `riskIneligible × ineligibleMultiplier` (support addresses the housing and
 * livelihood conditions of eligibility) and breaks down at the hazard times
 * `breakdownMultiplier`.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.FamilySupport, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.2.0
 */
export const FamilySupport = Schema.Struct({
  budget: Quantity,
  costPerFamily: Quantity,
  ineligibleMultiplier: Quantity,
  breakdownMultiplier: Quantity,
  /** Currency of `budget` and `costPerFamily`, for reports (e.g. `USD`). */
  currency: Schema.optionalKey(Common.Text)
}).annotate({ identifier: "FamilySupport" })

/**
 * The target as the source states it: a `share` of the cohort and, when the
 * source gives one, the `count` itself (the Siem Reap plan's 644). The
 * target is reached when at least `count` children of the cohort are home
 * on the deadline; without a `count`, `share × children` rounded up (30% of
 * 2,147 = 644.1 → 645).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.Target, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Target = Schema.Struct({
  share: Share,
  count: Schema.optionalKey(PosInt),
  deadline: Common.IsoDate,
  ...labelFields
}).annotate({ identifier: "Target" })

/**
 * How runs sample the parameters that have a `range`:
 * - `joint` (default): every run draws its own parameter values, so the
 *   spread across runs is the total uncertainty (parameters and chance);
 * - `nested`: `innerRuns` runs share each draw, which also splits the
 *   variance of each headline figure into its parameter and chance parts;
 * - `central`: ranges are ignored (chance only, at the central values).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.Sampling, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.2.0
 */
export const Sampling = Schema.Struct({
  mode: Schema.Literals(["joint", "nested", "central"]),
  /** Runs per parameter draw in `nested` mode (default 10). */
  innerRuns: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 2, maximum: 100_000 })))
}).annotate({ identifier: "Sampling" })

/**
 * An observed outcome of the programme's history, for calibration: `count`
 * children of the cohort reunified with their families (first
 * reunifications) between `from` and `to` (both inclusive, within the
 * horizon), with its source.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.Observation, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.2.0
 */
export const Observation = Schema.Struct({
  measure: Schema.Literal("reunified"),
  from: Common.IsoDate,
  to: Common.IsoDate,
  count: NonNegInt,
  ...labelFields
}).annotate({ identifier: "Observation" })

/**
 * A policy: a built-in profile id or an inline profile.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Profiles } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * Schema.is(Scenario.Policy)("unicef-siem-reap-2017") // true: a built-in profile id
 * Schema.is(Scenario.Policy)(Profiles.azizasPlace) // true: an inline profile
 * ```
 *
 * @since 0.1.0
 */
export const Policy = Schema.Union([Schema.String, PolicyProfile.PolicyProfile])

/**
 * A simulation scenario.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Validation } from "@homeward/core"
 * import { Scenario } from "@homeward/simulate"
 *
 * const r = Validation.decodeUnknown(Scenario.Scenario, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Scenario = Schema.Struct({
  id: Common.Id,
  title: Common.Text,
  description: Schema.optionalKey(Common.Text),
  citations: Schema.optionalKey(Schema.Array(PolicyProfile.Citation)),
  /** Assumptions the figures rest on, in plain words (each parameter also carries its own label). */
  assumptions: Schema.optionalKey(Schema.Array(Common.Text)),
  cohort: Cohort,
  institutions: Schema.optionalKey(Institutions),
  socialWorkers: SocialWorkers,
  policy: Policy,
  durations: Durations,
  outcomes: Outcomes,
  breakdown: Breakdown,
  familySupport: Schema.optionalKey(FamilySupport),
  startDate: Labelled(Common.IsoDate),
  horizonMonths: Labelled(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 600 }))),
  /** Default: the profile's `programme.targetShare` and `programme.targetDeadline`. */
  target: Schema.optionalKey(Target),
  sampling: Schema.optionalKey(Sampling),
  /** Observed outcomes of the history, for `Calibration.calibrate`. */
  observed: Schema.optionalKey(Schema.Array(Observation)),
  runs: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1_000_000 })),
  seed: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 4_294_967_295 }))
}).annotate({ identifier: "Scenario", title: "Simulation scenario" })

/**
 * A decoded scenario.
 *
 * @since 0.1.0
 */
export type Scenario = typeof Scenario.Type

/**
 * A scenario as JSON.
 *
 * @since 0.1.0
 */
export type ScenarioEncoded = typeof Scenario.Encoded

/**
 * The policy profile of a scenario.
 *
 * @example
 * ```ts
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const s = Scenarios.siemReap2017
 * Scenario.profileOf(s)?.id // the profile the scenario runs under
 * ```
 *
 * @since 0.1.0
 */
export const profileOf = (scenario: Scenario): PolicyProfile.PolicyProfile | undefined =>
  typeof scenario.policy === "string" ? Profiles.get(scenario.policy) : scenario.policy

/**
 * The start date of a scenario.
 *
 * @example
 * ```ts
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const s = Scenarios.siemReap2017
 * Scenario.startOf(s) // a Date
 * ```
 *
 * @since 0.2.0
 */
export const startOf = (scenario: Scenario): Date => centralOf(scenario.startDate)

/**
 * The horizon of a scenario, in months.
 *
 * @example
 * ```ts
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const s = Scenarios.siemReap2017
 * Scenario.horizonOf(s) // months
 * ```
 *
 * @since 0.2.0
 */
export const horizonOf = (scenario: Scenario): number => centralOf(scenario.horizonMonths)

/**
 * The number of children in the cohort.
 *
 * @example
 * ```ts
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const s = Scenarios.siemReap2017
 * Scenario.childrenOf(s) // children in the cohort
 * ```
 *
 * @since 0.2.0
 */
export const childrenOf = (scenario: Scenario): number => centralOf(scenario.cohort.children)

/**
 * The children already returned before the start: count and the first day of
 * their reunifications.
 *
 * @example
 * ```ts
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const s = Scenarios.siemReap2017
 * Scenario.alreadyReturnedOf(s) // { count, from }
 * ```
 *
 * @since 0.2.0
 */
export const alreadyReturnedOf = (scenario: Scenario): { readonly count: number; readonly from: Date } => {
  const a = scenario.cohort.alreadyReturned
  const start = startOf(scenario)
  const yearBefore = new Date(Date.UTC(start.getUTCFullYear() - 1, start.getUTCMonth(), start.getUTCDate()))
  if (a === undefined) return { count: 0, from: yearBefore }
  if (typeof a === "number") return { count: a, from: yearBefore }
  return { count: a.count, from: a.from ?? yearBefore }
}

/**
 * The number of cases in progress at the start, by phase.
 *
 * @example
 * ```ts
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const s = Scenarios.siemReap2017
 * Scenario.inProgressOf(s) // { intake, assessment, preparation, contact }
 * ```
 *
 * @since 0.2.0
 */
export const inProgressOf = (
  scenario: Scenario
): { readonly intake: number; readonly assessment: number; readonly preparation: number; readonly contact: number } => {
  const i = scenario.cohort.inProgress
  return {
    intake: i?.intake ?? 0,
    assessment: i?.assessment ?? 0,
    preparation: i?.preparation ?? 0,
    contact: i?.["gradual-contact"] ?? 0
  }
}

const issue = (path: ReadonlyArray<string>, rule: string, message: string): Validation.ValidationIssue => ({
  path,
  pathString: Validation.pathToString(path),
  rule,
  message
})

const getAt = (s: unknown, path: ReadonlyArray<string>): unknown =>
  path.reduce<unknown>(
    (o, k) => (o === null || typeof o !== "object" ? undefined : (o as Record<string, unknown>)[k]),
    s
  )

const fmt = (x: number) => (x === Number.POSITIVE_INFINITY ? "∞" : String(x))

/** Check a quantity's central value and range against its domain. */
const checkQuantity = (q: Quantity, spec: P.QuantitySpec, out: Array<Validation.ValidationIssue>): void => {
  const path = spec.path
  const inDomain = (x: number) =>
    (spec.minExclusive ? x > spec.min : x >= spec.min) && (spec.maxExclusive ? x < spec.max : x <= spec.max)
  const domain = `${spec.minExclusive ? "above" : "at least"} ${fmt(spec.min)} and ${spec.maxExclusive ? "below" : "at most"} ${fmt(spec.max)}`
  const v = centralOf(q)
  if (!inDomain(v)) out.push(issue(path, "simulate/parameter-domain", `must be ${domain} (${spec.unit})`))
  if (missingLabel(q))
    out.push(
      issue(path, "simulate/label", "a labelled value needs a source or an assumption (or write the bare value)")
    )
  const r = rangeOf(q)
  if (r === undefined) return
  const [lo, hi] = support(r)
  if (!inDomain(lo) || !inDomain(hi) || (r.kind === "lognormal" && spec.max !== Number.POSITIVE_INFINITY))
    out.push(
      issue(
        [...path, "range"],
        "simulate/range-domain",
        `every value the range can produce must be ${domain} (${spec.unit})${r.kind === "lognormal" ? "; a log-normal range is unbounded" : ""}`
      )
    )
  else if (v < lo || v > hi)
    out.push(issue([...path, "value"], "simulate/value-in-range", "the central value must lie within its range"))
}

/**
 * Decode a scenario from JSON (never throws). Errors name the field (e.g.
 * `cohort.traceableFamilyShare`), the rule and a plain message, and never
 * echo the value. Beyond the Schema, a scenario is refused when: a built-in
 * profile id is unknown (`policy`); a parameter or its range leaves its
 * domain (a share above 1, a negative duration multiplier …); the age
 * distribution can produce an age at or above the profile's adult age
 * (`cohort.ageYears`: ages are refused, never capped); a labelled value has
 * neither a source nor an assumption; cases in progress outnumber the cohort;
 * the target's count exceeds the cohort or its deadline falls outside the
 * horizon; children already returned were reunified after the start.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const r = Scenario.decodeScenario(Scenarios.encoded["siem-reap-2017"])
 * Result.isSuccess(r) // true
 * ```
 *
 * @since 0.1.0
 */
export const decodeScenario = (input: unknown): Result.Result<Scenario, ReadonlyArray<Validation.ValidationIssue>> => {
  const r = Validation.decodeUnknown(Scenario, input)
  if (Result.isFailure(r)) return r
  const s = r.success
  const profile = profileOf(s)
  if (profile === undefined)
    return Result.fail([
      issue(
        ["policy"],
        "simulate/known-profile",
        `unknown built-in policy profile; expected one of ${Object.keys(Profiles.builtIn).join(", ")} or an inline profile`
      )
    ])
  const out: Array<Validation.ValidationIssue> = []
  for (const spec of P.QUANTITIES) {
    const q = getAt(s, spec.path) as Quantity | undefined
    if (q !== undefined) checkQuantity(q, spec, out)
  }
  for (const path of P.LABELLED_PATHS) {
    if (missingLabel(getAt(s, path)))
      out.push(
        issue(path, "simulate/label", "a labelled value needs a source or an assumption (or write the bare value)")
      )
  }
  for (const [id, d] of Object.entries(s.durations.contactSteps ?? {})) {
    if (missingLabel(d))
      out.push(
        issue(
          ["durations", "contactSteps", id],
          "simulate/label",
          "a labelled value needs a source or an assumption (or write the bare value)"
        )
      )
  }
  const start = startOf(s)
  const horizon = horizonOf(s)
  const children = childrenOf(s)
  // Ages: refused, never capped.
  const adultAge = PolicyProfile.resolve(profile, start).values.eligibility.adultAge
  const age = centralOf(s.cohort.ageYears)
  const [ageLo, ageHi] = support(age)
  if (age.kind === "lognormal")
    out.push(
      issue(
        ["cohort", "ageYears"],
        "simulate/age-below-adult-age",
        "an age distribution must be bounded (fixed, uniform or triangular): a log-normal can produce any age"
      )
    )
  else if (!(ageLo < adultAge) || ageHi > adultAge)
    out.push(
      issue(
        ["cohort", "ageYears"],
        "simulate/age-below-adult-age",
        `every age the distribution can produce must be below the profile's adult age (${adultAge}); a child of that age is not in child care`
      )
    )
  const inProgress = inProgressOf(s)
  const inProgressTotal = inProgress.intake + inProgress.assessment + inProgress.preparation + inProgress.contact
  if (inProgressTotal > children)
    out.push(
      issue(
        ["cohort", "inProgress"],
        "simulate/in-progress-within-cohort",
        "cases in progress are among the cohort's children: their total must not exceed cohort.children"
      )
    )
  if (typeof s.cohort.alreadyReturned === "object") {
    const a = s.cohort.alreadyReturned
    if (a.source === undefined && a.assumption === undefined)
      out.push(issue(["cohort", "alreadyReturned"], "simulate/label", "give a source or an assumption"))
    if (a.from !== undefined && a.from.getTime() >= start.getTime())
      out.push(
        issue(
          ["cohort", "alreadyReturned", "from"],
          "simulate/returned-before-start",
          "children already returned were reunified before the start date"
        )
      )
  }
  if (s.cohort.inProgress !== undefined && inProgressTotal > 0) {
    const i = s.cohort.inProgress
    if (i.source === undefined && i.assumption === undefined)
      out.push(issue(["cohort", "inProgress"], "simulate/label", "give a source or an assumption"))
  }
  if (s.target !== undefined) {
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + horizon, start.getUTCDate()))
    if (s.target.deadline.getTime() < start.getTime() || s.target.deadline.getTime() > end.getTime())
      out.push(
        issue(
          ["target", "deadline"],
          "simulate/deadline-within-horizon",
          "the target deadline must fall between the start date and the end of the horizon"
        )
      )
    if (s.target.count !== undefined && s.target.count > children)
      out.push(
        issue(["target", "count"], "simulate/target-within-cohort", "the target count must not exceed cohort.children")
      )
  }
  const horizonEnd = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + horizon, start.getUTCDate()))
  for (const [i, o] of (s.observed ?? []).entries()) {
    if (
      o.from.getTime() < start.getTime() ||
      o.to.getTime() > horizonEnd.getTime() ||
      o.from.getTime() > o.to.getTime()
    )
      out.push(
        issue(
          ["observed", String(i)],
          "simulate/observation-within-horizon",
          "an observation's window (from ≤ to) must lie between the start date and the end of the horizon"
        )
      )
    if (o.source === undefined && o.assumption === undefined)
      out.push(issue(["observed", String(i)], "simulate/label", "give the observation's source"))
  }
  return out.length === 0 ? r : Result.fail(out)
}

/**
 * Decode a scenario, throwing an `Error` whose message lists every issue
 * (path, rule, message; never the rejected value). For plain TypeScript users.
 *
 * @example
 * ```ts
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const s = Scenario.decodeScenarioOrThrow(Scenarios.siemReap2017Encoded)
 * try {
 *   Scenario.decodeScenarioOrThrow({ id: "x" })
 * } catch (e) {
 *   console.log((e as Error).message) // every invalid field, by path
 * }
 * ```
 *
 * @since 0.1.0
 */
export const decodeScenarioOrThrow = (input: unknown): Scenario => {
  const r = decodeScenario(input)
  if (Result.isSuccess(r)) return r.success
  throw new Error(`invalid scenario: ${r.failure.map((i) => `${i.pathString}: ${i.message} [${i.rule}]`).join("; ")}`)
}

/**
 * Effect variant of {@link decodeScenario}: fails with the core
 * `Validation.ValidationError` listing every issue.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const s = Effect.runSync(Scenario.decodeScenarioEffect(Scenarios.siemReap2017Encoded))
 * ```
 *
 * @since 0.1.0
 */
export const decodeScenarioEffect = (input: unknown): Effect.Effect<Scenario, Validation.ValidationError> => {
  const r = decodeScenario(input)
  return Result.isSuccess(r)
    ? Effect.succeed(r.success)
    : Effect.fail(new Validation.ValidationError({ issues: r.failure }))
}

/**
 * The scenario in JSON form (dates as `YYYY-MM-DD`), e.g. to edit and decode again.
 *
 * @example
 * ```ts
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const s = Scenarios.siemReap2017
 * Scenario.encode(s).startDate // the date as YYYY-MM-DD (possibly labelled)
 * ```
 *
 * @since 0.2.0
 */
export const encode = (scenario: Scenario): ScenarioEncoded => Schema.encodeSync(Scenario)(scenario)

/** Whether `path` names a parameter (written as a labelled value) rather than a setting. */
const isParameterPath = (path: ReadonlyArray<string>): boolean =>
  P.QUANTITIES.some((q) => q.path.join(".") === path.join(".")) ||
  P.LABELLED_PATHS.some((q) => q.join(".") === path.join(".")) ||
  (path.length === 3 && path[0] === "durations" && path[1] === "contactSteps")

/**
 * A copy of a scenario with the value at `path` (e.g. `"socialWorkers.count"`)
 * replaced by `value`. A parameter is labelled as an assumption with `why`
 * (the variant being explored; its range, if any, is dropped: the value is
 * then fixed); a setting (`runs`, `sampling.mode`, `target.count` …) is
 * replaced as is. The result is decoded again (throws naming the field if
 * the value is invalid).
 *
 * @example
 * ```ts
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const more = Scenario.withValue(Scenarios.siemReap2017, "socialWorkers.count", 60, "variant: 60 workers")
 * ```
 *
 * @since 0.2.0
 */
export const withValue = (scenario: Scenario, path: string, value: unknown, why: string): Scenario => {
  const json = structuredClone(encode(scenario)) as unknown as Record<string, unknown>
  const keys = path.split(".")
  let o: Record<string, unknown> = json
  for (const k of keys.slice(0, -1)) {
    if (typeof o[k] !== "object" || o[k] === null) o[k] = {}
    o = o[k] as Record<string, unknown>
  }
  o[keys.at(-1)!] = isParameterPath(keys) ? { value, assumption: why } : value
  return decodeScenarioOrThrow(json)
}

/**
 * The parameters of a scenario that have a `range` (their paths), in a fixed order.
 *
 * @example
 * ```ts
 * import { Scenario, Scenarios } from "@homeward/simulate"
 *
 * const s = Scenarios.siemReap2017
 * Scenario.uncertainPaths(s) // the parameters with a range
 * ```
 *
 * @since 0.2.0
 */
export const uncertainPaths = (scenario: Scenario): ReadonlyArray<string> =>
  P.QUANTITIES.filter((q) => {
    const v = getAt(scenario, q.path) as Quantity | undefined
    return v !== undefined && rangeOf(v) !== undefined
  }).map((q) => q.path.join("."))
