import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Monitoring, PolicyProfile, Profiles, Support } from "../src/index.js"
import { Arbitraries } from "../src/testing/index.js"
import { assertDeterministic, assertNonIncreasing } from "./helpers.js"

const DAY = 86_400_000
const at = (d: string) => new Date(`${d}T00:00:00.000Z`)

const derived = (durationMonths: number, maxStepShare: number, stepMonths: number) => {
  const cite = { document: "Test programme", year: 2026, section: "1" }
  const r = PolicyProfile.derive(Profiles.azizasPlace, {
    id: "test",
    version: "1.0.0",
    title: "Test",
    parameters: {
      monitoring: { durationMonths: { value: durationMonths, source: cite } },
      support: { maxStepShare: { value: maxStepShare, source: cite }, stepMonths: { value: stepMonths, source: cite } }
    }
  })
  if (Result.isFailure(r)) throw new Error("invalid test profile")
  return r.success
}

const anyProfile = fc.oneof(
  Arbitraries.profile,
  fc
    .record({
      d: fc.integer({ min: 1, max: 60 }),
      s: fc.double({ min: 0.01, max: 1, noNaN: true }),
      m: fc.integer({ min: 1, max: 12 })
    })
    .map(({ d, s, m }) => derived(d, s, m))
)

describe("Support taper properties", () => {
  test.prop([anyProfile, Arbitraries.day, fc.integer({ min: -200, max: 900 })], { numRuns: 200 })(
    "monotone, never negative, ends at zero by the end of monitoring, no drop larger than the max step (or says so)",
    (profile, reunifiedOn, startOffset) =>
      fc.assert(
        fc.property(Arbitraries.supportPlan(new Date(reunifiedOn.getTime() + startOffset * DAY)), (plan) => {
          const d = Support.supportSchedule(plan, profile, reunifiedOn)
          const { maxStepShare } = PolicyProfile.resolve(profile, reunifiedOn).values.support
          const end = Monitoring.monitoringEnd(reunifiedOn, profile)
          const flagged = d.reasons.some((r) => r.code === "taper-step-too-large")
          for (const line of d.outcome.lines) {
            const amounts = line.steps.map((s) => s.amount)
            assertNonIncreasing(amounts)
            for (const a of amounts) expect(a).toBeGreaterThanOrEqual(0)
            expect(amounts.at(-1)).toBe(0)
            const zeroOn = line.steps.at(-1)!.from.getTime()
            expect(zeroOn <= end.getTime() || zeroOn === d.outcome.taperFrom.getTime()).toBe(true)
            if (line.tapered && !flagged) {
              for (let i = 1; i < amounts.length; i++)
                expect(amounts[i - 1]! - amounts[i]!).toBeLessThanOrEqual(
                  maxStepShare * line.startAmount * (1 + 1e-9) + 1e-9
                )
            }
            expect(Support.amountOn(line, new Date(end.getTime() + DAY))).toBe(0)
          }
          assertDeterministic((p: typeof plan) => Support.supportSchedule(p, profile, reunifiedOn), plan)
        }),
        { numRuns: 3 }
      )
  )
})

describe("Support taper examples", () => {
  const plan = {
    id: "sp-1",
    startsOn: at("2018-01-01"),
    recipient: "household" as const,
    items: [{ category: "cash" as const, amount: { amount: 40, currency: "USD" as const }, period: "monthly" as const }]
  }

  it("[seed: Aziza's Place] support scales back slowly to independence over the 2 years of monitoring", () => {
    const d = Support.supportSchedule(plan, Profiles.azizasPlace, at("2018-01-01"))
    expect(d.outcome.lines[0]?.steps.map((s) => s.amount)).toEqual([40, 35, 30, 25, 20, 15, 10, 5, 0])
    expect(d.outcome.taperEnd).toEqual(at("2020-01-01"))
    expect(d.reasons.some((r) => r.code === "taper-step-too-large")).toBe(false)
  })

  it("[default] too short a monitoring period for the maximum step is said, not silently broken", () => {
    const short = derived(6, 0.25, 3)
    const d = Support.supportSchedule(plan, short, at("2018-01-01"))
    expect(d.outcome.lines[0]?.steps.map((s) => s.amount)).toEqual([40, 20, 0])
    const r = d.reasons.find((x) => x.code === "taper-step-too-large")
    expect(r?.severity).toBe("warning")
    expect(r?.details).toMatchObject({ steps: 2, stepsNeeded: 4 })
  })

  it("support paid before reunification stays whole until reunification, then tapers", () => {
    const d = Support.supportSchedule(plan, Profiles.azizasPlace, at("2018-07-01"))
    const line = d.outcome.lines[0]!
    expect(Support.amountOn(line, at("2018-06-30"))).toBe(40)
    expect(Support.amountOn(line, at("2018-10-01"))).toBe(35)
    expect(Support.amountOn(line, at("2020-07-01"))).toBe(0)
  })
})
