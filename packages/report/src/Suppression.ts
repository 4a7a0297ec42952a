/**
 * Small-cell suppression that holds against an integer-programming attacker.
 *
 * **What is protected.** Every published count of children (persons) with
 * `0 < n < k` (`k` = the profile's `reporting.smallCellK`) is suppressed
 * (primary suppression). The attacker is assumed to know *everything the same
 * report publishes*: every table with its row, column and grand totals, the
 * linear relations between tables (the same children counted in several
 * tables: shared totals, a province being the sum of its districts, open
 * cases = caseload, …), bounds the report states (e.g. which social workers
 * are over the maximum caseload), that counts are non-negative whole numbers,
 * and that zeros are published, so that every suppressed count is at least 1.
 * Given all that, the attacker's feasible range `[lo, hi]` of each primary
 * count must reach the **protection level** `L` (the profile's
 * `reporting.protectionLevel`, by default equal to `k`): `hi ≥ L`. As the true
 * count is below `k`, the range then holds both a value below `k` and one at
 * or above it: the report is consistent with the count being large enough to
 * publish, and no small count can be worked out or bounded below `L`.
 * Complementary suppressions (counts of at least `k` hidden to protect a small
 * one) carry no protection requirement of their own: their value could have
 * been published.
 *
 * **How.** The report is one {@link DisclosureModel}: quantities (every cell
 * and margin of every table, plus standalone figures) and linear constraints
 * (table margins, links between tables, stated bounds). {@link protect} takes
 * the primary counts and, for each, asks an integer program whether some
 * non-negative integer table consistent with everything published has that
 * count at `L` or more (every other suppressed count at least 1). When none
 * exists it solves, as an integer program, for the cheapest change to
 * published counts (cost: the count itself, so small counts go first; grand
 * totals last) that makes one exist, and suppresses the counts that changed.
 * Suppressing more only widens the attacker's ranges, so each count, once
 * protected, stays protected. {@link audit} is the attacker: it computes each
 * suppressed count's range by integer programming; {@link lpFormat} writes the
 * same model in CPLEX LP format for any external solver (the test suite checks
 * every report with HiGHS).
 *
 * **Zeros** are published, never suppressed: a zero is not a small count of
 * identifiable children, and a policy of never suppressing zeros is what lets
 * the attacker (and this module) assume every suppressed count is at least 1.
 *
 * @since 0.1.0
 */
import { type LinearProgram, type Row, solveIlp, solveLp } from "./internal/lp.js"

/**
 * A count table before suppression (plain counts, rows × columns).
 *
 * @since 0.1.0
 */
export interface CountTable {
  readonly rows: ReadonlyArray<string>
  readonly columns: ReadonlyArray<string>
  /** `cells[row][column]`: non-negative integer counts. */
  readonly cells: ReadonlyArray<ReadonlyArray<number>>
}

/**
 * A published table: suppressed counts are `null`. Margins are published
 * (or suppressed) with the same protection.
 *
 * @since 0.1.0
 */
export interface PublishedTable {
  readonly rows: ReadonlyArray<string>
  readonly columns: ReadonlyArray<string>
  readonly cells: ReadonlyArray<ReadonlyArray<number | null>>
  readonly rowTotals: ReadonlyArray<number | null>
  readonly columnTotals: ReadonlyArray<number | null>
  readonly total: number | null
  /** How many counts (cells and margins) are suppressed. */
  readonly suppressed: number
}

/**
 * The full grid of a table: interior, row totals (last column), column totals
 * (last row) and the grand total (bottom right).
 *
 * @example
 * ```ts
 * import { Suppression } from "@homeward/report"
 *
 * const table = { rows: ["boys", "girls"], columns: ["reunified", "in care"], cells: [[2, 10], [8, 9]] }
 * Suppression.grid(table) // [[2, 10, 12], [8, 9, 17], [10, 19, 29]]
 * ```
 *
 * @since 0.1.0
 */
