// Boundary tables of the scoring rules (each threshold at value−1, value, value+1; every reason in full),
// written so that `pnpm test:mutation` kills what Scoring.test.ts leaves alive.
import { describe, expect, it } from "vitest"
import { type Assessment, PolicyProfile, Profiles, Scoring } from "../src/index.js"

const P = Profiles.cambodiaMosvy
const asOf = new Date("2018-06-01T00:00:00.000Z")
const cite = PolicyProfile.cite

/** Five domains: `poor` of them at 2, `veryPoor` at 1, the rest at 3. */
const domains = (poor: number, veryPoor = 0): Record<string, number> =>
  Object.fromEntries(
    Array.from({ length: 6 }, (_, i) => [`d${i}`, i < veryPoor ? 1 : i < veryPoor + poor ? 2 : 3] as const)
  )

describe("Scoring.overall (mean rounded half up)", () => {
  it.each([
    [[], undefined],
    [[1], 1],
    [[1, 2], 2],
    [[1, 1, 2], 1],
    [[1, 2, 2], 2],
    [[2, 3], 3],
    [[4, 4, 4, 3], 4],
    [[4, 3, 3, 3], 3]
  ] as const)("overall(%j) = %s", (xs, expected) => {
    expect(Scoring.overall(xs)).toBe(expected)
  })
})

describe("Scoring.scoreDomains boundaries [PRIM scoring guide]", () => {
  it.each([
    [3, false],
    [4, true]
  ] as const)("[PRIM: more than three domains 2 - Poor → high risk] %i poor domains → high risk %s", (n, high) => {
    const d = Scoring.scoreDomains(domains(n), P, asOf)
    expect(d.outcome.highRisk).toBe(high)
    expect(d.outcome.poorDomains).toHaveLength(n)
    expect(d.outcome.veryPoorDomains).toEqual([])
    const reason = d.reasons.find((r) => r.rule === "scoring/high-risk")!
    expect(reason).toEqual(
      high
        ? {
            code: "high-risk-many-poor-domains",
            rule: "scoring/high-risk",
            source: cite(P, "scoring", "highRiskPoorDomainsMoreThan"),
            severity: "blocker",
            message: "More domains are scored poor than the profile allows: the case is high risk.",
            details: { poorDomains: n, moreThan: 3, poorScore: 2 }
          }
        : {
            code: "not-high-risk",
            rule: "scoring/high-risk",
            source: cite(P, "scoring", "highRiskPoorDomainsMoreThan"),
            severity: "info",
            message: "No domain is very poor and no more poor domains than the profile allows.",
            details: { poorDomains: n, moreThan: 3 }
          }
    )
    expect(d.reasons.filter((r) => r.rule === "scoring/high-risk")).toHaveLength(1)
    expect(d.policy.id).toBe(P.id)
    expect(d.asOf).toEqual(asOf)
  })

  it.each([
    [1, true],
    [2, false],
    [3, false]
  ] as const)("[PRIM: one domain 1 - Very Poor → high risk] one domain at %i → high risk %s", (score, high) => {
    const d = Scoring.scoreDomains({ a: score, b: 4, c: 4 }, P, asOf)
    expect(d.outcome.highRisk).toBe(high)
    expect(d.outcome.veryPoorDomains).toEqual(high ? ["a"] : [])
    expect(d.outcome.poorDomains).toEqual(score === 2 ? ["a"] : [])
    expect(d.outcome.requiredGoals).toEqual(score <= 2 ? [{ domain: "a", score }] : [])
    expect(d.outcome.overall).toBe(Scoring.overall([score, 4, 4]))
    if (high)
      expect(d.reasons[0]).toEqual({
        code: "high-risk-domain-very-poor",
        rule: "scoring/high-risk",
        source: cite(P, "scoring", "highRiskAnyDomainAtOrBelow"),
        severity: "blocker",
        message: "At least one domain is scored very poor: the case is high risk.",
        details: { domains: 1, atOrBelow: 1 }
      })
    expect(d.reasons.map((r) => r.code)).toEqual(
      high
        ? ["high-risk-domain-very-poor", "concern-requires-goal"]
        : score === 2
          ? ["concern-requires-goal", "not-high-risk"]
          : ["not-high-risk"]
    )
  })

  it("[PRIM: an item with 1 or 2 must be addressed in the Case Plan] each concern is a warning with its domain", () => {
    const d = Scoring.scoreDomains({ a: 2, b: 3, c: 1 }, P, asOf)
    expect(d.reasons.filter((r) => r.code === "concern-requires-goal")).toEqual([
      {
        code: "concern-requires-goal",
        rule: "scoring/concern-in-case-plan",
        source: cite(P, "scoring", "concernAtOrBelow"),
        severity: "warning",
        message: "A domain scored poor or very poor must be addressed by a goal in the case plan.",
        details: { domain: "a", score: 2, concernAtOrBelow: 2 }
      },
      {
        code: "concern-requires-goal",
        rule: "scoring/concern-in-case-plan",
        source: cite(P, "scoring", "concernAtOrBelow"),
        severity: "warning",
        message: "A domain scored poor or very poor must be addressed by a goal in the case plan.",
        details: { domain: "c", score: 1, concernAtOrBelow: 2 }
      }
    ])
    expect(Scoring.scoreDomains({}, P, asOf).outcome).toEqual({
      overall: undefined,
      highRisk: false,
      veryPoorDomains: [],
      poorDomains: [],
      requiredGoals: []
    })
  })
})

