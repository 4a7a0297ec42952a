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
import * as Pm from "./params.js"
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
  /** Children in care at the start (the cohort). */
  readonly children: number
  /** Cases of the cohort already open at the start: [intake, assessment, preparation, gradual contact]. */
  readonly inProgress: readonly [number, number, number, number]
  /** Children reunified before the start, still under monitoring (not in the cohort). */
  readonly returnedBefore: number
  /** Day offset (negative) of the earliest reunification of the children already returned. */
  readonly returnedFromDay: number
  readonly seed: number
  readonly horizonDays: number
  /** Day offsets of the snapshots (month ends), `snapshotDays[0] = 0`. */
  readonly snapshotDays: ReadonlyArray<number>
  readonly deadlineDay: number
  readonly ageYears: Compiled
  readonly adultAge: number
  readonly intake: Compiled
  readonly assessment: Compiled
  readonly preparation: Compiled
  readonly steps: ReadonlyArray<KernelStep>
  readonly preparationNeedsEligibility: boolean
  /** Central values of the parameter vector (see `internal/params.ts`). */
  readonly params: ReadonlyArray<number>
  /** Parameters with a range: `[index, distribution]`. */
  readonly uncertain: ReadonlyArray<readonly [number, Compiled]>
  /** 0 joint (a draw per run), 1 nested (`innerRuns` runs per draw), 2 central (no draws). */
  readonly sampling: number
  readonly innerRuns: number
  readonly caseloadCap: number
  /** Breakdown horizon of `breakdown.probability`, in days. */
  readonly breakdownWithinDays: number
  readonly readmit: boolean
  readonly monitoringVisitDays: ReadonlyArray<number>
  readonly monitoringDays: number
  /** Observation windows `[fromDay, toDay]`: first reunifications of the cohort counted in each. */
  readonly windows: ReadonlyArray<readonly [number, number]>
  /** `false`: skip the monthly contact and monitoring visit counts (the solver and calibration do not need them). */
  readonly visitCounts?: boolean
}

/**
 * The per-run quantities derived from a parameter vector: the visit model.
 * A case in the pathway (intake to reunification) gets a contact every
 * `pace` days: the contact interval, or `7 / visitsPerWeek` when one worker
 * cannot visit that often. A worker keeps at most `caseloadCap` open cases
 * (intake to closure, monitoring included) and, of those, at most
 * `pathwayPerWorker = min(cap, ⌊visitsPerWeek × pace / 7⌋)` (at least one)
 * in the pathway, the cases it can visit at that pace; monitoring visits
 * come on top (the monthly visit utilisation shows when they do not fit).
 * Neither the pace nor either limit falls when workers, the cap or visits
 * rise.
 */
export const derived = (
  theta: ArrayLike<number>,
  cfg: Pick<KernelConfig, "caseloadCap" | "breakdownWithinDays">
): {
  readonly pace: number
  readonly pathwayPerWorker: number
  readonly pathwaySlots: number
  readonly slots: number
  readonly hazard: number
} => {
  const visits = theta[Pm.VISITS]!
  const pace = Math.max(theta[Pm.INTERVAL]!, 7 / visits)
  const pathwayPerWorker = Math.max(1, Math.min(cfg.caseloadCap, Math.floor((visits * pace) / 7 + 1e-9)))
  const workers = theta[Pm.COUNT]! * theta[Pm.AVAILABILITY]!
  const slots = Math.max(1, Math.floor(workers * cfg.caseloadCap + 1e-9))
  const pathwaySlots = Math.max(1, Math.floor(workers * pathwayPerWorker + 1e-9))
  const p = theta[Pm.BREAKDOWN]!
  const hazard = p <= 0 ? 0 : -Math.log(1 - p) / cfg.breakdownWithinDays
  return { pace, pathwayPerWorker, pathwaySlots, slots, hazard }
}

/** The parameter vector of run `run` (central values, with ranges sampled unless `sampling` is central). */
export const thetaOf = (cfg: KernelConfig, run: number, rng: Rng = new Rng(0)): Float64Array => {
  const theta = Float64Array.from(cfg.params)
  if (cfg.sampling === 2) return theta
  const draw = cfg.sampling === 1 ? Math.floor(run / cfg.innerRuns) : run
  const base = split(cfg.seed ^ 0x5a3c_96e1, 0)
  for (const [i, d] of cfg.uncertain) {
    rng.reseed(split(split(base, i), draw))
    theta[i] = sample(d, rng)
  }
  return theta
}

