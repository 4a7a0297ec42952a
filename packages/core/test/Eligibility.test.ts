import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { Assessment, Eligibility, Profiles } from "../src/index.js"
import { arbDay, arbScenario } from "./arbitraries.js"
import { assertDeterministic } from "./helpers.js"
import { type Knobs, readyKnobs, stateFrom } from "./scenario.js"

const profiles = Object.values(Profiles.builtIn)
const arbProfile = fc.constantFrom(...profiles.map((p) => p.id)).map((id) => Profiles.builtIn[id]!)
const assess = (k: Knobs, asOf: Date, profile = Profiles.cambodiaMosvy) =>
  Eligibility.assessReintegration(stateFrom(k, asOf), profile, asOf)

/** Changes that each add a blocking condition to a case. */
const worsenings: ReadonlyArray<readonly [string, (k: Knobs) => Knobs]> = [
  ["views not heard", (k) => ({ ...k, views: null })],
  ["child says no", (k) => ({ ...k, views: { daysAgo: 1, howHeard: "direct-conversation", wish: "no" } })],
  ["no BID", (k) => ({ ...k, bid: null })],
  ["no family assessment", (k) => ({ ...k, familyAssessmentDaysAgo: null })],
  [
    "risk mitigation in progress",
    (k) => ({
      ...k,
      risks: [...k.risks, { factor: "gambling", mitigation: "mitigation-in-progress", householdId: "HH-1" }]
    })
  ],
  ["open high incident", (k) => ({ ...k, openIncidents: [...k.openIncidents, "high"] })],
  ["unmitigated abuse", (k) => ({ ...k, risks: [...k.risks, { factor: "sexual-abuse", mitigation: "unmitigated" }] })]
]
const arbWorsening = fc.constantFrom(...worsenings)

