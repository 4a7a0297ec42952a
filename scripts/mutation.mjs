#!/usr/bin/env node
// `pnpm test:mutation`: mutation testing of the rule modules (DEVELOPERS.md, "Mutation testing").
//
//   node scripts/mutation.mjs                      every package (core, report, validate), incremental
//   node scripts/mutation.mjs core/Closure report  only these modules / packages
//   node scripts/mutation.mjs --force core/Closure  retest every mutant, not only what changed
//   node scripts/mutation.mjs --no-recheck ...      trust Stryker's survivors (no re-check by hand)
//   node scripts/mutation.mjs --record-only ...     no Stryker run: recompute the record from the last reports
//   node scripts/mutation.mjs --check               CI guard, runs no test: every recorded module's source is
//                                                  unchanged since its score was recorded, and scores ≥ 90%
//                                                  (--strict: and every module has a score)
//
// 1. Runs StrykerJS (vitest runner, per-test coverage, incremental: mutation/<pkg>.incremental.json) from the
//    package's folder, one module at a time against the module's own test files (`tests` in the package's
//    stryker.config.mjs, passed to its vitest config as HOMEWARD_MUTATION_TESTS), with fast-check's seed
//    pinned (scripts/fc-seed.setup.ts, scripts/stryker.base.mjs).
// 2. Re-checks every survivor and uncovered mutant: applies it to the file, runs all the module's test files
//    (bail on the first failure), restores the file (also on error or Ctrl-C). A survivor they kill is
//    counted as killed ("killed on re-check"): Stryker's per-test coverage attributed it wrongly.
// 3. Subtracts the equivalent mutants listed with a reason in mutation/equivalent.json and writes
//    docs/mutation-scores.json (per module: score, counts, survivors, equivalents, sha256 of the source,
//    date, command) and docs/quality.md.
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import ts from "typescript"
import { FC_SEED } from "./stryker.base.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const PACKAGES = ["core", "report", "validate"]
const MIN_SCORE = 90
const scoresFile = join(root, "docs", "mutation-scores.json")
const qualityFile = join(root, "docs", "quality.md")
const equivalentFile = join(root, "mutation", "equivalent.json")

const args = process.argv.slice(2)
const flags = new Set(args.filter((a) => a.startsWith("--")))
const targets = args.filter((a) => !a.startsWith("--"))

const sha256 = (text) => createHash("sha256").update(text).digest("hex")
/**
 * The sha256 of a module's code, printed by TypeScript without comments (layout normalised), so that a documentation
 * change (a JSDoc summary or @example) does not invalidate a recorded score, while any change Stryker
 * could mutate (code, strings, regular expressions) does.
 */
