import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import {
  BestInterestChecks,
  Blockers,
  CaseState,
  Decider,
  type Decision,
  Eligibility,
  Phase,
  type PolicyProfile,
  Profiles
} from "../src/index.js"
import { Arbitraries } from "../src/testing/index.js"
import { arbDay, arbScenario } from "./arbitraries.js"
import { assertDeterministic } from "./helpers.js"
import { stateFrom } from "./scenario.js"

const P = Profiles.cambodiaMosvy

const blocking = (reasons: ReadonlyArray<Decision.Reason>): ReadonlyArray<string> =>
  [...new Set(reasons.filter((r) => r.severity === "blocker").map((r) => r.code))].sort()

/** The three underlying decisions, computed independently of whatBlocks. */
const underlying = (s: CaseState.CaseState, profile: PolicyProfile.PolicyProfile, asOf: Date) => {
  const eligibility = Eligibility.assessReintegration(s, profile, asOf)
  return {
    eligibility,
    checks: BestInterestChecks.bestInterestChecks(s, profile, asOf),
    step: Phase.canAdvance(s, profile, asOf, { eligibility })
  }
}

/** Case states along full lifecycles (every state the case passes through), each with the day after it. */
const lifecycleStates = Arbitraries.lifecycle({ noise: 3 }).chain((sc) => {
  let s = CaseState.initial(sc.caseId)
  const out: Array<CaseState.CaseState> = []
  for (const c of sc.commands) {
    const r = Decider.decide(s, c, sc.profile, c.occurredOn)
    if (r.ok) s = r.events.reduce(CaseState.evolve, s)
    out.push(s)
  }
  return fc.constantFrom(...out).map((state) => ({
    profile: sc.profile,
    state,
    asOf: new Date((state.lastEventOn ?? c0(sc)).getTime() + 86_400_000)
  }))
})
const c0 = (sc: Arbitraries.Scenario) => sc.commands[0]!.occurredOn

/** A state and a day: near-ready preparation states, and states along lifecycles (every phase). */
const arbCase = fc.oneof(
  fc
    .tuple(arbScenario, arbDay)
    .map(([k, asOf]) => ({ profile: P as PolicyProfile.PolicyProfile, state: stateFrom(k, asOf), asOf })),
  lifecycleStates
)

