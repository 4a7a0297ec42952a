#!/usr/bin/env node
// The `exports` map of every package, derived from its source tree: the
// package root (src/index.ts), one entry per module the root re-exports
// (src/<Module>.ts, as effect does: `@homeward/core/Child`) so that a bundler
// loads only the modules a program imports, and one entry per folder with an
// index (src/testing/index.ts: `@homeward/core/testing`). Private code
// (src/internal/) is blocked with `"./internal/*": null`.
//
//   node scripts/package-exports.mjs          rewrite packages/*/package.json
//   node scripts/package-exports.mjs --check  fail when a package.json is out of date
//
// The consumer check (scripts/consumer-check.mjs) runs the --check form.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")

/** Entries beyond the modules and folders, per package. */
const extra = {
  "@homeward/core": {
    "./schema/*.json": "./schema/*.json"
  },
  "@homeward/validator-web": {
    "./validator.html": "./dist/validator.html"
  }
}

function entry(path) {
  return {
    "@homeward/source": `./src/${path}.ts`,
    types: `./dist/${path}.d.ts`,
    default: `./dist/${path}.js`
  }
}

/** The public modules of a package: those src/index.ts re-exports (`export … from "./Child.js"`), sorted. */
export const publicModules = (pkgDir) => {
  const index = readFileSync(join(pkgDir, "src/index.ts"), "utf8")
  const names = [...index.matchAll(/^export\b[^;]*?\bfrom\s+"\.\/([A-Za-z]\w*)\.js"/gms)].map((m) => m[1])
  return [...new Set(names)].sort()
}

/** Folders of src/ (other than internal/) with an index.ts: entries of their own. */
export const publicFolders = (pkgDir) =>
  readdirSync(join(pkgDir, "src"), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "internal" && existsSync(join(pkgDir, "src", e.name, "index.ts")))
    .map((e) => e.name)
    .sort()

/** The exports map a package should have. */
export const exportsFor = (pkgDir, name) => {
  const map = { ".": entry("index") }
  for (const m of publicModules(pkgDir)) map[`./${m}`] = entry(m)
  for (const f of publicFolders(pkgDir)) map[`./${f}`] = entry(`${f}/index`)
  Object.assign(map, extra[name] ?? {})
  map["./internal/*"] = null
  map["./package.json"] = "./package.json"
  return map
}

export const packageDirs = () =>
  readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(root, "packages", e.name))

const main = () => {
  const check = process.argv.includes("--check")
  const stale = []
  for (const dir of packageDirs()) {
    const file = join(dir, "package.json")
    const text = readFileSync(file, "utf8")
    const pkg = JSON.parse(text)
    const want = exportsFor(dir, pkg.name)
    if (JSON.stringify(pkg.exports) === JSON.stringify(want)) continue
    if (check) {
      stale.push(pkg.name)
      continue
    }
    pkg.exports = want
    writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`)
    console.log(`updated ${pkg.name}: ${Object.keys(want).length} entries`)
  }
  if (stale.length > 0) {
    console.error(`exports out of date in ${stale.join(", ")}: run node scripts/package-exports.mjs`)
    process.exit(1)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
