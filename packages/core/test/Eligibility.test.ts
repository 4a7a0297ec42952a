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

const codesOf = (d: { reasons: ReadonlyArray<{ code: string; severity: string }> }, severity?: string) =>
  d.reasons.filter((r) => severity === undefined || r.severity === severity).map((r) => r.code)

/** Material conditions of a family: housing, livelihood, income (the economicCapacity domain) and material support. */
const arbMaterial = fc.record({
  housing: fc.constantFrom("suitable", "needs-improvement", "unsuitable", "none", "unknown") as fc.Arbitrary<
    Knobs["housing"]
  >,
  livelihood: fc.constantFrom("stable", "irregular", "none", "unknown") as fc.Arbitrary<Knobs["livelihood"]>,
  economicCapacity: fc.integer({ min: 1, max: 4 }),
  support: fc.subarray(["cash", "rent", "school-costs", "livelihood", "food"] as const)
})

describe("[UNGL ¶15] material conditions never hold a child in care", () => {
  test.prop([arbScenario, arbDay, arbMaterial, arbProfile], { numRuns: 400 })(
    "material conditions alone never block, whatever the admission reason",
    (k, asOf, m, profile) => {
      const material = (x: Knobs, v: typeof m): Knobs => ({
        ...x,
        housing: v.housing,
        livelihood: v.livelihood,
        familyCapacity: { ...x.familyCapacity, economicCapacity: v.economicCapacity },
        support: v.support
      })
      const poor = assess(material(k, m), asOf, profile)
      const provided = assess(
        material(k, { housing: "suitable", livelihood: "stable", economicCapacity: 4, support: [] }),
        asOf,
        profile
      )
      expect(poor.outcome.kind).toBe(provided.outcome.kind)
      expect([...new Set(codesOf(poor, "blocker"))].sort()).toEqual([...new Set(codesOf(provided, "blocker"))].sort())
      for (const b of codesOf(poor, "blocker")) expect(b).not.toMatch(/poverty|livelihood|housing|income|economic/)
    }
  )

  it("[UNGL ¶15] a child admitted for neglect, family otherwise ready, without suitable housing or a stable livelihood: ready, with the support plan the family needs", () => {
    const d = assess({ ...readyKnobs, admissionReasons: ["neglect"], housing: "unsuitable", livelihood: "none" }, at)
    expect(d.outcome.kind).toBe("ready")
    expect(codesOf(d, "blocker")).toEqual([])
    expect(codesOf(d, "warning")).toEqual(
      expect.arrayContaining(["housing-support-needed", "livelihood-support-needed"])
    )
    const actions = d.outcome.actions
    expect(actions).toEqual(
      expect.arrayContaining([
        { code: "support-housing", householdId: "HH-1", categories: ["rent"] },
        { code: "support-livelihood", householdId: "HH-1", categories: ["livelihood", "cash", "food"] }
      ])
    )
    // Once a household plan covers them they are information, not warnings.
    const covered = assess(
      {
        ...readyKnobs,
        admissionReasons: ["neglect"],
        housing: "unsuitable",
        livelihood: "none",
        support: ["rent", "cash"]
      },
      at
    )
    expect(codesOf(covered, "info")).toEqual(expect.arrayContaining(["housing-supported", "livelihood-supported"]))
    expect(covered.outcome.actions.map((a) => a.code)).not.toContain("support-housing")
  })

  it("[UNGL ¶15, PRIM] income scored very poor (economicCapacity 1) makes the case high risk, but is family support, not a blocker", () => {
    const d = assess({ ...readyKnobs, familyCapacity: { ...readyKnobs.familyCapacity, economicCapacity: 1 } }, at)
    expect(d.outcome.kind).toBe("ready")
    expect(codesOf(d)).toContain("livelihood-support-needed")
    expect(d.outcome.actions.map((a) => a.code)).toContain("support-livelihood")
  })

  it("[UNGL ¶15] non-material findings still block: the child's views, the determination, risk", () => {
    const base = { ...readyKnobs, housing: "none" as const, livelihood: "none" as const }
    expect(assess({ ...base, views: null }, at).outcome.kind).toBe("not-yet")
    expect(assess({ ...base, bid: null }, at).outcome.kind).toBe("not-yet")
    expect(assess({ ...base, risks: [{ factor: "physical-abuse", mitigation: "unmitigated" }] }, at).outcome.kind).toBe(
      "contraindicated"
    )
  })
})

