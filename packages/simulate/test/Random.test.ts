import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import * as Distribution from "../src/Distribution.js"
import { Rng, split } from "../src/Random.js"

describe("Random", () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.nat(1_000_000)])(
    "split is deterministic and in range",
    (s, i) => {
      const a = split(s, i)
      expect(a).toBe(split(s, i))
      expect(a >= 0 && a < 2 ** 32 && Number.isInteger(a)).toBe(true)
    }
  )

  test.prop([fc.integer({ min: 0, max: 2 ** 32 - 1 })])("the same seed gives the same stream, in [0, 1)", (s) => {
    const a = new Rng(s)
    const b = new Rng(s)
    for (let i = 0; i < 50; i++) {
      const x = a.next()
      expect(x).toBe(b.next())
      expect(x >= 0 && x < 1).toBe(true)
    }
  })

  it("neighbouring run seeds give different streams", () => {
    const firsts = new Set(Array.from({ length: 1000 }, (_, i) => new Rng(split(42, i)).next()))
    expect(firsts.size).toBe(1000)
  })
})

const dist = fc.oneof(
  fc.double({ min: 0, max: 1000, noNaN: true }).map((value): Distribution.Distribution => ({ kind: "fixed", value })),
  fc
    .tuple(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }))
    .map(([a, b]): Distribution.Distribution => ({ kind: "uniform", min: Math.min(a, b), max: Math.max(a, b) })),
  fc
    .array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 3, maxLength: 3 })
    .map((xs): Distribution.Distribution => {
      const [min, mode, max] = [...xs].sort((a, b) => a - b) as [number, number, number]
      return { kind: "triangular", min, mode, max }
    })
)

describe("Distribution", () => {
  test.prop([dist, fc.integer({ min: 0, max: 2 ** 31 })])("samples stay within [minimum, max]", (d, seed) => {
    const c = Distribution.compile(d)
    const rng = new Rng(seed)
    const hi = d.kind === "fixed" ? d.value : d.kind === "lognormal" ? Number.POSITIVE_INFINITY : d.max
    for (let i = 0; i < 100; i++) {
      const x = Distribution.sample(c, rng)
      expect(x).toBeGreaterThanOrEqual(Distribution.minimum(d) - 1e-9)
      expect(x).toBeLessThanOrEqual(hi + 1e-9)
    }
  })

  it("a log-normal given by median 45 and p90 120 has about those quantiles", () => {
    const c = Distribution.compile({ kind: "lognormal", median: 45, p90: 120 })
    const rng = new Rng(1)
    const xs = Array.from({ length: 20000 }, () => Distribution.sample(c, rng)).sort((a, b) => a - b)
    expect(xs[10000]!).toBeGreaterThan(42)
    expect(xs[10000]!).toBeLessThan(48)
    expect(xs[18000]!).toBeGreaterThan(110)
    expect(xs[18000]!).toBeLessThan(130)
  })
})
