// Boundary tables of the closure rules (value−1, value, value+1 for every threshold and date), written so that
// `pnpm test:mutation` kills the mutants that the example and property tests of Closure.test.ts leave alive.
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { Closure, type FollowUp, PolicyProfile, Profiles } from "../src/index.js"

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
