// Store benchmark: append N events in batches and fold them back to states,
// for SQLite and PostgreSQL, each against the raw driver inserting the same
// rows (same JSON text, same table shape, same batch size, one transaction per
// batch) in the same run. Usage (PostgreSQL via the throwaway server):
//   scripts/with-postgres.sh bash -c 'cd bench && npx tsx stores.ts'   [EVENTS=1000000 BATCH=50]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { cpus, tmpdir } from "node:os"
import { join } from "node:path"
import { CaseState, type EventStore } from "@homeward/core"
import { type EncodedRow, encodeBatch } from "@homeward/core/adapter"
import { Conformance } from "@homeward/core/testing"
import { openPostgresStore } from "@homeward/store-postgres"
import { openSqliteStore } from "@homeward/store-sqlite"
import Database from "better-sqlite3"
import { Result } from "effect"
import pg from "pg"

const EVENTS = Number(process.env["EVENTS"] ?? 1_000_000)
const BATCH = Number(process.env["BATCH"] ?? 50)
const PER_CASE = 100
const CASES = Math.ceil(EVENTS / PER_CASE)
const dir = mkdtempSync(join(tmpdir(), "homeward-bench-"))

type Batch = { caseId: string; expected: number; events: Array<ReturnType<typeof Conformance.sampleEvent>> }
function* batches(): Generator<Batch> {
  for (let c = 0; c < CASES; c++) {
    const caseId = `case-${c}`
    for (let v = 0; v < PER_CASE; v += BATCH) {
      yield {
        caseId,
        expected: v,
        events: Array.from({ length: Math.min(BATCH, PER_CASE - v) }, (_, i) =>
          Conformance.sampleEvent(caseId, v + i + 1)
        )
      }
    }
  }
}
const rowsOf = (b: Batch) => {
  const r = encodeBatch(b.caseId, b.expected, b.events)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

const timeAppends = async (append: (b: Batch) => Promise<void>) => {
  let ms = 0
  for (const b of batches()) {
    const t = performance.now()
    await append(b)
    ms += performance.now() - t
  }
  return ms
}
const timeRaw = async (insert: (rows: ReadonlyArray<EncodedRow>) => Promise<void> | void) => {
  let ms = 0
  for (const b of batches()) {
    const rows = rowsOf(b) // the raw driver gets the already encoded rows: validation is the store's own cost
    const t = performance.now()
    await insert(rows)
    ms += performance.now() - t
  }
  return ms
}
const fold = async (store: EventStore.CaseEventStore) => {
  const t = performance.now()
  const states = new Map<string, CaseState.CaseState>()
  let n = 0
  for await (const e of store.readAll()) {
    states.set(e.caseId, CaseState.evolve(states.get(e.caseId) ?? CaseState.initial(e.caseId), e.event))
    n++
  }
  if (n !== CASES * PER_CASE) throw new Error(`folded ${n} events`)
  return performance.now() - t
}

const results: Array<{ name: string; store: number; raw: number; fold: number }> = []

{
  // SQLite
  const store = await openSqliteStore(join(dir, "store.sqlite"))
  const storeMs = await timeAppends(async (b) => {
    const r = await store.append(b.caseId, b.expected, b.events)
    if (r._tag !== "Appended") throw r
  })
  const foldMs = await fold(store)
  await store.close()
  const db = new Database(join(dir, "raw.sqlite"))
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = FULL")
  db.exec(
    "CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, event_id TEXT NOT NULL UNIQUE, json TEXT NOT NULL, UNIQUE(case_id, version))"
  )
  const ins = db.prepare("INSERT INTO events (case_id, version, type, event_id, json) VALUES (?, ?, ?, ?, ?)")
  const tx = db.transaction((rows: ReadonlyArray<EncodedRow>) => {
    for (const r of rows) ins.run(r.caseId, r.version, r.type, r.eventId, r.json)
  })
  const rawMs = await timeRaw((rows) => tx.immediate(rows))
  db.close()
  results.push({ name: "SQLite (better-sqlite3, WAL, synchronous=FULL)", store: storeMs, raw: rawMs, fold: foldMs })
  console.log(results.at(-1))
}

const url = process.env["HOMEWARD_PG_URL"]
if (url !== undefined) {
  const store = await openPostgresStore({ connectionString: url, schema: "bench_store" })
  const storeMs = await timeAppends(async (b) => {
    const r = await store.append(b.caseId, b.expected, b.events)
    if (r._tag !== "Appended") throw r
  })
  const foldMs = await fold(store)
  await store.pool.query("DROP SCHEMA bench_store CASCADE")
  await store.close()
  const pool = new pg.Pool({ connectionString: url, max: 2 })
  await pool.query(
    "CREATE SCHEMA bench_raw; CREATE TABLE bench_raw.events (position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, case_id TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL, event_id TEXT NOT NULL UNIQUE, json TEXT NOT NULL, UNIQUE(case_id, version))"
  )
  const c = await pool.connect()
  const rawMs = await timeRaw(async (rows) => {
    const params: Array<unknown> = []
    const values = rows.map((r, i) => {
      params.push(r.caseId, r.version, r.type, r.eventId, r.json)
      return `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`
    })
    await c.query("BEGIN")
    await c.query(
      `INSERT INTO bench_raw.events (case_id, version, type, event_id, json) VALUES ${values.join(", ")}`,
      params
    )
    await c.query("COMMIT")
  })
  c.release()
  await pool.query("DROP SCHEMA bench_raw CASCADE")
  await pool.end()
  results.push({
    name: "PostgreSQL 15 (pg Pool, loopback, fsync off in the throwaway server)",
    store: storeMs,
    raw: rawMs,
    fold: foldMs
  })
  console.log(results.at(-1))
} else {
  console.warn("HOMEWARD_PG_URL not set: PostgreSQL skipped (run through scripts/with-postgres.sh)")
}
rmSync(dir, { recursive: true, force: true })

const n = CASES * PER_CASE
const fmt = (x: number) => Math.round(x).toLocaleString("en-US")
const table = results
  .map(
    (r) =>
      `| ${r.name} | ${fmt(n / (r.store / 1000))} | ${fmt(n / (r.raw / 1000))} | ${(r.raw / r.store).toFixed(2)}× | ${(r.fold / 1000).toFixed(1)} s (${fmt(n / (r.fold / 1000))} events/s) |`
  )
  .join("\n")
const section = `<!-- section:stores -->
## Event stores

Append ${fmt(n)} events (${fmt(CASES)} cases × ${PER_CASE} events, batches of ${BATCH}, one transaction per
append) through the store, then fold them back to case states (\`readAll\` + \`CaseState.evolve\`).
Baseline: the raw driver inserting the same rows (same JSON text, same table shape, same batch
size, one transaction per batch) in the same run. The store's time includes validating and
encoding every event with the core Schemas (the raw driver gets the rows already encoded) and,
for PostgreSQL, the version check and the advisory lock that keeps global positions in commit order.

| store | store events/s | raw driver events/s | ratio (store / raw) | fold back to states |
|---|---:|---:|---:|---:|
${table}

Goal: at least 0.5× the raw driver.

Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.
Command: \`pnpm build && scripts/with-postgres.sh bash -c 'cd bench && npx tsx stores.ts'\` (EVENTS=${n}, BATCH=${BATCH}).
<!-- /section:stores -->`
const path = join(import.meta.dirname, "RESULTS.md")
const md = readFileSync(path, "utf8")
writeFileSync(path, md.replace(/<!-- section:stores -->[\s\S]*?<!-- \/section:stores -->/, section))
console.log(section)
