/**
 * The attacker of issue 14 against whole reports: an integer-programming
 * solver (HiGHS) over every table of a report at once (rows, columns, totals,
 * linked tables, stated bounds, zeros published so every suppressed count is
 * at least 1, non-negative whole numbers), on random programmes and dates.
 * And a check that the report's model states every linear equality that holds
 * between its counts, found independently from the counts of single children.
 */
import { fc, test } from "@fast-check/vitest"
import { Profiles } from "@homeward/core"
import { describe, expect } from "vitest"
import { counts } from "../src/internal/counts.js"
import * as Report from "../src/Report.js"
import { audit } from "../src/Suppression.js"
import { attackRange } from "./attack.js"
import { caseHistory, d, eventsOf, institutions, programme, reportDay } from "./helpers.js"

const base = Profiles.unicefSiemReap2017
const withK = (k: number, level: number) => ({
  ...base,
  parameters: {
    ...base.parameters,
    reporting: {
      smallCellK: { ...base.parameters.reporting.smallCellK, value: k },
      protectionLevel: { ...base.parameters.reporting.protectionLevel, value: level }
    }
  }
})

describe("[Privacy] suppression against an integer-programming attacker over every table of a report", () => {
  test.prop([programme(1, 45), reportDay, fc.integer({ min: 3, max: 6 }), fc.integer({ min: 0, max: 2 })], {
    numRuns: 12
  })(
    "every suppressed small count could be at least the protection level, given everything the report publishes (HiGHS)",
    (gs, on, k, extra) => {
      const level = k + extra
      const d0 = Report.disclosure({
        events: eventsOf(gs),
        institutions,
        profile: withK(k, level),
        asOf: on,
        since: new Date(on.getTime() - 500 * 86_400_000)
      })
      expect(d0.unprotected).toEqual([])
      d0.primary.forEach((isPrimary, i) => {
        if (!isPrimary) return
        expect(d0.suppressed[i]).toBe(true)
        const r = attackRange(d0.model, d0.suppressed, i)
        expect({ label: d0.model.quantities[i]!.label, reaches: r.hi >= level }).toEqual({
          label: d0.model.quantities[i]!.label,
          reaches: true
        })
        expect(r.lo).toBeLessThanOrEqual(d0.model.quantities[i]!.value)
      })
    }
  )

  test.prop([programme(5, 30)], { numRuns: 4 })(
    "the built-in attacker (Suppression.audit) finds the same upper bounds as HiGHS on report models",
    (gs) => {
      const d0 = Report.disclosure({ events: eventsOf(gs), institutions, profile: base, asOf: d("2017-11-17") })
      const ranges = audit(d0.model, d0.suppressed)
      d0.suppressed.forEach((s, i) => {
        if (!s || !d0.primary[i]) return
        const r = attackRange(d0.model, d0.suppressed, i)
        expect({ i, hi: ranges[i]!.hi }).toEqual({ i, hi: r.hi })
      })
    }
  )

  test("the published report is exactly the protected pattern: a suppressed count is null in the report, a published one is its value", () => {
    const [gs] = fc.sample(programme(40, 40), { seed: 19, numRuns: 1 })
    const input = { events: eventsOf(gs!), institutions, profile: base, asOf: d("2018-06-30") }
    const d0 = Report.disclosure(input)
    const r = Report.aggregate(input)
    const json = JSON.stringify(r)
    const byLabel = new Map(d0.model.quantities.map((q, i) => [q.label, d0.suppressed[i]]))
    const t = r.sections.flatMap((s) => s.tables).find((x) => x.id === "district")!
    t.rows.forEach((row, ri) => {
      t.columns.forEach((col, ci) => {
        expect(t.cells[ri]![ci] === null).toBe(byLabel.get(`district [${row} × ${col}]`))
      })
    })
    expect(json).toContain('"kind":"aggregate"')
  })
})

// ---------------------------------------------------------------------------
// Completeness of the model's equalities

const P = 1_000_003

