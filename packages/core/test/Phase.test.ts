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
      const p = Phase.stepProgress(state, step, asOf)
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
