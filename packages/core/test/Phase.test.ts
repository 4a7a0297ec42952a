import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { CaseState, Phase, type PolicyProfile, Profiles, Reunification } from "../src/index.js"
import { Arbitraries } from "../src/testing/index.js"
import { assertDeterministic } from "./helpers.js"

const at = (d: string) => new Date(`${d}T00:00:00.000Z`)
const DAY = 86_400_000
type Contact = CaseState.ContactInStep

const inStep = (
  stepId: string,
  since: Date,
  contacts: ReadonlyArray<Contact>,
  extra: Partial<CaseState.CaseState> = {}
) => ({
  ...CaseState.initial("c1"),
  opened: true,
  status: "open" as const,
  phase: { phase: "gradual-contact" as const, step: stepId },
  phaseSince: since,
  contacts,
  ...extra
})

const contact = (
  n: number,
  date: Date,
  stepId: string,
  kind: Contact["kind"],
  outcome: Contact["outcome"] = "positive"
): Contact => ({
  id: `ct-${n}`,
  date,
  kind,
  outcome,
  phase: { phase: "gradual-contact", step: stepId }
})

const steps = (p: PolicyProfile.PolicyProfile) => p.parameters.phases.contactSteps.value

describe("Phase examples", () => {
  it("[seed: Aziza's Place] the four contact steps come in order: Sunday day visits, weekend sleep-overs, 2–3 nights, every night", () => {
    const s = steps(Profiles.azizasPlace)
    const order: Array<string> = []
    let ref: Phase.PhaseRef | undefined = { phase: "preparation" }
    while (ref !== undefined && ref.phase !== "reunified") {
      ref = Phase.nextOf(ref, s)
      if (ref?.phase === "gradual-contact") order.push(ref.step!)
    }
    expect(order).toEqual(["sunday-day-visits", "weekend-sleepovers", "two-three-nights", "every-night"])
    expect(s.map((x) => x.label)).toEqual([
      "Sunday day visits home",
      "Weekend sleep-overs",
      "2–3 nights a week at home",
      "Every night at home (day services continue)"
    ])
  })

  it("[seed: Aziza's Place] a step is ready after its minimum positive contacts and dwell; long dwell is only a warning", () => {
    const step = steps(Profiles.azizasPlace)[0]!
    const since = at("2018-01-07")
    const contacts = [0, 7, 14, 21].map((d, i) =>
      contact(i, new Date(since.getTime() + d * DAY), step.id, "day-visit-home")
    )
    const early = Phase.canAdvance(inStep(step.id, since, contacts), Profiles.azizasPlace, at("2018-01-30"))
    expect(early.outcome.ready).toBe(false)
    // Day 23: three complete weeks of the four the step asks for.
    expect(early.reasons.map((r) => r.code)).toEqual(["min-dwell-not-reached", "weekly-contact-not-met"])
    const ready = Phase.canAdvance(inStep(step.id, since, contacts), Profiles.azizasPlace, at("2018-02-04"))
    expect(ready.outcome).toEqual({ ready: true, next: { phase: "gradual-contact", step: "weekend-sleepovers" } })
    // Long after, with a visit in each of the last four weeks: ready, and the long stay is only a warning.
    const lateDay = at("2019-06-01")
    const weeks = Math.floor((lateDay.getTime() - since.getTime()) / (7 * DAY))
    const recent = [1, 2, 3, 4].map((k) =>
      contact(10 + k, new Date(since.getTime() + (weeks - k) * 7 * DAY), step.id, "day-visit-home")
    )
    const late = Phase.canAdvance(inStep(step.id, since, [...contacts, ...recent]), Profiles.azizasPlace, lateDay)
    expect(late.outcome.ready).toBe(true)
    expect(late.reasons.map((r) => [r.code, r.severity])).toEqual([["long-dwell", "warning"]])
    // Without them the last four weeks show no visit: the weekly requirement is current, not historical.
    const stale = Phase.canAdvance(inStep(step.id, since, contacts), Profiles.azizasPlace, lateDay)
    expect(stale.reasons.map((r) => r.code)).toEqual(["long-dwell", "weekly-contact-not-met"])
  })

  it("[seed: Aziza's Place] no artificial deadlines: deadlineDays is null, so no deadline reason ever", () => {
    expect(Profiles.azizasPlace.parameters.phases.deadlineDays.value).toBeNull()
    const d = Phase.canAdvance(
      inStep("sunday-day-visits", at("2010-01-01"), []),
      Profiles.azizasPlace,
      at("2020-01-01")
    )
    expect(d.reasons.some((r) => r.code === "phase-deadline-passed")).toBe(false)
  })

  it("[UNGL ¶51] a contact with concerns resets the count of positive contacts; an open incident blocks", () => {
    const step = steps(Profiles.azizasPlace)[1]!
    const since = at("2018-01-01")
    const days = [1, 8, 15, 22, 29]
    const contacts = days.map((d, i) =>
      contact(i, new Date(since.getTime() + d * DAY), step.id, "overnight", i === 2 ? "concerns" : "positive")
    )
    const d = Phase.canAdvance(inStep(step.id, since, contacts), Profiles.azizasPlace, at("2018-03-01"))
    expect(d.outcome.ready).toBe(false)
    expect(d.reasons.find((r) => r.code === "too-few-positive-contacts")?.details).toMatchObject({ counted: 2 })
    expect(d.reasons.some((r) => r.code === "contact-concerns-reset")).toBe(true)
    const withIncident = inStep(
      step.id,
      since,
      contacts.map((c) => ({ ...c, outcome: "positive" as const })),
      {
        incidents: { i1: { id: "i1", severity: "medium", reportedOn: at("2018-02-01") } }
      }
    )
    const blocked = Phase.canAdvance(withIncident, Profiles.azizasPlace, at("2018-02-05"))
    expect(blocked.reasons.map((r) => r.code)).toEqual(["open-incident"])
  })

  it("[UNGL ¶68] skipping a step needs an override with approval and justification", () => {
    const s = inStep("sunday-day-visits", at("2018-01-01"), [])
    const to: Phase.PhaseRef = { phase: "gradual-contact", step: "two-three-nights" }
    const without = Phase.checkMove(s, Profiles.azizasPlace, at("2018-06-01"), to)
    expect(without.outcome.ready).toBe(false)
    expect(without.reasons.map((r) => r.code)).toContain("phase-skipped")
    const withOverride = Phase.checkMove(s, Profiles.azizasPlace, at("2018-06-01"), to, {
      approvedBy: "mgr-1",
      justification: "Child already sleeps at home at weekends"
    })
    expect(withOverride.outcome).toEqual({ ready: true, next: to })
    expect(withOverride.reasons.map((r) => r.code)).toContain("override-skip")
  })

  it("stepping back is possible from assessment to the last contact step, not from reunified", () => {
    const s = steps(Profiles.azizasPlace)
    const path = Phase.pathway(s)
    for (const ref of path) {
      const i = Phase.indexOf(ref, s)
      const prev = Phase.previousOf(ref, s)
      if (i >= 1 && i <= 2 + s.length) expect(Phase.indexOf(prev!, s)).toBe(i - 1)
      else expect(prev).toBeUndefined()
    }
  })

  it("after a breakdown or a transfer the next phase is a new assessment", () => {
    const s = steps(Profiles.cambodiaMosvy)
    expect(Phase.nextOf({ phase: "returned-to-care" }, s)).toEqual({ phase: "assessment" })
    expect(Phase.nextOf({ phase: "transferred" }, s)).toEqual({ phase: "assessment" })
    expect(Phase.nextOf({ phase: "closed" }, s)).toBeUndefined()
  })
})

