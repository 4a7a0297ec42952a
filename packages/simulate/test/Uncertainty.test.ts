/**
 * Parameter uncertainty and Monte Carlo error: ranges are sampled per run
 * (joint) or per group of runs (nested) from their own streams (common
 * random numbers), bands then show the total uncertainty, the standard
 * error shows only the Monte Carlo error, and the result warns when runs are
 * too few for the precision shown.
 */
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { layout } from "../src/internal/kernel.js"
import * as Pm from "../src/internal/params.js"
import { horizonOf } from "../src/Scenario.js"
import { bandOf, simulateSync } from "../src/Simulate.js"
import { small, smallEncoded } from "./helpers.js"

/** Enough workers for every child (durations, not staff, decide), over one year, durations and contacts uncertain. */
const uncertain = (over: Record<string, unknown> = {}) =>
  small({
    socialWorkers: { count: 10, caseloadCap: 10, visitsPerWeek: 10 },
    horizonMonths: 12,
    target: { share: 0.3, deadline: "2018-07-31" },
    durations: {
      ...(smallEncoded().durations as object),
      scale: { value: 1, range: { kind: "uniform", min: 0.5, max: 2 }, assumption: "test" }
    },
    outcomes: {
      contactPositive: { value: 0.85, range: { kind: "uniform", min: 0.7, max: 0.95 }, assumption: "test" },
      riskIneligible: 0.5,
      closurePass: 0.8,
      closureRetryDays: 90
    },
    ...over
  })

const thetas = (r: ReturnType<typeof simulateSync>, months: number) => {
  const L = layout(months)
  return r.runs!.map((v) => Array.from(v.slice(L.theta, L.theta + Pm.NP)))
}

describe("parameter uncertainty: sampling", () => {
  it("joint: every run draws its own values, within each range; the other parameters stay at their central values", () => {
    const sc = uncertain({ runs: 40 })
    const r = simulateSync(sc, { keepRuns: true })
    const th = thetas(r, horizonOf(sc))
    const scales = th.map((t) => t[Pm.SCALE]!)
    expect(new Set(scales).size).toBe(40)
    for (const t of th) {
      expect(t[Pm.SCALE]).toBeGreaterThanOrEqual(0.5)
      expect(t[Pm.SCALE]).toBeLessThanOrEqual(2)
      expect(t[Pm.POSITIVE]).toBeGreaterThanOrEqual(0.7)
      expect(t[Pm.POSITIVE]).toBeLessThanOrEqual(0.95)
      expect(t[Pm.CLOSURE]).toBe(0.8)
    }
    expect(r.uncertainty).toMatchObject({
      mode: "joint",
      sampled: ["durations.scale", "outcomes.contactPositive"],
      parameterDraws: 40
    })
  })

  it("each parameter draws from its own stream: fixing one range leaves the other's draws unchanged (common random numbers)", () => {
    const both = uncertain({ runs: 10 })
    const one = uncertain({
      runs: 10,
      outcomes: { contactPositive: 0.85, riskIneligible: 0.5, closurePass: 0.8, closureRetryDays: 90 }
    })
    const a = thetas(simulateSync(both, { keepRuns: true }), horizonOf(both))
    const b = thetas(simulateSync(one, { keepRuns: true }), horizonOf(one))
    expect(b.map((t) => t[Pm.SCALE])).toEqual(a.map((t) => t[Pm.SCALE]))
    expect(b.every((t) => t[Pm.POSITIVE] === 0.85)).toBe(true)
  })

  it("nested: runs of one group share a draw, and the variance splits into parameters and chance", () => {
    const sc = uncertain({ runs: 60, sampling: { mode: "nested", innerRuns: 6 } })
    const r = simulateSync(sc, { keepRuns: true })
    const th = thetas(r, horizonOf(sc))
    for (let g = 0; g < 10; g++) for (let i = 1; i < 6; i++) expect(th[g * 6 + i]).toEqual(th[g * 6])
    expect(th[0]).not.toEqual(th[6])
    expect(r.uncertainty).toMatchObject({ mode: "nested", parameterDraws: 10, innerRuns: 6 })
    const share = r.horizon.reintegratedShare.parameterShare!
    expect(share).toBeGreaterThan(0.3)
    expect(share).toBeLessThanOrEqual(1)
  })

  it("central: ranges are ignored and the result equals the scenario without ranges", () => {
    const central = simulateSync(uncertain({ runs: 8, sampling: { mode: "central" } }), { keepRuns: true })
    const plain = simulateSync(
      small({
        socialWorkers: { count: 10, caseloadCap: 10, visitsPerWeek: 10 },
        horizonMonths: 12,
        target: { share: 0.3, deadline: "2018-07-31" },
        runs: 8
      }),
      { keepRuns: true }
    )
    const L = layout(12)
    expect(central.runs!.map((v) => Array.from(v.slice(0, L.theta)))).toEqual(
      plain.runs!.map((v) => Array.from(v.slice(0, L.theta)))
    )
    expect(central.uncertainty.mode).toBe("central")
    expect(central.uncertainty.note).toMatch(/chance only/)
  })

  it("the total-uncertainty band is wider than the chance-only band when durations are uncertain", () => {
    const total = simulateSync(uncertain({ runs: 200 })).horizon.reintegratedShare
    const chance = simulateSync(uncertain({ runs: 200, sampling: { mode: "central" } })).horizon.reintegratedShare
    expect(total.p95 - total.p5).toBeGreaterThan(chance.p95 - chance.p5)
  })
})

