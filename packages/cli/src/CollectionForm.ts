/**
 * The data collection form of a record type: the questions an enumerator
 * answers in ODK Collect, ODK Web Forms or KoboToolbox, in order, with their
 * data types, choice lists, groups and repeats, and every rule Homeward
 * checks when it reads the record: required answers, allowed values
 * (`constraint`, with a message in English and Khmer) and answers that only
 * apply in some cases (`relevant`). Both form exports (the ODK XForm in
 * {@link XForm} and the XLSForm in {@link Export}) are written from this one
 * model, so they cannot drift apart.
 *
 * It also converts between a record and the answers of a form submission
 * (the instance XML, or an ODK Central / KoboToolbox export row), in both
 * directions. Pure: no I/O, usable in a browser.
 *
 * How record fields become questions:
 * - text, whole number, number, date and timestamp fields: `input`
 *   questions of type `string`, `int`, `decimal`, `date`, `dateTime`;
 * - choices: `select1` from a choice list; yes/no fields: `select1` from the
 *   list `yes_no` (values `true`, `false`); lists of choices: `select`
 *   (several answers, space-separated);
 * - groups: `group`. An optional group (e.g. the assessment's child
 *   well-being scores) has no question of its own: its required questions
 *   become required as soon as any answer in the group is given, which is
 *   exactly Homeward's rule (an optional group, when present, is complete);
 * - a union of groups (a policy profile's visit band: `{ fromDay,
 *   intervalDays }` or `{ fromDay, intervalMonths }`): one group; a field of
 *   a later alternative is asked only while the earlier alternatives' own
 *   fields are blank, and is then required;
 * - lists of groups or values: `repeat` (a list of values repeats one
 *   question named `item`). A list with a minimum or maximum number of items
 *   is preceded by a "Number of …" question (`<list>_count`) that sets how
 *   many times the repeat is shown and carries the bounds.
 *
 * @since 0.1.0
 */
import { Registry } from "@homeward/core"
import * as Fields from "./Fields.js"
import * as FormLabels from "./FormLabels.js"

/**
 * A label in every form language.
 *
 * @since 0.1.0
 */
export type Label = FormLabels.Label

/**
 * A reference to another question, by its element path from the form root
 * (`["birth", "date"]`).
 *
 * @since 0.1.0
 */
export interface Ref {
  readonly ref: ReadonlyArray<string>
}

/**
 * An XPath expression that may refer to other questions: literal XPath text
 * and references, written out by each export in its own syntax (a relative
 * path in the XForm, `${name}` in the XLSForm).
 *
 * @since 0.1.0
 */
export type Expr = ReadonlyArray<string | Ref>

/**
 * XForms data types used by the forms.
 *
 * @since 0.1.0
 */
export type DataType = "string" | "int" | "decimal" | "date" | "dateTime"

/**
 * When an answer is required, and the message shown when it is missing.
 *
 * @since 0.1.0
 */
export interface Required {
  /** `true` (always) or an expression. */
  readonly when: true | Expr
  readonly message: Label
}

/**
 * A check on the answer itself (`.`), and the message shown when it fails.
 *
 * @since 0.1.0
 */
export interface Constraint {
  readonly expr: string
  readonly message: Label
  /** A further condition that refers to other questions, joined with `and` (a rule between fields). */
  readonly and?: Expr
}

interface QuestionBase {
  /** Element name. */
  readonly name: string
  /** Element path from the form root, e.g. `["members", "relationship"]`. */
  readonly path: ReadonlyArray<string>
  readonly label: Label
  readonly hint?: Label
  /** A sensitive field (name, contact, address, note), or inside one. */
  readonly sensitive: boolean
  readonly relevant?: Expr
}

/**
 * A question answered by typing (text, number, date).
 *
 * @since 0.1.0
 */
export interface Input extends QuestionBase {
  readonly kind: "input"
  readonly type: DataType
  readonly required?: Required
  readonly constraint?: Constraint
  /** `field`: a record field; `count`: the number of items of the next repeat (not part of the record). */
  readonly role: "field" | "count"
  /** A required field that may be `null`: left blank, it is written `null`. */
  readonly nullable?: true
}

/**
 * A question answered from a choice list: one answer (`select1`) or several
 * (`select`).
 *
 * @since 0.1.0
 */
