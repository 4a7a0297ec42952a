import { test } from "@fast-check/vitest"
import { PolicyProfile, Profiles } from "@homeward/core"
import { describe, expect, it } from "vitest"
import { fanChartSvg } from "../src/Chart.js"
import { layout, STATES } from "../src/internal/kernel.js"
import { toCsv, toJson } from "../src/Output.js"
import { childrenOf, horizonOf, startOf } from "../src/Scenario.js"
import { type Progress, prepare, simulate, simulateStream, simulateSync } from "../src/Simulate.js"
import { fromKnobs, horizonEnd, knobs, small, smallEncoded } from "./helpers.js"

const S = STATES.length
const countsAt = (run: Float64Array, P: number, m: number) => Array.from({ length: S }, (_, s) => run[s * P + m]!)
const reintegratedAt = (run: Float64Array, P: number, m: number) =>
  run[STATES.indexOf("reunified") * P + m]! + run[STATES.indexOf("closed") * P + m]!

describe("simulate: conservation", () => {
  test.prop([knobs], { numRuns: 40 })("every child is in exactly one state at every month", (k) => {
    const sc = fromKnobs(k)
    const r = simulateSync(sc, { keepRuns: true })
    const P = layout(horizonOf(sc)).P
    for (const run of r.runs!) {
      for (let m = 0; m < P; m++) {
        const c = countsAt(run, P, m)
        expect(c.every((x) => x >= 0)).toBe(true)
        expect(c.reduce((a, b) => a + b, 0)).toBe(childrenOf(sc))
      }
      // Children reunified at least once: at most the cohort, at least those at home at the horizon.
      const ever = run[layout(horizonOf(sc)).everReunified]!
      expect(ever).toBeLessThanOrEqual(childrenOf(sc))
      expect(ever).toBeGreaterThanOrEqual(reintegratedAt(run, P, P - 1))
    }
  })
})

describe("simulate: conservation near the adult age", () => {
  it("[UNCRC art. 1] children reunified shortly before 18 are counted once, even when breakdowns are frequent", () => {
    const sc = small({
      cohort: {
        children: 200,
        ageYears: { kind: "fixed", value: 16.5 },
        traceableFamilyShare: 1,
        riskFactorShare: 0,
        povertyOnlyShare: 0
      },
      breakdown: { probability: 0.9, withinMonths: 24, riskMultiplier: 1, readmit: true },
      horizonMonths: 60,
      runs: 3
    })
    const r = simulateSync(sc, { keepRuns: true })
    const P = layout(60).P
    for (const run of r.runs!) {
      for (let m = 0; m < P; m++) expect(countsAt(run, P, m).reduce((a, b) => a + b, 0)).toBe(200)
    }
  })
})

describe("simulate: social workers (common random numbers)", () => {
  test.prop([knobs], { numRuns: 40 })(
    "more social workers never lower the reintegrated share at the horizon (no breakdowns, no ageing out)",
    (k) => {
      const over = {
        cohort: {
          children: k.children,
          ageYears: { kind: "fixed", value: 5 },
          traceableFamilyShare: k.traceable,
          riskFactorShare: k.risk,
          povertyOnlyShare: 0.3
        },
        breakdown: { probability: 0, withinMonths: 60, riskMultiplier: 1, readmit: true }
      }
      const few = fromKnobs(k, over)
      const many = fromKnobs({ ...k, workers: k.workers + k.extraWorkers }, over)
      const a = simulateSync(few, { keepRuns: true })
      const b = simulateSync(many, { keepRuns: true })
      const P = layout(horizonOf(few)).P
      for (let r = 0; r < few.runs; r++) {
        expect(reintegratedAt(b.runs![r]!, P, P - 1)).toBeGreaterThanOrEqual(reintegratedAt(a.runs![r]!, P, P - 1))
      }
      expect(b.horizon.reintegratedShare.mean).toBeGreaterThanOrEqual(a.horizon.reintegratedShare.mean)
    }
  )
})

