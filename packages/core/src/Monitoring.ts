/**
 * Monitoring after reunification: the dated plan of follow-up visits over the
 * profile's monitoring duration (3 years in the UNICEF Siem Reap plan, 2 years
 * at Aziza's Place) following the profile's visit schedule (by default weekly
 * for 8 weeks, then monthly: a default, not law), and the status of a case's
 * monitoring on a day: visits completed, due, overdue and missed, the next
 * visit, and the escalation a red follow-up visit calls for; reviews at least
 * every `monitoring.reviewIntervalMonths` calendar months (UN Guidelines ¶67,
 * {@link reviewStatus}); and a warning when nothing was recorded on a case for
 * longer than `monitoring.caseNoteMaxDays` ({@link activityStatus}).
 *
 * @since 0.1.0
 */
import type { CaseState } from "./CaseState.js"
import { type Decision, make, type Reason, requireValidDate } from "./Decision.js"
import type { FollowUpVisit } from "./FollowUp.js"
import { addDays, addMonths, dayNumber, dayOf, isoDay, MS_PER_DAY } from "./internal/dates.js"
import { cite, type PolicyProfile, resolve, type VisitBand } from "./PolicyProfile.js"
import { responseDeadline, visitRating } from "./Scoring.js"

/**
 * A planned follow-up visit: its number (from 1), the day it is due and the
 * last day of its window (`due + graceDays`).
 *
 * @since 0.1.0
 */
export interface PlannedVisit {
  readonly index: number
  readonly due: Date
  readonly windowEnd: Date
}

/**
 * The last day of monitoring: `reunifiedOn` plus the profile's
 * `monitoring.durationMonths` (calendar months, clamped to month ends).
 *
 * @since 0.1.0
 */
export const monitoringEnd = (reunifiedOn: Date, profile: PolicyProfile): Date => {
  requireValidDate(reunifiedOn, "reunifiedOn")
  return addMonths(dayOf(reunifiedOn), resolve(profile, reunifiedOn).values.monitoring.durationMonths)
}

const bandAt = (bands: ReadonlyArray<VisitBand>, day: number): VisitBand => {
  let band = bands[0]!
  for (const b of bands) if (b.fromDay <= day && b.fromDay >= band.fromDay) band = b
  // Before the first band starts, its interval applies.
  return band.fromDay <= day ? band : bands.reduce((a, b) => (b.fromDay < a.fromDay ? b : a))
}

/** Shared empty list (never mutated): most statuses have nothing due, overdue or missed. */
const NONE: Array<PlannedVisit> = []

const planCache = new WeakMap<PolicyProfile, Map<number, ReadonlyArray<PlannedVisit>>>()

/**
 * The dated visits planned from `reunifiedOn` to the end of monitoring, with
 * the values of the profile in force on the reunification day.
 *
 * Construction: starting on the reunification day (day 0, not itself a
 * visit), each next visit is due `intervalDays` days (or `intervalMonths`
 * calendar months, clamped to month ends) after the previous one, the
 * interval being that of the schedule band in force on the previous visit's
 * day (the band with the greatest `fromDay` not after it), and never later
 * than `monitoring.reviewIntervalMonths` calendar months after the previous
 * one (UN Guidelines ¶67: reviews at least every 3 months). The last visit is
 * due on the last day of monitoring: when the next interval would reach or
 * pass it, that visit is moved to the end. So no gap between consecutive
 * visits (or from day 0 to the first visit) exceeds the interval of the band
 * it starts in or the review interval, and the plan covers the whole
 * duration. Example (UN Guidelines profile, every 3 calendar months): a return
 * on 2019-02-01 has its first visit due on 2019-05-01, not 91 days later.
 *
 * @example
 * ```ts
 * import { Monitoring, Profiles } from "@homeward/core"
 *
 * const plan = Monitoring.monitoringPlan(new Date("2018-01-01"), Profiles.azizasPlace)
 * plan[0]?.due // 2018-01-08 (weekly for 8 weeks)
 * plan.at(-1)?.due // 2020-01-01 (end of the 2 years)
 * ```
 *
 * @since 0.1.0
 */
