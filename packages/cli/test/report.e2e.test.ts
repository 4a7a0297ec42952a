/**
 * `homeward demo` writes an embedded SQLite store, and `homeward report`
 * builds reports from it (end to end on the built binary).
 */
import { existsSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { FAMILY_NAMES, GIVEN_NAMES } from "../src/internal/demoProgramme.js"
import { run, tmp } from "./helpers.js"

describe("homeward demo → SQLite → homeward report", () => {
  const dir = tmp()
  const demo = run(["demo", "--db", "d/demo.sqlite", "--out", "d"], dir)
  const noNames = (text: string) => {
    for (const n of [...GIVEN_NAMES, ...FAMILY_NAMES]) expect(text).not.toContain(n)
  }

  it("the demo runs on an embedded SQLite file (recreated on every run)", () => {
    expect(demo.stderr).toBe("")
    expect(demo.code).toBe(0)
    expect(demo.stdout).toContain("Store: SQLite d/demo.sqlite")
    const db = join(dir, "d/demo.sqlite")
    expect(readFileSync(db).subarray(0, 15).toString("latin1")).toBe("SQLite format 3")
    expect(statSync(db).size).toBeGreaterThan(10_000)
    const again = run(["demo", "--db", "d/demo.sqlite", "--out", "d"], dir)
    expect(again.code).toBe(0)
    expect(again.stdout).toBe(demo.stdout) // recreated, not appended to
    expect(existsSync(join(dir, "d/report.html"))).toBe(true)
  })

  it("builds the aggregate report as JSON from the demo's database", () => {
    expect(demo.code).toBe(0)
    const r = run(["report", "--db", "d/demo.sqlite", "--format", "json", "--institutions", "d/institutions.json"], dir)
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.kind).toBe("aggregate")
    expect(j.asOf).toBe("2018-06-30")
    expect(j.profile.id).toBe("unicef-siem-reap-2017")
    expect(r.stdout).not.toMatch(/C-0\d\d|CH-0\d\d/) // counts only, no case ids
    noNames(r.stdout)
  })

  it("builds the case-worker report (Markdown, CSV) with pseudonymous ids and writes HTML to --out", () => {
    const md = run(["report", "--db", "d/demo.sqlite", "--kind", "caseworker", "--format", "md"], dir)
    expect(md.code).toBe(0)
    expect(md.stdout).toContain("## SW-01")
    expect(md.stdout).toMatch(/\| C-\d{3} \| CH-\d{3} \|/)
    noNames(md.stdout)
    const csv = run(["report", "--db", "d/demo.sqlite", "--kind", "caseworker", "--format", "csv"], dir)
    expect(csv.stdout.startsWith("socialWorkerId,caseload,")).toBe(true)
    const html = run(["report", "--db", "d/demo.sqlite", "--out", "r.html"], dir)
    expect(html.code).toBe(0)
    expect(html.stderr).toContain("r.html")
    const text = readFileSync(join(dir, "r.html"), "utf8")
    expect(text.startsWith("<!doctype html>")).toBe(true)
    noNames(text)
  })

  it("a missing database or a bad institutions file exits 2", () => {
    const r = run(["report", "--db", "nope.sqlite"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("no database")
    const bad = run(["report", "--db", "d/demo.sqlite", "--institutions", "d/demo.sqlite"], dir)
    expect(bad.code).toBe(2)
  })
})