const printer = ts.createPrinter({ removeComments: true })
const codeHash = (text) =>
  sha256(printer.printFile(ts.createSourceFile("module.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)))
const readJson = (file, fallback) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : fallback)
const modulesOf = async (pkg) =>
  (await import(pathToFileURL(join(root, "packages", pkg, "stryker.config.mjs")).href)).modules

/** `core/src/Closure.ts` → `core/Closure` */
const shortName = (id) => id.replace("/src/", "/").replace(/\.ts$/, "")

// ---------------------------------------------------------------- --check (CI guard: reads files only)
if (flags.has("--check")) {
  const record = readJson(scoresFile, { modules: {} })
  const problems = []
  const missing = []
  for (const pkg of PACKAGES) {
    for (const { file: mod } of await modulesOf(pkg)) {
      const id = `${pkg}/${mod}`
      const r = record.modules[id]
      if (r === undefined) {
        // --strict: every module of the stryker configs must have a score
        ;(flags.has("--strict") ? problems : missing).push(
          `${id}: no mutation score recorded (run: pnpm test:mutation ${shortName(id)})`
        )
        continue
      }
      const now = codeHash(readFileSync(join(root, "packages", pkg, mod), "utf8"))
      if (now !== r.sha256)
        problems.push(
          `${id}: changed since its mutation score was recorded on ${r.date} (run: pnpm test:mutation ${shortName(id)})`
        )
      if (r.score < MIN_SCORE) problems.push(`${id}: mutation score ${r.score}% is below ${MIN_SCORE}%`)
    }
  }
  if (problems.length > 0) {
    console.error(`mutation scores (docs/mutation-scores.json):\n  ${problems.join("\n  ")}`)
    process.exit(1)
  }
  if (missing.length > 0) console.warn(`mutation scores, not recorded yet:\n  ${missing.join("\n  ")}`)
  console.log(`mutation scores: every recorded module is unchanged since its score and at or above ${MIN_SCORE}%`)
  process.exit(0)
}

// ---------------------------------------------------------------- which packages and modules
/** @type {Map<string, Array<{ file: string, tests: ReadonlyArray<string> }>>} package → modules to mutate */
const plan = new Map()
for (const t of targets.length === 0 ? PACKAGES : targets) {
  const [pkg, name] = t.split("/")
  if (!PACKAGES.includes(pkg)) throw new Error(`unknown package ${pkg}: one of ${PACKAGES.join(", ")}`)
  const all = await modulesOf(pkg)
  const chosen = name === undefined ? all : all.filter((m) => m.file === `src/${name}.ts`)
  if (chosen.length === 0)
    throw new Error(`${t} is not a mutation-tested module (see packages/${pkg}/stryker.config.mjs)`)
  plan.set(pkg, [...new Set([...(plan.get(pkg) ?? []), ...chosen])])
}

const baseEnv = { ...process.env, HOMEWARD_FC_SEED: process.env.HOMEWARD_FC_SEED ?? FC_SEED }
const command = `pnpm test:mutation${args.length > 0 ? ` ${args.join(" ")}` : ""}`

// ---------------------------------------------------------------- re-check by hand
/** Runs the module's test files against the file as it is on disk; true when some test fails. */
const suiteFails = (pkg, env) => {
  const r = spawnSync("pnpm", ["exec", "vitest", "run", "--bail=1", "--reporter=dot", "--maxWorkers=1"], {
    cwd: join(root, "packages", pkg),
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024
  })
  return r.status !== 0
}

/** Offset in `text` of a 1-based line and column (mutation-testing-report-schema locations). */
const offsetOf = (text, { line, column }) => {
  let offset = 0
  for (let l = 1; l < line; l++) offset = text.indexOf("\n", offset) + 1
  return offset + column - 1
}

const originalOf = (source, m) => source.slice(offsetOf(source, m.location.start), offsetOf(source, m.location.end))
/** Identifies a mutant across edits that move it: the mutator, the code it replaces, the replacement. */
const keyOf = (source, m) => `${m.mutatorName}|${originalOf(source, m)}|${m.replacement}`

const restoreOnExit = new Map()
const restoreAll = () => {
  for (const [file, text] of restoreOnExit) writeFileSync(file, text)
  restoreOnExit.clear()
}
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    restoreAll()
    process.exit(130)
  })

// ---------------------------------------------------------------- run
const previous = readJson(scoresFile, { modules: {} })
const equivalents = readJson(equivalentFile, {})
const date = new Date().toISOString().slice(0, 10)

for (const [pkg, modules] of plan) {
  const cwd = join(root, "packages", pkg)
  for (const { file: mod, tests } of modules) {
    const env = { ...baseEnv, HOMEWARD_MUTATION_TESTS: tests.join(",") }
    if (!flags.has("--record-only")) {
      const stryker = ["exec", "stryker", "run", "stryker.config.mjs", "--mutate", mod]
      if (flags.has("--force")) stryker.push("--force")
      console.log(`\n# ${pkg}: stryker ${stryker.slice(3).join(" ")} (tests: ${tests.join(", ")})`)
      const r = spawnSync("pnpm", stryker, { cwd, env, stdio: "inherit" })
      if (r.status !== 0) throw new Error(`stryker failed in packages/${pkg} (exit ${r.status})`)
    }
    const report = readJson(join(root, "mutation", "reports", `${pkg}.json`), undefined)
    if (report === undefined) throw new Error(`no Stryker report for ${pkg}: run without --record-only first`)
    const id = `${pkg}/${mod}`
    const file = join(cwd, mod)
    const source = readFileSync(file, "utf8")
    const hash = codeHash(source)
    const entry = report.files[mod] ?? report.files[file]
    if (entry === undefined) throw new Error(`${mod} is not in Stryker's report of ${pkg}`)
    if (codeHash(entry.source) !== hash) throw new Error(`${mod} changed while Stryker ran: run again`)
    const prev = previous.modules[id]
    const rechecked = new Map((prev?.sha256 === hash ? (prev.killedOnRecheckMutants ?? []) : []).map((k) => [k.key, k]))
    const equivalentList = equivalents[id] ?? []
    const counts = { killed: 0, timeout: 0, killedOnRecheck: 0, survived: 0, noCoverage: 0, equivalent: 0, invalid: 0 }
    const survivors = []
    const killedOnRecheck = []
    const equivalent = []
    for (const m of entry.mutants) {
      if (m.status === "Killed") counts.killed++
      else if (m.status === "Timeout") counts.timeout++
      else if (m.status === "CompileError" || m.status === "RuntimeError" || m.status === "Ignored") counts.invalid++
      else {
        const key = keyOf(source, m)
        const where = {
          line: m.location.start.line,
          mutator: m.mutatorName,
          code: originalOf(source, m),
          replacement: m.replacement
        }
        const eq = equivalentList.find((e) => e.key === key)
        if (eq !== undefined) {
          counts.equivalent++
          equivalent.push({ ...where, reason: eq.reason })
          continue
        }
        let killed = rechecked.has(key)
        if (!killed && !flags.has("--no-recheck") && !flags.has("--record-only")) {
          const start = offsetOf(source, m.location.start)
          const end = offsetOf(source, m.location.end)
          restoreOnExit.set(file, source)
          try {
            writeFileSync(file, source.slice(0, start) + m.replacement + source.slice(end))
            killed = suiteFails(pkg, env)
          } finally {
            writeFileSync(file, source)
            restoreOnExit.delete(file)
          }
          console.log(`  re-check ${id}:${where.line} ${m.mutatorName} → ${killed ? "killed" : m.status.toLowerCase()}`)
        }
        if (killed) {
          counts.killedOnRecheck++
          killedOnRecheck.push({ key, ...where })
        } else {
          if (m.status === "NoCoverage") counts.noCoverage++
          else counts.survived++
          survivors.push({ key, ...where, status: m.status })
        }
      }
    }
    // --record-only measures nothing new: a module unchanged since its record keeps the record's date and command
    const kept = flags.has("--record-only") && prev?.sha256 === hash ? prev : undefined
    const detected = counts.killed + counts.timeout + counts.killedOnRecheck
    const valid = detected + counts.survived + counts.noCoverage
    const score = valid === 0 ? 100 : Math.floor((detected / valid) * 1000) / 10
    previous.modules[id] = {
      score,
      ...counts,
      survivors,
      killedOnRecheckMutants: killedOnRecheck,
      equivalentMutants: equivalent,
      tests,
      sha256: hash,
      date: kept?.date ?? date,
      command: kept?.command ?? command
    }
    console.log(`${id}: ${score}% (${detected} detected of ${valid}; ${counts.equivalent} equivalent)`)
  }
}

