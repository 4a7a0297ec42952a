/**
 * The registry of a scenario's numeric parameters that may carry a `range`:
 * their path, domain, unit, default and their index in the kernel's
 * parameter vector (one draw per run or per parameter draw).
 */

export const TRACEABLE = 0
export const RISK = 1
export const POVERTY = 2
export const VISITS = 3
export const AVAILABILITY = 4
export const SCALE = 5
export const INTERVAL = 6
export const POSITIVE = 7
export const INELIGIBLE = 8
export const CLOSURE = 9
export const RETRY = 10
export const BREAKDOWN = 11
export const RISK_MULT = 12
export const COUNT = 13
export const BUDGET = 14
export const COST = 15
export const SUPPORT_INELIGIBLE = 16
export const SUPPORT_BREAKDOWN = 17

export interface QuantitySpec {
  readonly path: ReadonlyArray<string>
  readonly index: number
  readonly min: number
  readonly max: number
  readonly minExclusive?: boolean
  readonly maxExclusive?: boolean
  readonly unit: string
  /** Value when the scenario leaves the (optional) parameter out, and why. */
  readonly default?: { readonly value: number; readonly why: string }
  /** Reported only when this optional group is in the scenario. */
  readonly group?: string
}

const share = { min: 0, max: 1, unit: "share" } as const

export const QUANTITIES: ReadonlyArray<QuantitySpec> = [
  { path: ["cohort", "traceableFamilyShare"], index: TRACEABLE, ...share },
  { path: ["cohort", "riskFactorShare"], index: RISK, ...share },
  { path: ["cohort", "povertyOnlyShare"], index: POVERTY, ...share },
  {
    path: ["socialWorkers", "visitsPerWeek"],
    index: VISITS,
    min: 0,
    minExclusive: true,
    max: Number.POSITIVE_INFINITY,
    unit: "visits a week per worker"
  },
  {
    path: ["socialWorkers", "availability"],
    index: AVAILABILITY,
    min: 0,
    minExclusive: true,
    max: 1,
    unit: "share of the workers' time",
    default: { value: 1, why: "Homeward default: all of the workers' time goes to these cases" }
  },
  {
    path: ["durations", "scale"],
    index: SCALE,
    min: 0,
    minExclusive: true,
    max: Number.POSITIVE_INFINITY,
    unit: "multiplier of sampled durations",
    default: { value: 1, why: "Homeward default: the durations as given" }
  },
  {
    path: ["durations", "contactIntervalDays"],
    index: INTERVAL,
    min: 0,
    minExclusive: true,
    max: Number.POSITIVE_INFINITY,
    unit: "days between contacts",
    default: {
      value: 7,
      why: "Homeward default: one contact a week (e.g. Sunday day visits), the pace at which the profiles' 4 contacts in 28 days are possible"
    }
  },
  { path: ["outcomes", "contactPositive"], index: POSITIVE, ...share },
  { path: ["outcomes", "riskIneligible"], index: INELIGIBLE, ...share },
  { path: ["outcomes", "closurePass"], index: CLOSURE, ...share },
  {
    path: ["outcomes", "closureRetryDays"],
    index: RETRY,
    min: 0,
    minExclusive: true,
    max: Number.POSITIVE_INFINITY,
    unit: "days"
  },
  { path: ["breakdown", "probability"], index: BREAKDOWN, min: 0, max: 0.999, unit: "probability" },
  {
    path: ["breakdown", "riskMultiplier"],
    index: RISK_MULT,
    min: 0,
    max: Number.POSITIVE_INFINITY,
    unit: "multiplier"
  },
  {
    path: ["familySupport", "budget"],
    index: BUDGET,
    min: 0,
    max: Number.POSITIVE_INFINITY,
    unit: "currency over the horizon",
    default: { value: 0, why: "no family-support budget modelled" },
    group: "familySupport"
  },
  {
    path: ["familySupport", "costPerFamily"],
    index: COST,
    min: 0,
    minExclusive: true,
    max: Number.POSITIVE_INFINITY,
    unit: "currency per family",
    default: { value: 1, why: "no family-support budget modelled" },
    group: "familySupport"
  },
  {
    path: ["familySupport", "ineligibleMultiplier"],
    index: SUPPORT_INELIGIBLE,
    min: 0,
    max: 1,
    unit: "multiplier of riskIneligible for a supported family",
    default: { value: 1, why: "no family-support budget modelled" },
    group: "familySupport"
  },
  {
    path: ["familySupport", "breakdownMultiplier"],
    index: SUPPORT_BREAKDOWN,
    min: 0,
    max: 1,
    unit: "multiplier of the breakdown hazard for a supported family",
    default: { value: 1, why: "no family-support budget modelled" },
    group: "familySupport"
  }
]

/** Number of entries in the kernel's parameter vector (the quantities and the worker count). */
export const NP = 18

/** Paths of the other labelled values (no range), for label checks and reports. */
export const LABELLED_PATHS: ReadonlyArray<ReadonlyArray<string>> = [
  ["cohort", "children"],
  ["cohort", "ageYears"],
  ["institutions", "count"],
  ["institutions", "capacity"],
  ["socialWorkers", "count"],
  ["socialWorkers", "caseloadCap"],
  ["durations", "intake"],
  ["durations", "assessment"],
  ["durations", "preparation"],
  ["durations", "contactStep"],
  ["breakdown", "withinMonths"],
  ["breakdown", "readmit"],
  ["startDate"],
  ["horizonMonths"]
]
