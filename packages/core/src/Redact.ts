/**
 * Redaction: replace every value of a field marked sensitive (names,
 * addresses, phone numbers, free-text notes) by `"[redacted]"`, walking the
 * schema and the value together. Use it before logging, exporting or sharing.
 *
 * @since 0.1.0
 */
import type * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import { isSensitive, REDACTED } from "./Common.js"

const walk = (ast: SchemaAST.AST, value: unknown): unknown => {
  if (value === undefined || value === null) return value
  if (isSensitive(ast)) return REDACTED
  switch (ast._tag) {
    case "Suspend":
      return walk(ast.thunk(), value)
    case "Objects": {
      if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) return value
      const src = value as Record<string, unknown>
      const out: Record<string, unknown> = { ...src }
      for (const ps of ast.propertySignatures) {
        const k = ps.name as string
        if (k in src) out[k] = walk(ps.type, src[k])
      }
      return out
    }
    case "Arrays": {
      if (!Array.isArray(value)) return value
      return value.map((v, i) => {
        const el = ast.elements[i] ?? ast.rest[0]
        return el === undefined ? v : walk(el, v)
      })
    }
    case "Union": {
      // pick the member whose literal discriminators match, else the first object member that accepts the keys
      for (const m of ast.types) {
        if (matches(m, value)) return walk(m, value)
      }
      return value
    }
    default:
      return value
  }
}

const matches = (ast: SchemaAST.AST, value: unknown): boolean => {
  if (ast._tag === "Suspend") return matches(ast.thunk(), value)
  if (ast._tag === "Objects") {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false
    const v = value as Record<string, unknown>
    return ast.propertySignatures.every((ps) => {
      const t = SchemaAST.toType(ps.type)
      return t._tag !== "Literal" || v[ps.name as string] === t.literal
    })
  }
  if (ast._tag === "Arrays") return Array.isArray(value)
  if (ast._tag === "Literal") return ast.literal === value
  return true
}

/**
 * Replace the sensitive fields of a value (decoded or encoded form) by
 * `"[redacted]"`.
 *
 * @example
 * ```ts
 * import { Child, Redact } from "@homeward/core"
 *
 * Redact.redact(Child.Child, { id: "CH-1", givenName: "Sokha" }) // { id: "CH-1", givenName: "[redacted]" }
 * ```
 *
 * @since 0.1.0
 */
export const redact = <S extends Schema.Top>(schema: S, value: unknown): unknown => walk(schema.ast, value)
