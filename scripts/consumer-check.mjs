#!/usr/bin/env node
// The consumer check: the published packages work as users install them.
//
// Packs every package (`pnpm pack`), installs the tarballs with npm into a
// temporary project outside the workspace (no workspace links, no source
// condition), then:
//   0. checks the tarballs: every module's .js and .d.ts, no bundler chunks,
//      no workspace: ranges, effect a peer dependency, a README whose
//      `npm install` line names the package's required peers;
//   1. fails on any installed dependency whose `engines` exclude Node 20.19;
//   2. typechecks a consumer program that uses every package
//      (scripts/consumer/program.ts) under `nodenext` and `bundler`, strict,
//      `skipLibCheck: false`, and the documentation's ts blocks under `nodenext`;
//   3. asks the TypeScript language service for hover documentation of
//      namespaced exports (`Decider.decide`, `Validation.decodeUnknown`, …) and
//      checks that Schemas such as `Child.Child` are values;
//   4. runs the consumer program on Node 20;
//   5. imports every package and every subpath entry from plain Node ESM;
//   6. runs `npx homeward --help`, `validate`, `schema` and `demo`;
//   7. runs the ts / js / sh blocks of README.md, docs/**/*.md and
//      packages/*/README.md (markers: scripts/consumer/doc-blocks.mjs);
//   8. bundles `@homeward/core/Child` + `@homeward/core/Validation` for the
//      browser (esbuild, minified, gzip -9): at most 1.2 × `effect/Schema` alone.
//
// Needs the packages built (`pnpm build`). Usage:
//   node scripts/consumer-check.mjs [--keep]
// Run through scripts/with-postgres.sh (as `pnpm consumer-check` does) so that
// the PostgreSQL store and its README example run against a real server.
// HOMEWARD_CONSUMER_ANY_NODE=1 allows a Node other than 20 (not for CI).
import { execFileSync, spawn, spawnSync } from "node:child_process"
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { Worker } from "node:worker_threads"
import { gzipSync } from "node:zlib"
import * as esbuild from "esbuild"
import semver from "semver"
import ts from "typescript"
import { programs as docPrograms } from "./consumer/doc-blocks.mjs"
import { exportsFor, packageDirs, publicModules } from "./package-exports.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const keep = process.argv.includes("--keep")
const MIN_NODE = "20.19.0"
const MAX_BUNDLE_RATIO = 1.2

const failures = []
const log = (msg) => console.log(`consumer-check: ${msg}`)
const fail = (step, msg) => {
  failures.push(`${step}: ${msg}`)
  console.error(`consumer-check: FAIL ${step}: ${msg}`)
}
const step = async (name, fn) => {
  const t0 = performance.now()
  log(`${name} …`)
  try {
    await fn((msg) => fail(name, msg))
  } catch (e) {
    fail(name, e instanceof Error ? (e.stack ?? e.message) : String(e))
  }
  log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}
const run = (cmd, args, options = {}) =>
  spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 300_000, ...options })
/** spawnSync's result, without blocking: `{ status, stdout, stderr, error }`. */
const runAsync = (cmd, args, options = {}) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d))
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d))
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeout ?? 300_000)
    child.on("error", (error) => {
      clearTimeout(timer)
      resolve({ status: null, stdout, stderr, error })
    })
    child.on("close", (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr, error: undefined })
    })
  })
const clip = (s, n = 4000) => (s.length > n ? `${s.slice(0, n)}\n… (${s.length - n} more characters)` : s)

const packages = packageDirs()
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter((p) => p.pkg.private !== true)

// ---------------------------------------------------------------- preflight
const major = Number(process.versions.node.split(".")[0])
if (major !== 20 && process.env.HOMEWARD_CONSUMER_ANY_NODE !== "1") {
  console.error(
    `consumer-check: runs the packages on Node 20 (this is ${process.version}); HOMEWARD_CONSUMER_ANY_NODE=1 to override`
  )
  process.exit(1)
}

await step("exports maps match the modules", (bad) => {
  for (const { dir, pkg } of packages) {
    if (JSON.stringify(pkg.exports) !== JSON.stringify(exportsFor(dir, pkg.name)))
      bad(`${pkg.name}: exports out of date: run node scripts/package-exports.mjs`)
    if (pkg.sideEffects === undefined || pkg.sideEffects === true) bad(`${pkg.name}: declare "sideEffects"`)
  }
})

