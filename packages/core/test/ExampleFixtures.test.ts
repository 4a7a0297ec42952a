/**
 * The table runner for the eligibility, best-interest, scoring and consent
 * example fixtures (`test/fixtures/*.ts`, one file per source document; the
 * phase/monitoring/closure fixtures in `test/fixtures/rules/*.json` have
 * their own runner in `Fixtures.test.ts`): one test per fixture, named
 * `[source] name`.
 */
import { describe, expect, it } from "vitest"
import {
  BestInterestChecks,
  Consent,
  type Decision,
  Eligibility,
  type Institution,
  Profiles,
  Scoring
} from "../src/index.js"
import { fixtures as azizasPlace } from "./fixtures/azizas-place.js"
import { fixtures as homeward } from "./fixtures/homeward.js"
import { fixtures as prim } from "./fixtures/prim.js"
import type { Fixture, Input } from "./fixtures/types.js"
import { fixtures as unGuidelines } from "./fixtures/un-guidelines.js"
import { fixtures as unicefSiemReap } from "./fixtures/unicef-siem-reap-2017.js"
import { stateFrom } from "./scenario.js"

const files: ReadonlyArray<readonly [string, ReadonlyArray<Fixture>]> = [
  ["prim.ts", prim],
  ["azizas-place.ts", azizasPlace],
  ["un-guidelines.ts", unGuidelines],
  ["unicef-siem-reap-2017.ts", unicefSiemReap],
  ["homeward.ts", homeward]
]

const day = (s: string) => new Date(`${s}T00:00:00.000Z`)

const run = (input: Input, asOf: Date): Decision.Decision<unknown> => {
  const profile = Profiles.builtIn[input.profile]!
  switch (input.rule) {
    case "assessReintegration":
    case "bestInterestChecks": {
      const state = stateFrom(input.scenario, asOf)
      const siblings = (input.siblings ?? []).map((s) => stateFrom(s, asOf))
      const institutions: Record<string, Institution.Institution> = {}
      for (const i of input.institutions ?? []) {
        institutions[i.id] = {
          id: i.id,
          name: "Residential care institution",
          kind: "residential-care",
          status: "operating",
          location: { province: "Siem Reap" },
          ...(i.ranking === undefined ? {} : { inspection: { on: asOf, ranking: i.ranking } })
        }
      }
      const context = {
        siblings,
        ...(input.institutions === undefined ? {} : { institutions }),
        ...(input.rule === "bestInterestChecks" && input.casePlanGoals !== undefined
          ? { casePlanGoals: input.casePlanGoals }
          : {})
      }
      return input.rule === "assessReintegration"
        ? Eligibility.assessReintegration(state, profile, asOf, context)
        : BestInterestChecks.bestInterestChecks(state, profile, asOf, context)
    }
    case "scoreDomains":
      return Scoring.scoreDomains(input.domains, profile, asOf)
    case "rateVisit":
      return Scoring.rateVisit(input.criteria, profile, asOf)
    case "responseDeadline":
      return Scoring.responseDeadline(input.level, profile, new Date(input.reportedAt))
    case "conferenceRequired":
      return Scoring.conferenceRequired(input.situations, profile, asOf)
    case "consentCovers":
      return Consent.consentCovers(stateFrom(input.scenario, asOf), profile, asOf, input.purpose, input.agency)
  }
}

describe("example fixtures (eligibility, best interests, scoring, consent)", () => {
  for (const [file, table] of files) {
    describe(file, () => {
      it("has examples, each with a source, a name and a real day", () => {
        expect(table.length).toBeGreaterThan(0)
        for (const f of table) {
          expect(f.name.length).toBeGreaterThan(0)
          expect(f.source.length).toBeGreaterThan(0)
          expect(Number.isNaN(day(f.asOf).getTime())).toBe(false)
        }
      })
      for (const f of table) {
        it(`[${f.source}] ${f.name}`, () => {
          const d = run(f.input, day(f.asOf))
          const codes = d.reasons.map((r) => r.code)
          expect(d.policy.id).toBe(f.input.profile)
          if (f.output.outcome !== undefined)
            expect(JSON.parse(JSON.stringify(d.outcome))).toMatchObject(f.output.outcome)
          for (const c of f.output.includes ?? []) expect(codes, c).toContain(c)
          for (const c of f.output.excludes ?? []) expect(codes, c).not.toContain(c)
          if (f.output.blockers !== undefined)
            expect([...new Set(d.reasons.filter((r) => r.severity === "blocker").map((r) => r.code))].sort()).toEqual(
              [...f.output.blockers].sort()
            )
          const actions = ((d.outcome as { actions?: ReadonlyArray<{ code: string }> }).actions ?? []).map(
            (a) => a.code
          )
          for (const a of f.output.actions ?? []) expect(actions, a).toContain(a)
          for (const r of d.reasons) {
            expect(r.code.length).toBeGreaterThan(0)
            expect(r.rule.length).toBeGreaterThan(0)
            expect(r.source.document.length).toBeGreaterThan(0)
          }
        })
      }
    })
  }
})
