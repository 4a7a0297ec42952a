import { mkdtemp, readdir, readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { calibrateHistory, comparePolicies, compareWithoutHistory, comparisonTable } from "../src/compare.js"
import { main } from "../src/main.js"

describe("example: research-scenario", () => {
  it("[UNICEF Siem Reap 2017 vs Aziza's Place] the policies differ: two years of follow-up monitor fewer children on the deadline (the 144 returned since 2016 finish sooner)", async () => {
    const [first] = await comparePolicies(12, [20], 1)
    const comparison = first!.comparison
    const d = comparison.differences[0]!
    expect(d.inputs.map((x) => x.path)).toContain("policy.monitoring.durationMonths")
    expect(d.metrics.underMonitoringOnDeadline.mean).toBeLessThan(0)
    expect(d.metrics.underMonitoringOnDeadline.p95).toBeLessThan(0)
    expect(comparison.flags).toEqual([])
    const rows = comparisonTable(comparison)
    expect(rows[0]).toEqual([
      "",
      "3-year monitoring (UNICEF Siem Reap 2017)",
      "2-year monitoring (Aziza's Place)",
      "difference (P5, P95)"
    ])
  }, 120_000)

  it("without the children already returned the policies cannot differ by the deadline, and the comparison says why", async () => {
    const c = await compareWithoutHistory(6, 1)
    expect(c.flags).toHaveLength(1)
    expect(c.flags[0]!.message).toMatch(/no child can finish even the shorter monitoring before the deadline/)
  }, 120_000)

  it("[UNICEF Cambodia, Siem Reap, Nov 2017] calibration to the 144 children of 2016–2017 narrows the effective capacity", async () => {
    const fit = await calibrateHistory(150, 1)
    const capacity = fit.fitted.find((f) => f.path === "socialWorkers.availability")!
    expect(capacity.p95 - capacity.p5).toBeLessThan(0.98 * 0.9)
    expect(fit.fittedPredictive.mean).toBeGreaterThan(110)
    expect(fit.fittedPredictive.mean).toBeLessThan(180)
  }, 120_000)

  it("prints the three answers and writes four fan charts", async () => {
    const out = await mkdtemp(join(tmpdir(), "homeward-research-test-"))
    const { text, charts } = await main([
      "--runs",
      "8",
      "--draws",
      "60",
      "--search-runs",
      "6",
      "--workers",
      "1",
      "--out",
      out
    ])
    expect(text).toContain("1. Three years of follow-up against two")
    expect(text).toContain("2. Calibration to the history")
    expect(text).toMatch(/3\. Social workers needed for 644 children/)
    expect(text).toMatch(/As the scenario assumes .*: ((About )?\d+ social workers reach 644|No value)/)
    expect((await readdir(out)).sort()).toEqual([
      "2-year-monitoring-20sw.svg",
      "2-year-monitoring-80sw.svg",
      "3-year-monitoring-20sw.svg",
      "3-year-monitoring-80sw.svg"
    ])
    for (const c of charts) expect(await readFile(c, "utf8")).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
  }, 300_000)
})
