import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { CaseState, type FollowUp, Monitoring, PolicyProfile, Profiles } from "../src/index.js"
import { Arbitraries } from "../src/testing/index.js"
import { assertDeterministic, plusMonths } from "./helpers.js"

const DAY = 86_400_000
const at = (d: string) => new Date(`${d}T00:00:00.000Z`)
const dayNo = (d: Date) => Math.floor(d.getTime() / DAY)
const A: FollowUp.FollowUpCriteria = { health: "A", education: "A", food: "A", relationship: "A", safety: "A" }

const visit = (n: number, date: Date, criteria: FollowUp.FollowUpCriteria = A): FollowUp.FollowUpVisit => ({
  id: `v-${n}`,
  date,
  visitorId: "sw-1",
  criteria,
  childSeen: true,
  closureRecommended: false
})

const reunified = (reunifiedOn: Date, visits: ReadonlyArray<FollowUp.FollowUpVisit>): CaseState.CaseState => ({
  ...CaseState.initial("c1"),
  opened: true,
  status: "open",
  phase: { phase: "reunified" },
  phaseSince: reunifiedOn,
  reunifiedOn,
  monitoringVisits: visits
})

describe("Monitoring plan properties", () => {
  test.prop([Arbitraries.profile, Arbitraries.day])(
    "the plan covers the whole duration with no gap larger than the band's interval",
    (profile, reunifiedOn) => {
      const plan = Monitoring.monitoringPlan(reunifiedOn, profile)
      const v = PolicyProfile.resolve(profile, reunifiedOn).values.monitoring
      const end = Monitoring.monitoringEnd(reunifiedOn, profile)
      expect(plan.at(-1)?.due.getTime()).toBe(end.getTime())
      let prev = dayNo(reunifiedOn)
      for (const p of plan) {
        const offset = prev - dayNo(reunifiedOn)
        const band =
          [...v.schedule].filter((b) => b.fromDay <= offset).sort((a, b) => b.fromDay - a.fromDay)[0] ?? v.schedule[0]!
        const gap = dayNo(p.due) - prev
        expect(gap).toBeGreaterThan(0)
        const prevDay = new Date(prev * DAY)
        // Never more than the band's interval (days or calendar months) nor the review interval (months).
        const limit =
          "intervalDays" in band ? band.intervalDays : dayNo(plusMonths(prevDay, band.intervalMonths)) - prev
        expect(gap).toBeLessThanOrEqual(limit)
        expect(dayNo(p.due)).toBeLessThanOrEqual(dayNo(plusMonths(prevDay, v.reviewIntervalMonths)))
        expect(dayNo(p.windowEnd) - dayNo(p.due)).toBe(v.graceDays)
        prev = dayNo(p.due)
      }
      expect(plan.map((p) => p.index)).toEqual(plan.map((_, i) => i + 1))
    }
  )

  test.prop([
    Arbitraries.profile,
    Arbitraries.day,
    fc.array(fc.integer({ min: -20, max: 1200 }), { maxLength: 60 }),
    fc.integer({ min: 0, max: 1300 })
  ])(
    "status partitions the plan: completed + due + missed + upcoming = planned; each visit counts once",
    (profile, reunifiedOn, offsets, asOfOffset) => {
      const visits = offsets
        .map((o, i) => visit(i, new Date(reunifiedOn.getTime() + o * DAY)))
        .sort((a, b) => a.date.getTime() - b.date.getTime())
      const asOf = new Date(reunifiedOn.getTime() + asOfOffset * DAY)
      const state = reunified(reunifiedOn, visits)
      const d = Monitoring.monitoringStatus(state, profile, asOf)
      const o = d.outcome
      expect(o.completed + o.due.length + o.missed.length + o.upcoming).toBe(o.planned)
      const plan = Monitoring.monitoringPlan(reunifiedOn, profile)
      const made = visits.filter((x) => x.date.getTime() <= asOf.getTime())
      const matched = Monitoring.matchVisits(plan, made, reunifiedOn).filter((x) => x !== undefined)
      expect(o.completed).toBe(matched.length)
      expect(new Set(matched.map((m) => m!.id)).size).toBe(matched.length)
      for (const m of matched) expect(m!.date.getTime()).toBeGreaterThanOrEqual(reunifiedOn.getTime())
      // At most one future planned visit can already be matched (by an early visit).
      const future = plan.filter((p) => p.due.getTime() > asOf.getTime()).length
      expect(o.upcoming).toBeLessThanOrEqual(future)
      expect(o.upcoming).toBeGreaterThanOrEqual(future - 1)
      for (const p of [...o.due, ...o.missed]) expect(p.due.getTime()).toBeLessThanOrEqual(asOf.getTime())
      if (o.next !== undefined) expect(o.next.due.getTime()).toBeGreaterThan(asOf.getTime())
      for (const p of o.overdue) expect(o.due).toContain(p)
      assertDeterministic((s: CaseState.CaseState) => Monitoring.monitoringStatus(s, profile, asOf), state)
    }
  )
})

