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
import { addMonthsMs, dayNumber, dayOf, isoDay, MS_PER_DAY } from "./dates.js"

/** The review status of an open case: the latest review in the episode, and when the next is due. */
export interface ReviewDue {
  readonly last: { readonly on: Date; readonly kind: ReviewKind } | undefined
  readonly since: Date
  readonly dueOn: Date
  readonly status: "not-yet-due" | "due" | "overdue"
}

/** Review status in day numbers and milliseconds (no dates made). */
interface ReviewDays {
  /** Day number of the latest review, -1 when none. */
  readonly lastDay: number
  readonly lastKind: ReviewKind
  /** Start of the interval (ms, 00:00 UTC) and the due time (ms). */
  readonly sinceMs: number
  readonly dueMs: number
  readonly status: "not-yet-due" | "due" | "overdue"
}

const reviewDays = (state: CaseState, months: number, asOf: Date): ReviewDays | undefined => {
  const start = state.reunifiedOn ?? state.episodeSince ?? state.openedOn
  if (state.status !== "open" || start === undefined) return undefined
  const lo = dayNumber(start)
  const hi = dayNumber(asOf)
  // The latest review day in [lo, hi]; on equal days the first one considered (assessments, determinations, conferences, visits).
  let lastDay = -1
  let found = false
  let lastKind: ReviewKind = "assessment"
  const as = state.assessments
  for (let i = 0; i < as.length; i++) {
    const d = dayNumber(as[i]!.date)
    if (d >= lo && d <= hi && (!found || d > lastDay)) {
      lastDay = d
      found = true
      lastKind = "assessment"
    }
  }
  const bs = state.determinations
  for (let i = 0; i < bs.length; i++) {
    const d = dayNumber(bs[i]!.date)
    if (d >= lo && d <= hi && (!found || d > lastDay)) {
      lastDay = d
      found = true
      lastKind = "best-interest-determination"
    }
  }
  const cs = state.conferences
  for (let i = 0; i < cs.length; i++) {
    const d = dayNumber(cs[i]!.date)
    if (d >= lo && d <= hi && (!found || d > lastDay)) {
      lastDay = d
      found = true
      lastKind = "case-conference"
    }
  }
  if (state.reunifiedOn !== undefined) {
    const vs = state.monitoringVisits
    for (let i = 0; i < vs.length; i++) {
      const d = dayNumber(vs[i]!.date)
      if (d >= lo && d <= hi && (!found || d > lastDay)) {
        lastDay = d
        found = true
        lastKind = "follow-up-visit"
      }
    }
  }
  const sinceMs = (found ? lastDay : lo) * MS_PER_DAY
  const dueMs = addMonthsMs(sinceMs, months)
  const due = Math.floor(dueMs / MS_PER_DAY)
  return {
    lastDay: found ? lastDay : -1,
    lastKind,
    sinceMs,
    dueMs,
    status: hi < due ? "not-yet-due" : hi === due ? "due" : "overdue"
  }
}

/** Review status on `asOf` (undefined when the case is not open or has no start). */
export const reviewDue = (state: CaseState, months: number, asOf: Date): ReviewDue | undefined => {
  const r = reviewDays(state, months, asOf)
  if (r === undefined) return undefined
  const since = new Date(r.sinceMs)
  return {
    last: r.lastDay < 0 ? undefined : { on: since, kind: r.lastKind },
    since,
    dueOn: new Date(r.dueMs),
    status: r.status
  }
}

/** The `review-overdue` warning of `Monitoring.reviewStatus`, when a review is overdue. */
export const reviewWarning = (
  state: CaseState,
  profile: PolicyProfile,
  months: number,
  asOf: Date,
  rule: string
): Reason | undefined => {
  const r = reviewDays(state, months, asOf)
  if (r === undefined || r.status !== "overdue") return undefined
  return {
    code: "review-overdue",
    rule,
    source: cite(profile, "monitoring", "reviewIntervalMonths"),
    severity: "warning",
    message: `No review (assessment, determination, case conference or follow-up visit) in the last ${months} calendar month(s): a review is overdue.`,
    details: { since: isoDay(new Date(r.sinceMs)), dueOn: isoDay(new Date(r.dueMs)), intervalMonths: months }
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
