import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { PolicyProfile, Profiles, Scoring } from "../src/index.js"
import { arbChildWellbeing, arbDay, arbFamilyCapacity, arbFollowUpCriteria, arbScore } from "./arbitraries.js"
import { assertDeterministic, assertMonotone } from "./helpers.js"

const P = Profiles.cambodiaMosvy
const asOf = new Date("2018-06-01")
const arbDomains = fc.oneof(arbChildWellbeing, arbFamilyCapacity) as fc.Arbitrary<Record<string, number>>
/** `n` domains at 2 and the rest at 3 or 4, in a shuffled order. */
const withPoor = (n: number, total: number) =>
  fc
    .tuple(fc.array(fc.constantFrom(3, 4), { minLength: total - n, maxLength: total - n }), fc.nat())
    .map(([rest, seed]) => {
      const scores = [...Array.from({ length: n }, () => 2), ...rest]
      const rotated = scores.map((_, i) => scores[(i + seed) % scores.length]!)
      return Object.fromEntries(rotated.map((s, i) => [`d${i}`, s]))
    })

describe("Scoring.overall", () => {
  test.prop([fc.array(arbScore, { minLength: 1, maxLength: 12 })])("lies within [min, max] of the domains", (xs) => {
    const o = Scoring.overall(xs)!
    expect(o).toBeGreaterThanOrEqual(Math.min(...xs))
    expect(o).toBeLessThanOrEqual(Math.max(...xs))
  })
  test.prop([fc.array(arbScore, { minLength: 1, maxLength: 12 })])("equals the mean rounded half up", (xs) => {
    const sum = xs.reduce((a, b) => a + b, 0)
    const o = Scoring.overall(xs)!
    // |o − mean| ≤ ½, and a mean exactly halfway rounds up: 2·sum − n < 2·o·n ≤ 2·sum + n
    expect(2 * o * xs.length).toBeGreaterThan(2 * sum - xs.length)
    expect(2 * o * xs.length).toBeLessThanOrEqual(2 * sum + xs.length)
  })
  it("[PRIM] half-way means round up; no scores give no overall", () => {
    expect(Scoring.overall([2, 3])).toBe(3)
    expect(Scoring.overall([3, 4])).toBe(4)
    expect(Scoring.overall([1, 2, 2, 2])).toBe(2)
    expect(Scoring.overall([])).toBeUndefined()
  })
})

describe("Scoring.scoreDomains (high-risk rule)", () => {
  test.prop([arbDomains, arbDay])("high risk ⇔ any domain at 1 or more than three domains at 2", (domains, day) => {
    const d = Scoring.scoreDomains(domains, P, day)
    const xs = Object.values(domains)
    expect(d.outcome.highRisk).toBe(xs.some((x) => x <= 1) || xs.filter((x) => x === 2).length > 3)
    expect(d.outcome.overall).toBe(Scoring.overall(xs))
  })
  test.prop([withPoor(3, 5)])("[PRIM] exactly three domains at 2 ⇒ not high risk", (domains) => {
    expect(Scoring.scoreDomains(domains, P, asOf).outcome.highRisk).toBe(false)
  })
  test.prop([fc.integer({ min: 4, max: 6 }).chain((n) => withPoor(n, 6))])(
    "[PRIM] four or more domains at 2 ⇒ high risk",
    (domains) => {
      expect(Scoring.scoreDomains(domains, P, asOf).outcome.highRisk).toBe(true)
    }
  )
  test.prop([arbDomains, fc.nat()])("[PRIM] any domain at 1 ⇒ high risk", (domains, i) => {
    const keys = Object.keys(domains)
    const d = Scoring.scoreDomains({ ...domains, [keys[i % keys.length]!]: 1 }, P, asOf)
    expect(d.outcome.highRisk).toBe(true)
    expect(d.reasons.map((r) => r.code)).toContain("high-risk-domain-very-poor")
  })
  test.prop([arbDomains])("required goals are exactly the domains at or below concernAtOrBelow", (domains) => {
    const at = P.parameters.scoring.concernAtOrBelow.value
    const goals = Scoring.scoreDomains(domains, P, asOf).outcome.requiredGoals.map((g) => g.domain)
    expect(goals).toEqual(Object.keys(domains).filter((k) => domains[k]! <= at))
    expect(Scoring.requiredGoals(domains, P, asOf).outcome.goals.map((g) => g.domain)).toEqual(goals)
  })
  test.prop([arbDomains, fc.nat(), fc.constantFrom(1, 2, 3)])(
    "lowering a domain never lowers the risk",
    (domains, i, by) => {
      const keys = Object.keys(domains)
      const k = keys[i % keys.length]!
      const lower = { ...domains, [k]: Math.max(1, domains[k]! - by) }
      const before = Scoring.scoreDomains(domains, P, asOf).outcome
      const after = Scoring.scoreDomains(lower, P, asOf).outcome
      expect(Number(after.highRisk)).toBeGreaterThanOrEqual(Number(before.highRisk))
      expect(after.overall!).toBeLessThanOrEqual(before.overall!)
    }
  )
  test.prop([arbDomains, arbDay])("every reason is cited; decision names the profile", (domains, day) => {
    const d = Scoring.scoreDomains(domains, P, day)
    expect(d.policy).toEqual({ id: P.id, version: P.version })
    for (const r of d.reasons) {
      expect(r.code.length * r.rule.length * r.source.document.length).toBeGreaterThan(0)
    }
  })
})

