import { mkdtemp, readdir, readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { compare, table } from "../src/compare.js"
import { main } from "../src/main.js"

describe("example: research-scenario", () => {
  it("prints a table of the four variants and writes four fan-chart SVGs", async () => {
    const out = await mkdtemp(join(tmpdir(), "homeward-research-test-"))
    const { text, charts } = await main(["--runs", "8", "--out", out])
    for (const v of ["aziza-2y/20sw", "aziza-2y/40sw", "unicef-3y/20sw", "unicef-3y/40sw"]) expect(text).toContain(v)
    expect(text).toContain("home by deadline (P50)")
    expect((await readdir(out)).sort()).toEqual([
      "aziza-2y-20sw.svg",
      "aziza-2y-40sw.svg",
      "unicef-3y-20sw.svg",
      "unicef-3y-40sw.svg"
    ])
    expect(charts).toHaveLength(4)
    for (const c of charts) expect(await readFile(c, "utf8")).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
  })

  it("[UNICEF Siem Reap 2017 vs Aziza's Place] the policies differ in monitoring length (3 vs 2 years)", () => {
    const rows = table(compare(4))
    const years = Object.fromEntries(rows.map((r) => [r.variant, Number(r.monitoringYears)]))
    expect(years["unicef-3y/20sw"]).toBeGreaterThan(years["aziza-2y/20sw"] ?? Number.POSITIVE_INFINITY)
    for (const r of rows) expect(r.homeByDeadlineP50).toMatch(/^\d+\.\d%$/)
  })
})