const stepState = fc
  .record({
    profile: Arbitraries.profile,
    stepIndex: fc.nat(3),
    sinceDay: fc.integer({ min: 16_000, max: 19_000 }),
    asOfOffset: fc.integer({ min: 0, max: 400 }),
    contacts: fc.array(
      fc.record({
        offset: fc.integer({ min: -30, max: 400 }),
        kind: fc.constantFrom("day-visit-home", "overnight", "multi-night", "monitoring-home-visit", "phone"),
        outcome: fc.constantFrom("positive", "positive", "positive", "concerns", "incident"),
        other: fc.boolean()
      }),
      { maxLength: 20 }
    ),
    incident: fc.boolean()
  })
  .map(({ profile, stepIndex, sinceDay, asOfOffset, contacts, incident }) => {
    const s = steps(profile)
    const step = s[stepIndex % s.length]!
    const since = new Date(sinceDay * DAY)
    const state = inStep(
      step.id,
      since,
      contacts
        .map((c, i) =>
          contact(
            i,
            new Date((sinceDay + c.offset) * DAY),
            c.other ? "elsewhere" : step.id,
            c.kind as Contact["kind"],
            c.outcome as Contact["outcome"]
          )
        )
        .sort((a, b) => a.date.getTime() - b.date.getTime()),
      incident ? { incidents: { i1: { id: "i1", severity: "low", reportedOn: since } } } : {}
    )
    return { profile, step, state, asOf: new Date((sinceDay + asOfOffset) * DAY) }
  })

