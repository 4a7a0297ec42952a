/**
 * Policy profiles: every number a rule uses — durations, thresholds, visit
 * frequencies, age limits — is a cited parameter here, never a literal in a
 * rule. A parameter is `{ value, source: { document, year, section?, url? },
 * effectiveFrom }`, plus its unit, its status (law, policy, guidance,
 * practice, or "default, not law") and optional earlier or later values.
 * Built-in profiles are in `Profiles`; users load their own from JSON with
 * {@link decodeProfile} or derive one with {@link derive}.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { Id, IsoDate, pattern, Text } from "./Common.js"
import { ContactKind } from "./Contact.js"
import { requireValidDate } from "./Decision.js"
import type { ValidationIssue } from "./Validation.js"
import { decodeUnknown } from "./Validation.js"

/**
 * Where a value comes from.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { PolicyProfile, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(PolicyProfile.Citation, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const Citation = Schema.Struct({
  document: Text,
  year: Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2200 })),
  section: Schema.optionalKey(Text),
  url: Schema.optionalKey(Text),
  note: Schema.optionalKey(Text),
  /** The entry of the repository's `docs/sources.md` that describes this source (e.g. `PRIM`, `HD-grace-days`). */
  key: Schema.optionalKey(Text)
}).annotate({ identifier: "Citation" })

/**
 * Where a value comes from (the type of the `Citation` Schema).
 *
 * @since 0.1.0
 */
export type Citation = typeof Citation.Type

/**
 * How binding a value is. `default-not-law` marks practitioner or software
 * defaults: numbers no source sets, each an `HD-…` entry of docs/sources.md
 * with its reasoning.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PolicyProfile } from "@homeward/core"
 *
 * Schema.is(PolicyProfile.ParameterStatus)("law") // true
 * Schema.is(PolicyProfile.ParameterStatus)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const ParameterStatus = Schema.Literals(["law", "policy", "guidance", "practice", "default-not-law"])

/**
 * How binding a value is (the type of the `ParameterStatus` Schema).
 *
 * @since 0.1.0
 */
export type ParameterStatus = typeof ParameterStatus.Type

/**
 * A cited parameter holding values of schema `S`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PolicyProfile } from "@homeward/core"
 *
 * const MaxVisits = PolicyProfile.Parameter(Schema.Int)
 * Schema.is(MaxVisits) // a guard for { value, unit?, source, … }
 * ```
 *
 * @since 0.1.0
 */
export const Parameter = <S extends Schema.Top>(value: S) =>
  Schema.Struct({
    value,
    unit: Schema.optionalKey(Text),
    source: Citation,
    effectiveFrom: IsoDate,
    status: ParameterStatus,
    lastChecked: Schema.optionalKey(IsoDate),
    history: Schema.optionalKey(Schema.Array(Schema.Struct({ value, source: Citation, effectiveFrom: IsoDate })))
  })

/**
 * A cited parameter (decoded).
 *
 * @since 0.1.0
 */
export interface Param<A> {
  readonly value: A
  readonly unit?: string
  readonly source: Citation
  readonly effectiveFrom: Date
  readonly status: ParameterStatus
  readonly lastChecked?: Date
  readonly history?: ReadonlyArray<{ readonly value: A; readonly source: Citation; readonly effectiveFrom: Date }>
}

const NonNegInt = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
const PosInt = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))
const Share = Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 }))
const ScoreValue = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 4 }))

const WeekCount = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 7 }))

/**
 * What a contact step asks of every week: at least `min` (and, when given, at
 * most `max`) home visits (`measure: "visits"`: distinct days with a positive
 * day visit) or nights at home (`measure: "nights"`: distinct nights covered
 * by positive stays), in each of the last `weeks` complete weeks of the step.
 * Weeks are counted from the day the step began (week 1 is its first seven
 * days). Aziza's Place: "a single visit a week", "2 or 3 nights a week",
 * "every night".
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { PolicyProfile, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(PolicyProfile.WeeklyContact, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.2.0
 */
