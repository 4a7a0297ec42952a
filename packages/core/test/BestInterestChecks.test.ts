import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { BestInterestChecks, Eligibility, Profiles } from "../src/index.js"
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
