/**
 * A fast acceptance test for clean records. `compile(schema)` returns a
 * guard such that `guard(x) === true` implies that decoding `x` with the
 * schema succeeds; when it returns `false` the caller runs the full decode
 * (which finds the problems, or succeeds after all). Plain groups, lists,
 * strings, yes/no and literal choices (no transformations, no index
 * signatures) are tested here, and every check on them (patterns, lengths,
 * ranges) is run as the Schema's own filter; every other node (dates,
 * numbers with transformations, unions of groups, groups with record-level
 * checks …) is decoded by the schema's own decoder for that node, with
 * results for repeated texts and numbers remembered. No rule is
 * re-implemented.
 *
 * The guard is compiled to one straight-line function (like ajv does with a
 * JSON Schema) when the environment allows `new Function`; under a strict
 * Content-Security-Policy it falls back to composed closures with the same
 * answers.
 *
 * With `optional`, fields at those dotted paths may be missing (a partial
 * record: the caller drops the `required` issues at those paths).
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"

/** A guard: `true` means the full decode succeeds. */
export type Guard = (u: unknown) => boolean

const decoderOf = (ast: SchemaAST.AST): Guard => {
  const decode = Schema.decodeUnknownResult(Schema.make<Schema.Codec<unknown, unknown>>(ast))
  return (u) => Result.isSuccess(decode(u))
}

const CACHE_MAX = 50_000

/** The node's own decoder; results for text and numbers are remembered (dates, choices repeat). */
const leaf = (ast: SchemaAST.AST): Guard => {
  const decode = decoderOf(ast)
  const cache = new Map<unknown, boolean>()
  return (u) => {
    if (typeof u !== "string" && typeof u !== "number") return decode(u)
    const hit = cache.get(u)
    if (hit !== undefined) return hit
    const ok = decode(u)
    if (cache.size >= CACHE_MAX) cache.clear()
    cache.set(u, ok)
    return ok
  }
}

const flatChecks = (checks: ReadonlyArray<SchemaAST.Check<unknown>>): Array<SchemaAST.Filter<unknown>> =>
  checks.flatMap((c) => (c._tag === "Filter" ? [c] : flatChecks(c.checks)))

const OPTIONS: SchemaAST.ParseOptions = { errors: "first" }

type TypeTest =
  | { readonly kind: "string" | "boolean" | "number" }
  | { readonly kind: "literal"; readonly value: unknown }

/** Keyword types without transformations. */
const typeTest = (ast: SchemaAST.AST): TypeTest | undefined => {
  if (ast.encoding !== undefined) return undefined
  switch (ast._tag) {
    case "String":
      return { kind: "string" }
    case "Boolean":
      return { kind: "boolean" }
    case "Number":
      return { kind: "number" }
    case "Literal": {
      const l = ast.literal
      return typeof l === "string" || typeof l === "number" || typeof l === "boolean"
        ? { kind: "literal", value: l }
        : undefined
    }
    default:
      return undefined
  }
}

const testOf = (t: TypeTest): Guard => {
  switch (t.kind) {
    case "string":
      return (u) => typeof u === "string"
    case "boolean":
      return (u) => typeof u === "boolean"
    case "number":
      return (u) => typeof u === "number"
    default: {
      const l = t.value
      return (u) => u === l
    }
  }
}

/** Whether a union is made of keywords and literals only (no encodings, no checks on the union). */
const keywordUnion = (ast: SchemaAST.AST): ast is SchemaAST.Union =>
  ast._tag === "Union" &&
  ast.encoding === undefined &&
  ast.checks === undefined &&
  ast.types.every((m) => typeTest(m) !== undefined)

const join = (path: string, name: string) => (path === "" ? name : `${path}.${name}`)

// ---------------------------------------------------------------------------
// Closures (fallback)

const build = (ast: SchemaAST.AST, depth: number, path: string, optional: ReadonlySet<string>): Guard => {
  if (depth > 16) return leaf(ast)
  const t = typeTest(ast)
  if (t !== undefined) {
    const test = testOf(t)
    if (ast.checks === undefined) return test
    const filters = flatChecks(ast.checks)
    return (u) => {
      if (!test(u)) return false
      for (const f of filters) if (f.run(u as never, ast, OPTIONS) !== undefined) return false
      return true
    }
  }
  if (keywordUnion(ast)) {
    const members = ast.types.map((m) => build(m, depth + 1, path, optional))
    return (u) => members.some((m) => m(u))
  }
  if (ast.encoding !== undefined || ast.checks !== undefined) return leaf(ast)
  if (ast._tag === "Objects" && ast.indexSignatures.length === 0) {
    const props = ast.propertySignatures.map((p) => {
      const name = String(p.name)
      const at = join(path, name)
      return {
        name: p.name,
        optional: SchemaAST.isOptional(p.type) || optional.has(at),
        guard: build(p.type, depth + 1, at, optional)
      }
    })
    return (u) => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) return false
      const o = u as Record<PropertyKey, unknown>
      for (const p of props) {
        if (!Object.hasOwn(o, p.name)) {
          if (p.optional) continue
          return false
        }
        if (!p.guard(o[p.name])) return false
      }
      return true
    }
  }
  if (ast._tag === "Arrays" && ast.elements.length === 0 && ast.rest.length === 1) {
    const item = ast.rest[0]
    if (item === undefined) return leaf(ast)
    const g = build(item, depth + 1, path, optional)
    return (u) => {
      if (!Array.isArray(u)) return false
      for (let i = 0; i < u.length; i++) if (!g(u[i])) return false
      return true
    }
  }
  return leaf(ast)
}