describe("Phase properties", () => {
  test.prop([stepState])(
    "ready in a contact step implies enough positive contacts, enough dwell and no open incident",
    ({ profile, step, state, asOf }) => {
      const d = Phase.canAdvance(state, profile, asOf)
      const p = Phase.stepProgress(state, asOf, step)
      if (d.outcome.ready) {
        expect(p.positive).toBeGreaterThanOrEqual(step.minPositiveContacts)
        expect(p.dwellDays).toBeGreaterThanOrEqual(step.minDwellDays)
        expect(CaseState.openIncidents(state)).toHaveLength(0)
      } else {
        expect(d.reasons.some((r) => r.severity === "blocker")).toBe(true)
      }
      // Long dwell is never a blocker.
      expect(d.reasons.filter((r) => r.code === "long-dwell").every((r) => r.severity === "warning")).toBe(true)
      expect(d.outcome.next).toEqual(Phase.nextOf(state.phase, steps(profile)))
    }
  )

  test.prop([stepState])("canAdvance is deterministic", ({ profile, state, asOf }) => {
    assertDeterministic((s: typeof state) => Phase.canAdvance(s, profile, asOf), state)
  })

  test.prop([stepState, fc.nat(8)])(
    "a move that skips positions is never ready without an override",
    ({ profile, state, asOf }, k) => {
      const s = steps(profile)
      const path = Phase.pathway(s)
      const to = path[Math.min(Phase.indexOf(state.phase, s) + 2 + k, path.length - 1)]!
      fc.pre(Phase.indexOf(to, s) > Phase.indexOf(state.phase, s) + 1)
      expect(Phase.checkMove(state, profile, asOf, to).outcome.ready).toBe(false)
      // An override lifts the order, never the return's own safeguards (agreement, conference, consent).
      const safe = to.phase !== "reunified" || Reunification.reunificationChecks(state, profile, asOf).outcome.ready
      expect(Phase.checkMove(state, profile, asOf, to, { approvedBy: "m1", justification: "why" }).outcome.ready).toBe(
        safe
      )
    }
  )
})

/** Independent oracle of a step's weekly requirement: distinct visit days or nights at home per complete week. */
const weeklyOracle = (step: PolicyProfile.ContactStep, since: Date, contacts: ReadonlyArray<Contact>, asOf: Date) => {
  const w = step.weekly!
  const first = Math.floor(since.getTime() / DAY)
  const today = Math.floor(asOf.getTime() / DAY)
  const complete = Math.floor((today - first) / 7)
  const perWeek = new Map<number, Set<number>>()
  const concernWeeks = new Set<number>()
  let lastConcern = Number.NEGATIVE_INFINITY
  for (const c of contacts) {
    const d = Math.floor(c.date.getTime() / DAY)
    if (d < first || d > today || c.phase.step !== step.id) continue
    if (c.outcome !== "positive") {
      concernWeeks.add(Math.floor((d - first) / 7))
      lastConcern = Math.max(lastConcern, d)
      continue
    }
    if (!step.contactKinds.includes(c.kind)) continue
    const n = w.measure === "visits" ? 1 : (c.nights ?? (c.kind === "overnight" ? 1 : c.kind === "multi-night" ? 2 : 0))
    for (let k = 0; k < n; k++) {
      const night = d + k
      const week = Math.floor((night - first) / 7)
      perWeek.set(week, (perWeek.get(week) ?? new Set()).add(night))
    }
  }
  if (complete < w.weeks) return false
  for (let week = complete - w.weeks; week < complete; week++)
    if ((perWeek.get(week)?.size ?? 0) < w.min || concernWeeks.has(week)) return false
  return lastConcern < first + 7 * (complete - w.weeks)
}