export const WeeklyContact = Schema.Struct({
  measure: Schema.Literals(["visits", "nights"]),
  min: WeekCount,
  max: Schema.optionalKey(WeekCount),
  weeks: PosInt
})
  .check(
    Schema.makeFilter(
      (w: { min: number; max?: number }) =>
        w.max === undefined || w.max >= w.min ? true : { path: ["max"], issue: "max must be at least min" },
      { expected: "max at least min" }
    )
  )
  .annotate({ identifier: "WeeklyContact" })

/**
 * What a contact step asks of every week (the type of the `WeeklyContact` Schema).
 *
 * @since 0.2.0
 */
export type WeeklyContact = typeof WeeklyContact.Type

/**
 * Fields of a contact step that can be Homeward defaults rather than values
 * taken from the step's source.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PolicyProfile } from "@homeward/core"
 *
 * Schema.is(PolicyProfile.ContactStepField)("contactKinds") // true
 * Schema.is(PolicyProfile.ContactStepField)("something else") // false
 * ```
 *
 * @since 0.2.0
 */
export const ContactStepField = Schema.Literals([
  "contactKinds",
  "minPositiveContacts",
  "minDwellDays",
  "longDwellWarningDays",
  "weekly.min",
  "weekly.max",
  "weekly.weeks"
])

/**
 * A step of gradual contact (Aziza's Place: Sunday day visits, weekend
 * sleep-overs, 2–3 nights a week, every night): the contact kinds that count,
 * the minimum positive contacts and days in the step, when a long stay is
 * worth a warning, and (optionally) what every week must show
 * ({@link WeeklyContact}). `source` says where the step comes from and
 * `homewardDefaults` names the fields that are Homeward defaults, not values
 * of that source.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { PolicyProfile, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(PolicyProfile.ContactStep, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const ContactStep = Schema.Struct({
  id: Schema.String.check(pattern(/^[a-z0-9][a-z0-9-]*$/, "a step id in lower-case letters, digits and dashes")),
  label: Text,
  contactKinds: Schema.Array(ContactKind).check(Schema.isMinLength(1)),
  minPositiveContacts: NonNegInt,
  minDwellDays: NonNegInt,
  longDwellWarningDays: PosInt,
  weekly: Schema.optionalKey(WeeklyContact),
  source: Schema.optionalKey(Citation),
  homewardDefaults: Schema.optionalKey(Schema.Array(ContactStepField))
}).annotate({ identifier: "ContactStep" })

/**
 * A step of gradual contact (the type of the `ContactStep` Schema).
 *
 * @since 0.1.0
 */
export type ContactStep = typeof ContactStep.Type

/**
 * A band of the monitoring schedule: from day `fromDay` after reunification,
 * one visit every `intervalDays` days, or every `intervalMonths` calendar
 * months (exactly one of the two).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PolicyProfile } from "@homeward/core"
 *
 * Schema.is(PolicyProfile.VisitBand)({ fromDay: 0, intervalDays: 30 }) // true: monthly from the start
 * Schema.is(PolicyProfile.VisitBand)({ fromDay: 180, intervalMonths: 3 }) // true: quarterly after six months
 * ```
 *
 * @since 0.1.0
 */
export const VisitBand = Schema.Union([
  Schema.Struct({ fromDay: NonNegInt, intervalDays: PosInt }),
  Schema.Struct({ fromDay: NonNegInt, intervalMonths: PosInt })
]).annotate({ identifier: "VisitBand" })

/**
 * A band of the monitoring schedule (the type of the `VisitBand` Schema).
 *
 * @since 0.1.0
 */
export type VisitBand = typeof VisitBand.Type

/**
 * Case-conference triggers (Primero Cambodia).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PolicyProfile } from "@homeward/core"
 *
 * Schema.is(PolicyProfile.ConferenceTrigger)("removal-from-carer") // true
 * Schema.is(PolicyProfile.ConferenceTrigger)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const ConferenceTrigger = Schema.Literals([
  "removal-from-carer",
  "placement-in-alternative-care",
  "complex-protection-case",
  "family-reunification",
  "relocation-or-transfer"
])

/**
 * Case-conference triggers (Primero Cambodia; the type of the `ConferenceTrigger` Schema).
 *
 * @since 0.1.0
 */
