/**
 * A small exact-enough linear and integer programming solver (private): a
 * dense two-phase bounded-variable primal simplex (Dantzig pricing, Bland's
 * rule after a run of degenerate pivots) and depth-first branch and bound.
 * Sized for the disclosure models of one report (a few hundred variables of
 * small whole numbers); deterministic, synchronous, no dependency.
 */

/** One constraint row: `Σ coef × x[index]  op  rhs`. */
export interface Row {
  readonly terms: ReadonlyArray<readonly [number, number]>
  readonly op: "<=" | ">=" | "="
  readonly rhs: number
}

/** Minimise `objective · x` subject to `rows` and `lower ≤ x ≤ upper`. */
export interface LinearProgram {
  readonly n: number
  readonly objective: ReadonlyArray<number>
  readonly rows: ReadonlyArray<Row>
  /** Default 0. */
  readonly lower?: ReadonlyArray<number>
  /** Default +Infinity. */
  readonly upper?: ReadonlyArray<number>
}

export type LpResult =
  | { readonly status: "optimal"; readonly x: ReadonlyArray<number>; readonly value: number }
  | { readonly status: "infeasible" }
  | { readonly status: "unbounded" }
  | { readonly status: "limit" }

const EPS = 1e-9
const FEAS = 1e-7

/** Solve a linear program (continuous). */
export const solveLp = (lp: LinearProgram): LpResult => {
  const n = lp.n
  const lower = Array.from({ length: n }, (_, j) => lp.lower?.[j] ?? 0)
  const upper = Array.from({ length: n }, (_, j) => lp.upper?.[j] ?? Number.POSITIVE_INFINITY)
  for (let j = 0; j < n; j++) if (lower[j]! > upper[j]! + FEAS) return { status: "infeasible" }
  // Shift x = lower + y, y in [0, upper − lower].
  const m = lp.rows.length
  const slackOf: Array<number> = []
  let slacks = 0
  for (const r of lp.rows) slackOf.push(r.op === "=" ? -1 : slacks++)
  const N = n + slacks + m // structural, slacks, artificials
  const W = N
  const T = new Float64Array(m * W)
  const beta = new Float64Array(m)
  const ub = new Float64Array(N).fill(Number.POSITIVE_INFINITY)
  for (let j = 0; j < n; j++) ub[j] = upper[j]! - lower[j]!
  const basis = new Int32Array(m)
  lp.rows.forEach((r, i) => {
    let rhs = r.rhs
    for (const [j, a] of r.terms) rhs -= a * lower[j]!
    const sign = rhs < 0 ? -1 : 1
    const o = i * W
    for (const [j, a] of r.terms) T[o + j] = T[o + j]! + sign * a
    const s = slackOf[i]!
    if (s >= 0) T[o + n + s] = sign * (r.op === "<=" ? 1 : -1)
    T[o + n + slacks + i] = 1
    beta[i] = sign * rhs
    basis[i] = n + slacks + i
  })
  const atUpper = new Uint8Array(N)
  const d = new Float64Array(N)
  const isBasic = new Int32Array(N).fill(-1)
  for (let i = 0; i < m; i++) isBasic[basis[i]!] = i

  const pivot = (r: number, q: number) => {
    const o = r * W
    const p = T[o + q]!
    for (let j = 0; j < W; j++) T[o + j] = T[o + j]! / p
    for (let i = 0; i < m; i++) {
      if (i === r) continue
      const f = T[i * W + q]!
      if (f === 0) continue
      const oi = i * W
      for (let j = 0; j < W; j++) {
        const v = T[o + j]!
        if (v !== 0) T[oi + j] = T[oi + j]! - f * v
      }
      T[oi + q] = 0
    }
    const f = d[q]!
    if (f !== 0) {
      for (let j = 0; j < W; j++) {
        const v = T[o + j]!
        if (v !== 0) d[j] = d[j]! - f * v
      }
      d[q] = 0
    }
    isBasic[basis[r]!] = -1
    basis[r] = q
    isBasic[q] = r
  }

  /** Run the simplex on the current reduced costs `d`. Returns false when unbounded. */
  const run = (limit: number): "optimal" | "unbounded" | "limit" => {
    let degenerate = 0
    for (let iter = 0; iter < limit; iter++) {
      const bland = degenerate > 50
      let q = -1
      let best = 0
      for (let j = 0; j < N; j++) {
        if (isBasic[j]! >= 0 || ub[j] === 0) continue
        const dj = d[j]!
        const gain = atUpper[j] ? dj : -dj
        if (gain > EPS) {
          if (bland) {
            q = j
            break
          }
          if (gain > best) {
            best = gain
            q = j
          }
        }
      }
      if (q < 0) return "optimal"
      const dir = atUpper[q] ? -1 : 1 // x_q moves by dir × t
      let t = ub[q]!
      let leave = -1
      let leaveToUpper = false
      for (let i = 0; i < m; i++) {
        const a = T[i * W + q]! * dir // basic changes by −a × t
        if (a > EPS) {
          const lim = beta[i]! / a
          if (lim < t - EPS || (lim < t + EPS && leave >= 0 && basis[i]! < basis[leave]!)) {
            t = lim
            leave = i
            leaveToUpper = false
          }
        } else if (a < -EPS) {
          const u = ub[basis[i]!]!
          if (u === Number.POSITIVE_INFINITY) continue
          const lim = (u - beta[i]!) / -a
          if (lim < t - EPS || (lim < t + EPS && leave >= 0 && basis[i]! < basis[leave]!)) {
            t = lim
            leave = i
            leaveToUpper = true
          }
        }
      }
      if (t === Number.POSITIVE_INFINITY) return "unbounded"
      if (t < 0) t = 0
      degenerate = t <= EPS ? degenerate + 1 : 0
      for (let i = 0; i < m; i++) beta[i] = beta[i]! - T[i * W + q]! * dir * t
      if (leave < 0) {
        // bound flip
        atUpper[q] = atUpper[q] ? 0 : 1
        continue
      }
      const enteringValue = atUpper[q] ? ub[q]! - t : t
      const leaving = basis[leave]!
      pivot(leave, q)
      beta[leave] = enteringValue
      atUpper[q] = 0
      atUpper[leaving] = leaveToUpper ? 1 : 0
    }
    return "limit"
  }

  const LIMIT = 50_000
  // Phase 1: minimise the sum of artificials.
  for (let j = 0; j < N; j++) {
    if (isBasic[j]! >= 0) continue
    let s = 0
    for (let i = 0; i < m; i++) s += T[i * W + j]!
    d[j] = -s
  }
  const p1 = run(LIMIT)
  if (p1 === "limit") return { status: "limit" }
  let infeas = 0
  for (let i = 0; i < m; i++) if (basis[i]! >= n + slacks) infeas += beta[i]!
  if (infeas > FEAS * Math.max(1, m)) return { status: "infeasible" }
  // Drive artificials out of the basis where possible, then fix them at 0.
  for (let i = 0; i < m; i++) {
    if (basis[i]! < n + slacks) continue
    let q = -1
    for (let j = 0; j < n + slacks; j++)
      if (isBasic[j]! < 0 && Math.abs(T[i * W + j]!) > 1e-7) {
        q = j
        break
      }
    if (q >= 0) {
      const value = atUpper[q] ? ub[q]! : 0
      pivot(i, q)
      beta[i] = value // the artificial was at 0: the entering variable keeps its value
      atUpper[q] = 0
    }
  }
  for (let j = n + slacks; j < N; j++) ub[j] = 0
  // Phase 2 reduced costs: d = c − c_B B⁻¹ A.
  const cost = new Float64Array(N)
  for (let j = 0; j < n; j++) cost[j] = lp.objective[j] ?? 0
  for (let j = 0; j < N; j++) d[j] = cost[j]!
  for (let i = 0; i < m; i++) {
    const cb = cost[basis[i]!]!
    if (cb === 0) continue
    for (let j = 0; j < N; j++) {
      const v = T[i * W + j]!
      if (v !== 0) d[j] = d[j]! - cb * v
    }
  }
  for (let i = 0; i < m; i++) d[basis[i]!] = 0
  const p2 = run(LIMIT)
  if (p2 === "limit") return { status: "limit" }
  if (p2 === "unbounded") return { status: "unbounded" }
  const y = new Float64Array(N)
  for (let j = 0; j < N; j++) if (isBasic[j]! < 0 && atUpper[j]) y[j] = ub[j]!
  for (let i = 0; i < m; i++) y[basis[i]!] = beta[i]!
  const x = Array.from({ length: n }, (_, j) => lower[j]! + y[j]!)
  let value = 0
  for (let j = 0; j < n; j++) value += (lp.objective[j] ?? 0) * x[j]!
  return { status: "optimal", x, value }
}