describe("Scoring.requiredGoals boundaries", () => {
  it.each([
    [1, true],
    [2, true],
    [3, false]
  ] as const)("an item at %i needs a goal: %s", (score, needed) => {
    const d = Scoring.requiredGoals({ x: score, y: 4 }, P, asOf)
    expect(d.outcome.goals).toEqual(needed ? [{ domain: "x", score }] : [])
    expect(d.reasons).toEqual(
      needed
        ? [
            {
              code: "concern-requires-goal",
              rule: "scoring/concern-in-case-plan",
              source: cite(P, "scoring", "concernAtOrBelow"),
              severity: "warning",
              message: "An item scored poor or very poor must be addressed by a goal in the case plan.",
              details: { domain: "x", score, concernAtOrBelow: 2 }
            }
          ]
        : []
    )
    expect(d.policy.id).toBe(P.id)
    expect(d.asOf).toEqual(asOf)
  })
})

describe("Scoring.visitRating / rateVisit [PRIM follow-up rating]", () => {
  const A = { health: "A", education: "A", food: "A", relationship: "A", safety: "A" } as const
  it.each(["health", "education", "food", "relationship", "safety"] as const)(
    "a single B in %s makes the visit yellow, a single C red",
    (k) => {
      expect(Scoring.visitRating({ ...A, [k]: "B" })).toBe("yellow")
      expect(Scoring.visitRating({ ...A, [k]: "C" })).toBe("red")
      const y = Scoring.rateVisit({ ...A, [k]: "B" }, P, asOf)
      expect(y.outcome).toEqual({ rating: "yellow" })
      expect(y.reasons).toEqual([
        {
          code: "visit-criterion-b",
          rule: "scoring/visit-rating",
          source: expect.objectContaining({ key: "PRIM" }),
          severity: "warning",
          message: "A follow-up criterion was rated B: the visit is yellow.",
          details: { criterion: k }
        }
      ])
      const r = Scoring.rateVisit({ ...A, [k]: "C", ...(k === "health" ? { food: "B" } : { health: "B" }) }, P, asOf)
      expect(r.outcome).toEqual({ rating: "red" })
      expect(r.reasons).toEqual([
        {
          code: "visit-criterion-c",
          rule: "scoring/visit-rating",
          source: expect.objectContaining({ key: "PRIM" }),
          severity: "blocker",
          message: "A follow-up criterion was rated C: the visit is red and needs a response.",
          details: { criterion: k }
        }
      ])
    }
  )
  it("all A is green", () => {
    expect(Scoring.visitRating(A)).toBe("green")
    const g = Scoring.rateVisit(A, P, asOf)
    expect(g.outcome).toEqual({ rating: "green" })
    expect(g.reasons).toEqual([
      {
        code: "visit-all-criteria-a",
        rule: "scoring/visit-rating",
        source: expect.objectContaining({ key: "PRIM" }),
        severity: "info",
        message: "Every follow-up criterion was rated A."
      }
    ])
    expect(g.policy.id).toBe(P.id)
    expect(g.asOf).toEqual(asOf)
  })
})

