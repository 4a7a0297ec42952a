/**
 * A field model of a record type, read from its JSON Schema
 * (`Registry.jsonSchema`): for every field its path, kind (text, whole number,
 * choice, list, group …), whether it is required, whether it is sensitive,
 * allowed values and the checks JSON Schema can express. Used to turn
 * spreadsheet cells into nested records, to decide whether an offending
 * value may be shown, and (in the CLI) to write XLSForms and data dictionaries.
 *
 * @since 0.1.0
 */
import { Common, Registry } from "@homeward/core"
import * as SchemaAST from "effect/SchemaAST"

/**
 * What kind of value a field holds.
 *
 * @since 0.1.0
 */
export type Kind =
  | "text"
  | "integer"
  | "number"
  | "boolean"
  | "choice"
  | "group"
  | "list"
  | "union"
  | "null"
  | "unknown"

/**
 * One field (or the record itself, at the root).
 *
 * @since 0.1.0
 */
export interface Field {
  /** Property name (`""` for the root and for list items). */
  readonly name: string
  readonly kind: Kind
  /** Required in its parent group. */
  readonly required: boolean
  /** Marked `x-sensitive` (names, contacts, addresses, notes), or inside a sensitive field. */
  readonly sensitive: boolean
  readonly description?: string
  /** Allowed values of a choice. */
  readonly choices?: ReadonlyArray<string>
  /** `date` or `date-time` for timestamps and calendar dates. */
  readonly format?: string
  readonly pattern?: string
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly minItems?: number
  /** Members of a group. */
  readonly fields?: ReadonlyArray<Field>
  /** Item of a list. */
  readonly items?: Field
  /** Alternatives of a union. */
  readonly variants?: ReadonlyArray<Field>
  /** Name of the JSON Schema definition this field refers to, if any. */
  readonly ref?: string
}

type Json = Record<string, unknown>

const MAX_SAFE = Number.MAX_SAFE_INTEGER

const decodePointer = (s: string): string => {
  let d = s
  try {
    d = decodeURIComponent(s)
  } catch {
    // keep as written
  }
  return d.replace(/~1/g, "/").replace(/~0/g, "~")
}

const build = (node: Json, defs: Json, name: string, required: boolean, inherited: boolean, depth: number): Field => {
  let n = node
  let ref: string | undefined
  let sensitive = inherited || n["x-sensitive"] === true
  const description = typeof n["description"] === "string" ? n["description"] : undefined
  let guard = 0
  while (typeof n["$ref"] === "string" && guard++ < 20) {
    ref = decodePointer((n["$ref"] as string).replace(/^#\/\$defs\//, ""))
    const target = defs[ref] as Json | undefined
    if (target === undefined) break
    n = { ...target, ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== "$ref")) }
    if (n["x-sensitive"] === true) sensitive = true
  }
  const base = {
    name,
    required,
    sensitive,
    ...(description !== undefined || typeof n["description"] === "string"
      ? { description: (description ?? n["description"]) as string }
      : {}),
    ...(ref !== undefined ? { ref } : {})
  }
  if (depth > 12) return { ...base, kind: "unknown" }
  const num = (k: string) => (typeof n[k] === "number" && Math.abs(n[k] as number) < MAX_SAFE ? { [k]: n[k] } : {})
  if (Array.isArray(n["anyOf"])) {
    const variants = (n["anyOf"] as Array<Json>).map((v) => build(v, defs, "", false, sensitive, depth + 1))
    const nonNull = variants.filter((v) => v.kind !== "null")
    if (nonNull.length > 0 && nonNull.every((v) => v.kind === "choice")) {
      return { ...base, kind: "choice", choices: nonNull.flatMap((v) => v.choices ?? []) }
    }
    if (nonNull.length === 1 && nonNull[0] !== undefined) return { ...nonNull[0], ...base }
    return { ...base, kind: "union", variants }
  }
  if (Array.isArray(n["enum"])) return { ...base, kind: "choice", choices: (n["enum"] as Array<unknown>).map(String) }
  if (n["const"] !== undefined) return { ...base, kind: "choice", choices: [String(n["const"])] }
  switch (n["type"]) {
    case "string":
      return {
        ...base,
        kind: "text",
        ...(typeof n["format"] === "string" ? { format: n["format"] } : {}),
        ...(typeof n["pattern"] === "string" ? { pattern: n["pattern"] } : {}),
        ...num("minLength"),
        ...num("maxLength")
      }
    case "integer":
    case "number":
      return { ...base, kind: n["type"], ...num("minimum"), ...num("maximum"), ...num("exclusiveMinimum") }
    case "boolean":
      return { ...base, kind: "boolean" }
    case "null":
      return { ...base, kind: "null" }
    case "array": {
      const items = typeof n["items"] === "object" && n["items"] !== null ? (n["items"] as Json) : {}
      return {
        ...base,
        kind: "list",
        items: build(items, defs, "", true, sensitive, depth + 1),
        ...num("minItems")
      }
    }
    case "object": {
      const props = (n["properties"] ?? {}) as Record<string, Json>
      const req = new Set(Array.isArray(n["required"]) ? (n["required"] as Array<string>) : [])
      return {
        ...base,
        kind: "group",
        fields: Object.entries(props).map(([k, v]) => build(v, defs, k, req.has(k), sensitive, depth + 1))
      }
    }
    default:
      return { ...base, kind: "unknown" }
  }
}