/** Layout of one run's output vector (`windows`: the number of observation windows). */
export const layout = (months: number, windows = 0) => {
  const P = months + 1
  return {
    P,
    counts: 0,
    breakdowns: S * P,
    reunifications: (S + 1) * P,
    contactVisits: (S + 2) * P,
    monitoringDue: (S + 3) * P,
    /** Children of the cohort living with family (reunified or closed) at each snapshot. */
    cohortReintegrated: (S + 4) * P,
    /** Returned children re-entering the pathway during each month. */
    reentries: (S + 5) * P,
    deadlineReintegrated: (S + 6) * P,
    everReunified: (S + 6) * P + 1,
    /** Caseload slots of the run (open cases, monitoring included). */
    slots: (S + 6) * P + 2,
    /** Already-returned children who found no free slot at the start (monitored outside the caseload). */
    unslotted: (S + 6) * P + 3,
    /** Sum over the cohort's first reunifications within the horizon of the days from opening to reunification. */
    pathwayDays: (S + 6) * P + 4,
    theta: (S + 6) * P + 5,
    /** First reunifications of the cohort within each observation window. */
    windows: (S + 6) * P + 5 + Pm.NP,
    length: (S + 6) * P + 5 + Pm.NP + windows
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
  const theta = thetaOf(cfg, run)
  const { pace: dpv, slots, pathwaySlots, hazard: k_breakdownHazard } = derived(theta, cfg)
  const k_adultAge = cfg.adultAge
  const k_ageYears = cfg.ageYears
  const k_assessment = cfg.assessment
  const k_closurePass = theta[Pm.CLOSURE]!
  const k_closureRetryDays = theta[Pm.RETRY]!
  const k_intake = cfg.intake
  const k_monitoringDays = cfg.monitoringDays
  const k_povertyOnlyShare = theta[Pm.POVERTY]!
  const k_preparation = cfg.preparation
  const k_preparationNeedsEligibility = cfg.preparationNeedsEligibility
  const k_readmit = cfg.readmit
  const k_riskIneligible = theta[Pm.INELIGIBLE]!
  const k_riskMultiplier = theta[Pm.RISK_MULT]!
  const k_riskShare = theta[Pm.RISK]!
  const k_traceableShare = theta[Pm.TRACEABLE]!
  const k_scale = theta[Pm.SCALE]!
  const k_visits = cfg.visitCounts !== false
  // Family-support packages: the first `packages` families whose child reaches the end of preparation.
  let packages = Math.floor(theta[Pm.BUDGET]! / theta[Pm.COST]! + 1e-9)
  const k_supportIneligible = theta[Pm.SUPPORT_INELIGIBLE]!
  const k_supportBreakdown = theta[Pm.SUPPORT_BREAKDOWN]!
  const M = cfg.snapshotDays.length - 1
  const windows = cfg.windows
  const nW = windows.length
  const L = layout(M, nW)
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
  // Difference arrays: counts[state][snapshot] (one extra cell for "beyond"), and the cohort's reintegrated.
  const diff = new Float64Array(S * (P + 1))
  const cohortDiff = new Float64Array(P + 1)
  const deadline = cfg.deadlineDay
  const N = cfg.children
  let deadlineReintegrated = 0
  let everReunified = 0
  let pathwayDays = 0
  let inCohort = true
  const seg = (state: number, from: number, to: number): void => {
    if (to <= from) return
    const a = at(from)
    const b = at(to)
    const home = state === REUNIFIED || state === CLOSED
    if (a !== b) {
      diff[state * (P + 1) + a]! += 1
      diff[state * (P + 1) + b]! -= 1
      if (home && inCohort) {
        cohortDiff[a]! += 1
        cohortDiff[b]! -= 1
      }
    }
    if (home && inCohort && from <= deadline && deadline < to) deadlineReintegrated++
  }
  const event = (offset: number, x: number): void => {
    if (x > H) return
    out[offset + at(x)]! += 1
  }

  const runSeed = split(cfg.seed, run)
  const rng = new Rng(0)
  // Caseload slots (held from admission to closure) and pathway slots (held from admission to reunification).
  const heap = slots < (N + cfg.returnedBefore) * MAX_EPISODES ? new SlotHeap(slots) : undefined
  const pathHeap = pathwaySlots < N * MAX_EPISODES ? new SlotHeap(pathwaySlots) : undefined
  const steps = cfg.steps
  const nSteps = steps.length
  const visitDays = cfg.monitoringVisitDays
  const nVisits = visitDays.length
  const p = theta[Pm.POSITIVE]!

  // Returned children waiting to re-enter: a min-heap ordered by (arrival, child).
  const returns = new ReturnHeap()

  /**
   * Monitoring, closure and breakdown of a child reunified at `tR` (may be before the start);
   * returns the day its caseload slot is released.
   */
  const reunified = (
    child: number,
    ep: number,
    tR: number,
    ageOut: number,
    risk: number,
    fromStart: boolean
  ): number => {
    const hz =
      k_breakdownHazard * ((risk & 1) !== 0 ? k_riskMultiplier : 1) * ((risk & 8) !== 0 ? k_supportBreakdown : 1)
    const u = rng.next()
    // Constant hazard; for a child reunified before the start, from the start on (no breakdown before it).
    const t0 = fromStart ? 0 : tR
    let b = hz > 0 ? t0 - Math.log(1 - u) / hz : Number.POSITIVE_INFINITY
    // A young adult does not return to child care: no breakdown after the adult age.
    if (b >= ageOut) b = Number.POSITIVE_INFINITY
    let tC = tR + k_monitoringDays
    for (let i = 0; i < MAX_CLOSURE_TRIES && !(rng.next() < k_closurePass); i++) tC += k_closureRetryDays
    const monitoringStop = Math.min(b, tC)
    const mOff = L.monitoringDue
    for (let v = 0; k_visits && v < nVisits; v++) {
      const x = tR + visitDays[v]!
      if (x >= monitoringStop || x > H) break
      if (x < 0) continue
      event(mOff, x)
    }
    let release: number
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
      if (k_readmit && ep + 1 < MAX_EPISODES && b < H && b < ageOut) returns.push(b, child, ep + 1, ageOut, risk)
      else {
        seg(RETURNED, b, ageOut)
        if (ageOut < Number.POSITIVE_INFINITY) seg(AGED_OUT, ageOut, Number.POSITIVE_INFINITY)
      }
    } else seg(CLOSED, tC, Number.POSITIVE_INFINITY)
    return release
  }

  /**
   * One episode of one child, arriving in the queue at `arrival` and starting in phase `first`
   * (intake for a new case, assessment after a breakdown, any phase for a case in progress).
   * risk: bit 0 = risk factors, bit 1 = traceable family, bit 2 = already found eligible,
   * bit 3 = family supported (kept after a breakdown: the package was spent).
   */
  const episode = (child: number, ep: number, arrival: number, ageOut: number, risk0: number, first: number): void => {
    let risk = risk0
    const waitState = ep === 0 ? WAITING : RETURNED
    const free = heap === undefined ? 0 : heap.h[0]!
    const freePath = pathHeap === undefined ? 0 : pathHeap.h[0]!
    const admit = Math.max(arrival, free, freePath)
    if (admit >= H || admit >= ageOut) {
      // Never admitted within the horizon: waits, then ages out.
      seg(waitState, arrival, ageOut)
      if (ageOut < Number.POSITIVE_INFINITY) seg(AGED_OUT, ageOut, Number.POSITIVE_INFINITY)
      return
    }
    seg(waitState, arrival, admit)
    if (ep > 0) event(L.reentries, admit)
    rng.reseed(split(split(runSeed, child), ep + 1))
    let t = admit
    let release = Number.POSITIVE_INFINITY
    let end = false
    if (first <= INTAKE) {
      const t1 = t + k_scale * sample(k_intake, rng)
      if (t1 >= ageOut) {
        seg(INTAKE, t, ageOut)
        seg(AGED_OUT, ageOut, Number.POSITIVE_INFINITY)
        release = ageOut
        end = true
      } else {
        seg(INTAKE, t, t1)
        t = t1
      }
    }
    if (!end && first <= ASSESSMENT) {
      // Assessment and tracing.
      const t1 = t + k_scale * sample(k_assessment, rng)
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
    if (!end && first <= PREPARATION) {
      const t1 = t + k_scale * sample(k_preparation, rng)
      // A supported family (a package left when preparation starts) is likelier to meet the conditions.
      if (packages > 0 && (risk & 8) === 0) {
        packages--
        risk |= 8
      }
      const ineligibleP = (risk & 8) !== 0 ? k_riskIneligible * k_supportIneligible : k_riskIneligible
      const ineligible = (risk & 1) !== 0 && (risk & 4) === 0 && rng.next() < ineligibleP
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
        let d = k_scale * sample(st.duration, rng)
        if (d < st.minDwellDays) d = st.minDwellDays
        const visitsTime = n * dpv
        if (d < visitsTime) d = visitsTime
        if (streak < need) d = Number.POSITIVE_INFINITY
        const t1 = t + d
        const stop = Math.min(t1, ageOut)
        // Contact visits, spread evenly over the step.
        if (k_visits && t < H) {
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
    // The pathway slot is free again once the child is home (or has left the pathway).
    if (pathHeap !== undefined) {
      const leaves = end ? release : t
      pathHeap.replaceMin(leaves > H ? Number.POSITIVE_INFINITY : leaves)
    }
    if (!end) {
      // Reunified: monitoring, closure, breakdown.
      if (t <= H && ep === 0 && inCohort) {
        everReunified++ // first reunification only
        pathwayDays += t - admit
        for (let w = 0; w < nW; w++) if (t >= windows[w]![0] && t <= windows[w]![1]) out[L.windows + w]! += 1
      }
      event(L.reunifications, t)
      release = reunified(child, ep, t, ageOut, risk, false)
    }
    if (heap !== undefined) heap.replaceMin(release > H ? Number.POSITIVE_INFINITY : release)
  }

  const attr = new Rng(0)
  const daysPerYear = 365.25
  const drawAge = (): number => {
    const age = sample(k_ageYears, attr)
    // The scenario decoder refuses age distributions that reach the adult age: ages are never capped.
    if (!(age < k_adultAge)) throw new RangeError("an age at or above the adult age was drawn")
    return (k_adultAge - age) * daysPerYear
  }
  // Children already returned before the start: under monitoring, holding a slot first.
  const A = cfg.returnedBefore
  const fromDay = cfg.returnedFromDay
  const returnedSeed = split(runSeed ^ 0x27d4_eb2f, 0)
  inCohort = false
  for (let j = 0; j < A; j++) {
    const child = N + j
    attr.reseed(split(returnedSeed, j))
    const ageOut = drawAge()
    const riskDraw = attr.next() < k_riskShare && !(attr.next() < k_povertyOnlyShare)
    const tR = fromDay * attr.next()
    rng.reseed(split(returnedSeed, A + j))
    const risk = (riskDraw ? 1 : 0) | 2 | 4
    const release = reunified(child, 0, tR, ageOut, risk, true)
    if (heap !== undefined && release > 0) {
      if (heap.h[0]! <= 0) heap.replaceMin(release > H ? Number.POSITIVE_INFINITY : release)
      else out[L.unslotted]! += 1
    }
  }
  // The cohort: cases in progress first (by phase), then the children waiting for a case.
  inCohort = true
  const ip = cfg.inProgress
  const inIntake = ip[0]
  const inAssessment = inIntake + ip[1]
  const inPreparation = inAssessment + ip[2]
  const inContact = inPreparation + ip[3]
  for (let c = 0; c < N; c++) {
    attr.reseed(split(split(runSeed, c), 0))
    const ageOut = drawAge()
    const poverty = attr.next() < k_povertyOnlyShare
    const riskDraw = attr.next() < k_riskShare
    const traced = attr.next() < k_traceableShare
    const first =
      c < inIntake
        ? INTAKE
        : c < inAssessment
          ? ASSESSMENT
          : c < inPreparation
            ? PREPARATION
            : c < inContact
              ? CONTACT
              : INTAKE
    // A case past assessment has a traced family; one in gradual contact has been found eligible.
    const risk = (!poverty && riskDraw ? 1 : 0) | (traced || first >= PREPARATION ? 2 : 0) | (first === CONTACT ? 4 : 0)
    episode(c, 0, 0, ageOut, risk, first)
  }
  while (returns.size > 0) {
    const i = returns.pop()
    const child = returns.child[i]!
    inCohort = child < N
    episode(child, returns.ep[i]!, returns.arr[i]!, returns.ageOut[i]!, returns.risk[i]! & 11, ASSESSMENT)
  }

  for (let s = 0; s < S; s++) {
    let acc = 0
    for (let m = 0; m < P; m++) {
      acc += diff[s * (P + 1) + m]!
      out[L.counts + s * P + m] = acc
    }
  }
  {
    let acc = 0
    for (let m = 0; m < P; m++) {
      acc += cohortDiff[m]!
      out[L.cohortReintegrated + m] = acc
    }
  }
  out[L.deadlineReintegrated] = deadlineReintegrated
  out[L.everReunified] = everReunified
  out[L.pathwayDays] = pathwayDays
  out[L.slots] = slots
  out.set(theta, L.theta)
  return out
}

/** Run replicates `[from, to)` into one buffer (run-major). */
export const runRange = (cfg: KernelConfig, from: number, to: number): Float64Array => {
  const L = layout(cfg.snapshotDays.length - 1, cfg.windows.length)
  const buf = new Float64Array((to - from) * L.length)
  for (let r = from; r < to; r++) buf.set(runOne(cfg, r), (r - from) * L.length)
  return buf
}