describe("Monitoring examples", () => {
  it("[seed: UNICEF Siem Reap 2017] follow-up visits span three years", () => {
    const plan = Monitoring.monitoringPlan(at("2017-09-01"), Profiles.unicefSiemReap2017)
    expect(plan[0]?.due).toEqual(at("2017-09-08"))
    expect(plan.at(-1)?.due).toEqual(at("2020-09-01"))
  })

  it("[seed: Aziza's Place] monitoring lasts two years", () => {
    expect(Monitoring.monitoringEnd(at("2015-06-15"), Profiles.azizasPlace)).toEqual(at("2017-06-15"))
  })

  it("[Texas CPS handbook, default] weekly for 8 weeks, then monthly", () => {
    const plan = Monitoring.monitoringPlan(at("2018-01-01"), Profiles.cambodiaMosvy)
    const gaps = plan
      .slice(0, 10)
      .map((p, i) => dayNo(p.due) - (i === 0 ? dayNo(at("2018-01-01")) : dayNo(plan[i - 1]!.due)))
    expect(gaps).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 30, 30])
  })

  it("[PRIM] a red follow-up visit calls for a response within 24 hours", () => {
    const r = at("2018-01-01")
    const red = visit(1, at("2018-01-08"), { ...A, safety: "C" })
    const d = Monitoring.monitoringStatus(reunified(r, [red]), Profiles.cambodiaMosvy, new Date("2018-01-08T12:00:00Z"))
    expect(d.outcome.escalation).toMatchObject({
      visitId: "v-1",
      respondBy: new Date("2018-01-09T00:00:00Z"),
      overdue: false
    })
    expect(d.reasons.map((x) => x.code)).toContain("red-visit-escalation")
    const later = Monitoring.monitoringStatus(reunified(r, [red]), Profiles.cambodiaMosvy, at("2018-01-10"))
    expect(later.outcome.escalation?.overdue).toBe(true)
    expect(later.reasons.map((x) => x.code)).toContain("red-visit-response-overdue")
  })

  it("[default] a planned visit is due from its day, overdue after it, missed after its 14-day grace window", () => {
    const r = at("2018-01-01")
    const s = reunified(r, [])
    expect(Monitoring.monitoringStatus(s, Profiles.cambodiaMosvy, at("2018-01-08")).outcome).toMatchObject({
      completed: 0,
      missed: []
    })
    const due = Monitoring.monitoringStatus(s, Profiles.cambodiaMosvy, at("2018-01-08")).outcome
    expect(due.due.map((p) => p.index)).toEqual([1])
    expect(due.overdue).toEqual([])
    const overdue = Monitoring.monitoringStatus(s, Profiles.cambodiaMosvy, at("2018-01-10")).outcome
    expect(overdue.overdue.map((p) => p.index)).toEqual([1])
    const missed = Monitoring.monitoringStatus(s, Profiles.cambodiaMosvy, at("2018-01-23")).outcome
    expect(missed.missed.map((p) => p.index)).toEqual([1])
    // A visit made two days early counts for visit 1.
    const early = Monitoring.monitoringStatus(
      reunified(r, [visit(1, at("2018-01-06"))]),
      Profiles.cambodiaMosvy,
      at("2018-01-10")
    ).outcome
    expect(early.completed).toBe(1)
    expect(early.next?.index).toBe(2)
  })
})