export const grid = (table: CountTable): Array<Array<number>> => {
  const m = table.rows.length
  const n = table.columns.length
  const g: Array<Array<number>> = []
  for (let r = 0; r <= m; r++) g.push(new Array<number>(n + 1).fill(0))
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < n; c++) {
      const v = table.cells[r]?.[c] ?? 0
      if (!Number.isInteger(v) || v < 0) throw new RangeError("counts must be non-negative integers")
      g[r]![c] = v
      g[r]![n]! += v
      g[m]![c]! += v
      g[m]![n]! += v
    }
  }
  return g
}

// ---------------------------------------------------------------------------
// The disclosure model

/**
 * One published quantity: a count with its true value. `persons` marks a
 * count of children (primary-suppressed when `0 < value < k`); other counts
 * (e.g. of events) are never primary but may be suppressed to protect one.
 * `cost` is what suppressing it costs (default: its value).
 *
 * @since 0.1.0
 */
export interface Quantity {
  readonly label: string
  readonly value: number
  readonly persons: boolean
  readonly cost?: number
}

/**
 * A linear constraint between quantities that the reader of a report knows:
 * `Σ coefficient × quantity  op  rhs`.
 *
 * @since 0.1.0
 */
export interface Constraint {
  readonly terms: ReadonlyArray<readonly [quantity: number, coefficient: number]>
  readonly op: "=" | "<="
  readonly rhs: number
  /** What the constraint says (for reading an audit). */
  readonly label?: string
}

/**
 * Everything a report publishes as a system of linear constraints: the
 * attacker's knowledge, apart from the published values themselves.
 *
 * @since 0.1.0
 */
export interface DisclosureModel {
  readonly quantities: ReadonlyArray<Quantity>
  readonly constraints: ReadonlyArray<Constraint>
}

/**
 * The parameters of protection: `k` (counts of children `0 < n < k` are
 * suppressed) and the protection level `level` (each of them must be
 * compatible with a count of at least `level`).
 *
 * @since 0.1.0
 */
export interface Protection {
  readonly k: number
  readonly level: number
}

/**
 * The result of {@link protect}: which quantities are suppressed, which of
 * them are primary, and the primary quantities that could not be protected
 * (always empty unless the constraints themselves cap a count below the
 * level, e.g. a stated bound).
 *
 * @since 0.1.0
 */
export interface Protected {
  readonly suppressed: ReadonlyArray<boolean>
  readonly primary: ReadonlyArray<boolean>
  readonly unprotected: ReadonlyArray<number>
}

/**
 * A suppressed quantity's feasible range for the attacker (`hi` may be
 * `Infinity`); `exact: false` when the integer program hit its node limit and
 * the range is the linear relaxation's (wider, never narrower).
 *
 * @since 0.1.0
 */
export interface Range {
  readonly lo: number
  readonly hi: number
  readonly exact: boolean
}

/** For each quantity, the constraints it appears in. */
const incidence = (model: DisclosureModel): Array<Array<number>> => {
  const out: Array<Array<number>> = model.quantities.map(() => [])
  model.constraints.forEach((c, k) => {
    for (const [q] of c.terms) out[q]!.push(k)
  })
  return out
}

/**
 * The suppressed quantities linked to `p` through constraints that hold
 * suppressed quantities (its connected component): the attacker's problem for
 * `p` involves only them, the rest being published constants or independent.
 */
const componentOf = (
  model: DisclosureModel,
  inc: ReadonlyArray<ReadonlyArray<number>>,
  suppressed: ReadonlyArray<boolean>,
  p: number
): Set<number> => {
  const seen = new Set<number>([p])
  const queue = [p]
  while (queue.length > 0) {
    const q = queue.pop()!
    for (const k of inc[q]!)
      for (const [r] of model.constraints[k]!.terms)
        if (suppressed[r] && !seen.has(r)) {
          seen.add(r)
          queue.push(r)
        }
  }
  return seen
}

