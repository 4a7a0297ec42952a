// Boundary tables of the support taper (step dates at the end of monitoring −1/0/+1 month, the step share at
// its maximum, the day a step takes effect), written so that `pnpm test:mutation` kills what Support.test.ts
// leaves alive.
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { PolicyProfile, Profiles, Support } from "../src/index.js"

const at = (d: string) => new Date(`${d}T00:00:00.000Z`)
const cite = { document: "Test programme", year: 2010, section: "1" }
const derived = (durationMonths: number, maxStepShare: number, stepMonths: number) => {
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

const reunified = at("2020-01-31")
const plan = (over: Partial<Support.SupportPlan> = {}): Support.SupportPlan => ({
  id: "sp-1",
  startsOn: reunified,
  recipient: "household",
  items: [{ category: "cash", amount: { amount: 100, currency: "USD" }, period: "monthly" }],
  ...over
})
const codes = (d: { reasons: ReadonlyArray<{ code: string }> }) => d.reasons.map((r) => r.code)

describe("Support.supportSchedule step dates [HD-taper-step-months, HD-taper-share]", () => {
  it.each([
    // duration, steps that fit (every 3 months, the last one on the last day of monitoring at the latest)
    [11, 3],
    [12, 4],
    [13, 4]
  ] as const)("monitoring of %i months, a step every 3 months → %i steps", (months, n) => {
    const P = derived(months, 0.25, 3)
    const d = Support.supportSchedule(plan(), P, reunified)
    const o = d.outcome
    expect(o.stepCount).toBe(n)
    expect(o.planId).toBe("sp-1")
    expect(o.taperFrom).toEqual(reunified)
    // month ends: 31 January + 3 months is 30 April, + 12 months 31 January
    expect(o.monitoringEnd).toEqual({ 11: at("2020-12-31"), 12: at("2021-01-31"), 13: at("2021-02-28") }[months])
    const dates = [at("2020-04-30"), at("2020-07-31"), at("2020-10-31"), at("2021-01-31")].slice(0, n)
    expect(o.taperEnd).toEqual(dates.at(-1))
    expect(o.lines).toEqual([
      {
        category: "cash",
        currency: "USD",
        period: "monthly",
        startAmount: 100,
        tapered: true,
        steps: [
          { from: reunified, amount: 100 },
          ...dates.map((from, i) => ({ from, amount: i === n - 1 ? 0 : (100 * (n - 1 - i)) / n }))
        ]
      }
    ])
    expect(d.reasons.at(-1)).toEqual({
      code: "taper-schedule",
      rule: "support/taper-to-independence",
      source: PolicyProfile.cite(P, "support", "stepMonths"),
      severity: "info",
      message: `Support steps down every 3 month(s) in ${n} step(s), reaching zero by the end of monitoring.`,
      details: { steps: n, stepMonths: 3, maxStepShare: 0.25 }
    })
    // four steps of a quarter are allowed; three steps of a third are not
    expect(codes(d)).toEqual(n < 4 ? ["taper-step-too-large", "taper-schedule"] : ["taper-schedule"])
    if (n < 4)
      expect(d.reasons[0]).toEqual({
        code: "taper-step-too-large",
        rule: "support/max-step",
        source: PolicyProfile.cite(P, "support", "maxStepShare"),
        severity: "warning",
        message:
          "Only 3 step(s) fit before the end of monitoring: each drop is 33.3% of the starting amount, more than the 25% maximum.",
        details: { steps: 3, stepsNeeded: 4, dropShare: 1 / 3, maxStepShare: 0.25 }
      })
  })

  it.each([
    [0.33, true],
    [1 / 3, false],
    [0.34, false]
  ] as const)("3 steps with a maximum step share of %d → too large %s", (share, tooLarge) => {
    const d = Support.supportSchedule(plan(), derived(9, share, 3), reunified)
    expect(d.outcome.stepCount).toBe(3)
    expect(codes(d).includes("taper-step-too-large")).toBe(tooLarge)
  })

  it("no whole step fits: one step to zero at the end of monitoring, with a warning", () => {
    const P = derived(2, 0.25, 3)
    const d = Support.supportSchedule(plan(), P, reunified)
    expect(d.outcome.stepCount).toBe(1)
    expect(d.outcome.taperEnd).toEqual(at("2020-03-31"))
    expect(d.outcome.lines[0]!.steps).toEqual([
      { from: reunified, amount: 100 },
      { from: at("2020-03-31"), amount: 0 }
    ])
    expect(d.reasons[0]).toEqual({
      code: "taper-no-time",
      rule: "support/taper-steps",
      source: PolicyProfile.cite(P, "support", "stepMonths"),
      severity: "warning",
      message: "No taper step fits before the end of monitoring: support stops in one step.",
      details: { stepMonths: 3 }
    })
    expect(codes(d)).toEqual(["taper-no-time", "taper-step-too-large", "taper-schedule"])
  })

  it("a plan starting after reunification tapers from its start; after the end of monitoring it stops at once", () => {
    const P = derived(12, 0.25, 3)
    const later = Support.supportSchedule(plan({ startsOn: at("2020-03-15") }), P, reunified)
    expect(later.outcome.taperFrom).toEqual(at("2020-03-15"))
    expect(later.outcome.lines[0]!.steps[1]).toEqual({ from: at("2020-06-15"), amount: 200 / 3 })
    expect(later.outcome.stepCount).toBe(3)
    const after = Support.supportSchedule(plan({ startsOn: at("2021-03-01") }), P, reunified)
    expect(after.outcome.taperFrom).toEqual(at("2021-03-01"))
    expect(after.outcome.taperEnd).toEqual(at("2021-03-01"))
    expect(after.outcome.stepCount).toBe(1)
    // a plan that started before reunification tapers from reunification
    const before = Support.supportSchedule(plan({ startsOn: at("2019-06-01") }), P, reunified)
    expect(before.outcome.taperFrom).toEqual(reunified)
    expect(before.outcome.lines[0]!.steps[0]).toEqual({ from: at("2019-06-01"), amount: 100 })
    // the time of day of reunification does not move the steps
    const noon = Support.supportSchedule(plan(), P, new Date("2020-01-31T12:00:00.000Z"))
    expect(noon.outcome.taperFrom).toEqual(reunified)
    expect(noon.outcome.monitoringEnd).toEqual(at("2021-01-31"))
  })

  it("one-off items are paid once, not tapered, and only they: no step warning", () => {
    const P = derived(9, 0.25, 3)
    const oneOff = {
      category: "school-costs" as const,
      amount: { amount: 30, currency: "USD" as const },
      period: "one-off" as const
    }
    const d = Support.supportSchedule(plan({ items: [oneOff] }), P, reunified)
    expect(d.outcome.lines).toEqual([
      {
        category: "school-costs",
        currency: "USD",
        period: "one-off",
        startAmount: 30,
        tapered: false,
        steps: [
          { from: reunified, amount: 30 },
          { from: at("2020-04-30"), amount: 0 }
        ]
      }
    ])
    expect(codes(d)).toEqual(["one-off-not-tapered", "taper-schedule"])
    expect(d.reasons[0]).toEqual({
      code: "one-off-not-tapered",
      rule: "support/one-off",
      source: PolicyProfile.cite(P, "support", "maxStepShare"),
      severity: "info",
      message: "One-off items are paid once and are not tapered."
    })
    const mixed = Support.supportSchedule(plan({ items: [oneOff, ...plan().items] }), P, reunified)
    expect(codes(mixed)).toEqual(["taper-step-too-large", "one-off-not-tapered", "taper-schedule"])
  })

  it("an invalid reunification day throws a named error", () => {
    expect(() => Support.supportSchedule(plan(), derived(12, 0.25, 3), new Date(Number.NaN))).toThrow(/reunifiedOn/)
  })
})

describe("Support.amountOn: a step takes effect on its day", () => {
  const line = Support.supportSchedule(plan(), derived(12, 0.25, 3), reunified).outcome.lines[0]!
  it.each([
    ["2020-01-30T23:59:59.999Z", 0],
    ["2020-01-31T00:00:00.000Z", 100],
    ["2020-04-29T23:59:59.999Z", 100],
    ["2020-04-30T00:00:00.000Z", 75],
    ["2020-04-30T00:00:00.001Z", 75],
    ["2021-01-30T23:59:59.999Z", 25],
    ["2021-01-31T00:00:00.000Z", 0],
    ["2030-01-01T00:00:00.000Z", 0]
  ] as const)("on %s: %d", (on, amount) => {
    expect(Support.amountOn(line, new Date(on))).toBe(amount)
  })
  it("an invalid day throws a named error", () => {
    expect(() => Support.amountOn(line, new Date(Number.NaN))).toThrow(/\bon\b/)
  })
})

describe("Support schemas", () => {
  it("a plan needs at least one item; the literals are the documented ones", () => {
    const decode = Schema.decodeUnknownResult(Support.SupportPlan)
    const p = {
      id: "p",
      startsOn: "2020-01-01",
      recipient: "household",
      items: [{ category: "cash", amount: { amount: 1, currency: "USD" }, period: "monthly" }]
    }
    expect(Result.isSuccess(decode(p))).toBe(true)
    expect(Result.isFailure(decode({ ...p, items: [] }))).toBe(true)
    expect(Result.isFailure(decode({ ...p, recipient: "child" }))).toBe(true)
    expect(Support.SupportCategory.literals).toEqual(["cash", "rent", "school-costs", "livelihood", "food"])
    expect(Support.Period.literals).toEqual(["one-off", "weekly", "monthly", "quarterly", "yearly"])
  })
})
