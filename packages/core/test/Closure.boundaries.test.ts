// Boundary tables of the closure rules (value−1, value, value+1 for every threshold and date), written so that
// `pnpm test:mutation` kills the mutants that the example and property tests of Closure.test.ts leave alive.
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { CaseState, Closure, type FollowUp, PolicyProfile, Profiles, Support } from "../src/index.js"

const at = (d: string) => new Date(`${d}T00:00:00.000Z`)
const P = Profiles.cambodiaMosvy

const childItems = [
  "health",
  "nutrition",
  "education",
  "emotionalWellbeing",
  "socialBehaviour",
  "safety",
  "shelter",
  "relationshipWithCaregiver"
] as const
const familyItems = [
  "basicNeeds",
  "income",
  "housing",
  "caregivingSkills",
  "childSafety",
  "emotionalBond",
  "familyRelationships",
  "healthCareAccess",
  "educationSupport",
  "communityParticipation",
  "assistanceFromRelatives"
] as const

/** Scores in item order; the totals are the sums. */
const form6 = (
  child: ReadonlyArray<number>,
  family: ReadonlyArray<number>,
  extra: Partial<FollowUp.ClosureAssessment> = {}
): FollowUp.ClosureAssessment => ({
  id: "f6",
  date: at("2020-01-01"),
  assessorId: "sw-1",
  child: Object.fromEntries(childItems.map((k, i) => [k, child[i]!])) as FollowUp.ClosureAssessment["child"],
  family: Object.fromEntries(familyItems.map((k, i) => [k, family[i]!])) as FollowUp.ClosureAssessment["family"],
  managerApproval: { managerId: "mgr-1", on: at("2020-01-02") },
  ...extra
})

/** `n` items summing to `total`, each 2, 3 or 4 (every item at or above the MoSVY item minimum of 2). */
const spread = (n: number, total: number): Array<number> => {
  const out = Array.from({ length: n }, () => 2)
  let left = total - 2 * n
  for (let i = 0; i < n && left > 0; i++) {
    const add = Math.min(2, left)
    out[i] = out[i]! + add
    left -= add
  }
  if (left !== 0) throw new Error(`cannot spread ${total} over ${n} items`)
  return out
}

const blockers = (d: { reasons: ReadonlyArray<{ severity: string; code: string }> }) =>
  d.reasons.filter((r) => r.severity === "blocker").map((r) => r.code)