await step("dist is built and mirrors src", (bad) => {
  for (const { dir, pkg } of packages) {
    const src = join(dir, "src")
    for (const f of readdirSync(src, { recursive: true })) {
      const file = String(f)
      if (!file.endsWith(".ts") || file.endsWith(".d.ts") || file.endsWith(".test.ts")) continue
      const base = join(dir, "dist", file.slice(0, -3))
      for (const ext of [".js", ".d.ts", ".d.ts.map"]) {
        const out = base + ext
        if (!existsSync(out)) bad(`${pkg.name}: dist/${file.slice(0, -3)}${ext} missing: run pnpm build`)
        else if (statSync(out).mtimeMs + 1000 < statSync(join(src, file)).mtimeMs)
          bad(`${pkg.name}: dist/${file.slice(0, -3)}${ext} older than src/${file}: run pnpm build`)
      }
    }
  }
})
if (failures.length > 0) process.exit(1)

// --------------------------------------------------------------------- pack
const work = mkdtempSync(join(tmpdir(), "homeward-consumer-"))
const tarballs = join(work, "tarballs")
const app = join(work, "app")
mkdirSync(tarballs)
mkdirSync(app)
log(`working directory ${work}`)
const packed = {}

await step("pack", async (bad) => {
  // one `pnpm pack` per package, all at once (each mostly waits on pnpm's start-up)
  const pack = ({ dir, pkg }) =>
    new Promise((resolve, reject) => {
      const child = spawn("pnpm", ["pack", "--pack-destination", tarballs], {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"]
      })
      let out = ""
      child.stdout.on("data", (d) => (out += d))
      child.stderr.on("data", (d) => (out += d))
      child.on("error", reject)
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`pnpm pack ${pkg.name}: ${out}`))))
    })
  await Promise.all(packages.map(pack))
  for (const { dir, pkg } of packages) {
    const file = readdirSync(tarballs).find((f) => f.startsWith(`${pkg.name.slice(1).replace("/", "-")}-`))
    if (file === undefined) throw new Error(`no tarball for ${pkg.name}`)
    packed[pkg.name] = join(tarballs, file)
    const listing = execFileSync("tar", ["-tzf", packed[pkg.name]], { encoding: "utf8" }).split("\n")
    const manifest = JSON.parse(
      execFileSync("tar", ["-xzOf", packed[pkg.name], "package/package.json"], { encoding: "utf8" })
    )
    if (!listing.includes("package/README.md")) bad(`${pkg.name}: no README.md in the tarball`)
    else {
      // the install line names the package and its peer dependencies
      const readme = execFileSync("tar", ["-xzOf", packed[pkg.name], "package/README.md"], { encoding: "utf8" })
      const install = readme.split("\n").find((l) => l.startsWith("npm install ") && l.includes(pkg.name))
      const peers = Object.entries(manifest.peerDependenciesMeta ?? {})
      const required = Object.keys(manifest.peerDependencies ?? {}).filter(
        (p) => !peers.some(([name, meta]) => name === p && meta.optional === true)
      )
      if (install === undefined) bad(`${pkg.name}: README.md has no "npm install ${pkg.name} …" line`)
      else
        for (const p of required)
          if (!install.includes(` ${p}`)) bad(`${pkg.name}: README's install line lacks the peer ${p}`)
    }
    for (const m of publicModules(dir))
      for (const ext of [".js", ".d.ts"])
        if (!listing.includes(`package/dist/${m}${ext}`)) bad(`${pkg.name}: dist/${m}${ext} not in the tarball`)
    const chunks = listing.filter((f) => /\/(chunk-[^/]*|[^/]+-[A-Za-z0-9_]{8})\.(js|d\.ts)$/.test(f))
    if (chunks.length > 0) bad(`${pkg.name}: bundler chunk files in the tarball: ${chunks.join(", ")}`)
    const text = JSON.stringify(manifest)
    if (text.includes("workspace:")) bad(`${pkg.name}: a workspace: range left in the packed package.json`)
    if (pkg.name !== "@homeward/cli" && manifest.peerDependencies?.effect === undefined)
      bad(`${pkg.name}: effect is not a peer dependency (the user shares the instance)`)
  }
  log(`packed ${Object.keys(packed).length} packages`)
})