describe("Eligibility.assessReintegration", () => {
  it("[seed: Aziza's Place] the ready scenario is ready under every built-in profile", () => {
    for (const p of profiles) expect(assess(readyKnobs, new Date("2018-06-01"), p).outcome.kind, p.id).toBe("ready")
  })

  test.prop([arbScenario, arbDay, arbProfile])("is deterministic", (k, asOf, profile) => {
    assertDeterministic(
      (s: ReturnType<typeof stateFrom>) => Eligibility.assessReintegration(s, profile, asOf),
      stateFrom(k, asOf)
    )
  })

  test.prop([arbScenario, arbDay, arbProfile], { numRuns: 200 })(
    "every reason is cited and the decision names the profile",
    (k, asOf, profile) => {
      const d = assess(k, asOf, profile)
      expect(d.policy).toEqual({ id: profile.id, version: profile.version })
      expect(d.asOf.getTime()).toBe(asOf.getTime())
      expect(d.reasons.length).toBeGreaterThan(0)
      for (const r of d.reasons) {
        expect(r.code).toMatch(/^[a-z0-9-]+$/)
        expect(r.rule).toMatch(/^eligibility\//)
        expect(r.source.document.trim().length).toBeGreaterThan(0)
        expect(r.message.length).toBeGreaterThan(0)
      }
    }
  )

  test.prop([arbScenario, arbDay], { numRuns: 300 })(
    "outcome and reasons agree: not-yet lists every blocker (and has next steps); ready has none",
    (k, asOf) => {
      const d = assess(k, asOf)
      const blockers = d.reasons.filter((r) => r.severity === "blocker").map((r) => r.code)
      if (d.outcome.kind === "not-yet") {
        expect(d.outcome.blockers).toEqual(blockers)
        expect(blockers.length).toBeGreaterThan(0)
        expect(d.outcome.actions.length).toBeGreaterThan(0)
      }
      if (d.outcome.kind === "ready") expect(blockers).toEqual([])
    }
  )

  test.prop([arbScenario, arbDay, fc.constantFrom(...Assessment.RiskFactor.literals)], { numRuns: 300 })(
    "any unmitigated risk factor in the target family ⇒ never ready",
    (k, asOf, factor) => {
      const d = assess({ ...k, risks: [...k.risks, { factor, mitigation: "unmitigated", householdId: "HH-1" }] }, asOf)
      expect(d.outcome.kind).not.toBe("ready")
    }
  )

  test.prop([arbScenario, arbDay], { numRuns: 300 })(
    "an unmitigated risk in the target family ⇒ contraindicated or alternative",
    (k, asOf) => {
      const d = assess(
        {
          ...k,
          tracing: "traced",
          kinHousehold: false,
          risks: [{ factor: "physical-abuse", mitigation: "unmitigated" }]
        },
        asOf
      )
      expect(["contraindicated", "alternative"]).toContain(d.outcome.kind)
      if (d.outcome.kind === "contraindicated") {
        expect(d.outcome.factors).toContain("physical-abuse")
        expect(d.outcome.alternatives.length).toBeGreaterThan(0)
      }
    }
  )

  test.prop([arbScenario, arbDay, arbWorsening], { numRuns: 400 })(
    "monotone: adding a blocker never turns not-yet into ready",
    (k, asOf, [, worsen]) => {
      fc.pre(assess(k, asOf).outcome.kind === "not-yet")
      expect(assess(worsen(k), asOf).outcome.kind).not.toBe("ready")
    }
  )

  test.prop([arbWorsening, arbDay])("each blocking condition stops a ready case", ([, worsen], asOf) => {
    expect(assess(worsen(readyKnobs), asOf).outcome.kind).not.toBe("ready")
  })

  test.prop([arbScenario, arbDay, fc.constantFrom(["poverty"] as const, ["poverty", "access-to-education"] as const)], {
    numRuns: 300
  })("[UNGL ¶15] poverty-only: never kept in care for poverty reasons", (k, asOf, reasons) => {
    const poor: Knobs = { ...k, admissionReasons: reasons }
    const d = assess(poor, asOf)
    const blockers = d.reasons.filter((r) => r.severity === "blocker").map((r) => r.code)
    for (const b of blockers) expect(b).not.toMatch(/poverty|livelihood|housing|income/)
    expect(d.reasons.map((r) => r.code)).toContain("poverty-only-support-family")
    expect(d.outcome.actions.map((a) => a.code)).toContain("schedule-family-support")
    // The family's material conditions do not change the outcome.
    const provided = assess({ ...poor, housing: "suitable", livelihood: "stable" }, asOf)
    expect(d.outcome.kind).toBe(provided.outcome.kind)
  })

  test.prop([arbScenario, arbDay], { numRuns: 200 })(
    "a child who says no is never ready (the wish is not overridden)",
    (k, asOf) => {
      const d = assess({ ...k, views: { daysAgo: 0, howHeard: "direct-conversation", wish: "no" } }, asOf)
      expect(d.outcome.kind).not.toBe("ready")
    }
  )

  test.prop([fc.integer({ min: 0, max: 400 }), arbDay])(
    "family assessment age boundary (familyAssessmentMaxAgeDays)",
    (days, asOf) => {
      const max = Profiles.cambodiaMosvy.parameters.eligibility.familyAssessmentMaxAgeDays.value
      const codes = assess({ ...readyKnobs, familyAssessmentDaysAgo: days }, asOf).reasons.map((r) => r.code)
      expect(codes.includes("family-assessment-stale")).toBe(days > max)
    }
  )

  test.prop([fc.integer({ min: 0, max: 400 }), arbDay])("BID age boundary (bidMaxAgeDays)", (days, asOf) => {
    const max = Profiles.cambodiaMosvy.parameters.eligibility.bidMaxAgeDays.value
    const d = assess({ ...readyKnobs, bid: { ...readyKnobs.bid!, daysAgo: days } }, asOf)
    expect(d.outcome.kind === "ready").toBe(days <= max)
  })

  test.prop([fc.integer({ min: 0, max: 19 }), arbDay])(
    "views must be heard directly from viewsDirectFromAge",
    (age, asOf) => {
      const from = Profiles.cambodiaMosvy.parameters.eligibility.viewsDirectFromAge.value
      const d = assess(
        { ...readyKnobs, childAge: age, views: { daysAgo: 1, howHeard: "play-or-drawing", wish: "yes-soon" } },
        asOf
      )
      expect(d.reasons.map((r) => r.code).includes("views-not-heard-directly")).toBe(age >= from)
    }
  )

  it("[seed: Aziza's Place] a profile that does not require housing does not even ask for rent support", () => {
    const asOf = new Date("2018-06-01")
    const base = Profiles.azizasPlace
    const relaxed = {
      ...base,
      parameters: {
        ...base.parameters,
        eligibility: {
          ...base.parameters.eligibility,
          requireSuitableHousing: { ...base.parameters.eligibility.requireSuitableHousing, value: false }
        }
      }
    }
    const strict = assess({ ...readyKnobs, housing: "none" }, asOf, base)
    expect(strict.outcome.kind).toBe("ready")
    expect(strict.reasons.map((r) => r.code)).toContain("housing-support-needed")
    const loose = assess({ ...readyKnobs, housing: "none" }, asOf, relaxed)
    expect(loose.outcome.kind).toBe("ready")
    expect(loose.reasons.map((r) => r.code)).not.toContain("housing-support-needed")
  })

  it("[IAG 2016] return to extended family is reintegration: ready with placement type kinship", () => {
    const asOf = new Date("2018-06-01")
    const s = stateFrom(readyKnobs, asOf)
    const hh = s.households["HH-1"]!
    const kin = {
      ...s,
      households: {
        "HH-1": {
          ...hh,
          kind: "kinship" as const,
          members: [{ ...hh.members[0]!, relationship: "grandparent" as const }]
        }
      }
    }
    const d = Eligibility.assessReintegration(kin, Profiles.cambodiaMosvy, asOf)
    expect(d.outcome).toMatchObject({ kind: "ready", placementType: "kinship" })
    expect(Eligibility.assessReintegration(s, Profiles.cambodiaMosvy, asOf).outcome).toMatchObject({
      kind: "ready",
      placementType: "parents"
    })
  })

  test.prop([fc.integer({ min: 0, max: 25 }), arbDay])(
    "[UNCRC art. 1] from adultAge the young person is flagged as an adult",
    (age, asOf) => {
      const adult = Profiles.cambodiaMosvy.parameters.eligibility.adultAge.value
      const d = assess({ ...readyKnobs, childAge: age }, asOf)
      expect(d.reasons.map((r) => r.code).includes("young-person-is-adult")).toBe(age >= adult)
    }
  )
})

describe("Eligibility: alternative pathways", () => {
  test.prop([
    arbScenario,
    arbDay,
    fc.constantFrom("kinship", "foster", "community-based", "independent-living", "residential-care" as const)
  ])("only a current BID that heard the child and family decides an alternative pathway", (k, asOf, placementType) => {
    const bid = {
      daysAgo: 1,
      recommendation: "change-current-arrangement" as const,
      placementType,
      childViewsConsidered: true,
      familyViewsConsidered: true
    }
    expect(assess({ ...k, bid }, asOf).outcome.kind).toBe("alternative")
    const unheard = assess({ ...k, tracing: "traced", bid: { ...bid, childViewsConsidered: false } }, asOf)
    expect(unheard.outcome.kind).not.toBe("alternative")
    expect(unheard.outcome.kind).not.toBe("ready")
  })
})