describe("simulate: social workers, with breakdowns", () => {
  test.prop([knobs], { numRuns: 30 })(
    "more social workers never lower the share of children reunified at least once by the horizon (breakdowns and re-entry on, no ageing out)",
    (k) => {
      const over = {
        cohort: {
          children: k.children,
          ageYears: { kind: "fixed", value: 4 },
          traceableFamilyShare: k.traceable,
          riskFactorShare: k.risk,
          povertyOnlyShare: 0.3
        }
      }
      const few = fromKnobs(k, over)
      const many = fromKnobs({ ...k, workers: k.workers + k.extraWorkers }, over)
      const a = simulateSync(few, { keepRuns: true })
      const b = simulateSync(many, { keepRuns: true })
      const off = layout(horizonOf(few)).everReunified
      for (let r = 0; r < few.runs; r++) expect(b.runs![r]![off]).toBeGreaterThanOrEqual(a.runs![r]![off]!)
    }
  )
})

describe("simulate: the fastest path the policy allows", () => {
  const fastest = (policy: string, visitsPerWeek: number, horizonMonths: number) =>
    small({
      cohort: {
        children: 10,
        ageYears: { kind: "fixed", value: 5 },
        traceableFamilyShare: 1,
        riskFactorShare: 0,
        povertyOnlyShare: 0
      },
      socialWorkers: { count: 10, caseloadCap: 15, visitsPerWeek },
      policy,
      durations: {
        intake: { kind: "fixed", value: 0 },
        assessment: { kind: "fixed", value: 0 },
        preparation: { kind: "fixed", value: 0 },
        contactStep: { kind: "fixed", value: 0 }
      },
      outcomes: { contactPositive: 1, riskIneligible: 0, closurePass: 1, closureRetryDays: 30 },
      breakdown: { probability: 0, withinMonths: 60, riskMultiplier: 1, readmit: false },
      horizonMonths,
      target: { share: 0.3, deadline: horizonEnd(horizonMonths) },
      runs: 2
    })

  it.each(["azizas-place", "unicef-siem-reap-2017", "un-guidelines-2009"])(
    "[seed: Aziza's Place] %s: when every step succeeds, every child is home after the sum of the steps' minimum dwell",
    (id) => {
      const profile = Profiles.get(id)!
      const sc = fastest(id, 1000, 12)
      const { facts, config } = prepare(sc)
      const steps = PolicyProfile.resolve(profile, startOf(sc)).values.phases.contactSteps
      // The facts learned from Phase.canAdvance match the profile's own minimums.
      expect(facts.steps.map((s) => [s.id, s.positiveContacts, s.minDwellDays])).toEqual(
        steps.map((s) => [s.id, s.minPositiveContacts, s.minDwellDays])
      )
      const minDays = steps.reduce((a, s) => a + s.minDwellDays, 0)
      const r = simulateSync(sc, { keepRuns: true })
      const P = layout(12).P
      const L = layout(12)
      const home = config.snapshotDays.findIndex((d) => d >= minDays)
      for (const run of r.runs!) {
        expect(reintegratedAt(run, P, home - 1)).toBe(0)
        expect(reintegratedAt(run, P, home)).toBe(10)
        expect(run[L.reunifications + home]).toBe(10)
        let contacts = 0
        for (let m = 0; m < P; m++) contacts += run[L.contactVisits + m]!
        expect(contacts).toBe(10 * steps.reduce((a, s) => a + s.minPositiveContacts, 0))
      }
    }
  )

  it("[seed: Aziza's Place] when a worker cannot visit weekly, each step lasts as long as the worker needs to make its contacts", () => {
    const sc = fastest("azizas-place", 0.5, 60)
    const { config } = prepare(sc)
    const steps = PolicyProfile.resolve(Profiles.azizasPlace, startOf(sc)).values.phases.contactSteps
    const perVisit = 7 / 0.5 // one visit every two weeks: slower than the weekly contact interval
    const days = steps.reduce((a, s) => a + Math.max(s.minDwellDays, s.minPositiveContacts * perVisit), 0)
    const r = simulateSync(sc, { keepRuns: true })
    const L = layout(60)
    const home = config.snapshotDays.findIndex((d) => d >= days)
    expect(r.runs![0]![L.reunifications + home]).toBe(10)
  })
})