export interface Select extends QuestionBase {
  readonly kind: "select1" | "select"
  readonly list: string
  /** A yes/no question whose answers `true` / `false` become booleans. */
  readonly yesNo: boolean
  readonly required?: Required
  readonly constraint?: Constraint
  /** A required field that may be `null`: left blank, it is written `null`. */
  readonly nullable?: true
  /** A list of choices the record requires but that may be empty: left blank, it is written `[]`. */
  readonly blankIsEmpty?: true
}

/**
 * A group of questions (a record field holding fields).
 *
 * @since 0.1.0
 */
export interface Group extends QuestionBase {
  readonly kind: "group"
  /** Whether the record may leave the group out. */
  readonly optional: boolean
  readonly children: ReadonlyArray<Question>
}

/**
 * A repeated group of questions (a list field).
 *
 * @since 0.1.0
 */
export interface Repeat extends QuestionBase {
  readonly kind: "repeat"
  /** Whether the record may leave the list out (otherwise an empty list is written). */
  readonly optional: boolean
  /** `group`: each repeat is one item with fields; `value`: each repeat holds one value, in the question `item`. */
  readonly items: "group" | "value"
  /** Path of the question giving the number of repeats, when the list has bounds. */
  readonly count?: ReadonlyArray<string>
  readonly children: ReadonlyArray<Question>
}

/**
 * A question of a form.
 *
 * @since 0.1.0
 */
export type Question = Input | Select | Group | Repeat

/**
 * A choice list.
 *
 * @since 0.1.0
 */
export interface ChoiceList {
  readonly name: string
  readonly choices: ReadonlyArray<{ readonly name: string; readonly label: Label }>
}

/**
 * The data collection form of a record type.
 *
 * @since 0.1.0
 */
export interface Form {
  readonly type: Registry.RecordType
  /** Form id (`homeward_child`), the `id` of the XForm instance and `form_id` of the XLSForm. */
  readonly id: string
  /** Changes whenever the form changes (ODK Central needs a new version to accept an update). */
  readonly version: string
  readonly title: Label
  readonly questions: ReadonlyArray<Question>
  readonly lists: ReadonlyArray<ChoiceList>
}

/**
 * The record types collected in the field with a form: every record type
 * except `case-event` (a union of event forms, each recorded through its own
 * record type) and `policy-profile` (configuration, edited as JSON; its form
 * can still be made with {@link make}, but has about a thousand questions).
 *
 * @since 0.1.0
 */
export const formTypes: ReadonlyArray<Registry.RecordType> = Registry.recordTypes.filter(
  (t) => t !== "case-event" && t !== "policy-profile"
)

/**
 * The name of the root element of a form's instance (as pyxform writes it).
 *
 * @since 0.1.0
 */
export const rootName = "data"

/**
 * Dates Homeward accepts (Homeward `IsoDate`: a real date, years 1900–2200).
 *
 * @since 0.1.0
 */
export const dateRange = { from: "1900-01-01", to: "2200-12-31" } as const

/**
 * A regular expression (as written in a form's `regex()`) matching a text
 * that holds at least one character that is not white space, for exactly
 * the white space JavaScript's `trim()` removes (so the form refuses a blank
 * answer exactly when Homeward does). Written with escapes only, so it reads
 * the same in ODK Web Forms (JavaScript) and ODK Collect (Java).
 *
 * @since 0.1.0
 */
export const notBlankRegex =
  "[^\\t\\n\\x0B\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"

/**
 * Rules between fields that Homeward's record Schemas check (the record's
 * own `.check(...)`) that compare two answers, as a further constraint of a
 * question (skipped while the other answer is blank):
 *
 * - care exception: the last day is on or after the first day
 *   (`Case.CareException`).
 *
 * @since 0.2.0
 */
export const crossFieldConstraints: Readonly<
  Partial<
    Record<
      Registry.RecordType,
      ReadonlyArray<{ readonly path: ReadonlyArray<string>; readonly and: Expr; readonly message: Label }>
    >
  >
> = {
  "care-exception": [
    {
      path: ["endsOn"],
      and: ["(", { ref: ["from"] }, " = '' or date(.) >= date(", { ref: ["from"] }, "))"],
      message: FormLabels.messages.onOrAfter(FormLabels.field("care-exception", ["from"]))
    }
  ]
}

