/**
 * The visit model: contacts are paced by the contact interval (or by what
 * one worker can visit), never by the number of workers or the caseload
 * cap; more workers, a higher cap or more visits a week never lower
 * throughput (without breakdowns and ageing out); with enough staff nobody
 * waits and more staff changes nothing (the infinite-staff limit).
 */
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { derived, layout, STATES } from "../src/internal/kernel.js"
import * as Pm from "../src/internal/params.js"
import { horizonOf } from "../src/Scenario.js"
import * as Scenarios from "../src/Scenarios.js"
import { prepare, simulateSync } from "../src/Simulate.js"
import { fromKnobs, knobs } from "./helpers.js"

const S = STATES.length
const homeAt = (run: Float64Array, P: number, m: number) =>
  run[STATES.indexOf("reunified") * P + m]! + run[STATES.indexOf("closed") * P + m]!

/** No breakdowns and no ageing out: the domain where throughput is monotone run by run. */
const calm = (k: typeof knobs extends fc.Arbitrary<infer K> ? K : never) => ({
  cohort: {
    children: k.children,
    ageYears: { kind: "fixed", value: 5 },
    traceableFamilyShare: k.traceable,
    riskFactorShare: k.risk,
    povertyOnlyShare: 0.3
  },
  breakdown: { probability: 0, withinMonths: 60, riskMultiplier: 1, readmit: true }
})

const perRunNeverLower = (a: ReturnType<typeof simulateSync>, b: ReturnType<typeof simulateSync>, months: number) => {
  const P = layout(months).P
  for (let r = 0; r < a.runs!.length; r++)
    expect(homeAt(b.runs![r]!, P, P - 1)).toBeGreaterThanOrEqual(homeAt(a.runs![r]!, P, P - 1))
}

describe("visit model: pacing", () => {
  it("pace is the contact interval, or 7 / visits a week when a worker cannot visit that often; cases per worker never exceed the cap", () => {
    const cfg = { caseloadCap: 15, breakdownWithinDays: 1826 }
    const theta = (visits: number, interval: number, count = 20) => {
      const t = new Float64Array(Pm.NP)
      t[Pm.VISITS] = visits
      t[Pm.INTERVAL] = interval
      t[Pm.COUNT] = count
      t[Pm.AVAILABILITY] = 1
      return t
    }
    expect(derived(theta(10, 7), cfg)).toMatchObject({ pace: 7, pathwayPerWorker: 10, pathwaySlots: 200, slots: 300 })
    expect(derived(theta(20, 7), cfg)).toMatchObject({ pace: 7, pathwayPerWorker: 15, pathwaySlots: 300, slots: 300 })
    expect(derived(theta(0.5, 7), cfg)).toMatchObject({ pace: 14, pathwayPerWorker: 1, pathwaySlots: 20 })
    expect(derived(theta(10, 14), cfg)).toMatchObject({ pace: 14, pathwayPerWorker: 15 })
    // [audit, issue 20 item 3] a cap of 1,000 no longer spreads visits thin: contacts stay weekly.
    expect(derived(theta(10, 7, 1000), { ...cfg, caseloadCap: 1000 })).toMatchObject({ pace: 7, pathwayPerWorker: 10 })
  })

  test.prop(
    [
      fc.double({ min: 0.05, max: 100, noNaN: true }),
      fc.double({ min: 0.5, max: 60, noNaN: true }),
      fc.integer({ min: 1, max: 500 }),
      fc.integer({ min: 1, max: 400 }),
      fc.integer({ min: 1, max: 50 })
    ],
    { numRuns: 300 }
  )(
    "pace never depends on the workers or the cap; more visits, workers or cap never mean fewer slots or a slower pace",
    (visits, interval, count, cap, more) => {
      const t = (v: number, c: number) => {
        const x = new Float64Array(Pm.NP)
        x[Pm.VISITS] = v
        x[Pm.INTERVAL] = interval
        x[Pm.COUNT] = c
        x[Pm.AVAILABILITY] = 1
        return x
      }
      const cfg = { caseloadCap: cap, breakdownWithinDays: 1826 }
      const base = derived(t(visits, count), cfg)
      const moreWorkers = derived(t(visits, count + more), cfg)
      const moreCap = derived(t(visits, count), { ...cfg, caseloadCap: cap + more })
      const moreVisits = derived(t(visits * 1.5, count), cfg)
      expect(moreWorkers.pace).toBe(base.pace)
      expect(moreCap.pace).toBe(base.pace)
      expect(moreVisits.pace).toBeLessThanOrEqual(base.pace)
      for (const k of ["slots", "pathwaySlots"] as const) {
        expect(moreWorkers[k]).toBeGreaterThanOrEqual(base[k])
        expect(moreCap[k]).toBeGreaterThanOrEqual(base[k])
        expect(moreVisits[k]).toBeGreaterThanOrEqual(base[k])
      }
      expect(base.pathwaySlots).toBeLessThanOrEqual(base.slots)
      // Each case in the pathway can be visited at the pace: cases × 7 / pace ≤ visits a week (or a single case).
      expect(base.pathwayPerWorker === 1 || (base.pathwayPerWorker * 7) / base.pace <= visits + 1e-9).toBe(true)
    }
  )
})

