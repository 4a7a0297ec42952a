#!/usr/bin/env node
// Documentation coverage of the public API: every export a user can import
// has a JSDoc summary, and every exported function and Schema an `@example`
// (which the consumer check typechecks and runs: scripts/consumer/examples.mjs).
//
// Walks, with the TypeScript compiler, every public entry of every package
// (the `exports` map of its package.json, read through the `@homeward/source`
// condition; `./internal/*` is private), following namespace re-exports
// (`export * as Decider from "./Decider.js"` gives `Decider.decide`,
// `Decider.Command`, `Decider.OpenCase`, …). An export declared both as a
// value and as a type (`Child` the Schema, `Child` its type) needs a summary
// on each declaration, as TypeDoc shows them apart.
//
//   node scripts/doc-coverage.mjs           report, exit 1 when anything is missing
//   node scripts/doc-coverage.mjs --list    also list every export with its kind
//   node scripts/doc-coverage.mjs --json    the report as JSON
//
// `scripts/doc-coverage.pending.json` lists qualified names
// (`@homeward/core:Phase.next`) whose `@example` is knowingly pending: they
// are reported but do not fail. Keep it empty.
import { existsSync, readFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { packageDirs } from "./package-exports.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const pendingFile = join(root, "scripts/doc-coverage.pending.json")
const pending = new Set(existsSync(pendingFile) ? JSON.parse(readFileSync(pendingFile, "utf8")) : [])

/** The public entries of a package: `{ specifier, file }` (source files). */
export const entries = (dir) => {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
  const out = []
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    if (target === null || typeof target !== "object" || key.includes("*") || key.startsWith("./internal")) continue
    const src = target["@homeward/source"]
    if (src === undefined) continue
    out.push({ specifier: key === "." ? pkg.name : `${pkg.name}${key.slice(1)}`, file: join(dir, src) })
  }
  return { dir, name: pkg.name, private: pkg.private === true, entries: out }
}

/** The JSDoc nodes attached to a declaration (for a variable: its statement). */
const jsDocsOf = (node) => {
  const docs = []
  let n = node
  if (ts.isVariableDeclaration(n)) n = n.parent?.parent ?? n // VariableStatement
  // `export { a, b } from "./x.js"` documented as a whole
  if (ts.isExportSpecifier(n) && (n.jsDoc ?? []).length === 0) n = n.parent?.parent ?? n
  for (const d of n.jsDoc ?? []) docs.push(d)
  return docs
}
const commentText = (c) => (typeof c === "string" ? c : (c ?? []).map((p) => p.text ?? "").join(""))
const summaryOf = (docs) => docs.map((d) => commentText(d.comment).trim()).join("\n")
const tagsOf = (docs) => docs.flatMap((d) => [...(d.tags ?? [])].map((t) => t.tagName.text))

const isSchemaType = (type) => type.getProperty("ast") !== undefined && type.getProperty("~type.make") !== undefined