describe("Form 6 thresholds, boundary tables (MoSVY Form 6 via Primero Cambodia)", () => {
  const asOf = at("2020-01-03")

  it.each([
    [17, false],
    [18, true],
    [19, true]
  ] as const)("[PRIM: child total at least 18] child total %i → passes %s", (total, passes) => {
    // family 33, so the grand total (≥ 50) and the family total never decide
    const d = Closure.assessForm6(form6(spread(8, total), spread(11, 33)), P, asOf)
    expect(d.outcome.passes).toBe(passes)
    expect(d.outcome.childTotal).toBe(total)
    expect(blockers(d)).toEqual(passes ? [] : ["child-total-below-minimum"])
    if (!passes) {
      const r = d.reasons.find((x) => x.code === "child-total-below-minimum")!
      expect(r.rule).toBe("closure/form6-child-total")
      expect(r.source.key).toBe(PolicyProfile.cite(P, "closure", "childMinTotal").key)
      expect(r.details).toEqual({ total, minimum: 18 })
      expect(r.message).toBe(`The child total is ${total}; at least 18 is needed.`)
    }
  })

  it.each([
    [29, false],
    [30, true],
    [31, true]
  ] as const)("[PRIM: family total at least 30] family total %i → passes %s", (total, passes) => {
    const d = Closure.assessForm6(form6(spread(8, 24), spread(11, total)), P, asOf)
    expect(d.outcome.passes).toBe(passes)
    expect(d.outcome.familyTotal).toBe(total)
    expect(d.outcome.grandTotal).toBe(24 + total)
    expect(blockers(d)).toEqual(passes ? [] : ["family-total-below-minimum"])
    if (!passes) {
      const r = d.reasons.find((x) => x.code === "family-total-below-minimum")!
      expect(r.rule).toBe("closure/form6-family-total")
      expect(r.details).toEqual({ total, minimum: 30 })
      expect(r.message).toBe(`The family total is ${total}; at least 30 is needed.`)
    }
  })

  it.each([
    [1, false],
    [2, true],
    [3, true]
  ] as const)("[PRIM: no child score less than 2] one child item at %i → passes %s", (score, passes) => {
    const child = [score, 4, 4, 4, 4, 4, 4, 4]
    const d = Closure.assessForm6(form6(child, spread(11, 33)), P, asOf)
    expect(d.outcome.passes).toBe(passes)
    expect(blockers(d)).toEqual(passes ? [] : ["child-item-below-minimum"])
    if (!passes) {
      const r = d.reasons.find((x) => x.code === "child-item-below-minimum")!
      expect(r.rule).toBe("closure/form6-child-item")
      expect(r.details).toEqual({ item: "health", score, minimum: 2 })
      expect(r.message).toBe("A child item scores below 2.")
    }
  })

  it.each([
    [1, false],
    [2, true],
    [3, true]
  ] as const)("[PRIM: no family score less than 2] one family item at %i → passes %s", (score, passes) => {
    const family = [score, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]
    const d = Closure.assessForm6(form6(spread(8, 24), family), P, asOf)
    expect(d.outcome.passes).toBe(passes)
    expect(blockers(d)).toEqual(passes ? [] : ["family-item-below-minimum"])
    if (!passes) {
      const r = d.reasons.find((x) => x.code === "family-item-below-minimum")!
      expect(r.rule).toBe("closure/form6-family-item")
      expect(r.severity).toBe("blocker")
      expect(r.source.key).toBe(PolicyProfile.cite(P, "closure", "familyMinItem").key)
      expect(r.details).toEqual({ item: "basicNeeds", score, minimum: 2 })
      expect(r.message).toBe("A family item scores below 2.")
    }
  })

  it("[HD-relatives-exempt] assistance from relatives at 1 is recorded as exempt, not a blocker", () => {
    const family = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1]
    const d = Closure.assessForm6(form6(spread(8, 24), family), P, asOf)
    expect(d.outcome.passes).toBe(true)
    const r = d.reasons.find((x) => x.code === "family-item-exempt")!
    expect(r).toEqual({
      code: "family-item-exempt",
      rule: "closure/form6-family-item",
      source: PolicyProfile.cite(P, "closure", "familyItemsExempt"),
      severity: "info",
      message: "A family item scores below 2 but is exempt from the item minimum.",
      details: { item: "assistanceFromRelatives", score: 1, minimum: 2 }
    })
  })

  // MoSVY's grand minimum (48) equals the two totals' minima (18 + 30): only a profile with a higher grand
  // minimum can show the grand-total rule on its own
  const cite = { document: "Test programme", year: 2020, section: "1" }
  const higher = PolicyProfile.derive(P, {
    id: "test-grand",
    version: "1.0.0",
    title: "Test",
    parameters: { closure: { grandMinTotal: { value: 55, source: cite } } }
  })
  it.each([
    [54, false],
    [55, true],
    [56, true]
  ] as const)("[PRIM: closed with score from 48 or above; derived 55] grand total %i → passes %s", (total, passes) => {
    if (Result.isFailure(higher)) throw new Error("invalid test profile")
    const d = Closure.assessForm6(form6(spread(8, 24), spread(11, total - 24)), higher.success, asOf)
    expect(d.outcome.grandTotal).toBe(total)
    expect(d.outcome.passes).toBe(passes)
    expect(blockers(d)).toEqual(passes ? [] : ["grand-total-below-minimum"])
    if (!passes) {
      const r = d.reasons.find((x) => x.code === "grand-total-below-minimum")!
      expect(r.rule).toBe("closure/form6-grand-total")
      expect(r.details).toEqual({ total, minimum: 55 })
      expect(r.message).toBe(`The grand total is ${total}; at least 55 is needed.`)
    }
  })

  const ok = () => form6(spread(8, 24), spread(11, 33))

  it.each([
    ["2019-12-31", ["form6-after-as-of", "manager-approval-after-as-of"]],
    ["2020-01-01", ["manager-approval-after-as-of"]],
    ["2020-01-02", []],
    ["2020-01-03", []]
  ] as const)("[PRIM: approved by manager] assessed 2020-01-01, approved 2020-01-02, decided %s", (day, codes) => {
    expect(blockers(Closure.assessForm6(ok(), P, at(day)))).toEqual(codes)
    // any time of the decision day counts as that day
    expect(blockers(Closure.assessForm6(ok(), P, new Date(`${day}T23:59:59.999Z`)))).toEqual(codes)
  })

  it.each([
    ["2019-12-31", ["manager-approval-before-form6"]],
    ["2020-01-01", []],
    ["2020-01-02", []]
  ] as const)("[PRIM: approved by manager] the approval of 2020-01-01's Form 6 dated %s", (day, codes) => {
    const d = Closure.assessForm6({ ...ok(), managerApproval: { managerId: "m", on: at(day) } }, P, at("2020-01-05"))
    expect(blockers(d)).toEqual(codes)
    if (codes.length > 0)
      expect(d.reasons.find((x) => x.code === "manager-approval-before-form6")!.details).toEqual({
        approvedOn: day,
        assessedOn: "2020-01-01"
      })
  })

  it("[PRIM: approved by manager] the reasons about the approval say which rule and days", () => {
    const missing = Closure.assessForm6({ ...ok(), managerApproval: undefined } as never, P, asOf)
    const { managerApproval: _, ...noApproval } = ok()
    const d = Closure.assessForm6(noApproval, P, asOf)
    for (const x of [missing, d]) {
      expect(x.outcome.passes).toBe(false)
      expect(x.reasons).toEqual([
        {
          code: "manager-approval-missing",
          rule: "closure/manager-approval",
          source: PolicyProfile.cite(P, "closure", "managerApprovalRequired"),
          severity: "blocker",
          message: "The final assessment needs a manager's approval."
        }
      ])
    }
    const late = Closure.assessForm6(ok(), P, at("2020-01-01"))
    expect(late.reasons).toEqual([
      {
        code: "manager-approval-after-as-of",
        rule: "closure/manager-approval",
        source: PolicyProfile.cite(P, "closure", "managerApprovalRequired"),
        severity: "blocker",
        message: "The manager's approval is dated after the day of the decision: it was not given yet.",
        details: { approvedOn: "2020-01-02" }
      }
    ])
    const early = Closure.assessForm6(ok(), P, at("2019-12-31"))
    expect(early.reasons[0]).toEqual({
      code: "form6-after-as-of",
      rule: "closure/form6-date",
      source: PolicyProfile.cite(P, "closure", "grandMinTotal"),
      severity: "blocker",
      message: "The final assessment is dated after the day of the decision: it cannot be relied on yet.",
      details: { date: "2020-01-01" }
    })
  })

  it("[PRIM] a profile that does not require the manager's approval passes without one", () => {
    const r = PolicyProfile.derive(P, {
      id: "test-no-approval",
      version: "1.0.0",
      title: "Test",
      parameters: { closure: { managerApprovalRequired: { value: false, source: cite } } }
    })
    if (Result.isFailure(r)) throw new Error("invalid test profile")
    const { managerApproval: _, ...noApproval } = ok()
    expect(Closure.assessForm6(noApproval, r.success, asOf).outcome.passes).toBe(true)
    // nor does it check an approval's dates
    expect(
      Closure.assessForm6({ ...ok(), managerApproval: { managerId: "m", on: at("2019-01-01") } }, r.success, asOf)
        .reasons
    ).toEqual([])
  })
})