// ---------------------------------------------------------------- record
const sorted = Object.fromEntries(Object.entries(previous.modules).sort(([a], [b]) => a.localeCompare(b)))
writeFileSync(scoresFile, `${JSON.stringify({ minimum: MIN_SCORE, modules: sorted }, null, 2)}\n`)

const rows = []
for (const pkg of PACKAGES)
  for (const { file: mod } of await modulesOf(pkg)) {
    const id = `${pkg}/${mod}`
    const r = sorted[id]
    if (r === undefined) {
      rows.push(`| ${id} | not run | | | | | | |`)
      continue
    }
    const fresh = sha256(readFileSync(join(root, "packages", pkg, mod), "utf8")) === r.sha256
    rows.push(
      `| ${id} | ${r.score}% | ${r.killed + r.timeout} | ${r.killedOnRecheck} | ${r.survived + r.noCoverage} | ${r.equivalent} | ${r.date}${fresh ? "" : " (stale)"} | \`${r.command}\` |`
    )
  }
const survivorLines = Object.entries(sorted).flatMap(([id, r]) =>
  r.survivors.map(
    (s) =>
      `- ${id}:${s.line} ${s.mutator}: \`${s.code.split("\n")[0]}\` → \`${s.replacement.split("\n")[0]}\` (${s.status})`
  )
)
const equivalentLines = Object.entries(sorted).flatMap(([id, r]) =>
  r.equivalentMutants.map(
    (e) =>
      `- ${id}:${e.line} ${e.mutator}: \`${e.code.split("\n")[0]}\` → \`${e.replacement.split("\n")[0]}\`: ${e.reason}`
  )
)
writeFileSync(
  qualityFile,
  `# Test strength: mutation scores

Generated by \`pnpm test:mutation\` (scripts/mutation.mjs); do not edit by hand. How it works and how to
run it: DEVELOPERS.md, "Mutation testing". A module's score is detected mutants (killed by Stryker, timed out,
or killed when re-checked by hand) over all mutants less the equivalent ones (mutation/equivalent.json, each
with its reason). Minimum: ${MIN_SCORE}%. "(stale)": the module changed since its score was recorded.

| module | score | killed | killed on re-check | survived | equivalent | date | command |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}

## Surviving mutants

${survivorLines.length === 0 ? "None." : survivorLines.join("\n")}

## Equivalent mutants

${equivalentLines.length === 0 ? "None." : equivalentLines.join("\n")}
`
)
console.log(`\nwrote docs/mutation-scores.json and docs/quality.md`)
