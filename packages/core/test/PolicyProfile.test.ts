import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import {
  BestInterestChecks,
  CaseState,
  Child,
  Closure,
  Conference,
  Consent,
  Decision,
  Eligibility,
  IndependentLiving,
  Monitoring,
  Phase,
  PolicyProfile,
  Profiles,
  Reunification,
  Scoring,
  Validation
} from "../src/index.js"
import { SOURCE_SINCE } from "../src/internal/profileData.js"
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

// ---------------------------------------------------------------------------
// Citations: the repository's own docs/sources.md (issue 12, item 18)
// ---------------------------------------------------------------------------

const sourcesMd = readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "sources.md"), "utf8")
/** `### KEY` entries of docs/sources.md and the numbers of their `Values:` line. */
const entries = new Map<string, ReadonlyArray<number>>()
for (const block of sourcesMd.split(/^### /m).slice(1)) {
  const key = block.slice(0, block.indexOf("\n")).trim()
  const values = /^- Values: (.*)$/m.exec(block)?.[1] ?? ""
  entries.set(
    key,
    [...values.replace(/\([^)]*\)/g, "").matchAll(/\d+(\.\d+)?/g)].map((m) => Number(m[0]))
  )
}
const groupOf = (key: string) => (key.startsWith("HD-") ? "HD" : key)

/** Every citation of a built-in profile: parameter versions and contact steps, with the day it takes effect. */
const citations = (profile: PolicyProfile.PolicyProfile) => {
  const out: Array<{ where: string; source: PolicyProfile.Citation; from: Date; value: unknown; status: string }> = []
  for (const [group, key, param] of PolicyProfile.entries(profile)) {
    out.push({
      where: `${group}.${key}`,
      source: param.source,
      from: param.effectiveFrom,
      value: param.value,
      status: param.status
    })
    for (const h of param.history ?? [])
      out.push({
        where: `${group}.${key} (history)`,
        source: h.source,
        from: h.effectiveFrom,
        value: h.value,
        status: param.status
      })
  }
  for (const step of profile.parameters.phases.contactSteps.value)
    if (step.source !== undefined)
      out.push({
        where: `phases.contactSteps.${step.id}`,
        source: step.source,
        from: profile.parameters.phases.contactSteps.effectiveFrom,
        value: step,
        status: "practice"
      })
  return out
}

describe("[item 18] citations name entries of the repository's docs/sources.md", () => {
  it("docs/sources.md has the entries the profiles and rules cite", () => {
    for (const k of ["UNGL", "UNCRC", "PRIM", "UNICEF-SR", "AZIZA", "BCN-AP", "OSCAR", "IAG", "UNHCR08", "SD119"])
      expect(entries.has(k), k).toBe(true)
  })

  for (const profile of all) {
    it(`${profile.id}: every citation has a key with an entry in docs/sources.md, and no value takes effect before its source existed`, () => {
      for (const c of citations(profile)) {
        expect(c.source.key, c.where).toBeDefined()
        expect(entries.has(c.source.key!), `${c.where}: ${c.source.key}`).toBe(true)
        const since = SOURCE_SINCE[groupOf(c.source.key!)]
        expect(since, `${c.where}: applies-from day of ${c.source.key}`).toBeDefined()
        expect(c.from.getTime(), `${c.where} takes effect before ${c.source.key} existed`).toBeGreaterThanOrEqual(
          new Date(`${since}T00:00:00Z`).getTime()
        )
        expect(c.from.getUTCFullYear(), c.where).toBeGreaterThanOrEqual(c.source.year)
        expect(JSON.stringify(c.source), c.where).not.toContain("RULES.md")
      }
    })

    it(`${profile.id}: a number cited to a source is one that source gives (docs/sources.md Values); any other is a Homeward default`, () => {
      for (const c of citations(profile)) {
        const key = c.source.key!
        if (key.startsWith("HD-")) {
          expect(c.status, c.where).toBe("default-not-law")
          continue
        }
        const given = entries.get(key)!
        if (typeof c.value === "number") expect(given, `${c.where} = ${c.value} cited to ${key}`).toContain(c.value)
        if (c.where.startsWith("phases.contactSteps.")) {
          const step = c.value as PolicyProfile.ContactStep
          const defaults = new Set(step.homewardDefaults ?? [])
          const numbers: Array<[string, number | undefined]> = [
            ["minPositiveContacts", step.minPositiveContacts],
            ["minDwellDays", step.minDwellDays],
            ["longDwellWarningDays", step.longDwellWarningDays],
            ["weekly.min", step.weekly?.min],
            ["weekly.max", step.weekly?.max],
            ["weekly.weeks", step.weekly?.weeks]
          ]
          for (const [field, n] of numbers)
            if (n !== undefined && !defaults.has(field as never))
              expect(given, `${c.where}.${field} = ${n} cited to ${key}`).toContain(n)
        }
      }
    })
  }

  it("the numbers the audit found cited to the catalogue are Homeward defaults with their reasons", () => {
    const p = Profiles.cambodiaMosvy.parameters
    for (const [param, value] of [
      [p.eligibility.familyAssessmentMaxAgeDays, 183],
      [p.eligibility.bidMaxAgeDays, 183],
      [p.eligibility.viewsMaxAgeDays, 183],
      [p.eligibility.viewsDirectFromAge, 7],
      [p.eligibility.childAssentFromAge, 12],
      [p.monitoring.graceDays, 14],
      [p.closure.recentVisitsPositive, 2],
      [p.support.stepMonths, 3],
      [p.reporting.smallCellK, 5]
    ] as const) {
      expect(param.value).toBe(value)
      expect(param.status).toBe("default-not-law")
      expect(param.source.key).toMatch(/^HD-/)
      expect(param.source.document).toContain("docs/sources.md")
      expect((param.source.note ?? "").length).toBeGreaterThan(20)
    }
  })

  it("[UNICEF-SR] the national profile's 36 months is marked as extrapolated from the Siem Reap plan", () => {
    const d = Profiles.cambodiaMosvy.parameters.monitoring.durationMonths
    expect(d.value).toBe(36)
    expect(d.status).toBe("default-not-law")
    expect(d.source.key).toBe("UNICEF-SR")
    expect(d.source.note).toMatch(/Extrapolated/)
    // The Siem Reap profile itself applies it as practice.
    expect(Profiles.unicefSiemReap2017.parameters.monitoring.durationMonths.status).toBe("practice")
  })
})

