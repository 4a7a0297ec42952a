/**
 * How a programme starts and what it aims at: cases already in progress
 * (a starting distribution over phases), children already returned (under
 * monitoring, holding caseload slots, not in the target), and the target as
 * the source states it (count and share; a fractional count rounded up).
 */
import { PolicyProfile, Profiles } from "@homeward/core"
import { describe, expect, it } from "vitest"
import { layout, STATES } from "../src/internal/kernel.js"
import { alreadyReturnedOf, decodeScenarioOrThrow, startOf } from "../src/Scenario.js"
import * as Scenarios from "../src/Scenarios.js"
import { prepare, simulateSync } from "../src/Simulate.js"
import { horizonEnd, small, smallEncoded } from "./helpers.js"

const at = (run: Float64Array, P: number, state: string, m: number) => run[STATES.indexOf(state as never) * P + m]!

/** Everything succeeds and takes the policy's minimum time (Aziza's Place). */
const instant = (over: Record<string, unknown>) =>
  small({
    cohort: {
      children: 30,
      ageYears: { kind: "fixed", value: 5 },
      traceableFamilyShare: 1,
      riskFactorShare: 0,
      povertyOnlyShare: 0
    },
    socialWorkers: { count: 10, caseloadCap: 15, visitsPerWeek: 20 },
    durations: {
      intake: { kind: "fixed", value: 30 },
      assessment: { kind: "fixed", value: 30 },
      preparation: { kind: "fixed", value: 30 },
      contactStep: { kind: "fixed", value: 0 }
    },
    outcomes: { contactPositive: 1, riskIneligible: 0, closurePass: 1, closureRetryDays: 30 },
    breakdown: { probability: 0, withinMonths: 60, riskMultiplier: 1, readmit: false },
    horizonMonths: 12,
    target: { share: 0.3, deadline: horizonEnd(12) },
    runs: 2,
    ...over
  })

describe("cases in progress at the start", () => {
  it("[seed: Aziza's Place] a case in gradual contact at the start is home after the contact steps alone; one in intake after every phase", () => {
    const steps = PolicyProfile.resolve(Profiles.azizasPlace, new Date("2017-08-01")).values.phases.contactSteps
    const contactDays = steps.reduce((a, s) => a + s.minDwellDays, 0) // 98
    const sc = instant({
      cohort: {
        children: 30,
        ageYears: { kind: "fixed", value: 5 },
        traceableFamilyShare: 1,
        riskFactorShare: 0,
        povertyOnlyShare: 0,
        inProgress: { "gradual-contact": 10, preparation: 10, assessment: 0, intake: 0, assumption: "test" }
      }
    })
    const { config } = prepare(sc)
    const r = simulateSync(sc, { keepRuns: true })
    const L = layout(12)
    const month = (days: number) => config.snapshotDays.findIndex((d) => d >= days)
    for (const run of r.runs!) {
      // 10 home after the contact steps; 10 more after preparation + contact; the last 10 after everything.
      expect(run[L.reunifications + month(contactDays)]).toBe(10)
      expect(run[L.reunifications + month(30 + contactDays)]).toBe(10)
      expect(run[L.reunifications + month(90 + contactDays)]).toBe(10)
      for (let m = 0; m < L.P; m++) {
        const total = STATES.reduce((a, s) => a + at(run, L.P, s, m), 0)
        expect(total).toBe(30)
      }
      expect(at(run, L.P, "gradual-contact", 0) + at(run, L.P, "preparation", 0)).toBe(20)
    }
  })

  it("cases in progress must be among the cohort, and need a label", () => {
    expect(() =>
      decodeScenarioOrThrow(
        smallEncoded({
          cohort: { ...(smallEncoded().cohort as object), inProgress: { assessment: 61, assumption: "x" } }
        })
      )
    ).toThrow(/cohort\.inProgress/)
    expect(() =>
      decodeScenarioOrThrow(
        smallEncoded({ cohort: { ...(smallEncoded().cohort as object), inProgress: { assessment: 5 } } })
      )
    ).toThrow(/cohort\.inProgress.*source or an assumption/)
  })
})