describe("closureEligibility boundaries (Aziza's Place: 2 years of monitoring; PRIM follow-up and closure)", () => {
  const p = Profiles.azizasPlace
  const r = at("2018-01-01")
  const A = { health: "A", education: "A", food: "A", relationship: "A", safety: "A" } as const
  const visit = (id: string, d: string, over: Partial<FollowUp.FollowUpVisit> = {}): FollowUp.FollowUpVisit => ({
    id,
    date: new Date(d.length === 10 ? `${d}T00:00:00.000Z` : d),
    visitorId: "sw",
    criteria: A,
    childSeen: true,
    closureRecommended: false,
    ...over
  })
  const f6 = { ...form6(spread(8, 24), spread(11, 33)), date: at("2019-12-20") }
  const approved = { ...f6, managerApproval: { managerId: "m", on: at("2019-12-21") } }
  const state = (over: Partial<CaseState.CaseState> = {}): CaseState.CaseState => ({
    ...CaseState.initial("c1"),
    opened: true,
    status: "open",
    child: { id: "CH-1", birth: { date: at("2008-01-01"), estimated: false }, sex: "female", school: "enrolled" },
    phase: { phase: "reunified" },
    phaseSince: r,
    reunifiedOn: r,
    monitoringVisits: [visit("v1", "2019-11-20"), visit("v2", "2019-12-20", { closureRecommended: true })],
    closureAssessments: [approved],
    ...over
  })
  const decide = (s: CaseState.CaseState, asOf: string, reason?: Closure.ClosureOutcome["reason"]) =>
    Closure.closureEligibility(s, p, new Date(asOf.length === 10 ? `${asOf}T00:00:00.000Z` : asOf), reason)
  const reason = (s: CaseState.CaseState, asOf: string, code: string, why?: Closure.ClosureOutcome["reason"]) =>
    decide(s, asOf, why).reasons.find((x) => x.code === code)

  it.each([
    ["2019-12-31", ["monitoring-not-complete"]],
    ["2019-12-31T23:59:59.999Z", ["monitoring-not-complete"]],
    ["2020-01-01", []],
    ["2020-01-02", []]
  ] as const)("[Aziza's Place: two years] returned 2018-01-01, decided %s", (asOf, codes) => {
    const d = decide(state(), asOf)
    expect(blockers(d)).toEqual(codes)
    expect(d.outcome).toEqual({
      eligible: codes.length === 0,
      reason: "reintegration-complete",
      bypassesCompletion: false
    })
    if (codes.length > 0)
      expect(d.reasons[0]).toEqual({
        code: "monitoring-not-complete",
        rule: "closure/monitoring-duration",
        source: PolicyProfile.cite(p, "monitoring", "durationMonths"),
        severity: "blocker",
        message: "Monitoring lasts 24 months from reunification; it is not over yet.",
        details: { endsOn: "2020-01-01" }
      })
  })

  it("[HD-recent-green-visits] fewer visits than needed, or one of them not green, blocks; the reason counts them", () => {
    const one = state({ monitoringVisits: [visit("v2", "2019-12-20", { closureRecommended: true })] })
    expect(reason(one, "2020-01-02", "recent-visits-not-green")).toEqual({
      code: "recent-visits-not-green",
      rule: "closure/recent-visits-green",
      source: PolicyProfile.cite(p, "closure", "recentVisitsPositive"),
      severity: "blocker",
      message: "The last 2 follow-up visit(s) must be rated green; 1 of the last 1 are.",
      details: { required: 2, green: 1, considered: 1 }
    })
    const yellow = state({
      monitoringVisits: [
        visit("v0", "2019-10-20"),
        visit("v1", "2019-11-20", { criteria: { ...A, food: "B" } }),
        visit("v2", "2019-12-20", { closureRecommended: true })
      ]
    })
    expect(reason(yellow, "2020-01-02", "recent-visits-not-green")!.details).toEqual({
      required: 2,
      green: 1,
      considered: 2
    })
    // an older yellow visit is not among the last two
    const older = state({
      monitoringVisits: [
        visit("v0", "2019-10-20", { criteria: { ...A, food: "C" } }),
        visit("v1", "2019-11-20"),
        visit("v2", "2019-12-20", { closureRecommended: true })
      ]
    })
    expect(blockers(decide(older, "2020-01-02"))).toEqual([])
  })

  it("[PRIM follow-up] a visit that did not see the child blocks; the reason counts them", () => {
    const s = state({
      monitoringVisits: [
        visit("v1", "2019-11-20", { childSeen: false, notSeenReason: "at-school-or-work" }),
        visit("v2", "2019-12-20", { closureRecommended: true })
      ]
    })
    expect(reason(s, "2020-01-02", "recent-visit-child-not-seen")).toEqual({
      code: "recent-visit-child-not-seen",
      rule: "closure/recent-visits-green",
      source: PolicyProfile.cite(p, "closure", "recentVisitsPositive"),
      severity: "blocker",
      message: "The last 2 follow-up visit(s) must each have seen the child; 1 did not.",
      details: { required: 2, notSeen: 1 }
    })
  })

  it("visits count from the day of reunification to the day of the decision (any time of that day)", () => {
    // on the reunification day: counted; the day before: not
    const onDay = state({
      monitoringVisits: [visit("v1", "2018-01-01"), visit("v2", "2019-12-20", { closureRecommended: true })]
    })
    expect(blockers(decide(onDay, "2020-01-02"))).toEqual([])
    const before = state({
      monitoringVisits: [visit("v1", "2017-12-31"), visit("v2", "2019-12-20", { closureRecommended: true })]
    })
    expect(reason(before, "2020-01-02", "recent-visits-not-green")!.details).toEqual({
      required: 2,
      green: 1,
      considered: 1
    })
    // a visit of the decision day counts, at any time of the decision; the next day's does not
    const sameDay = state({
      monitoringVisits: [visit("v1", "2019-12-20"), visit("v2", "2020-01-02", { closureRecommended: true })]
    })
    expect(blockers(decide(sameDay, "2020-01-02T08:00:00.000Z"))).toEqual([])
    const nextDay = state({
      monitoringVisits: [
        visit("v1", "2019-11-20"),
        visit("v2", "2019-12-20", { closureRecommended: true }),
        visit("v3", "2020-01-03", { criteria: { ...A, safety: "C" } })
      ]
    })
    expect(blockers(decide(nextDay, "2020-01-02T23:59:59.999Z"))).toEqual([])
  })

  it("[PRIM: do you recommend that the case be closed?] the latest visit must recommend closure; the reason names it", () => {
    const s = state({
      monitoringVisits: [visit("v1", "2019-11-20", { closureRecommended: true }), visit("v2", "2019-12-20")]
    })
    expect(reason(s, "2020-01-02", "closure-not-recommended")).toEqual({
      code: "closure-not-recommended",
      rule: "closure/recommended",
      source: expect.objectContaining({ key: "PRIM" }),
      severity: "blocker",
      message: "The latest follow-up visit does not recommend closing the case.",
      details: { visitId: "v2" }
    })
    const none = state({ monitoringVisits: [] })
    expect(reason(none, "2020-01-02", "closure-not-recommended")).toMatchObject({
      message: "No follow-up visit since reunification recommends closing the case.",
      details: {}
    })
  })

  it("[PRIM closure] the Form 6: missing, only after the day, or before reunification", () => {
    expect(reason(state({ closureAssessments: [] }), "2020-01-02", "form6-missing")).toEqual({
      code: "form6-missing",
      rule: "closure/form6",
      source: PolicyProfile.cite(p, "closure", "grandMinTotal"),
      severity: "blocker",
      message: "No final assessment (Form 6) is recorded."
    })
    expect(reason(state(), "2019-12-19", "form6-after-as-of")).toEqual({
      code: "form6-after-as-of",
      rule: "closure/form6",
      source: PolicyProfile.cite(p, "closure", "grandMinTotal"),
      severity: "blocker",
      message: "The only final assessment (Form 6) is dated after the day of the decision."
    })
    // a Form 6 later on the decision day counts
    expect(reason(state(), "2019-12-20T06:00:00.000Z", "form6-after-as-of")).toBeUndefined()
    const stale = state({ closureAssessments: [{ ...approved, date: at("2017-12-31") }] })
    expect(reason(stale, "2020-01-02", "form6-before-reunification")).toEqual({
      code: "form6-before-reunification",
      rule: "closure/form6",
      source: PolicyProfile.cite(p, "closure", "grandMinTotal"),
      severity: "blocker",
      message: "The latest final assessment (Form 6) predates the reunification: assess the family again.",
      details: { assessedOn: "2017-12-31", reunifiedOn: "2018-01-01" }
    })
    // a return later in the day: a Form 6 of that morning still counts
    const noon = state({
      reunifiedOn: new Date("2018-01-01T12:00:00.000Z"),
      closureAssessments: [{ ...approved, date: at("2018-01-01") }]
    })
    expect(reason(noon, "2020-01-02", "form6-before-reunification")).toBeUndefined()
  })

  it("[HD-taper-share] support: still scheduled, or paid on or after the day the taper reached zero, blocks", () => {
    const plan = {
      id: "sp-1",
      startsOn: r,
      recipient: "household" as const,
      items: [
        { category: "cash" as const, amount: { amount: 40, currency: "USD" as const }, period: "monthly" as const }
      ]
    }
    const taperEnd = Support.supportSchedule(plan, p, r).outcome.taperEnd
    const pay = (on: Date, amount = 10, planId = "sp-1") => ({
      id: `pay-${on.getTime()}-${amount}-${planId}`,
      planId,
      paidOn: on,
      category: "cash" as const,
      amount: { amount, currency: "USD" as const }
    })
    const codes = (payments: ReadonlyArray<ReturnType<typeof pay>>) =>
      blockers(decide(state({ supportPlans: [plan], payments }), "2020-01-02"))
    expect(codes([])).toEqual([])
    expect(codes([pay(taperEnd)])).toEqual(["support-not-tapered"])
    expect(codes([pay(new Date(taperEnd.getTime() - 1))])).toEqual([])
    expect(codes([pay(taperEnd, 0)])).toEqual([])
    expect(codes([pay(taperEnd, 10, "sp-2")])).toEqual([])
    expect(codes([pay(at("2020-01-02"))])).toEqual(["support-not-tapered"])
    expect(codes([pay(at("2020-01-03"))])).toEqual([])
    expect(
      reason(state({ supportPlans: [plan], payments: [pay(taperEnd)] }), "2020-01-02", "support-not-tapered")
    ).toEqual({
      code: "support-not-tapered",
      rule: "closure/support-tapered",
      source: PolicyProfile.cite(p, "support", "maxStepShare"),
      severity: "blocker",
      message: "A support payment was made on or after the day the taper reached zero.",
      details: { planId: "sp-1" }
    })
    // the day before the taper reaches zero, support is still scheduled
    expect(reason(state({ supportPlans: [plan] }), "2019-12-31", "support-not-tapered")).toEqual({
      code: "support-not-tapered",
      rule: "closure/support-tapered",
      source: PolicyProfile.cite(p, "support", "maxStepShare"),
      severity: "blocker",
      message: "Support is still scheduled: the family is not yet independent of financial support.",
      details: { planId: "sp-1" }
    })
    expect(taperEnd).toEqual(at("2020-01-01"))
  })

  it("[HR-case-lifecycle] a closed or unopened case cannot close", () => {
    for (const [status, code, message] of [
      ["closed", "case-closed", "The case is already closed."],
      ["not-opened", "case-not-open", "The case has not been opened."]
    ] as const) {
      for (const why of ["reintegration-complete", "died"] as const) {
        const d = decide(state({ status }), "2020-01-02", why)
        expect(d.outcome).toEqual({ eligible: false, reason: why, bypassesCompletion: why === "died" })
        expect(d.reasons).toEqual([
          {
            code,
            rule: "closure/case-open",
            source: expect.objectContaining({ key: "HR-case-lifecycle" }),
            severity: "blocker",
            message
          }
        ])
      }
    }
  })

  it("[PRIM closure outcomes] the other reasons are recorded as such and checked for their own facts", () => {
    const died = decide(state({ closureAssessments: [], monitoringVisits: [] }), "2018-02-01", "died")
    expect(died.outcome).toEqual({ eligible: true, reason: "died", bypassesCompletion: true })
    expect(died.reasons).toEqual([
      {
        code: "closure-reason-bypass",
        rule: "closure/other-reasons",
        source: expect.objectContaining({ key: "PRIM" }),
        severity: "info",
        message:
          "This closure reason does not require completed monitoring or the Form 6 thresholds; it is recorded as such.",
        details: { reason: "died" }
      }
    ])
    expect(blockers(decide(state({ transfers: 1 }), "2018-02-01", "transferred"))).toEqual([])
    expect(reason(state(), "2018-02-01", "no-transfer-recorded", "transferred")).toMatchObject({
      rule: "closure/transferred",
      message: "No transfer is recorded for this case."
    })
    expect(blockers(decide(state({ breakdowns: 1 }), "2018-02-01", "breakdown"))).toEqual([])
    expect(reason(state(), "2018-02-01", "no-breakdown-recorded", "breakdown")).toMatchObject({
      rule: "closure/breakdown",
      severity: "blocker",
      message: "No breakdown is recorded for this case."
    })
    // a breakdown does not satisfy a transfer, nor the other way round
    expect(blockers(decide(state({ breakdowns: 1 }), "2018-02-01", "transferred"))).toEqual(["no-transfer-recorded"])
    expect(blockers(decide(state({ transfers: 1 }), "2018-02-01", "breakdown"))).toEqual(["no-breakdown-recorded"])
    const { child: _, ...noChild } = state()
    expect(reason(noChild as CaseState.CaseState, "2030-01-01", "not-adult", "became-adult")).toEqual({
      code: "not-adult",
      rule: "closure/became-adult",
      source: PolicyProfile.cite(p, "eligibility", "adultAge"),
      severity: "blocker",
      message: "The child is not yet 18.",
      details: { adultAge: 18 }
    })
    expect(Closure.bypassReasons).toEqual([
      "transferred",
      "became-adult",
      "died",
      "moved-cannot-be-found",
      "repatriated",
      "refused-services",
      "breakdown"
    ])
  })

  it("[PRIM closure] no longer needs support: recorded as such; never before a return home", () => {
    const d = decide(state(), "2018-06-01", "no-longer-needs-support")
    expect(d.outcome).toEqual({ eligible: false, reason: "no-longer-needs-support", bypassesCompletion: false })
    expect(d.reasons.find((x) => x.code === "closure-reason-early-independence")).toEqual({
      code: "closure-reason-early-independence",
      rule: "closure/no-longer-needs-support",
      source: expect.objectContaining({ key: "PRIM" }),
      severity: "info",
      message:
        "Closing because support is no longer needed: the monitoring duration, recent green visits and taper are not required; a recommendation to close and the Form 6 thresholds are.",
      details: { reason: "no-longer-needs-support" }
    })
    const home = { phase: { phase: "gradual-contact" as const, step: "every-night" } }
    expect(reason(state(home), "2020-01-02", "not-reunified", "no-longer-needs-support")).toEqual({
      code: "not-reunified",
      rule: "closure/reunified",
      source: PolicyProfile.cite(p, "monitoring", "durationMonths"),
      severity: "blocker",
      message: "The child is not reunified: a case closes because support is no longer needed only after a return home."
    })
    expect(reason(state(home), "2020-01-02", "not-reunified")!.message).toBe(
      "The child is not reunified: there is no monitoring to complete."
    )
    // not reunified: no monitoring, visit or recommendation checks, only the Form 6
    expect(blockers(decide(state(home), "2020-01-02"))).toEqual(["not-reunified"])
    expect(blockers(decide(state({ ...home, reunifiedOn: undefined } as never), "2020-01-02"))).toEqual([
      "not-reunified"
    ])
  })
})