/**
 * Solve an integer program (every variable integral) by depth-first branch and
 * bound on the LP relaxation. `firstFeasible` stops at the first integral
 * solution (a feasibility question); otherwise the optimum is proved. Returns
 * `limit` when more than `maxNodes` relaxations were needed.
 */
export const solveIlp = (
  lp: LinearProgram,
  options: { readonly firstFeasible?: boolean; readonly maxNodes?: number } = {}
): LpResult => {
  const maxNodes = options.maxNodes ?? 5_000
  let nodes = 0
  let best: { x: ReadonlyArray<number>; value: number } | undefined
  let hitLimit = false
  let unbounded = false
  const rootLower = Array.from({ length: lp.n }, (_, j) => Math.ceil((lp.lower?.[j] ?? 0) - FEAS))
  const rootUpper = Array.from({ length: lp.n }, (_, j) => {
    const u = lp.upper?.[j] ?? Number.POSITIVE_INFINITY
    return u === Number.POSITIVE_INFINITY ? u : Math.floor(u + FEAS)
  })
  const stack: Array<{ lower: Array<number>; upper: Array<number> }> = [{ lower: rootLower, upper: rootUpper }]
  while (stack.length > 0) {
    if (options.firstFeasible === true && best !== undefined) break
    if (++nodes > maxNodes) {
      hitLimit = true
      break
    }
    const node = stack.pop()!
    const r = solveLp({ ...lp, lower: node.lower, upper: node.upper })
    if (r.status === "infeasible") continue
    if (r.status === "limit") {
      hitLimit = true
      continue
    }
    if (r.status === "unbounded") {
      // With rational data, a feasible integer program whose relaxation is unbounded is unbounded.
      const f = solveIlp(
        { ...lp, objective: new Array<number>(lp.n).fill(0), lower: node.lower, upper: node.upper },
        { firstFeasible: true, maxNodes }
      )
      if (f.status === "infeasible") continue
      if (f.status === "limit") {
        hitLimit = true
        continue
      }
      unbounded = true
      break
    }
    if (best !== undefined && r.value >= best.value - 1e-7) continue
    let branch = -1
    let frac = 0
    for (let j = 0; j < lp.n; j++) {
      const v = r.x[j]!
      const f = Math.abs(v - Math.round(v))
      if (f > 1e-6 && f > frac) {
        frac = f
        branch = j
      }
    }
    if (branch < 0) {
      best = { x: r.x.map((v) => Math.round(v)), value: r.value }
      continue
    }
    const v = r.x[branch]!
    const down = { lower: node.lower, upper: [...node.upper] }
    down.upper[branch] = Math.floor(v)
    const up = { lower: [...node.lower], upper: node.upper }
    up.lower[branch] = Math.ceil(v)
    // Explore the lower side first (pushed last): counts are bounded below, and diving upwards on an
    // unbounded variable need never end.
    stack.push(up, down)
  }
  if (unbounded) return { status: "unbounded" }
  if (best !== undefined && (!hitLimit || options.firstFeasible === true))
    return { status: "optimal", x: best.x, value: best.value }
  if (hitLimit) return { status: "limit" }
  return { status: "infeasible" }
}