// ------------------------------------------------------------------ install
const wsRequire = createRequire(join(root, "packages/store-sqlite/package.json"))
const wsSqlite = dirname(wsRequire.resolve("better-sqlite3/package.json"))
const wsSqliteVersion = JSON.parse(readFileSync(join(wsSqlite, "package.json"), "utf8")).version
const corePkg = packages.find((p) => p.pkg.name === "@homeward/core").pkg
const fpPkg = packages.find((p) => p.pkg.name === "@homeward/fp-ts").pkg

await step("npm install the tarballs", () => {
  const manifest = {
    name: "homeward-consumer",
    private: true,
    type: "module",
    dependencies: {
      ...Object.fromEntries(Object.entries(packed).map(([name, file]) => [name, `file:${relative(app, file)}`])),
      // what the README install lines ask the user to add
      effect: corePkg.peerDependencies.effect,
      "fp-ts": fpPkg.peerDependencies["fp-ts"]
    },
    devDependencies: {
      "@types/node": "~20.19.0",
      // the optional peers of @homeward/core/testing (the conformance suite)
      "fast-check": corePkg.peerDependencies["fast-check"],
      vitest: corePkg.peerDependencies.vitest
    },
    // the version the workspace compiled, so its native addon can be reused
    // below (this machine cannot download prebuilt better-sqlite3 binaries)
    overrides: { "better-sqlite3": wsSqliteVersion }
  }
  writeFileSync(join(app, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`)
  const r = run(
    "npm",
    ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=warn"],
    { cwd: app, timeout: 600_000 }
  )
  if (r.status !== 0) throw new Error(`npm install failed:\n${clip(r.stderr)}`)
  const addon = "build/Release/better_sqlite3.node"
  const target = join(app, "node_modules/better-sqlite3")
  if (existsSync(join(wsSqlite, addon))) {
    mkdirSync(dirname(join(target, addon)), { recursive: true })
    copyFileSync(join(wsSqlite, addon), join(target, addon))
  } else {
    const rb = run("npm", ["rebuild", "better-sqlite3"], { cwd: app, timeout: 900_000 })
    if (rb.status !== 0) throw new Error(`npm rebuild better-sqlite3 failed:\n${clip(rb.stderr)}`)
  }
})
if (!existsSync(join(app, "node_modules/@homeward/core"))) {
  console.error(`consumer-check: install failed; kept ${work}`)
  process.exit(1)
}

// every installed package.json under node_modules (nested ones included)
const installed = []
const walk = (dir) => {
  if (!existsSync(dir)) return
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.startsWith(".")) continue
    const p = join(dir, e.name)
    if (e.name.startsWith("@")) {
      walk(p)
      continue
    }
    const pj = join(p, "package.json")
    if (existsSync(pj)) installed.push({ dir: p, pkg: JSON.parse(readFileSync(pj, "utf8")) })
    walk(join(p, "node_modules"))
  }
}
walk(join(app, "node_modules"))

await step("engines allow Node 20.19", (bad) => {
  for (const { dir, pkg } of installed) {
    const range = pkg.engines?.node
    if (typeof range === "string" && !semver.satisfies(MIN_NODE, range, { includePrerelease: true }))
      bad(`${pkg.name}@${pkg.version} requires node ${range} (${relative(app, dir)})`)
  }
  const copies = installed.filter((p) => p.pkg.name?.startsWith("@homeward/"))
  if (copies.length !== packages.length)
    bad(`expected one copy of each @homeward package, found: ${copies.map((c) => relative(app, c.dir)).join(", ")}`)
  const effects = installed.filter((p) => p.pkg.name === "effect")
  if (effects.length !== 1)
    bad(
      `expected one copy of effect (a peer dependency), found ${effects.map((c) => `${c.pkg.version} in ${relative(app, c.dir)}`).join(", ")}`
    )
  log(`${installed.length} installed packages checked`)
})

// --------------------------------------------------------------- typescript
const docFiles = [
  "README.md",
  ...readdirSync(join(root, "docs"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
  ...packages.map((p) => relative(root, join(p.dir, "README.md"))).filter((f) => existsSync(join(root, f)))
]
const slug = (file) => file.replace(/\.md$/, "").replace(/[^\w-]+/g, "_")
const docs = [] // { file, slug, items: programs and files }
await step("extract documentation code blocks", (bad) => {
  for (const file of docFiles) {
    const { programs, errors } = docPrograms(readFileSync(join(root, file), "utf8"))
    for (const e of errors) bad(`${file}:${e.line}: ${e.message}`)
    docs.push({ file, slug: slug(file), items: programs })
  }
  const all = docs.flatMap((d) => d.items.filter((i) => i.kind === "program"))
  log(
    `${all.length} programs (${all.filter((p) => p.lang === "ts").length} ts, ${all.filter((p) => p.lang === "sh").length} sh, ${all.filter((p) => p.lang === "js").length} js; ${all.filter((p) => p.noRun).length} not run) in ${docFiles.length} files`
  )
})

// source files of the nodenext program, with the Markdown origin of doc lines
const sources = new Map() // absolute path -> text
const origins = new Map() // absolute path -> { file, lines }
mkdirSync(join(app, "src"))
sources.set(join(app, "src/program.ts"), readFileSync(join(root, "scripts/consumer/program.ts"), "utf8"))

// hover probes: expression, the module whose declaration file must hold it, whether it must be a value
const probes = [
  ["Decider.decide", "core/dist/Decider.d.ts"],
  ["Validation.decodeUnknown", "core/dist/Validation.d.ts"],
  ["Phase.canAdvance", "core/dist/Phase.d.ts"],
  ["EventStore.Conflict", "core/dist/EventStore.d.ts", "value"],
  ["Child.Child", "core/dist/Child.d.ts", "value"],
  ["Decider.Command", "core/dist/Decider.d.ts", "value"],
  ["Report.aggregate", "report/dist/Report.d.ts"],
  ["simulate", "simulate/dist/Simulate.d.ts"],
  ["Scenario.Scenario", "simulate/dist/Scenario.d.ts", "value"],
  ["openSqliteStore", "store-sqlite/dist/SqliteStore.d.ts"],
  ["openPostgresStore", "store-postgres/dist/PostgresStore.d.ts"],
  ["Rules.assessReintegration", "fp-ts/dist/Rules.d.ts"],
  ["validateFile", "cli/dist/Validate.d.ts"]
]
const hoverFile = join(app, "src/hover.ts")
sources.set(
  hoverFile,
  [
    `import { Child, Decider, EventStore, Phase, Validation } from "@homeward/core"`,
    `import { Report } from "@homeward/report"`,
    `import { Scenario, simulate } from "@homeward/simulate"`,
    `import { openSqliteStore } from "@homeward/store-sqlite"`,
    `import { openPostgresStore } from "@homeward/store-postgres"`,
    `import { Rules } from "@homeward/fp-ts"`,
    `import { validateFile } from "@homeward/cli"`,
    ...probes.map(([expr], i) => `export const probe${i} = ${expr}`),
    ""
  ].join("\n")
)
for (const d of docs)
  for (const [k, p] of d.items.entries()) {
    if (p.kind !== "program" || p.lang !== "ts") continue
    const path = join(app, "docs", d.slug, `L${p.line}.ts`)
    mkdirSync(dirname(path), { recursive: true })
    const header = `// ${d.file}:${p.line}\n`
    sources.set(path, `${header}${p.text}\nexport {}\n`)
    origins.set(path, { file: d.file, lines: [p.line, ...p.lines] })
    p.out = join(app, "out/docs", d.slug, `L${p.line}.js`)
    p.index = k
  }
for (const [path, text] of sources) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

const baseOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  types: ["node"],
  skipLibCheck: false,
  rootDir: app,
  outDir: join(app, "out"),
  typeRoots: [join(app, "node_modules/@types")]
}
// one registry for both programs, so that declaration files parsed once are reused
const registry = ts.createDocumentRegistry()
const languageService = (rootNames, options) => {
  const versions = new Map(rootNames.map((f) => [f, "1"]))
  const host = {
    getScriptFileNames: () => rootNames,
    getScriptVersion: (f) => versions.get(f) ?? "0",
    getScriptSnapshot: (f) => {
      const text = sources.get(f) ?? (existsSync(f) ? readFileSync(f, "utf8") : undefined)
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
    },
    getCurrentDirectory: () => app,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => sources.has(f) || ts.sys.fileExists(f),
    readFile: (f) => sources.get(f) ?? ts.sys.readFile(f),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath
  }
  return ts.createLanguageService(host, registry)
}
const describe = (d) => {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n")
  if (d.file === undefined) return message
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0)
  const origin = origins.get(d.file.fileName)
  if (origin !== undefined) return `${origin.file}:${origin.lines[line] ?? "?"} (ts block): ${message}`
  return `${relative(app, d.file.fileName)}:${line + 1}:${character + 1}: ${message}`
}

// the bundler typecheck runs in a worker thread meanwhile (the machine has 2 cores)
const bundlerDiagnostics = new Promise((resolve, reject) => {
  const worker = new Worker(new URL("./consumer/typecheck-worker.mjs", import.meta.url), {
    workerData: {
      rootNames: [join(app, "src/program.ts"), hoverFile],
      options: {
        ...baseOptions,
        module: ts.ModuleKind.Preserve,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        noEmit: true
      }
    }
  })
  worker.once("message", resolve)
  worker.once("error", reject)
})
bundlerDiagnostics.catch(() => {}) // reported when awaited below

let nodenext
await step("typecheck (nodenext, skipLibCheck false): consumer program and documentation", (bad) => {
  const options = { ...baseOptions, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }
  nodenext = languageService([...sources.keys()], options)
  const program = nodenext.getProgram()
  const diagnostics = ts.getPreEmitDiagnostics(program)
  for (const d of diagnostics) bad(describe(d))
  // the language service's own host writes nothing: give emit a writer
  const emitted = program.emit(undefined, ts.sys.writeFile)
  for (const d of emitted.diagnostics) bad(describe(d))
  log(`${program.getSourceFiles().length} files in the program, ${diagnostics.length} errors`)
})

await step("hover documentation and values in the published declarations", (bad) => {
  const text = sources.get(hoverFile)
  for (const [i, [expr, declFile, must]] of probes.entries()) {
    const at = text.indexOf(`probe${i} = ${expr}`) + `probe${i} = `.length + expr.length - 1
    const info = nodenext.getQuickInfoAtPosition(hoverFile, at)
    const doc = ts.displayPartsToString(info?.documentation ?? []).trim()
    if (doc === "") bad(`${expr}: no documentation on hover`)
    const defs = nodenext.getDefinitionAtPosition(hoverFile, at) ?? []
    const want = `/node_modules/@homeward/${declFile}`
    if (!defs.some((d) => d.fileName.endsWith(want)))
      bad(
        `${expr}: declared in ${defs.map((d) => relative(app, d.fileName)).join(", ") || "nothing"}, expected …${want}`
      )
    if (must === "value" && !["const", "class", "var", "let", "function"].includes(info?.kind ?? ""))
      bad(`${expr}: is a ${info?.kind ?? "nothing"} on hover, expected a value (const or class)`)
  }
  // compiler messages name modules, not bundler chunks (`typeof Child$1`)
  for (const { dir, pkg } of installed.filter((p) => p.pkg.name?.startsWith("@homeward/"))) {
    for (const f of readdirSync(join(dir, "dist"), { recursive: true }).map(String)) {
      if (!f.endsWith(".d.ts")) continue
      const m = /\b[A-Za-z_]\w*\$\d+\b/.exec(readFileSync(join(dir, "dist", f), "utf8"))
      if (m !== null) bad(`${pkg.name}/dist/${f}: renamed declaration ${m[0]}`)
    }
  }
})

await step("typecheck (bundler, skipLibCheck false): consumer program", async (bad) => {
  for (const d of await bundlerDiagnostics)
    bad(d.file === undefined ? d.message : `${relative(app, d.file)}:${d.line}:${d.column}: ${d.message}`)
})

// ---------------------------------------------------------------------- run
const env = { ...process.env, NODE_OPTIONS: "", PATH: `${join(app, "node_modules/.bin")}:${process.env.PATH}` }
delete env.npm_config_user_agent
if (process.env.HOMEWARD_PG_URL) env.DATABASE_URL = process.env.HOMEWARD_PG_URL

await step("run the consumer program on Node 20", () => {
  const r = run(process.execPath, [join(app, "out/src/program.js")], { cwd: app, env })
  if (r.status !== 0) throw new Error(`exit ${r.status}\n${clip(r.stdout)}\n${clip(r.stderr)}`)
  log(r.stdout.trim())
})

await step("import every package and subpath from plain Node ESM", (bad) => {
  const specifiers = []
  for (const { pkg } of packages)
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (target === null || key === "./package.json" || key.includes("*")) continue
      // a file that is not a module (the validator page): checked by its package's tests
      if (typeof target === "string" && !target.endsWith(".js")) continue
      specifiers.push(key === "." ? pkg.name : `${pkg.name}${key.slice(1)}`)
    }
  const script = `
    const specifiers = ${JSON.stringify(specifiers)}
    const problems = []
    for (const s of specifiers) {
      try {
        const ns = await import(s)
        if (Object.keys(ns).length === 0) problems.push(s + ": no exports")
      } catch (e) { problems.push(s + ": " + e.message.split("\\n")[0]) }
    }
    const schema = await import("@homeward/core/schema/child.json", { with: { type: "json" } })
    if (schema.default.$schema === undefined) problems.push("@homeward/core/schema/child.json: not a JSON Schema")
    try {
      await import("@homeward/core/internal/dates")
      problems.push("@homeward/core/internal/dates: private module importable")
    } catch (e) {
      if (e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") problems.push("internal: " + e.code)
    }
    console.log(JSON.stringify({ count: specifiers.length, problems }))
  `
  const file = join(app, "imports.mjs")
  writeFileSync(file, script)
  const r = run(process.execPath, [file], { cwd: app, env })
  if (r.status !== 0) throw new Error(`exit ${r.status}\n${clip(r.stderr)}`)
  const { count, problems } = JSON.parse(r.stdout.trim().split("\n").at(-1))
  for (const p of problems) bad(p)
  log(`${count} entries imported`)
})