/** A case in a weekly step: for each of up to 8 weeks, a few contacts with random nights, some with concerns. */
const weeklyState = fc
  .record({
    stepIndex: fc.nat(3),
    sinceDay: fc.integer({ min: 16_000, max: 19_000 }),
    weeks: fc.array(
      fc.array(
        fc.record({
          dayInWeek: fc.nat(6),
          nights: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
          kind: fc.constantFrom("day-visit-home", "overnight", "multi-night", "phone"),
          outcome: fc.constantFrom("positive", "positive", "positive", "positive", "concerns")
        }),
        { maxLength: 4 }
      ),
      { maxLength: 8 }
    ),
    extraDays: fc.nat(10)
  })
  .map(({ stepIndex, sinceDay, weeks, extraDays }) => {
    const step = steps(Profiles.azizasPlace)[stepIndex]!
    const since = new Date(sinceDay * DAY)
    const contacts: Array<Contact> = []
    for (const [w, cs] of weeks.entries())
      for (const [i, c] of cs.entries())
        contacts.push({
          ...contact(w * 10 + i, new Date((sinceDay + 7 * w + c.dayInWeek) * DAY), step.id, c.kind as Contact["kind"]),
          outcome: c.outcome as Contact["outcome"],
          ...(c.nights === undefined ? {} : { nights: c.nights })
        })
    contacts.sort((a, b) => a.date.getTime() - b.date.getTime())
    const asOf = new Date((sinceDay + 7 * weeks.length + extraDays) * DAY)
    return { step, since, contacts, asOf, state: inStep(step.id, since, contacts) }
  })