/**
 * Rules between fields that Homeward's record Schemas check (the record's
 * own `.check(...)`), as form rules: the question is asked only when
 * `relevant` holds, and then must be answered.
 *
 * - follow-up visit: a reason is required when the child was not seen, and
 *   only then (`FollowUp.FollowUpVisit`);
 * - institution: a closed institution must give its closure reason, which is
 *   asked only of closed institutions (`Institution.Institution`).
 *
 * @since 0.1.0
 */
export const crossFieldRules: Readonly<
  Partial<Record<Registry.RecordType, ReadonlyArray<{ readonly path: ReadonlyArray<string>; readonly relevant: Expr }>>>
> = {
  "follow-up-visit": [{ path: ["notSeenReason"], relevant: [{ ref: ["childSeen"] }, " = 'false'"] }],
  institution: [{ path: ["closureReason"], relevant: [{ ref: ["status"] }, " = 'closed'"] }]
}

type Json = Record<string, unknown>

const resolve = (node: unknown, defs: Json): Json => {
  let n = (node ?? {}) as Json
  for (let guard = 0; typeof n["$ref"] === "string" && guard < 20; guard++) {
    const name = (n["$ref"] as string)
      .replace(/^#\/\$defs\//, "")
      .replace(/~1/g, "/")
      .replace(/~0/g, "~")
    const target = defs[name] as Json | undefined
    if (target === undefined) break
    n = { ...target, ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== "$ref")) }
  }
  return n
}

const docs = new Map<string, Record<string, unknown>>()

const nonNull = (n: Json, defs: Json): Json => {
  const any = n["anyOf"]
  if (!Array.isArray(any)) return n
  const members = any.map((m) => resolve(m, defs)).filter((m) => m["type"] !== "null")
  return members.length === 1 && members[0] !== undefined ? members[0] : n
}

/**
 * What the Fields model leaves out, read from the record type's JSON Schema
 * at a field path: `maxItems` of a list, and whether the field may be `null`.
 */
const schemaFacts = (
  type: Registry.RecordType,
  path: ReadonlyArray<string>
): { readonly maxItems?: number; readonly nullable: boolean } => {
  let doc = docs.get(type)
  if (doc === undefined) {
    doc = Registry.jsonSchema(type)
    docs.set(type, doc)
  }
  const defs = (doc["$defs"] ?? {}) as Json
  let raw: Json = resolve(doc, defs)
  for (const seg of path) {
    let n = nonNull(raw, defs)
    if (n["type"] === "array" && seg !== "item") n = nonNull(resolve(n["items"], defs), defs)
    // inside a union of objects (a policy profile's visit band), the first alternative with the property
    const props = (o: Json) => o["properties"] as Json | undefined
    const holder = Array.isArray(n["anyOf"])
      ? (n["anyOf"] as Array<unknown>).map((m) => resolve(m, defs)).find((m) => props(m)?.[seg] !== undefined)
      : n
    raw = resolve(seg === "item" ? n["items"] : props(holder ?? n)?.[seg], defs)
  }
  const n = nonNull(raw, defs)
  const nullable = Array.isArray(raw["anyOf"]) && raw["anyOf"].some((m) => resolve(m, defs)["type"] === "null")
  return typeof n["maxItems"] === "number" ? { maxItems: n["maxItems"], nullable } : { nullable }
}

const join = (a: Label, b: Label | undefined): Label =>
  b === undefined ? a : { en: `${a.en} ${b.en}`, km: `${a.km} ${b.km}` }

const hintOf = (f: Fields.Field): Label | undefined => {
  let hint: Label | undefined
  if (f.sensitive) hint = FormLabels.hints.sensitive
  const own =
    f.ref === "Id"
      ? FormLabels.hints.id
      : f.ref === "Score"
        ? FormLabels.hints.score
        : f.description !== undefined && f.description !== "Pseudonymous identifier"
          ? { en: f.description, km: f.description }
          : undefined
  return own === undefined ? hint : hint === undefined ? own : join(hint, own)
}

/**
 * A regular expression matching a character that XML 1.0 cannot carry
 * (control characters other than tab and line breaks, U+FFFE, U+FFFF, a
 * lone surrogate): a submission is XML, so a text holding one could not be
 * sent. Homeward itself accepts such characters; the form refuses them.
 *
 * @since 0.1.0
 */
