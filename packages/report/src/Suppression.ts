/**
 * Small-cell suppression for published count tables: primary suppression of
 * every count below `k` (the policy profile's `reporting.smallCellK`), then
 * complementary suppression so that the published cells and margins (row,
 * column and grand totals) cannot be used to recover a suppressed count.
 *
 * Model: a table of `m` rows and `n` columns with its row totals, column
 * totals and grand total is an `(m+1) × (n+1)` grid; every row and column of
 * the grid is a linear constraint (parts sum to the total). Read as a
 * bipartite graph (grid rows and columns are nodes, suppressed cells are
 * edges), a suppressed cell's value is fixed by the published cells exactly
 * when its edge is a *bridge* (lies on no cycle). Complementary suppression
 * therefore repeats, to a fixed point: take a bridge, and suppress the
 * cheapest path of non-zero published cells (cost: the cell's value, so small
 * cells go first) that closes a cycle through it. Every suppressed cell is
 * then on a cycle of suppressed cells that are all at least 1, so adding and
 * subtracting 1 alternately around it gives another non-negative integer table
 * with the same published cells: no suppressed cell can be recovered, and each
 * could be one more or one less than it is. (A line with a single suppressed
 * cell, the simplest disclosure, is a special case of a bridge.)
 *
 * Zeros: a zero count is published, never primarily suppressed (it is not a
 * small count of identifiable children) and never chosen as a complement (a
 * suppressed zero could only move up, which would narrow the other cells'
 * ranges). A zero next to a small total can still tell that "none of these
 * children" are in a category; when that total is itself below `k` it is
 * suppressed.
 *
 * @since 0.1.0
 */

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

/** Bridges among the edges `(r, c)` with `mark[r][c]` (rows are nodes 0..R-1, columns R..R+C-1). */
const bridges = (mark: ReadonlyArray<ReadonlyArray<boolean>>): Array<readonly [number, number]> => {
  const R = mark.length
  const C = mark[0]?.length ?? 0
  const adj: Array<Array<readonly [number, number]>> = Array.from({ length: R + C }, () => [])
  let id = 0
  const edges: Array<readonly [number, number]> = []
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++)
      if (mark[r]![c]) {
        adj[r]!.push([R + c, id])
        adj[R + c]!.push([r, id])
        edges.push([r, c])
        id++
      }
  const disc = new Array<number>(R + C).fill(-1)
  const low = new Array<number>(R + C).fill(0)
  const out: Array<readonly [number, number]> = []
  let time = 0
  // Iterative DFS (Tarjan).
  for (let s = 0; s < R + C; s++) {
    if (disc[s] !== -1) continue
    const stack: Array<{ v: number; via: number; i: number }> = [{ v: s, via: -1, i: 0 }]
    disc[s] = low[s] = time++
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const next = adj[top.v]![top.i++]
      if (next !== undefined) {
        const [w, e] = next
        if (e === top.via) continue
        if (disc[w] === -1) {
          disc[w] = low[w] = time++
          stack.push({ v: w, via: e, i: 0 })
        } else low[top.v] = Math.min(low[top.v]!, disc[w]!)
      } else {
        stack.pop()
        const parent = stack[stack.length - 1]
        if (parent !== undefined) {
          low[parent.v] = Math.min(low[parent.v]!, low[top.v]!)
          if (low[top.v]! > disc[parent.v]!) out.push(edges[top.via]!)
        }
      }
    }
  }
  return out
}

/** Cheapest path from row node `r` to column node `c` over non-zero cells, avoiding the cell (r, c). */
const closingPath = (
  g: ReadonlyArray<ReadonlyArray<number>>,
  mark: ReadonlyArray<ReadonlyArray<boolean>>,
  r0: number,
  c0: number
): Array<readonly [number, number]> | undefined => {
  const R = g.length
  const C = g[0]?.length ?? 0
  const N = R + C
  const dist = new Array<number>(N).fill(Number.POSITIVE_INFINITY)
  const prev = new Array<number>(N).fill(-1)
  const done = new Array<boolean>(N).fill(false)
  dist[r0] = 0
  for (;;) {
    let u = -1
    for (let i = 0; i < N; i++)
      if (!done[i] && dist[i]! < Number.POSITIVE_INFINITY && (u < 0 || dist[i]! < dist[u]!)) u = i
    if (u < 0) return undefined
    if (u === R + c0) break
    done[u] = true
    const neighbours: Array<number> =
      u < R ? Array.from({ length: C }, (_, c) => R + c) : Array.from({ length: R }, (_, r) => r)
    for (const w of neighbours) {
      const r = u < R ? u : w
      const c = u < R ? w - R : u - R
      if (r === r0 && c === c0) continue
      const v = g[r]![c]!
      if (v <= 0) continue
      // Already suppressed cells are free; a tiny per-edge cost prefers shorter paths.
      // The grand total is the last resort (it is the headline figure other sections repeat).
      const grand = r === R - 1 && c === C - 1
      const cost = (mark[r]![c] ? 0 : grand ? v * 1000 : v) + 1e-6
      if (dist[u]! + cost < dist[w]!) {
        dist[w] = dist[u]! + cost
        prev[w] = u
      }
    }
  }
  const path: Array<readonly [number, number]> = []
  let w = R + c0
  while (w !== r0) {
    const u = prev[w]!
    path.push(u < R ? [u, w - R] : [w, u - R])
    w = u
  }
  return path
}