await step("npx homeward: --help, validate, schema, demo", (bad) => {
  const cwd = join(app, "cli")
  mkdirSync(cwd)
  const homeward = (args, timeout = 120_000) => run("npx", ["--no-install", "homeward", ...args], { cwd, env, timeout })
  const help = homeward(["--help"])
  if (help.status !== 0 || !help.stdout.includes("validate")) bad(`--help: exit ${help.status}\n${clip(help.stderr)}`)
  const version = homeward(["--version"])
  if (!version.stdout.includes(corePkg.version)) bad(`--version: ${version.stdout}${version.stderr}`)
  writeFileSync(
    join(cwd, "ok.csv"),
    "id,birth.date,birth.estimated,sex,school\nCH-1,2010-05-01,false,female,enrolled\n"
  )
  writeFileSync(
    join(cwd, "bad.csv"),
    "id,givenName,birth.date,birth.estimated,sex,school\nSophea Kim,Sokha,2011-02-30,false,femal,enrolled\n"
  )
  const ok = homeward(["validate", "ok.csv", "--as", "child"])
  if (ok.status !== 0) bad(`validate ok.csv: exit ${ok.status}\n${clip(ok.stdout)}${clip(ok.stderr)}`)
  const problems = homeward(["validate", "bad.csv", "--as", "child", "--format", "json"])
  if (problems.status !== 1) bad(`validate bad.csv: exit ${problems.status}, expected 1\n${clip(problems.stderr)}`)
  else if (JSON.parse(problems.stdout).summary === undefined) bad("validate --format json: no summary")
  for (const secret of ["Sophea", "Sokha"])
    if (`${problems.stdout}${problems.stderr}`.includes(secret)) bad(`validate printed the sensitive value ${secret}`)
  const schema = homeward(["schema", "--format", "json-schema", "--as", "child"])
  if (schema.status !== 0) bad(`schema: exit ${schema.status}\n${clip(schema.stderr)}`)
  else if (JSON.parse(schema.stdout).$defs?.Child?.properties === undefined) bad("schema: no Child in the JSON Schema")
  const demo = homeward(["demo"], 300_000)
  if (demo.status !== 0) bad(`demo: exit ${demo.status}\n${clip(demo.stdout)}\n${clip(demo.stderr)}`)
  for (const f of ["homeward-demo/demo.sqlite", "homeward-demo/report.html"])
    if (!existsSync(join(cwd, f))) bad(`demo did not write ${f}`)
})