export type ConferenceTrigger = typeof ConferenceTrigger.Type

/**
 * Who a programme target's share counts (the cohort in its denominator):
 *
 * - `in-care-at-start`: the children in residential care (in the programme and
 *   not yet returned to a family) on the day the target took effect; the share
 *   is how many of them have returned and are at home on the report date
 *   (UNICEF Siem Reap 2017: "30 per cent of children in residential care
 *   institutions", 644 children).
 * - `all-in-programme`: every child in the programme on the report date.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PolicyProfile } from "@homeward/core"
 *
 * Schema.is(PolicyProfile.TargetCohort)("in-care-at-start") // true
 * Schema.is(PolicyProfile.TargetCohort)("something else") // false
 * ```
 *
 * @since 0.1.0
 */
export const TargetCohort = Schema.Literals(["in-care-at-start", "all-in-programme"])

/**
 * A target cohort (see the `TargetCohort` schema).
 *
 * @since 0.1.0
 */
export type TargetCohort = typeof TargetCohort.Type

/**
 * Who witnesses a reunification agreement (Primero Cambodia: a government
 * official and the commune/sangkat chief).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PolicyProfile } from "@homeward/core"
 *
 * Schema.is(PolicyProfile.WitnessRole)("government-official") // true
 * Schema.is(PolicyProfile.WitnessRole)("something else") // false
 * ```
 *
 * @since 0.2.0
 */
export const WitnessRole = Schema.Literals(["government-official", "commune-chief", "village-chief"])

/**
 * Who witnesses a reunification agreement (the type of the `WitnessRole` Schema).
 *
 * @since 0.2.0
 */
export type WitnessRole = typeof WitnessRole.Type

/**
 * The exceptions under which a young child may be in residential care
 * (UN Guidelines ¶22, secondary summary): an emergency, a short
 * predetermined time, keeping siblings together.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PolicyProfile } from "@homeward/core"
 *
 * Schema.is(PolicyProfile.CareExceptionKind)("emergency") // true
 * Schema.is(PolicyProfile.CareExceptionKind)("something else") // false
 * ```
 *
 * @since 0.2.0
 */
export const CareExceptionKind = Schema.Literals(["emergency", "short-predetermined-time", "siblings-together"])

/**
 * The exceptions under which a young child may be in residential care (UN Guidelines ¶22, secondary summary; the type of the `CareExceptionKind` Schema).
 *
 * @since 0.2.0
 */
export type CareExceptionKind = typeof CareExceptionKind.Type

/**
 * Steps a programme can put behind a supervisor's approval: the return home
 * (`Reunify`), closing the case (`Close`), a transfer to another agency or
 * worker (`Transfer`, `RequestTransfer`) and a referral (`Refer`). Primero
 * has approvals for the case plan, the best-interest assessment and
 * determination, the action plan and closure.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Approval } from "@homeward/core"
 *
 * Schema.is(Approval.ApprovalStep)("reunification") // true
 * ```
 *
 * @since 0.3.0
 */
export const ApprovalStep = Schema.Literals(["reunification", "closure", "transfer", "referral"])

/**
 * @since 0.3.0
 */
export type ApprovalStep = typeof ApprovalStep.Type

/**
 * Roles that can approve (the actor roles, `Common.Actor`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Approval } from "@homeward/core"
 *
 * Schema.is(Approval.ApproverRole)("supervisor") // true
 * ```
 *
 * @since 0.3.0
 */
export const ApproverRole = Schema.Literals(["case-manager", "supervisor", "manager", "government-official", "panel"])

/**
 * One approval a programme requires: the step, and the roles that may approve it.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Approval } from "@homeward/core"
 *
 * Schema.is(Approval.ApprovalRule)({ step: "closure", approverRoles: ["supervisor", "manager"] }) // true
 * ```
 *
 * @since 0.3.0
 */
