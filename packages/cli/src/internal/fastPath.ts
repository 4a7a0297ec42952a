/**
 * A fast acceptance test for clean records. `compile(schema)` returns a
 * guard such that `guard(x) === true` implies that decoding `x` with the
 * schema succeeds; when it returns `false` the caller runs the full decode
 * (which finds the problems, or succeeds after all). Plain groups and lists
 * (no checks, no transformations, no index signatures) are walked here;
 * every other node (strings with checks, dates, choices, unions …) is
 * decoded by the schema's own decoder for that node, so no rule is
 * re-implemented.
 */
import { Result, Schema, SchemaAST } from "effect"

type Guard = (u: unknown) => boolean

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

/** Keyword types without transformations: their test inline, then their checks run as they are. */
const keyword = (ast: SchemaAST.AST): Guard | undefined => {
  if (ast.encoding !== undefined) return undefined
  let test: Guard
  switch (ast._tag) {
    case "String":
      test = (u) => typeof u === "string"
      break
    case "Boolean":
      test = (u) => typeof u === "boolean"
      break
    case "Literal": {
      const l = ast.literal
      test = (u) => u === l
      break
    }
    default:
      return undefined
  }
  if (ast.checks === undefined) return test
  const filters = flatChecks(ast.checks)
  return (u) => {
    if (!test(u)) return false
    for (const f of filters) if (f.run(u as never, ast, OPTIONS) !== undefined) return false
    return true
  }
}

const build = (ast: SchemaAST.AST, depth: number): Guard => {
  if (depth > 16) return leaf(ast)
  const k = keyword(ast)
  if (k !== undefined) return k
  if (ast._tag === "Union" && ast.encoding === undefined && ast.checks === undefined) {
    const members = ast.types.map(keyword)
    if (members.every((m): m is Guard => m !== undefined)) return (u) => members.some((m) => m(u))
  }
  if (ast.encoding !== undefined || ast.checks !== undefined) return leaf(ast)
  if (ast._tag === "Objects" && ast.indexSignatures.length === 0) {
    const props = ast.propertySignatures.map((p) => ({
      name: p.name,
      optional: SchemaAST.isOptional(p.type),
      guard: build(p.type, depth + 1)
    }))
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
    const g = build(item, depth + 1)
    return (u) => {
      if (!Array.isArray(u)) return false
      for (const x of u) if (!g(x)) return false
      return true
    }
  }
  return leaf(ast)
}

/** Compile a guard for a schema (see the module comment). */
export const compile = (schema: Schema.Top): Guard => {
  const g = build(schema.ast, 0)
  return (u) => {
    try {
      return g(u)
    } catch {
      return false
    }
  }
}
