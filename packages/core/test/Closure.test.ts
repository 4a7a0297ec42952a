import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { CaseState, Closure, type FollowUp, Monitoring, PolicyProfile, Profiles } from "../src/index.js"
import { Arbitraries } from "../src/testing/index.js"
import { plusMonths } from "./helpers.js"

const DAY = 86_400_000
const at = (d: string) => new Date(`${d}T00:00:00.000Z`)
const A: FollowUp.FollowUpCriteria = { health: "A", education: "A", food: "A", relationship: "A", safety: "A" }

const form6 = (childScore: number, familyScore: number, approved = true): FollowUp.ClosureAssessment => ({
  id: "f6",
  date: at("2020-01-01"),
  assessorId: "sw-1",
  child: {
    health: childScore,
    nutrition: childScore,
    education: childScore,
    emotionalWellbeing: childScore,
    socialBehaviour: childScore,
    safety: childScore,
    shelter: childScore,
    relationshipWithCaregiver: childScore
  },
  family: {
    basicNeeds: familyScore,
    income: familyScore,
    housing: familyScore,
    caregivingSkills: familyScore,
    childSafety: familyScore,
    emotionalBond: familyScore,
    familyRelationships: familyScore,
    healthCareAccess: familyScore,
    educationSupport: familyScore,
    communityParticipation: familyScore,
    assistanceFromRelatives: familyScore
  },
  ...(approved ? { managerApproval: { managerId: "mgr-1", on: at("2020-01-02") } } : {})
})

const closable = (reunifiedOn: Date, extra: Partial<CaseState.CaseState> = {}): CaseState.CaseState => ({
  ...CaseState.initial("c1"),
  opened: true,
  status: "open",
  child: { id: "CH-1", birth: { date: at("2008-01-01"), estimated: false }, sex: "female", school: "enrolled" },
  phase: { phase: "reunified" },
  phaseSince: reunifiedOn,
  reunifiedOn,
  monitoringVisits: [
    {
      id: "v1",
      date: new Date(reunifiedOn.getTime() + 700 * DAY),
      visitorId: "sw",
      criteria: A,
      childSeen: true,
      closureRecommended: false
    },
    {
      id: "v2",
      date: new Date(reunifiedOn.getTime() + 730 * DAY),
      visitorId: "sw",
      criteria: A,
      childSeen: true,
      closureRecommended: true
    }
  ],
  closureAssessments: [form6(3, 3)],
  ...extra
})

describe("Closure properties", () => {
  test.prop([Arbitraries.profile, Arbitraries.day, fc.integer({ min: 0, max: 1500 })])(
    "reintegration-complete is never eligible before the monitoring duration",
    (profile, reunifiedOn, offset) => {
      const asOf = new Date(reunifiedOn.getTime() + offset * DAY)
      const d = Closure.closureEligibility(closable(reunifiedOn), profile, asOf)
      if (d.outcome.eligible)
        expect(asOf.getTime()).toBeGreaterThanOrEqual(Monitoring.monitoringEnd(reunifiedOn, profile).getTime())
      else expect(d.reasons.some((r) => r.severity === "blocker")).toBe(true)
    }
  )

  test.prop([
    Arbitraries.profile,
    fc.nat(5).chain((n) => Arbitraries.closureAssessment(at("2020-01-01"), n, fc.integer({ min: 1, max: 4 })))
  ])("Form 6 passes exactly when every threshold of the profile holds", (profile, assessment) => {
    const c = PolicyProfile.resolve(profile, at("2020-01-01")).values.closure
    const child = Object.values(assessment.child)
    const family = Object.entries(assessment.family)
    const childTotal = child.reduce((a, b) => a + b, 0)
    const familyTotal = family.reduce((a, [, b]) => a + b, 0)
    const expected =
      childTotal >= c.childMinTotal &&
      child.every((x) => x >= c.childMinItem) &&
      familyTotal >= c.familyMinTotal &&
      family.every(([k, x]) => x >= c.familyMinItem || c.familyItemsExempt.includes(k)) &&
      childTotal + familyTotal >= c.grandMinTotal &&
      (!c.managerApprovalRequired || assessment.managerApproval !== undefined)
    const d = Closure.assessForm6(assessment, profile, at("2020-01-02"))
    expect(d.outcome.passes).toBe(expected)
    expect(d.outcome.grandTotal).toBe(childTotal + familyTotal)
  })
})

