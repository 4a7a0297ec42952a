/**
 * Supported independent living for older youths (Aziza's Place: students who
 * live independently get help with rent and a modest monthly allowance, and
 * "all high school graduates … must work at least a part-time job"). A youth
 * records what they do ({@link YouthActivity}: work and study), and
 * {@link workOrStudy} checks the requirement when the profile's
 * `eligibility.independentLivingWorkOrStudy` is on: a youth who has finished
 * secondary school works at least part-time; one who has not works at least
 * part-time or is in education.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import type { CaseState } from "./CaseState.js"
import { IsoDate } from "./Common.js"
import { type Decision, make } from "./Decision.js"
import { latestOnOrBefore } from "./internal/ruleSources.js"
import { cite, type PolicyProfile, resolve } from "./PolicyProfile.js"

/**
 * What a youth does, recorded on a day.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { IndependentLiving, Validation } from "@homeward/core"
 *
 * const r = Validation.decodeUnknown(IndependentLiving.YouthActivity, {})
 * if (Result.isFailure(r)) console.log(r.failure.map((i) => `${i.pathString}: ${i.message}`)) // the required fields, by path
 * ```
 *
 * @since 0.2.0
 */
export const YouthActivity = Schema.Struct({
  date: IsoDate,
  work: Schema.Literals(["none", "part-time", "full-time"]),
  study: Schema.Literals(["none", "secondary-school", "vocational-training", "higher-education"]),
  /** Whether the youth has finished secondary (high) school. */
  finishedSecondarySchool: Schema.Boolean
}).annotate({ identifier: "YouthActivity", title: "Youth activity (work and study)" })

/**
 * What a youth does, recorded on a day (the type of the `YouthActivity` Schema).
 *
 * @since 0.2.0
 */
export type YouthActivity = typeof YouthActivity.Type

/**
 * Outcome of {@link workOrStudy}.
 *
 * @since 0.2.0
 */
export interface WorkOrStudy {
  /** Whether the profile sets the requirement on `asOf`. */
  readonly required: boolean
  readonly met: boolean
  /** What the latest record says: `work` (works at least part-time), `study`, or `none`. */
  readonly basis: "work" | "study" | "none"
}

/**
 * Whether a youth meets the work-or-study requirement of supported
 * independent living on `asOf`, from the latest {@link YouthActivity} on or
 * before it. A youth who has finished secondary school (the record says so,
 * or the child's record has `school: "graduated"`) must work at least
 * part-time; a youth still in secondary education must work at least
 * part-time or study. No record: not met. Blocker
 * `independent-living-work-or-study-missing` when not met.
 *
 * @example
 * ```ts
 * import { CaseState, IndependentLiving, Profiles } from "@homeward/core"
 *
 * IndependentLiving.workOrStudy(CaseState.initial("c1"), Profiles.azizasPlace, new Date("2018-01-01")).outcome.met // false
 * ```
 *
 * @since 0.2.0
 */
export const workOrStudy = (state: CaseState, profile: PolicyProfile, asOf: Date): Decision<WorkOrStudy> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const source = cite(profile, "eligibility", "independentLivingWorkOrStudy")
  if (!policy.values.eligibility.independentLivingWorkOrStudy)
    return make(policy, { required: false, met: true, basis: "none" }, [
      {
        code: "independent-living-no-requirement",
        rule: "independent-living/work-or-study",
        source,
        severity: "info",
        message: "The profile sets no work or study requirement for supported independent living."
      }
    ])
  const a = latestOnOrBefore(state.activities, asOf, (x) => x.date)
  const graduated = a?.finishedSecondarySchool === true || state.child?.school === "graduated"
  const works = a !== undefined && a.work !== "none"
  const studies = a !== undefined && a.study !== "none"
  const met = works || (!graduated && studies)
  const basis = works ? "work" : met ? "study" : "none"
  return make(policy, { required: true, met, basis }, [
    met
      ? {
          code: "independent-living-work-or-study-met",
          rule: "independent-living/work-or-study",
          source,
          severity: "info",
          message: "The youth meets the work or study requirement of supported independent living.",
          details: { basis }
        }
      : {
          code: "independent-living-work-or-study-missing",
          rule: "independent-living/work-or-study",
          source,
          severity: "blocker",
          message:
            a === undefined
              ? "No record of the youth's work or study: supported independent living requires work (at least part-time) or study."
              : graduated
                ? "A youth who has finished secondary school must work at least part-time to live independently with support."
                : "The youth neither works nor studies: supported independent living requires one of them.",
          details: { recorded: a !== undefined, finishedSecondarySchool: graduated }
        }
  ])
}
