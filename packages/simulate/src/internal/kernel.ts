/**
 * The simulation kernel: one run of a scenario over plain numbers. It knows
 * nothing of the rules themselves: what the policy requires (pathway, contacts
 * and dwell per step, monitoring visits, monitoring length, adult age) arrives
 * as facts the core rules produced (see `PolicyFacts`); the kernel samples
 * only durations and outcomes from the scenario's distributions.
 *
 * Cost: O(children × (steps + contacts + planned visits) + children × log(slots)) per run.
 */
import { Rng, split } from "../Random.js"
import { type Compiled, sample } from "./sample.js"

/** Simulation states, in output order. */
export const STATES = [
  "waiting",
  "intake",
  "assessment",
  "preparation",
  "gradual-contact",
  "reunified",
  "closed",
  "returned-to-care",
  "other-care",
  "aged-out"
] as const
export type StateName = (typeof STATES)[number]
const WAITING = 0
const INTAKE = 1
const ASSESSMENT = 2
const PREPARATION = 3
const CONTACT = 4
const REUNIFIED = 5
const CLOSED = 6
const RETURNED = 7
const OTHER = 8
const AGED_OUT = 9
const S = STATES.length

export interface KernelStep {
  readonly duration: Compiled
  readonly positiveContacts: number
  readonly minDwellDays: number
  readonly resetOnConcern: boolean
}

/** Everything a run needs, as plain serialisable data. */
export interface KernelConfig {
  readonly children: number
  readonly seed: number
  readonly horizonDays: number
  /** Day offsets of the snapshots (month ends), `snapshotDays[0] = 0`. */
  readonly snapshotDays: ReadonlyArray<number>
  readonly deadlineDay: number
  readonly ageYears: Compiled
  readonly adultAge: number
  readonly traceableShare: number
  readonly riskShare: number
  readonly povertyOnlyShare: number
  readonly intake: Compiled
  readonly assessment: Compiled
  readonly preparation: Compiled
  readonly steps: ReadonlyArray<KernelStep>
  readonly preparationNeedsEligibility: boolean
  readonly contactPositive: number
  readonly riskIneligible: number
  readonly closurePass: number
  readonly closureRetryDays: number
  /** Breakdown hazard per day (before the risk multiplier). */
  readonly breakdownHazard: number
  readonly riskMultiplier: number
  readonly readmit: boolean
  readonly slots: number
  /** Days between two visits a worker can give one case at the caseload cap. */
  readonly daysPerVisit: number
  readonly monitoringVisitDays: ReadonlyArray<number>
  readonly monitoringDays: number
}

/** Layout of one run's output vector. */
export const layout = (months: number) => {
  const P = months + 1
  return {
    P,
    counts: 0,
    breakdowns: S * P,
    reunifications: (S + 1) * P,
    contactVisits: (S + 2) * P,
    monitoringDue: (S + 3) * P,
    deadlineReintegrated: (S + 4) * P,
    everReunified: (S + 4) * P + 1,
    length: (S + 4) * P + 2
  }
}

const MAX_EPISODES = 5
const MAX_CONTACTS = 10_000
const MAX_CLOSURE_TRIES = 200

/** A binary min-heap of slot release times. */
class SlotHeap {
  readonly h: Float64Array
  constructor(n: number) {
    this.h = new Float64Array(n)
  }
  /** Replace the minimum with `x` and restore the heap. */
  replaceMin(x: number): void {
    const h = this.h
    const n = h.length
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      const c = r < n && h[r]! < h[l]! ? r : l
      if (h[c]! >= x) break
      h[i] = h[c]!
      i = c
    }
    h[i] = x
  }
}