describe("Scoring.responseDeadline [PRIM response times]", () => {
  const t = new Date("2018-06-01T10:00:00.000Z")
  it.each([
    ["high", 24, "highHours"],
    ["medium", 72, "mediumHours"],
    ["low", 120, "lowHours"]
  ] as const)("%s risk: within %i hours", (level, hours, key) => {
    const d = Scoring.responseDeadline(level, P, t)
    expect(d.outcome).toEqual({ dueBy: new Date(t.getTime() + hours * 3_600_000), hours })
    expect(d.reasons).toEqual([
      {
        code: `response-${level}`,
        rule: "scoring/response-time",
        source: cite(P, "responseTime", key),
        severity: "info",
        message: `A ${level}-risk report must be responded to within the profile's response time.`,
        details: { level, hours }
      }
    ])
    expect(d.policy.id).toBe(P.id)
    expect(d.asOf).toEqual(t)
  })
  it("an invalid report time throws a named error", () => {
    expect(() => Scoring.responseDeadline("high", P, new Date(Number.NaN))).toThrow(/reportedAt/)
  })
})

describe("Scoring.conferenceRequired [PRIM conference reasons]", () => {
  it("a configured trigger requires a conference; one warning per trigger", () => {
    const d = Scoring.conferenceRequired(["family-reunification", "relocation-or-transfer"], P, asOf)
    expect(d.outcome).toEqual({ required: true, triggers: ["family-reunification", "relocation-or-transfer"] })
    expect(d.reasons).toEqual(
      ["family-reunification", "relocation-or-transfer"].map((trigger) => ({
        code: "conference-triggered",
        rule: "scoring/case-conference",
        source: cite(P, "conference", "triggers"),
        severity: "warning",
        message: "This situation requires a case conference under the profile.",
        details: { trigger }
      }))
    )
    expect(Scoring.conferenceRequired("family-reunification", P, asOf).outcome).toEqual({
      required: true,
      triggers: ["family-reunification"]
    })
  })
  it("none given: not required, and says so", () => {
    const d = Scoring.conferenceRequired([], P, asOf)
    expect(d.outcome).toEqual({ required: false, triggers: [] })
    expect(d.reasons).toEqual([
      {
        code: "conference-not-triggered",
        rule: "scoring/case-conference",
        source: cite(P, "conference", "triggers"),
        severity: "info",
        message: "No situation given is a case-conference trigger under the profile.",
        details: { situations: 0 }
      }
    ])
    expect(d.policy.id).toBe(P.id)
    expect(d.asOf).toEqual(asOf)
  })
})

