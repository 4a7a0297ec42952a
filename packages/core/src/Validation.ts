/**
 * Decoding that never throws and explains itself: every problem becomes a
 * {@link ValidationIssue} naming the path, the rule and (when the caller gives
 * it) the row, with a plain-language message. Messages never contain the
 * value that was rejected, so a mistyped name, address, phone number or note
 * is never echoed back into logs or terminals.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as SchemaIssue from "effect/SchemaIssue"

/**
 * One problem found while decoding.
 *
 * @since 0.1.0
 */
export interface ValidationIssue {
  /** Path to the field, e.g. `["child", "birth", "date"]`. */
  readonly path: ReadonlyArray<string | number>
  /** The same path written `child.birth.date` (`items[2].amount` for arrays). */
  readonly pathString: string
  /** Machine-readable rule: `type`, `required`, `choice`, `unexpected-field`, or a check id. */
  readonly rule: string
  /** Plain-language message (never includes the rejected value). */
  readonly message: string
  /** What kind of value was found (`text`, `number`, `missing` …), never the value itself. */
  readonly received?: string
  /** Row number, when decoding a row of a file. */
  readonly row?: number
}

/**
 * Error raised by the Effect variants: all issues of one decode.
 *
 * @since 0.1.0
 */
export class ValidationError extends Data.TaggedError("ValidationError")<{
  readonly issues: ReadonlyArray<ValidationIssue>
}> {
  override get message(): string {
    return this.issues.map((i) => `${i.pathString || "(root)"}: ${i.message}`).join("; ")
  }
}

const formatter = SchemaIssue.makeFormatterDefault()

/**
 * `a.b[2].c` from a path.
 *
 * @example
 * ```ts
 * import { Validation } from "@homeward/core"
 *
 * Validation.pathToString(["household", "members", 2, "relationship"]) // "household.members[2].relationship"
 * ```
 *
 * @since 0.1.0
 */
export const pathToString = (path: ReadonlyArray<string | number>): string =>
  path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc === "" ? k : `${acc}.${k}`), "")

const kindOf = (u: unknown): string => {
  if (u === undefined) return "missing"
  if (u === null) return "null"
  if (Array.isArray(u)) return "list"
  if (u instanceof Date) return "date"
  switch (typeof u) {
    case "string":
      return u.trim() === "" ? "empty text" : "text"
    case "number":
      return Number.isFinite(u) ? "number" : "non-finite number"
    case "boolean":
      return "true/false"
    case "object":
      return "object"
    default:
      return typeof u
  }
}

const at = (input: unknown, path: ReadonlyArray<PropertyKey>): unknown => {
  let cur: unknown = input
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return undefined
    cur = (cur as Record<PropertyKey, unknown>)[k]
  }
  return cur
}

const firstLine = (s: string): string => s.split("\n")[0] ?? s

const leafMessage = (issue: SchemaIssue.Issue): string => firstLine(formatter(issue))