export const ApprovalRule = Schema.Struct({
  step: ApprovalStep,
  approverRoles: Schema.Array(ApproverRole).check(Schema.isMinLength(1))
}).annotate({ identifier: "ApprovalRule" })

/**
 * @since 0.3.0
 */
export type ApprovalRule = typeof ApprovalRule.Type

/**
 * The `approvals` group of a profile written before it existed: no step is
 * approval-gated (Homeward default `HD-approval-gates`).
 */
const noApprovalGates = {
  required: {
    value: [],
    source: {
      document: "Homeward defaults, not law (docs/sources.md)",
      year: 2026,
      section: "No step needs a supervisor's approval unless the programme lists it",
      note: "Approval chains differ between programmes (Primero configures them per role); a programme lists its own.",
      key: "HD-approval-gates"
    },
    effectiveFrom: "2026-11-25",
    status: "default-not-law"
  }
} as const

const parameters = {
  scoring: Schema.Struct({
    concernAtOrBelow: Parameter(ScoreValue),
    highRiskAnyDomainAtOrBelow: Parameter(ScoreValue),
    highRiskPoorScore: Parameter(ScoreValue),
    highRiskPoorDomainsMoreThan: Parameter(NonNegInt)
  }),
  responseTime: Schema.Struct({
    highHours: Parameter(PosInt),
    mediumHours: Parameter(PosInt),
    lowHours: Parameter(PosInt)
  }),
  conference: Schema.Struct({ triggers: Parameter(Schema.Array(ConferenceTrigger)) }),
  eligibility: Schema.Struct({
    familyAssessmentMaxAgeDays: Parameter(PosInt),
    bidMaxAgeDays: Parameter(PosInt),
    viewsMaxAgeDays: Parameter(PosInt),
    viewsDirectFromAge: Parameter(NonNegInt),
    independentLivingFromAge: Parameter(NonNegInt),
    adultAge: Parameter(PosInt),
    residentialCareFromAge: Parameter(NonNegInt),
    childAssentFromAge: Parameter(NonNegInt),
    residentialCareExceptions: Parameter(Schema.Array(CareExceptionKind)),
    independentLivingWorkOrStudy: Parameter(Schema.Boolean),
    keepSiblingsTogether: Parameter(Schema.Boolean),
    requireSuitableHousing: Parameter(Schema.Boolean),
    requireStableLivelihood: Parameter(Schema.Boolean)
  }),
  phases: Schema.Struct({
    contactSteps: Parameter(Schema.Array(ContactStep).check(Schema.isMinLength(1))),
    deadlineDays: Parameter(Schema.NullOr(PosInt))
  }),
  monitoring: Schema.Struct({
    durationMonths: Parameter(PosInt),
    schedule: Parameter(Schema.Array(VisitBand).check(Schema.isMinLength(1))),
    graceDays: Parameter(NonNegInt),
    reviewIntervalMonths: Parameter(PosInt),
    caseNoteMaxDays: Parameter(PosInt)
  }),
  reunification: Schema.Struct({
    agreementRequired: Parameter(Schema.Boolean),
    agreementWitnesses: Parameter(Schema.Array(WitnessRole))
  }),
  closure: Schema.Struct({
    childMinTotal: Parameter(NonNegInt),
    childMinItem: Parameter(ScoreValue),
    familyMinTotal: Parameter(NonNegInt),
    familyMinItem: Parameter(ScoreValue),
    familyItemsExempt: Parameter(Schema.Array(Schema.String)),
    grandMinTotal: Parameter(NonNegInt),
    managerApprovalRequired: Parameter(Schema.Boolean),
    recentVisitsPositive: Parameter(NonNegInt)
  }),
  support: Schema.Struct({
    maxStepShare: Parameter(Share),
    stepMonths: Parameter(PosInt)
  }),
  programme: Schema.Struct({
    targetShare: Parameter(Share),
    targetDeadline: Parameter(IsoDate),
    maxCaseload: Parameter(PosInt),
    targetCohort: Parameter(TargetCohort)
  }),
  reporting: Schema.Struct({ smallCellK: Parameter(PosInt), protectionLevel: Parameter(PosInt) }),
  /** Which steps need a supervisor's approval, and from which roles (absent in JSON: none). */
  approvals: Schema.Struct({ required: Parameter(Schema.Array(ApprovalRule)) }).pipe(
    Schema.withDecodingDefaultKey(Effect.succeed(noApprovalGates as never))
  )
}

