/**
 * Builds what the end-to-end tests run: the CLI (`dist/bin.js`) when it is
 * missing or older than a source file, and `@homeward/core`'s `dist` when it
 * is missing, and `@homeward/validate`, `@homeward/simulate`, `@homeward/report` and
 * `@homeward/store-sqlite` when missing or stale, and the validator page (the CI runs `pnpm build`
 * first, so this is for local runs).
 */
import { execFileSync } from "node:child_process"
import { existsSync, readdirSync, statSync } from "node:fs"
import { join, resolve } from "node:path"

const newest = (dir: string): number => {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const build = (pkg: string) => {
  execFileSync("pnpm", ["run", "build"], { cwd: pkg, stdio: "inherit" })
}

export default function setup(): void {
  const cli = resolve(import.meta.dirname, "..")
  const core = resolve(cli, "../core")
  // core too when stale: the adapters' dist imports its entries (`@homeward/core/adapter`)
  if (
    !existsSync(join(core, "dist/adapter/index.js")) ||
    statSync(join(core, "dist/index.js")).mtimeMs < newest(join(core, "src"))
  )
    build(core)
  // the packages the validate, demo, simulate and report commands drive: built when missing or stale
  for (const name of ["validate", "simulate", "report", "store-sqlite"]) {
    const pkg = resolve(cli, "..", name)
    const dist = join(pkg, "dist/index.js")
    if (!existsSync(dist) || statSync(dist).mtimeMs < newest(join(pkg, "src"))) build(pkg)
  }
  // the validator page (`homeward validator`): its build bundles the sources of core and validate
  const web = resolve(cli, "../validator-web")
  const page = join(web, "dist/validator.html")
  if (
    !existsSync(page) ||
    !existsSync(join(web, "dist/index.js")) ||
    statSync(page).mtimeMs < Math.max(newest(join(web, "src")), newest(join(web, "page")))
  )
    build(web)
  const bin = join(cli, "dist/bin.js")
  if (!existsSync(bin) || statSync(bin).mtimeMs < newest(join(cli, "src"))) build(cli)
}
