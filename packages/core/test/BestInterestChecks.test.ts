import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { BestInterestChecks, Conference, Eligibility, IndependentLiving, Profiles } from "../src/index.js"
import { arbDay, arbScenario } from "./arbitraries.js"
import { assertDeterministic } from "./helpers.js"
import { readyKnobs, stateFrom } from "./scenario.js"

const P = Profiles.cambodiaMosvy
const codes = (d: { reasons: ReadonlyArray<{ code: string }> }) => d.reasons.map((r) => r.code)

describe("BestInterestChecks.bestInterestChecks", () => {
  it("[seed: UNICEF Siem Reap 2017] the ready scenario has no blocker finding", () => {
    const d = BestInterestChecks.bestInterestChecks(
      stateFrom(readyKnobs, new Date("2018-06-01")),
      P,
      new Date("2018-06-01")
    )
    expect(d.outcome.blockers).toBe(0)
    expect(d.outcome.warnings).toBe(0)
  })

  test.prop([arbScenario, arbDay], { numRuns: 200 })("deterministic; counts agree; every finding cited", (k, asOf) => {
    const s = stateFrom(k, asOf)
    assertDeterministic((x: typeof s) => BestInterestChecks.bestInterestChecks(x, P, asOf), s)
    const d = BestInterestChecks.bestInterestChecks(s, P, asOf)
    expect(d.outcome.findings).toEqual(d.reasons)
    expect(d.outcome.blockers).toBe(d.reasons.filter((r) => r.severity === "blocker").length)
    expect(d.outcome.warnings).toBe(d.reasons.filter((r) => r.severity === "warning").length)
    for (const r of d.reasons) {
      expect(r.rule).toMatch(/^best-interest\//)
      expect(r.source.document.trim().length).toBeGreaterThan(0)
    }
  })

  test.prop([arbScenario, arbDay], { numRuns: 200 })(
    "an unmitigated risk in the family is a blocker; mitigation in progress a warning",
    (k, asOf) => {
      const s = stateFrom(
        {
          ...k,
          tracing: "traced",
          kinHousehold: false,
          bid: null,
          risks: [
            { factor: "trafficking", mitigation: "unmitigated" },
            { factor: "gambling", mitigation: "mitigation-in-progress" }
          ]
        },
        asOf
      )
      const d = BestInterestChecks.bestInterestChecks(s, P, asOf)
      const risk = d.reasons.filter((r) => r.code.startsWith("risk-"))
      expect(risk.find((r) => r.details?.["factor"] === "trafficking")?.severity).toBe("blocker")
      expect(risk.find((r) => r.details?.["factor"] === "gambling")?.severity).toBe("warning")
    }
  )

  test.prop([arbScenario, arbDay], { numRuns: 300 })(
    "consistent with eligibility: a ready child has no views, BID or unmitigated-risk blocker",
    (k, asOf) => {
      const s = stateFrom(k, asOf)
      fc.pre(Eligibility.assessReintegration(s, P, asOf).outcome.kind === "ready")
      const blockers = BestInterestChecks.bestInterestChecks(s, P, asOf).reasons.filter((r) => r.severity === "blocker")
      for (const c of ["views-not-heard", "bid-missing", "risk-unmitigated", "bid-child-views-not-considered"])
        expect(blockers.map((r) => r.code)).not.toContain(c)
    }
  )

  test.prop([arbScenario, arbDay])("[UNGL ¶15] a poverty-only admission in care is always flagged", (k, asOf) => {
    const s = stateFrom({ ...k, admissionReasons: ["poverty"] }, asOf)
    expect(codes(BestInterestChecks.bestInterestChecks(s, P, asOf))).toContain("poverty-only-admission")
  })

  test.prop([fc.integer({ min: 0, max: 19 }), arbDay])(
    "[UNGL ¶22] residential care under residentialCareFromAge is flagged",
    (age, asOf) => {
      const from = P.parameters.eligibility.residentialCareFromAge.value
      const d = BestInterestChecks.bestInterestChecks(stateFrom({ ...readyKnobs, childAge: age }, asOf), P, asOf)
      expect(codes(d).includes("under-residential-care-age")).toBe(age < from)
    }
  )

  test.prop([fc.constantFrom("enrolled", "not-enrolled", "not-school-age" as const), fc.boolean(), arbDay])(
    "school continuity: an enrolled child needs a plan with school costs",
    (school, plan, asOf) => {
      const s = stateFrom({ ...readyKnobs, school, support: plan ? ["school-costs"] : ["food"] }, asOf)
      const flagged = codes(BestInterestChecks.bestInterestChecks(s, P, asOf)).includes("school-continuity-not-planned")
      expect(flagged).toBe(school === "enrolled" && !plan)
    }
  )

  it("[PRIM] facility ranking: only 'above minimum' meets minimum standards", () => {
    const asOf = new Date("2018-06-01")
    const s = stateFrom(readyKnobs, asOf)
    const inst = (ranking?: "above-minimum" | "below-not-critical" | "below-critical") => ({
      "RCI-1": {
        id: "RCI-1",
        name: "Centre",
        kind: "residential-care" as const,
        status: "operating" as const,
        location: { province: "Siem Reap" },
        ...(ranking === undefined ? {} : { inspection: { on: asOf, ranking } })
      }
    })
    const flagged = (ranking?: "above-minimum" | "below-not-critical" | "below-critical") =>
      codes(BestInterestChecks.bestInterestChecks(s, P, asOf, { institutions: inst(ranking) })).includes(
        "facility-below-minimum-standards"
      )
    expect(flagged("above-minimum")).toBe(false)
    expect(flagged("below-not-critical")).toBe(true)
    expect(flagged("below-critical")).toBe(true)
    expect(flagged(undefined)).toBe(true)
    expect(codes(BestInterestChecks.bestInterestChecks(s, P, asOf, { institutions: {} }))).toContain(
      "facility-standards-unknown"
    )
  })
})

describe("[UNGL ¶22] a young child in residential care: exceptions with a justification and an end date", () => {
  const asOf = new Date("2018-06-01")
  const DAY = 86_400_000
  const day = (n: number) => new Date(asOf.getTime() + n * DAY)
  const young = (
    exceptions: ReadonlyArray<{
      kind: "emergency" | "short-predetermined-time" | "siblings-together"
      from: Date
      endsOn: Date
    }>
  ) => ({
    ...stateFrom({ ...readyKnobs, childAge: 2 }, asOf),
    careExceptions: exceptions.map((e, i) => ({
      id: `exc-${i}`,
      justification: "Recorded justification",
      approvedBy: "MGR-1",
      ...e
    }))
  })
  const finding = (s: ReturnType<typeof young>) =>
    BestInterestChecks.bestInterestChecks(s, P, asOf).reasons.filter((r) => r.rule.includes("young-child"))

  it.each([
    ["starts tomorrow", 1, 30, "blocker"],
    ["starts today", 0, 30, "warning"],
    ["ends today", -30, 0, "warning"],
    ["ended yesterday", -30, -1, "blocker"]
  ] as const)("[UNGL ¶22] an emergency exception that %s", (_, from, ends, severity) => {
    const f = finding(young([{ kind: "emergency", from: day(from), endsOn: day(ends) }]))
    expect(f.map((r) => r.severity)).toEqual([severity])
    expect(f[0]!.code).toBe(severity === "blocker" ? "under-residential-care-age" : "young-child-care-exception")
  })

  it("[UNGL ¶22] no exception: a blocker, even with a sibling in the same centre (the siblings exception must be recorded)", () => {
    const f = finding(young([]))
    expect(f.map((r) => [r.code, r.severity])).toEqual([["under-residential-care-age", "blocker"]])
  })

  it("[UNGL ¶22] a siblings-together exception with no sibling in the same place is a warning", () => {
    const s = young([{ kind: "siblings-together", from: day(-10), endsOn: day(100) }])
    const d = BestInterestChecks.bestInterestChecks(s, P, asOf, { siblings: [] })
    expect(codes(d)).toEqual(
      expect.arrayContaining(["young-child-care-exception", "care-exception-siblings-not-together"])
    )
  })

  it.each([
    [2, true],
    [3, false]
  ])("[UNGL ¶22] a child aged %i in residential care is checked: %s", (age, checked) => {
    const s = stateFrom({ ...readyKnobs, childAge: age }, asOf)
    expect(codes(BestInterestChecks.bestInterestChecks(s, P, asOf)).includes("under-residential-care-age")).toBe(
      checked
    )
  })
})

describe("best-interest findings of the new rules", () => {
  const asOf = new Date("2018-06-01")
  it("[PRIM] a recorded low risk level on a high-risk assessment, and no safety plan", () => {
    const s = stateFrom(
      {
        ...readyKnobs,
        familyRiskLevel: "low",
        familyCapacity: { ...readyKnobs.familyCapacity, familyFunctioning: 1 }
      },
      asOf
    )
    expect(codes(BestInterestChecks.bestInterestChecks(s, P, asOf))).toEqual(
      expect.arrayContaining(["risk-level-below-scores", "family-high-risk"])
    )
  })

  it("[UNGL ¶67, HD-case-note-days] an overdue review and a case with nothing recorded are findings", () => {
    const s = {
      ...stateFrom({ ...readyKnobs, familyAssessmentDaysAgo: 200 }, asOf),
      assessments: [],
      determinations: [],
      episodeSince: new Date("2017-01-01"),
      eventDays: [new Date("2017-01-01")]
    }
    const d = BestInterestChecks.bestInterestChecks(s, P, asOf)
    expect(codes(d)).toEqual(expect.arrayContaining(["review-overdue", "no-recent-activity"]))
    for (const r of d.reasons) expect(r.rule).toMatch(/^best-interest\//)
  })

  it("[seed: Aziza's Place] a youth living independently who neither works nor studies", () => {
    const s = {
      ...stateFrom({ ...readyKnobs, childAge: 18 }, asOf),
      placement: { type: "independent-living" as const, since: new Date("2018-01-01") }
    }
    expect(codes(BestInterestChecks.bestInterestChecks(s, P, asOf))).toContain(
      "independent-living-work-or-study-missing"
    )
    const working = {
      ...s,
      activities: [
        {
          date: new Date("2018-05-01"),
          work: "part-time" as const,
          study: "none" as const,
          finishedSecondarySchool: true
        }
      ]
    }
    expect(codes(BestInterestChecks.bestInterestChecks(working, P, asOf))).not.toContain(
      "independent-living-work-or-study-missing"
    )
  })
})

describe("properties of the young-child, conference and independent-living rules", () => {
  const DAY = 86_400_000
  const kinds = ["emergency", "short-predetermined-time", "siblings-together"] as const
  test.prop([
    arbDay,
    fc.integer({ min: 0, max: 5 }),
    fc.array(
      fc.record({
        kind: fc.constantFrom(...kinds),
        from: fc.integer({ min: -60, max: 30 }),
        length: fc.integer({ min: 0, max: 60 })
      }),
      { maxLength: 3 }
    )
  ])(
    "[UNGL ¶22] a child under 3 in residential care is a blocker exactly when no exception is in force on the day",
    (asOf, age, xs) => {
      const s = {
        ...stateFrom({ ...readyKnobs, childAge: age }, asOf),
        careExceptions: xs.map((x, i) => ({
          id: `e${i}`,
          kind: x.kind,
          justification: "Recorded justification",
          approvedBy: "MGR-1",
          from: new Date(asOf.getTime() + x.from * DAY),
          endsOn: new Date(asOf.getTime() + (x.from + x.length) * DAY)
        }))
      }
      const inForce = xs.some((x) => x.from <= 0 && x.from + x.length >= 0)
      const blocked = BestInterestChecks.bestInterestChecks(s, P, asOf).reasons.some(
        (r) => r.code === "under-residential-care-age" && r.severity === "blocker"
      )
      expect(blocked).toBe(age < 3 && !inForce)
    }
  )

  test.prop([
    arbDay,
    fc.array(
      fc.record({
        offset: fc.integer({ min: -400, max: 30 }),
        reasons: fc.subarray(["family-reunification", "relocation-or-transfer", "complex-protection-case"] as const, {
          minLength: 1
        })
      }),
      { maxLength: 4 }
    ),
    fc.integer({ min: -300, max: 0 })
  ])(
    "[PRIM] a required conference is held ⇔ one for that reason is dated from the episode's start to the day",
    (asOf, cs, start) => {
      const s = {
        ...stateFrom(readyKnobs, asOf),
        episodeSince: new Date(asOf.getTime() + start * DAY),
        conferences: cs.map((c, i) => ({
          id: `c${i}`,
          date: new Date(asOf.getTime() + c.offset * DAY),
          reasons: [...c.reasons]
        }))
      }
      const held = cs.some((c) => c.offset >= start && c.offset <= 0 && c.reasons.includes("family-reunification"))
      expect(Conference.conferenceHeld(s, P, asOf, "family-reunification").outcome).toMatchObject({
        required: true,
        held
      })
    }
  )

  test.prop([
    arbDay,
    fc.option(
      fc.record({
        offset: fc.integer({ min: -100, max: 10 }),
        work: fc.constantFrom("none", "part-time", "full-time") as fc.Arbitrary<"none" | "part-time" | "full-time">,
        study: fc.constantFrom("none", "secondary-school", "vocational-training", "higher-education") as fc.Arbitrary<
          "none" | "secondary-school" | "vocational-training" | "higher-education"
        >,
        finished: fc.boolean()
      }),
      { nil: undefined }
    ),
    fc.boolean()
  ])(
    "[AZIZA] work or study: met ⇔ the latest record on or before the day shows work, or study before finishing school",
    (asOf, a, graduated) => {
      const base = stateFrom(readyKnobs, asOf)
      const s = {
        ...base,
        child: { ...base.child!, school: graduated ? ("graduated" as const) : ("enrolled" as const) },
        activities:
          a === undefined
            ? []
            : [
                {
                  date: new Date(asOf.getTime() + a.offset * DAY),
                  work: a.work,
                  study: a.study,
                  finishedSecondarySchool: a.finished
                }
              ]
      }
      const counted = a !== undefined && a.offset <= 0 ? a : undefined
      const expected =
        counted !== undefined &&
        (counted.work !== "none" || (!(counted.finished || graduated) && counted.study !== "none"))
      expect(IndependentLiving.workOrStudy(s, Profiles.azizasPlace, asOf).outcome.met).toBe(expected)
    }
  )
})
