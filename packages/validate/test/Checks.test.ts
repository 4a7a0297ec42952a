// The catalogue of dataset checks (`Checks.catalogue`): what each rule code means and where it comes from. Written
// with `pnpm test:mutation` (DEVELOPERS.md): every field of every check is asserted, so no text can go missing.
import { PolicyProfile, Profiles } from "@homeward/core"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { Checks } from "../src/index.js"

const P = Profiles.cambodiaMosvy
const asOf = new Date("2024-01-01T00:00:00.000Z")

describe("Checks.catalogue", () => {
  const all = Checks.catalogue(P, asOf)

  it("lists the six checks in order, each with its severity", () => {
    expect(all.map((c) => [c.code, c.severity])).toEqual([
      ["duplicate-id", "error"],
      ["unresolved-reference", "error"],
      ["dates-in-order", "error"],
      ["date-after-as-of", "error"],
      ["adult-on-admission", "error"],
      ["implausible-age", "warning"]
    ])
  })

  it("every check says what it checks and cites a source with a section and, for Homeward defaults, a reason", () => {
    for (const c of all) {
      expect(c.description.length, c.code).toBeGreaterThan(40)
      expect(c.description.endsWith("."), c.code).toBe(true)
      expect(c.source.document.length, c.code).toBeGreaterThan(0)
      expect(c.source.year, c.code).toBeGreaterThanOrEqual(1989)
      expect(c.source.section?.length ?? 0, c.code).toBeGreaterThan(0)
      if (c.code !== "adult-on-admission") {
        expect(c.source).toEqual({
          document: "Homeward default (not law)",
          year: 2026,
          section: `validate/${c.code}`,
          note: expect.any(String)
        })
        expect(c.source.note!.length, c.code).toBeGreaterThan(40)
      }
    }
    // each description and note is its own
    expect(new Set(all.map((c) => c.description)).size).toBe(all.length)
    expect(new Set(all.map((c) => c.source.note)).size).toBe(all.length)
  })

  it("[UNCRC art. 1] the adult age comes from the profile in force on the day, with its citation", () => {
    const adult = all.find((c) => c.code === "adult-on-admission")!
    expect(adult.description).toBe(
      `A child is under 18 on the day of admission to care (eligibility.adultAge of the policy profile ${P.id}).`
    )
    expect(adult.source).toEqual(PolicyProfile.valueAt(P.parameters.eligibility.adultAge, asOf).source)
    expect(Checks.adultAge(P, asOf)).toEqual({ value: 18, source: adult.source })
    const cite = { document: "Test programme", year: 2020, section: "2" }
    const r = PolicyProfile.derive(P, {
      id: "test-adult",
      version: "1.0.0",
      title: "Test",
      parameters: { eligibility: { adultAge: { value: 21, source: cite } } }
    })
    if (Result.isFailure(r)) throw new Error("invalid test profile")
    const derived = Checks.catalogue(r.success, asOf).find((c) => c.code === "adult-on-admission")!
    expect(derived.description).toBe(
      "A child is under 21 on the day of admission to care (eligibility.adultAge of the policy profile test-adult)."
    )
    expect(derived.source).toMatchObject(cite)
  })

  it("the plausible age is 30 and the implausible-age check names it", () => {
    expect(Checks.plausibleMaxAge).toBe(30)
    expect(all.find((c) => c.code === "implausible-age")!.description).toBe(
      "A child's age on the as-of date is at most 30 years."
    )
  })
})

describe("Checks.sourceLine", () => {
  it("document, year and the section when there is one", () => {
    expect(Checks.sourceLine({ document: "UN Guidelines", year: 2009, section: "¶15" })).toBe("UN Guidelines 2009, ¶15")
    expect(Checks.sourceLine({ document: "UN Guidelines", year: 2009 })).toBe("UN Guidelines 2009")
  })
})