export const notInXmlRegex =
  "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]"

const literal = (s: string): string => {
  if (!s.includes("'")) return `'${s}'`
  if (!s.includes('"')) return `"${s}"`
  throw new Error("a pattern holding both ' and \" cannot be written in a form")
}

const constraintOf = (f: Fields.Field): Constraint | undefined => {
  const parts: Array<string> = []
  let message: Label | undefined
  if (f.kind === "integer" || f.kind === "number") {
    if (f.minimum !== undefined) parts.push(`. >= ${f.minimum}`)
    if (f.exclusiveMinimum !== undefined) parts.push(`. > ${f.exclusiveMinimum}`)
    if (f.maximum !== undefined) parts.push(`. <= ${f.maximum}`)
    message =
      f.minimum !== undefined && f.maximum !== undefined
        ? FormLabels.messages.between(f.minimum, f.maximum)
        : f.minimum !== undefined
          ? FormLabels.messages.atLeast(f.minimum)
          : f.exclusiveMinimum !== undefined
            ? FormLabels.messages.moreThan(f.exclusiveMinimum)
            : f.maximum !== undefined
              ? FormLabels.messages.atMost(f.maximum)
              : undefined
  } else if (f.kind === "text" && (f.format === "date" || f.format === "date-time")) {
    parts.push(`. >= date('${dateRange.from}') and . <= date('${dateRange.to}')`)
    message = FormLabels.messages.date(dateRange.from, dateRange.to)
  } else if (f.kind === "text") {
    if (f.pattern === "\\S") {
      parts.push(`regex(., '${notBlankRegex}')`, `not(regex(., '${notInXmlRegex}'))`)
    } else if (f.pattern === undefined) {
      parts.push(`not(regex(., '${notInXmlRegex}'))`)
    } else {
      parts.push(`regex(., ${literal(f.pattern)})`)
      message = f.ref === "Id" || f.ref === "EventId" ? FormLabels.messages.id : FormLabels.messages.pattern
    }
    if (f.minLength !== undefined && f.minLength > 1) parts.push(`string-length(.) >= ${f.minLength}`)
    if (f.maxLength !== undefined) parts.push(`string-length(.) <= ${f.maxLength}`)
    if (message === undefined) {
      message =
        f.pattern === "\\S"
          ? FormLabels.messages.text(f.maxLength ?? 2000)
          : f.maxLength !== undefined
            ? FormLabels.messages.maxLength(f.maxLength)
            : FormLabels.messages.characters
    }
  }
  return parts.length === 0 ? undefined : { expr: parts.join(" and "), message: message ?? FormLabels.messages.pattern }
}

const typeOf = (f: Fields.Field): DataType =>
  f.kind === "integer"
    ? "int"
    : f.kind === "number"
      ? "decimal"
      : f.format === "date"
        ? "date"
        : f.format === "date-time"
          ? "dateTime"
          : "string"

const sameChoices = (a: ChoiceList, b: ChoiceList) =>
  a.choices.length === b.choices.length &&
  a.choices.every(
    (c, i) =>
      c.name === b.choices[i]?.name && c.label.en === b.choices[i]?.label.en && c.label.km === b.choices[i]?.label.km
  )

const fnv = (s: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, "0")
}

/** Leaves (and repeats) whose answers mean a group is present. */
const presence = (children: ReadonlyArray<Question>): Expr => {
  const terms: Array<Expr> = []
  const go = (qs: ReadonlyArray<Question>) => {
    for (const q of qs) {
      if (q.kind === "group") go(q.children)
      else if (q.kind === "repeat") terms.push(["count(", { ref: q.path }, ") > 0"])
      else terms.push([{ ref: q.path }, " != ''"])
    }
  }
  go(children)
  return terms.flatMap((t, i) => (i === 0 ? t : [" or ", ...t]))
}

const cache = new Map<string, Form>()

/**
 * The data collection form of a record type. Throws for a record type that
 * has several forms (a union such as `case-event`: export one of its forms'
 * record types instead) or a field a form cannot ask.
 *
 * @example
 * ```ts
 * import { CollectionForm } from "@homeward/cli"
 *
 * const form = CollectionForm.make("child")
 * form.questions.map((q) => q.name) // ["id", "givenName", "familyName", "birth", "sex", ...]
 * ```
 *
 * @since 0.1.0
 */