const inCare = (openedOn: Date, extra: Partial<CaseState.CaseState> = {}): CaseState.CaseState => ({
  ...CaseState.initial("c1"),
  opened: true,
  status: "open",
  openedOn,
  episodeSince: openedOn,
  phase: { phase: "assessment" },
  phaseSince: openedOn,
  ...extra
})

describe("[UNGL ¶67] reviews at least every 3 calendar months", () => {
  const un = Profiles.unGuidelines2009

  it("[UNGL ¶67] a return on 2019-02-01 has its first UN-profile visit on 2019-05-01, not 91 days later (2019-05-03)", () => {
    const plan = Monitoring.monitoringPlan(at("2019-02-01"), un)
    expect(plan[0]!.due).toEqual(at("2019-05-01"))
    expect(plan[1]!.due).toEqual(at("2019-08-01"))
  })

  it("[UNGL ¶67] due on the day 3 calendar months after the return, overdue the next day", () => {
    const s = reunified(at("2019-02-01"), [])
    expect(Monitoring.reviewStatus(s, un, at("2019-04-30")).outcome.status).toBe("not-yet-due")
    expect(Monitoring.reviewStatus(s, un, at("2019-05-01")).outcome.status).toBe("due")
    const late = Monitoring.reviewStatus(s, un, at("2019-05-02"))
    expect(late.outcome.status).toBe("overdue")
    expect(late.reasons.map((r) => [r.code, r.severity])).toEqual([["review-overdue", "warning"]])
    // monitoringStatus carries it too.
    expect(Monitoring.monitoringStatus(s, un, at("2019-05-02")).reasons.map((r) => r.code)).toContain("review-overdue")
  })

  it("[UNGL ¶67] a follow-up visit restarts the clock; a visit after asOf does not count", () => {
    const s = reunified(at("2019-02-01"), [visit(1, at("2019-04-15")), visit(2, at("2019-09-01"))])
    const d = Monitoring.reviewStatus(s, un, at("2019-07-15"))
    expect(d.outcome).toMatchObject({ status: "due", dueOn: at("2019-07-15"), lastReview: { kind: "follow-up-visit" } })
    expect(Monitoring.reviewStatus(s, un, at("2019-07-16")).outcome.status).toBe("overdue")
  })

  it("[UNGL ¶67] a child in care: an assessment, a determination or a case conference is a review", () => {
    const opened = at("2018-01-10")
    expect(Monitoring.reviewStatus(inCare(opened), un, at("2018-04-11")).outcome.status).toBe("overdue")
    const conf = inCare(opened, {
      conferences: [{ id: "cf", date: at("2018-03-01"), reasons: ["placement-in-alternative-care"] }]
    })
    expect(Monitoring.reviewStatus(conf, un, at("2018-04-11")).outcome).toMatchObject({
      status: "not-yet-due",
      dueOn: at("2018-06-01"),
      lastReview: { kind: "case-conference" }
    })
    expect(Monitoring.reviewStatus({ ...inCare(opened), status: "closed" }, un, at("2019-01-01")).outcome.status).toBe(
      "not-applicable"
    )
  })

  test.prop([
    fc.constantFrom(...Object.keys(Profiles.builtIn)),
    Arbitraries.day,
    fc.array(fc.integer({ min: -30, max: 600 }), { maxLength: 12 }),
    fc.integer({ min: 0, max: 700 })
  ])(
    "review status matches a calendar-month oracle: overdue ⇔ no review since the start within the last N months",
    (id, reunifiedOn, offsets, asOfOffset) => {
      const profile = Profiles.builtIn[id]!
      const visits = offsets
        .map((o, i) => visit(i, new Date(reunifiedOn.getTime() + o * DAY)))
        .sort((a, b) => a.date.getTime() - b.date.getTime())
      const asOf = new Date(reunifiedOn.getTime() + asOfOffset * DAY)
      const n = PolicyProfile.resolve(profile, asOf).values.monitoring.reviewIntervalMonths
      const counted = [reunifiedOn, ...visits.map((v) => v.date)].filter(
        (d) => d.getTime() >= reunifiedOn.getTime() && d.getTime() <= asOf.getTime()
      )
      const last = counted.reduce((a, b) => (b.getTime() > a.getTime() ? b : a))
      const dueOn = plusMonths(last, n)
      const expected =
        asOf.getTime() < dueOn.getTime() ? "not-yet-due" : asOf.getTime() === dueOn.getTime() ? "due" : "overdue"
      expect(Monitoring.reviewStatus(reunified(reunifiedOn, visits), profile, asOf).outcome.status).toBe(expected)
    }
  )

  test.prop([fc.constantFrom(...Object.keys(Profiles.builtIn)), Arbitraries.day])(
    "no planned visit is more than reviewIntervalMonths calendar months after the previous one (or the return)",
    (id, reunifiedOn) => {
      const profile = Profiles.builtIn[id]!
      const n = PolicyProfile.resolve(profile, reunifiedOn).values.monitoring.reviewIntervalMonths
      let prev = reunifiedOn
      for (const p of Monitoring.monitoringPlan(reunifiedOn, profile)) {
        expect(p.due.getTime()).toBeLessThanOrEqual(plusMonths(prev, n).getTime())
        prev = p.due
      }
    }
  )
})

