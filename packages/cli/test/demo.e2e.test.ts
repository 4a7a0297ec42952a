/**
 * `homeward demo` end to end on the built binary: exit 0, the HTML reports
 * written (the SQLite store is checked with `homeward report`), the case-worker sections printed, no name of the
 * synthetic children anywhere, and the same tables for the same seed.
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Profiles } from "@homeward/core"
import { describe, expect, it } from "vitest"
import { FAMILY_NAMES, GIVEN_NAMES, generate } from "../src/internal/demoProgramme.js"
import { run, tmp } from "./helpers.js"

const demo = (dir: string, extra: ReadonlyArray<string> = []) =>
  run(["demo", "--db", "out/demo.sqlite", "--out", "out", ...extra], dir)

describe("homeward demo", () => {
  const dir = tmp()
  const r = demo(dir)

  it("exits 0 and writes the HTML reports", () => {
    expect(r.code).toBe(0)
    const html = readFileSync(join(dir, "out/report.html"), "utf8")
    expect(html.startsWith("<!doctype html>")).toBe(true)
    expect(html).toContain("<svg")
    expect(readFileSync(join(dir, "out/caseworker.html"), "utf8")).toContain("visits by social worker")
    expect(existsSync(join(dir, "out/institutions.json"))).toBe(true)
    expect(r.stdout).toContain("Report (aggregate, suppressed): out/report.html")
  })

  it("prints the case-worker sections and the programme summary, issued through the decider without rejection", () => {
    for (const s of [
      "== Social worker SW-01",
      "Monitoring visits due, overdue or missed",
      "MISSED",
      "OVERDUE",
      "RED visit",
      "Ready to advance",
      "ready for",
      "Not yet ready: blockers",
      "Closures eligible",
      "may close: reintegration complete",
      "== Programme summary ==",
      "Share reintegrated, as the report reads it",
      "Target: 30.0% by 2018-12-31",
      "returned-to-care",
      "transferred",
      "closed (reintegration-complete)"
    ])
      expect(r.stdout).toContain(s)
    expect(r.stdout).not.toContain("rejected")
    expect(r.stdout).toMatch(
      /Issued \d+ commands through the decider for \d+ children; \d+ events stored and read back/
    )
  })

  it("never prints a name of the synthetic children (stdout, HTML reports)", () => {
    const texts = [
      r.stdout,
      readFileSync(join(dir, "out/report.html"), "utf8"),
      readFileSync(join(dir, "out/caseworker.html"), "utf8")
    ]
    for (const name of [...GIVEN_NAMES, ...FAMILY_NAMES]) for (const t of texts) expect(t).not.toContain(name)
    // the synthetic data does carry names: the check is not vacuous
    const programme = generate(2017, Profiles.unicefSiemReap2017, new Date("2018-06-30"))
    const opened = programme.cases.flatMap((c) => c.events).filter((e) => e.type === "CaseOpened")
    expect(opened.length).toBe(programme.cases.length)
    expect(opened.every((e) => e.type === "CaseOpened" && e.child.givenName !== undefined)).toBe(true)
  })

  it("is deterministic: the same seed prints the same tables; another seed differs", () => {
    const again = demo(tmp())
    expect(again.code).toBe(0)
    expect(again.stdout).toBe(r.stdout)
    const other = demo(tmp(), ["--seed", "7"])
    expect(other.code).toBe(0)
    expect(other.stdout).not.toBe(r.stdout)
  })

  it("rejects a bad --as-of or profile with exit 2", () => {
    const bad = demo(tmp(), ["--as-of", "30/06/2018"])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--as-of")
    const p = demo(tmp(), ["--profile", "nope"])
    expect(p.code).toBe(2)
    expect(p.stderr).toContain("unknown profile")
  })
})