describe("Closure examples", () => {
  const p = Profiles.azizasPlace
  const r = at("2018-01-01")

  it("[seed: Aziza's Place] closes as reintegration-complete after 2 years with green visits and Form 6 met", () => {
    const d = Closure.closureEligibility(closable(r), p, at("2020-01-02"))
    expect(d.outcome).toEqual({ eligible: true, reason: "reintegration-complete", bypassesCompletion: false })
    expect(d.policy).toEqual({ id: "azizas-place", version: "1.1.0" })
    // The manager approved on 2020-01-02: on 2020-01-01 that approval had not been given yet.
    expect(
      Closure.closureEligibility(closable(r), p, at("2020-01-01"))
        .reasons.filter((x) => x.severity === "blocker")
        .map((x) => x.code)
    ).toEqual(["manager-approval-after-as-of"])
  })

  it("[seed: Aziza's Place] not before the 2 years are over", () => {
    const d = Closure.closureEligibility(closable(r), p, at("2019-12-31"))
    expect(d.outcome.eligible).toBe(false)
    expect(d.reasons.filter((x) => x.severity === "blocker").map((x) => x.code)).toContain("monitoring-not-complete")
  })

  it("[default] the last two visits must be green", () => {
    const s = closable(r)
    const yellow = {
      ...s,
      monitoringVisits: [s.monitoringVisits[0]!, { ...s.monitoringVisits[1]!, criteria: { ...A, food: "B" as const } }]
    }
    expect(Closure.closureEligibility(yellow, p, at("2020-01-01")).reasons.map((x) => x.code)).toContain(
      "recent-visits-not-green"
    )
  })

  it("[seed: Aziza's Place] support must be tapered to independence; no payment after the taper", () => {
    const plan = {
      id: "sp-1",
      startsOn: r,
      recipient: "household" as const,
      items: [
        { category: "cash" as const, amount: { amount: 40, currency: "USD" as const }, period: "monthly" as const }
      ]
    }
    const ok = Closure.closureEligibility(closable(r, { supportPlans: [plan] }), p, at("2020-01-02"))
    expect(ok.outcome.eligible).toBe(true)
    const late = closable(r, {
      supportPlans: [plan],
      payments: [
        {
          id: "pay-1",
          planId: "sp-1",
          paidOn: at("2020-01-01"),
          category: "cash",
          amount: { amount: 10, currency: "USD" }
        }
      ]
    })
    expect(Closure.closureEligibility(late, p, at("2020-01-02")).reasons.map((x) => x.code)).toContain(
      "support-not-tapered"
    )
  })

  it("[PRIM, OSCaR] the final assessment must be made after reunification", () => {
    const stale = closable(r, { closureAssessments: [{ ...form6(3, 3), date: at("2017-12-01") }] })
    expect(Closure.closureEligibility(stale, p, at("2020-01-01")).reasons.map((x) => x.code)).toContain(
      "form6-before-reunification"
    )
  })

  it("[PRIM, OSCaR] manager approval is required", () => {
    const s = closable(r, { closureAssessments: [form6(3, 3, false)] })
    expect(Closure.closureEligibility(s, p, at("2020-01-01")).reasons.map((x) => x.code)).toContain(
      "manager-approval-missing"
    )
  })

  it("[PRIM, OSCaR] other reasons bypass monitoring and Form 6 but are checked for their own facts", () => {
    const early = at("2018-06-01")
    expect(Closure.closureEligibility(closable(r, { closureAssessments: [] }), p, early, "died").outcome.eligible).toBe(
      true
    )
    expect(Closure.closureEligibility(closable(r), p, early, "transferred").reasons.map((x) => x.code)).toContain(
      "no-transfer-recorded"
    )
    // Born 2008-01-01: adult (18, CRC art. 1) from 2026-01-01.
    expect(Closure.closureEligibility(closable(r), p, at("2025-12-31"), "became-adult").outcome.eligible).toBe(false)
    expect(Closure.closureEligibility(closable(r), p, at("2026-01-01"), "became-adult").outcome.eligible).toBe(true)
    // No longer needs support: no duration, but a visit recommending closure and a Form 6 (made since
    // reunification, approved, both on or before the day) still apply.
    const independentEarly = (f6: FollowUp.ClosureAssessment) =>
      closable(r, {
        monitoringVisits: [
          {
            id: "v1",
            date: at("2018-05-20"),
            visitorId: "sw",
            criteria: A,
            childSeen: true,
            closureRecommended: true
          }
        ],
        closureAssessments: [
          { ...f6, date: at("2018-05-25"), managerApproval: { managerId: "m", on: at("2018-05-26") } }
        ]
      })
    expect(
      Closure.closureEligibility(independentEarly(form6(3, 3)), p, early, "no-longer-needs-support").outcome.eligible
    ).toBe(true)
    expect(
      Closure.closureEligibility(independentEarly(form6(2, 2)), p, early, "no-longer-needs-support").outcome.eligible
    ).toBe(false)
    // A Form 6 dated after the day does not count.
    expect(
      Closure.closureEligibility(closable(r), p, early, "no-longer-needs-support")
        .reasons.filter((x) => x.severity === "blocker")
        .map((x) => x.code)
    ).toEqual(["closure-not-recommended", "form6-after-as-of"])
  })
})

