/**
 * Building blocks shared by every Homeward record: calendar dates and
 * timestamps (real `Date`s when decoded, ISO 8601 strings when encoded),
 * pseudonymous identifiers, the 1–4 assessment scale, money amounts and the
 * `sensitive` annotation that keeps names, contacts, addresses and free-text
 * notes out of error messages, logs and reports.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as SchemaTransformation from "effect/SchemaTransformation"

/**
 * Annotation key that marks a field as sensitive (names, addresses, phone
 * numbers, free-text notes). Sensitive values are never echoed in decode
 * errors, are replaced by {@link REDACTED} in `Redact.redact`, and never appear
 * in reports.
 *
 * @since 0.1.0
 */
export const SensitiveAnnotationId = "homeward/sensitive" as const

/**
 * The placeholder that replaces a sensitive value.
 *
 * @since 0.1.0
 */
export const REDACTED = "[redacted]" as const

/**
 * Marks a schema as sensitive. Apply it before adding checks
 * (`sensitive(Schema.String).check(...)`) so the mark stays on the field.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Common } from "@homeward/core"
 *
 * const Name = Common.sensitive(Schema.String)
 * Common.isSensitive(Name.ast) // true
 * ```
 *
 * @since 0.1.0
 */
export const sensitive = <S extends Schema.Top>(schema: S): S["Rebuild"] =>
  schema.annotate({ [SensitiveAnnotationId]: true, "x-sensitive": true } as never) as S["Rebuild"]

/**
 * Whether an AST node (or the node it was built from) is marked sensitive.
 *
 * @example
 * ```ts
 * import { Child, Common } from "@homeward/core"
 *
 * Common.isSensitive(Common.SensitiveText.ast) // true
 * Common.isSensitive(Child.Sex.ast) // false
 * ```
 *
 * @since 0.1.0
 */
export const isSensitive = (ast: SchemaAST.AST): boolean => {
  const marked = (a: SchemaAST.AST) =>
    a.annotations?.[SensitiveAnnotationId] === true || SchemaAST.resolveAt<boolean>(SensitiveAnnotationId)(a) === true
  return marked(ast) || marked(SchemaAST.toType(ast)) || marked(SchemaAST.toEncoded(ast))
}

/**
 * A regular-expression check with a plain-language expectation that is also
 * written into JSON Schema as `pattern` (effect leaves patterns out by default).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Common } from "@homeward/core"
 *
 * const Province = Schema.String.check(Common.pattern(/^[A-Z][a-z]+$/, "a capitalised province name"))
 * Schema.is(Province)("Battambang") // true
 * ```
 *
 * @since 0.1.0
 */
export const pattern = (re: RegExp, expected: string, identifier?: string) =>
  Schema.makeFilter((s: string) => re.test(s), {
    expected,
    ...(identifier === undefined ? {} : { identifier }),
    toJsonSchema: () => ({ pattern: re.source }),
    arbitraryConstraint: { patterns: [{ source: re.source, flags: re.flags }] }
  })

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

/** @internal */
export const isValidDateOnly = (s: string): boolean => {
  const m = DATE_ONLY.exec(s)
  if (m === null) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return d <= last
}

const MS_PER_DAY = 86_400_000
// 1950-01-01 .. 2100-12-31 for generated values
const DAY_MIN = Math.round(Date.UTC(1950, 0, 1) / MS_PER_DAY)
const DAY_MAX = Math.round(Date.UTC(2100, 11, 31) / MS_PER_DAY)

const isMidnightUtc = (d: Date): boolean =>
  !Number.isNaN(d.getTime()) &&
  d.getUTCHours() === 0 &&
  d.getUTCMinutes() === 0 &&
  d.getUTCSeconds() === 0 &&
  d.getUTCMilliseconds() === 0 &&
  d.getUTCFullYear() >= 1900 &&
  d.getUTCFullYear() <= 2200

