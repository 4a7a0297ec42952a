/**
 * Opening the SQLite store read-only (issue 14, items 6 and 14): a reader
 * never writes — not to a Homeward store, not to any other file — refuses a
 * file that is not a Homeward event store with a typed `StoreError`, and
 * works on a read-only file.
 */
import { createHash } from "node:crypto"
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { EventStore } from "@homeward/core"
import { Conformance } from "@homeward/core/testing"
import Database from "better-sqlite3"
import { afterAll, describe, expect, it } from "vitest"
import { openSqliteStore } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "homeward-sqlite-ro-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex")

const refused = async (path: string): Promise<EventStore.StoreError> => {
  const e = await openSqliteStore(path, { readonly: true }).then(
    () => undefined,
    (x: unknown) => x
  )
  expect(e).toBeInstanceOf(EventStore.StoreError)
  return e as EventStore.StoreError
}

describe("read-only SQLite store", () => {
  it("reads a Homeward store without writing, and refuses appends", async () => {
    const path = join(dir, "store.sqlite")
    const w = await openSqliteStore(path)
    await w.append("c1", 0, [Conformance.sampleEvent("c1", 1), Conformance.sampleEvent("c1", 2)])
    await w.close()
    const before = hash(path)
    chmodSync(path, 0o444)
    const r = await openSqliteStore(path, { readonly: true })
    expect(await r.version("c1")).toBe(2)
    const all = []
    for await (const e of r.readAll()) all.push(e)
    expect(all.map((e) => e.version)).toEqual([1, 2])
    await expect(r.append("c1", 2, [Conformance.sampleEvent("c1", 3)])).rejects.toBeInstanceOf(EventStore.StoreError)
    await r.close()
    expect(hash(path)).toBe(before)
    chmodSync(path, 0o644)
  })

  it("[issue 14.14] a file that is not a database: a typed StoreError, the file untouched, no side files", async () => {
    const path = join(dir, "children.csv")
    writeFileSync(path, "id,givenName\nCH-1,Sokunthea\n")
    const before = hash(path)
    const e = await refused(path)
    expect(e.message).toMatch(/not an SQLite database/)
    expect(e.message).not.toContain("Sokunthea")
    expect(hash(path)).toBe(before)
    expect(readdirSync(dir).filter((f) => f.startsWith("children.csv"))).toEqual(["children.csv"])
  })

  it("[issue 14.6] an empty file or another SQLite database is refused and left as it was (no tables, no WAL switch)", async () => {
    const empty = join(dir, "empty.sqlite")
    writeFileSync(empty, "")
    expect((await refused(empty)).message).toMatch(/not a Homeward event store/)
    expect(readFileSync(empty).length).toBe(0)

    const other = join(dir, "other.sqlite")
    const db = new Database(other)
    db.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x')")
    db.close()
    const before = hash(other)
    expect((await refused(other)).message).toMatch(/not a Homeward event store/)
    expect(hash(other)).toBe(before)
    const check = new Database(other, { readonly: true })
    expect(check.pragma("journal_mode", { simple: true })).toBe("delete")
    expect(
      (check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (r) => r.name
      )
    ).toEqual(["people"])
    check.close()
    expect(existsSync(`${other}-wal`)).toBe(false)
  })

  it("a table named events that is not Homeward's is refused", async () => {
    const path = join(dir, "lookalike.sqlite")
    const db = new Database(path)
    db.exec("CREATE TABLE events (id INTEGER); CREATE TABLE schema_migrations (version INTEGER)")
    db.close()
    expect((await refused(path)).message).toMatch(/no position column/)
  })

  it("a missing file is refused and not created", async () => {
    const path = join(dir, "missing.sqlite")
    await refused(path)
    expect(existsSync(path)).toBe(false)
  })
})
