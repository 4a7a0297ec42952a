import { PolicyProfile, Profiles } from "@homeward/core"
import { Effect, Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { decodeScenario, decodeScenarioEffect, decodeScenarioOrThrow } from "../src/Scenario.js"
import * as Scenarios from "../src/Scenarios.js"
import { prepare } from "../src/Simulate.js"
import { smallEncoded } from "./helpers.js"

const failurePaths = (input: unknown): ReadonlyArray<string> => {
  const r = decodeScenario(input)
  return Result.isFailure(r) ? r.failure.map((i) => i.pathString) : []
}

describe("Scenario", () => {
  it("[seed: UNICEF Siem Reap 2017] the built-in scenario decodes: 644 / 0.30 ≈ 2,147 children, target 30% by 2018-12-31", () => {
    const s = Scenarios.siemReap2017
    expect(s.cohort.children).toBe(Math.ceil(644 / 0.3))
    expect(s.cohort.alreadyReturned).toBe(144)
    expect(s.target?.share).toBe(0.3)
    expect(s.target?.deadline.toISOString().slice(0, 10)).toBe("2018-12-31")
    expect(s.policy).toBe("unicef-siem-reap-2017")
  })

  it("[UNICEF-MAP, RULES.md §8] the national scenario has 16,579 children in 406 RCIs and cites the mapping", () => {
    const s = Scenarios.cambodiaNational2016
    expect(s.cohort.children).toBe(16579)
    expect(s.institutions?.count).toBe(406)
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
    ["deadline after the horizon", { target: { share: 0.3, deadline: "2030-12-31" } }, "target.deadline"]
  ]
  it.each(cases)("an invalid scenario (%s) fails naming the field", (_name, over, path) => {
    const paths = failurePaths(smallEncoded(over))
    expect(paths.some((p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`))).toBe(true)
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