describe("[HD-case-note-days] a case with nothing recorded for longer than caseNoteMaxDays", () => {
  const p = Profiles.cambodiaMosvy
  const max = p.parameters.monitoring.caseNoteMaxDays.value
  const last = at("2018-03-01")
  const s = inCare(at("2018-01-01"), { eventDays: [at("2018-01-01"), last] })

  it.each([
    [max - 1, false],
    [max, false],
    [max + 1, true]
  ])("[HD-case-note-days] %i days after the last record: inactive %s", (days, inactive) => {
    const d = Monitoring.activityStatus(s, p, new Date(last.getTime() + days * DAY))
    expect(d.outcome).toMatchObject({ applies: true, daysSince: days, maxDays: max, inactive })
    expect(d.reasons.map((r) => r.code)).toEqual([inactive ? "no-recent-activity" : "recent-activity"])
  })

  it("[HD-case-note-days] records after asOf do not count; a closed case is not checked", () => {
    const withLater = { ...s, eventDays: [...s.eventDays, at("2018-06-01")] }
    expect(Monitoring.activityStatus(withLater, p, at("2018-05-01")).outcome.inactive).toBe(true)
    expect(Monitoring.activityStatus({ ...s, status: "closed" }, p, at("2019-01-01")).outcome.applies).toBe(false)
  })

  test.prop([
    fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 20 }),
    fc.integer({ min: 0, max: 500 })
  ])("inactive ⇔ the last record on or before asOf is more than caseNoteMaxDays days old", (offsets, asOfOffset) => {
    const start = at("2017-01-01")
    const days = [...new Set(offsets)].sort((a, b) => a - b).map((o) => new Date(start.getTime() + o * DAY))
    const asOf = new Date(start.getTime() + asOfOffset * DAY)
    const before = days.filter((d) => d.getTime() <= asOf.getTime())
    const d = Monitoring.activityStatus(inCare(start, { eventDays: days }), p, asOf).outcome
    if (before.length === 0) expect(d.applies).toBe(false)
    else expect(d.inactive).toBe((asOf.getTime() - before.at(-1)!.getTime()) / DAY > max)
  })

  it("evolve records every event's day (the activity the rule reads)", () => {
    const events = fc.sample(Arbitraries.anyEvents("c1", 30), { numRuns: 20, seed: 5 })
    for (const es of events) {
      const s2 = CaseState.replay("c1", es)
      const days = [...new Set(es.map((e) => e.occurredOn.getTime()))].sort((a, b) => a - b)
      expect(s2.eventDays.map((d) => d.getTime())).toEqual(days)
    }
  })
})
