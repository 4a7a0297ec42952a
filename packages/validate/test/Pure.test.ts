import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const files = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  )

describe("@homeward/validate is pure (runs in a browser)", () => {
  const src = files(join(import.meta.dirname, "../src"))

  it.each(src.map((f) => [f.slice(f.indexOf("src/")), f]))("%s uses no Node.js module or global", (_, f) => {
    const text = readFileSync(f, "utf8")
    expect(text).not.toMatch(/from\s+["']node:|require\(|import\(["']node:/)
    expect(text).not.toMatch(/\b(process|Buffer|__dirname|setImmediate)\s*[.(]/)
    expect(text).not.toMatch(/from\s+["'](fs|path|os|stream|zlib|crypto|child_process)["']/)
  })

  it("its package depends on nothing but @homeward/core and effect", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8")) as {
      dependencies: Record<string, string>
      peerDependencies: Record<string, string>
    }
    expect(Object.keys(pkg.dependencies)).toEqual([])
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(["@homeward/core", "effect"])
  })
})
