/**
 * Referrals: the child or family is referred to a service of another agency
 * (health, education, legal, livelihood, psychosocial …), with a due date.
 * The receiving agency accepts or declines it (with a reason); an accepted
 * referral is done when the service was given; a referral no longer needed
 * is closed. A referral shares information with the receiving agency, so the
 * decider asks `Consent.consentCovers` for `information-sharing` with it (and
 * the child's assent from the profile's `eligibility.childAssentFromAge`).
 * {@link referralStatus} says where a referral stands on a day, including
 * `overdue`.
 *
 * @since 0.3.0
 */
import * as Schema from "effect/Schema"
import type { CaseState } from "./CaseState.js"
import { requireValidDate } from "./Decision.js"

/**
 * Services a child or family can be referred to.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Referral } from "@homeward/core"
 *
 * Schema.decodeUnknownSync(Referral.ServiceType)("livelihood") // "livelihood"
 * ```
 *
 * @since 0.3.0
 */
export const ServiceType = Schema.Literals([
  "health",
  "education",
  "legal",
  "livelihood",
  "psychosocial",
  "nutrition",
  "shelter",
  "financial",
  "other"
])

/**
 * The kind of service a referral is for.
 *
 * @since 0.3.0
 */
export type ServiceType = typeof ServiceType.Type

/**
 * Why a receiving agency declined a referral.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Referral } from "@homeward/core"
 *
 * Schema.is(Referral.DeclineReason)("no-capacity") // true
 * ```
 *
 * @since 0.3.0
 */
export const DeclineReason = Schema.Literals([
  "no-capacity",
  "not-eligible",
  "out-of-area",
  "service-unavailable",
  "family-declined",
  "other"
])

/**
 * Why a receiving agency declined a referral.
 *
 * @since 0.3.0
 */
export type DeclineReason = typeof DeclineReason.Type

/**
 * Recorded status of a referral (`pending` until the receiving agency answers).
 *
 * @since 0.3.0
 */
export type ReferralState = "pending" | "accepted" | "declined" | "done" | "closed"

/**
 * Status of a referral on a day: its recorded status, or `overdue` when it is
 * pending or accepted and its due date has passed.
 *
 * @since 0.3.0
 */
export type ReferralStatus = ReferralState | "overdue"

/**
 * A referral as folded into the case state.
 *
 * @since 0.3.0
 */
export interface ReferralRecord {
  readonly id: string
  readonly toAgencyId: string
  /** Day of the referral. */
  readonly on: Date
  /** Free-text service name (as before 0.3.0). */
  readonly service?: string
  readonly serviceType?: ServiceType
  /** Last day by which the service should be given. */
  readonly dueOn?: Date
  readonly status: ReferralState
  /** Day of the last change of status. */
  readonly statusOn?: Date
  readonly declineReason?: DeclineReason
}

/**
 * Where a referral stands on `asOf`: `overdue` when it is still pending or
 * accepted on a day after its due date (on the due date itself it is not yet
 * overdue); otherwise its recorded status.
 *
 * @example
 * ```ts
 * import { Referral } from "@homeward/core"
 *
 * Referral.referralStatus({ id: "r1", toAgencyId: "AG-2", on: new Date("2018-01-01"),
 *   dueOn: new Date("2018-01-31"), status: "pending" }, new Date("2018-02-01")) // "overdue"
 * ```
 *
 * @since 0.3.0
 */
export const referralStatus = (referral: ReferralRecord, asOf: Date): ReferralStatus => {
  requireValidDate(asOf)
  const open = referral.status === "pending" || referral.status === "accepted"
  return open && referral.dueOn !== undefined && asOf.getTime() >= referral.dueOn.getTime() + 86_400_000
    ? "overdue"
    : referral.status
}

/**
 * The referrals of a case with their status on `asOf` (referrals made after
 * `asOf` are left out).
 *
 * @example
 * ```ts
 * import { CaseState, Referral } from "@homeward/core"
 *
 * Referral.referrals(CaseState.initial("c1"), new Date("2018-01-01")) // []
 * ```
 *
 * @since 0.3.0
 */
export const referrals = (
  state: CaseState,
  asOf: Date
): ReadonlyArray<ReferralRecord & { readonly statusOnDay: ReferralStatus }> => {
  requireValidDate(asOf)
  return state.referrals
    .filter((r) => r.on.getTime() <= asOf.getTime())
    .map((r) => ({ ...r, statusOnDay: referralStatus(r, asOf) }))
}