/** A min-heap of returned children keyed by (arrival, child); records live in parallel arrays. */
class ReturnHeap {
  readonly arr: Array<number> = []
  readonly child: Array<number> = []
  readonly ep: Array<number> = []
  readonly ageOut: Array<number> = []
  readonly risk: Array<number> = []
  private readonly heap: Array<number> = []
  private readonly freeList: Array<number> = []
  get size(): number {
    return this.heap.length
  }
  private less(i: number, j: number): boolean {
    const a = this.arr[i]!
    const b = this.arr[j]!
    return a < b || (a === b && this.child[i]! < this.child[j]!)
  }
  push(arr: number, child: number, ep: number, ageOut: number, risk: number): void {
    const rec = this.freeList.length > 0 ? this.freeList.pop()! : this.arr.length
    this.arr[rec] = arr
    this.child[rec] = child
    this.ep[rec] = ep
    this.ageOut[rec] = ageOut
    this.risk[rec] = risk
    const h = this.heap
    let i = h.length
    h.push(rec)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(rec, h[parent]!)) break
      h[i] = h[parent]!
      i = parent
    }
    h[i] = rec
  }
  /** Remove the earliest record and return its index (valid until the next push). */
  pop(): number {
    const h = this.heap
    const top = h[0]!
    const last = h.pop()!
    if (h.length > 0) {
      let i = 0
      const n = h.length
      for (;;) {
        const l = 2 * i + 1
        if (l >= n) break
        const r = l + 1
        const c = r < n && this.less(h[r]!, h[l]!) ? r : l
        if (!this.less(h[c]!, last)) break
        h[i] = h[c]!
        i = c
      }
      h[i] = last
    }
    this.freeList.push(top)
    return top
  }
}

