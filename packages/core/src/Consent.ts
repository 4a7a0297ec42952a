/**
 * Consent records: who gave consent (caregiver consent or child assent), for
 * which purposes, for which agencies, when it was given, when it expires and
 * when it was withdrawn; and {@link consentCovers}, which says whether the
 * case's consents cover a purpose for an agency on a day. The decider asks it
 * before information is shared with another agency (`Transfer`, `Refer`:
 * `information-sharing` with the receiving agency) and before a return home
 * (`Reunify`: the agency's `services`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { CaseState } from "./CaseState.js"
import { ageOn } from "./Child.js"
import { Id, IsoDate } from "./Common.js"
import { type Decision, make, type Reason, requireValidDate } from "./Decision.js"
import { homeward } from "./internal/ruleSources.js"
import { cite, type PolicyProfile, resolve } from "./PolicyProfile.js"

/**
 * Purposes consent can cover.
 *
 * @since 0.1.0
 */
export const Purpose = Schema.Literals(["services", "tracing", "information-sharing", "reporting"])

/**
 * @since 0.1.0
 */
export type Purpose = typeof Purpose.Type

/**
 * A consent (or assent) record.
 *
 * @since 0.1.0
 */
export const Consent = Schema.Struct({
  id: Id,
  kind: Schema.Literals(["caregiver-consent", "child-assent"]),
  givenBy: Id,
  purposes: Schema.Array(Purpose).check(Schema.isMinLength(1, { expected: "at least one purpose" } as never)),
  agencies: Schema.Array(Id).check(Schema.isMinLength(1, { expected: "at least one agency in scope" } as never)),
  givenOn: IsoDate,
  expiresOn: Schema.optionalKey(IsoDate),
  withdrawnOn: Schema.optionalKey(IsoDate)
}).annotate({ identifier: "Consent", title: "Consent" })

/**
 * @since 0.1.0
 */
export type Consent = typeof Consent.Type

/**
 * Whether a consent record is in force on `asOf`: given on or before `asOf`,
 * not withdrawn on or before `asOf`, and not expired (a consent with
 * `expiresOn` is valid up to the day before `expiresOn`; on that day it has
 * expired).
 *
 * @since 0.1.0
 */
export const isInForce = (consent: Consent, asOf: Date): boolean =>
  requireValidDate(asOf) === undefined &&
  consent.givenOn.getTime() <= asOf.getTime() &&
  (consent.withdrawnOn === undefined || consent.withdrawnOn.getTime() > asOf.getTime()) &&
  (consent.expiresOn === undefined || consent.expiresOn.getTime() > asOf.getTime())

/**
 * What {@link consentCovers} found.
 *
 * @since 0.1.0
 */
export interface Coverage {
  readonly covered: boolean
  /** The caregiver consent that matched, if any. */
  readonly consentId?: string
  /** The child assent that matched, if any. */
  readonly assentId?: string
  /** Whether child assent was required (child at or above `eligibility.childAssentFromAge`). */
  readonly assentRequired: boolean
}

const why = (c: Consent, purpose: Purpose, agency: string, asOf: Date): string => {
  if (c.givenOn.getTime() > asOf.getTime()) return "given-after-asof"
  if (c.withdrawnOn !== undefined && c.withdrawnOn.getTime() <= asOf.getTime()) return "withdrawn"
  if (c.expiresOn !== undefined && c.expiresOn.getTime() <= asOf.getTime()) return "expired"
  if (!c.purposes.includes(purpose)) return "purpose-not-in-scope"
  if (!c.agencies.includes(agency)) return "agency-not-in-scope"
  return "covers"
}

/**
 * Whether the case's consents cover a purpose for an agency on `asOf`: a
 * caregiver consent for that purpose AND with that agency in scope, given on
 * or before `asOf`, not expired and not withdrawn; and, for a child at or
 * above the profile's `eligibility.childAssentFromAge` (age from
 * `state.child.birth.date`), a child assent meeting the same conditions.
 * When the child's age is unknown, assent is required (the safe side).
 * Reasons name which consent matched or why each one did not (by consent id
 * and a code; never by who gave it).
 *
 * @example
 * ```ts
 * import { CaseState, Consent, Profiles } from "@homeward/core"
 *
 * const d = Consent.consentCovers(CaseState.initial("c-1"), Profiles.cambodiaMosvy, new Date("2018-01-01"), "tracing", "AG-1")
 * d.outcome.covered // false: no consent recorded
 * ```
 *
 * @since 0.1.0
 */
export const consentCovers = (
  state: CaseState,
  profile: PolicyProfile,
  asOf: Date,
  purpose: Purpose,
  agency: string
): Decision<Coverage> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const assentFrom = policy.values.eligibility.childAssentFromAge
  const age = state.child === undefined ? undefined : ageOn(state.child.birth.date, asOf)
  const assentRequired = age === undefined || age >= assentFrom
  const scopeSource = homeward(
    "HR-consent-scope",
    "Consent",
    "Consent is specific to its purposes and agencies, and ends when withdrawn or expired (data-protection design rule of Homeward)."
  )
  const reasons: Array<Reason> = []
  const consents = Object.values(state.consents).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  let consentId: string | undefined
  let assentId: string | undefined
  for (const c of consents) {
    const w = why(c, purpose, agency, asOf)
    if (w === "covers") {
      if (c.kind === "caregiver-consent" && consentId === undefined) consentId = c.id
      if (c.kind === "child-assent" && assentId === undefined) assentId = c.id
    }
    reasons.push({
      code: w === "covers" ? `${c.kind}-covers` : `${c.kind}-${w}`,
      rule: "consent/covers",
      source: scopeSource,
      severity: "info",
      message:
        w === "covers"
          ? "This record covers the purpose and agency on the date."
          : "This record does not cover the purpose and agency on the date.",
      details: { consentId: c.id, purpose, problem: w === "covers" ? null : w }
    })
  }
  if (consentId === undefined) {
    reasons.push({
      code: "no-caregiver-consent",
      rule: "consent/covers",
      source: scopeSource,
      severity: "blocker",
      message: "No caregiver consent in force covers this purpose for this agency.",
      details: { purpose }
    })
  }
  if (assentRequired && assentId === undefined) {
    reasons.push({
      code: age === undefined ? "child-age-unknown-assent-required" : "no-child-assent",
      rule: "consent/child-assent",
      source: cite(profile, "eligibility", "childAssentFromAge"),
      severity: "blocker",
      message:
        age === undefined
          ? "The child's age is unknown, so the child's own assent is required and none in force covers this purpose and agency."
          : "The child is old enough to give assent and no assent in force covers this purpose and agency.",
      details: { assentFromAge: assentFrom }
    })
  }
  const covered = consentId !== undefined && (!assentRequired || assentId !== undefined)
  return make(
    policy,
    {
      covered,
      assentRequired,
      ...(consentId === undefined ? {} : { consentId }),
      ...(assentId === undefined ? {} : { assentId })
    },
    reasons
  )
}

/**
 * Boolean convenience over {@link consentCovers} (prefer the Decision, which
 * says why).
 *
 * @since 0.1.0
 */
export const isCovered = (
  state: CaseState,
  profile: PolicyProfile,
  asOf: Date,
  purpose: Purpose,
  agency: string
): boolean => consentCovers(state, profile, asOf, purpose, agency).outcome.covered