export const monitoringPlan = (reunifiedOn: Date, profile: PolicyProfile): ReadonlyArray<PlannedVisit> => {
  requireValidDate(reunifiedOn, "reunifiedOn")
  const start = dayOf(reunifiedOn)
  const key = dayNumber(start)
  let byDay = planCache.get(profile)
  if (byDay === undefined) {
    byDay = new Map()
    planCache.set(profile, byDay)
  }
  const hit = byDay.get(key)
  if (hit !== undefined) return hit
  const values = resolve(profile, start).values.monitoring
  const endDay = dayNumber(monitoringEnd(start, profile)) - key
  const visits: Array<PlannedVisit> = []
  let day = 0
  let prev = start
  while (day < endDay) {
    const band = bandAt(values.schedule, day)
    const byBand =
      "intervalMonths" in band ? dayNumber(addMonths(prev, band.intervalMonths)) - key : day + band.intervalDays
    const byReview = dayNumber(addMonths(prev, values.reviewIntervalMonths)) - key
    day = Math.min(byBand, byReview, endDay)
    const due = addDays(start, day)
    visits.push({ index: visits.length + 1, due, windowEnd: addDays(due, values.graceDays) })
    prev = due
  }
  if (byDay.size > 4096) byDay.clear()
  byDay.set(key, visits)
  return visits
}

/**
 * Match recorded visits to planned ones.
 *
 * Rule: planned visits are taken in order; planned visit *i* is matched by
 * the earliest recorded visit not yet used that falls after the previous
 * planned visit's due day (or on/after the reunification day for the first
 * one) and no later than *i*'s window end. A visit made early (between two
 * due days) therefore counts for the next planned visit; each recorded visit
 * counts once; visits before reunification do not count. A visit counts
 * whether or not the child was seen (the visit took place; the rating of the
 * criteria tells how the child is doing).
 *
 * Returns, for each planned visit, the id of the recorded visit matched (or
 * `undefined`).
 *
 * @since 0.1.0
 */
export const matchVisits = (
  plan: ReadonlyArray<PlannedVisit>,
  visits: ReadonlyArray<FollowUpVisit>,
  reunifiedOn: Date
): ReadonlyArray<FollowUpVisit | undefined> => {
  requireValidDate(reunifiedOn, "reunifiedOn")
  // Case state keeps visits in date order; sort a copy only when they are not.
  let inOrder = true
  for (let i = 1; i < visits.length && inOrder; i++)
    if (visits[i - 1]!.date.getTime() > visits[i]!.date.getTime()) inOrder = false
  const sorted = inOrder ? visits : [...visits].sort((a, b) => a.date.getTime() - b.date.getTime())
  const out: Array<FollowUpVisit | undefined> = []
  let j = 0
  let lowerExclusive = dayOf(reunifiedOn).getTime() - 1
  for (const p of plan) {
    while (j < sorted.length && sorted[j]!.date.getTime() <= lowerExclusive) j++
    const v = sorted[j]
    if (v !== undefined && v.date.getTime() <= p.windowEnd.getTime()) {
      out.push(v)
      j++
    } else out.push(undefined)
    lowerExclusive = p.due.getTime()
  }
  return out
}

/**
 * The escalation a red follow-up visit calls for: a response by
 * `respondBy` (visit day + the profile's high-risk response time).
 *
 * @since 0.1.0
 */
export interface Escalation {
  readonly visitId: string
  readonly visitedOn: Date
  readonly respondBy: Date
  readonly overdue: boolean
}

/**
 * Monitoring status on a day.
 *
 * @since 0.1.0
 */
export interface MonitoringStatus {
  /** Whether the case is being monitored (reunified). */
  readonly monitoring: boolean
  readonly end?: Date
  /** Whether the monitoring duration is complete on `asOf`. */
  readonly durationComplete: boolean
  readonly planned: number
  readonly completed: number
  /** Planned visits in their window (`due ≤ asOf ≤ windowEnd`), not yet matched. */
  readonly due: ReadonlyArray<PlannedVisit>
  /** The subset of `due` whose due day has passed (`due < asOf`). */
  readonly overdue: ReadonlyArray<PlannedVisit>
  /** Planned visits whose window ended without a matching visit. */
  readonly missed: ReadonlyArray<PlannedVisit>
  /** The first planned visit due after `asOf` and not yet matched. */
  readonly next?: PlannedVisit
  /** Planned visits due after `asOf` and not yet matched (including `next`). */
  readonly upcoming: number
  readonly escalation?: Escalation
  /** The review interval (UN Guidelines ¶67) while monitoring: see {@link reviewStatus}. */
  readonly review?: ReviewStatus
}

