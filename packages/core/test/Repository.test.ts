/**
 * The repository stands on its own (issue 12, item 18): no file refers to the
 * source texts kept beside it, and every citation a rule gives names an entry
 * of the repository's docs/sources.md.
 */
import { execFileSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { fc } from "@fast-check/vitest"
import { describe, expect, it, vi } from "vitest"
import { BestInterestChecks, CaseState, Closure, Decider, Eligibility, Monitoring, Phase } from "../src/index.js"
import { Arbitraries } from "../src/testing/index.js"

// These properties replay whole generated case lives: each is sized by its run count (numRuns), and
// the timeout is a generous safety net so a loaded machine slows them down without failing them.
vi.setConfig({ testTimeout: 600_000 })

const root = join(import.meta.dirname, "..", "..", "..")
/** Not part of the repository's own text: version control, installed packages, build and test outputs (gitignored). */
const skipDirs = new Set([".git", "node_modules", "dist", "coverage", ".pg-test", "tmp"])
const skipPaths = new Set(["docs/api", "bench/out"])

const walk = (dir: string): Array<string> => {
  const out: Array<string> = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) {
      if (!skipDirs.has(e.name) && !skipPaths.has(relative(root, p))) out.push(...walk(p))
    } else if (e.isFile() && statSync(p).size < 8_000_000) out.push(p)
  }
  return out
}

/**
 * The repository's files: in a git checkout, what git tracks plus untracked files it does not ignore (so
 * ignored build and test outputs never count); elsewhere (an exported tree), a walk that skips the usual
 * output folders.
 */
const files = (dir: string): Array<string> => {
  if (!existsSync(join(dir, ".git"))) return walk(dir)
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024
  })
    .toString("utf8")
    .split("\0")
    .filter((f) => f !== "")
    .map((f) => join(dir, f))
  return listed.filter((p) => existsSync(p) && statSync(p).isFile() && statSync(p).size < 8_000_000)
}

describe("[item 18] the repository does not send anyone outside itself", () => {
  it("no file in the repository mentions the shared source folder", () => {
    const needle = ["shared", "/"].join("")
    const all = files(root)
    expect(all.length).toBeGreaterThan(100)
    const offenders = all.filter((p) => {
      const buf = readFileSync(p)
      if (buf.includes(0)) return false
      return buf.toString("utf8").includes(needle)
    })
    expect(offenders.map((p) => relative(root, p))).toEqual([])
  })

  it("every reason the rules give cites an entry of docs/sources.md (by key)", () => {
    const md = readFileSync(join(root, "docs", "sources.md"), "utf8")
    const keys = new Set([...md.matchAll(/^### (\S+)\s*$/gm)].map((m) => m[1]!))
    const seen = new Set<string>()
    for (const sc of [
      ...fc.sample(Arbitraries.lifecycle(), { numRuns: 8, seed: 11 }),
      ...fc.sample(Arbitraries.scenario({ minLength: 30, maxLength: 80 }), { numRuns: 12, seed: 12 })
    ]) {
      let s = CaseState.initial(sc.caseId)
      for (const c of sc.commands) {
        const r = Decider.decide(s, c, sc.profile, c.occurredOn)
        const decisions = [
          Eligibility.assessReintegration(s, sc.profile, c.occurredOn),
          BestInterestChecks.bestInterestChecks(s, sc.profile, c.occurredOn),
          Phase.canAdvance(s, sc.profile, c.occurredOn),
          Monitoring.monitoringStatus(s, sc.profile, c.occurredOn),
          Closure.closureEligibility(s, sc.profile, c.occurredOn)
        ]
        for (const x of [...decisions.flatMap((d) => d.reasons), ...(r.ok ? [] : r.reasons)]) {
          expect(x.source.key, `${x.rule} ${x.code}`).toBeDefined()
          expect(keys.has(x.source.key!), `${x.rule} ${x.code}: ${x.source.key}`).toBe(true)
          seen.add(x.source.key!)
        }
        if (r.ok) for (const e of r.events) s = CaseState.evolve(s, e)
      }
    }
    expect(seen.size).toBeGreaterThan(8)
  })
})
