#!/usr/bin/env node
// The `@example` blocks of the API documentation, as the consumer check runs
// them: every JSDoc `@example` holds a ```ts block (the same info-string words
// as the Markdown blocks, scripts/consumer/doc-blocks.mjs; `no-run` for an
// example that needs a server, e.g. PostgreSQL: still typechecked). Each
// example is a module of its own that imports the packages as a user does
// (`import { Child } from "@homeward/core"`). All examples of all packages are
// typechecked in one program; the examples of a package run in one Node
// process, one module after the other (`runnerSource`).
//
// The consumer check takes them from the installed packages' .d.ts files.
// For a quick run against the workspace sources (no build, no packing):
//
//   node scripts/consumer/examples.mjs [core validate …] [--keep]
//
// typechecks the examples of the named packages (default: all) against the
// sources (`@homeward/source` condition) and runs them with tsx.
import { spawnSync } from "node:child_process"
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
import { basename, dirname, join, relative } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import ts from "typescript"
import { parseBlocks } from "./doc-blocks.mjs"

const declarationName = (after) =>
  /^\s*(?:export\s+)?(?:declare\s+)?(?:const|let|var|function|class|type|interface|namespace)\s+([\w$]+)/.exec(
    after
  )?.[1] ?? /^\s*([\w$]+)/.exec(after)?.[1]

/**
 * The `@example` blocks of a TypeScript (or .d.ts) text: `{ line, name, text,
 * noRun }`, `line` being the 1-based line of the opening fence and `name` the
 * declaration the comment documents. Problems (an `@example` without a ```ts
 * block, unknown info-string words) are returned in `errors`.
 */
