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