const children = (ast: SchemaAST.AST, depth: number): Array<SchemaAST.AST> => {
  if (depth > 8) return []
  const a = ast as unknown as {
    _tag: string
    thunk?: () => SchemaAST.AST
    types?: ReadonlyArray<SchemaAST.AST>
  }
  if (a._tag === "Suspend" && a.thunk !== undefined) return [a.thunk()]
  if (a._tag === "Union" && a.types !== undefined) return [...a.types]
  const enc = SchemaAST.toEncoded(ast)
  return enc === ast ? [ast] : [ast, enc]
}

const propertyAsts = (ast: SchemaAST.AST, name: string, depth: number): Array<SchemaAST.AST> =>
  children(ast, depth).flatMap((n) => {
    if (n._tag === "Objects") return n.propertySignatures.filter((p) => p.name === name).map((p) => p.type)
    if (n !== ast && (n._tag === "Union" || n._tag === "Suspend")) return propertyAsts(n, name, depth + 1)
    return []
  })

const itemAsts = (ast: SchemaAST.AST, depth: number): Array<SchemaAST.AST> =>
  children(ast, depth).flatMap((n) => {
    if (n._tag === "Arrays") return [...n.elements, ...n.rest]
    if (n !== ast && (n._tag === "Union" || n._tag === "Suspend")) return itemAsts(n, depth + 1)
    return []
  })

const sensitiveAst = (asts: ReadonlyArray<SchemaAST.AST>): boolean => asts.some((a) => Common.isSensitive(a))

/**
 * Mark as sensitive every field whose Effect Schema carries the sensitive
 * annotation (`Common.isSensitive`), whether or not the JSON Schema says so:
 * the two sources must agree that a field is safe to show.
 */
const overlay = (f: Field, ast: SchemaAST.AST, depth: number, inherited = false): Field => {
  if (depth > 12) return f
  const sensitive = inherited || f.sensitive || sensitiveAst([ast])
  const out: Field = sensitive && !f.sensitive ? { ...f, sensitive } : f
  if (f.kind === "group" && f.fields !== undefined) {
    const fields = f.fields.map((c) => {
      const asts = propertyAsts(ast, c.name, 0)
      const first = asts[0]
      if (first === undefined) return sensitive ? { ...c, sensitive: true } : c
      const marked = overlay(c, first, depth + 1, sensitive || sensitiveAst(asts))
      return marked
    })
    return { ...out, fields }
  }
  if (f.kind === "list" && f.items !== undefined) {
    const asts = itemAsts(ast, 0)
    const first = asts[0]
    const items =
      first === undefined
        ? sensitive
          ? { ...f.items, sensitive: true }
          : f.items
        : overlay(f.items, first, depth + 1, sensitive || sensitiveAst(asts))
    return { ...out, items }
  }
  if (f.kind === "union" && f.variants !== undefined) {
    const members = children(ast, 0).filter((n) => n._tag === "Union")
    const types = members.flatMap((u) => (u._tag === "Union" ? [...u.types] : []))
    return {
      ...out,
      variants: f.variants.map((v, i) => {
        const t = types[i]
        return t === undefined ? v : overlay(v, t, depth + 1, sensitive)
      })
    }
  }
  return out
}

const cache = new Map<string, Field>()

/**
 * The field model of a record type.
 *
 * @example
 * ```ts
 * import { Fields } from "@homeward/validate"
 *
 * const child = Fields.describe("child")
 * child.fields?.map((f) => f.name) // ["id", "givenName", ...]
 * ```
 *
 * @since 0.1.0
 */
export const describe = (type: Registry.RecordType): Field => {
  const hit = cache.get(type)
  if (hit !== undefined) return hit
  const doc = Registry.jsonSchema(type)
  const field = overlay(build(doc, (doc["$defs"] ?? {}) as Json, "", true, false, 0), Registry.records[type].ast, 0)
  cache.set(type, field)
  return field
}