/** The integer program over (some of) the suppressed quantities, published ones substituted. */
const attackProgram = (
  model: DisclosureModel,
  suppressed: ReadonlyArray<boolean>,
  lowerOf: (i: number) => number,
  only?: ReadonlySet<number>
): { lp: Omit<LinearProgram, "objective">; index: Map<number, number> } => {
  const index = new Map<number, number>()
  model.quantities.forEach((_, i) => {
    if (suppressed[i] && (only === undefined || only.has(i))) index.set(i, index.size)
  })
  const rows: Array<Row> = []
  for (const c of model.constraints) {
    let rhs = c.rhs
    const terms: Array<readonly [number, number]> = []
    let other = false
    for (const [q, a] of c.terms) {
      const j = index.get(q)
      if (j !== undefined) terms.push([j, a])
      else if (suppressed[q])
        other = true // a constraint of another component
      else rhs -= a * model.quantities[q]!.value
    }
    if (terms.length === 0 || other) continue
    rows.push({ terms, op: c.op, rhs })
  }
  const lower = [...index.keys()].map(lowerOf)
  return { lp: { n: index.size, rows, lower }, index }
}

/**
 * The attacker: each suppressed quantity's range `[lo, hi]` over all
 * non-negative integer solutions of the model that match every published
 * value, with every suppressed quantity at least 1 (zeros are published).
 * `undefined` for a published quantity.
 *
 * @example
 * ```ts
 * import { Suppression } from "@homeward/report"
 *
 * const table = { rows: ["boys", "girls"], columns: ["reunified", "in care"], cells: [[2, 10], [8, 9]] }
 * const { model } = Suppression.tablesModel([table])
 * const p = Suppression.protect(model, { k: 5, level: 5 })
 * Suppression.audit(model, p.suppressed)[0] // { lo: 1, hi: 9, exact: true }: the 2 could be up to 9
 * ```
 *
 * @since 0.1.0
 */
export const audit = (model: DisclosureModel, suppressed: ReadonlyArray<boolean>): Array<Range | undefined> => {
  const inc = incidence(model)
  const programs = new Map<number, ReturnType<typeof attackProgram>>()
  return model.quantities.map((_, i) => {
    if (!suppressed[i]) return undefined
    let program = programs.get(i)
    if (program === undefined) {
      const comp = componentOf(model, inc, suppressed, i)
      program = attackProgram(model, suppressed, () => 1, comp)
      for (const q of comp) programs.set(q, program)
    }
    const { lp, index } = program
    const j = index.get(i)!
    const objective = (sign: number) => Array.from({ length: lp.n }, (_, v) => (v === j ? sign : 0))
    const bound = (sign: number): { v: number; exact: boolean } => {
      const r = solveIlp({ ...lp, objective: objective(sign) })
      if (r.status === "optimal") return { v: sign * r.value, exact: true }
      if (r.status === "unbounded") return { v: sign * Number.NEGATIVE_INFINITY, exact: true }
      if (r.status === "infeasible") return { v: Number.NaN, exact: true }
      const relaxed = solveLp({ ...lp, objective: objective(sign) })
      if (relaxed.status === "optimal")
        return { v: sign > 0 ? Math.ceil(relaxed.value - 1e-7) : -Math.floor(-relaxed.value + 1e-7), exact: false }
      return { v: sign * Number.NEGATIVE_INFINITY, exact: false }
    }
    const lo = bound(1)
    const hi = bound(-1)
    return { lo: lo.v, hi: hi.v, exact: lo.exact && hi.exact }
  })
}

/**
 * Protect a model: suppress every primary quantity (a count of persons with
 * `0 < value < k`) and enough others that each primary one's feasible range
 * reaches `level` (see the module documentation). `initial` marks quantities
 * to suppress from the start.
 *
 * @example
 * ```ts
 * import { Suppression } from "@homeward/report"
 *
 * const table = { rows: ["boys", "girls"], columns: ["reunified", "in care"], cells: [[2, 10], [8, 9]] }
 * const { model } = Suppression.tablesModel([table])
 * const p = Suppression.protect(model, { k: 5, level: 5 })
 * p.suppressed.filter(Boolean).length // 4: the 2 and enough others to hide it
 * ```
 *
 * @since 0.1.0
 */