describe("[item 17] a decision on a day before some of its parameters took effect says so", () => {
  it("notYetInForce is carried by decisions, and empty once every value is in force", () => {
    const early = Eligibility.assessReintegration(
      CaseState.initial("c1"),
      Profiles.cambodiaMosvy,
      new Date("2018-06-30")
    )
    expect(early.notYetInForce).toEqual(expect.arrayContaining(["scoring.concernAtOrBelow", "monitoring.graceDays"]))
    expect(early.notYetInForce).not.toContain("eligibility.adultAge")
    const now = Eligibility.assessReintegration(CaseState.initial("c1"), Profiles.cambodiaMosvy, new Date("2027-01-01"))
    expect(now.notYetInForce).toEqual([])
    const resolved = PolicyProfile.resolve(Profiles.cambodiaMosvy, new Date("2018-06-30"))
    expect(early.notYetInForce).toEqual(resolved.notYetInForce)
  })

  test.prop([fc.constantFrom(...Object.keys(Profiles.builtIn)), fc.integer({ min: 2000, max: 2030 })])(
    "notYetInForce lists exactly the parameters whose every version starts after asOf",
    (id, year) => {
      const profile = Profiles.builtIn[id]!
      const asOf = new Date(Date.UTC(year, 5, 30))
      const expected = PolicyProfile.entries(profile)
        .filter(([, , p]) => [p.effectiveFrom, ...(p.history ?? []).map((h) => h.effectiveFrom)].every((d) => d > asOf))
        .map(([g, k]) => `${g}.${k}`)
      expect(Closure.closureEligibility(CaseState.initial("c1"), profile, asOf).notYetInForce.slice().sort()).toEqual(
        expected.sort()
      )
    }
  )
})

describe("[issue 14, item 16] every rule refuses an Invalid Date instead of answering", () => {
  const bad = new Date("not a day")
  const s = CaseState.initial("c1")
  const p = Profiles.cambodiaMosvy
  const rules: ReadonlyArray<readonly [string, () => unknown]> = [
    ["PolicyProfile.resolve", () => PolicyProfile.resolve(p, bad)],
    ["Eligibility.assessReintegration", () => Eligibility.assessReintegration(s, p, bad)],
    ["Eligibility.targetHousehold", () => Eligibility.targetHousehold(s, bad)],
    ["BestInterestChecks.bestInterestChecks", () => BestInterestChecks.bestInterestChecks(s, p, bad)],
    ["Phase.canAdvance", () => Phase.canAdvance(s, p, bad)],
    ["Phase.stepProgress", () => Phase.stepProgress(s, bad, p.parameters.phases.contactSteps.value[0]!)],
    ["Phase.next", () => Phase.next(s, p, bad)],
    ["Monitoring.monitoringStatus", () => Monitoring.monitoringStatus(s, p, bad)],
    ["Monitoring.monitoringPlan", () => Monitoring.monitoringPlan(bad, p)],
    ["Monitoring.reviewStatus", () => Monitoring.reviewStatus(s, p, bad)],
    ["Monitoring.activityStatus", () => Monitoring.activityStatus(s, p, bad)],
    ["Closure.closureEligibility", () => Closure.closureEligibility(s, p, bad)],
    ["Consent.consentCovers", () => Consent.consentCovers(s, p, bad, "tracing", "AG-1")],
    [
      "Consent.isInForce",
      () =>
        Consent.isInForce(
          {
            id: "c",
            kind: "caregiver-consent",
            givenBy: "m",
            purposes: ["tracing"],
            agencies: ["AG-1"],
            givenOn: new Date("2018-01-01")
          },
          bad
        )
    ],
    ["Scoring.scoreDomains", () => Scoring.scoreDomains({ health: 1 }, p, bad)],
    ["Scoring.responseDeadline", () => Scoring.responseDeadline("high", p, bad)],
    ["Scoring.conferenceRequired", () => Scoring.conferenceRequired("family-reunification", p, bad)],
    ["Reunification.reunificationChecks", () => Reunification.reunificationChecks(s, p, bad)],
    ["Conference.conferenceHeld", () => Conference.conferenceHeld(s, p, bad, "family-reunification")],
    ["IndependentLiving.workOrStudy", () => IndependentLiving.workOrStudy(s, p, bad)],
    ["Child.ageOn", () => Child.ageOn(new Date("2010-01-01"), bad)]
  ]
  it.each(rules)("%s throws Decision.InvalidDate", (_, call) => {
    expect(call).toThrow(Decision.InvalidDate)
    try {
      call()
    } catch (e) {
      expect((e as Decision.InvalidDate)._tag).toBe("InvalidDate")
      expect((e as Decision.InvalidDate).message).toMatch(/not a valid date/)
    }
  })
})
