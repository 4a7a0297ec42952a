/**
 * Seeded random numbers for simulations. A run's seed is split from the
 * scenario seed by the run index (never by worker), and each child draws from
 * its own stream split from the run seed by child index and episode, so the
 * same child sees the same draws whatever the number of social workers or CPU
 * cores: common random numbers for fair comparisons between scenarios.
 *
 * @since 0.1.0
 */

const imul = Math.imul

/**
 * Mix a 32-bit integer (the `lowbias32` finaliser): a fast, well-spread hash
 * used to split seeds.
 *
 * @example
 * ```ts
 * import { Random } from "@homeward/simulate"
 *
 * Random.mix32(1) !== Random.mix32(2) // true: nearby inputs, far-apart outputs
 * ```
 *
 * @since 0.1.0
 */
export const mix32 = (x: number): number => {
  let z = x | 0
  z ^= z >>> 16
  z = imul(z, 0x7feb352d)
  z ^= z >>> 15
  z = imul(z, 0x846ca68b)
  z ^= z >>> 16
  return z >>> 0
}

/**
 * Derive the seed of sub-stream `index` of `seed` (deterministic, order-free).
 *
 * @example
 * ```ts
 * import { Random } from "@homeward/simulate"
 *
 * Random.split(42, 0) === Random.split(42, 0) // true
 * ```
 *
 * @since 0.1.0
 */
export const split = (seed: number, index: number): number =>
  mix32((mix32(seed ^ 0x9e3779b9) + imul(index + 1, 0x85ebca6b)) | 0)

/**
 * A seeded generator of uniform numbers in [0, 1) (mulberry32). Mutable by
 * design: it lives inside one run's loop.
 *
 * @since 0.1.0
 */
export class Rng {
  // An Int32Array cell keeps the state unboxed (no heap number per draw).
  private readonly state = new Int32Array(1)
  constructor(seed: number) {
    this.state[0] = seed | 0
  }
  /** Re-seed in place (avoids allocating one generator per child). */
  reseed(seed: number): void {
    this.state[0] = seed | 0
  }
  /** A uniform number in [0, 1). */
  next(): number {
    const s = (this.state[0]! + 0x6d2b79f5) | 0
    this.state[0] = s
    let t = s
    t = imul(t ^ (t >>> 15), t | 1)
    t ^= t + imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  /** A standard normal draw (Box–Muller, one of the pair). */
  normal(): number {
    let u = this.next()
    if (u < 1e-300) u = 1e-300
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }
  /** `true` with probability `p`. */
  bernoulli(p: number): boolean {
    return this.next() < p
  }
}