export const protect = (
  model: DisclosureModel,
  protection: Protection,
  initial: ReadonlyArray<boolean> = []
): Protected => {
  const qs = model.quantities
  for (const q of qs)
    if (!Number.isInteger(q.value) || q.value < 0) throw new RangeError("counts must be non-negative integers")
  const primary = qs.map((q) => q.persons && q.value > 0 && q.value < protection.k)
  const suppressed = qs.map((q, i) => primary[i]! || (initial[i] === true && q.value > 0))
  const unprotected: Array<number> = []
  const inc = incidence(model)
  const order = qs.map((_, i) => i).filter((i) => primary[i])
  order.sort((a, b) => qs[a]!.value - qs[b]!.value || a - b)
  for (const p of order) {
    const level = Math.max(protection.level, qs[p]!.value)
    // 1. Is p already protected? (an integer solution with x_p ≥ level, over p's component)
    const comp = componentOf(model, inc, suppressed, p)
    const check = attackProgram(model, suppressed, (i) => (i === p ? level : 1), comp)
    const feasible = solveIlp(
      { ...check.lp, objective: new Array<number>(check.lp.n).fill(0) },
      { firstFeasible: true }
    )
    if (feasible.status === "optimal" || feasible.status === "unbounded") continue
    // 2. The cheapest change to published non-zero quantities near p (then farther, then anywhere) that makes one exist.
    let released: ReadonlyArray<number> | undefined
    let near: Set<number> = comp
    for (let radius = 1; radius <= 3 && released === undefined; radius++) {
      near = neighbourhood(model, inc, near)
      released = release(model, suppressed, p, level, near)
    }
    if (released === undefined) released = release(model, suppressed, p, level)
    if (released === undefined) {
      unprotected.push(p)
      continue
    }
    for (const i of released) suppressed[i] = true
  }
  return { suppressed, primary, unprotected }
}

/** A quantity far costlier to suppress than its count (a grand total, a headline figure): only in the last resort. */
const headline = (q: Quantity): boolean => (q.cost ?? q.value) >= 100 * q.value

/** The quantities sharing a constraint with any of `from` (and `from` itself). */
const neighbourhood = (
  model: DisclosureModel,
  inc: ReadonlyArray<ReadonlyArray<number>>,
  from: ReadonlySet<number>
): Set<number> => {
  const out = new Set(from)
  for (const q of from) for (const k of inc[q]!) for (const [r] of model.constraints[k]!.terms) out.add(r)
  return out
}

/**
 * Quantities to suppress so that `p` can reach `level`; undefined when no
 * change to published counts can. With `near`, only the published quantities
 * in it may change, headline ones excepted (the others stay as published): a
 * witness found so is a witness of the whole model.
 */
const release = (
  model: DisclosureModel,
  suppressed: ReadonlyArray<boolean>,
  p: number,
  level: number,
  near?: ReadonlySet<number>
): ReadonlyArray<number> | undefined => {
  const qs = model.quantities
  // Variables: x_i for suppressed i (≥ 1, x_p ≥ level); for published non-zero j, up_j ≥ 0 and down_j ∈ [0, v_j − 1]
  // with x_j = v_j + up_j − down_j (so x_j ≥ 1 once suppressed). Published zeros stay 0.
  const col = new Map<number, number>()
  const lower: Array<number> = []
  const upper: Array<number> = []
  const objective: Array<number> = []
  const movable: Array<number> = []
  qs.forEach((q, i) => {
    if (suppressed[i]) {
      col.set(i, lower.length)
      lower.push(i === p ? level : 1)
      upper.push(Number.POSITIVE_INFINITY)
      objective.push(0)
    } else if (q.value > 0 && (near === undefined || (near.has(i) && !headline(q)))) {
      col.set(i, lower.length)
      movable.push(i)
      const cost = Math.max(1e-3, q.cost ?? q.value)
      lower.push(0, 0)
      upper.push(Number.POSITIVE_INFINITY, q.value - 1)
      objective.push(cost, cost)
    }
  })
  const rows: Array<Row> = []
  for (const c of model.constraints) {
    let rhs = c.rhs
    const terms: Array<readonly [number, number]> = []
    for (const [q, a] of c.terms) {
      const j = col.get(q)
      if (j === undefined) {
        rhs -= a * qs[q]!.value // a published zero, or a published count kept as it is
        continue
      }
      if (suppressed[q]) terms.push([j, a])
      else {
        rhs -= a * qs[q]!.value
        terms.push([j, a], [j + 1, -a])
      }
    }
    if (terms.length === 0) continue
    rows.push({ terms, op: c.op, rhs })
  }
  const lp: LinearProgram = { n: lower.length, objective, rows, lower, upper }
  let r = solveLp(lp)
  if (r.status === "optimal" && r.x.some((v) => Math.abs(v - Math.round(v)) > 1e-6))
    r = solveIlp(lp, { firstFeasible: true, maxNodes: 2_000 })
  if (r.status === "infeasible" || r.status === "unbounded") return undefined
  if (r.status === "limit") return movable // fail safe: suppress every published non-zero quantity
  const x = r.x
  return movable.filter((i) => {
    const j = col.get(i)!
    return x[j]! > 0.5 || x[j + 1]! > 0.5
  })
}