export const make = (type: Registry.RecordType): Form => {
  const hit = cache.get(type)
  if (hit !== undefined) return hit
  const root = Fields.describe(type)
  if (root.kind !== "group") {
    throw new Error(`${type} has several forms (a union); a form needs a record type with fixed fields`)
  }
  const lists: Array<ChoiceList> = []
  const rules: Array<{ readonly path: ReadonlyArray<string>; readonly relevant: Expr }> = [
    ...(crossFieldRules[type] ?? [])
  ]
  /**
   * A union of groups (a policy profile's visit band: `{ fromDay, intervalDays }`
   * or `{ fromDay, intervalMonths }`) asked as one group: the fields every
   * alternative requires are required; a field of one alternative only is
   * asked only while no field of an earlier alternative is answered, and is
   * then required, so that exactly one alternative is answered.
   */
  const merged = (f: Fields.Field, path: ReadonlyArray<string>): Fields.Field => {
    if (f.kind !== "union") return f
    const variants = (f.variants ?? []).filter((v) => v.kind !== "null")
    if (variants.length < 2 || !variants.every((v) => v.kind === "group")) return f
    const names: Array<string> = []
    for (const v of variants) for (const c of v.fields ?? []) if (!names.includes(c.name)) names.push(c.name)
    const inAll = (n: string) => variants.every((v) => (v.fields ?? []).some((c) => c.name === n))
    const own = variants.map((v) => (v.fields ?? []).filter((c) => !inAll(c.name)).map((c) => c.name))
    const fields = names.map((n) => {
      const first = variants.flatMap((v) => v.fields ?? []).find((c) => c.name === n) as Fields.Field
      const i = own.findIndex((o) => o.includes(n))
      if (i < 0)
        return { ...first, required: variants.every((v) => (v.fields ?? []).some((c) => c.name === n && c.required)) }
      const earlier = own.slice(0, i).flat()
      if (i > 0 && first.required) {
        const relevant: Expr = earlier.flatMap((e, k) => [
          ...(k === 0 ? [] : [" and "]),
          { ref: [...path, e] },
          " = ''"
        ])
        if (!rules.some((r) => r.path.join("/") === [...path, n].join("/")))
          rules.push({ path: [...path, n], relevant })
      }
      return { ...first, required: false }
    })
    return { ...f, kind: "group", fields }
  }
  const listFor = (f: Fields.Field, fieldName: string, path: ReadonlyArray<string>): string => {
    const values = f.kind === "boolean" ? ["true", "false"] : (f.choices ?? [])
    const name = f.kind === "boolean" ? "yes_no" : path.join("_")
    const list: ChoiceList = {
      name,
      choices: values.map((v) => ({ name: v, label: FormLabels.choice(f.kind === "boolean" ? "" : fieldName, v) }))
    }
    const same = lists.find((x) => sameChoices(x, list))
    if (same !== undefined) return same.name
    let unique = name
    for (let i = 2; lists.some((x) => x.name === unique); i++) unique = `${name}_${i}`
    lists.push({ ...list, name: unique })
    return unique
  }
  const build = (
    field: Fields.Field,
    path: ReadonlyArray<string>,
    fieldPath: ReadonlyArray<string>,
    isRequired: boolean,
    present: Expr | true,
    presentLabel: Label | undefined
  ): Array<Question> => {
    const f = merged(field, path)
    let required = isRequired
    const name = path[path.length - 1] ?? ""
    const facts = schemaFacts(type, fieldPath)
    // A field that may be null is not required in the form: a blank answer is its null.
    const nullable: { nullable?: true } = facts.nullable && required ? { nullable: true } : {}
    if (facts.nullable) required = false
    const label = FormLabels.field(type, fieldPath)
    const hint = hintOf(f)
    const rule = rules.find((r) => r.path.join("/") === path.join("/"))
    const base = {
      name,
      path,
      label,
      ...(hint === undefined ? {} : { hint }),
      sensitive: f.sensitive,
      ...(rule === undefined ? {} : { relevant: rule.relevant })
    }
    const req: { required?: Required } =
      required || rule !== undefined
        ? {
            required: {
              when: rule !== undefined ? true : present,
              message:
                present === true || rule !== undefined || presentLabel === undefined
                  ? FormLabels.messages.required
                  : FormLabels.messages.requiredWith(presentLabel)
            }
          }
        : {}
    switch (f.kind) {
      case "group": {
        const optional = !required
        const children = (f.fields ?? []).flatMap((c) =>
          optional
            ? [] // built below, once the group's presence is known
            : build(c, [...path, c.name], [...fieldPath, c.name], c.required, present, presentLabel)
        )
        if (!optional) return [{ kind: "group", ...base, optional, children }]
        // First pass: the questions, to know which answers make the group present.
        const draft = (f.fields ?? []).flatMap((c) =>
          build(c, [...path, c.name], [...fieldPath, c.name], false, true, undefined)
        )
        const inner = presence(draft)
        const final = (f.fields ?? []).flatMap((c) =>
          build(c, [...path, c.name], [...fieldPath, c.name], c.required, inner, label)
        )
        return [{ kind: "group", ...base, optional, children: final }]
      }
      case "list": {
        const item = f.items === undefined ? undefined : merged(f.items, path)
        if (item === undefined) throw new Error(`${type}: the list ${fieldPath.join(".")} has no item type`)
        const max = facts.maxItems
        const min = f.minItems ?? 0
        if (item.kind === "choice") {
          const constraint: Constraint | undefined =
            max === undefined
              ? undefined
              : { expr: `count-selected(.) <= ${max}`, message: FormLabels.messages.selectedAtMost(max) }
          return [
            {
              kind: "select",
              ...base,
              list: listFor(item, name, path),
              yesNo: false,
              ...(required && min >= 1 ? req : {}),
              ...(required && min === 0 ? { blankIsEmpty: true as const } : {}),
              ...(constraint === undefined ? {} : { constraint })
            }
          ]
        }
        const out: Array<Question> = []
        let count: ReadonlyArray<string> | undefined
        if (min > 0 || max !== undefined) {
          count = [...path.slice(0, -1), `${name}_count`]
          const countQ: Input = {
            kind: "input",
            name: `${name}_count`,
            path: count,
            label: FormLabels.messages.countOf(label),
            sensitive: false,
            type: "int",
            role: "count",
            // Blank or 0 is an empty list: required (and at least `min`) only when the list needs items.
            ...(required && min > 0 ? req : {}),
            constraint: {
              expr: [...(min > 0 ? [`. >= ${min}`] : []), ...(max === undefined ? [] : [`. <= ${max}`])].join(" and "),
              message:
                max === undefined
                  ? FormLabels.messages.atLeast(min)
                  : min > 0
                    ? FormLabels.messages.between(min, max)
                    : FormLabels.messages.atMost(max)
            }
          }
          out.push(countQ)
        }
        const children =
          item.kind === "group"
            ? (item.fields ?? []).flatMap((c) =>
                build(c, [...path, c.name], [...fieldPath, c.name], c.required, true, undefined)
              )
            : build(item, [...path, "item"], [...fieldPath, "item"], true, true, undefined).map((q) =>
                FormLabels.hasFieldLabel(type, [...fieldPath, "item"]) ? q : { ...q, label }
              )
        out.push({
          kind: "repeat",
          ...base,
          optional: !required,
          items: item.kind === "group" ? "group" : "value",
          ...(count === undefined ? {} : { count }),
          children
        })
        return out
      }
      case "choice":
      case "boolean":
        return [
          { kind: "select1", ...base, list: listFor(f, name, path), yesNo: f.kind === "boolean", ...req, ...nullable }
        ]
      case "null":
        return []
      case "text":
      case "integer":
      case "number": {
        const own = constraintOf(f)
        const cross = (crossFieldConstraints[type] ?? []).find((r) => r.path.join("/") === path.join("/"))
        const constraint: Constraint | undefined =
          cross === undefined
            ? own
            : {
                expr: own?.expr ?? "true()",
                and: cross.and,
                message: own === undefined ? cross.message : join(own.message, cross.message)
              }
        return [
          {
            kind: "input",
            ...base,
            type: typeOf(f),
            role: "field",
            ...req,
            ...nullable,
            ...(constraint === undefined ? {} : { constraint })
          }
        ]
      }
      default:
        throw new Error(
          `${type}: the field ${fieldPath.join(".")} can hold several kinds of value; a form cannot ask it`
        )
    }
  }
  const questions = (root.fields ?? []).flatMap((f) => build(f, [f.name], [f.name], f.required, true, undefined))
  const unique = (qs: ReadonlyArray<Question>) => {
    const seen = new Set<string>()
    for (const q of qs) {
      if (seen.has(q.name))
        throw new Error(`${type}: two questions named ${q.name} in ${q.path.slice(0, -1).join("/") || "the form"}`)
      seen.add(q.name)
      if (q.kind === "group" || q.kind === "repeat") unique(q.children)
    }
  }
  unique(questions)
  const body = { type, id: `homeward_${type.replace(/-/g, "_")}`, title: FormLabels.title(type), questions, lists }
  const form: Form = { ...body, version: fnv(JSON.stringify(body)) }
  cache.set(type, form)
  return form
}

