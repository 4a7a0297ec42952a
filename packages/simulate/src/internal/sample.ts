/** Sampling of compiled distributions (no dependencies, used by the kernel and its worker). */
import type { Rng } from "../Random.js"

export type Compiled = readonly [number, number, number, number]

export const sample = (c: Compiled, rng: Rng): number => {
  switch (c[0]) {
    case 0:
      return c[1]
    case 1:
      return c[1] + (c[2] - c[1]) * rng.next()
    case 2: {
      const a = c[1]
      const m = c[2]
      const b = c[3]
      if (b === a) return a
      const u = rng.next()
      const f = (m - a) / (b - a)
      return u < f ? a + Math.sqrt(u * (b - a) * (m - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - m))
    }
    default:
      return Math.exp(c[1] + c[2] * rng.normal())
  }
}