describe("[PRIM] closure as reintegration-complete: every Form 6 and visit condition on or before asOf", () => {
  const p = Profiles.azizasPlace
  const r = at("2018-01-01")
  const visitOn = (id: string, d: string, extra: Partial<FollowUp.FollowUpVisit> = {}): FollowUp.FollowUpVisit => ({
    id,
    date: at(d),
    visitorId: "sw",
    criteria: A,
    childSeen: true,
    closureRecommended: false,
    ...extra
  })
  const blockers = (s: CaseState.CaseState, asOf: string, reason?: Closure.ClosureOutcome["reason"]) =>
    Closure.closureEligibility(s, p, at(asOf), reason)
      .reasons.filter((x) => x.severity === "blocker")
      .map((x) => x.code)

  it("[PRIM follow-up] loophole 7: the last green visits did not see the child", () => {
    const s = closable(r, {
      monitoringVisits: [
        visitOn("v1", "2019-12-02", { childSeen: false, notSeenReason: "at-school-or-work" }),
        visitOn("v2", "2020-01-01", { closureRecommended: true })
      ]
    })
    expect(blockers(s, "2020-01-02")).toEqual(["recent-visit-child-not-seen"])
  })

  it("[PRIM follow-up] loophole 8: the latest visit did not recommend closure", () => {
    const s = closable(r, {
      monitoringVisits: [visitOn("v1", "2019-12-02", { closureRecommended: true }), visitOn("v2", "2020-01-01")]
    })
    expect(blockers(s, "2020-01-02")).toEqual(["closure-not-recommended"])
  })

  it("[PRIM closure] loophole 9: the manager's approval is dated before the Form 6", () => {
    const s = closable(r, {
      closureAssessments: [{ ...form6(3, 3), managerApproval: { managerId: "m", on: at("2019-12-31") } }]
    })
    expect(blockers(s, "2020-01-02")).toEqual(["manager-approval-before-form6"])
  })

  it("[PRIM closure] loophole 10: the Form 6 is dated after the as-of day", () => {
    const s = closable(r, {
      closureAssessments: [
        { ...form6(3, 3), date: at("2020-02-01"), managerApproval: { managerId: "m", on: at("2020-02-01") } }
      ]
    })
    expect(blockers(s, "2020-01-02")).toEqual(["form6-after-as-of"])
    // An earlier Form 6 on or before the day is used instead.
    const both = closable(r, {
      closureAssessments: [form6(3, 3), { ...form6(1, 1), id: "f6-later", date: at("2020-02-01") }]
    })
    expect(blockers(both, "2020-01-02")).toEqual([])
  })

  it("[PRIM closure] loophole 11: 'no longer needs support' with a Form 6 made before reunification", () => {
    const s = closable(r, {
      monitoringVisits: [visitOn("v1", "2018-05-01", { closureRecommended: true })],
      closureAssessments: [
        { ...form6(3, 3), date: at("2017-12-01"), managerApproval: { managerId: "m", on: at("2017-12-02") } }
      ]
    })
    expect(blockers(s, "2018-06-01", "no-longer-needs-support")).toEqual(["form6-before-reunification"])
    // ... and never for a child who was not reunified.
    const notHome = { ...s, phase: { phase: "gradual-contact" as const, step: "every-night" } }
    expect(blockers(notHome, "2018-06-01", "no-longer-needs-support")).toContain("not-reunified")
  })

  it.each([
    ["2019-12-31", ["manager-approval-before-form6"]],
    ["2020-01-01", []],
    ["2020-01-02", []],
    ["2020-01-03", ["manager-approval-after-as-of"]]
  ])("[PRIM closure] Form 6 of 2020-01-01, decision on 2020-01-02, approval on %s", (approvedOn, expected) => {
    const s = closable(r, {
      closureAssessments: [{ ...form6(3, 3), managerApproval: { managerId: "m", on: at(approvedOn) } }]
    })
    expect(blockers(s, "2020-01-02")).toEqual(expected)
  })

  it.each([
    ["2017-12-31", ["form6-before-reunification"]],
    ["2018-01-01", []],
    ["2020-01-02", []],
    ["2020-01-03", ["form6-after-as-of"]]
  ])("[PRIM closure] return on 2018-01-01, decision on 2020-01-02, Form 6 dated %s", (assessedOn, expected) => {
    const s = closable(r, {
      closureAssessments: [
        { ...form6(3, 3), date: at(assessedOn), managerApproval: { managerId: "m", on: at(assessedOn) } }
      ]
    })
    expect(blockers(s, "2020-01-02")).toEqual(expected)
  })

  const mostly = (p: number) => fc.integer({ min: 1, max: 100 }).map((x) => x <= p)
  const arbVisit = fc.record({
    offset: fc.integer({ min: -20, max: 1200 }),
    green: mostly(85),
    seen: mostly(85),
    recommend: mostly(60)
  })
  const arbForm6 = fc.record({
    offset: fc.integer({ min: -60, max: 1200 }),
    child: fc.oneof({ weight: 3, arbitrary: fc.constant(3) }, fc.integer({ min: 1, max: 4 })),
    family: fc.oneof({ weight: 3, arbitrary: fc.constant(3) }, fc.integer({ min: 1, max: 4 })),
    approval: fc.option(
      fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }) }, fc.integer({ min: -5, max: 40 })),
      {
        nil: undefined,
        freq: 6
      }
    )
  })
  /** A reunified case with visits and Form 6 assessments around the end of monitoring, and a decision day. */
  const arbClosureCase = fc
    .record({
      id: fc.constantFrom(...Object.keys(Profiles.builtIn)),
      reunifiedOn: Arbitraries.day,
      asOfOffset: fc.integer({ min: 1100, max: 1300 })
    })
    .chain(({ id, reunifiedOn, asOfOffset }) =>
      fc.record({
        id: fc.constant(id),
        reunifiedOn: fc.constant(reunifiedOn),
        asOfOffset: fc.oneof(fc.constant(asOfOffset), fc.integer({ min: 0, max: 1300 })),
        vs: fc.uniqueArray(
          fc.oneof(
            arbVisit,
            arbVisit.map((v) => ({ ...v, offset: asOfOffset - (v.offset % 60) }))
          ),
          { maxLength: 6, selector: (v) => v.offset }
        ),
        fs: fc.uniqueArray(
          fc.oneof(
            arbForm6,
            arbForm6.map((f) => ({ ...f, offset: asOfOffset - (f.offset % 40) }))
          ),
          { maxLength: 3, selector: (f) => f.offset }
        )
      })
    )
  const closureCase = ({
    id,
    reunifiedOn,
    vs,
    fs,
    asOfOffset
  }: typeof arbClosureCase extends fc.Arbitrary<infer T> ? T : never) => {
    const profile = Profiles.builtIn[id]!
    const day = (o: number) => new Date(reunifiedOn.getTime() + o * DAY)
    const visits = [...vs]
      .sort((a, b) => a.offset - b.offset)
      .map((v, i) =>
        visitOn(`v${i}`, "2000-01-01", {
          date: day(v.offset),
          criteria: v.green ? A : { ...A, safety: "B" },
          childSeen: v.seen,
          ...(v.seen ? {} : { notSeenReason: "not-at-home" as const }),
          closureRecommended: v.recommend
        })
      )
    const assessments = [...fs]
      .sort((a, b) => a.offset - b.offset)
      .map((f, i) => ({
        ...form6(f.child, f.family, false),
        id: `f6-${i}`,
        date: day(f.offset),
        ...(f.approval === undefined ? {} : { managerApproval: { managerId: "m", on: day(f.offset + f.approval) } })
      }))
    return {
      profile,
      reunifiedOn,
      asOf: day(asOfOffset),
      visits,
      assessments,
      state: closable(reunifiedOn, { monitoringVisits: visits, closureAssessments: assessments })
    }
  }

  it("the generated cases reach both answers (the property below is not vacuous)", () => {
    const answers = fc
      .sample(arbClosureCase, { numRuns: 400, seed: 3 })
      .map((c) => closureCase(c))
      .map((c) => Closure.closureEligibility(c.state, c.profile, c.asOf).outcome.eligible)
    expect(answers.filter((x) => x).length).toBeGreaterThan(20)
    expect(answers.filter((x) => !x).length).toBeGreaterThan(20)
  })

  test.prop([arbClosureCase], { numRuns: 400 })(
    "no closure as reintegration-complete unless every Form 6 and visit condition holds on or before asOf",
    (c) => {
      const { profile, reunifiedOn, asOf, visits, assessments, state: s } = closureCase(c)
      const d = Closure.closureEligibility(s, profile, asOf)
      // Oracle, written from the rule's text.
      const v = PolicyProfile.resolve(profile, asOf).values.closure
      const months = PolicyProfile.resolve(profile, reunifiedOn).values.monitoring.durationMonths
      const t = asOf.getTime()
      const since = visits.filter((x) => x.date.getTime() >= reunifiedOn.getTime() && x.date.getTime() <= t)
      const recent = since.slice(-v.recentVisitsPositive)
      const visitsOk =
        recent.length >= v.recentVisitsPositive &&
        recent.every((x) => x.childSeen && Object.values(x.criteria).every((c) => c === "A")) &&
        since.at(-1)?.closureRecommended === true
      const f6 = assessments.filter((a) => a.date.getTime() <= t).at(-1)
      const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)
      const f6Ok =
        f6 !== undefined &&
        f6.date.getTime() >= reunifiedOn.getTime() &&
        total(f6.child) >= v.childMinTotal &&
        Object.values(f6.child).every((x) => x >= v.childMinItem) &&
        total(f6.family) >= v.familyMinTotal &&
        Object.entries(f6.family).every(([k, x]) => x >= v.familyMinItem || v.familyItemsExempt.includes(k)) &&
        total(f6.child) + total(f6.family) >= v.grandMinTotal &&
        f6.managerApproval !== undefined &&
        f6.managerApproval.on.getTime() >= f6.date.getTime() &&
        f6.managerApproval.on.getTime() <= t
      const monitoringOver = t >= plusMonths(reunifiedOn, months).getTime()
      expect(d.outcome.eligible).toBe(monitoringOver && visitsOk && f6Ok)
    }
  )
})
