/**
 * The review-interval and case-activity findings that the best-interest
 * checks repeat (`Monitoring.reviewStatus`, `Monitoring.activityStatus`),
 * computed without building the whole decisions (private). `reviewDue` is
 * the one computation of the review status, used by both.
 */
import type { CaseState } from "../CaseState.js"
import type { Reason } from "../Decision.js"
import type { ReviewKind } from "../Monitoring.js"
import { cite, type PolicyProfile } from "../PolicyProfile.js"
import { addMonths, dayNumber, dayOf, isoDay } from "./dates.js"

/** The review status of an open case: the latest review in the episode, and when the next is due. */
export interface ReviewDue {
  readonly last: { readonly on: Date; readonly kind: ReviewKind } | undefined
  readonly since: Date
  readonly dueOn: Date
  readonly status: "not-yet-due" | "due" | "overdue"
}

/** Review status on `asOf` (undefined when the case is not open or has no start). */
export const reviewDue = (state: CaseState, months: number, asOf: Date): ReviewDue | undefined => {
  const start = state.reunifiedOn ?? state.episodeSince ?? state.openedOn
  if (state.status !== "open" || start === undefined) return undefined
  const lo = dayNumber(start)
  const hi = dayNumber(asOf)
  // The latest review day in [lo, hi]; on equal days the first one considered (assessments, determinations, conferences, visits).
  let lastDay = -1
  let lastOn: Date | undefined
  let lastKind: ReviewKind = "assessment"
  const as = state.assessments
  for (let i = 0; i < as.length; i++) {
    const d = dayNumber(as[i]!.date)
    if (d >= lo && d <= hi && (lastOn === undefined || d > lastDay)) {
      lastDay = d
      lastOn = as[i]!.date
      lastKind = "assessment"
    }
  }
  const bs = state.determinations
  for (let i = 0; i < bs.length; i++) {
    const d = dayNumber(bs[i]!.date)
    if (d >= lo && d <= hi && (lastOn === undefined || d > lastDay)) {
      lastDay = d
      lastOn = bs[i]!.date
      lastKind = "best-interest-determination"
    }
  }
  const cs = state.conferences
  for (let i = 0; i < cs.length; i++) {
    const d = dayNumber(cs[i]!.date)
    if (d >= lo && d <= hi && (lastOn === undefined || d > lastDay)) {
      lastDay = d
      lastOn = cs[i]!.date
      lastKind = "case-conference"
    }
  }
  if (state.reunifiedOn !== undefined) {
    const vs = state.monitoringVisits
    for (let i = 0; i < vs.length; i++) {
      const d = dayNumber(vs[i]!.date)
      if (d >= lo && d <= hi && (lastOn === undefined || d > lastDay)) {
        lastDay = d
        lastOn = vs[i]!.date
        lastKind = "follow-up-visit"
      }
    }
  }
  const last = lastOn === undefined ? undefined : { on: dayOf(lastOn), kind: lastKind }
  const since = last?.on ?? dayOf(start)
  const dueOn = addMonths(since, months)
  const today = dayNumber(asOf)
  const due = dayNumber(dueOn)
  return { last, since, dueOn, status: today < due ? "not-yet-due" : today === due ? "due" : "overdue" }
}

/** The `review-overdue` warning of `Monitoring.reviewStatus`, when a review is overdue. */
export const reviewWarning = (
  state: CaseState,
  profile: PolicyProfile,
  months: number,
  asOf: Date,
  rule: string
): Reason | undefined => {
  const r = reviewDue(state, months, asOf)
  if (r === undefined || r.status !== "overdue") return undefined
  return {
    code: "review-overdue",
    rule,
    source: cite(profile, "monitoring", "reviewIntervalMonths"),
    severity: "warning",
    message: `No review (assessment, determination, case conference or follow-up visit) in the last ${months} calendar month(s): a review is overdue.`,
    details: { since: isoDay(r.since), dueOn: isoDay(r.dueOn), intervalMonths: months }
  }
}

/** The latest day with a recorded event on or before the day of `asOf`. */
export const lastActivity = (state: CaseState, asOf: Date): Date | undefined => {
  const t = dayOf(asOf).getTime()
  for (let i = state.eventDays.length - 1; i >= 0; i--)
    if (state.eventDays[i]!.getTime() <= t) return state.eventDays[i]
  return undefined
}

/** The `no-recent-activity` warning of `Monitoring.activityStatus`, when the case is inactive. */
export const activityWarning = (
  state: CaseState,
  profile: PolicyProfile,
  maxDays: number,
  asOf: Date,
  rule: string
): Reason | undefined => {
  if (state.status !== "open") return undefined
  const last = lastActivity(state, asOf)
  if (last === undefined) return undefined
  const daysSince = dayNumber(asOf) - dayNumber(last)
  if (daysSince <= maxDays) return undefined
  return {
    code: "no-recent-activity",
    rule,
    source: cite(profile, "monitoring", "caseNoteMaxDays"),
    severity: "warning",
    message: `Nothing has been recorded on this case for ${daysSince} days (more than ${maxDays}): record a case note or visit.`,
    details: { daysSince, maxDays, lastActivityOn: isoDay(last) }
  }
}
