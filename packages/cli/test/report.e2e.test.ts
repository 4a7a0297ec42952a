/**
 * `homeward demo` writes an embedded SQLite store, and `homeward report`
 * builds reports from it (end to end on the built binary): right on any
 * date, read-only, refusing what is not a Homeward store, and saying in one
 * line why it cannot write its output.
 */
import { createHash } from "node:crypto"
import { chmodSync, copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Profiles } from "@homeward/core"
import { Render, Report } from "@homeward/report"
import { openSqliteStore } from "@homeward/store-sqlite"
import { describe, expect, it } from "vitest"
import { FAMILY_NAMES, GIVEN_NAMES, generate, institutions } from "../src/internal/demoProgramme.js"
import { run, tmp } from "./helpers.js"

const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex")
const DEMO_DAY = new Date("2018-06-30T00:00:00Z")

describe("homeward demo → SQLite → homeward report", () => {
  const dir = tmp()
  const demo = run(["demo", "--db", "d/demo.sqlite", "--out", "d"], dir)
  const db = join(dir, "d/demo.sqlite")
  const noNames = (text: string) => {
    for (const n of [...GIVEN_NAMES, ...FAMILY_NAMES]) expect(text).not.toContain(n)
  }

  it("the demo runs on an embedded SQLite file and prints the report's readings of share reintegrated", () => {
    expect(demo.stderr).toBe("")
    expect(demo.code).toBe(0)
    expect(readFileSync(db).subarray(0, 15).toString("latin1")).toBe("SQLite format 3")
    expect(statSync(db).size).toBeGreaterThan(10_000)
    // the console and the report read "share reintegrated" the same ways, labelled
    expect(demo.stdout).toContain("Share reintegrated, as the report reads it")
    expect(demo.stdout).toMatch(
      /\* Children in residential care on 2017-08-01: share returned since then and at home: \d+ of \d+/
    )
    expect(demo.stdout).toMatch(/All children in the programme: share at home, whenever returned: \d+ of \d+/)
    expect(demo.stdout).not.toMatch(/home \d+ of 66/)
  })

  it("builds the aggregate report as JSON from the demo's database (counts only, no ids, no names)", () => {
    const r = run(
      [
        "report",
        "--db",
        "d/demo.sqlite",
        "--format",
        "json",
        "--institutions",
        "d/institutions.json",
        "--as-of",
        "2018-06-30"
      ],
      dir
    )
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.kind).toBe("aggregate")
    expect(j.asOf).toBe("2018-06-30")
    expect(j.profile.id).toBe("unicef-siem-reap-2017")
    expect(j.definitions.length).toBeGreaterThan(10)
    expect(r.stdout).not.toMatch(/C-0\d\d|CH-0\d\d/)
    noNames(r.stdout)
  })

  it("[issue 11.10] --as-of defaults to today (the CLI reads the clock; the library never does)", () => {
    const before = new Date().toISOString().slice(0, 10)
    const r = run(["report", "--db", "d/demo.sqlite", "--format", "json"], dir)
    const after = new Date().toISOString().slice(0, 10)
    expect(r.code).toBe(0)
    expect([before, after]).toContain(JSON.parse(r.stdout).asOf)
  })

  it("[issue 19] on several dates the report equals the library's report on the events up to that date, and the SQL recount", async () => {
    const profile = Profiles.unicefSiemReap2017
    const events = generate(2017, profile, DEMO_DAY).cases.flatMap((c) => c.events)
    const store = await openSqliteStore(db, { readonly: true })
    try {
      for (const day of ["2017-06-30", "2017-12-31", "2018-01-31", "2018-03-31", "2018-06-30"]) {
        const asOf = new Date(`${day}T00:00:00Z`)
        const r = run(
          [
            "report",
            "--db",
            "d/demo.sqlite",
            "--format",
            "json",
            "--institutions",
            "d/institutions.json",
            "--as-of",
            day
          ],
          dir
        )
        expect(r.code).toBe(0)
        const upTo = events.filter((e) => e.occurredOn.getTime() <= asOf.getTime())
        expect(r.stdout).toBe(Render.json(Report.aggregate({ events: upTo, institutions, profile, asOf })))
        const j = JSON.parse(r.stdout) as Report.AggregateReport
        // Recount from the raw events table (plain SQL, no project code).
        const one = (sql: string) => (store.db.prepare(sql).pluck().get(day) as number) ?? 0
        const opened = one(
          "SELECT COUNT(DISTINCT case_id) FROM events WHERE type = 'CaseOpened' AND json_extract(json, '$.occurredOn') <= ?"
        )
        const breakdowns = one(
          "SELECT COUNT(*) FROM events WHERE type = 'BrokeDown' AND json_extract(json, '$.occurredOn') <= ?"
        )
        const closed = one(`
          SELECT COUNT(*) FROM (
            SELECT case_id, type, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY version DESC) AS n
            FROM events WHERE type IN ('CaseClosed', 'CaseReopened') AND json_extract(json, '$.occurredOn') <= ?
          ) WHERE n = 1 AND type = 'CaseClosed'`)
        expect(j.progress.baseline).toBe(opened)
        const fig = j.sections.flatMap((s) => s.figures).find((f) => f.id === "breakdown-events")!
        expect(fig.value === null || fig.value === breakdowns).toBe(true)
        const closures = j.sections.flatMap((s) => s.tables).find((t) => t.id === "closures")!
        expect(closures.total === null || closures.total === closed).toBe(true)
        if (day === "2017-06-30") expect(breakdowns).toBe(0)
      }
      // --since: the start date and the day the target cohort is taken
      const since = new Date("2016-01-01T00:00:00Z")
      const r = run(
        ["report", "--db", "d/demo.sqlite", "--format", "json", "--institutions", "d/institutions.json"].concat([
          "--as-of",
          "2018-06-30",
          "--since",
          "2016-01-01"
        ]),
        dir
      )
      expect(r.code).toBe(0)
      expect(r.stdout).toBe(Render.json(Report.aggregate({ events, institutions, profile, asOf: DEMO_DAY, since })))
      expect(JSON.parse(r.stdout).since).toBe("2016-01-01")
    } finally {
      await store.close()
    }
  }, 300_000)

  it("builds the case-worker report (Markdown, CSV) with pseudonymous ids and writes HTML to --out", () => {
    const md = run(
      ["report", "--db", "d/demo.sqlite", "--kind", "caseworker", "--format", "md", "--as-of", "2018-06-30"],
      dir
    )
    expect(md.code).toBe(0)
    expect(md.stdout).toContain("## SW-01")
    expect(md.stdout).toMatch(/\| C-\d{3} \| CH-\d{3} \|/)
    noNames(md.stdout)
    const csv = run(["report", "--db", "d/demo.sqlite", "--kind", "caseworker", "--format", "csv"], dir)
    expect(csv.stdout.startsWith("socialWorkerId,caseload,")).toBe(true)
    const html = run(["report", "--db", "d/demo.sqlite", "--out", "r.html", "--as-of", "2018-06-30"], dir)
    expect(html.code).toBe(0)
    expect(html.stderr).toContain("r.html")
    const text = readFileSync(join(dir, "r.html"), "utf8")
    expect(text.startsWith("<!doctype html>")).toBe(true)
    expect(text).toContain('id="definitions"')
    noNames(text)
  })

  it("[issue 11.10] the case-worker page says 'nothing due' for a worker with no visit due", () => {
    // Early in the programme some workers have open cases but nobody reunified yet.
    const days = ["2016-01-31", "2016-06-30", "2016-12-31", "2017-06-30"]
    const pages = days.map((day) =>
      run(["report", "--db", "d/demo.sqlite", "--kind", "caseworker", "--format", "html", "--as-of", day], dir)
    )
    expect(pages.every((p) => p.code === 0)).toBe(true)
    expect(pages.some((p) => p.stdout.includes("Nothing due: no follow-up visit is due or overdue."))).toBe(true)
  })

  it("[issue 14.6] reports on a read-only store without writing to it", () => {
    copyFileSync(db, join(dir, "ro.sqlite"))
    const ro = join(dir, "ro.sqlite")
    const before = hash(ro)
    chmodSync(ro, 0o444)
    const r = run(["report", "--db", "ro.sqlite", "--format", "json", "--as-of", "2018-06-30"], dir)
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).kind).toBe("aggregate")
    expect(hash(ro)).toBe(before)
    chmodSync(ro, 0o644)
  })

  it("[issue 14.6] refuses a file that is not a Homeward store, in one line, and leaves it as it was", () => {
    const csv = join(dir, "children.csv")
    writeFileSync(csv, "id,givenName\nCH-1,Sokunthea\n")
    const empty = join(dir, "empty.sqlite")
    writeFileSync(empty, "")
    for (const [file, why] of [
      ["children.csv", /not an SQLite database/],
      ["empty.sqlite", /not a Homeward event store/]
    ] as const) {
      const path = join(dir, file)
      const before = hash(path)
      const r = run(["report", "--db", file], dir)
      expect(r.code).toBe(2)
      expect(r.stdout).toBe("")
      expect(r.stderr).toMatch(why)
      expect(r.stderr.trim().split("\n")).toHaveLength(1)
      expect(r.stderr).not.toContain("Sokunthea")
      expect(hash(path)).toBe(before)
      expect(existsSync(`${path}-wal`)).toBe(false)
    }
    expect(readFileSync(empty).length).toBe(0)
  })

  it("[issue 14.12] --out that cannot be written: one clear line on stderr and exit 2, before any work", () => {
    const before = hash(db)
    for (const [out, why] of [
      ["/nonexistent/dir/r.html", /the directory \/nonexistent\/dir does not exist/],
      ["/tmp", /--out \/tmp is a directory/],
      ["d/demo.sqlite", /is the event store itself/]
    ] as const) {
      const r = run(["report", "--db", "d/demo.sqlite", "--out", out], dir)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(why)
      expect(r.stderr.trim().split("\n")).toHaveLength(1)
    }
    expect(hash(db)).toBe(before)
  })

  it("a missing database or a bad institutions file exits 2", () => {
    const r = run(["report", "--db", "nope.sqlite"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("no database")
    const bad = run(["report", "--db", "d/demo.sqlite", "--institutions", "d/demo.sqlite"], dir)
    expect(bad.code).toBe(2)
  })
})