/**
 * The field at a path (`["birth", "date"]`, `["members", 0, "relationship"]`):
 * numbers step into list items; unions are searched in order. `undefined`
 * when the path names no field.
 *
 * @example
 * ```ts
 * import { Fields } from "@homeward/validate"
 *
 * Fields.at(Fields.describe("child"), ["birth", "date"])?.format // "date"
 * Fields.at(Fields.describe("child"), ["nickname"]) // undefined
 * ```
 *
 * @since 0.1.0
 */
export const at = (root: Field, path: ReadonlyArray<string | number>): Field | undefined => {
  let cur: Field | undefined = root
  for (const seg of path) {
    if (cur === undefined) return undefined
    cur = step(cur, seg)
  }
  return cur
}

const step = (f: Field, seg: string | number): Field | undefined => {
  if (f.kind === "list") return typeof seg === "number" || /^\d+$/.test(String(seg)) ? f.items : undefined
  if (f.kind === "group") return f.fields?.find((c) => c.name === seg)
  if (f.kind === "union") {
    for (const v of f.variants ?? []) {
      const s = step(v, seg)
      if (s !== undefined) return s.sensitive || !f.sensitive ? s : { ...s, sensitive: true }
    }
  }
  return undefined
}

/**
 * Whether a value at this path may be shown: only when the path names a
 * known field that is not sensitive and does not sit inside a sensitive one,
 * and holds a single value (never a whole list or group: a list cell may be
 * free text with a relative's name and phone in it). Inside a list only
 * numbers and yes/no are shown, never text (not even under a choice or a
 * date: a name typed into the wrong cell of a list is still a name).
 * Unknown paths are treated as sensitive.
 *
 * @example
 * ```ts
 * import { Fields } from "@homeward/validate"
 *
 * const child = Fields.describe("child")
 * Fields.isShowable(child, ["sex"]) // true
 * Fields.isShowable(child, ["givenName"]) // false: a name is sensitive
 * ```
 *
 * @since 0.1.0
 */
export const isShowable = (root: Field, path: ReadonlyArray<string | number>): boolean => {
  let cur: Field | undefined = root
  if (cur.sensitive) return false
  let inList = false
  for (const seg of path) {
    if (cur === undefined) return false
    if (cur.kind === "list") inList = true
    cur = step(cur, seg)
    if (cur === undefined || cur.sensitive) return false
  }
  if (cur === undefined) return false
  if (cur.kind === "group" || cur.kind === "union" || cur.kind === "unknown" || cur.kind === "list") return false
  if (inList && cur.kind !== "integer" && cur.kind !== "number" && cur.kind !== "boolean") return false
  return true
}

/**
 * Dotted paths of the leaves that every record must have (required fields
 * reached through required groups), e.g. `["id", "birth.date", "birth.estimated", "sex", "school"]`.
 *
 * @example
 * ```ts
 * import { Fields } from "@homeward/validate"
 *
 * Fields.requiredLeaves(Fields.describe("child")) // ["id", "birth.date", "birth.estimated", "sex", "school"]
 * ```
 *
 * @since 0.1.0
 */
export const requiredLeaves = (root: Field): ReadonlyArray<string> => {
  const out: Array<string> = []
  const go = (f: Field, prefix: string) => {
    for (const c of f.fields ?? []) {
      if (!c.required) continue
      const p = prefix === "" ? c.name : `${prefix}.${c.name}`
      if (c.kind === "group" && (c.fields?.length ?? 0) > 0) go(c, p)
      else out.push(p)
    }
  }
  go(root, "")
  return out
}

/**
 * A short human name of a field's kind, for help and data dictionaries.
 *
 * @example
 * ```ts
 * import { Fields } from "@homeward/validate"
 *
 * const date = Fields.at(Fields.describe("child"), ["birth", "date"])
 * if (date !== undefined) Fields.kindLabel(date) // "date (YYYY-MM-DD)"
 * ```
 *
 * @since 0.1.0
 */
export const kindLabel = (f: Field): string => {
  switch (f.kind) {
    case "text":
      return f.format === "date" ? "date (YYYY-MM-DD)" : f.format === "date-time" ? "timestamp (ISO 8601)" : "text"
    case "integer":
      return "whole number"
    case "number":
      return "number"
    case "boolean":
      return "yes/no"
    case "choice":
      return "choice"
    case "group":
      return "group"
    case "list":
      return f.items === undefined ? "list" : `list of ${kindLabel(f.items)}`
    case "union":
      return "one of several forms"
    default:
      return "value"
  }
}
