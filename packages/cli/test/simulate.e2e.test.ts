/**
 * `homeward simulate` end to end on the built binary (few runs).
 */
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Scenarios } from "@homeward/simulate"
import { describe, expect, it } from "vitest"
import { BIN, run, tmp, write } from "./helpers.js"

describe("homeward simulate", () => {
  it("[UNICEF Siem Reap 2017] runs a built-in scenario, prints the summary and writes JSON, CSV and SVG", () => {
    const dir = tmp()
    const r = run(["simulate", "siem-reap-2017", "--runs", "3", "--workers", "1", "--out", "out"], dir)
    expect(r.stderr).toBe("") // piped: no progress bar
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Scenario siem-reap-2017")
    expect(r.stdout).toContain("Target: 30.0% home by 2018-12-31")
    expect(r.stdout).toMatch(/Probability of reaching the target by the deadline: \d+\.\d%/)
    expect(r.stdout).toMatch(/at the deadline \(2018-12-31\)\s+\d+\.\d%\s+\d+\.\d%\s+\d+\.\d%/)
    expect(r.stdout).toContain("Breakdowns:")
    expect(r.stdout).toContain("Worker utilisation:")
    const json = JSON.parse(readFileSync(join(dir, "out/siem-reap-2017.json"), "utf8"))
    expect(json.scenario.runs).toBe(3)
    expect(readFileSync(join(dir, "out/siem-reap-2017.csv"), "utf8").split("\n").length).toBeGreaterThan(10)
    expect(readFileSync(join(dir, "out/siem-reap-2017.svg"), "utf8")).toContain("<svg")
  })

  it("writes only the formats asked for, and the same seed gives the same JSON", () => {
    const a = tmp()
    const b = tmp()
    const args = ["simulate", "siem-reap-2017", "--runs", "2", "--seed", "5", "--out", "o", "--format", "json"]
    expect(run([...args, "--workers", "1"], a).code).toBe(0)
    expect(run([...args, "--workers", "2"], b).code).toBe(0)
    expect(readFileSync(join(a, "o/siem-reap-2017.json"), "utf8")).toBe(
      readFileSync(join(b, "o/siem-reap-2017.json"), "utf8")
    )
    expect(() => readFileSync(join(a, "o/siem-reap-2017.csv"))).toThrow()
  })

  it("a scenario file with a bad field exits 2 with one line naming the field", () => {
    const dir = tmp()
    const bad = {
      ...Scenarios.siemReap2017Encoded,
      cohort: { ...Scenarios.siemReap2017Encoded.cohort, traceableFamilyShare: 7 }
    }
    const file = write(dir, "bad.json", JSON.stringify(bad))
    const r = run(["simulate", file, "--runs", "2"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("cohort.traceableFamilyShare")
    expect(r.stderr.trim().split("\n")).toHaveLength(1)
    expect(r.stdout).toBe("")
  })

  it("a valid scenario file runs; not JSON or not found exits 2", () => {
    const dir = tmp()
    const ok = write(dir, "s.json", JSON.stringify({ ...Scenarios.siemReap2017Encoded, id: "mine" }))
    const r = run(["simulate", ok, "--runs", "2", "--workers", "1"], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Scenario mine")
    const nj = run(["simulate", write(dir, "x.json", "{ nope")], dir)
    expect(nj.code).toBe(2)
    expect(nj.stderr).toContain("not valid JSON")
    const nf = run(["simulate", "no-such-scenario"], dir)
    expect(nf.code).toBe(2)
    expect(nf.stderr).toContain("--list")
  })

  it("draws a progress bar on a terminal (stderr TTY), none when piped", () => {
    const dir = tmp()
    // util-linux `script` gives the command a pseudo-terminal
    const tty = spawnSync(
      "script",
      ["-qec", `"${process.execPath}" "${BIN}" simulate siem-reap-2017 --runs 8 --workers 2`, "/dev/null"],
      { cwd: dir, encoding: "utf8" }
    )
    expect(tty.status).toBe(0)
    expect(tty.stdout).toMatch(/\[#*-*\]\s+\d+% \d+\/8 runs/)
    const piped = run(["simulate", "siem-reap-2017", "--runs", "8", "--workers", "2"], dir)
    expect(piped.stderr).toBe("")
    expect(piped.stdout).not.toContain("runs\r")
  })

  it("--list lists the built-in scenarios", () => {
    const r = run(["simulate", "--list"], tmp())
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("siem-reap-2017")
    expect(r.stdout).toContain("cambodia-national-2016")
    expect(r.stdout).toContain("2147")
  })
})