const fmt = (a: number): string => (Number.isInteger(a) ? String(a) : a.toFixed(12).replace(/0+$/, ""))

/**
 * The attacker's model in CPLEX LP format, for any external solver: a
 * variable `q<i>` per quantity, published ones fixed at their value,
 * suppressed ones at least 1, all integers, and an objective (by default
 * none: a feasibility problem).
 *
 * @example
 * ```ts
 * import { Suppression } from "@homeward/report"
 *
 * const table = { rows: ["boys", "girls"], columns: ["reunified", "in care"], cells: [[2, 10], [8, 9]] }
 * const { model } = Suppression.tablesModel([table])
 * const p = Suppression.protect(model, { k: 5, level: 5 })
 * console.log(Suppression.lpFormat(model, p.suppressed, { sense: "max", quantity: 0 }))
 * ```
 *
 * @since 0.1.0
 */
export const lpFormat = (
  model: DisclosureModel,
  suppressed: ReadonlyArray<boolean>,
  objective?: { readonly sense: "min" | "max"; readonly quantity: number }
): string => {
  const v = (i: number) => `q${i}`
  const term = (a: number, i: number, first: boolean) =>
    `${a < 0 ? "- " : first ? "" : "+ "}${Math.abs(a) === 1 ? "" : `${fmt(Math.abs(a))} `}${v(i)}`
  const lines: Array<string> = [
    objective?.sense === "max" ? "Maximize" : "Minimize",
    ` obj: ${objective === undefined ? "0 q0" : v(objective.quantity)}`,
    "Subject To"
  ]
  model.constraints.forEach((c, n) => {
    if (c.terms.length === 0) return
    const lhs = c.terms.map(([i, a], k) => term(a, i, k === 0)).join(" ")
    lines.push(` c${n}: ${lhs} ${c.op === "=" ? "=" : "<="} ${fmt(c.rhs)}`)
  })
  lines.push("Bounds")
  model.quantities.forEach((q, i) => {
    lines.push(suppressed[i] ? ` ${v(i)} >= 1` : ` ${v(i)} = ${q.value}`)
  })
  lines.push("General", ` ${model.quantities.map((_, i) => v(i)).join(" ")}`, "End")
  return `${lines.join("\n")}\n`
}

// ---------------------------------------------------------------------------
// Tables

/**
 * A cell of one of several linked tables, in grid coordinates (see
 * {@link grid}: row `m` holds the column totals, column `n` the row totals).
 *
 * @since 0.1.0
 */
export interface CellRef {
  readonly table: number
  readonly row: number
  readonly column: number
}

/**
 * A linear relation between cells of linked tables: `sum(left) = sum(right)`
 * (for example the same column total published in two tables), or
 * `sum(left) ≤ sum(right)` with `op: "<="` (a subset of the same children).
 *
 * @since 0.1.0
 */
export interface Relation {
  readonly left: ReadonlyArray<CellRef>
  readonly right: ReadonlyArray<CellRef>
  readonly op?: "=" | "<="
  readonly label?: string
}