const filterRule = (filter: SchemaAST.Filter<unknown>): string => {
  const a = filter.annotations as Record<string, unknown> | undefined
  const id = a?.["identifier"] ?? (a?.["representation"] as { id?: string } | undefined)?.id
  return typeof id === "string" ? id.replace(/^effect\/schema\//, "") : "check"
}

const filterMessage = (filter: SchemaAST.Filter<unknown>): string | undefined => {
  const a = filter.annotations as Record<string, unknown> | undefined
  const m = a?.["message"] ?? a?.["expected"]
  return typeof m === "string" ? `Expected ${m}` : undefined
}

const discriminator = (ast: SchemaAST.Union): { key: string; values: Array<string> } | undefined => {
  for (const key of ["type", "_tag", "kind"]) {
    const values: Array<string> = []
    for (const m of ast.types) {
      if (m._tag !== "Objects") return undefined
      const ps = m.propertySignatures.find((p) => p.name === key)
      const t = ps === undefined ? undefined : SchemaAST.toType(ps.type)
      if (t?._tag !== "Literal") break
      values.push(String(t.literal))
    }
    if (values.length === ast.types.length) return { key, values }
  }
  return undefined
}

/**
 * Flatten an Effect schema issue into {@link ValidationIssue}s.
 *
 * @example
 * ```ts
 * import { Result, Schema } from "effect"
 * import { Child, Validation } from "@homeward/core"
 *
 * const input = { id: "CH-1" }
 * const r = Schema.decodeUnknownResult(Child.Child)(input, { errors: "all" })
 * if (Result.isFailure(r)) Validation.flatten(r.failure.issue, input).map((i) => i.pathString)
 * ```
 *
 * @since 0.1.0
 */
export const flatten = (issue: SchemaIssue.Issue, input: unknown, row?: number): Array<ValidationIssue> => {
  const out: Array<ValidationIssue> = []
  const push = (path: ReadonlyArray<PropertyKey>, rule: string, message: string) => {
    const p = path.map((k) => (typeof k === "number" ? k : String(k)))
    const base = { path: p, pathString: pathToString(p), rule, message, received: kindOf(at(input, path)) }
    out.push(row === undefined ? base : { ...base, row })
  }
  const go = (i: SchemaIssue.Issue, path: ReadonlyArray<PropertyKey>, filter?: SchemaAST.Filter<unknown>): void => {
    switch (i._tag) {
      case "Pointer":
        go(i.issue, [...path, ...i.path], filter)
        return
      case "Composite":
        for (const c of i.issues) go(c, path, filter)
        return
      case "Encoding":
        go(i.issue, path, filter)
        return
      case "Filter":
        go(i.issue, path, i.filter)
        return
      case "AnyOf": {
        if (i.issues.length > 0) {
          for (const c of i.issues) go(c, path, filter)
          return
        }
        const tag = discriminator(i.ast)
        if (tag !== undefined) push([...path, tag.key], "choice", `Expected one of: ${tag.values.join(", ")}`)
        else push(path, "choice", leafMessage(i))
        return
      }
      case "MissingKey":
        push(path, "required", "Required field is missing")
        return
      case "UnexpectedKey":
        push(path, "unexpected-field", "Unexpected field")
        return
      case "InvalidType":
        push(path, "type", leafMessage(i))
        return
      case "InvalidValue": {
        const own = i.annotations?.["message"]
        const msg = typeof own === "string" ? own : filter ? filterMessage(filter) : undefined
        push(path, filter ? filterRule(filter) : "value", msg ?? leafMessage(i))
        return
      }
      default:
        push(path, "value", leafMessage(i))
        return
    }
  }
  go(issue, [])
  return out
}

/**
 * Options for {@link decodeUnknown}.
 *
 * @since 0.1.0
 */
export interface DecodeOptions {
  /** Row number to attach to every issue. */
  readonly row?: number
  /** Reject fields the schema does not know (default: ignore them). */
  readonly onExcessProperty?: "ignore" | "error"
}

/**
 * Decode unknown input with a schema, collecting every problem. Never throws.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Child, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Child.Child, { id: "CH 1" }, { row: 7 })
 * if (Result.isFailure(r)) r.failure.map((i) => `${i.row}: ${i.pathString} ${i.message}`)
 * ```
 *
 * @since 0.1.0
 */
export const decodeUnknown = <S extends Schema.Decoder<unknown>>(
  schema: S,
  input: unknown,
  options?: DecodeOptions
): Result.Result<S["Type"], ReadonlyArray<ValidationIssue>> => {
  let r: Result.Result<unknown, Schema.SchemaError>
  try {
    r = Schema.decodeUnknownResult(schema as unknown as Schema.Decoder<unknown>)(input, {
      errors: "all",
      onExcessProperty: options?.onExcessProperty ?? "ignore"
    })
  } catch {
    const base = { path: [], pathString: "", rule: "unreadable", message: "The value could not be read" }
    return Result.fail([options?.row === undefined ? base : { ...base, row: options.row }])
  }
  return Result.isSuccess(r)
    ? Result.succeed(r.success as S["Type"])
    : Result.fail(flatten(r.failure.issue, input, options?.row))
}

/**
 * A reusable decoder for one schema.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Child, Validation } from "@homeward/core"
 *
 * const decodeChild = Validation.decoder(Child.Child)
 * const rows = [{ id: "CH-1" }, { id: "CH-2" }]
 * rows.map((row, i) => decodeChild(row, i + 2)).filter(Result.isFailure).length // 2
 * ```
 *
 * @since 0.1.0
 */
export const decoder =
  <S extends Schema.Decoder<unknown>>(schema: S, options?: Omit<DecodeOptions, "row">) =>
  (input: unknown, row?: number): Result.Result<S["Type"], ReadonlyArray<ValidationIssue>> =>
    decodeUnknown(schema, input, row === undefined ? options : { ...options, row })

/**
 * Effect variant of {@link decodeUnknown}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Child, Validation } from "@homeward/core"
 *
 * const program = Validation.decodeEffect(Child.Sex, "female")
 * Effect.runSync(program) // "female"
 * ```
 *
 * @since 0.1.0
 */
export const decodeEffect = <S extends Schema.Decoder<unknown>>(
  schema: S,
  input: unknown,
  options?: DecodeOptions
): Effect.Effect<S["Type"], ValidationError> => {
  const r = decodeUnknown(schema, input, options)
  return Result.isSuccess(r) ? Effect.succeed(r.success) : Effect.fail(new ValidationError({ issues: r.failure }))
}

/**
 * Encode a decoded value to its JSON form. Throws only on a programming error
 * (a value that does not match its own type).
 *
 * @example
 * ```ts
 * import { Common, Validation } from "@homeward/core"
 *
 * Validation.encode(Common.IsoDate, new Date("2018-06-30")) // "2018-06-30"
 * ```
 *
 * @since 0.1.0
 */
export const encode = <S extends Schema.Encoder<unknown>>(schema: S, value: S["Type"]): S["Encoded"] =>
  Schema.encodeSync(schema as never)(value as never) as S["Encoded"]
