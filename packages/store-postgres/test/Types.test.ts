/**
 * Issue: the published types referred to `pg` types that only a
 * hand-installed `@types/pg` provides (TS7016 with `skipLibCheck: false`,
 * and the exposed driver object silently `any`). Every third-party module the
 * source imports without shipping its own `.d.ts` must have its `@types`
 * package as a dependency, so a user's install brings it.
 */
import { readdirSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join, resolve } from "node:path"
import { describe, expect, it } from "vitest"

/** Packages imported by `src/` whose own files ship no `.d.ts`: their `@types/…` must be a dependency. */
const untypedImports = (pkgDir: string): Array<string> => {
  const names = new Set<string>()
  for (const f of readdirSync(join(pkgDir, "src"), { recursive: true, encoding: "utf8" })) {
    if (!f.endsWith(".ts")) continue
    for (const m of readFileSync(join(pkgDir, "src", f), "utf8").matchAll(/from "([^".][^"]*)"/g)) {
      const spec = m[1]!
      if (spec.startsWith("node:") || spec.startsWith("@homeward/")) continue
      names.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!)
    }
  }
  const require = createRequire(join(pkgDir, "package.json"))
  const hasDts = (dir: string): boolean =>
    readdirSync(dir, { recursive: true, encoding: "utf8" }).some(
      (f) => !f.includes("node_modules") && (f.endsWith(".d.ts") || f.endsWith(".d.mts"))
    )
  return [...names].filter((name) => !hasDts(dirname(require.resolve(`${name}/package.json`))))
}

describe("published types need nothing installed by hand", () => {
  const dir = resolve(import.meta.dirname, "..")
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>
  }

  it("every untyped module imported by src has its @types package in dependencies", () => {
    const untyped = untypedImports(dir)
    expect(untyped).toContain("pg") // the check is not vacuous
    for (const name of untyped) expect(Object.keys(pkg.dependencies ?? {})).toContain(`@types/${name}`)
  })
})