/**
 * The disclosure model of linked tables: a quantity per grid cell of each
 * table (interior and margins, in row-major grid order, table after table),
 * each row and column of each grid as a constraint (parts sum to the total),
 * and the relations. `at(table, row, column)` is a cell's quantity index.
 *
 * @example
 * ```ts
 * import { Suppression } from "@homeward/report"
 *
 * const table = { rows: ["boys", "girls"], columns: ["reunified", "in care"], cells: [[2, 10], [8, 9]] }
 * const { model, at } = Suppression.tablesModel([table])
 * model.quantities.length // 9: the 3 × 3 grid
 * at(0, 0, 0) // 0: the quantity of "boys, reunified"
 * ```
 *
 * @since 0.1.0
 */
export const tablesModel = (
  tables: ReadonlyArray<CountTable>,
  relations: ReadonlyArray<Relation> = [],
  options: { readonly label?: (table: number) => string; readonly persons?: (table: number) => boolean } = {}
): {
  readonly model: DisclosureModel
  /** The quantity index of a grid cell of a table. */
  readonly at: (table: number, row: number, column: number) => number
} => {
  const quantities: Array<Quantity> = []
  const constraints: Array<Constraint> = []
  const offsets: Array<number> = []
  tables.forEach((t, ti) => {
    const g = grid(t)
    const m = t.rows.length
    const n = t.columns.length
    const base = quantities.length
    offsets.push(base)
    const name = options.label?.(ti) ?? `table ${ti}`
    const persons = options.persons?.(ti) ?? true
    for (const [r, row] of g.entries())
      for (const [c, value] of row.entries()) {
        const grand = r === m && c === n
        quantities.push({
          label: `${name} [${r < m ? t.rows[r] : "Total"} × ${c < n ? t.columns[c] : "Total"}]`,
          value,
          persons,
          ...(grand ? { cost: value * 1000 } : {})
        })
      }
    const at = (r: number, c: number) => base + r * (n + 1) + c
    for (let r = 0; r <= m; r++)
      constraints.push({
        terms: [...Array.from({ length: n }, (_, c) => [at(r, c), 1] as const), [at(r, n), -1] as const],
        op: "=",
        rhs: 0,
        label: `${name}: row ${r < m ? t.rows[r] : "Total"} sums to its total`
      })
    for (let c = 0; c < n; c++)
      constraints.push({
        terms: [...Array.from({ length: m }, (_, r) => [at(r, c), 1] as const), [at(m, c), -1] as const],
        op: "=",
        rhs: 0,
        label: `${name}: column ${t.columns[c]} sums to its total`
      })
  })
  const at = (table: number, row: number, column: number): number => {
    const t = tables[table]
    if (t === undefined || row < 0 || row > t.rows.length || column < 0 || column > t.columns.length)
      throw new RangeError(`no cell (${table}, ${row}, ${column})`)
    return offsets[table]! + row * (t.columns.length + 1) + column
  }
  for (const rel of relations) {
    const terms = new Map<number, number>()
    for (const c of rel.left)
      terms.set(at(c.table, c.row, c.column), (terms.get(at(c.table, c.row, c.column)) ?? 0) + 1)
    for (const c of rel.right)
      terms.set(at(c.table, c.row, c.column), (terms.get(at(c.table, c.row, c.column)) ?? 0) - 1)
    const list = [...terms.entries()].filter(([, a]) => a !== 0)
    if (list.length === 0) continue
    constraints.push({
      terms: list,
      op: rel.op ?? "=",
      rhs: 0,
      ...(rel.label === undefined ? {} : { label: rel.label })
    })
  }
  return { model: { quantities, constraints }, at }
}

/** A table as published, from its grid and the suppression marks of its quantities. */
const publishedOf = (
  t: CountTable,
  g: ReadonlyArray<ReadonlyArray<number>>,
  hidden: (r: number, c: number) => boolean
) => {
  const m = t.rows.length
  const n = t.columns.length
  const pub = (r: number, c: number): number | null => (hidden(r, c) ? null : g[r]![c]!)
  let suppressed = 0
  for (let r = 0; r <= m; r++) for (let c = 0; c <= n; c++) if (hidden(r, c)) suppressed++
  return {
    rows: [...t.rows],
    columns: [...t.columns],
    cells: t.rows.map((_, r) => t.columns.map((_, c) => pub(r, c))),
    rowTotals: t.rows.map((_, r) => pub(r, n)),
    columnTotals: t.columns.map((_, c) => pub(m, c)),
    total: pub(m, n),
    suppressed
  }
}