/**
 * A policy profile.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { PolicyProfile, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(PolicyProfile.PolicyProfile, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.1.0
 */
export const PolicyProfile = Schema.Struct({
  id: Id,
  version: Schema.String.check(pattern(/^\d+\.\d+\.\d+$/, "a version like 1.0.0")),
  title: Text,
  description: Schema.optionalKey(Text),
  jurisdiction: Schema.optionalKey(Text),
  derivedFrom: Schema.optionalKey(Schema.Struct({ id: Id, version: Schema.String })),
  parameters: Schema.Struct(parameters)
}).annotate({ identifier: "PolicyProfile", title: "Policy profile" })

/**
 * A policy profile (decoded).
 *
 * @since 0.1.0
 */
export type PolicyProfile = typeof PolicyProfile.Type

/**
 * A policy profile as JSON.
 *
 * @since 0.1.0
 */
export type PolicyProfileEncoded = typeof PolicyProfile.Encoded

type Params = PolicyProfile["parameters"]

/**
 * The plain values of a profile on a given day.
 *
 * @since 0.1.0
 */
export type ResolvedParameters = {
  readonly [G in keyof Params]: { readonly [K in keyof Params[G]]: Params[G][K] extends Param<infer A> ? A : never }
}

/**
 * A profile resolved on a day: the values in force, the profile's identity,
 * and the parameters that were not yet in force (their earliest value is
 * used and the fact reported).
 *
 * @since 0.1.0
 */
export interface ResolvedPolicy {
  readonly profile: { readonly id: string; readonly version: string }
  readonly asOf: Date
  readonly values: ResolvedParameters
  readonly notYetInForce: ReadonlyArray<string>
}

/**
 * The value of one parameter in force on `asOf`: the latest version whose
 * `effectiveFrom` is on or before `asOf`; before the first version, the
 * earliest one with `inForce: false`.
 *
 * @example
 * ```ts
 * import { PolicyProfile, Profiles } from "@homeward/core"
 *
 * const p = PolicyProfile.valueAt(Profiles.azizasPlace.parameters.monitoring.durationMonths, new Date("2018-06-30"))
 * p.value // the monitoring length in months
 * p.source.key // the docs/sources.md entry it comes from
 * ```
 *
 * @since 0.1.0
 */
export const valueAt = <A>(
  param: Param<A>,
  asOf: Date
): { readonly value: A; readonly source: Citation; readonly inForce: boolean } => {
  requireValidDate(asOf)
  const versions = [
    { value: param.value, source: param.source, effectiveFrom: param.effectiveFrom },
    ...(param.history ?? [])
  ]
  let best: (typeof versions)[number] | undefined
  let earliest = versions[0]!
  for (const v of versions) {
    if (v.effectiveFrom.getTime() < earliest.effectiveFrom.getTime()) earliest = v
    if (
      v.effectiveFrom.getTime() <= asOf.getTime() &&
      (best === undefined || v.effectiveFrom.getTime() > best.effectiveFrom.getTime())
    )
      best = v
  }
  return best === undefined
    ? { value: earliest.value, source: earliest.source, inForce: false }
    : { value: best.value, source: best.source, inForce: true }
}

/**
 * Every parameter of a profile as `[group, key, param]`.
 *
 * @example
 * ```ts
 * import { PolicyProfile, Profiles } from "@homeward/core"
 *
 * for (const [group, key] of PolicyProfile.entries(Profiles.azizasPlace)) console.log(`${group}.${key}`)
 * ```
 *
 * @since 0.1.0
 */