describe("Monte Carlo error", () => {
  test.prop([fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 200 })], {
    numRuns: 200
  })("joint: se is the sample standard deviation over √n", (xs) => {
    const n = xs.length
    const mean = xs.reduce((a, b) => a + b, 0) / n
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1))
    expect(bandOf(xs).se!).toBeCloseTo(sd / Math.sqrt(n), 4)
  })

  test.prop(
    [
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 120 }),
      fc.integer({ min: 2, max: 6 })
    ],
    {
      numRuns: 100
    }
  )("nested: se is the spread of the group means over √groups, and the parameter share lies in [0, 1]", (xs, g) => {
    const K = Math.ceil(xs.length / g)
    const means = Array.from({ length: K }, (_, k) => {
      const part = xs.slice(k * g, (k + 1) * g)
      return part.reduce((a, b) => a + b, 0) / part.length
    })
    const gm = means.reduce((a, b) => a + b, 0) / K
    const sd = Math.sqrt(means.reduce((a, b) => a + (b - gm) ** 2, 0) / (K - 1))
    const b = bandOf(xs, g, true)
    expect(b.se!).toBeCloseTo(sd / Math.sqrt(K), 5)
    expect(b.parameterShare!).toBeGreaterThanOrEqual(0)
    expect(b.parameterShare!).toBeLessThanOrEqual(1)
  })

  it("one run: no standard error can be estimated", () => {
    expect(bandOf([0.3]).se).toBeNull()
  })

  it("shrinks as 1/√runs (16 times the runs, about a quarter of the error)", () => {
    const few = simulateSync(uncertain({ runs: 50 })).horizon.reintegratedShare.se!
    const many = simulateSync(uncertain({ runs: 800 })).horizon.reintegratedShare.se!
    expect(few / many).toBeGreaterThan(2.5)
    expect(few / many).toBeLessThan(6.5)
  })
})

describe("precision warnings", () => {
  it("--runs 1: says the error cannot be estimated and that P5 = P50 = P95", () => {
    const r = simulateSync(small({ runs: 1 }))
    expect(r.warnings.map((w) => w.code)).toContain("one-run")
    expect(r.target.probabilityReachedSe).toBeNull()
  })

  it("20 runs: the 90% band is rough and the probability's Monte Carlo error is large", () => {
    const r = simulateSync(uncertain({ runs: 20, target: { share: 0.05, deadline: "2018-07-31" } }))
    const codes = r.warnings.map((w) => w.code)
    expect(codes).toContain("few-runs-for-bands")
    if (r.target.probabilityReachedSe! > 0.01) expect(codes).toContain("mc-error")
  })

  it("a probability estimated as 0 is bounded by the rule of three, not reported as exactly 0", () => {
    const r = simulateSync(small({ runs: 30, target: { share: 1, deadline: "2017-09-01" } }))
    expect(r.target.probabilityReached).toBe(0)
    const w = r.warnings.find((x) => x.code === "probability-at-bound")
    expect(w?.message).toMatch(/below about 10\.0 points/)
  })

  it("1,000 runs: no warning about the number of runs; a Monte Carlo warning exactly when an error exceeds 1 point", () => {
    const r = simulateSync(small({ runs: 1000, target: { share: 0.2, deadline: "2019-07-31" } }))
    const codes = r.warnings.map((w) => w.code)
    expect(codes).not.toContain("one-run")
    expect(codes).not.toContain("few-runs-for-bands")
    const large = r.target.probabilityReachedSe! > 0.01 || r.target.reintegratedShareAtDeadline.se! > 0.01
    expect(codes.includes("mc-error")).toBe(large)
  })
})