/**
 * Suppress several tables that share quantities, as one model (see
 * {@link tablesModel} and {@link protect}): every count of children below
 * `k` is suppressed, and enough others that, given all the tables and the
 * relations, each could be at least `level` (default `k`).
 *
 * @example
 * ```ts
 * import { Suppression } from "@homeward/report"
 *
 * const table = { rows: ["boys", "girls"], columns: ["reunified", "in care"], cells: [[2, 10], [8, 9]] }
 * const byAge = { rows: ["0-11", "12-17"], columns: ["reunified", "in care"], cells: [[4, 12], [6, 7]] }
 * // both tables count the same children: their "reunified" totals are equal
 * const [a, b] = Suppression.suppressLinked([table, byAge], 5, [
 *   { left: [{ table: 0, row: 2, column: 0 }], right: [{ table: 1, row: 2, column: 0 }] }
 * ])
 * ```
 *
 * @since 0.1.0
 */
export const suppressLinked = (
  tables: ReadonlyArray<CountTable>,
  k: number,
  relations: ReadonlyArray<Relation>,
  level: number = k
): Array<PublishedTable> => {
  const { model, at } = tablesModel(tables, relations)
  const { suppressed } = protect(model, { k, level })
  return tables.map((t, ti) => publishedOf(t, grid(t), (r, c) => suppressed[at(ti, r, c)]!))
}

/**
 * The suppression pattern of a table's full grid (see {@link grid}): `true`
 * where the count is suppressed. `forced` cells (non-zero) are suppressed
 * from the start.
 *
 * @example
 * ```ts
 * import { Suppression } from "@homeward/report"
 *
 * const table = { rows: ["boys", "girls"], columns: ["reunified", "in care"], cells: [[2, 10], [8, 9]] }
 * Suppression.pattern(table, 5)[0]?.[0] // true: 2 < 5
 * ```
 *
 * @since 0.1.0
 */
export const pattern = (
  table: CountTable,
  k: number,
  forced: ReadonlyArray<readonly [number, number]> = [],
  level: number = k
): Array<Array<boolean>> => {
  const { model, at } = tablesModel([table])
  const initial = model.quantities.map(() => false)
  for (const [r, c] of forced) initial[at(0, r, c)] = true
  const { suppressed } = protect(model, { k, level }, initial)
  const g = grid(table)
  return g.map((row, r) => row.map((_, c) => suppressed[at(0, r, c)]!))
}

/**
 * Suppress a table: counts below `k` (and the complements that protect them)
 * become `null`.
 *
 * @example
 * ```ts
 * import { Suppression } from "@homeward/report"
 *
 * const t = Suppression.suppress({ rows: ["A", "B"], columns: ["x", "y"], cells: [[2, 10], [8, 9]] }, 5)
 * t.cells[0]?.[0] // null (2 < 5), and enough other cells that it could be 5 or more
 * ```
 *
 * @since 0.1.0
 */
export const suppress = (
  table: CountTable,
  k: number,
  forced: ReadonlyArray<readonly [number, number]> = [],
  level: number = k
): PublishedTable => {
  const mark = pattern(table, k, forced, level)
  return publishedOf(table, grid(table), (r, c) => mark[r]![c]!)
}

/**
 * Suppress a single published count (a headline figure): `null` when below
 * `k` (zero is published).
 *
 * @example
 * ```ts
 * import { Suppression } from "@homeward/report"
 *
 * Suppression.suppressCount(3, 5) // null
 * Suppression.suppressCount(0, 5) // 0: zero is published
 * Suppression.suppressCount(12, 5) // 12
 * ```
 *
 * @since 0.1.0
 */
export const suppressCount = (value: number, k: number): number | null => (value > 0 && value < k ? null : value)