/**
 * Every question of a form, depth first in form order (groups and repeats
 * before their questions).
 *
 * @example
 * ```ts
 * import { CollectionForm } from "@homeward/cli"
 *
 * CollectionForm.questions(CollectionForm.make("child")).map((q) => q.path.join("/")) // ["id", …, "birth", "birth/date", …]
 * ```
 *
 * @since 0.1.0
 */
export const questions = (form: Form): ReadonlyArray<Question> => {
  const out: Array<Question> = []
  const go = (qs: ReadonlyArray<Question>) => {
    for (const q of qs) {
      out.push(q)
      if (q.kind === "group" || q.kind === "repeat") go(q.children)
    }
  }
  go(form.questions)
  return out
}

/**
 * An XPath path from one question to another, relative to the first
 * (`../childSeen`): valid inside repeats as well as outside.
 *
 * @example
 * ```ts
 * import { CollectionForm } from "@homeward/cli"
 *
 * CollectionForm.relativePath(["visit", "childSeen"], ["visit", "notes"]) // "../notes"
 * ```
 *
 * @since 0.1.0
 */
export const relativePath = (from: ReadonlyArray<string>, to: ReadonlyArray<string>): string => {
  let k = 0
  while (k < from.length && k < to.length && from[k] === to[k]) k++
  if (k === from.length && k === to.length) return "."
  const up = from.length - k
  return [...Array.from({ length: up }, () => ".."), ...to.slice(k)].join("/")
}

