import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { CaseState, Closure, type FollowUp, Monitoring, PolicyProfile, Profiles } from "../src/index.js"
import { Arbitraries } from "../src/testing/index.js"

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