// ---------------------------------------------------------------------------
// Straight-line code

interface Env {
  readonly leaves: Array<Guard>
  readonly filters: Array<SchemaAST.Filter<unknown>>
  readonly asts: Array<SchemaAST.AST>
  readonly sets: Array<ReadonlySet<unknown>>
  next: number
}

const lit = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : String(v))

/** Statements that `return false` when the value in `v` is not accepted. */
const gen = (
  ast: SchemaAST.AST,
  v: string,
  depth: number,
  path: string,
  optional: ReadonlySet<string>,
  env: Env
): string => {
  const viaLeaf = () => {
    env.leaves.push(leaf(ast))
    return `if (!L[${env.leaves.length - 1}](${v})) return false;\n`
  }
  if (depth > 16) return viaLeaf()
  const t = typeTest(ast)
  if (t !== undefined) {
    let out =
      t.kind === "literal"
        ? `if (${v} !== ${lit(t.value)}) return false;\n`
        : `if (typeof ${v} !== "${t.kind}") return false;\n`
    for (const f of ast.checks === undefined ? [] : flatChecks(ast.checks)) {
      env.filters.push(f)
      env.asts.push(ast)
      const i = env.filters.length - 1
      out += `if (F[${i}].run(${v}, A[${i}], O) !== undefined) return false;\n`
    }
    return out
  }
  if (keywordUnion(ast)) {
    const tests = ast.types.map((m) => typeTest(m) as TypeTest)
    if (tests.every((x) => x.kind === "literal")) {
      const values = tests.map((x) => (x as { value: unknown }).value)
      if (values.length <= 6) return `if (${values.map((x) => `${v} !== ${lit(x)}`).join(" && ")}) return false;\n`
      env.sets.push(new Set(values))
      return `if (!S[${env.sets.length - 1}].has(${v})) return false;\n`
    }
    env.leaves.push(build(ast, depth, path, optional))
    return `if (!L[${env.leaves.length - 1}](${v})) return false;\n`
  }
  if (ast.encoding !== undefined || ast.checks !== undefined) return viaLeaf()
  if (ast._tag === "Objects" && ast.indexSignatures.length === 0) {
    let out = `if (typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})) return false;\n`
    for (const p of ast.propertySignatures) {
      const name = String(p.name)
      if (typeof p.name !== "string") return viaLeaf()
      const at = join(path, name)
      const opt = SchemaAST.isOptional(p.type) || optional.has(at)
      const x = `v${env.next++}`
      const key = JSON.stringify(name)
      out += `const ${x} = ${v}[${key}];\n`
      out += `if (${x} === undefined && !H(${v}, ${key})) { ${opt ? "" : "return false;"} } else {\n`
      out += gen(p.type, x, depth + 1, at, optional, env)
      out += "}\n"
    }
    return out
  }
  if (ast._tag === "Arrays" && ast.elements.length === 0 && ast.rest.length === 1) {
    const item = ast.rest[0]
    if (item === undefined) return viaLeaf()
    const i = `i${env.next++}`
    const x = `v${env.next++}`
    return `if (!Array.isArray(${v})) return false;\nfor (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\nconst ${x} = ${v}[${i}];\n${gen(item, x, depth + 1, path, optional, env)}}\n`
  }
  return viaLeaf()
}

const hasOwn = (o: object, k: string): boolean => Object.hasOwn(o, k)

const generate = (ast: SchemaAST.AST, optional: ReadonlySet<string>): Guard | undefined => {
  const env: Env = { leaves: [], filters: [], asts: [], sets: [], next: 0 }
  const body = `return function guard(u) {\n${gen(ast, "u", 0, "", optional, env)}return true;\n}`
  try {
    const make = new Function("L", "F", "A", "O", "H", "S", body) as (...args: ReadonlyArray<unknown>) => Guard
    return make(env.leaves, env.filters, env.asts, OPTIONS, hasOwn, env.sets)
  } catch {
    // no `new Function` here (Content-Security-Policy): use closures
    return undefined
  }
}

/** Options of {@link compile}. */
export interface CompileOptions {
  /** Dotted paths of fields that may be missing (a partial record). */
  readonly optional?: ReadonlySet<string>
  /** Compile to straight-line code when allowed (default `true`); `false` uses closures. */
  readonly codegen?: boolean
}

/** Compile a guard for a schema (see the module comment). */
export const compile = (schema: Schema.Top, options: CompileOptions = {}): Guard => {
  const optional = options.optional ?? new Set<string>()
  const g =
    (options.codegen === false ? undefined : generate(schema.ast, optional)) ?? build(schema.ast, 0, "", optional)
  return (u) => {
    try {
      return g(u)
    } catch {
      return false
    }
  }
}