/**
 * An expression written out with each reference replaced by `write(ref)`.
 *
 * @example
 * ```ts
 * import { CollectionForm } from "@homeward/cli"
 *
 * CollectionForm.renderExpr([{ ref: ["birth", "date"] }, " <= today()"], (ref) => `\${${ref.join("_")}}`)
 * // "${birth_date} <= today()"
 * ```
 *
 * @since 0.1.0
 */
export const renderExpr = (expr: Expr, write: (ref: ReadonlyArray<string>) => string): string =>
  expr.map((p) => (typeof p === "string" ? p : write(p.ref))).join("")

/**
 * The answers of one form submission: element names to a text, the answers
 * of a group, or the repeats of a repeat (one `Answers` per repeat). A
 * several-answer choice is one text, answers separated by spaces; a yes/no
 * answer is `true` or `false`; numbers are written as text.
 *
 * @since 0.1.0
 */
export interface Answers {
  readonly [name: string]: string | Answers | ReadonlyArray<Answers> | undefined
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

const leafValue = (q: Input | Select, raw: string): unknown => {
  if (q.kind === "input") {
    if (q.type !== "int" && q.type !== "decimal") return raw
    const t = raw.trim()
    return NUMBER.test(t) && Number.isFinite(Number(t)) ? Number(t) : raw
  }
  if (q.kind === "select") return raw.split(/\s+/).filter((s) => s !== "")
  return q.yesNo ? (raw === "true" ? true : raw === "false" ? false : raw) : raw
}

const asArray = (a: Answers[string]): ReadonlyArray<Answers> =>
  a === undefined || typeof a === "string" ? [] : Array.isArray(a) ? (a as ReadonlyArray<Answers>) : [a as Answers]

const asObject = (a: Answers[string]): Answers | undefined =>
  a === undefined || typeof a === "string"
    ? undefined
    : Array.isArray(a)
      ? (a[0] as Answers | undefined)
      : (a as Answers)

/**
 * The record (its JSON form, not yet decoded) written in a submission's
 * answers. Blank answers are left out; so is a group with no answer at all
 * and an optional list with no item (a required list becomes `[]`).
 * Numbers and yes/no answers are converted; a value that cannot be
 * converted is kept as written, so decoding the record reports it. Answers
 * the form does not ask (`meta`, `…_count`, names added by ODK Central or
 * KoboToolbox) are ignored.
 *
 * @example
 * ```ts
 * import { CollectionForm } from "@homeward/cli"
 *
 * const form = CollectionForm.make("child")
 * const answers = CollectionForm.fromRecord(form, { id: "CH-1", birth: { date: "2010-05-01", estimated: false }, sex: "female", school: "enrolled" })
 * CollectionForm.toRecord(form, answers) // the record again, ready to decode
 * ```
 *
 * @since 0.1.0
 */
export const toRecord = (form: Form, answers: Answers): Record<string, unknown> => {
  const group = (qs: ReadonlyArray<Question>, a: Answers): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const q of qs) {
      const v = a[q.name]
      switch (q.kind) {
        case "group": {
          const inner = asObject(v)
          const r = inner === undefined ? {} : group(q.children, inner)
          if (Object.keys(r).length > 0) out[q.name] = r
          break
        }
        case "repeat": {
          const items = asArray(v).map((inst) => {
            if (q.items === "group") return group(q.children, inst)
            const item = q.children[0]
            const raw = inst["item"]
            return item === undefined || item.kind === "group" || item.kind === "repeat" || typeof raw !== "string"
              ? raw
              : raw === ""
                ? raw
                : leafValue(item, raw)
          })
          if (items.length > 0 || !q.optional) out[q.name] = items
          break
        }
        default: {
          if (q.kind === "input" && q.role === "count") break
          if (typeof v !== "string" || v === "") {
            if (q.kind !== "select" && q.nullable === true) out[q.name] = null
            if (q.kind === "select" && q.blankIsEmpty === true) out[q.name] = []
            break
          }
          const value = leafValue(q, v)
          if (Array.isArray(value) && value.length === 0) {
            if (q.kind === "select" && q.blankIsEmpty === true) out[q.name] = []
            break
          }
          out[q.name] = value
        }
      }
    }
    return out
  }
  return group(form.questions, answers)
}

