import { PolicyProfile, Profiles } from "@homeward/core"
import { Effect, Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { centralOf } from "../src/Parameter.js"
import { alreadyReturnedOf, decodeScenario, decodeScenarioEffect, decodeScenarioOrThrow } from "../src/Scenario.js"
import * as Scenarios from "../src/Scenarios.js"
import { prepare } from "../src/Simulate.js"
import { smallEncoded } from "./helpers.js"

const failurePaths = (input: unknown): ReadonlyArray<string> => {
  const r = decodeScenario(input)
  return Result.isFailure(r) ? r.failure.map((i) => i.pathString) : []
}

describe("Scenario", () => {
  it("[UNICEF Cambodia, Siem Reap, Nov 2017] the built-in scenario decodes: 644 children (30%, the plan's own count) by 2018-12-31, 644 / 0.30 ≈ 2,147 children, 144 already returned since January 2016", () => {
    const s = Scenarios.siemReap2017
    expect(centralOf(s.cohort.children)).toBe(Math.ceil(644 / 0.3))
    const returned = alreadyReturnedOf(s)
    expect(returned.count).toBe(144)
    expect(returned.from.toISOString().slice(0, 10)).toBe("2016-01-01")
    expect(centralOf(s.startDate).toISOString().slice(0, 10)).toBe("2017-08-01")
    expect(s.target?.count).toBe(644)
    expect(s.target?.share).toBe(0.3)
    expect(s.target?.deadline.toISOString().slice(0, 10)).toBe("2018-12-31")
    expect(s.policy).toBe("unicef-siem-reap-2017")
  })

  it("[UNICEF Cambodia mapping 2017] the national scenario has 16,579 children in 406 RCIs and cites the mapping", () => {
    const s = Scenarios.cambodiaNational2016
    expect(centralOf(s.cohort.children)).toBe(16579)
    expect(centralOf(s.institutions!.count)).toBe(406)
    expect(s.citations?.some((c) => c.document.includes("Mapping of residential care"))).toBe(true)
    expect(s.assumptions?.some((a) => a.includes("assumption"))).toBe(true)
  })

  const cases: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
    [
      "share above 1",
      { cohort: { ...(smallEncoded().cohort as object), traceableFamilyShare: 1.5 } },
      "cohort.traceableFamilyShare"
    ],
    ["unknown built-in profile", { policy: "no-such-profile" }, "policy"],
    [
      "log-normal with p90 below the median",
      {
        durations: {
          ...(smallEncoded().durations as object),
          assessment: { kind: "lognormal", median: 30, p90: 10 }
        }
      },
      "durations.assessment"
    ],
    ["negative worker count", { socialWorkers: { count: -1, visitsPerWeek: 10 } }, "socialWorkers.count"],
    ["impossible start date", { startDate: "2017-02-30" }, "startDate"],
    ["runs not an integer", { runs: 1.5 }, "runs"],
    ["seed missing", { seed: undefined }, "seed"],
    ["deadline after the horizon", { target: { share: 0.3, deadline: "2030-12-31" } }, "target.deadline"],
    [
      "range beyond the domain of a share",
      {
        outcomes: {
          ...(smallEncoded().outcomes as object),
          contactPositive: { value: 0.9, range: { kind: "uniform", min: 0.8, max: 1.2 }, assumption: "x" }
        }
      },
      "outcomes.contactPositive.range"
    ],
    [
      "central value outside its range",
      {
        outcomes: {
          ...(smallEncoded().outcomes as object),
          contactPositive: { value: 0.5, range: { kind: "uniform", min: 0.8, max: 0.9 }, assumption: "x" }
        }
      },
      "outcomes.contactPositive.value"
    ],
    [
      "log-normal range for a share",
      {
        outcomes: {
          ...(smallEncoded().outcomes as object),
          closurePass: { value: 0.5, range: { kind: "lognormal", median: 0.5, p90: 0.7 }, assumption: "x" }
        }
      },
      "outcomes.closurePass.range"
    ],
    [
      "labelled value without a source or an assumption",
      { socialWorkers: { count: { value: 3 }, visitsPerWeek: 10 } },
      "socialWorkers.count"
    ],
    [
      "negative duration multiplier",
      { durations: { ...(smallEncoded().durations as object), scale: -1 } },
      "durations.scale"
    ]
  ]
  it.each(cases)("an invalid scenario (%s) fails naming the field", (_name, over, path) => {
    const paths = failurePaths(smallEncoded(over))
    expect(paths.some((p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`))).toBe(true)
  })

  const ages = (ageYears: unknown) =>
    failurePaths(smallEncoded({ cohort: { ...(smallEncoded().cohort as object), ageYears } }))
  it.each([
    ["fixed 17.99", { kind: "fixed", value: 17.99 }, true],
    ["fixed 18 (the adult age)", { kind: "fixed", value: 18 }, false],
    ["uniform up to 18", { kind: "uniform", min: 0, max: 18 }, true],
    ["uniform up to 18.01", { kind: "uniform", min: 0, max: 18.01 }, false],
    ["triangular 3–12–18", { kind: "triangular", min: 3, mode: 12, max: 18 }, true],
    ["triangular 18–18–18", { kind: "triangular", min: 18, mode: 18, max: 18 }, false],
    ["triangular up to 19", { kind: "triangular", min: 3, mode: 12, max: 19 }, false],
    ["log-normal (unbounded)", { kind: "lognormal", median: 10, p90: 14 }, false]
  ])("[UNCRC art. 1] ages %s: %s", (_name, ageYears, ok) => {
    const paths = ages(ageYears)
    expect(paths.length === 0).toBe(ok)
    if (!ok) expect(paths).toEqual(["cohort.ageYears"])
  })

  it("an age at or above the adult age is refused with a clear error, never capped", () => {
    const r = decodeScenario(
      smallEncoded({
        cohort: { ...(smallEncoded().cohort as object), ageYears: { kind: "uniform", min: 10, max: 20 } }
      })
    )
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) {
      expect(r.failure[0]!.rule).toBe("simulate/age-below-adult-age")
      expect(r.failure[0]!.message).toMatch(/below the profile's adult age \(18\)/)
    }
  })

  it("error messages never echo the rejected value", () => {
    const r = decodeScenario(smallEncoded({ title: 424242.125, startDate: "Sokha-secret-2017" }))
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) {
      const text = JSON.stringify(r.failure)
      expect(text).not.toContain("Sokha")
      expect(text).not.toContain("424242")
    }
  })

  it("an inline custom profile drives the pathway: the facts follow its contact steps", () => {
    const custom = PolicyProfile.derive(Profiles.azizasPlace, {
      id: "my-ngo",
      version: "1.0.0",
      title: "My NGO",
      parameters: {
        phases: {
          contactSteps: {
            value: [
              {
                id: "day-visits",
                label: "Day visits",
                contactKinds: ["day-visit-home"],
                minPositiveContacts: 3,
                minDwellDays: 10,
                longDwellWarningDays: 90
              }
            ],
            source: { document: "My NGO reintegration policy", year: 2026, section: "4.2" }
          }
        }
      }
    })
    expect(Result.isSuccess(custom)).toBe(true)
    if (!Result.isSuccess(custom)) return
    const encoded = Schema.encodeSync(PolicyProfile.PolicyProfile)(custom.success)
    const sc = decodeScenarioOrThrow(smallEncoded({ policy: encoded }))
    const { facts } = prepare(sc)
    expect(facts.profile.id).toBe("my-ngo")
    expect(facts.steps).toEqual([
      { id: "day-visits", label: "Day visits", positiveContacts: 3, minDwellDays: 10, resetOnConcern: true }
    ])
  })

  it("decodeScenarioEffect fails with a ValidationError naming the field", () => {
    const exit = Effect.runSyncExit(Effect.flip(decodeScenarioEffect(smallEncoded({ policy: "no-such-profile" }))))
    expect(exit._tag).toBe("Success")
    if (exit._tag === "Success") expect(exit.value.issues.map((i) => i.pathString)).toEqual(["policy"])
  })

  it("decodeScenarioOrThrow lists the fields", () => {
    expect(() => decodeScenarioOrThrow(smallEncoded({ policy: "no-such-profile" }))).toThrow(/policy/)
  })
})
