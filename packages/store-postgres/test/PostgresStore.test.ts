import { join, resolve } from "node:path"
import { Conformance } from "@homeward/core/testing"
import pg from "pg"
import { afterAll, describe, expect, it } from "vitest"
import { openPostgresStore, type PostgresEventStore } from "../src/index.js"

const url = process.env["HOMEWARD_PG_URL"]
const inCI = process.env["CI"] === "true"
if (url === undefined && !inCI) {
  console.warn("\n*** store-postgres: HOMEWARD_PG_URL is not set: PostgreSQL tests SKIPPED (run `pnpm test:pg`) ***\n")
}
const root = resolve(import.meta.dirname, "..", "..", "..")
const run = Math.random().toString(36).slice(2, 8)
let n = 0
let current = ""
const schemas: Array<string> = []

describe.skipIf(url === undefined && !inCI)("PostgreSQL store (real server)", () => {
  it("a server is reachable (in CI a missing server fails the run)", async () => {
    expect(url, "HOMEWARD_PG_URL must be set in CI (scripts/with-postgres.sh)").toBeDefined()
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    expect((await c.query("SELECT 1 AS one")).rows[0].one).toBe(1)
    await c.end()
  })

  afterAll(async () => {
    if (url === undefined) return
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`)
    await c.end()
  })

  const fresh = () => {
    current = `hw_test_${run}_${n++}`
    schemas.push(current)
    return openPostgresStore({ connectionString: url!, schema: current, max: 20 })
  }

  Conformance.runConformance("postgres", {
    open: fresh,
    openSecond: () => openPostgresStore({ connectionString: url!, schema: current, max: 5 }),
    corrupt: async (caseId, version, raw) => {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(`ALTER TABLE ${current}.events DISABLE TRIGGER events_append_only`)
      await c.query(`UPDATE ${current}.events SET json = $1 WHERE case_id = $2 AND version = $3`, [
        raw,
        caseId,
        version
      ])
      await c.query(`ALTER TABLE ${current}.events ENABLE TRIGGER events_append_only`)
      await c.end()
    },
    crash: {
      spawnWriter: async (batchSize) => {
        await (await fresh()).close()
        return Conformance.spawnWriterScript(
          join(import.meta.dirname, "crash-writer.ts"),
          [url!, current, String(batchSize)],
          root
        )
      },
      reopen: () => openPostgresStore({ connectionString: url!, schema: current }),
      integrityCheck: async () => {
        const s = await openPostgresStore({ connectionString: url!, schema: current })
        try {
          return await s.integrityCheck()
        } finally {
          await s.close()
        }
      }
    }
  })

  it("triggers reject UPDATE and DELETE", async () => {
    const s: PostgresEventStore = await fresh()
    await s.append("c1", 0, [Conformance.sampleEvent("c1", 1)])
    await expect(s.pool.query(`UPDATE ${s.schema}.events SET json = '{}'`)).rejects.toThrow(/append-only/)
    await expect(s.pool.query(`DELETE FROM ${s.schema}.events`)).rejects.toThrow(/append-only/)
    expect(await s.version("c1")).toBe(1)
    await s.close()
  })

  it("two processes migrating the same schema at once both succeed, once", async () => {
    const schema = `hw_test_${run}_mig`
    schemas.push(schema)
    const [a, b] = await Promise.all([
      openPostgresStore({ connectionString: url!, schema }),
      openPostgresStore({ connectionString: url!, schema })
    ])
    expect(Number((await a.pool.query(`SELECT COUNT(*) AS n FROM ${schema}.schema_migrations`)).rows[0].n)).toBe(1)
    await a.close()
    await b.close()
  })

  it("16 concurrent writers on one case: one winner per version", async () => {
    const s = await fresh()
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, w) => s.append("race", 0, [Conformance.sampleEvent("race", 1, `w${w}`)]))
    )
    expect(results.filter((r) => r._tag === "Appended").length).toBe(1)
    expect(results.filter((r) => r._tag === "Conflict").length).toBe(15)
    expect((await s.read("race")).length).toBe(1)
    await s.close()
  })
  it("a tailing readAll never skips an event committed out of order (positions commit in order)", async () => {
    const s = await fresh()
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let b = 0; b < 10; b++) {
        const caseId = `tail-${w}`
        const r = await s.append(
          caseId,
          b * 3,
          [1, 2, 3].map((k) => Conformance.sampleEvent(caseId, b * 3 + k))
        )
        expect(r._tag).toBe("Appended")
      }
    })
    const seen: Array<number> = []
    let next = 0
    let done = false
    const all = Promise.all(writers).then(() => {
      done = true
    })
    for (;;) {
      const finished = done
      for await (const e of s.readAll(next)) {
        seen.push(e.position)
        next = e.position + 1
      }
      if (finished) break
    }
    await all
    expect(seen.length).toBe(8 * 10 * 3)
    const total = Number((await s.pool.query(`SELECT COUNT(*) AS n FROM ${s.schema}.events`)).rows[0].n)
    expect(seen.length).toBe(total)
    expect(new Set(seen).size).toBe(seen.length)
    await s.close()
  })
})