const text = (v: unknown): string | undefined =>
  v === undefined || v === null
    ? undefined
    : typeof v === "string"
      ? v
      : typeof v === "number" || typeof v === "boolean"
        ? String(v)
        : undefined

/**
 * The answers that fill a form with a record (its JSON form, as
 * `Validation.encode` writes it): the inverse of {@link toRecord}. Fields
 * the form does not ask are left out.
 *
 * @example
 * ```ts
 * import { CollectionForm } from "@homeward/cli"
 *
 * const form = CollectionForm.make("child")
 * CollectionForm.fromRecord(form, { id: "CH-1", birth: { date: "2010-05-01", estimated: false }, sex: "female", school: "enrolled" }) // the answers, as text, by question name
 * ```
 *
 * @since 0.1.0
 */
export const fromRecord = (form: Form, record: Record<string, unknown>): Answers => {
  const group = (qs: ReadonlyArray<Question>, r: Record<string, unknown>): Answers => {
    const out: Record<string, string | Answers | ReadonlyArray<Answers>> = {}
    for (const q of qs) {
      const v = r[q.name]
      switch (q.kind) {
        case "group":
          if (v !== null && typeof v === "object" && !Array.isArray(v)) {
            out[q.name] = group(q.children, v as Record<string, unknown>)
          }
          break
        case "repeat": {
          const items = Array.isArray(v) ? v : []
          if (q.count !== undefined) {
            const countName = q.count[q.count.length - 1] ?? ""
            if (Array.isArray(v) || !q.optional) out[countName] = String(items.length)
          }
          out[q.name] = items.map((item) =>
            q.items === "group" && item !== null && typeof item === "object"
              ? group(q.children, item as Record<string, unknown>)
              : { item: text(item) ?? "" }
          )
          break
        }
        case "select": {
          if (Array.isArray(v)) out[q.name] = v.map((x) => text(x) ?? "").join(" ")
          break
        }
        default: {
          if (q.kind === "input" && q.role === "count") break
          const t = text(v)
          if (t !== undefined) out[q.name] = t
          else if (v === null) out[q.name] = ""
        }
      }
    }
    return out
  }
  return group(form.questions, record)
}
