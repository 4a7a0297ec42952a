/**
 * Attack (issue: `report --out /nonexistent/dir/r.html`, `report --out /tmp`
 * and `demo --out <existing file>` exited 2 with nothing on stderr: the
 * unexpected exception was swallowed). Every failure now ends with one clear
 * line on stderr.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { run, tmp } from "./helpers.js"

const oneLine = (stderr: string): string => {
  const lines = stderr.trimEnd().split("\n")
  expect(lines.length, stderr).toBe(1)
  expect(lines[0]).toMatch(/^homeward: \S/)
  return lines[0]!
}

describe("every failure prints one clear line on stderr", () => {
  const dir = tmp()
  const demo = run(["demo", "--db", "d/demo.sqlite", "--out", "d"], dir)

  it("report --out into a directory that does not exist", () => {
    expect(demo.code).toBe(0)
    const r = run(["report", "--db", "d/demo.sqlite", "--out", join(dir, "nonexistent", "dir", "r.html")], dir)
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toMatch(/does not exist/)
  })

  it("report --out naming a directory", () => {
    const r = run(["report", "--db", "d/demo.sqlite", "--out", dir], dir)
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toMatch(/is a directory/)
  })

  it("demo --out naming an existing file", () => {
    writeFileSync(join(dir, "existing.txt"), "x")
    const r = run(["demo", "--db", "e/demo.sqlite", "--out", "existing.txt"], dir)
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toMatch(/--out existing\.txt exists and is not a directory/)
  })

  it("no command at all", () => {
    const r = run([], dir)
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toMatch(/no command given/)
  })

  it("an unknown flag (printed by the parser, on stderr)", () => {
    const r = run(["demo", "--nope"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("Unrecognized flag: --nope")
  })
})
