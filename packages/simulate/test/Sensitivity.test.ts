/**
 * Sensitivity: tornado swings on common random numbers and variance-based
 * first-order indices.
 */
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Rng } from "../src/Random.js"
import { analyse, firstOrderIndex, tornadoSvg, toTable } from "../src/Sensitivity.js"
import { makeRunner } from "../src/Simulate.js"
import { small, smallEncoded } from "./helpers.js"

describe("first-order index", () => {
  it("an output equal to the input is fully explained; an unrelated one not at all", () => {
    const x = Array.from({ length: 400 }, (_, i) => (i * 7919) % 400)
    expect(firstOrderIndex(x, x)!).toBeGreaterThan(0.95)
    const rx = new Rng(1)
    const ry = new Rng(2)
    const u = Array.from({ length: 400 }, () => rx.next())
    const v = Array.from({ length: 400 }, () => ry.next())
    expect(firstOrderIndex(u, v)!).toBeLessThan(0.1)
    expect(firstOrderIndex([1, 2], [1, 2])).toBeNull()
  })

  test.prop(
    [
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })), {
        minLength: 20,
        maxLength: 300
      })
    ],
    { numRuns: 100 }
  )("always within [0, 1]", (pairs) => {
    const s = firstOrderIndex(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1])
    )!
    expect(s).toBeGreaterThanOrEqual(0)
    expect(s).toBeLessThanOrEqual(1)
  })
})

describe("analyse", () => {
  const runner = makeRunner({ workers: 1 })

  it("ranks the inputs by swing: durations move the share home on the deadline, the closure pass rate cannot before any monitoring ends", async () => {
    const sc = small({
      socialWorkers: { count: 10, caseloadCap: 10, visitsPerWeek: 10 },
      durations: {
        ...(smallEncoded().durations as object),
        scale: { value: 1, range: { kind: "uniform", min: 0.5, max: 2 }, assumption: "test" }
      },
      outcomes: {
        contactPositive: 0.85,
        riskIneligible: 0.5,
        closurePass: { value: 0.8, range: { kind: "uniform", min: 0.5, max: 1 }, assumption: "test" },
        closureRetryDays: 90
      },
      horizonMonths: 12,
      target: { share: 0.3, deadline: "2018-07-31" },
      runs: 60
    })
    const s = await analyse(sc, { runner })
    expect(s.rows.map((r) => r.path)).toEqual(["durations.scale", "outcomes.closurePass"])
    expect(s.rows[0]!.swing).toBeLessThan(0) // longer durations, fewer home
    expect(s.rows[1]!.swing).toBe(0) // same children, same draws: nothing changes before monitoring ends
    expect(s.rows[0]!.lowValue).toBeCloseTo(0.65, 6)
    expect(s.rows[0]!.highValue).toBeCloseTo(1.85, 6)
    expect(s.rows[0]!.firstOrder!).toBeGreaterThan(s.rows[1]!.firstOrder!)
    const table = toTable(s)
    expect(table[0]).toContain("Swing")
    expect(table[1]![0]).toBe("durations.scale")
    const svg = tornadoSvg(s)
    expect(svg).toMatch(/^<svg[\s\S]*durations\.scale[\s\S]*<\/svg>\n$/)
    expect(svg).not.toMatch(/<script|href=|url\(/)
  })

  it("a scenario without ranges has nothing to rank", async () => {
    const s = await analyse(small({ runs: 4 }), { runner })
    expect(s.rows).toEqual([])
  })
})