const at = new Date("2018-06-01")

describe("[PRIM] high-risk scores drive the risk level and need a safety plan", () => {
  const twoVeryPoor = { ...readyKnobs.familyCapacity, familyFunctioning: 1, emotionalBonding: 1 }

  it("[PRIM] a family with two domains scored 1 is not ready until a safety plan made since covers both", () => {
    const blocked = assess({ ...readyKnobs, familyCapacity: twoVeryPoor }, at)
    expect(blocked.outcome.kind).toBe("not-yet")
    expect(codesOf(blocked, "blocker")).toEqual(["family-high-risk"])
    expect(blocked.outcome.actions.map((a) => a.code)).toContain("safety-plan")
    // The family assessment is 30 days old (scenario default).
    const partial = assess(
      { ...readyKnobs, familyCapacity: twoVeryPoor, safetyPlan: { daysAgo: 5, domains: ["familyFunctioning"] } },
      at
    )
    expect(codesOf(partial, "blocker")).toEqual(["family-high-risk"])
    const plan = {
      domains: ["familyFunctioning", "emotionalBonding"] as Array<"familyFunctioning" | "emotionalBonding">
    }
    expect(
      assess({ ...readyKnobs, familyCapacity: twoVeryPoor, safetyPlan: { ...plan, daysAgo: 5 } }, at).outcome.kind
    ).toBe("ready")
    // Made on the assessment's day: covers it. The day before: it predates the finding. After asOf: not yet made.
    expect(
      assess({ ...readyKnobs, familyCapacity: twoVeryPoor, safetyPlan: { ...plan, daysAgo: 30 } }, at).outcome.kind
    ).toBe("ready")
    expect(
      assess({ ...readyKnobs, familyCapacity: twoVeryPoor, safetyPlan: { ...plan, daysAgo: 31 } }, at).outcome.kind
    ).toBe("not-yet")
    expect(
      assess({ ...readyKnobs, familyCapacity: twoVeryPoor, safetyPlan: { ...plan, daysAgo: -1 } }, at).outcome.kind
    ).toBe("not-yet")
  })

  it("[PRIM] more than three domains scored 2 is high risk; three is not", () => {
    const three = { ...readyKnobs.familyCapacity, basicCare: 2, safetyStability: 2, familyFunctioning: 2 }
    expect(assess({ ...readyKnobs, familyCapacity: three }, at).outcome.kind).toBe("ready")
    const four = { ...three, community: 2 }
    expect(codesOf(assess({ ...readyKnobs, familyCapacity: four }, at), "blocker")).toEqual(["family-high-risk"])
  })

  it("[PRIM] a recorded risk level below the scores is a finding; a recorded high level needs a safety plan too", () => {
    const low = assess({ ...readyKnobs, familyCapacity: twoVeryPoor, familyRiskLevel: "low" }, at)
    expect(codesOf(low)).toEqual(expect.arrayContaining(["family-high-risk", "risk-level-below-scores"]))
    const recordedHigh = assess({ ...readyKnobs, familyRiskLevel: "high" }, at)
    expect(codesOf(recordedHigh, "blocker")).toEqual(["family-high-risk"])
    expect(
      assess({ ...readyKnobs, familyRiskLevel: "high", safetyPlan: { daysAgo: 1, domains: [] } }, at).outcome.kind
    ).toBe("ready")
  })

  test.prop([arbScenario, arbDay], { numRuns: 300 })(
    "a high-risk family assessment (by scores or recorded level) is never ready without a covering safety plan",
    (k, asOf) => {
      const d = assess({ ...k, safetyPlan: null }, asOf)
      const fam = stateFrom({ ...k, safetyPlan: null }, asOf).assessments.find((a) => a.kind === "family")
      fc.pre(fam !== undefined && (fam.riskLevel === "high" || fam.familyCapacity !== undefined))
      const nonMaterial = Object.entries(fam!.familyCapacity ?? {}).filter(([d]) => d !== "economicCapacity")
      const high =
        fam!.riskLevel === "high" ||
        nonMaterial.some(([, x]) => x <= 1) ||
        nonMaterial.filter(([, x]) => x === 2).length > 3
      if (high) expect(d.outcome.kind).not.toBe("ready")
    }
  )
})