/** What an exported value is: "schema", "function", "class", "const" or "namespace". */
const kindOf = (checker, symbol) => {
  const decl = symbol.valueDeclaration
  if (decl === undefined) return undefined
  if (symbol.flags & ts.SymbolFlags.Module) return "namespace"
  const type = checker.getTypeOfSymbolAtLocation(symbol, decl)
  if (isSchemaType(type)) return "schema"
  if (ts.isFunctionDeclaration(decl)) return "function"
  if (ts.isClassDeclaration(decl)) return "class"
  if (ts.isVariableDeclaration(decl)) {
    const init = decl.initializer
    if (init !== undefined && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return "function"
    if (type.getCallSignatures().length > 0 && !(symbol.flags & ts.SymbolFlags.Class)) return "function"
    return "const"
  }
  return "const"
}

export const coverage = () => {
  const packages = packageDirs()
    .map(entries)
    .filter((p) => !p.private)
  const rootNames = packages.flatMap((p) => p.entries.map((e) => e.file))
  const program = ts.createProgram(rootNames, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
    customConditions: ["@homeward/source"]
  })
  const checker = program.getTypeChecker()
  const exports = [] // { pkg, name, kind, file, line, summary, example, declarations }
  for (const p of packages) {
    const seen = new Map() // declaration node -> record
    const walk = (moduleSymbol, prefix) => {
      for (const exported of checker.getExportsOfModule(moduleSymbol)) {
        const name = `${prefix}${exported.name}`
        const alias = exported.flags & ts.SymbolFlags.Alias ? exported : undefined
        const symbol = alias === undefined ? exported : checker.getAliasedSymbol(exported)
        const aliasDocs = alias === undefined ? [] : (alias.declarations ?? []).flatMap(jsDocsOf)
        const decls = (symbol.declarations ?? []).filter((d) => !ts.isSourceFile(d))
        // a namespace re-export (`export * as X from "./X.js"`): its members
        if (symbol.flags & ts.SymbolFlags.ValueModule && decls.length === 0) {
          const key = symbol
          if (seen.has(key)) continue
          seen.set(key, true)
          walk(symbol, `${name}.`)
          continue
        }
        // declarations of this package only (a re-export of another package is documented there), in two
        // groups: the value (overloads together) and the type of the same name
        const own = decls.filter((d) => d.getSourceFile().fileName.startsWith(`${p.dir}/src/`))
        const isType = (d) => ts.isTypeAliasDeclaration(d) || ts.isInterfaceDeclaration(d) || ts.isModuleDeclaration(d)
        for (const group of [own.filter((d) => !isType(d)), own.filter(isType)]) {
          if (group.length === 0 || seen.has(group[0])) continue
          const docs = [...aliasDocs, ...group.flatMap(jsDocsOf)]
          if (tagsOf(docs).includes("internal")) continue // not public (TypeDoc: excludeInternal)
          const kind = isType(group[0]) ? "type" : (kindOf(checker, symbol) ?? "value")
          const record = {
            pkg: p.name,
            name,
            kind,
            file: relative(root, group[0].getSourceFile().fileName),
            line: group[0].getSourceFile().getLineAndCharacterOfPosition(group[0].getStart()).line + 1,
            summary: summaryOf(docs) !== "",
            example: tagsOf(docs).includes("example"),
            since: tagsOf(docs).includes("since")
          }
          for (const d of group) seen.set(d, record)
          exports.push(record)
        }
      }
    }
    for (const e of p.entries) {
      const sf = program.getSourceFile(e.file)
      if (sf === undefined) throw new Error(`${e.specifier}: ${e.file} not in the program`)
      const moduleSymbol = checker.getSymbolAtLocation(sf)
      if (moduleSymbol !== undefined) walk(moduleSymbol, "")
    }
  }
  const id = (r) => `${r.pkg}:${r.name}`
  const needsExample = (r) => r.kind === "function" || r.kind === "schema"
  return {
    exports,
    noSummary: exports.filter((r) => !r.summary),
    noSince: exports.filter((r) => !r.since),
    noExample: exports.filter((r) => needsExample(r) && !r.example && !pending.has(id(r))),
    pendingExample: exports.filter((r) => needsExample(r) && !r.example && pending.has(id(r))),
    staleExample: [...pending].filter((n) => !exports.some((r) => id(r) === n && needsExample(r) && !r.example)),
    functions: exports.filter((r) => r.kind === "function").length,
    schemas: exports.filter((r) => r.kind === "schema").length
  }
}

const main = () => {
  const c = coverage()
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(c, null, 2))
    return
  }
  const at = (r) => `  ${r.pkg}:${r.name} (${r.kind}) ${r.file}:${r.line}`
  if (process.argv.includes("--list")) for (const r of c.exports) console.log(at(r))
  if (c.noSummary.length > 0) console.log(`no JSDoc summary:\n${c.noSummary.map(at).join("\n")}`)
  if (c.noSince.length > 0) console.log(`no @since:\n${c.noSince.map(at).join("\n")}`)
  if (c.noExample.length > 0) console.log(`no @example:\n${c.noExample.map(at).join("\n")}`)
  if (c.pendingExample.length > 0)
    console.log(`@example pending (scripts/doc-coverage.pending.json):\n${c.pendingExample.map(at).join("\n")}`)
  if (c.staleExample.length > 0)
    console.log(`stale in scripts/doc-coverage.pending.json (documented or gone): ${c.staleExample.join(", ")}`)
  const withExample = c.exports.filter((r) => (r.kind === "function" || r.kind === "schema") && r.example).length
  console.log(
    `doc-coverage: ${c.exports.length} exports, ${c.exports.length - c.noSummary.length} with a summary; ` +
      `${c.functions} functions and ${c.schemas} Schemas, ${withExample} with an @example, ` +
      `${c.pendingExample.length} pending; ${c.noSince.length} without @since`
  )
  const failed = c.noSummary.length + c.noExample.length + c.noSince.length + c.staleExample.length
  if (failed > 0) process.exit(1)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