export const entries = (profile: PolicyProfile): ReadonlyArray<readonly [string, string, Param<unknown>]> => {
  const out: Array<readonly [string, string, Param<unknown>]> = []
  for (const [group, params] of Object.entries(profile.parameters)) {
    for (const [key, param] of Object.entries(params as Record<string, Param<unknown>>)) out.push([group, key, param])
  }
  return out
}

/**
 * A profile compiled once: the instants at which some parameter takes
 * effect, sorted, and the resolved values of each period between them
 * (`periods[0]` before the first, when no value is in force yet).
 */
interface Compiled {
  readonly starts: ReadonlyArray<number>
  readonly periods: ReadonlyArray<ResolvedPolicy>
}

const compiled = new WeakMap<PolicyProfile, Compiled>()
let lastProfile: PolicyProfile | undefined
let lastFrom = Number.NaN
let lastUntil = Number.NaN
let lastResolved: ResolvedPolicy | undefined

const resolveAt = (profile: PolicyProfile, asOf: Date): ResolvedPolicy => {
  const values: Record<string, Record<string, unknown>> = {}
  const notYetInForce: Array<string> = []
  for (const [group, key, param] of entries(profile)) {
    const v = valueAt(param, asOf)
    const g = values[group] ?? {}
    g[key] = v.value
    values[group] = g
    if (!v.inForce) notYetInForce.push(`${group}.${key}`)
  }
  return {
    profile: { id: profile.id, version: profile.version },
    asOf,
    values: values as unknown as ResolvedParameters,
    notYetInForce
  }
}

const compile = (profile: PolicyProfile): Compiled => {
  const set = new Set<number>()
  for (const [, , param] of entries(profile)) {
    set.add(param.effectiveFrom.getTime())
    for (const h of param.history ?? []) set.add(h.effectiveFrom.getTime())
  }
  const starts = [...set].filter((t) => !Number.isNaN(t)).sort((a, b) => a - b)
  const periods: Array<ResolvedPolicy> = [
    resolveAt(profile, new Date(starts.length === 0 ? 0 : starts[0]! - 1)),
    ...starts.map((t) => resolveAt(profile, new Date(t)))
  ]
  return { starts, periods }
}

/**
 * Resolve every parameter of a profile on `asOf` (pure; the profile is
 * compiled once into the periods between the dates its values take effect,
 * so a call finds its period by binary search). Throws
 * `Decision.InvalidDate` when `asOf` is not a real day: every rule resolves
 * its profile first, so every rule refuses an Invalid Date rather than
 * answering.
 *
 * @example
 * ```ts
 * import { PolicyProfile, Profiles } from "@homeward/core"
 *
 * const p = PolicyProfile.resolve(Profiles.unicefSiemReap2017, new Date("2018-01-01"))
 * p.values.monitoring.durationMonths // 36
 * ```
 *
 * @since 0.1.0
 */