describe("Scoring.visitRating / rateVisit", () => {
  test.prop([arbFollowUpCriteria])("[PRIM] any C ⇒ red; all A ⇒ green; otherwise yellow", (c) => {
    const rs = Object.values(c)
    const rating = Scoring.visitRating(c)
    if (rs.includes("C")) expect(rating).toBe("red")
    else if (rs.every((r) => r === "A")) expect(rating).toBe("green")
    else expect(rating).toBe("yellow")
  })
  test.prop([arbFollowUpCriteria, arbDay])(
    "the Decision variant agrees with the plain helper and explains itself",
    (c, day) => {
      const d = Scoring.rateVisit(c, P, day)
      expect(d.outcome.rating).toBe(Scoring.visitRating(c))
      expect(d.reasons.length).toBeGreaterThan(0)
      if (d.outcome.rating === "red") expect(d.reasons.every((r) => r.code === "visit-criterion-c")).toBe(true)
      assertDeterministic((x: typeof c) => Scoring.rateVisit(x, P, day), c)
    }
  )
  test.prop([arbFollowUpCriteria, fc.constantFrom("health", "education", "food", "relationship", "safety" as const)])(
    "worsening a criterion never improves the rating",
    (c, key) => {
      const order = { green: 0, yellow: 1, red: 2 } as const
      const worse = { ...c, [key]: c[key] === "A" ? "B" : "C" }
      expect(order[Scoring.visitRating(worse)]).toBeGreaterThanOrEqual(order[Scoring.visitRating(c)])
    }
  )
})

describe("Scoring.responseDeadline", () => {
  test.prop([
    fc.constantFrom("high", "medium", "low" as const),
    fc.integer({ min: Date.UTC(2006, 0, 1), max: Date.UTC(2035, 0, 1) })
  ])("due = reported + the profile's hours for the level", (level, t) => {
    const at = new Date(t)
    const d = Scoring.responseDeadline(level, P, at)
    const key = level === "high" ? "highHours" : level === "medium" ? "mediumHours" : "lowHours"
    const hours = PolicyProfile.resolve(P, at).values.responseTime[key]
    expect(d.outcome.hours).toBe(hours)
    expect(d.outcome.dueBy.getTime() - at.getTime()).toBe(hours * 3_600_000)
    expect(d.reasons[0]!.source).toEqual(PolicyProfile.cite(P, "responseTime", key))
  })
  test.prop([arbDay])("higher risk never gets a later deadline", (at) => {
    assertMonotone(["high", "medium", "low"].map((l) => Scoring.responseDeadline(l as "high", P, at).outcome.hours))
  })
})