const DateOnlyString = Schema.String.annotate({
  format: "date",
  expected: "a calendar date written YYYY-MM-DD"
}).check(
  Schema.makeFilter((s: string) => isValidDateOnly(s), {
    expected: "a real calendar date written YYYY-MM-DD (e.g. 2018-12-31)",
    identifier: "IsoDate",
    toJsonSchema: () => ({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
  })
)

const dateOnly = SchemaTransformation.transform<Date, string>({
  decode: (s) => new Date(`${s}T00:00:00.000Z`),
  encode: (d) => d.toISOString().slice(0, 10)
})

const CalendarDateType = Schema.declare((u: unknown): u is Date => u instanceof Date && isMidnightUtc(u), {
  expected: "a calendar date (a Date at 00:00 UTC between 1900 and 2200)",
  toCodecJson: () => Schema.link<Date>()(DateOnlyString, dateOnly),
  toCodecArbitrary: () =>
    Schema.link<Date>()(
      Schema.Int.check(Schema.isBetween({ minimum: DAY_MIN, maximum: DAY_MAX })),
      SchemaTransformation.transform<Date, number>({
        decode: (day) => new Date(day * MS_PER_DAY),
        encode: (d) => Math.round(d.getTime() / MS_PER_DAY)
      })
    )
})

/**
 * A calendar day. Decoded: a `Date` at 00:00 UTC. Encoded: `"YYYY-MM-DD"`.
 * Impossible dates such as `2023-02-30` are rejected.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Common } from "@homeward/core"
 *
 * Schema.decodeUnknownSync(Common.IsoDate)("2018-12-31").toISOString() // "2018-12-31T00:00:00.000Z"
 * ```
 *
 * @since 0.1.0
 */
export const IsoDate = DateOnlyString.pipe(Schema.decodeTo(CalendarDateType, dateOnly)).annotate({
  description: "A calendar date, ISO 8601 YYYY-MM-DD"
})

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

const DateTimeString = Schema.String.annotate({
  format: "date-time",
  expected: "an ISO 8601 timestamp with a time zone, e.g. 2018-12-31T09:30:00Z"
}).check(
  Schema.makeFilter(
    (s: string) => DATE_TIME.test(s) && isValidDateOnly(s.slice(0, 10)) && !Number.isNaN(new Date(s).getTime()),
    {
      expected: "an ISO 8601 timestamp with a time zone, e.g. 2018-12-31T09:30:00Z",
      identifier: "IsoDateTime",
      toJsonSchema: () => ({ pattern: DATE_TIME.source })
    }
  )
)

const dateTime = SchemaTransformation.transform<Date, string>({
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString()
})

const InstantType = Schema.declare(
  (u: unknown): u is Date =>
    u instanceof Date && !Number.isNaN(u.getTime()) && u.getUTCFullYear() >= 1900 && u.getUTCFullYear() <= 2200,
  {
    expected: "a valid Date between 1900 and 2200",
    toCodecJson: () => Schema.link<Date>()(DateTimeString, dateTime),
    toCodecArbitrary: () =>
      Schema.link<Date>()(
        Schema.Int.check(Schema.isBetween({ minimum: DAY_MIN * 86_400, maximum: DAY_MAX * 86_400 })),
        SchemaTransformation.transform<Date, number>({
          decode: (seconds) => new Date(seconds * 1000),
          encode: (d) => Math.floor(d.getTime() / 1000)
        })
      )
  }
)

/**
 * A moment in time. Decoded: a `Date`. Encoded: an ISO 8601 timestamp in UTC.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Common } from "@homeward/core"
 *
 * Schema.decodeUnknownSync(Common.IsoDateTime)("2018-12-31T09:30:00Z") // a Date
 * Schema.is(Schema.toEncoded(Common.IsoDateTime))("2018-12-31 09:30") // false: no time zone
 * ```
 *
 * @since 0.1.0
 */
export const IsoDateTime = DateTimeString.pipe(Schema.decodeTo(InstantType, dateTime)).annotate({
  description: "A timestamp, ISO 8601 with time zone"
})

/**
 * A pseudonymous identifier (case, child, household, worker, agency …). Letters,
 * digits and `. _ : -`, 1–64 characters: no spaces, so a name cannot be used
 * as an id by accident.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Common } from "@homeward/core"
 *
 * Schema.is(Common.Id)("CH-0042") // true
 * Schema.is(Common.Id)("Sophea Kim") // false: a name, not a code
 * ```
 *
 * @since 0.1.0
 */
export const Id = Schema.String.annotate({ description: "Pseudonymous identifier" }).check(
  pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, "a pseudonymous id: 1–64 letters, digits or . _ : - (no spaces)", "Id")
)

/**
 * Identifier type.
 *
 * @since 0.1.0
 */
export type Id = typeof Id.Type

const textCheck = (identifier: string) =>
  Schema.makeFilter((s: string) => s.trim().length > 0 && s.length <= 2000, {
    expected: "a non-empty text of at most 2000 characters",
    identifier,
    toJsonSchema: () => ({ minLength: 1, maxLength: 2000, pattern: "\\S" }),
    arbitraryConstraint: { minLength: 1, maxLength: 200, patterns: [{ source: "\\S", flags: "" }] }
  })

/**
 * A non-empty line of text of at most 2000 characters (not sensitive).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Common } from "@homeward/core"
 *
 * Schema.is(Common.Text)("Vocational training") // true
 * Schema.is(Common.Text)("   ") // false: blank
 * ```
 *
 * @since 0.1.0
 */
export const Text = Schema.String.check(textCheck("Text"))

/**
 * Sensitive free text (names, notes, rationales). Never echoed in errors.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Common, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Common.SensitiveText, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const SensitiveText = sensitive(Schema.String).check(textCheck("SensitiveText"))

/**
 * A score on the Cambodian 1–4 scale: 4 good, 3 fair, 2 poor, 1 very poor
 * (Primero Cambodia configuration; OSCaR Form 3).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Common } from "@homeward/core"
 *
 * Schema.is(Common.Score)(3) // true: fair
 * Schema.is(Common.Score)(5) // false: scores run from 1 to 4
 * ```
 *
 * @since 0.1.0
 */
export const Score = Schema.Int.check(
  Schema.isBetween({ minimum: 1, maximum: 4 }, { expected: "a score from 1 (very poor) to 4 (good)" })
).annotate({ identifier: "Score", description: "4 good, 3 fair, 2 poor, 1 very poor" })

/**
 * Score type.
 *
 * @since 0.1.0
 */
export type Score = typeof Score.Type

/**
 * Currencies in use in Cambodian programmes.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Common } from "@homeward/core"
 *
 * Schema.is(Common.Currency)("KHR") // true
 * Schema.is(Common.Currency)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const Currency = Schema.Literals(["KHR", "USD"])

/**
 * Currency type.
 *
 * @since 0.1.0
 */
export type Currency = typeof Currency.Type

/**
 * A non-negative amount of money in a currency.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Common, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Common.Money, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Money = Schema.Struct({
  amount: Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0, { expected: "an amount of 0 or more" })),
  currency: Currency
}).annotate({ identifier: "Money" })

/**
 * Money type.
 *
 * @since 0.1.0
 */
export type Money = typeof Money.Type

/**
 * Cambodian administrative location. Province, district and commune are
 * reportable; village and street address are sensitive.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Common, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Common.Location, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Location = Schema.Struct({
  province: Text,
  district: Schema.optionalKey(Text),
  commune: Schema.optionalKey(Text),
  village: Schema.optionalKey(SensitiveText),
  address: Schema.optionalKey(SensitiveText)
}).annotate({ identifier: "Location" })

/**
 * Location type.
 *
 * @since 0.1.0
 */
export type Location = typeof Location.Type

/**
 * Who did something, for the audit trail of every event.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Common, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(Common.Actor, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Actor = Schema.Struct({
  id: Id,
  role: Schema.Literals([
    "social-worker",
    "case-manager",
    "supervisor",
    "manager",
    "government-official",
    "panel",
    "system",
    "data-import"
  ])
}).annotate({ identifier: "Actor" })

/**
 * The role of an actor (`supervisor` since 0.3.0).
 *
 * @since 0.3.0
 */
export type ActorRole = Actor["role"]

/**
 * Actor type.
 *
 * @since 0.1.0
 */
export type Actor = typeof Actor.Type