/**
 * The suppression pattern of a table's full grid (see {@link grid}): `true`
 * where the count is suppressed.
 *
 * @since 0.1.0
 */
export const pattern = (
  table: CountTable,
  k: number,
  forced: ReadonlyArray<readonly [number, number]> = []
): Array<Array<boolean>> => {
  const g = grid(table)
  const mark = g.map((row) => row.map((v) => v > 0 && v < k))
  for (const [r, c] of forced) if ((g[r]?.[c] ?? 0) > 0) mark[r]![c] = true
  for (let guard = 0; guard < 10_000; guard++) {
    const bs = bridges(mark)
    const b = bs[0]
    if (b === undefined) return mark
    const path = closingPath(g, mark, b[0], b[1])
    if (path === undefined) {
      // Cannot happen for a consistent table (the margins always close a cycle);
      // fail safe: suppress every non-zero count.
      return g.map((row) => row.map((v) => v > 0))
    }
    for (const [r, c] of path) mark[r]![c] = true
  }
  return g.map((row) => row.map((v) => v > 0))
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
 * t.cells[0]?.[0] // null (2 < 5), and enough other cells to protect it
 * ```
 *
 * @since 0.1.0
 */
export const suppress = (
  table: CountTable,
  k: number,
  forced: ReadonlyArray<readonly [number, number]> = []
): PublishedTable => {
  const g = grid(table)
  const mark = pattern(table, k, forced)
  const m = table.rows.length
  const n = table.columns.length
  const pub = (r: number, c: number): number | null => (mark[r]![c] ? null : g[r]![c]!)
  let suppressed = 0
  for (const row of mark) for (const x of row) if (x) suppressed++
  return {
    rows: [...table.rows],
    columns: [...table.columns],
    cells: table.rows.map((_, r) => table.columns.map((_, c) => pub(r, c))),
    rowTotals: table.rows.map((_, r) => pub(r, n)),
    columnTotals: table.columns.map((_, c) => pub(m, c)),
    total: pub(m, n),
    suppressed
  }
}

/**
 * Suppress a single published count (a headline figure): `null` when below
 * `k` (zero is published).
 *
 * @since 0.1.0
 */
export const suppressCount = (value: number, k: number): number | null => (value > 0 && value < k ? null : value)

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
 * (for example the same column total published in two tables).
 *
 * @since 0.1.0
 */
export interface Relation {
  readonly left: ReadonlyArray<CellRef>
  readonly right: ReadonlyArray<CellRef>
}

/**
 * Suppress several tables that share quantities. Each table is protected as
 * by {@link suppress}; then every relation between tables with exactly one
 * suppressed (non-zero) member, which would give that member away, gets its
 * smallest published non-zero member suppressed too (forced in its table,
 * which is protected again), to a fixed point.
 *
 * @since 0.1.0
 */
export const suppressLinked = (
  tables: ReadonlyArray<CountTable>,
  k: number,
  relations: ReadonlyArray<Relation>
): Array<PublishedTable> => {
  const grids = tables.map(grid)
  const forced: Array<Array<readonly [number, number]>> = tables.map(() => [])
  let marks = tables.map((t, i) => pattern(t, k, forced[i]))
  for (let guard = 0; guard < 1000; guard++) {
    let changed = false
    for (const rel of relations) {
      const members = [...rel.left, ...rel.right].filter((c) => (grids[c.table]?.[c.row]?.[c.column] ?? 0) > 0)
      const hidden = members.filter((c) => marks[c.table]![c.row]![c.column])
      if (hidden.length !== 1) continue
      const open = members
        .filter((c) => !marks[c.table]![c.row]![c.column])
        .sort((a, b) => grids[a.table]![a.row]![a.column]! - grids[b.table]![b.row]![b.column]!)
      const pick = open[0]
      if (pick === undefined) continue
      forced[pick.table]!.push([pick.row, pick.column])
      changed = true
    }
    if (!changed) break
    marks = tables.map((t, i) => pattern(t, k, forced[i]))
  }
  return tables.map((t, i) => suppress(t, k, forced[i]))
}