describe("Scoring.assessmentRisk [PRIM, UNGL ¶15]", () => {
  const base = (over: Partial<Assessment.Assessment> = {}): Assessment.Assessment => ({
    id: "as-1",
    kind: "family",
    date: asOf,
    assessorId: "sw",
    riskFactors: [],
    ...over
  })
  const family = (over: Partial<Record<string, number>> = {}) =>
    ({
      basicCare: 3,
      safetyStability: 3,
      emotionalBonding: 3,
      economicCapacity: 3,
      familyFunctioning: 3,
      community: 3,
      ...over
    }) as Assessment.FamilyCapacity
  const child = (over: Partial<Record<string, number>> = {}) =>
    ({
      health: 3,
      education: 3,
      emotionalSocial: 3,
      safetyEnvironment: 3,
      nutrition: 3,
      ...over
    }) as Assessment.ChildWellbeing

  it("no scores: not high risk, level as recorded", () => {
    expect(Scoring.assessmentRisk(base(), P, asOf).outcome).toEqual({
      scoredHighRisk: false,
      mismatch: false,
      triggerDomains: [],
      materialOnly: false
    })
    const d = Scoring.assessmentRisk(base({ riskLevel: "medium", familyCapacity: family() }), P, asOf)
    expect(d.outcome).toEqual({
      scoredHighRisk: false,
      recordedLevel: "medium",
      level: "medium",
      mismatch: false,
      triggerDomains: [],
      materialOnly: false
    })
    expect(d.reasons).toEqual([])
    expect(d.policy.id).toBe(P.id)
    expect(d.asOf).toEqual(asOf)
  })

  it("a very poor child domain: high risk, mismatch with a lower recorded level, not material", () => {
    const d = Scoring.assessmentRisk(base({ riskLevel: "low", childWellbeing: child({ health: 1 }) }), P, asOf)
    expect(d.outcome).toEqual({
      scoredHighRisk: true,
      recordedLevel: "low",
      level: "high",
      mismatch: true,
      triggerDomains: ["health"],
      materialOnly: false
    })
    expect(d.reasons).toEqual([
      {
        code: "assessment-scored-high-risk",
        rule: "scoring/risk-level",
        source: cite(P, "scoring", "highRiskAnyDomainAtOrBelow"),
        severity: "warning",
        message: "The assessment's scores make the case high risk.",
        details: { assessmentId: "as-1", domains: 1 }
      },
      {
        code: "risk-level-below-scores",
        rule: "scoring/risk-level",
        source: cite(P, "scoring", "highRiskAnyDomainAtOrBelow"),
        severity: "warning",
        message:
          "The recorded risk level is lower than the scores say: the case is treated as high risk (response within the high-risk time).",
        details: { assessmentId: "as-1", recorded: "low" }
      }
    ])
    const none = Scoring.assessmentRisk(base({ childWellbeing: child({ health: 1 }) }), P, asOf)
    expect(none.reasons[1]!.details).toEqual({ assessmentId: "as-1", recorded: null })
    expect(none.outcome.level).toBe("high")
    expect("recordedLevel" in none.outcome).toBe(false)
  })

  it("recorded high: no mismatch, not material-only", () => {
    const d = Scoring.assessmentRisk(
      base({ riskLevel: "high", familyCapacity: family({ economicCapacity: 1 }) }),
      P,
      asOf
    )
    expect(d.outcome).toMatchObject({ scoredHighRisk: true, level: "high", mismatch: false, materialOnly: false })
    expect(d.reasons.map((r) => r.code)).toEqual(["assessment-scored-high-risk"])
  })

  it("[UNGL ¶15] high risk only through economic capacity is material-only", () => {
    const d = Scoring.assessmentRisk(base({ familyCapacity: family({ economicCapacity: 1 }) }), P, asOf)
    expect(d.outcome).toMatchObject({ scoredHighRisk: true, materialOnly: true, triggerDomains: ["economicCapacity"] })
    expect(d.reasons.at(-1)).toEqual({
      code: "high-risk-material-only",
      rule: "scoring/risk-level",
      source: expect.objectContaining({ key: "UNGL" }),
      severity: "info",
      message:
        "The assessment is high risk only because of the family's material conditions: support the family; poverty is never a reason to keep a child in care.",
      details: { assessmentId: "as-1" }
    })
    // another very poor domain, or four poor ones besides it: not material-only
    const also = Scoring.assessmentRisk(
      base({ familyCapacity: family({ economicCapacity: 1, community: 1 }) }),
      P,
      asOf
    )
    expect(also.outcome).toMatchObject({ materialOnly: false, triggerDomains: ["economicCapacity", "community"] })
    // economic capacity poor makes the 4th poor domain: high only with it
    const fourth = Scoring.assessmentRisk(
      base({ familyCapacity: family({ economicCapacity: 2, basicCare: 2, community: 2, safetyStability: 2 }) }),
      P,
      asOf
    )
    expect(fourth.outcome).toMatchObject({
      scoredHighRisk: true,
      materialOnly: true,
      triggerDomains: ["basicCare", "safetyStability", "economicCapacity", "community"]
    })
    const five = Scoring.assessmentRisk(
      base({
        familyCapacity: family({
          economicCapacity: 2,
          basicCare: 2,
          community: 2,
          safetyStability: 2,
          familyFunctioning: 2
        })
      }),
      P,
      asOf
    )
    expect(five.outcome.materialOnly).toBe(false)
  })

  it("three poor domains are not high risk; four are, and name them; both sets count once per domain", () => {
    const three = Scoring.assessmentRisk(
      base({ familyCapacity: family({ basicCare: 2, community: 2, safetyStability: 2 }) }),
      P,
      asOf
    )
    expect(three.outcome.scoredHighRisk).toBe(false)
    expect(three.outcome.triggerDomains).toEqual([])
    const both = Scoring.assessmentRisk(
      base({
        childWellbeing: child({ health: 2, education: 2, nutrition: 2, emotionalSocial: 2 }),
        familyCapacity: family({ basicCare: 1 })
      }),
      P,
      asOf
    )
    expect(both.outcome.triggerDomains).toEqual(["health", "education", "emotionalSocial", "nutrition", "basicCare"])
    expect(both.reasons[0]!.details).toEqual({ assessmentId: "as-1", domains: 5 })
    // a very poor domain in each set: both named, child first
    const twice = Scoring.assessmentRisk(
      base({ childWellbeing: child({ health: 1 }), familyCapacity: family({ basicCare: 1 }) }),
      P,
      asOf
    )
    expect(twice.outcome.triggerDomains).toEqual(["health", "basicCare"])
  })

  it("materialDomains is economic capacity only", () => {
    expect(Scoring.materialDomains).toEqual(["economicCapacity"])
  })
})