export const examplesOf = (text) => {
  const examples = []
  const errors = []
  for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    if (!m[1].includes("@example")) continue
    const first = text.slice(0, m.index).split("\n").length
    const name = declarationName(text.slice(m.index + m[0].length, m.index + m[0].length + 400)) ?? "?"
    const body = m[1].split("\n").map((l, k) => (k === 0 ? l : l.replace(/^\s*\* ?/, "")))
    for (let i = 0; i < body.length; i++) {
      if (!/^\s*@example\b/.test(body[i])) continue
      const chunk = []
      let fenced = false
      for (let j = i + 1; j < body.length; j++) {
        if (/^\s*(```|~~~)/.test(body[j])) fenced = !fenced
        if (!fenced && /^\s*@\w+/.test(body[j])) break
        chunk.push(body[j])
      }
      const parsed = parseBlocks(chunk.join("\n"))
      for (const e of parsed.errors) errors.push({ line: first + i + e.line, name, message: e.message })
      const blocks = parsed.blocks.filter((b) => b.lang === "ts")
      if (blocks.length === 0)
        errors.push({ line: first + i, name, message: "an @example without a ```ts block (it is typechecked and run)" })
      for (const b of blocks) {
        if (/\bfrom\s+["']\.\.?\//.test(b.text) || /\bimport\s*\(\s*["']\.\.?\//.test(b.text))
          errors.push({
            line: first + i + b.line,
            name,
            message: 'an @example imports a relative path: import the package as a user does (from "@homeward/core")'
          })
        examples.push({ line: first + i + b.line, name, text: b.text, noRun: b.noRun })
      }
    }
  }
  return { examples, errors }
}

/**
 * The examples of one package directory: walks `dist/**.d.ts` (an installed
 * package) or `src/**.ts` (the workspace, `source: true`). Returns `{ examples:
 * [{ pkg, file, line, name, text, noRun, slug }], errors: [{ file, line, name,
 * message }] }`, `file` relative to the package directory.
 */
export const collectExamples = (pkgDir, { source = false } = {}) => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).name
  const base = join(pkgDir, source ? "src" : "dist")
  const files = readdirSync(base, { recursive: true })
    .map(String)
    .filter((f) => (source ? f.endsWith(".ts") && !f.endsWith(".d.ts") : f.endsWith(".d.ts")))
    .sort()
  const examples = []
  const errors = []
  for (const f of files) {
    const file = `${source ? "src" : "dist"}/${f}`
    const found = examplesOf(readFileSync(join(base, f), "utf8"))
    for (const e of found.errors) errors.push({ file, ...e })
    for (const e of found.examples) {
      const slug = `${f.replace(/\.d\.ts$|\.ts$/, "").replace(/[^\w]+/g, "_")}-${e.name}-L${e.line}`
      examples.push({ pkg, file, ...e, slug })
    }
  }
  return { examples, errors }
}

/** The text of an example module: a header naming its origin, the example, `export {}`. */
export const exampleModule = (e) => `// ${e.pkg}/${e.file}:${e.line} (@example of ${e.name})\n${e.text}\nexport {}\n`

/**
 * A Node ESM program that imports the given modules one after the other (each
 * example is a module; top-level await allowed) and prints, as its last line,
 * `@@examples {"ran":N,"failures":[{"module","error"}]}`.
 */
export const runnerSource = (modules) => `
const modules = ${JSON.stringify(modules)}
const failures = []
let current
process.on("unhandledRejection", (e) => failures.push({ module: current, error: String(e?.stack ?? e) }))
for (const m of modules) {
  current = m
  try {
    await import(m)
  } catch (e) {
    failures.push({ module: m, error: String(e?.stack ?? e) })
  }
}
process.stdout.write("\\n@@examples " + JSON.stringify({ ran: modules.length, failures }) + "\\n")
process.exit(0)
`

/** The result line of a runner's output: `{ ran, failures }`, or undefined. */
export const runnerResult = (stdout) => {
  const line = stdout
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("@@examples "))
  return line === undefined ? undefined : JSON.parse(line.slice("@@examples ".length))
}

// ------------------------------------------------------ quick run on sources
const main = () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), "../..")
  const keep = process.argv.includes("--keep")
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("--"))
  const dirs = readdirSync(join(root, "packages"))
    .map((d) => join(root, "packages", d))
    .filter((d) => existsSync(join(d, "package.json")))
  const work = mkdtempSync(join(tmpdir(), "homeward-examples-"))
  // node_modules: the workspace packages and every dependency they have
  writeFileSync(join(work, "package.json"), '{ "private": true, "type": "module" }\n')
  const nm = join(work, "node_modules")
  mkdirSync(join(nm, "@homeward"), { recursive: true })
  const link = (target, at) => {
    if (existsSync(at)) return
    mkdirSync(dirname(at), { recursive: true })
    symlinkSync(target, at)
  }
  for (const d of dirs) {
    link(d, join(nm, "@homeward", basename(d)))
    for (const dep of readdirSync(join(d, "node_modules"), { withFileTypes: true })) {
      if (dep.name === "@homeward" || dep.name === ".bin") continue
      if (dep.name.startsWith("@"))
        for (const sub of readdirSync(join(d, "node_modules", dep.name)))
          link(join(d, "node_modules", dep.name, sub), join(nm, dep.name, sub))
      else link(join(d, "node_modules", dep.name), join(nm, dep.name))
    }
  }
  link(join(root, "node_modules/@types/node"), join(nm, "@types/node"))

  const all = []
  let problems = 0
  for (const d of dirs) {
    if (wanted.length > 0 && !wanted.includes(basename(d))) continue
    const { examples, errors } = collectExamples(d, { source: true })
    for (const e of errors) {
      problems++
      console.error(`${relative(root, d)}/${e.file}:${e.line} (${e.name}): ${e.message}`)
    }
    for (const e of examples) {
      e.path = join(work, "examples", basename(d), `${e.slug}.ts`)
      mkdirSync(dirname(e.path), { recursive: true })
      writeFileSync(e.path, exampleModule(e))
      all.push(e)
    }
  }
  const byPath = new Map(all.map((e) => [e.path, e]))
  const t0 = performance.now()
  const program = ts.createProgram(
    all.map((e) => e.path),
    {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ["@homeward/source"],
      noEmit: true,
      skipLibCheck: true,
      types: ["node"],
      typeRoots: [join(nm, "@types")]
    }
  )
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n")
    const e = d.file === undefined ? undefined : byPath.get(d.file.fileName)
    if (d.file !== undefined && e === undefined && d.file.fileName.includes("/packages/")) continue // the sources' own
    problems++
    if (e === undefined) console.error(`typecheck: ${d.file?.fileName ?? ""} ${message}`)
    else {
      const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0)
      console.error(`${e.pkg}/${e.file}:${e.line + line} (@example of ${e.name}): ${message}`)
    }
  }
  console.log(`typechecked ${all.length} examples in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const tsx = import.meta.resolve("tsx")
  for (const pkg of [...new Set(all.map((e) => e.pkg))]) {
    const runnable = all.filter((e) => e.pkg === pkg && !e.noRun)
    const cwd = join(work, "run", pkg.replace("/", "_"))
    mkdirSync(cwd, { recursive: true })
    const runner = join(cwd, "run.mjs")
    writeFileSync(runner, runnerSource(runnable.map((e) => pathToFileURL(e.path).href)))
    const t1 = performance.now()
    const r = spawnSync(process.execPath, ["--conditions=@homeward/source", "--import", tsx, runner], {
      cwd,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: "" }
    })
    const result = runnerResult(r.stdout)
    if (result === undefined) {
      problems++
      console.error(`${pkg}: the examples' runner failed (exit ${r.status})\n${r.stderr.slice(-3000)}`)
      continue
    }
    for (const f of result.failures) {
      problems++
      const e = all.find((x) => pathToFileURL(x.path).href === f.module)
      console.error(
        `${pkg}/${e?.file}:${e?.line} (@example of ${e?.name}) threw: ${f.error.split("\n").slice(0, 6).join("\n")}`
      )
    }
    const seconds = ((performance.now() - t1) / 1000).toFixed(1)
    console.log(
      `${pkg}: ran ${result.ran} examples in ${seconds} s (${all.filter((e) => e.pkg === pkg && e.noRun).length} no-run)`
    )
  }
  if (keep) console.log(`working directory kept: ${work}`)
  else rmSync(work, { recursive: true, force: true })
  if (problems > 0) {
    console.error(`${problems} problem(s)`)
    process.exit(1)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
