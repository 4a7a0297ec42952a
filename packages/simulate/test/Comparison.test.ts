/**
 * Comparisons on paired runs: differences with bands, what differs, and a
 * flag (with the reason) when two variants cannot differ by the deadline.
 */
import { describe, expect, it } from "vitest"
import { compareScenarios, METRICS } from "../src/Comparison.js"
import { withValue } from "../src/Scenario.js"
import * as Scenarios from "../src/Scenarios.js"
import { makeRunner } from "../src/Simulate.js"
import { small } from "./helpers.js"

const calm = (over: Record<string, unknown> = {}) =>
  small({
    breakdown: { probability: 0, withinMonths: 60, riskMultiplier: 1, readmit: true },
    cohort: {
      children: 60,
      ageYears: { kind: "fixed", value: 6 },
      traceableFamilyShare: 0.8,
      riskFactorShare: 0.3,
      povertyOnlyShare: 0.4
    },
    runs: 12,
    ...over
  })

describe("compareScenarios", () => {
  const runner = makeRunner({ workers: 1 })

  it("identical variants: every paired difference is exactly 0, and the flag says the inputs are the same", async () => {
    const c = await compareScenarios(
      [
        { label: "a", scenario: calm() },
        { label: "b", scenario: calm() }
      ],
      { runner }
    )
    for (const m of METRICS) expect(c.differences[0]!.metrics[m]).toMatchObject({ mean: 0, p5: 0, p95: 0 })
    expect(c.differences[0]!.inputs).toEqual([])
    expect(c.flags[0]?.message).toMatch(/the same inputs/)
  })

  it("more social workers: never fewer children home on the deadline in any paired run (no breakdowns)", async () => {
    const base = calm()
    const c = await compareScenarios(
      [
        { label: "2 workers", scenario: base },
        { label: "4 workers", scenario: withValue(base, "socialWorkers.count", 4, "variant") }
      ],
      { runner }
    )
    const d = c.differences[0]!
    expect(d.metrics.homeOnDeadline.p5).toBeGreaterThanOrEqual(0)
    expect(d.metrics.homeOnDeadline.mean).toBeGreaterThan(0)
    expect(d.inputs.map((x) => x.path)).toEqual(["socialWorkers.count"])
    expect(c.variants[1]!.series).toHaveLength(25)
    expect(c.flags).toEqual([])
  })

  it("[issue 21] 2-year vs 3-year monitoring with nobody already home: flagged as unable to differ by the deadline, with the earliest end of monitoring", async () => {
    const base = withValue(Scenarios.siemReap2017, "cohort.alreadyReturned", 0, "variant")
    const c = await compareScenarios(
      [
        { label: "3 years", scenario: base },
        { label: "2 years", scenario: withValue(base, "policy", "azizas-place", "variant") }
      ],
      { runs: 4, runner }
    )
    expect(c.flags).toHaveLength(1)
    expect(c.flags[0]!.code).toBe("same-by-deadline")
    expect(c.flags[0]!.message).toMatch(
      /differ only in monitoring .* no child can finish even the shorter monitoring before the deadline: at the earliest on 2019-\d\d-\d\d/
    )
    // What it changes instead: fewer children under monitoring by the horizon.
    expect(c.differences[0]!.metrics.underMonitoringAtHorizon.mean).toBeLessThan(0)
  }, 120_000)

  it("[UNICEF Cambodia, Siem Reap, Nov 2017] with the 144 already returned, 2-year monitoring frees slots before the deadline: fewer under monitoring on it", async () => {
    const base = Scenarios.siemReap2017
    const c = await compareScenarios(
      [
        { label: "3 years", scenario: base },
        { label: "2 years", scenario: withValue(base, "policy", "azizas-place", "variant") }
      ],
      { runs: 4, runner }
    )
    expect(c.flags).toEqual([])
    expect(c.differences[0]!.metrics.underMonitoringOnDeadline.p95).toBeLessThan(0)
  }, 120_000)

  it("different seeds: flagged as not paired", async () => {
    const c = await compareScenarios(
      [
        { label: "a", scenario: calm() },
        { label: "b", scenario: calm({ seed: 99 }) }
      ],
      { runner }
    )
    expect(c.flags.map((f) => f.code)).toContain("not-paired")
  })
})
