import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { Conformance } from "@homeward/core/testing"
import Database from "better-sqlite3"
import { afterAll, describe, expect, it } from "vitest"
import { openSqliteStore } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "homeward-sqlite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
let current = ""
const root = resolve(import.meta.dirname, "..", "..", "..")

Conformance.runConformance("sqlite", {
  open: async () => {
    current = join(dir, `store-${n++}.sqlite`)
    return openSqliteStore(current)
  },
  openSecond: () => openSqliteStore(current),
  corrupt: async (caseId, version, raw) => {
    const db = new Database(current)
    db.exec("DROP TRIGGER events_no_update")
    db.prepare("UPDATE events SET json = ? WHERE case_id = ? AND version = ?").run(raw, caseId, version)
    db.close()
  },
  crash: {
    spawnWriter: async (batchSize) => {
      current = join(dir, `crash-${n++}.sqlite`)
      await (await openSqliteStore(current)).close() // migrate first
      return Conformance.spawnWriterScript(
        join(import.meta.dirname, "crash-writer.ts"),
        [current, String(batchSize)],
        root
      )
    },
    reopen: () => openSqliteStore(current),
    integrityCheck: async () => {
      const s = await openSqliteStore(current)
      try {
        return await s.integrityCheck()
      } finally {
        await s.close()
      }
    }
  }
})

describe("sqlite specifics", () => {
  it("triggers reject UPDATE and DELETE of events", async () => {
    const path = join(dir, "triggers.sqlite")
    const store = await openSqliteStore(path)
    await store.append("c1", 0, [Conformance.sampleEvent("c1", 1)])
    expect(() => store.db.prepare("UPDATE events SET json = '{}'").run()).toThrow(/append-only/)
    expect(() => store.db.prepare("DELETE FROM events").run()).toThrow(/append-only/)
    expect(await store.version("c1")).toBe(1)
    await store.close()
  })
  it("uses WAL, records migrations, and reopening does not migrate twice", async () => {
    const path = join(dir, "migrate.sqlite")
    const a = await openSqliteStore(path)
    expect(a.db.pragma("journal_mode", { simple: true })).toBe("wal")
    await a.append("c1", 0, [Conformance.sampleEvent("c1", 1)])
    await a.close()
    const b = await openSqliteStore(path)
    expect(b.db.prepare("SELECT COUNT(*) FROM schema_migrations").pluck().get()).toBe(1)
    expect(await b.version("c1")).toBe(1)
    await b.close()
  })
  it("a reader in another connection sees committed appends while the writer is open", async () => {
    const path = join(dir, "readers.sqlite")
    const w = await openSqliteStore(path)
    const r = await openSqliteStore(path, { readonly: true })
    await w.append("c1", 0, [Conformance.sampleEvent("c1", 1), Conformance.sampleEvent("c1", 2)])
    expect((await r.read("c1")).length).toBe(2)
    await r.close()
    await w.close()
  })
  it("a closed store rejects further use", async () => {
    const s = await openSqliteStore(":memory:")
    await s.close()
    await expect(s.version("x")).rejects.toThrow(/closed/)
  })
})
