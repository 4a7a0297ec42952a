/**
 * Calibration to observed history: recovers a known value from a synthetic
 * observation, is deterministic by seed, says when the observation is out of
 * reach, and carries the fit over to another scenario with its label.
 */
import { describe, expect, it } from "vitest"
import { apply, calibrate } from "../src/Calibration.js"
import { labelOf } from "../src/Parameter.js"
import * as Scenarios from "../src/Scenarios.js"
import { makeRunner, simulateSync } from "../src/Simulate.js"
import { small, smallEncoded } from "./helpers.js"

const history = (count: number, availability: unknown = 0.5) =>
  small({
    cohort: {
      children: 300,
      ageYears: { kind: "fixed", value: 6 },
      traceableFamilyShare: 0.8,
      riskFactorShare: 0.3,
      povertyOnlyShare: 0.4
    },
    socialWorkers: { count: 10, caseloadCap: 10, visitsPerWeek: 10, availability },
    horizonMonths: 18,
    target: { share: 0.1, deadline: "2019-01-31" },
    observed: [
      { measure: "reunified", from: "2017-08-01", to: "2019-01-31", count, assumption: "synthetic observation" }
    ],
    seed: 11
  })

describe("Calibration", () => {
  const runner = makeRunner({ workers: 1 })

  it("the simulated history is reported beside the observation", () => {
    const r = simulateSync({ ...history(0), runs: 10 })
    expect(r.observed).toHaveLength(1)
    expect(r.observed[0]).toMatchObject({ measure: "reunified", from: "2017-08-01", to: "2019-01-31", count: 0 })
    expect(r.observed[0]!.simulated.mean).toBeGreaterThan(0)
  })

  it("recovers the effective capacity that produced a synthetic observation", async () => {
    // The observation: what the history gives on average with half the workers' capacity.
    const truth = simulateSync({ ...history(0, 0.5), runs: 200 }).observed[0]!.simulated.mean
    const sc = history(Math.round(truth), {
      value: 0.5,
      range: { kind: "uniform", min: 0.05, max: 1 },
      assumption: "to fit"
    })
    const fit = await calibrate(sc, { draws: 400, runner })
    const f = fit.fitted[0]!
    expect(f.path).toBe("socialWorkers.availability")
    expect(f.p5).toBeLessThanOrEqual(0.5)
    expect(f.p95).toBeGreaterThanOrEqual(0.5)
    expect(Math.abs(f.p50 - 0.5)).toBeLessThan(0.15)
    expect(f.p95 - f.p5).toBeLessThan(0.6) // narrower than the prior (0.95)
    expect(Math.abs(fit.fittedPredictive.mean - truth)).toBeLessThan(fit.bandwidth)
    expect(fit.warnings).toEqual([])
    // Deterministic by seed.
    expect(await calibrate(sc, { draws: 400, runner })).toEqual(fit)
  }, 120_000)

  it("an observation the ranges cannot produce is reported, not fitted silently", async () => {
    const sc = history(5000, { value: 0.5, range: { kind: "uniform", min: 0.05, max: 1 }, assumption: "to fit" })
    // 5,000 reunified out of 300 children is impossible.
    await expect(calibrate(sc, { draws: 50, runner })).resolves.toMatchObject({
      warnings: [expect.stringMatching(/cannot produce it/), expect.stringMatching(/outside the central 90%/)]
    })
  })

  it("refuses to fit a parameter without a range, or a scenario without an observation", async () => {
    await expect(calibrate(history(10), { parameters: ["outcomes.contactPositive"], runner })).rejects.toThrow(
      /only a parameter with a range/
    )
    await expect(calibrate(small(), { runner })).rejects.toThrow(/no observation/)
  })

  it("[UNICEF Cambodia, Siem Reap, Nov 2017] apply carries the fitted capacity to the 2017 plan, labelled as calibrated with the source", async () => {
    const fit = await calibrate(Scenarios.siemReapHistory2016, {
      parameters: ["socialWorkers.availability"],
      draws: 60,
      runner
    })
    const plan = apply(Scenarios.siemReap2017, fit)
    const a = plan.socialWorkers.availability!
    const label = labelOf(a)
    expect(label.kind).toBe("assumption")
    expect(label.assumption).toMatch(/^Calibrated to 144 children reunified between 2016-01-01 and 2017-11-17/)
    expect(label.source?.section).toMatch(/144 children/)
    expect(typeof a === "object" && "range" in a && a.range?.kind).toBe("uniform")
    expect(smallEncoded()).toBeDefined()
  }, 120_000)
})