describe("simulate: determinism and outputs", () => {
  it("the same scenario and seed give byte-identical JSON on 1 and 2 worker threads (from source)", async () => {
    const sc = small({ runs: 24 })
    const progress: Array<Progress> = []
    const one = toJson(await simulate(sc, { workers: 1, chunkSize: 5 }))
    const two = toJson(await simulate(sc, { workers: 2, chunkSize: 5, onProgress: (p) => progress.push(p) }))
    expect(two).toBe(one)
    expect(toJson(simulateSync(sc))).toBe(one)
    expect(progress.at(-1)).toEqual({ completed: 24, total: 24 })
    expect(progress.map((p) => p.completed)).toEqual([...progress.map((p) => p.completed)].sort((a, b) => a - b))
  }, 60_000)

  it("simulateStream yields progress events then the same result", async () => {
    const sc = small({ runs: 12 })
    const seen: Array<number> = []
    let json = ""
    for await (const e of simulateStream(sc, { workers: 1, chunkSize: 4 })) {
      if (e.type === "progress") seen.push(e.completed)
      else json = toJson(e.result)
    }
    expect(seen).toEqual([4, 8, 12])
    expect(json).toBe(toJson(simulateSync(sc)))
  })

  it("accepts a scenario in JSON form and rejects an invalid one naming the field", async () => {
    const json = toJson(simulateSync(smallEncoded({ runs: 3 })))
    expect(json).toBe(toJson(simulateSync(small({ runs: 3 }))))
    await expect(simulate(smallEncoded({ runs: 0 }), { workers: 1 })).rejects.toThrow(/runs/)
  })

  it("a different seed gives different results", () => {
    expect(toJson(simulateSync(small({ seed: 8 })))).not.toBe(toJson(simulateSync(small({ seed: 7 }))))
  })

  it("fixed-seed snapshot of a small scenario (JSON and CSV)", async () => {
    const r = simulateSync(small({ runs: 5 }))
    await expect(toJson(r)).toMatchFileSnapshot("__snapshots__/small.json.snap")
    await expect(toCsv(r)).toMatchFileSnapshot("__snapshots__/small.csv.snap")
  })

  it("CSV has one row per month and the documented columns", () => {
    const r = simulateSync(small({ runs: 3 }))
    const lines = toCsv(r)
      .trim()
      .split("\n")
      .filter((l) => !l.startsWith("#"))
    expect(lines.length).toBe(r.months.length + 1)
    expect(lines[0]!.split(",")).toContain("reintegrated_share_p95")
    for (const l of lines) expect(l.split(",").length).toBe(lines[0]!.split(",").length)
  })

  it("bands are ordered P5 ≤ P50 ≤ P95 and the target probability is a share", () => {
    const r = simulateSync(small({ runs: 30 }))
    for (const m of r.months) {
      expect(m.reintegratedShare.p5).toBeLessThanOrEqual(m.reintegratedShare.p50)
      expect(m.reintegratedShare.p50).toBeLessThanOrEqual(m.reintegratedShare.p95)
    }
    expect(r.target.probabilityReached).toBeGreaterThanOrEqual(0)
    expect(r.target.probabilityReached).toBeLessThanOrEqual(1)
  })

  it("the fan chart is self-contained SVG with band, median, target line, deadline, axes and title", () => {
    const svg = fanChartSvg(simulateSync(small({ runs: 10 })))
    expect(svg.startsWith("<svg")).toBe(true)
    expect(svg).toContain("<polygon")
    expect(svg).toContain("<polyline")
    expect(svg).toContain("Target 30%")
    expect(svg).toContain("Deadline 2018-12-31")
    expect(svg).toContain("Share of the cohort home")
    expect(svg).toContain("Month")
    expect(svg).toContain("<title")
    expect(svg).not.toMatch(/<script|<image|href=|@import|url\(/)
    expect(svg.match(/http/g)?.length).toBe(1) // the xmlns only
    const [, width, height] = svg.match(/viewBox="0 0 (\d+) (\d+)"/)!.map(Number) as [number, number, number]
    // Every plotted point lies inside the drawing.
    for (const m of svg.matchAll(/points="([^"]+)"/g)) {
      for (const pt of m[1]!.split(" ")) {
        const [x, y] = pt.split(",").map(Number) as [number, number]
        expect(x >= 0 && x <= width && y >= 0 && y <= height).toBe(true)
      }
    }
  })
})