/**
 * Monitoring status of a case on `asOf`: planned visits completed, due,
 * overdue and missed (matched per {@link matchVisits}, counting the visits
 * made by `asOf`), the visits still to come, the next one, and
 * an escalation when the latest recorded visit is rated red (any criterion
 * C): a response within the profile's high-risk response time
 * (`responseTime.highHours`, 24 hours in Primero Cambodia), overdue when no
 * later visit was recorded by then.
 *
 * @example
 * ```ts
 * import { CaseState, Monitoring, Profiles } from "@homeward/core"
 *
 * const d = Monitoring.monitoringStatus(CaseState.initial("c1"), Profiles.azizasPlace, new Date("2018-01-01"))
 * d.outcome.monitoring // false: not reunified
 * ```
 *
 * @since 0.1.0
 */
export const monitoringStatus = (state: CaseState, profile: PolicyProfile, asOf: Date): Decision<MonitoringStatus> => {
  const policy = resolve(profile, asOf)
  const reunifiedOn = state.reunifiedOn
  if (reunifiedOn === undefined || state.status !== "open") {
    return make(
      policy,
      {
        monitoring: false,
        durationComplete: false,
        planned: 0,
        completed: 0,
        upcoming: 0,
        due: [],
        overdue: [],
        missed: []
      },
      [
        {
          code: "not-monitoring",
          rule: "monitoring/reunified",
          source: cite(profile, "monitoring", "durationMonths"),
          severity: "info",
          message: "The case is not in monitoring (no current reunification)."
        }
      ]
    )
  }
  const plan = monitoringPlan(reunifiedOn, profile)
  const t = asOf.getTime()
  const today = Math.floor(t / MS_PER_DAY) * MS_PER_DAY
  const from = Math.floor(reunifiedOn.getTime() / MS_PER_DAY) * MS_PER_DAY
  const visits = state.monitoringVisits
  let due: Array<PlannedVisit> = NONE
  let overdue: Array<PlannedVisit> = NONE
  let missed: Array<PlannedVisit> = NONE
  let completed = 0
  let next: PlannedVisit | undefined
  // The matching of {@link matchVisits}, inlined, counting only visits made by
  // `asOf` (state keeps visits in date order), and stopping after the first
  // planned visit due after `asOf` (no later one can be matched yet).
  let j = 0
  let lowerExclusive = from - 1
  let i = 0
  for (; i < plan.length; i++) {
    const p = plan[i]!
    while (j < visits.length && visits[j]!.date.getTime() <= lowerExclusive) j++
    const v = visits[j]
    lowerExclusive = p.due.getTime()
    if (v !== undefined && v.date.getTime() <= t && v.date.getTime() <= p.windowEnd.getTime()) {
      j++
      completed++
      continue
    }
    if (p.due.getTime() > t) {
      next = p
      i++
      break
    }
    if (t <= p.windowEnd.getTime()) {
      if (due === NONE) due = []
      due.push(p)
      if (p.due.getTime() < today) {
        if (overdue === NONE) overdue = []
        overdue.push(p)
      }
    } else {
      if (missed === NONE) missed = []
      missed.push(p)
    }
  }
  const end = plan.length === 0 ? new Date(from) : plan[plan.length - 1]!.due
  const reasons: Array<Reason> = []
  if (missed.length > 0)
    reasons.push({
      code: "visits-missed",
      rule: "monitoring/visit-missed",
      source: cite(profile, "monitoring", "graceDays"),
      severity: "warning",
      message: `${missed.length} planned follow-up visit(s) were not made within their window.`,
      details: { missed: missed.length }
    })
  if (overdue.length > 0)
    reasons.push({
      code: "visit-overdue",
      rule: "monitoring/visit-overdue",
      source: cite(profile, "monitoring", "schedule"),
      severity: "warning",
      message: `${overdue.length} follow-up visit(s) are past their due day and still within their window.`,
      details: { overdue: overdue.length }
    })
  else if (due.length > 0)
    reasons.push({
      code: "visit-due",
      rule: "monitoring/visit-due",
      source: cite(profile, "monitoring", "schedule"),
      severity: "info",
      message: "A follow-up visit is due today."
    })
  // Escalation: the latest recorded visit since reunification rated red.
  let escalation: Escalation | undefined
  let latest: FollowUpVisit | undefined
  for (let k = visits.length - 1; k >= 0; k--) {
    const vt = visits[k]!.date.getTime()
    if (vt < from) break
    if (vt <= t) {
      latest = visits[k]
      break
    }
  }
  if (latest !== undefined && visitRating(latest.criteria) === "red") {
    const deadline = responseDeadline("high", profile, latest.date).outcome
    const hours = deadline.hours
    const respondBy = deadline.dueBy
    const overdueEsc = t > respondBy.getTime()
    escalation = { visitId: latest.id, visitedOn: latest.date, respondBy, overdue: overdueEsc }
    reasons.push({
      code: overdueEsc ? "red-visit-response-overdue" : "red-visit-escalation",
      rule: "monitoring/red-visit-response",
      source: cite(profile, "responseTime", "highHours"),
      severity: "blocker",
      message: `The latest follow-up visit was rated red: respond within ${hours} hours${overdueEsc ? " (the time has passed)" : ""}.`,
      details: { hours, visitId: latest.id }
    })
  }
  const outcome: { -readonly [K in keyof MonitoringStatus]: MonitoringStatus[K] } = {
    monitoring: true,
    end,
    durationComplete: today >= end.getTime(),
    planned: plan.length,
    completed,
    upcoming: plan.length - completed - due.length - missed.length,
    due,
    overdue,
    missed
  }
  if (next !== undefined) outcome.next = next
  if (escalation !== undefined) outcome.escalation = escalation
  const review = reviewStatus(state, profile, asOf)
  outcome.review = review.outcome
  for (const x of review.reasons) if (x.severity !== "info" || x.code === "review-due") reasons.push(x)
  return make(policy, outcome, reasons)
}

