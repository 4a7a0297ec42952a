/**
 * Case conferences (Primero Cambodia, conference details): a meeting of the
 * people involved, held for a reason the profile's `conference.triggers`
 * names — removal of a child from their caregiver, placement in alternative
 * care, a complex protection case, family reunification, relocation or
 * transfer. {@link conferenceHeld} says whether a conference required for a
 * situation was held; the decider asks it before a reunification and a
 * transfer.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import type { CaseState } from "./CaseState.js"
import { Id, IsoDate, SensitiveText } from "./Common.js"
import { type Decision, make } from "./Decision.js"
import { dayNumber } from "./internal/dates.js"
import {
  type ConferenceTrigger,
  cite,
  type PolicyProfile,
  resolve,
  ConferenceTrigger as Trigger
} from "./PolicyProfile.js"

/**
 * A case conference: when, why (one or more triggers), who took part (ids)
 * and its recommendations (sensitive free text).
 *
 * @since 0.2.0
 */
export const CaseConference = Schema.Struct({
  id: Id,
  date: IsoDate,
  reasons: Schema.Array(Trigger).check(Schema.isMinLength(1, { expected: "at least one reason" } as never)),
  participantIds: Schema.optionalKey(Schema.Array(Id)),
  outcome: Schema.optionalKey(SensitiveText)
}).annotate({ identifier: "CaseConference", title: "Case conference" })

/**
 * @since 0.2.0
 */
export type CaseConference = typeof CaseConference.Type

/**
 * Outcome of {@link conferenceHeld}.
 *
 * @since 0.2.0
 */
export interface ConferenceCheck {
  /** Whether the profile makes the situation a case-conference trigger. */
  readonly required: boolean
  /** Whether a conference for it was held in the window. */
  readonly held: boolean
  readonly conferenceId?: string
}

/**
 * Whether a case conference required for `situation` was held: when the
 * profile's `conference.triggers` (on `asOf`) include the situation, a
 * conference whose reasons include it must be dated on or after `since`
 * (default: the start of the current episode of care, `state.episodeSince`)
 * and on or before `asOf`. A blocker `case-conference-not-held` otherwise.
 *
 * @example
 * ```ts
 * import { CaseState, Conference, Profiles } from "@homeward/core"
 *
 * const d = Conference.conferenceHeld(CaseState.initial("c1"), Profiles.cambodiaMosvy, new Date("2018-01-01"), "family-reunification")
 * d.outcome // { required: true, held: false }
 * ```
 *
 * @since 0.2.0
 */
export const conferenceHeld = (
  state: CaseState,
  profile: PolicyProfile,
  asOf: Date,
  situation: ConferenceTrigger,
  since?: Date
): Decision<ConferenceCheck> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const source = cite(profile, "conference", "triggers")
  if (!policy.values.conference.triggers.includes(situation))
    return make(policy, { required: false, held: false }, [
      {
        code: "case-conference-not-required",
        rule: "conference/required",
        source,
        severity: "info",
        message: "The profile does not make this situation a case-conference trigger.",
        details: { situation }
      }
    ])
  const from = since ?? state.episodeSince
  const lo = from === undefined ? Number.NEGATIVE_INFINITY : dayNumber(from)
  const hi = dayNumber(asOf)
  let found: CaseConference | undefined
  for (const c of state.conferences) {
    const d = dayNumber(c.date)
    if (d >= lo && d <= hi && c.reasons.includes(situation)) found = c
  }
  if (found === undefined)
    return make(policy, { required: true, held: false }, [
      {
        code: "case-conference-not-held",
        rule: "conference/held",
        source,
        severity: "blocker",
        message: "This situation requires a case conference, and none was held for it in this episode of care.",
        details: { situation }
      }
    ])
  return make(policy, { required: true, held: true, conferenceId: found.id }, [
    {
      code: "case-conference-held",
      rule: "conference/held",
      source,
      severity: "info",
      message: "A case conference was held for this situation.",
      details: { situation, conferenceId: found.id }
    }
  ])
}