/** Run one replicate; returns the output vector (see {@link layout}). */
export const runOne = (cfg: KernelConfig, run: number): Float64Array => {
  // Hoist the configuration into locals: a configuration cloned into a worker may have slow
  // (dictionary) properties, and the per-child loop reads these millions of times.
  const k_adultAge = cfg.adultAge
  const k_ageYears = cfg.ageYears
  const k_assessment = cfg.assessment
  const k_breakdownHazard = cfg.breakdownHazard
  const k_closurePass = cfg.closurePass
  const k_closureRetryDays = cfg.closureRetryDays
  const k_intake = cfg.intake
  const k_monitoringDays = cfg.monitoringDays
  const k_povertyOnlyShare = cfg.povertyOnlyShare
  const k_preparation = cfg.preparation
  const k_preparationNeedsEligibility = cfg.preparationNeedsEligibility
  const k_readmit = cfg.readmit
  const k_riskIneligible = cfg.riskIneligible
  const k_riskMultiplier = cfg.riskMultiplier
  const k_riskShare = cfg.riskShare
  const k_traceableShare = cfg.traceableShare
  const M = cfg.snapshotDays.length - 1
  const L = layout(M)
  const out = new Float64Array(L.length)
  const P = L.P
  const H = cfg.horizonDays
  // idx[d] = first snapshot m with snapshotDays[m] >= d, for integer d in [0, H]; M+1 beyond.
  const idx = new Int32Array(H + 2)
  {
    let m = 0
    for (let d = 0; d <= H + 1; d++) {
      while (m <= M && cfg.snapshotDays[m]! < d) m++
      idx[d] = m
    }
  }
  const at = (x: number): number => (x <= 0 ? 0 : x > H ? M + 1 : idx[Math.ceil(x)]!)
  // Difference arrays: counts[state][snapshot], with one extra cell for "beyond".
  const diff = new Float64Array(S * (P + 1))
  const deadline = cfg.deadlineDay
  let deadlineReintegrated = 0
  let everReunified = 0
  const seg = (state: number, from: number, to: number): void => {
    if (to <= from) return
    const a = at(from)
    const b = at(to)
    if (a === b) {
      // still count for the deadline
    } else {
      diff[state * (P + 1) + a]! += 1
      diff[state * (P + 1) + b]! -= 1
    }
    if ((state === REUNIFIED || state === CLOSED) && from <= deadline && deadline < to) deadlineReintegrated++
  }
  const event = (offset: number, x: number): void => {
    if (x > H) return
    out[offset + at(x)]! += 1
  }

  const runSeed = split(cfg.seed, run)
  const rng = new Rng(0)
  const slots = cfg.slots
  const heap = slots < cfg.children * MAX_EPISODES ? new SlotHeap(slots) : undefined
  const steps = cfg.steps
  const nSteps = steps.length
  const visitDays = cfg.monitoringVisitDays
  const nVisits = visitDays.length
  const p = cfg.contactPositive
  const dpv = cfg.daysPerVisit

  // Returned children waiting to re-enter: a min-heap ordered by (arrival, child).
  const returns = new ReturnHeap()
  const pushReturn = (arr: number, child: number, ep: number, ageOut: number, risk: number): void =>
    returns.push(arr, child, ep, ageOut, risk)

  /**
   * One episode of one child, arriving in the queue at `arrival` in state
   * `waitState`. Returns nothing; records segments and events.
   * risk: bit 0 = risk factors, bit 1 = traceable family.
   */
  const episode = (child: number, ep: number, arrival: number, ageOut: number, risk: number): void => {
    const waitState = ep === 0 ? WAITING : RETURNED
    const free = heap === undefined ? 0 : heap.h[0]!
    const admit = Math.max(arrival, free)
    if (admit >= H || admit >= ageOut) {
      // Never admitted within the horizon: waits, then ages out.
      seg(waitState, arrival, ageOut)
      if (ageOut < Number.POSITIVE_INFINITY) seg(AGED_OUT, ageOut, Number.POSITIVE_INFINITY)
      return
    }
    seg(waitState, arrival, admit)
    rng.reseed(split(split(runSeed, child), ep + 1))
    let t = admit
    let release = Number.POSITIVE_INFINITY
    let state = ep === 0 ? INTAKE : ASSESSMENT
    let end = false
    if (state === INTAKE) {
      const d = sample(k_intake, rng)
      const t1 = t + d
      if (t1 >= ageOut) {
        seg(INTAKE, t, ageOut)
        seg(AGED_OUT, ageOut, Number.POSITIVE_INFINITY)
        release = ageOut
        end = true
      } else {
        seg(INTAKE, t, t1)
        t = t1
        state = ASSESSMENT
      }
    }
    if (!end) {
      // Assessment and tracing.
      const t1 = t + sample(k_assessment, rng)
      if (t1 >= ageOut) {
        seg(ASSESSMENT, t, ageOut)
        seg(AGED_OUT, ageOut, Number.POSITIVE_INFINITY)
        release = ageOut
        end = true
      } else {
        seg(ASSESSMENT, t, t1)
        t = t1
        if ((risk & 2) === 0) {
          // No traced family: the core does not let the case leave assessment; other care.
          seg(OTHER, t, Number.POSITIVE_INFINITY)
          release = t
          end = true
        }
      }
    }
    if (!end) {
      const t1 = t + sample(k_preparation, rng)
      const ineligible = (risk & 1) !== 0 && rng.next() < k_riskIneligible
      if (t1 >= ageOut) {
        seg(PREPARATION, t, ageOut)
        seg(AGED_OUT, ageOut, Number.POSITIVE_INFINITY)
        release = ageOut
        end = true
      } else {
        seg(PREPARATION, t, t1)
        t = t1
        if (ineligible && k_preparationNeedsEligibility) {
          seg(OTHER, t, Number.POSITIVE_INFINITY)
          release = t
          end = true
        }
      }
    }
    if (!end) {
      // Gradual contact, step by step.
      const start = t
      for (let k = 0; k < nSteps && !end; k++) {
        const st = steps[k]!
        let n = 0
        let streak = 0
        const need = st.positiveContacts
        while (streak < need && n < MAX_CONTACTS) {
          n++
          if (rng.next() < p) streak++
          else if (st.resetOnConcern) streak = 0
        }
        let d = sample(st.duration, rng)
        if (d < st.minDwellDays) d = st.minDwellDays
        const visitsTime = n * dpv
        if (d < visitsTime) d = visitsTime
        if (streak < need) d = Number.POSITIVE_INFINITY
        const t1 = t + d
        const stop = Math.min(t1, ageOut)
        // Contact visits, spread evenly over the step.
        if (t < H) {
          const span = Math.min(stop, H) - t
          const perVisit = d === Number.POSITIVE_INFINITY ? dpv : d / n
          for (let j = 0; j < n; j++) {
            const x = t + (j + 0.5) * perVisit
            if (x - t > span) break
            event(L.contactVisits, x)
          }
        }
        if (t1 >= ageOut) {
          seg(CONTACT, start, ageOut)
          seg(AGED_OUT, ageOut, Number.POSITIVE_INFINITY)
          release = ageOut
          end = true
        } else t = t1
      }
      if (!end) seg(CONTACT, start, t)
    }
    if (!end) {
      // Reunified: monitoring, closure, breakdown.
      const tR = t
      if (tR <= H && ep === 0) everReunified++ // first reunification only
      event(L.reunifications, tR)
      const hz = k_breakdownHazard * ((risk & 1) !== 0 ? k_riskMultiplier : 1)
      const u = rng.next()
      let b = hz > 0 ? tR - Math.log(1 - u) / hz : Number.POSITIVE_INFINITY
      // A young adult does not return to child care: no breakdown after the adult age.
      if (b >= ageOut) b = Number.POSITIVE_INFINITY
      let tC = tR + k_monitoringDays
      for (let i = 0; i < MAX_CLOSURE_TRIES && !(rng.next() < k_closurePass); i++) tC += k_closureRetryDays
      const monitoringStop = Math.min(b, tC)
      // Visits fall on whole days after reunification: ceil(tR + k) = ceil(tR) + k.
      const base = Math.ceil(tR)
      const stopAt = Math.min(monitoringStop - tR, H - tR)
      const mOff = L.monitoringDue
      for (let v = 0; v < nVisits; v++) {
        const k = visitDays[v]!
        if (k >= stopAt) {
          if (k === stopAt && tR + k <= H && k < monitoringStop - tR) event(mOff, tR + k)
          break
        }
        out[mOff + idx[base + k]!]! += 1
      }
      if (b < tC) {
        seg(REUNIFIED, tR, b)
        release = b
      } else {
        seg(REUNIFIED, tR, tC)
        release = tC
      }
      if (b < Number.POSITIVE_INFINITY) {
        if (b >= tC) seg(CLOSED, tC, b)
        event(L.breakdowns, b)
        if (k_readmit && ep + 1 < MAX_EPISODES && b < H && b < ageOut) pushReturn(b, child, ep + 1, ageOut, risk)
        else {
          seg(RETURNED, b, ageOut)
          if (ageOut < Number.POSITIVE_INFINITY) seg(AGED_OUT, ageOut, Number.POSITIVE_INFINITY)
        }
      } else seg(CLOSED, tC, Number.POSITIVE_INFINITY)
    }
    if (heap !== undefined) heap.replaceMin(release > H ? Number.POSITIVE_INFINITY : release)
  }

  const attr = new Rng(0)
  const daysPerYear = 365.25
  for (let c = 0; c < cfg.children; c++) {
    attr.reseed(split(split(runSeed, c), 0))
    let age = sample(k_ageYears, attr)
    const maxAge = k_adultAge - 1 / daysPerYear
    if (age > maxAge) age = maxAge
    const ageOut = (k_adultAge - age) * daysPerYear
    const poverty = attr.next() < k_povertyOnlyShare
    const riskDraw = attr.next() < k_riskShare
    const traced = attr.next() < k_traceableShare
    const risk = (!poverty && riskDraw ? 1 : 0) | (traced ? 2 : 0)
    episode(c, 0, 0, ageOut, risk)
  }
  while (returns.size > 0) {
    const i = returns.pop()
    episode(returns.child[i]!, returns.ep[i]!, returns.arr[i]!, returns.ageOut[i]!, returns.risk[i]!)
  }

  for (let s = 0; s < S; s++) {
    let acc = 0
    for (let m = 0; m < P; m++) {
      acc += diff[s * (P + 1) + m]!
      out[L.counts + s * P + m] = acc
    }
  }
  out[L.deadlineReintegrated] = deadlineReintegrated
  out[L.everReunified] = everReunified
  return out
}

/** Run replicates `[from, to)` into one buffer (run-major). */
export const runRange = (cfg: KernelConfig, from: number, to: number): Float64Array => {
  const L = layout(cfg.snapshotDays.length - 1)
  const buf = new Float64Array((to - from) * L.length)
  for (let r = from; r < to; r++) buf.set(runOne(cfg, r), (r - from) * L.length)
  return buf
}