/**
 * What happened on a case that counts as a review of the child's situation
 * (UN Guidelines ¶67): an assessment, a best-interest determination, a case
 * conference, and, after reunification, a follow-up visit.
 *
 * @since 0.2.0
 */
export type ReviewKind = "assessment" | "best-interest-determination" | "case-conference" | "follow-up-visit"

/**
 * The review interval of a case on a day.
 *
 * @since 0.2.0
 */
export interface ReviewStatus {
  /** Whether the rule applies (an open case). */
  readonly applies: boolean
  /** The last review on or before `asOf` (since the clock started), if any. */
  readonly lastReview?: { readonly on: Date; readonly kind: ReviewKind }
  /** The day the interval runs from: the last review, or the start of the episode (or of monitoring). */
  readonly since?: Date
  /** The last day by which the next review is due: `since` + `reviewIntervalMonths` calendar months. */
  readonly dueOn?: Date
  /** `not-yet-due` before `dueOn`, `due` on it, `overdue` after it (`not-applicable` when the case is not open). */
  readonly status: "not-applicable" | "not-yet-due" | "due" | "overdue"
  readonly intervalMonths: number
}

/**
 * Reviews at least every `monitoring.reviewIntervalMonths` calendar months
 * (UN Guidelines ¶67: "preferably at least every three months"). The clock
 * starts at the start of the current episode of care (`episodeSince`, or the
 * opening day) or, once the child is reunified, at the reunification day;
 * every later review (see {@link ReviewKind}) restarts it. The next review is
 * due `reviewIntervalMonths` calendar months after the last one, clamped to
 * month ends (31 January + 1 month = 28 or 29 February; 30 November + 3
 * months = 28 or 29 February): `due` on that day, `overdue` from the next
 * day (warning `review-overdue`). Reviews dated after `asOf` do not count.
 *
 * @example
 * ```ts
 * import { CaseState, Monitoring, Profiles } from "@homeward/core"
 *
 * const s = { ...CaseState.initial("c1"), opened: true, status: "open" as const,
 *   phase: { phase: "reunified" as const }, reunifiedOn: new Date("2019-02-01") }
 * Monitoring.reviewStatus(s, Profiles.unGuidelines2009, new Date("2019-05-02")).outcome.status // "overdue"
 * ```
 *
 * @since 0.2.0
 */