await step("documentation code blocks", async (bad) => {
  let ran = 0
  // the blocks of one file run in order; two files at a time
  const runDoc = async (d) => {
    const cwd = join(app, "work", d.slug)
    mkdirSync(cwd, { recursive: true })
    for (const item of d.items) {
      const where = `${d.file}:${item.line}`
      if (item.kind === "file") {
        writeFileSync(join(cwd, item.file), item.text)
        continue
      }
      if (item.kind === "output") {
        const norm = (t) => t.replace(/[ \t]+$/gm, "").replace(/\s+$/, "")
        if (item.program.stdout === undefined) bad(`${where}: the program before this output block did not run`)
        else if (norm(item.program.stdout) !== norm(item.text))
          bad(`${where}: the output differs from what the program printed:\n${clip(item.program.stdout, 2500)}`)
        continue
      }
      if (item.noRun) continue
      let r
      if (item.lang === "ts") r = await runAsync(process.execPath, [item.out], { cwd, env })
      else if (item.lang === "js") {
        const file = join(app, "docs", d.slug, `L${item.line}.mjs`)
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(file, item.text)
        r = await runAsync(process.execPath, [file], { cwd, env })
      } else r = await runAsync("bash", ["-e", "-o", "pipefail", "-c", item.text], { cwd, env })
      ran++
      item.stdout = r.stdout
      if (r.error !== undefined) bad(`${where}: ${r.error.message}`)
      else if (r.status !== item.exit)
        bad(
          `${where} (${item.lang}): exit ${r.status}, expected ${item.exit}\n${clip(r.stdout, 1500)}\n${clip(r.stderr, 2500)}`
        )
    }
  }
  const queue = [...docs]
  const worker = async () => {
    for (let d = queue.shift(); d !== undefined; d = queue.shift()) await runDoc(d)
  }
  await Promise.all([worker(), worker()])
  log(`${ran} blocks run`)
})

