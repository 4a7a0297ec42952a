import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { PolicyProfile, Profiles, Validation } from "../src/index.js"
import { assertRoundTrip } from "./helpers.js"

const all = Object.values(Profiles.builtIn)

describe("built-in profiles", () => {
  it("are the four sources", () => {
    expect(Object.keys(Profiles.builtIn).sort()).toEqual([
      "azizas-place",
      "cambodia-mosvy",
      "un-guidelines-2009",
      "unicef-siem-reap-2017"
    ])
  })
  for (const profile of all) {
    it(`${profile.id}: decodes from its own JSON and every parameter has a source`, () => {
      const json = JSON.parse(JSON.stringify(Validation.encode(PolicyProfile.PolicyProfile, profile)))
      expect(Result.isSuccess(PolicyProfile.decodeProfile(json))).toBe(true)
      for (const [group, key, param] of PolicyProfile.entries(profile)) {
        expect(param.source.document.trim().length, `${group}.${key}`).toBeGreaterThan(0)
        expect(param.source.year, `${group}.${key}`).toBeGreaterThanOrEqual(1989)
        if (param.status === "default-not-law") {
          expect(`${param.source.document} ${param.source.note ?? ""}`.toLowerCase(), `${group}.${key}`).toMatch(
            /default/
          )
        }
      }
    })
    it(`${profile.id}: resolves every parameter for every year 2006–2035`, () => {
      for (let year = 2006; year <= 2035; year++) {
        const r = PolicyProfile.resolve(profile, new Date(Date.UTC(year, 6, 1)))
        for (const [group, key] of PolicyProfile.entries(profile)) {
          expect((r.values as Record<string, Record<string, unknown>>)[group]?.[key], `${group}.${key}`).not.toBe(
            undefined
          )
        }
      }
    })
  }
  it("UNICEF Siem Reap 2017: 3 years of follow-up and 30% by end 2018 [seed: UNICEF Siem Reap 2017]", () => {
    const p = Profiles.unicefSiemReap2017.parameters
    expect(p.monitoring.durationMonths.value).toBe(36)
    expect(p.programme.targetShare.value).toBe(0.3)
    expect(p.programme.targetDeadline.value.toISOString().slice(0, 10)).toBe("2018-12-31")
  })
  it("Aziza's Place: two years of monitoring and four staged steps [seed: Aziza's Place]", () => {
    const p = Profiles.azizasPlace.parameters
    expect(p.monitoring.durationMonths.value).toBe(24)
    expect(p.phases.contactSteps.value.map((s) => s.id)).toEqual([
      "sunday-day-visits",
      "weekend-sleepovers",
      "two-three-nights",
      "every-night"
    ])
    expect(p.phases.deadlineDays.value).toBeNull()
  })
  it("Form 6 thresholds [PRIM, OSCaR]", () => {
    const c = Profiles.cambodiaMosvy.parameters.closure
    expect([c.childMinTotal.value, c.familyMinTotal.value, c.grandMinTotal.value]).toEqual([18, 30, 48])
  })
})

describe("resolution by date", () => {
  it("uses the latest value in force and reports values not yet in force", () => {
    const derived = PolicyProfile.derive(Profiles.cambodiaMosvy, {
      id: "test",
      version: "1.0.0",
      title: "Test",
      parameters: {
        monitoring: {
          durationMonths: {
            value: 24,
            effectiveFrom: "2020-01-01",
            source: { document: "Test policy", year: 2020 },
            history: [{ value: 12, effectiveFrom: "2015-01-01", source: { document: "Old policy", year: 2015 } }]
          }
        }
      }
    })
    expect(Result.isSuccess(derived)).toBe(true)
    const profile = Result.getOrThrow(derived)
    expect(PolicyProfile.resolve(profile, new Date("2016-06-01")).values.monitoring.durationMonths).toBe(12)
    expect(PolicyProfile.resolve(profile, new Date("2021-06-01")).values.monitoring.durationMonths).toBe(24)
    const early = PolicyProfile.resolve(profile, new Date("2010-06-01"))
    expect(early.values.monitoring.durationMonths).toBe(12)
    expect(early.notYetInForce).toContain("monitoring.durationMonths")
  })
})

describe("derive", () => {
  it("rejects a changed value that keeps the base citation", () => {
    const r = PolicyProfile.derive(Profiles.cambodiaMosvy, {
      id: "x",
      version: "1.0.0",
      title: "X",
      parameters: { closure: { grandMinTotal: { value: 40 } } }
    })
    expect(Result.isFailure(r)).toBe(true)
    expect(Result.isFailure(r) && r.failure[0]?.rule).toBe("policy/citation-required")
  })
  it("records what it was derived from", () => {
    expect(Profiles.azizasPlace.derivedFrom).toEqual({ id: "cambodia-mosvy", version: "1.1.0" })
  })
})

describe("user profiles from JSON", () => {
  test.prop([fc.jsonValue()], { numRuns: 100 })("junk never throws", (junk) => {
    const r = PolicyProfile.decodeProfile(junk)
    expect(Result.isFailure(r)).toBe(true)
  })
  it("a profile missing a source is rejected with the path", () => {
    const json = JSON.parse(JSON.stringify(Validation.encode(PolicyProfile.PolicyProfile, Profiles.cambodiaMosvy)))
    delete json.parameters.monitoring.durationMonths.source
    const r = PolicyProfile.decodeProfile(json)
    expect(Result.isFailure(r) && r.failure.map((i) => i.pathString)).toContain(
      "parameters.monitoring.durationMonths.source"
    )
  })
  it("profile schema round-trips generated values", async () => {
    await assertRoundTrip(PolicyProfile.PolicyProfile as never, 15)
  })
})
