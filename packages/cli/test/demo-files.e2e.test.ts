/**
 * Attack (issue: `homeward demo --db FILE` deleted whatever FILE was — a real
 * event store with 5,948 events was replaced, a CSV overwritten — and
 * `--out <existing file>` exited 2 with nothing on stderr). The demo now
 * writes only into files it created: every other file survives byte for
 * byte, nothing is created beside it, and the refusal is one line on stderr
 * with exit code 2.
 */
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Conformance } from "@homeward/core/testing"
import { openSqliteStore } from "@homeward/store-sqlite"
import { describe, expect, it } from "vitest"
import { HTML_MARK, MARKER_TABLE } from "../src/internal/demoFiles.js"
import { type Run, run, tmp } from "./helpers.js"

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex")
const listing = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()

/** A real event store with events (WAL, as the store leaves it). */
const realStore = async (path: string, cases = 20): Promise<void> => {
  const store = await openSqliteStore(path)
  for (let c = 0; c < cases; c++) {
    const caseId = `real-${c}`
    const r = await store.append(
      caseId,
      0,
      [1, 2, 3].map((v) => Conformance.sampleEvent(caseId, v))
    )
    expect(r._tag).toBe("Appended")
  }
  await store.close()
}

const refusedCleanly = (r: Run, mention: RegExp) => {
  expect(r.code).toBe(2)
  const lines = r.stderr.trimEnd().split("\n")
  expect(lines.length, r.stderr).toBe(1)
  expect(lines[0]).toMatch(/^homeward: /)
  expect(lines[0]).toMatch(mention)
  expect(r.stdout).toBe("") // refused before anything ran
}

/** Run the demo against `target` and check the whole directory is unchanged. */
const attack = (dir: string, args: ReadonlyArray<string>, mention: RegExp) => {
  const before = listing(dir).map((f) => [f, existsSync(join(dir, f)) && !f.endsWith("/") ? safeSha(join(dir, f)) : ""])
  const r = run(["demo", ...args], dir)
  refusedCleanly(r, mention)
  const after = listing(dir).map((f) => [f, existsSync(join(dir, f)) && !f.endsWith("/") ? safeSha(join(dir, f)) : ""])
  expect(after).toEqual(before) // nothing deleted, overwritten or created
  return r
}
const safeSha = (p: string) => {
  try {
    return sha(p)
  } catch {
    return "(not a file)"
  }
}

