#!/usr/bin/env node
// The `exports` map of every package, derived from its source tree: the
// package root (src/index.ts) plus one entry per public module (each
// src/<Module>.ts, as effect does: `@homeward/core/Child`), so that a bundler
// loads only the modules a program imports. Private code (src/internal/) is
// blocked with `"./internal/*": null`.
//
//   node scripts/package-exports.mjs          rewrite packages/*/package.json
//   node scripts/package-exports.mjs --check  fail when a package.json is out of date
//
// The consumer check (scripts/consumer-check.mjs) runs the --check form.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")

/** Source files that are entry points of their own but not modules to import. */
const notModules = new Set(["index.ts", "bin.ts", "worker.ts"])

/** Entries beyond the modules, per package. */
const extra = {
  "@homeward/core": {
    "./testing": entry("testing/index"),
    "./schema/*.json": "./schema/*.json"
  }
}

function entry(path) {
  return {
    "@homeward/source": `./src/${path}.ts`,
    types: `./dist/${path}.d.ts`,
    default: `./dist/${path}.js`
  }
}

/** The public modules of a package: src/<Module>.ts, sorted. */
export const publicModules = (pkgDir) =>
  readdirSync(join(pkgDir, "src"), { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") && !notModules.has(e.name))
    .map((e) => e.name.slice(0, -3))
    .sort()

/** The exports map a package should have. */
export const exportsFor = (pkgDir, name) => {
  const map = { ".": entry("index") }
  for (const m of publicModules(pkgDir)) map[`./${m}`] = entry(m)
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