describe("Scoring.conferenceRequired", () => {
  const all = PolicyProfile.ConferenceTrigger.literals
  test.prop([fc.subarray([...all]), arbDay])(
    "required ⇔ a situation is one of the profile's triggers",
    (situations, day) => {
      const d = Scoring.conferenceRequired(situations, P, day)
      expect(d.outcome.required).toBe(situations.length > 0)
      expect(d.outcome.triggers).toEqual(situations)
    }
  )
  it("[PRIM] a profile without a trigger does not require a conference for it", () => {
    const param = P.parameters.conference.triggers
    const custom = {
      ...P,
      parameters: { ...P.parameters, conference: { triggers: { ...param, value: ["removal-from-carer" as const] } } }
    }
    expect(Scoring.conferenceRequired("family-reunification", custom, asOf).outcome.required).toBe(false)
    expect(
      Scoring.conferenceRequired(["family-reunification", "removal-from-carer"], custom, asOf).outcome.triggers
    ).toEqual(["removal-from-carer"])
  })
})

describe("decisions carry the exact asOf", () => {
  it("two calls on the same day at different times keep their own asOf", () => {
    const morning = new Date("2018-06-01T08:00:00Z")
    const evening = new Date("2018-06-01T20:00:00Z")
    expect(
      Scoring.rateVisit({ health: "A", education: "A", food: "A", relationship: "A", safety: "A" }, P, morning).asOf
    ).toEqual(morning)
    expect(
      Scoring.rateVisit({ health: "A", education: "A", food: "A", relationship: "A", safety: "A" }, P, evening).asOf
    ).toEqual(evening)
    expect(PolicyProfile.resolve(P, evening).asOf).toEqual(evening)
  })
})

describe("[PRIM] the scores drive an assessment's risk level", () => {
  const at = new Date("2023-01-01")
  const base = {
    id: "a1",
    kind: "family" as const,
    date: at,
    assessorId: "sw",
    riskFactors: [],
    familyCapacity: {
      basicCare: 3,
      safetyStability: 3,
      emotionalBonding: 3,
      economicCapacity: 3,
      familyFunctioning: 3,
      community: 3
    }
  }
  it.each([
    ["no domain low, recorded low", {}, "low", { level: "low", mismatch: false, scoredHighRisk: false }],
    ["one domain at 1, recorded low", { familyFunctioning: 1 }, "low", { level: "high", mismatch: true }],
    ["one domain at 1, recorded high", { familyFunctioning: 1 }, "high", { level: "high", mismatch: false }],
    ["only income at 1", { economicCapacity: 1 }, undefined, { level: "high", materialOnly: true }],
    ["income and care at 1", { economicCapacity: 1, basicCare: 1 }, undefined, { materialOnly: false }]
  ] as const)("[PRIM] %s", (_, scores, recorded, expected) => {
    const a = {
      ...base,
      familyCapacity: { ...base.familyCapacity, ...scores },
      ...(recorded === undefined ? {} : { riskLevel: recorded })
    }
    expect(Scoring.assessmentRisk(a, Profiles.cambodiaMosvy, at).outcome).toMatchObject(expected)
  })

  test.prop([
    arbFamilyCapacity,
    fc.option(fc.constantFrom("low", "medium", "high") as fc.Arbitrary<"low" | "medium" | "high">, { nil: undefined })
  ])(
    "the level is high whenever the scores are high risk; otherwise the recorded level; a lower recorded level is a mismatch",
    (familyCapacity, recorded) => {
      const a = { ...base, familyCapacity, ...(recorded === undefined ? {} : { riskLevel: recorded }) }
      const o = Scoring.assessmentRisk(a, Profiles.cambodiaMosvy, at).outcome
      const scored = Scoring.scoreDomains(familyCapacity, Profiles.cambodiaMosvy, at).outcome.highRisk
      expect(o.scoredHighRisk).toBe(scored)
      expect(o.level).toBe(scored ? "high" : recorded)
      expect(o.mismatch).toBe(scored && recorded !== "high")
    }
  )
})
