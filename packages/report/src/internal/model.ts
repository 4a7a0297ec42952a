/** Building a report's disclosure model: count tables with their margins, standalone figures, relations (private). */
import { type Constraint, type CountTable, grid, type Quantity } from "../Suppression.js"

interface Placed {
  readonly table: CountTable
  readonly grid: ReadonlyArray<ReadonlyArray<number>>
  readonly base: number
  readonly m: number
  readonly n: number
}

export class ModelBuilder {
  readonly quantities: Array<Quantity> = []
  readonly constraints: Array<Constraint> = []
  readonly tables = new Map<string, Placed>()
  readonly figures = new Map<string, number>()

  /** Add a table of children: a quantity per grid cell (interior and margins) and its margin constraints. */
  table(id: string, table: CountTable): void {
    const g = grid(table)
    const m = table.rows.length
    const n = table.columns.length
    const base = this.quantities.length
    for (const [r, row] of g.entries())
      for (const [c, value] of row.entries())
        this.quantities.push({
          label: `${id} [${r < m ? table.rows[r] : "Total"} × ${c < n ? table.columns[c] : "Total"}]`,
          value,
          persons: true,
          ...(r === m && c === n ? { cost: value * 1000 } : {})
        })
    this.tables.set(id, { table, grid: g, base, m, n })
    const at = (r: number, c: number) => base + r * (n + 1) + c
    for (let r = 0; r <= m; r++)
      this.constraints.push({
        terms: [...Array.from({ length: n }, (_, c) => [at(r, c), 1] as const), [at(r, n), -1] as const],
        op: "=",
        rhs: 0,
        label: `${id}: row ${r < m ? table.rows[r] : "Total"} adds up to its total`
      })
    for (let c = 0; c < n; c++)
      this.constraints.push({
        terms: [...Array.from({ length: m }, (_, r) => [at(r, c), 1] as const), [at(m, c), -1] as const],
        op: "=",
        rhs: 0,
        label: `${id}: column ${table.columns[c]} adds up to its total`
      })
  }

  /** A standalone published count. */
  figure(id: string, value: number, persons: boolean, cost?: number): number {
    const i = this.quantities.length
    this.quantities.push({ label: id, value, persons, ...(cost === undefined ? {} : { cost }) })
    this.figures.set(id, i)
    return i
  }

  /** Quantity index of a table's grid cell (`row = m`: column totals; `column = n`: row totals). */
  at(id: string, row: number, column: number): number {
    const t = this.tables.get(id)
    if (t === undefined || row < 0 || row > t.m || column < 0 || column > t.n)
      throw new RangeError(`no cell ${id} (${row}, ${column})`)
    return t.base + row * (t.n + 1) + column
  }

  cell(id: string, row: number, column: number): number {
    return this.at(id, row, column)
  }
  rowTotal(id: string, row: number): number {
    return this.at(id, row, this.tables.get(id)!.n)
  }
  columnTotal(id: string, column: number): number {
    return this.at(id, this.tables.get(id)!.m, column)
  }
  total(id: string): number {
    const t = this.tables.get(id)!
    return this.at(id, t.m, t.n)
  }

  private add(left: ReadonlyArray<number>, right: ReadonlyArray<number>, op: "=" | "<=", rhs: number, label: string) {
    const terms = new Map<number, number>()
    for (const q of left) terms.set(q, (terms.get(q) ?? 0) + 1)
    for (const q of right) terms.set(q, (terms.get(q) ?? 0) - 1)
    const list = [...terms.entries()].filter(([, a]) => a !== 0)
    if (list.length === 0) return
    this.constraints.push({ terms: list, op, rhs, label })
  }

  /** `Σ left = Σ right`. */
  equal(left: ReadonlyArray<number>, right: ReadonlyArray<number>, label: string): void {
    this.add(left, right, "=", 0, label)
  }

  /** `Σ left ≤ Σ right`. */
  atMost(left: ReadonlyArray<number>, right: ReadonlyArray<number>, label: string): void {
    this.add(left, right, "<=", 0, label)
  }

  /** `q ≤ value` or `q ≥ value`. */
  bound(q: number, op: "<=" | ">=", value: number, label: string): void {
    this.constraints.push(
      op === "<="
        ? { terms: [[q, 1]], op: "<=", rhs: value, label }
        : { terms: [[q, -1]], op: "<=", rhs: -value, label }
    )
  }
}