export const reviewStatus = (state: CaseState, profile: PolicyProfile, asOf: Date): Decision<ReviewStatus> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const months = policy.values.monitoring.reviewIntervalMonths
  const source = cite(profile, "monitoring", "reviewIntervalMonths")
  const start = state.reunifiedOn ?? state.episodeSince ?? state.openedOn
  if (state.status !== "open" || start === undefined)
    return make(policy, { applies: false, status: "not-applicable", intervalMonths: months }, [
      {
        code: "review-not-applicable",
        rule: "monitoring/review-interval",
        source,
        severity: "info",
        message: "The case is not open: no review is due."
      }
    ])
  const lo = dayNumber(start)
  const hi = dayNumber(asOf)
  let last: { on: Date; kind: ReviewKind } | undefined
  const consider = (on: Date, kind: ReviewKind) => {
    const d = dayNumber(on)
    if (d < lo || d > hi) return
    if (last === undefined || d > dayNumber(last.on)) last = { on: dayOf(on), kind }
  }
  for (const a of state.assessments) consider(a.date, "assessment")
  for (const b of state.determinations) consider(b.date, "best-interest-determination")
  for (const c of state.conferences) consider(c.date, "case-conference")
  if (state.reunifiedOn !== undefined) for (const v of state.monitoringVisits) consider(v.date, "follow-up-visit")
  const since = last?.on ?? dayOf(start)
  const dueOn = addMonths(since, months)
  const today = dayNumber(asOf)
  const due = dayNumber(dueOn)
  const status = today < due ? "not-yet-due" : today === due ? "due" : "overdue"
  const details = { since: isoDay(since), dueOn: isoDay(dueOn), intervalMonths: months }
  const reason: Reason =
    status === "overdue"
      ? {
          code: "review-overdue",
          rule: "monitoring/review-interval",
          source,
          severity: "warning",
          message: `No review (assessment, determination, case conference or follow-up visit) in the last ${months} calendar month(s): a review is overdue.`,
          details
        }
      : status === "due"
        ? {
            code: "review-due",
            rule: "monitoring/review-interval",
            source,
            severity: "info",
            message: "A review of the child's situation is due today.",
            details
          }
        : {
            code: "review-not-yet-due",
            rule: "monitoring/review-interval",
            source,
            severity: "info",
            message: "The next review is not yet due.",
            details
          }
  return make(
    policy,
    {
      applies: true,
      ...(last === undefined ? {} : { lastReview: last }),
      since,
      dueOn,
      status,
      intervalMonths: months
    },
    [reason]
  )
}

/**
 * Recorded activity on a case on a day.
 *
 * @since 0.2.0
 */
export interface ActivityStatus {
  readonly applies: boolean
  /** The last day on or before `asOf` on which something was recorded (any event). */
  readonly lastActivityOn?: Date
  /** Whole days from `lastActivityOn` to `asOf`. */
  readonly daysSince?: number
  readonly maxDays: number
  /** Whether more than `maxDays` passed with nothing recorded. */
  readonly inactive: boolean
}

/**
 * Whether an open case has had nothing recorded (no event of any kind, by
 * its `occurredOn` day) for more than `monitoring.caseNoteMaxDays` days on
 * `asOf`: warning `no-recent-activity`. Exactly `caseNoteMaxDays` days is
 * still fine; one more is not.
 *
 * @example
 * ```ts
 * import { CaseState, Monitoring, Profiles } from "@homeward/core"
 *
 * Monitoring.activityStatus(CaseState.initial("c1"), Profiles.cambodiaMosvy, new Date("2018-01-01")).outcome.inactive // false
 * ```
 *
 * @since 0.2.0
 */
export const activityStatus = (state: CaseState, profile: PolicyProfile, asOf: Date): Decision<ActivityStatus> => {
  const policy = { ...resolve(profile, asOf), asOf }
  const maxDays = policy.values.monitoring.caseNoteMaxDays
  const source = cite(profile, "monitoring", "caseNoteMaxDays")
  const t = dayOf(asOf).getTime()
  let last: Date | undefined
  for (let i = state.eventDays.length - 1; i >= 0; i--)
    if (state.eventDays[i]!.getTime() <= t) {
      last = state.eventDays[i]
      break
    }
  if (state.status !== "open" || last === undefined)
    return make(policy, { applies: false, maxDays, inactive: false }, [
      {
        code: "activity-not-applicable",
        rule: "monitoring/case-activity",
        source,
        severity: "info",
        message: "The case is not open (or nothing was recorded by this day)."
      }
    ])
  const daysSince = dayNumber(asOf) - dayNumber(last)
  const inactive = daysSince > maxDays
  return make(policy, { applies: true, lastActivityOn: last, daysSince, maxDays, inactive }, [
    inactive
      ? {
          code: "no-recent-activity",
          rule: "monitoring/case-activity",
          source,
          severity: "warning",
          message: `Nothing has been recorded on this case for ${daysSince} days (more than ${maxDays}): record a case note or visit.`,
          details: { daysSince, maxDays, lastActivityOn: isoDay(last) }
        }
      : {
          code: "recent-activity",
          rule: "monitoring/case-activity",
          source,
          severity: "info",
          message: "Something was recorded on this case recently enough.",
          details: { daysSince, maxDays }
        }
  ])
}