describe("visit model: throughput (common random numbers, no breakdowns, no ageing out)", () => {
  test.prop([knobs], { numRuns: 30 })("a higher caseload cap never lowers the share home at the horizon", (k) => {
    const few = fromKnobs(k, calm(k))
    const many = fromKnobs({ ...k, cap: k.cap + k.extraWorkers * 3 }, calm(k))
    perRunNeverLower(simulateSync(few, { keepRuns: true }), simulateSync(many, { keepRuns: true }), horizonOf(few))
  })

  test.prop([knobs], { numRuns: 30 })("more visits a week never lower the share home at the horizon", (k) => {
    const few = fromKnobs(k, calm(k))
    const many = fromKnobs({ ...k, visitsPerWeek: k.visitsPerWeek + k.extraWorkers * 2 }, calm(k))
    perRunNeverLower(simulateSync(few, { keepRuns: true }), simulateSync(many, { keepRuns: true }), horizonOf(few))
  })

  it("[audit, issue 20 item 3] 1,000 workers with a cap of 1,000 bring home at least as many as with a cap of 15", () => {
    const base = Scenarios.siemReap2017Encoded
    const run = (cap: number) =>
      simulateSync({
        ...base,
        socialWorkers: { ...base.socialWorkers, count: 1000, caseloadCap: cap },
        horizonMonths: 24,
        sampling: { mode: "central" },
        runs: 3
      } as never)
    const capped = run(15)
    const open = run(1000)
    expect(open.horizon.reintegratedShare.mean).toBeGreaterThanOrEqual(capped.horizon.reintegratedShare.mean)
    expect(open.horizon.reintegratedShare.mean).toBeGreaterThan(0.3)
    expect(open.visitModel.daysBetweenContacts).toBe(7)
  })
})

describe("visit model: the infinite-staff limit", () => {
  test.prop([knobs], { numRuns: 25 })(
    "with slots for every child and every re-entry nobody waits, and ten times the staff changes nothing",
    (k) => {
      const enough = k.children * 5 + 5
      const a = fromKnobs({ ...k, workers: enough, cap: 12, visitsPerWeek: 20 })
      const b = fromKnobs({ ...k, workers: enough * 10, cap: 12, visitsPerWeek: 20 })
      const ra = simulateSync(a, { keepRuns: true })
      const rb = simulateSync(b, { keepRuns: true })
      const L = layout(horizonOf(a))
      const waiting = STATES.indexOf("waiting")
      for (let r = 0; r < a.runs; r++) {
        const x = ra.runs![r]!
        const y = rb.runs![r]!
        // Identical outputs except the slot count and the worker count in the parameter vector.
        const same = (v: Float64Array) => [
          ...v.slice(0, L.slots),
          ...v.slice(L.unslotted, L.theta),
          ...v.slice(L.theta, L.theta + Pm.COUNT)
        ]
        expect(same(y)).toEqual(same(x))
        for (let m = 0; m < L.P; m++) expect(x[waiting * L.P + m]).toBe(0)
      }
      expect(S).toBe(10)
      expect(prepare(b).config.caseloadCap).toBe(12)
    }
  )
})