export const resolve = (profile: PolicyProfile, asOf: Date): ResolvedPolicy => {
  requireValidDate(asOf)
  const t = asOf.getTime()
  // Front cache: the rules of one decision resolve the same profile in the same period many times in a row.
  if (profile === lastProfile && t >= lastFrom && t < lastUntil && lastResolved !== undefined)
    return lastResolved.asOf.getTime() === t ? lastResolved : { ...lastResolved, asOf }
  let c = compiled.get(profile)
  if (c === undefined) {
    c = compile(profile)
    compiled.set(profile, c)
  }
  // The last start on or before t: period index = number of starts <= t.
  const starts = c.starts
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (starts[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  const hit = c.periods[lo]!
  lastProfile = profile
  lastFrom = lo === 0 ? Number.NEGATIVE_INFINITY : starts[lo - 1]!
  lastUntil = lo === starts.length ? Number.POSITIVE_INFINITY : starts[lo]!
  lastResolved = hit
  return hit.asOf.getTime() === t ? hit : { ...hit, asOf }
}

/**
 * The citation of a parameter, for a decision's reasons.
 *
 * @example
 * ```ts
 * import { PolicyProfile, Profiles } from "@homeward/core"
 *
 * const c = PolicyProfile.cite(Profiles.azizasPlace, "monitoring", "durationMonths")
 * c.key // a key of docs/sources.md
 * ```
 *
 * @since 0.1.0
 */
export const cite = <G extends keyof Params, K extends keyof Params[G]>(
  profile: PolicyProfile,
  group: G,
  key: K
): Citation => (profile.parameters[group][key] as Param<unknown>).source

/**
 * Decode a profile from JSON (never throws).
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { PolicyProfile } from "@homeward/core"
 *
 * const r = PolicyProfile.decodeProfile({ id: "my-agency" })
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`))
 * ```
 *
 * @since 0.1.0
 */
export const decodeProfile = (input: unknown): Result.Result<PolicyProfile, ReadonlyArray<ValidationIssue>> =>
  decodeUnknown(PolicyProfile, input)

type DeepPartial<T> =
  T extends ReadonlyArray<unknown> ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T

/**
 * Changes to apply to a base profile: identity plus any parameters (in JSON
 * form). A changed parameter must bring its own `source` when its value
 * changes; {@link derive} rejects a new value that keeps the base citation.
 *
 * @since 0.1.0
 */
export interface ProfilePatch {
  readonly id: string
  readonly version: string
  readonly title: string
  readonly description?: string
  readonly jurisdiction?: string
  readonly parameters?: DeepPartial<PolicyProfileEncoded["parameters"]>
}

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const merge = (base: unknown, patch: unknown): unknown => {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(patch)) out[k] = v === undefined ? base[k] : merge(base[k], v)
  return out
}

/**
 * Derive a profile from a base profile (e.g. a programme that keeps the
 * Cambodian scoring but monitors for 2 years). Returns the decoded profile or
 * the validation issues; a changed value whose citation was not changed is
 * reported as an issue, so every value keeps a true source.
 *
 * @example
 * ```ts
 * import { PolicyProfile, Profiles } from "@homeward/core"
 *
 * const mine = PolicyProfile.derive(Profiles.cambodiaMosvy, {
 *   id: "my-ngo", version: "1.0.0", title: "My NGO",
 *   parameters: { monitoring: { durationMonths: { value: 24,
 *     source: { document: "My NGO reintegration policy", year: 2026, section: "4.2" } } } }
 * })
 * ```
 *
 * @since 0.1.0
 */
export const derive = (
  base: PolicyProfile,
  patch: ProfilePatch
): Result.Result<PolicyProfile, ReadonlyArray<ValidationIssue>> => {
  const encodedBase = Schema.encodeSync(PolicyProfile)(base)
  const issues: Array<ValidationIssue> = []
  for (const [group, params] of Object.entries(patch.parameters ?? {})) {
    for (const [key, p] of Object.entries((params ?? {}) as Record<string, Record<string, unknown> | undefined>)) {
      const baseParam = (encodedBase.parameters as Record<string, Record<string, Record<string, unknown>>>)[group]?.[
        key
      ]
      if (
        p !== undefined &&
        "value" in p &&
        baseParam !== undefined &&
        !("source" in p) &&
        JSON.stringify(p["value"]) !== JSON.stringify(baseParam["value"])
      ) {
        issues.push({
          path: ["parameters", group, key, "source"],
          pathString: `parameters.${group}.${key}.source`,
          rule: "policy/citation-required",
          message: "a changed value needs its own source (document, year, section)"
        })
      }
    }
  }
  if (issues.length > 0) return Result.fail(issues)
  const { parameters: patchParams, ...identity } = patch
  const merged = merge(
    { ...encodedBase, derivedFrom: { id: base.id, version: base.version } },
    { ...identity, parameters: patchParams }
  )
  return decodeProfile(merged)
}
