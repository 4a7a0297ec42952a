/** Small scenarios for simulation tests. */
import fc from "fast-check"
import type { Scenario } from "../src/Scenario.js"
import { decodeScenarioOrThrow, type ScenarioEncoded } from "../src/Scenario.js"

/** A small scenario in JSON form (edit with spread). */
export const smallEncoded = (over: Record<string, unknown> = {}): ScenarioEncoded =>
  ({
    id: "small",
    title: "Small test scenario",
    cohort: {
      children: 60,
      ageYears: { kind: "triangular", min: 3, mode: 10, max: 17 },
      traceableFamilyShare: 0.8,
      riskFactorShare: 0.3,
      povertyOnlyShare: 0.4
    },
    socialWorkers: { count: 2, caseloadCap: 10, visitsPerWeek: 10 },
    policy: "azizas-place",
    durations: {
      intake: { kind: "fixed", value: 7 },
      assessment: { kind: "lognormal", median: 30, p90: 90 },
      preparation: { kind: "uniform", min: 10, max: 40 },
      contactStep: { kind: "triangular", min: 14, mode: 30, max: 60 }
    },
    outcomes: { contactPositive: 0.85, riskIneligible: 0.5, closurePass: 0.8, closureRetryDays: 90 },
    breakdown: { probability: 0.3, withinMonths: 60, riskMultiplier: 1.5, readmit: true },
    startDate: "2017-08-01",
    horizonMonths: 24,
    target: { share: 0.3, deadline: "2018-12-31" },
    runs: 20,
    seed: 7,
    ...over
  }) as unknown as ScenarioEncoded

export const small = (over: Record<string, unknown> = {}): Scenario => decodeScenarioOrThrow(smallEncoded(over))

/** Generator of small scenario knobs. */
export const knobs = fc.record({
  children: fc.integer({ min: 1, max: 80 }),
  workers: fc.integer({ min: 1, max: 6 }),
  extraWorkers: fc.integer({ min: 1, max: 6 }),
  cap: fc.integer({ min: 1, max: 12 }),
  visitsPerWeek: fc.integer({ min: 1, max: 20 }),
  traceable: fc.double({ min: 0, max: 1, noNaN: true }),
  risk: fc.double({ min: 0, max: 1, noNaN: true }),
  positive: fc.double({ min: 0.05, max: 1, noNaN: true }),
  breakdown: fc.double({ min: 0, max: 0.9, noNaN: true }),
  closurePass: fc.double({ min: 0.1, max: 1, noNaN: true }),
  horizonMonths: fc.integer({ min: 1, max: 84 }),
  oldest: fc.double({ min: 3, max: 17.99, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  policy: fc.constantFrom("azizas-place", "unicef-siem-reap-2017", "cambodia-mosvy", "un-guidelines-2009")
})

export type Knobs = typeof knobs extends fc.Arbitrary<infer K> ? K : never

/** The end of a horizon of `months` from the helpers' start date (2017-08-01), as a target deadline. */
export const horizonEnd = (months: number): string => new Date(Date.UTC(2017, 7 + months, 1)).toISOString().slice(0, 10)

export const fromKnobs = (k: Knobs, over: Record<string, unknown> = {}): Scenario =>
  small({
    target: { share: 0.3, deadline: horizonEnd(k.horizonMonths) },
    cohort: {
      children: k.children,
      ageYears: { kind: "uniform", min: 2, max: k.oldest },
      traceableFamilyShare: k.traceable,
      riskFactorShare: k.risk,
      povertyOnlyShare: 0.3
    },
    socialWorkers: { count: k.workers, caseloadCap: k.cap, visitsPerWeek: k.visitsPerWeek },
    outcomes: { contactPositive: k.positive, riskIneligible: 0.5, closurePass: k.closurePass, closureRetryDays: 60 },
    breakdown: { probability: k.breakdown, withinMonths: 60, riskMultiplier: 1.5, readmit: true },
    horizonMonths: k.horizonMonths,
    policy: k.policy,
    seed: k.seed,
    runs: 3,
    ...over
  })