describe("children already returned before the start", () => {
  it("[UNICEF Cambodia, Siem Reap, Nov 2017] the 144 returned since January 2016 are under monitoring at the start, outside the cohort's share", () => {
    const sc = { ...Scenarios.siemReap2017, runs: 2 }
    const r = simulateSync(sc, { keepRuns: true })
    const L = layout(36)
    for (const run of r.runs!) {
      // Every child in exactly one state: the 2,147 in care and the 144 already home.
      for (let m = 0; m < L.P; m++) expect(STATES.reduce((a, s) => a + at(run, L.P, s, m), 0)).toBe(2147 + 144)
      // Three years of follow-up from January 2016 at the earliest: all 144 are still monitored on the start date.
      expect(at(run, L.P, "reunified", 0)).toBe(144)
      expect(run[L.cohortReintegrated]).toBe(0)
    }
    expect(r.months[0]!.reintegratedShare.mean).toBe(0)
    expect(r.scenario.alreadyReturned).toBe(144)
  })

  it("they hold caseload slots first: with as many slots as children returned, the cohort waits", () => {
    const sc = instant({
      cohort: {
        children: 30,
        ageYears: { kind: "fixed", value: 5 },
        traceableFamilyShare: 1,
        riskFactorShare: 0,
        povertyOnlyShare: 0,
        alreadyReturned: { count: 10, from: "2017-06-01", assumption: "test" }
      },
      socialWorkers: { count: 1, caseloadCap: 10, visitsPerWeek: 20 }
    })
    const r = simulateSync(sc, { keepRuns: true })
    const L = layout(12)
    for (const run of r.runs!) {
      expect(at(run, L.P, "waiting", 1)).toBe(30) // two-year monitoring: no slot frees up within the year
      expect(at(run, L.P, "reunified", 1)).toBe(10)
    }
    expect(r.months[6]!.caseloadUtilisation).toBe(1)
  })

  it("a bare count is spread over the year before the start; children whose monitoring ended before the start hold no slot", () => {
    const sc = instant({
      cohort: {
        children: 30,
        ageYears: { kind: "fixed", value: 5 },
        traceableFamilyShare: 1,
        riskFactorShare: 0,
        povertyOnlyShare: 0,
        alreadyReturned: 10
      }
    })
    expect(alreadyReturnedOf(sc).from.toISOString().slice(0, 10)).toBe("2016-08-01")
    const old = instant({
      cohort: {
        children: 30,
        ageYears: { kind: "fixed", value: 5 },
        traceableFamilyShare: 1,
        riskFactorShare: 0,
        povertyOnlyShare: 0,
        alreadyReturned: { count: 10, from: "2010-01-01", assumption: "test" }
      },
      socialWorkers: { count: 1, caseloadCap: 10, visitsPerWeek: 20 }
    })
    // Reunified 2010–2017: most have finished two years of monitoring and free their slot.
    const r = simulateSync({ ...old, runs: 1 }, { keepRuns: true })
    const L = layout(12)
    expect(at(r.runs![0]!, L.P, "closed", 0)).toBeGreaterThan(5)
    expect(at(r.runs![0]!, L.P, "waiting", 1)).toBeLessThan(30)
    expect(() =>
      decodeScenarioOrThrow(
        smallEncoded({
          cohort: {
            ...(smallEncoded().cohort as object),
            alreadyReturned: { count: 3, from: "2018-01-01", assumption: "x" }
          }
        })
      )
    ).toThrow(/cohort\.alreadyReturned\.from/)
  })
})

describe("target as the source states it", () => {
  it("[UNICEF Cambodia, Siem Reap, Nov 2017] the plan's own 644 is the count; without it 30% of 2,147 = 644.1 is rounded up to 645", () => {
    const stated = prepare(Scenarios.siemReap2017).target
    expect(stated).toMatchObject({ count: 644, share: 0.3, countRule: "as stated" })
    const { count: _count, ...noCount } = Scenarios.siemReap2017.target!
    const derivedTarget = prepare({ ...Scenarios.siemReap2017, target: noCount }).target
    expect(derivedTarget).toMatchObject({ count: 645, countRule: "share × children, rounded up" })
  })

  it("reaching 644 is never rarer than reaching 645 (same runs)", () => {
    const base = {
      ...Scenarios.siemReap2017,
      socialWorkers: { ...Scenarios.siemReap2017.socialWorkers, count: 200 },
      runs: 6
    }
    const { count: _count, ...noCount } = base.target!
    const a = simulateSync(base)
    const b = simulateSync({ ...base, target: noCount })
    expect(a.target.reintegratedAtDeadline).toEqual(b.target.reintegratedAtDeadline)
    expect(a.target.probabilityReached).toBeGreaterThanOrEqual(b.target.probabilityReached)
  })

  it.each([
    [0.3, 10, 3],
    [0.25, 10, 3],
    [0.2999, 10, 3],
    [0.3001, 10, 4],
    [1, 10, 10]
  ])("share %d of %d children needs %d (rounded up)", (share, children, count) => {
    const sc = small({
      cohort: { ...(smallEncoded().cohort as object), children },
      target: { share, deadline: "2018-12-31" }
    })
    expect(prepare(sc).target.count).toBe(count)
  })

  it("a count above the cohort is refused", () => {
    expect(() =>
      decodeScenarioOrThrow(smallEncoded({ target: { share: 0.3, count: 61, deadline: "2018-12-31" } }))
    ).toThrow(/target\.count/)
    expect(startOf(small()).toISOString().slice(0, 10)).toBe("2017-08-01")
  })
})
