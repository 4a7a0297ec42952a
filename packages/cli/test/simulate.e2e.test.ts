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
    expect(r.stdout).toContain("Target: 644 of 2,147 children (30.0%; count as stated) home by 2018-12-31")
    // With 20 workers no run reaches 644: the probability is reported with the rule-of-three bound, not as a bare 0.
    expect(r.stdout).toMatch(
      /Probability of reaching the target by the deadline: 0\.0% \(no run of 3; see the warning below\)/
    )
    expect(r.stdout).toContain("Warning: no run reached the target: the probability is below about 100.0 points")
    expect(r.stdout).toMatch(
      /on the deadline \(2018-12-31\)\s+\d+(\.\d+)?% ± \d+\.\d+ points \(MC s\.e\.\)\s+\d+(\.\d+)?%/
    )
    expect(r.stdout).toContain("144 already returned and under monitoring")
    expect(r.stdout).toContain("Breakdowns per child ever reunified:")
    expect(r.stdout).toContain("Worker utilisation:")
    // Every parameter with its label; none unlabelled in a built-in scenario.
    expect(r.stdout).toMatch(/Parameters: \d+ from sources, \d+ from the policy profile, \d+ assumptions \(/)
    expect(r.stdout).toMatch(
      /cohort\.traceableFamilyShare\s+0\.7\s+uniform 0\.6–0\.8\s+assumption \(basis: Phnom Penh Post/
    )
    expect(r.stdout).toMatch(
      /target\s+30% \(644 children, the source's count\) by 2018-12-31\s+source: UNICEF Cambodia/
    )
    expect(r.stdout).not.toContain("UNLABELLED")
    // Three runs are too few for the precision shown: the summary says so.
    expect(r.stdout).toContain("Warning: 3 runs: P5 and P95")
    const json = JSON.parse(readFileSync(join(dir, "out/siem-reap-2017.json"), "utf8"))
    expect(json.scenario.runs).toBe(3)
    expect(readFileSync(join(dir, "out/siem-reap-2017.csv"), "utf8").split("\n").length).toBeGreaterThan(10)
    expect(readFileSync(join(dir, "out/siem-reap-2017.svg"), "utf8")).toContain("<svg")
  })

  it("--runs 1 says the Monte Carlo error cannot be estimated instead of printing a bare 0% with P5 = P50 = P95", () => {
    const r = run(["simulate", "siem-reap-2017", "--runs", "1", "--workers", "1"], tmp())
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("(Monte Carlo error unknown)")
    expect(r.stdout).toContain(
      "Warning: 1 run: the Monte Carlo error cannot be estimated, P5 = P50 = P95 by construction"
    )
  })

  it("CSV header comments and the JSON carry the labels", () => {
    const dir = tmp()
    expect(run(["simulate", "siem-reap-2017", "--runs", "2", "--workers", "1", "--out", "o"], dir).code).toBe(0)
    const csv = readFileSync(join(dir, "o/siem-reap-2017.csv"), "utf8")
    expect(csv).toMatch(/^# scenario siem-reap-2017/)
    expect(csv).toContain("#   socialWorkers.count = 20 | assumption: The source names DoSVY social workers")
    const json = JSON.parse(readFileSync(join(dir, "o/siem-reap-2017.json"), "utf8"))
    expect(json.parameters.find((p: { path: string }) => p.path === "cohort.children").label.kind).toBe("source")
    expect(readFileSync(join(dir, "o/siem-reap-2017.svg"), "utf8")).toContain("Assumptions (")
  })

  it("--set changes one value (labelled as set on the command line); a bad path or value exits 2 naming it", () => {
    const dir = tmp()
    const r = run(
      [
        "simulate",
        "siem-reap-2017",
        "--runs",
        "2",
        "--workers",
        "1",
        "--set",
        "socialWorkers.count=60",
        "--set",
        "sampling.mode=central"
      ],
      dir
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("60 social workers")
    expect(r.stdout).toMatch(/socialWorkers\.count\s+60\s+assumption/)
    expect(r.stdout).toContain("Ranges ignored (sampling mode central)")
    const bad = run(["simulate", "siem-reap-2017", "--runs", "2", "--set", "outcomes.contactPositive=1.5"], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("outcomes.contactPositive")
    const noEq = run(["simulate", "siem-reap-2017", "--set", "socialWorkers.count"], dir)
    expect(noEq.code).toBe(2)
    expect(noEq.stderr).toContain("path=value")
  })

  it("--solve workers --probability 0.8 answers with the smallest number of social workers and how sure it is", () => {
    const r = run(
      [
        "simulate",
        "siem-reap-2017",
        "--solve",
        "workers",
        "--probability",
        "0.8",
        "--runs",
        "40",
        "--search-runs",
        "20",
        "--workers",
        "1"
      ],
      tmp()
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      "Question: the smallest number of social workers with which 644 children are home by 2018-12-31 with probability at least 80%"
    )
    expect(r.stdout).toMatch(
      /\n(About )?\d+ social workers reach 644 children by 2018-12-31 with probability 80\.0%.*: \d+ give \d+\.\d% ± \d+\.\d points/
    )
    expect(r.stdout).toMatch(/Social workers\s+Runs\s+P\(target\)\s+MC s\.e\./)
    const bad = run(["simulate", "siem-reap-2017", "--solve", "money"], tmp())
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("use workers, visits or budget")
  })

  it("--sensitivity prints the ranking and writes the tornado chart", () => {
    const dir = tmp()
    const r = run(["simulate", "siem-reap-2017", "--sensitivity", "--runs", "6", "--workers", "1", "--out", "o"], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Uncertain input\s+Range\s+Low \(P10\)\s+High \(P90\)/)
    expect(r.stdout).toContain("socialWorkers.visitsPerWeek")
    expect(readFileSync(join(dir, "o/siem-reap-2017-tornado.svg"), "utf8")).toMatch(/^<svg/)
  })

  it("--compare policy=azizas-place shows what differs on paired runs, with bands", () => {
    const r = run(
      ["simulate", "siem-reap-2017", "--compare", "policy=azizas-place", "--runs", "4", "--workers", "1"],
      tmp()
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Compared on 4 paired runs")
    expect(r.stdout).toMatch(/children under monitoring on the deadline\s+\d+\.\d\s+\d+\.\d/)
    expect(r.stdout).toContain('Difference "policy=azizas-place" − "as given"')
    expect(r.stdout).toContain("policy.monitoring.durationMonths 36 months → 24 months")
    const flagged = run(
      [
        "simulate",
        "siem-reap-2017",
        "--set",
        "cohort.alreadyReturned=0",
        "--compare",
        "policy=azizas-place",
        "--runs",
        "3",
        "--workers",
        "1"
      ],
      tmp()
    )
    expect(flagged.stdout).toMatch(
      /Note on "policy=azizas-place": identical to "as given" on the deadline in all 3 paired runs/
    )
  })

  it("--calibrate fits the history's effective capacity to the 144 children of 2016–2017", () => {
    const r = run(
      [
        "simulate",
        "siem-reap-history-2016",
        "--calibrate",
        "--fit",
        "socialWorkers.availability",
        "--draws",
        "40",
        "--workers",
        "1"
      ],
      tmp()
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Observed: 144 children reunified between 2016-01-01 and 2017-11-17 (UNICEF Cambodia")
    expect(r.stdout).toMatch(/socialWorkers\.availability\s+uniform 0\.02–1\s+0\.\d+/)
    expect(r.stdout).toMatch(/Fit: the fitted parameters reproduce \d+\.\d on average/)
    const none = run(["simulate", "siem-reap-2017", "--calibrate"], tmp())
    expect(none.code).toBe(2)
    expect(none.stderr).toContain("no observation")
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
    expect(r.stdout).toContain("siem-reap-history-2016")
    expect(r.stdout).toContain("2147")
  })
})
