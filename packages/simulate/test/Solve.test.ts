/**
 * Inverse questions on scenarios whose answer can be computed by hand: every
 * step takes a fixed time and succeeds, so the target is reached in every run
 * or in none, and the smallest lever is known.
 */
import { describe, expect, it } from "vitest"
import { makeRunner } from "../src/Simulate.js"
import { solve } from "../src/Solve.js"
import { small } from "./helpers.js"

/**
 * 30 children, all traced; intake, assessment and preparation 30 days each,
 * then Aziza's Place's contact steps at their minimums (98 days): every child
 * admitted on day 0 is home on day 188. The deadline (day 200) leaves no time
 * for a second pathway, so all 30 must start at once: 30 pathway slots.
 */
const exact = (over: Record<string, unknown> = {}) =>
  small({
    cohort: {
      children: 30,
      ageYears: { kind: "fixed", value: 5 },
      traceableFamilyShare: 1,
      riskFactorShare: 0,
      povertyOnlyShare: 0
    },
    socialWorkers: { count: 1, caseloadCap: 10, visitsPerWeek: 10 },
    durations: {
      intake: { kind: "fixed", value: 30 },
      assessment: { kind: "fixed", value: 30 },
      preparation: { kind: "fixed", value: 30 },
      contactStep: { kind: "fixed", value: 0 }
    },
    outcomes: { contactPositive: 1, riskIneligible: 0, closurePass: 1, closureRetryDays: 30 },
    breakdown: { probability: 0, withinMonths: 60, riskMultiplier: 1, readmit: false },
    horizonMonths: 12,
    target: { share: 1, count: 30, deadline: "2018-02-17" },
    runs: 40,
    ...over
  })

describe("Solve", () => {
  const runner = makeRunner({ workers: 1 })

  it("workers: 3 workers (30 pathway slots) reach all 30 by the deadline, 2 never do; the answer is clear", async () => {
    const r = await solve(exact({ runs: 200 }), { lever: "workers", probability: 0.8, searchRuns: 10, runner })
    expect(r.answer).toBe(3)
    expect(r.atAnswer?.probability).toBe(1)
    expect(r.belowAnswer?.probability).toBe(0)
    expect(r.clear).toBe(true)
    expect(r.plausible).toEqual({ low: 3, high: 3 })
    expect(r.method).toBe("bisection")
    expect(r.summary).toMatch(
      /^3 social workers reach 30 children by 2018-02-17 with probability 80\.0%: 3 give 100\.0%/
    )
    // Candidates far from p stop early (sequential test, 3 standard errors at p = 80%): at 0% after the first
    // batch of 10 runs, at 100% after 40 runs, never the full 200.
    expect(r.candidates.map((c) => [c.probability, c.runs, c.decided])).toEqual(
      r.candidates.map((c) => [c.probability, c.probability === 0 ? 10 : 40, true])
    )
  })

  it("workers, searching down from a generous start: the same answer", async () => {
    const r = await solve(exact({ socialWorkers: { count: 25, caseloadCap: 10, visitsPerWeek: 10 } }), {
      lever: "workers",
      probability: 0.8,
      searchRuns: 10,
      runner
    })
    expect(r.answer).toBe(3)
  })

  it("visits: 3 workers with a cap of 10 need 10 visits a week each (10 cases in the pathway at one contact a week)", async () => {
    const r = await solve(exact({ socialWorkers: { count: 3, caseloadCap: 10, visitsPerWeek: 2 } }), {
      lever: "visits",
      probability: 0.8,
      searchRuns: 10,
      runner
    })
    expect(r.answer).toBe(10)
    expect(r.limit).toBe(10)
  })

  it("visits cannot help once the caseload cap binds: no answer, and the summary says why", async () => {
    const r = await solve(exact({ socialWorkers: { count: 2, caseloadCap: 10, visitsPerWeek: 2 } }), {
      lever: "visits",
      probability: 0.8,
      searchRuns: 10,
      runner
    })
    expect(r.answer).toBeNull()
    expect(r.summary).toMatch(/the caseload cap binds, not visits/)
  })

  it("budget: when every child with risk factors is found not eligible unless supported, it takes a package per family", async () => {
    const sc = exact({
      cohort: {
        children: 30,
        ageYears: { kind: "fixed", value: 5 },
        traceableFamilyShare: 1,
        riskFactorShare: 1,
        povertyOnlyShare: 0
      },
      socialWorkers: { count: 3, caseloadCap: 10, visitsPerWeek: 10 },
      outcomes: { contactPositive: 1, riskIneligible: 1, closurePass: 1, closureRetryDays: 30 },
      familySupport: {
        budget: { value: 0, assumption: "test" },
        costPerFamily: { value: 250, assumption: "test" },
        ineligibleMultiplier: { value: 0, assumption: "test" },
        breakdownMultiplier: { value: 1, assumption: "test" }
      }
    })
    const r = await solve(sc, { lever: "budget", probability: 0.8, searchRuns: 10, runner })
    expect(r.answer).toBe(30)
    expect(r.budget).toBe(7500)
    await expect(solve(exact(), { lever: "budget", probability: 0.8, runner })).rejects.toThrow(/familySupport/)
  })

  it("a deadline before the fastest pathway: no number of workers reaches it", async () => {
    const r = await solve(exact({ target: { share: 1, count: 30, deadline: "2018-01-15" } }), {
      lever: "workers",
      probability: 0.5,
      searchRuns: 10,
      runner
    })
    expect(r.answer).toBeNull()
    expect(r.summary).toMatch(/the pathway itself is too long for the deadline/)
  })

  it("when the probability at the answer is within the Monte Carlo error, it says which values it cannot separate", async () => {
    // Uncertain durations: some runs make the deadline, some do not.
    const sc = exact({
      durations: {
        intake: { kind: "fixed", value: 30 },
        assessment: { kind: "fixed", value: 30 },
        preparation: { kind: "fixed", value: 30 },
        contactStep: { kind: "fixed", value: 0 },
        scale: { value: 1, range: { kind: "uniform", min: 0.7, max: 1.3 }, assumption: "test" }
      },
      runs: 60
    })
    const r = await solve(sc, { lever: "workers", probability: 0.5, searchRuns: 20, runner })
    expect(r.answer).not.toBeNull()
    expect(r.atAnswer!.probability).toBeGreaterThanOrEqual(0.5)
    if (!r.clear) {
      expect(r.plausible!.low).toBeLessThanOrEqual(r.answer!)
      expect(r.summary).toMatch(/cannot separate/)
    }
  })

  it("refuses a probability outside (0, 1]", async () => {
    await expect(solve(exact(), { lever: "workers", probability: 0, runner })).rejects.toThrow(/probability/)
  })
})