describe("homeward demo never deletes or overwrites a file it did not create", () => {
  it("a real event store with events passed as --db survives byte-identical, with no file created beside it", async () => {
    const dir = tmp()
    const db = join(dir, "programme.sqlite")
    await realStore(db)
    const hash = sha(db)
    attack(
      dir,
      ["--db", "programme.sqlite", "--out", "out"],
      /--db programme\.sqlite .*not a store made by homeward demo/
    )
    expect(sha(db)).toBe(hash)
    const store = await openSqliteStore(db, { readonly: true })
    expect((await store.read("real-7")).length).toBe(3)
    await store.close()
  })

  it("a real store open in another process (its -wal and -shm present) is refused without being opened", async () => {
    const dir = tmp()
    const db = join(dir, "live.sqlite")
    await realStore(db, 3)
    const writer = await openSqliteStore(db)
    try {
      await writer.append("live", 0, [Conformance.sampleEvent("live", 1)])
      expect(existsSync(`${db}-wal`)).toBe(true)
      const hashes = [db, `${db}-wal`].map(sha)
      attack(dir, ["--db", "live.sqlite", "--out", "out"], /not a store made by homeward demo/)
      expect([db, `${db}-wal`].map(sha)).toEqual(hashes)
    } finally {
      await writer.close()
    }
  })

  it("an SQLite file in rollback-journal mode without the demo's mark is checked read-only and refused, untouched", async () => {
    const dir = tmp()
    const db = join(dir, "other.sqlite")
    await realStore(db, 2)
    const s = await openSqliteStore(db)
    s.db.pragma("journal_mode = DELETE") // what the demo leaves: only the mark is missing
    await s.close()
    expect(listing(dir)).toEqual(["other.sqlite"])
    attack(dir, ["--db", "other.sqlite", "--out", "out"], /not a store made by homeward demo/)
  })

  it("a CSV, an empty file, a directory and a link passed as --db survive", () => {
    const dir = tmp()
    writeFileSync(join(dir, "children.csv"), "id,givenName,familyName\nC-1,Sokha,Chan\n")
    writeFileSync(join(dir, "empty.sqlite"), "")
    mkdirSync(join(dir, "folder"))
    writeFileSync(join(dir, "folder", "keep.txt"), "keep")
    symlinkSync(join(dir, "children.csv"), join(dir, "link.sqlite"))
    attack(dir, ["--db", "children.csv", "--out", "out"], /--db children\.csv already exists/)
    attack(dir, ["--db", "empty.sqlite", "--out", "out"], /--db empty\.sqlite already exists/)
    attack(dir, ["--db", "folder", "--out", "out"], /--db folder is not a regular file/)
    attack(dir, ["--db", "link.sqlite", "--out", "out"], /--db link\.sqlite is not a regular file/)
    expect(readFileSync(join(dir, "children.csv"), "utf8")).toContain("Sokha")
  })

  it("journal files of a database that is not there are not adopted", () => {
    const dir = tmp()
    writeFileSync(join(dir, "gone.sqlite-wal"), "someone else's journal")
    attack(dir, ["--db", "gone.sqlite", "--out", "out"], /gone\.sqlite-wal exists without its database/)
  })

  it("--out naming an existing file: one clear line, the file untouched (it used to exit 2 silently)", () => {
    const dir = tmp()
    writeFileSync(join(dir, "notes.txt"), "my notes")
    attack(dir, ["--db", "d/demo.sqlite", "--out", "notes.txt"], /--out notes\.txt exists and is not a directory/)
  })

  it("reports the demo did not write are not overwritten (and nothing else is written first)", () => {
    const dir = tmp()
    mkdirSync(join(dir, "reports"))
    writeFileSync(join(dir, "reports", "report.html"), "<p>the director's own report</p>")
    attack(
      dir,
      ["--db", "d/demo.sqlite", "--out", "reports"],
      /reports\/report\.html already exists and was not written by homeward demo/
    )
    writeFileSync(join(dir, "reports", "report.html"), `<p>almost</p>\n${HTML_MARK.slice(1)}`)
    attack(dir, ["--db", "d/demo.sqlite", "--out", "reports"], /report\.html already exists/)
  })

  it("an institutions.json next to --db with other content is not overwritten", () => {
    const dir = tmp()
    mkdirSync(join(dir, "d"))
    writeFileSync(join(dir, "d", "institutions.json"), '[{"id":"mine"}]')
    attack(dir, ["--db", "d/demo.sqlite", "--out", "out"], /institutions\.json already exists with other content/)
  })

  it("its own store and reports are replaced on the next run; the store is marked and left without journal files", () => {
    const dir = tmp()
    const first = run(["demo", "--db", "d/demo.sqlite", "--out", "d"], dir)
    expect(first.code).toBe(0)
    expect(first.stderr).toBe("")
    expect(listing(join(dir, "d"))).toEqual(["caseworker.html", "demo.sqlite", "institutions.json", "report.html"])
    const header = readFileSync(join(dir, "d", "demo.sqlite")).subarray(0, 100)
    expect([header[18], header[19]]).toEqual([1, 1]) // rollback-journal mode: checking it creates no file
    expect(readFileSync(join(dir, "d", "report.html"), "utf8").endsWith(HTML_MARK)).toBe(true)
    expect(readFileSync(join(dir, "d", "demo.sqlite")).includes(Buffer.from(MARKER_TABLE))).toBe(true)
    const second = run(["demo", "--db", "d/demo.sqlite", "--out", "d", "--seed", "7"], dir)
    expect(second.code).toBe(0)
    expect(second.stderr).toBe("")
    expect(second.stdout).not.toBe(first.stdout) // replaced with the new programme, not appended to
    expect(listing(join(dir, "d"))).toEqual(["caseworker.html", "demo.sqlite", "institutions.json", "report.html"])
  })
})