/** Rank of an integer matrix modulo a prime (Gaussian elimination). */
const rankMod = (rows: ReadonlyArray<ReadonlyArray<number>>, p = P): number => {
  const m = rows.map((r) => r.map((v) => ((v % p) + p) % p))
  const width = m[0]?.length ?? 0
  let rank = 0
  const inv = (a: number): number => {
    // a^(p-2) mod p
    let result = 1
    let b = a
    let e = p - 2
    while (e > 0) {
      if (e & 1) result = Number((BigInt(result) * BigInt(b)) % BigInt(p))
      b = Number((BigInt(b) * BigInt(b)) % BigInt(p))
      e = Math.floor(e / 2)
    }
    return result
  }
  for (let c = 0; c < width && rank < m.length; c++) {
    let pivot = -1
    for (let r = rank; r < m.length; r++)
      if (m[r]![c] !== 0) {
        pivot = r
        break
      }
    if (pivot < 0) continue
    ;[m[rank], m[pivot]] = [m[pivot]!, m[rank]!]
    const iv = inv(m[rank]![c]!)
    const pr = m[rank]!.map((v) => (v * iv) % p)
    m[rank] = pr
    for (let r = 0; r < m.length; r++) {
      if (r === rank) continue
      const f = m[r]![c]!
      if (f === 0) continue
      m[r] = m[r]!.map((v, j) => (((v - f * pr[j]!) % p) + p) % p)
    }
    rank++
  }
  return rank
}

const countInput = (on: Date) => ({
  profile: base,
  asOf: on,
  since: d("2016-06-01"),
  sinceText: "2016-06-01",
  institutions,
  households: []
})

describe("the disclosure model states every linear equality between the report's counts", () => {
  test("[Privacy] found independently: equalities that hold for every single child's contribution are spanned by the model's", () => {
    const on = d("2018-06-30")
    const gs = fc.sample(caseHistory(0), { seed: 7, numRuns: 2500 })
    const states = Report.statesAsOf(
      gs.flatMap((g, i) => g.events.map((e) => ({ ...e, caseId: `${e.caseId}-${i}` }))),
      on
    )
    const whole = counts(states, countInput(on)).builder
    const labels = whole.quantities.map((q) => q.label)
    const index = new Map(labels.map((l, i) => [l, i]))
    // Each child's contribution to every published count (the counts of a report on that child alone).
    const M = states.map((s) => {
      const one = counts([s], countInput(on)).builder
      const v = new Array<number>(labels.length).fill(0)
      one.quantities.forEach((q) => {
        const j = index.get(q.label)
        if (j !== undefined) v[j]! += q.value
        else if (q.value !== 0) throw new Error(`a count of one child missing from the programme's: ${q.label}`)
      })
      return v
    })
    // The whole programme's counts are the sum of the children's.
    whole.quantities.forEach((q, j) => {
      expect({ label: q.label, sum: M.reduce((a, v) => a + v[j]!, 0) }).toEqual({ label: q.label, sum: q.value })
    })
    const E = whole.constraints
      .filter((c) => c.op === "=" && c.rhs === 0)
      .map((c) => {
        const v = new Array<number>(labels.length).fill(0)
        for (const [q, a] of c.terms) v[q]! += a
        return v
      })
    // Every stated equality holds for every child.
    for (const r of E) for (const m of M) expect(r.reduce((a, x, j) => a + x * m[j]!, 0)).toBe(0)
    // Counts that are zero for every child (structurally) are published as 0: known to the reader anyway.
    const zero = labels.map((_, j) => M.every((m) => m[j] === 0))
    const Z = labels.flatMap((_, j) => (zero[j] ? [labels.map((__, k) => (k === j ? 1 : 0))] : []))
    // dim {x : M x = 0} = N − rank(M) must equal rank(E ∪ Z): no equality the model does not state.
    const N = labels.length
    expect(N - rankMod(M)).toBe(rankMod([...E, ...Z]))
  }, 600_000)
})
