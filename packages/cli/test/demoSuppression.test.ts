/**
 * Issue 14.1 on the demo programmes: the attacker (HiGHS, an integer
 * programming solver from the npm registry, independent of the report's own
 * solver) over every table of the published aggregate report — rows,
 * columns, totals, linked tables, stated bounds, zeros published so every
 * suppressed count is at least 1, whole numbers — for the demo's default seed
 * and seeds 1..8, on the demo's day and an earlier one. Every count
 * suppressed as small must still be able to be at least the profile's
 * protection level (the issue recovered suppressed counts exactly on the default seed and on 5 of 8 others).
 */
import { Profiles } from "@homeward/core"
import { Report, Suppression } from "@homeward/report"
import highsModule from "highs"
import { describe, expect, it } from "vitest"
import { generate, institutions } from "../src/internal/demoProgramme.js"

// "highs" is a CommonJS package with an ESM entry: under NodeNext its types describe the CommonJS module object.
type Loader = typeof import("highs").default
const load = ((highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader)) as Loader
const highs = await load()

/** The attacker's largest value for quantity `i` (Infinity when unbounded). */
const highest = (model: Suppression.DisclosureModel, suppressed: ReadonlyArray<boolean>, i: number): number => {
  const text = Suppression.lpFormat(model, suppressed, { sense: "max", quantity: i })
  // HiGHS may answer a finite optimum for an unbounded integer program: decide unboundedness on the relaxation
  const relaxed = highs.solve(text.replace(/\nGeneral\n[^\n]*\n/, "\n"), { presolve: "off" })
  if (relaxed.Status === "Unbounded") return Number.POSITIVE_INFINITY
  const r = highs.solve(text)
  if (r.Status !== "Optimal") throw new Error(`HiGHS: ${r.Status}`)
  return r.ObjectiveValue
}

const profile = Profiles.unicefSiemReap2017
const DEMO_DAY = new Date("2018-06-30T00:00:00Z")

describe("[Privacy] demo programmes: suppression holds against an integer-programming attacker over the whole report", () => {
  for (const seed of [2017, 1, 2, 3, 4, 5, 6, 7, 8])
    it(`seed ${seed}`, () => {
      const events = generate(seed, profile, DEMO_DAY).cases.flatMap((c) => c.events)
      const level = profile.parameters.reporting.protectionLevel.value
      for (const asOf of [DEMO_DAY, new Date("2018-01-31T00:00:00Z")]) {
        const d = Report.disclosure({ events, institutions, profile, asOf })
        expect(d.unprotected).toEqual([])
        let primaries = 0
        d.primary.forEach((isPrimary, i) => {
          if (!isPrimary) return
          primaries++
          expect(d.suppressed[i]).toBe(true)
          const hi = highest(d.model, d.suppressed, i)
          expect({ count: d.model.quantities[i]!.label, reaches: hi >= level }).toEqual({
            count: d.model.quantities[i]!.label,
            reaches: true
          })
        })
        expect(primaries).toBeGreaterThan(0)
      }
    }, 300_000)
})