await step(
  `browser bundle: Child + Validation at most ${MAX_BUNDLE_RATIO} × effect/Schema (esbuild, minified, gzip -9)`,
  async (bad) => {
    const size = async (contents) => {
      const r = await esbuild.build({
        stdin: { contents, resolveDir: app, loader: "js" },
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        write: false,
        logLevel: "silent"
      })
      return gzipSync(r.outputFiles[0].contents, { level: 9 }).length
    }
    const schema = await size(`export * from "effect/Schema"`)
    const entries = await size(
      `export * as Child from "@homeward/core/Child"\nexport * as Validation from "@homeward/core/Validation"`
    )
    const barrel = await size(`export { Child, Validation } from "@homeward/core"`)
    const all = await size(`export * from "@homeward/core"`)
    log(
      `effect/Schema alone ${schema} B; Child + Validation: per-module entries ${entries} B (${(entries / schema).toFixed(2)}×), from the package root ${barrel} B (${(barrel / schema).toFixed(2)}×); all of core ${all} B`
    )
    if (entries > MAX_BUNDLE_RATIO * schema) bad(`per-module entries: ${entries} B > ${MAX_BUNDLE_RATIO} × ${schema} B`)
    if (barrel > MAX_BUNDLE_RATIO * schema) bad(`package root: ${barrel} B > ${MAX_BUNDLE_RATIO} × ${schema} B`)
  }
)

// ------------------------------------------------------------------- result
if (failures.length > 0) {
  console.error(`\nconsumer-check: ${failures.length} problem(s); working directory kept: ${work}`)
  for (const f of failures) console.error(`  - ${f.split("\n")[0]}`)
  process.exit(1)
}
if (keep) log(`ok; working directory kept: ${work}`)
else {
  rmSync(work, { recursive: true, force: true })
  log("ok")
}
