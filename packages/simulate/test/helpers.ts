/** Small scenarios for simulation tests, and a PNG decoder for browser screenshots. */
import { inflateSync } from "node:zlib"
import fc from "fast-check"
import type { Scenario } from "../src/Scenario.js"
import { decodeScenarioOrThrow, type ScenarioEncoded } from "../src/Scenario.js"

/** A small scenario in JSON form (edit with spread). */
export const smallEncoded = (over: Record<string, unknown> = {}): ScenarioEncoded =>
  ({
    id: "small",
    title: "Small test scenario",
    cohort: {
      children: 60,
      ageYears: { kind: "triangular", min: 3, mode: 10, max: 17 },
      traceableFamilyShare: 0.8,
      riskFactorShare: 0.3,
      povertyOnlyShare: 0.4
    },
    socialWorkers: { count: 2, caseloadCap: 10, visitsPerWeek: 10 },
    policy: "azizas-place",
    durations: {
      intake: { kind: "fixed", value: 7 },
      assessment: { kind: "lognormal", median: 30, p90: 90 },
      preparation: { kind: "uniform", min: 10, max: 40 },
      contactStep: { kind: "triangular", min: 14, mode: 30, max: 60 }
    },
    outcomes: { contactPositive: 0.85, riskIneligible: 0.5, closurePass: 0.8, closureRetryDays: 90 },
    breakdown: { probability: 0.3, withinMonths: 60, riskMultiplier: 1.5, readmit: true },
    startDate: "2017-08-01",
    horizonMonths: 24,
    target: { share: 0.3, deadline: "2018-12-31" },
    runs: 20,
    seed: 7,
    ...over
  }) as unknown as ScenarioEncoded

export const small = (over: Record<string, unknown> = {}): Scenario => decodeScenarioOrThrow(smallEncoded(over))

/** Generator of small scenario knobs. */
export const knobs = fc.record({
  children: fc.integer({ min: 1, max: 80 }),
  workers: fc.integer({ min: 1, max: 6 }),
  extraWorkers: fc.integer({ min: 1, max: 6 }),
  cap: fc.integer({ min: 1, max: 12 }),
  visitsPerWeek: fc.integer({ min: 1, max: 20 }),
  traceable: fc.double({ min: 0, max: 1, noNaN: true }),
  risk: fc.double({ min: 0, max: 1, noNaN: true }),
  positive: fc.double({ min: 0.05, max: 1, noNaN: true }),
  breakdown: fc.double({ min: 0, max: 0.9, noNaN: true }),
  closurePass: fc.double({ min: 0.1, max: 1, noNaN: true }),
  horizonMonths: fc.integer({ min: 1, max: 84 }),
  oldest: fc.double({ min: 3, max: 17.99, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  policy: fc.constantFrom("azizas-place", "unicef-siem-reap-2017", "cambodia-mosvy", "un-guidelines-2009")
})

export type Knobs = typeof knobs extends fc.Arbitrary<infer K> ? K : never

/** The end of a horizon of `months` from the helpers' start date (2017-08-01), as a target deadline. */
export const horizonEnd = (months: number): string => new Date(Date.UTC(2017, 7 + months, 1)).toISOString().slice(0, 10)

export const fromKnobs = (k: Knobs, over: Record<string, unknown> = {}): Scenario =>
  small({
    target: { share: 0.3, deadline: horizonEnd(k.horizonMonths) },
    cohort: {
      children: k.children,
      ageYears: { kind: "uniform", min: 2, max: k.oldest },
      traceableFamilyShare: k.traceable,
      riskFactorShare: k.risk,
      povertyOnlyShare: 0.3
    },
    socialWorkers: { count: k.workers, caseloadCap: k.cap, visitsPerWeek: k.visitsPerWeek },
    outcomes: { contactPositive: k.positive, riskIneligible: 0.5, closurePass: k.closurePass, closureRetryDays: 60 },
    breakdown: { probability: k.breakdown, withinMonths: 60, riskMultiplier: 1.5, readmit: true },
    horizonMonths: k.horizonMonths,
    policy: k.policy,
    seed: k.seed,
    runs: 3,
    ...over
  })

// ---------------------------------------------------------------------------
// PNG (8-bit RGB / RGBA, non-interlaced: what Chromium writes)

export interface Image {
  readonly width: number
  readonly height: number
  /** RGBA, 4 bytes per pixel. */
  readonly rgba: Uint8Array
}

export const decodePng = (buf: Uint8Array): Image => {
  const b = Buffer.from(buf)
  let o = 8
  let width = 0
  let height = 0
  let colorType = 0
  const idat: Array<Buffer> = []
  while (o < b.length) {
    const len = b.readUInt32BE(o)
    const type = b.toString("ascii", o + 4, o + 8)
    const data = b.subarray(o + 8, o + 8 + len)
    if (type === "IHDR") {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[12] !== 0) throw new Error("unsupported PNG")
      colorType = data[9]!
    } else if (type === "IDAT") idat.push(data)
    o += 12 + len
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0
  if (bpp === 0) throw new Error("unsupported PNG colour type")
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * bpp
  const out = new Uint8Array(width * height * 4)
  let prev = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const cur = new Uint8Array(stride)
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? cur[x - bpp]! : 0
      const up = prev[x]!
      const c = x >= bpp ? prev[x - bpp]! : 0
      const v = line[x]!
      let r: number
      if (f === 0) r = v
      else if (f === 1) r = v + a
      else if (f === 2) r = v + up
      else if (f === 3) r = v + ((a + up) >> 1)
      else {
        const p = a + up - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - up)
        const pc = Math.abs(p - c)
        r = v + (pa <= pb && pa <= pc ? a : pb <= pc ? up : c)
      }
      cur[x] = r & 255
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = cur[x * bpp]!
      out[(y * width + x) * 4 + 1] = cur[x * bpp + 1]!
      out[(y * width + x) * 4 + 2] = cur[x * bpp + 2]!
      out[(y * width + x) * 4 + 3] = bpp === 4 ? cur[x * bpp + 3]! : 255
    }
    prev = cur
  }
  return { width, height, rgba: out }
}