describe("[OSCaR Form 2, PRIM] conclusions and risk-assessment outcomes route the case", () => {
  it.each([
    ["continue-case", "assessment-concluded-continue-case", "assess-family"],
    ["close-case", "assessment-concluded-close-case", "review-case-closure"],
    ["cannot-reintegrate", "assessment-concluded-cannot-reintegrate", "plan-alternative-care"]
  ] as const)("[OSCaR Form 2] the conclusion %s is never ready", (conclusion, code, action) => {
    const d = assess({ ...readyKnobs, conclusion }, at)
    expect(d.outcome.kind).toBe("not-yet")
    expect(codesOf(d, "blocker")).toEqual([code])
    expect(d.outcome.actions.map((a) => a.code)).toContain(action)
  })

  it("[OSCaR Form 2] a family assessment without a conclusion has not concluded the child can reintegrate", () => {
    const s = stateFrom(readyKnobs, at)
    const { conclusion: _c, ...noConclusion } = s.assessments.find((a) => a.kind === "family")!
    const state = { ...s, assessments: s.assessments.map((a) => (a.kind === "family" ? noConclusion : a)) }
    expect(codesOf(Eligibility.assessReintegration(state, Profiles.cambodiaMosvy, at), "blocker")).toEqual([
      "assessment-conclusion-missing"
    ])
  })

  it("[PRIM] significant harm → case plan: blocks until a safety plan made since covers it", () => {
    const d = assess({ ...readyKnobs, riskOutcome: "significant-harm" }, at)
    expect(codesOf(d, "blocker")).toEqual(["risk-significant-harm"])
    expect(d.outcome.actions.map((a) => a.code)).toEqual(expect.arrayContaining(["case-plan", "safety-plan"]))
    const planned = assess(
      { ...readyKnobs, riskOutcome: "significant-harm", safetyPlan: { daysAgo: 2, domains: [] } },
      at
    )
    expect(planned.outcome.kind).toBe("ready")
    expect(codesOf(planned)).toContain("risk-significant-harm-planned")
  })

  it("[PRIM] needs met by caregivers with support → refer; no risk and no needs → noted", () => {
    const refer = assess({ ...readyKnobs, riskOutcome: "needs-met-with-support" }, at)
    expect(refer.outcome.kind).toBe("ready")
    expect(refer.outcome.actions.map((a) => a.code)).toContain("refer-to-services")
    const none = assess({ ...readyKnobs, riskOutcome: "no-risk-no-needs" }, at)
    expect(none.outcome.kind).toBe("ready")
    expect(codesOf(none)).toContain("risk-no-needs")
  })

  test.prop([arbScenario, arbDay], { numRuns: 300 })(
    "ready only when the latest family assessment concludes can-reintegrate and found no unplanned significant harm",
    (k, asOf) => {
      const d = assess(k, asOf)
      fc.pre(d.outcome.kind === "ready")
      const fam = stateFrom(k, asOf).assessments.find((a) => a.kind === "family")
      expect(fam?.conclusion).toBe("can-reintegrate")
      if (fam?.riskOutcome === "significant-harm") expect(codesOf(d)).toContain("risk-significant-harm-planned")
    }
  )
})