describe("Blockers.whatBlocks", () => {
  test.prop([arbCase], { numRuns: 150 })(
    "its blocking codes are the union of the blocking codes of eligibility, best-interest checks and the next step",
    ({ profile, state, asOf }) => {
      const d = Blockers.whatBlocks(state, profile, asOf)
      const u = underlying(state, profile, asOf)
      const union = blocking([...u.eligibility.reasons, ...u.checks.reasons, ...u.step.reasons])
      expect(blocking(d.reasons)).toEqual(union)
      expect([...d.outcome.blockers].sort()).toEqual(union)
      expect(d.outcome.blocked).toBe(union.length > 0)
      expect(d.outcome.canAdvance).toBe(u.step.outcome.ready)
      expect(d.outcome.eligibility).toBe(u.eligibility.outcome.kind)
      // Every code of the underlying decisions is there (not only the blocking ones).
      expect(new Set(d.reasons.map((r) => r.code))).toEqual(
        new Set([...u.eligibility.reasons, ...u.checks.reasons, ...u.step.reasons].map((r) => r.code))
      )
    }
  )

  test.prop([arbCase], { numRuns: 150 })(
    "no duplicate codes; each reason says which checks raised it, each report keeping its rule and source",
    ({ profile, state, asOf }) => {
      const d = Blockers.whatBlocks(state, profile, asOf)
      const u = underlying(state, profile, asOf)
      const codes = d.reasons.map((r) => r.code)
      expect(new Set(codes).size).toBe(codes.length)
      const by = { eligibility: u.eligibility, "best-interest": u.checks, "next-step": u.step } as const
      for (const r of d.reasons) {
        expect(r.checks.length).toBeGreaterThan(0)
        expect(new Set(r.raisedBy.map((x) => x.check))).toEqual(new Set(r.checks))
        for (const check of Object.keys(by) as Array<keyof typeof by>) {
          const own = by[check].reasons.filter((x) => x.code === r.code)
          expect(r.checks.includes(check)).toBe(own.length > 0)
          // Every report of the code by that check is kept, with its rule, source and severity.
          expect(r.raisedBy.filter((x) => x.check === check).map((x) => [x.rule, x.source, x.severity])).toEqual(
            own.map((x) => [x.rule, x.source, x.severity])
          )
        }
        for (const x of r.raisedBy) expect(x.source.document.trim().length).toBeGreaterThan(0)
        // The merged severity is the most severe report.
        const order = { blocker: 2, warning: 1, info: 0 }
        expect(order[r.severity]).toBe(Math.max(...r.raisedBy.map((x) => order[x.severity])))
      }
    }
  )

  test.prop([arbCase], { numRuns: 60 })("deterministic", ({ profile, state, asOf }) => {
    assertDeterministic((s: CaseState.CaseState) => Blockers.whatBlocks(s, profile, asOf), state)
  })

  test.prop([arbCase], { numRuns: 60 })(
    "nextStep is the next position of the pathway (Phase.next)",
    ({ profile, state, asOf }) => {
      expect(Blockers.whatBlocks(state, profile, asOf).outcome.nextStep).toEqual(Phase.next(state, profile, asOf))
    }
  )

  it("[UN Guidelines ¶49; UNHCR BID Guidelines] a new case: views-not-heard and bid-missing appear once, raised by eligibility and the best-interest checks", () => {
    const d = Blockers.whatBlocks(CaseState.initial("c1"), P, new Date("2018-01-01"))
    expect(d.outcome).toMatchObject({ blocked: true, nextStep: { phase: "assessment" }, canAdvance: false })
    for (const code of ["views-not-heard", "bid-missing"]) {
      const hits = d.reasons.filter((r) => r.code === code)
      expect(hits).toHaveLength(1)
      expect(hits[0]!.severity).toBe("blocker")
      expect(hits[0]!.checks).toEqual(["eligibility", "best-interest"])
      expect(hits[0]!.raisedBy.map((x) => x.rule)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^eligibility\//), expect.stringMatching(/^best-interest\//)])
      )
    }
    expect(d.reasons.find((r) => r.code === "case-not-open")?.checks).toEqual(["next-step"])
    expect(d.policy).toEqual({ id: P.id, version: P.version })
    const views = d.reasons.find((r) => r.code === "views-not-heard")!
    expect(views.raisedBy.find((x) => x.check === "best-interest")?.source.section).toMatch(/¶49/)
    const bid = d.reasons.find((r) => r.code === "bid-missing")!
    for (const x of bid.raisedBy) expect(x.source.document).toMatch(/UNHCR/)
  })

  it("[UN Guidelines ¶49] a near-ready child whose views were not heard: one views-not-heard blocker, raised by both checks", () => {
    const asOf = new Date("2018-06-01")
    const s = stateFrom({ views: null }, asOf)
    const d = Blockers.whatBlocks(s, P, asOf)
    const views = d.reasons.find((r) => r.code === "views-not-heard")
    expect(views?.checks).toContain("eligibility")
    expect(views?.checks).toContain("best-interest")
    expect(views?.raisedBy.filter((x) => x.check === "eligibility")).toHaveLength(1)
    expect(d.outcome.blockers).toContain("views-not-heard")
  })

  it("refuses an Invalid Date like every rule", () => {
    expect(() => Blockers.whatBlocks(CaseState.initial("c1"), P, new Date("nope"))).toThrow(/asOf is not a valid date/)
  })
})

describe("Blockers.mergeReasons", () => {
  const src = { document: "Doc", year: 2020, key: "HD-test" } as unknown as Decision.Reason["source"]
  const reason = (code: string, severity: Decision.Severity, rule = `r/${code}`): Decision.Reason => ({
    code,
    rule,
    source: src,
    severity,
    message: code
  })

  it("one reason per code, most severe wins, first check on ties, in order of first appearance", () => {
    const merged = Blockers.mergeReasons([
      ["eligibility", [reason("a", "warning", "e/a"), reason("b", "info")]],
      ["best-interest", [reason("a", "blocker", "b/a"), reason("c", "warning")]],
      ["next-step", [reason("b", "info", "n/b")]]
    ])
    expect(merged.map((r) => [r.code, r.severity, r.rule, r.checks])).toEqual([
      ["a", "blocker", "b/a", ["eligibility", "best-interest"]],
      ["b", "info", "r/b", ["eligibility", "next-step"]],
      ["c", "warning", "r/c", ["best-interest"]]
    ])
    expect(merged[0]!.raisedBy.map((x) => [x.check, x.rule, x.severity])).toEqual([
      ["eligibility", "e/a", "warning"],
      ["best-interest", "b/a", "blocker"]
    ])
  })
})