describe("[seed: Aziza's Place] contact steps count visits and nights week by week", () => {
  const s = steps(Profiles.azizasPlace)
  const twoThree = s.find((x) => x.id === "two-three-nights")!
  const everyNight = s.find((x) => x.id === "every-night")!
  const since = at("2018-01-01")
  const on = (d: number) => new Date(since.getTime() + d * DAY)
  const stay = (n: number, d: number, stepId: string, nights: number, kind: Contact["kind"] = "multi-night") => ({
    ...contact(n, on(d), stepId, kind),
    nights
  })

  it("[seed: Aziza's Place] four 1-night contacts (one a week) do not pass '2 or 3 nights a week'", () => {
    const contacts = [0, 7, 14, 21].map((d, i) => stay(i, d, twoThree.id, 1, "overnight"))
    const d = Phase.canAdvance(inStep(twoThree.id, since, contacts), Profiles.azizasPlace, on(28))
    expect(d.outcome.ready).toBe(false)
    expect(d.reasons.map((r) => r.code)).toEqual(["weekly-contact-not-met"])
    expect(d.reasons[0]!.details).toMatchObject({ qualifying: 0, weeksRequired: 4, min: 2 })
  })

  it("[seed: Aziza's Place] four stays of 2 nights, one a week, pass '2 or 3 nights a week' on day 28, not day 27", () => {
    const contacts = [0, 7, 14, 21].map((d, i) => stay(i, d, twoThree.id, 2))
    expect(Phase.canAdvance(inStep(twoThree.id, since, contacts), Profiles.azizasPlace, on(27)).outcome.ready).toBe(
      false
    )
    expect(Phase.canAdvance(inStep(twoThree.id, since, contacts), Profiles.azizasPlace, on(28)).outcome.ready).toBe(
      true
    )
  })

  it("[seed: Aziza's Place] 4 nights a week is more than the step plans: ready, with a warning", () => {
    const contacts = [0, 7, 14, 21].map((d, i) => stay(i, d, twoThree.id, 4))
    const d = Phase.canAdvance(inStep(twoThree.id, since, contacts), Profiles.azizasPlace, on(28))
    expect(d.outcome.ready).toBe(true)
    expect(d.reasons.map((r) => [r.code, r.severity])).toEqual([["weekly-contact-above-step", "warning"]])
  })

  it("[seed: Aziza's Place] two contacts of 2 nights over 14 days do not make 'every night'; two weeks of 7 nights do", () => {
    // The return's own safeguards (agreement, conference, consent) are checked elsewhere: only the step here.
    const stepOnly = { withReturnSafeguards: false }
    const few = [0, 7].map((d, i) => stay(i, d, everyNight.id, 2))
    const notYet = Phase.canAdvance(inStep(everyNight.id, since, few), Profiles.azizasPlace, on(14), stepOnly)
    expect(notYet.reasons.map((r) => r.code)).toEqual(["weekly-contact-not-met"])
    const all = [0, 7].map((d, i) => stay(i, d, everyNight.id, 7))
    expect(
      Phase.canAdvance(inStep(everyNight.id, since, all), Profiles.azizasPlace, on(14), stepOnly).outcome.ready
    ).toBe(true)
    // Six nights in one of the weeks is not every night.
    const six = [stay(0, 0, everyNight.id, 7), stay(1, 7, everyNight.id, 6)]
    expect(
      Phase.canAdvance(inStep(everyNight.id, since, six), Profiles.azizasPlace, on(14), stepOnly).outcome.ready
    ).toBe(false)
  })

  it("[seed: Aziza's Place] nights are counted once: four 1-night records of the same night are one night", () => {
    const contacts = [0, 7, 14, 21].flatMap((d, w) => [0, 1, 2, 3].map((k) => stay(w * 4 + k, d, twoThree.id, 1)))
    expect(Phase.canAdvance(inStep(twoThree.id, since, contacts), Profiles.azizasPlace, on(28)).outcome.ready).toBe(
      false
    )
  })

  it("[seed: Aziza's Place, UNGL ¶51] a contact with concerns in the last weeks blocks until four good weeks follow it", () => {
    const contacts = [
      ...[0, 7, 14, 21, 28, 35, 42].map((d, i) => stay(i, d, twoThree.id, 2)),
      { ...contact(99, on(16), twoThree.id, "multi-night", "concerns") }
    ].sort((a, b) => a.date.getTime() - b.date.getTime())
    expect(Phase.canAdvance(inStep(twoThree.id, since, contacts), Profiles.azizasPlace, on(28)).outcome.ready).toBe(
      false
    )
    // Weeks 4–7 (days 21–48) are after the concern: ready on day 49.
    expect(Phase.canAdvance(inStep(twoThree.id, since, contacts), Profiles.azizasPlace, on(48)).outcome.ready).toBe(
      false
    )
    expect(Phase.canAdvance(inStep(twoThree.id, since, contacts), Profiles.azizasPlace, on(49)).outcome.ready).toBe(
      true
    )
  })

  test.prop([weeklyState], { numRuns: 400 })(
    "ready in a weekly step ⇔ each of its last complete weeks meets the minimum with no concern since (oracle)",
    ({ step, since, contacts, asOf, state }) => {
      const d = Phase.canAdvance(state, Profiles.azizasPlace, asOf, { withReturnSafeguards: false })
      const w = Phase.weeklyProgress(state, asOf, step)!
      expect(w.met).toBe(weeklyOracle(step, since, contacts, asOf))
      if (d.outcome.ready) expect(w.met).toBe(true)
    }
  )

  test.prop([fc.constantFrom(...Object.keys(Profiles.builtIn)), fc.nat(3), fc.integer({ min: 16_000, max: 19_000 })])(
    "Phase.stepMinimums is what canAdvance accepts: the minimal weekly pattern is ready on day minDwellDays, not a day before, nor with one contact fewer",
    (profileId, i, sinceDay) => {
      const profile = Profiles.builtIn[profileId]!
      const step = steps(profile)[i % steps(profile).length]!
      const min = Phase.stepMinimums(step)
      const since = new Date(sinceDay * DAY)
      const w = step.weekly!
      const contacts: Array<Contact> = []
      for (let k = 0; contacts.length < min.positiveContacts; k++) {
        const week = w.measure === "visits" ? Math.floor(k / w.min) : k
        const dayInWeek = w.measure === "visits" ? k % w.min : 0
        contacts.push({
          ...contact(
            k,
            new Date((sinceDay + 7 * (week % w.weeks) + dayInWeek) * DAY),
            step.id,
            step.contactKinds.includes("multi-night") && w.min >= 2 ? "multi-night" : step.contactKinds[0]!
          ),
          ...(w.measure === "nights" ? { nights: w.min } : {})
        })
      }
      contacts.sort((a, b) => a.date.getTime() - b.date.getTime())
      const ready = (cs: ReadonlyArray<Contact>, d: number) =>
        Phase.canAdvance(inStep(step.id, since, cs), profile, new Date((sinceDay + d) * DAY), {
          withReturnSafeguards: false
        }).outcome.ready
      expect(ready(contacts, min.minDwellDays)).toBe(true)
      expect(ready(contacts, min.minDwellDays - 1)).toBe(false)
      expect(ready(contacts.slice(1), min.minDwellDays)).toBe(false)
      expect(min.resetOnConcern).toBe(true)
    }
  )
})
