/**
 * Safeguards of the return itself, checked before a child is reunified
 * (`Decider` command `Reunify`, and `Phase.canAdvance` from the last contact
 * step), none of which an override can lift:
 * - the reunification agreement (Primero Cambodia), signed before the return
 *   by the caregiver, the case worker and, from the profile's
 *   `eligibility.childAssentFromAge`, the child, and witnessed by every role
 *   in `reunification.agreementWitnesses`;
 * - the case conference the profile's `conference.triggers` require (family
 *   reunification; placement in alternative care for a foster,
 *   community-based or independent-living placement);
 * - consent to the agency's services after the return (caregiver consent, and
 *   the child's assent from `childAssentFromAge`: `Consent.consentCovers`);
 * - for supported independent living, the youth's work or study
 *   (`IndependentLiving.workOrStudy`).
 *
 * @since 0.2.0
 */
import type { ReunificationAgreement } from "./Agreement.js"
import type { Placement } from "./Case.js"
import type { CaseState } from "./CaseState.js"
import { ageOn } from "./Child.js"
import { conferenceHeld } from "./Conference.js"
import { consentCovers } from "./Consent.js"
import { collector, type Decision, make, type Reason } from "./Decision.js"
import { targetHousehold } from "./Eligibility.js"
import { workOrStudy } from "./IndependentLiving.js"
import { dayNumber, isoDay } from "./internal/dates.js"
import { cite, type PolicyProfile, resolve } from "./PolicyProfile.js"

/**
 * Outcome of {@link reunificationChecks}.
 *
 * @since 0.2.0
 */
export interface ReunificationCheck {
  /** Whether every safeguard of the return holds. */
  readonly ready: boolean
  /** The household the return is checked for. */
  readonly householdId?: string
  /** The agreement that was checked (the latest one for the household, on or before the return). */
  readonly agreementId?: string
}

const familyReturn = (p: Placement | undefined): boolean =>
  p === undefined || p.type === "parents" || p.type === "kinship"

/**
 * Check the safeguards of a return on `asOf` (the day of the return when no
 * placement is given). `placement`: the placement the child returns to (its
 * household, its type and the day it starts); without it, the household is
 * the target of `Eligibility.targetHousehold` and the return a family
 * reunification on `asOf`.
 *
 * Agreement: the latest agreement dated on or after the start of the current
 * episode of care and on or before the return day, for the household (or for
 * no particular household). Blockers: `agreement-missing` (none; or only
 * agreements dated after the return: `agreement-after-return`),
 * `agreement-caregiver-not-signed` (not for independent living),
 * `agreement-child-not-signed` (child at or above `childAssentFromAge`, age
 * unknown, or independent living), `agreement-not-witnessed` (one per missing
 * witness role).
 *
 * @example
 * ```ts
 * import { CaseState, Profiles, Reunification } from "@homeward/core"
 *
 * const d = Reunification.reunificationChecks(CaseState.initial("c1"), Profiles.cambodiaMosvy, new Date("2018-01-01"))
 * d.outcome.ready // false: no agreement, no case conference, no consent
 * ```
 *
 * @since 0.2.0
 */
export const reunificationChecks = (
  state: CaseState,
  profile: PolicyProfile,
  asOf: Date,
  placement?: Placement
): Decision<ReunificationCheck> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const { reasons, add } = collector("reunification")
  const hid = placement?.householdId ?? (familyReturn(placement) ? targetHousehold(state, asOf)?.id : undefined)
  const returnDay = placement?.since ?? asOf
  const independent = placement?.type === "independent-living"
  let agreementId: string | undefined
  if (policy.values.reunification.agreementRequired) {
    const source = cite(profile, "reunification", "agreementRequired")
    const lo = state.episodeSince === undefined ? Number.NEGATIVE_INFINITY : dayNumber(state.episodeSince)
    const forHousehold = state.agreements.filter(
      (a) => a.householdId === undefined || hid === undefined || a.householdId === hid
    )
    let latest: ReunificationAgreement | undefined
    let later = false
    for (const a of forHousehold) {
      const d = dayNumber(a.date)
      if (d < lo) continue
      if (d > dayNumber(returnDay)) {
        if (d <= dayNumber(asOf)) later = true
        continue
      }
      latest = a
    }
    if (latest === undefined) {
      add(
        "blocker",
        later ? "agreement-after-return" : "agreement-missing",
        "agreement",
        source,
        later
          ? "The reunification agreement is dated after the return: it must be signed and witnessed before the child goes home."
          : "No reunification agreement signed and witnessed before the return.",
        { returnOn: isoDay(returnDay) }
      )
    } else {
      agreementId = latest.id
      if (!independent && latest.caregiverId === undefined)
        add(
          "blocker",
          "agreement-caregiver-not-signed",
          "agreement",
          source,
          "The caregiver has not signed the reunification agreement.",
          { agreementId: latest.id }
        )
      const assentFrom = policy.values.eligibility.childAssentFromAge
      const age = state.child === undefined ? undefined : ageOn(state.child.birth.date, returnDay)
      if (!latest.childSigned && (independent || age === undefined || age >= assentFrom))
        add(
          "blocker",
          "agreement-child-not-signed",
          "agreement",
          cite(profile, "eligibility", "childAssentFromAge"),
          age === undefined
            ? "The child's age is unknown, so the child must sign the reunification agreement too."
            : "The child is old enough to sign the reunification agreement and has not.",
          { agreementId: latest.id, assentFromAge: assentFrom }
        )
      for (const role of policy.values.reunification.agreementWitnesses)
        if (!latest.witnesses.some((w) => w.role === role))
          add(
            "blocker",
            "agreement-not-witnessed",
            "agreement-witnesses",
            cite(profile, "reunification", "agreementWitnesses"),
            "The reunification agreement lacks a required witness.",
            { agreementId: latest.id, role }
          )
    }
  }
  const trigger = familyReturn(placement) ? "family-reunification" : "placement-in-alternative-care"
  for (const x of conferenceHeld(state, profile, asOf, trigger).reasons)
    if (x.severity === "blocker") reasons.push(rule(x, "reunification/case-conference"))
  const agency = state.agencyId
  if (agency !== undefined)
    for (const x of consentCovers(state, profile, asOf, "services", agency).reasons)
      if (x.severity === "blocker") reasons.push(rule(x, "reunification/consent"))
  if (independent)
    for (const x of workOrStudy(state, profile, asOf).reasons)
      if (x.severity === "blocker") reasons.push(rule(x, "reunification/independent-living"))
  const ready = !reasons.some((x) => x.severity === "blocker")
  if (ready)
    add(
      "info",
      "return-safeguards-met",
      "safeguards",
      cite(profile, "reunification", "agreementRequired"),
      "Every safeguard of the return holds."
    )
  return make(
    policy,
    {
      ready,
      ...(hid === undefined ? {} : { householdId: hid }),
      ...(agreementId === undefined ? {} : { agreementId })
    },
    reasons
  )
}

/** Keep a reason's code and source, and name the safeguard that asked for it. */
const rule = (x: Reason, name: string): Reason => ({ ...x, rule: `${name} (${x.rule})` })
