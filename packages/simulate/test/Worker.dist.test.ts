/**
 * The worker entry from the built package: `dist/index.js` starts
 * `dist/worker.js` threads. Builds the package first when `dist` is missing
 * or older than `src`.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { beforeAll, describe, expect, it } from "vitest"
import { smallEncoded } from "./helpers.js"

const pkg = fileURLToPath(new URL("..", import.meta.url))
const dist = `${pkg}dist/index.js`

const stale = (): boolean => {
  if (!existsSync(dist) || !existsSync(`${pkg}dist/worker.js`)) return true
  const built = statSync(dist).mtimeMs
  return readdirSync(`${pkg}src`, { recursive: true }).some(
    (f) => String(f).endsWith(".ts") && statSync(`${pkg}src/${String(f)}`).mtimeMs > built
  )
}

describe("worker threads from the built dist", () => {
  beforeAll(() => {
    // the build reads @homeward/core's declarations from its dist
    const core = `${pkg}../core/`
    if (!existsSync(`${core}dist/index.d.ts`)) execFileSync("pnpm", ["run", "build"], { cwd: core, stdio: "ignore" })
    if (stale()) execFileSync("pnpm", ["run", "build"], { cwd: pkg, stdio: "ignore" })
  }, 180_000)

  it("dist/worker.js gives byte-identical JSON to the in-thread path (1 vs 2 workers)", () => {
    const script = `
      import { Scenario, simulate, toJson } from ${JSON.stringify(pathToFileURL(dist).href)}
      const sc = Scenario.decodeScenarioOrThrow(${JSON.stringify(smallEncoded({ runs: 16 }))})
      const one = toJson(await simulate(sc, { workers: 1 }))
      let events = 0
      const two = toJson(await simulate(sc, { workers: 2, chunkSize: 3, onProgress: () => events++ }))
      process.stdout.write(JSON.stringify({ same: one === two, events, length: one.length }))
    `
    const dir = mkdtempSync(join(tmpdir(), "homeward-sim-"))
    const file = join(dir, "run.mjs")
    writeFileSync(file, script)
    const out = execFileSync(process.execPath, [file], { cwd: pkg, encoding: "utf8" })
    rmSync(dir, { recursive: true, force: true })
    const r = JSON.parse(out) as { same: boolean; events: number; length: number }
    expect(r.same).toBe(true)
    expect(r.events).toBe(Math.ceil(16 / 3))
    expect(r.length).toBeGreaterThan(1000)
  }, 120_000)
})
