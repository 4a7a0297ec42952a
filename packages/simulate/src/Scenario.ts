/**
 * A simulation scenario: the cohort of children in care, the institutions,
 * the social workers, the policy profile, how long each phase takes and how
 * often a step goes well, the risk of breakdown after reunification, the
 * start date, the horizon, the target and the number of runs and seed. An
 * effect Schema, loadable from JSON with {@link decodeScenario}; errors name
 * the field and never echo values (core `Validation.decodeUnknown`).
 *
 * @since 0.1.0
 */
import { Common, PolicyProfile, Profiles, Validation } from "@homeward/core"
import { Effect, Result, Schema } from "effect"
import { Distribution } from "./Distribution.js"

const Share = Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 }))
const PosInt = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))
const NonNegInt = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
const Pos = Schema.Finite.check(Schema.isGreaterThan(0))
const NonNeg = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * The children in care at the start.
 *
 * @since 0.1.0
 */
export const Cohort = Schema.Struct({
  /** Number of children in care at the start date. */
  children: PosInt,
  /** Age in years at the start date (values at or above the profile's adult age are capped just below it). */
  ageYears: Distribution,
  /** Share of children with a family that can be traced. */
  traceableFamilyShare: Share,
  /** Share of children (not admitted for poverty alone) with risk factors (abuse, neglect, exploitation...). */
  riskFactorShare: Share,
  /** Share of children admitted for poverty alone (UN Guidelines ¶15); they carry no risk factors. */
  povertyOnlyShare: Share,
  /** Children already returned before the start (calibration only; not simulated). */
  alreadyReturned: Schema.optionalKey(NonNegInt)
}).annotate({ identifier: "Cohort" })

/**
 * Residential care institutions (informative: capacity is reported, not enforced).
 *
 * @since 0.1.0
 */
export const Institutions = Schema.Struct({
  count: PosInt,
  capacity: Schema.optionalKey(PosInt)
}).annotate({ identifier: "Institutions" })

/**
 * Social workers working on reintegration.
 *
 * @since 0.1.0
 */
export const SocialWorkers = Schema.Struct({
  count: PosInt,
  /** Maximum open cases per worker; default: the profile's `programme.maxCaseload`. */
  caseloadCap: Schema.optionalKey(PosInt),
  /** Home visits (contacts and monitoring visits) one worker can make per week. */
  visitsPerWeek: Pos
}).annotate({ identifier: "SocialWorkers" })

/**
 * How long each phase takes, in days, beyond what the policy requires.
 * The time actually spent in a contact step is the longest of: the policy's
 * minimum dwell, the sampled duration, and the time the worker needs to make
 * the contacts the step requires.
 *
 * @since 0.1.0
 */
export const Durations = Schema.Struct({
  intake: Distribution,
  /** Child assessment and family tracing. */
  assessment: Distribution,
  /** Preparation of child and family. */
  preparation: Distribution,
  /** Default for each gradual-contact step. */
  contactStep: Distribution,
  /** Per-step overrides, keyed by the profile's step id. */
  contactSteps: Schema.optionalKey(Schema.Record(Schema.String, Distribution))
}).annotate({ identifier: "Durations" })

/**
 * How often steps go well.
 *
 * @since 0.1.0
 */
export const Outcomes = Schema.Struct({
  /** Probability that one contact in gradual contact is positive. */
  contactPositive: Share,
  /** Probability that a child with risk factors is found not eligible for family reintegration (goes to other care). */
  riskIneligible: Share,
  /** Probability the closure assessment passes when monitoring ends. */
  closurePass: Share,
  /** Days of extra monitoring before the closure is assessed again. */
  closureRetryDays: PosInt
}).annotate({ identifier: "Outcomes" })

/**
 * Breakdown after reunification: `probability` of returning to care within
 * `withinMonths` (a constant monthly hazard), times `riskMultiplier` for
 * children with risk factors. The UK comparator is about 30% within 5 years
 * (Better Care Network, RULES.md §8).
 *
 * @since 0.1.0
 */
export const Breakdown = Schema.Struct({
  probability: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 0.999 })),
  withinMonths: PosInt,
  riskMultiplier: NonNeg,
  /** Whether a child who returns to care re-enters the pathway (from assessment). */
  readmit: Schema.Boolean
}).annotate({ identifier: "Breakdown" })

/**
 * The target: a share of the cohort reintegrated by a deadline.
 *
 * @since 0.1.0
 */
export const Target = Schema.Struct({ share: Share, deadline: Common.IsoDate }).annotate({ identifier: "Target" })

/**
 * A policy: a built-in profile id or an inline profile.
 *
 * @since 0.1.0
 */
export const Policy = Schema.Union([Schema.String, PolicyProfile.PolicyProfile])

/**
 * A simulation scenario.
 *
 * @since 0.1.0
 */
export const Scenario = Schema.Struct({
  id: Common.Id,
  title: Common.Text,
  description: Schema.optionalKey(Common.Text),
  citations: Schema.optionalKey(Schema.Array(PolicyProfile.Citation)),
  /** Assumptions the figures rest on, in plain words. */
  assumptions: Schema.optionalKey(Schema.Array(Common.Text)),
  cohort: Cohort,
  institutions: Schema.optionalKey(Institutions),
  socialWorkers: SocialWorkers,
  policy: Policy,
  durations: Durations,
  outcomes: Outcomes,
  breakdown: Breakdown,
  startDate: Common.IsoDate,
  horizonMonths: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 600 })),
  /** Default: the profile's `programme.targetShare` and `programme.targetDeadline`. */
  target: Schema.optionalKey(Target),
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
 * @since 0.1.0
 */
export const profileOf = (scenario: Scenario): PolicyProfile.PolicyProfile | undefined =>
  typeof scenario.policy === "string" ? Profiles.get(scenario.policy) : scenario.policy

/**
 * Decode a scenario from JSON (never throws). Errors name the field (e.g.
 * `cohort.traceableFamilyShare`), the rule and a plain message; an unknown
 * built-in profile id is reported at `policy`.
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
  if (typeof s.policy === "string" && Profiles.get(s.policy) === undefined) {
    return Result.fail([
      {
        path: ["policy"],
        pathString: "policy",
        rule: "simulate/known-profile",
        message: `unknown built-in policy profile; expected one of ${Object.keys(Profiles.builtIn).join(", ")} or an inline profile`
      }
    ])
  }
  if (s.target !== undefined) {
    const end = new Date(
      Date.UTC(s.startDate.getUTCFullYear(), s.startDate.getUTCMonth() + s.horizonMonths, s.startDate.getUTCDate())
    )
    if (s.target.deadline.getTime() < s.startDate.getTime() || s.target.deadline.getTime() > end.getTime()) {
      return Result.fail([
        {
          path: ["target", "deadline"],
          pathString: "target.deadline",
          rule: "simulate/deadline-within-horizon",
          message: "the target deadline must fall between the start date and the end of the horizon"
        }
      ])
    }
  }
  return r
}

/**
 * Decode a scenario, throwing an `Error` whose message lists every issue
 * (path, rule, message; never the rejected value). For plain TypeScript users.
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
 * @since 0.1.0
 */
export const decodeScenarioEffect = (input: unknown): Effect.Effect<Scenario, Validation.ValidationError> => {
  const r = decodeScenario(input)
  return Result.isSuccess(r)
    ? Effect.succeed(r.success)
    : Effect.fail(new Validation.ValidationError({ issues: r.failure }))
}
