import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { type CaseEvent, CaseState, Decider, EventStore, Monitoring, Profiles, Projection } from "../src/index.js"
import { Arbitraries, Conformance } from "../src/testing/index.js"

const profile = Profiles.azizasPlace

const play = (scenario: Arbitraries.Scenario): Array<CaseEvent.CaseEvent> => {
  let state = CaseState.initial(scenario.caseId)
  const events: Array<CaseEvent.CaseEvent> = []
  for (const command of scenario.commands) {
    const r = Decider.decide(state, command, scenario.profile, command.occurredOn)
    if (!r.ok) continue
    for (const e of r.events) {
      events.push(e)
      state = CaseState.evolve(state, e)
    }
  }
  return events
}
const day = (s: string) => new Date(`${s}T00:00:00Z`)

describe("Projection", () => {
  it("folds the log into the same states as replaying each case, incrementally", async () => {
    const store = EventStore.makeMemoryStore()
    await store.append("a", 0, [Conformance.sampleEvent("a", 1), Conformance.sampleEvent("a", 2)])
    const p = Projection.make()
    expect(await p.catchUp(store)).toBe(2)
    await store.append("b", 0, [Conformance.sampleEvent("b", 1)])
    await store.append("a", 2, [Conformance.sampleEvent("a", 3)])
    expect(await p.catchUp(store)).toBe(2)
    expect(await p.catchUp(store)).toBe(0)
    expect(p.state("a")).toEqual(CaseState.replay("a", await store.read("a")))
    expect(p.casesByPhase()).toEqual({ intake: ["a", "b"] })
    expect(p.casesPerWorker()).toEqual({ "sw-3": ["a"], "sw-1": ["b"] })
  })

  test.prop([Arbitraries.lifecycle().map(play)], { numRuns: 25 })(
    "visits due before a date are the plan's visits of reunified open cases, each in its Monitoring status",
    async (events) => {
      fc.pre(events.length > 0)
      const p = Projection.make()
      for (const [i, e] of events.entries()) p.apply(i + 1, e)
      const state = p.states()[0]!
      const asOf = new Date((state.lastEventOn ?? day("2018-01-01")).getTime() + 40 * 86_400_000)
      const before = new Date(asOf.getTime() + 60 * 86_400_000)
      const due = p.visitsDueBefore(before, profile, asOf)
      if (state.status !== "open" || state.phase.phase !== "reunified" || state.reunifiedOn === undefined) {
        expect(due).toEqual([])
        return
      }
      const plan = Monitoring.monitoringPlan(state.reunifiedOn, profile).filter((v) => v.due < before)
      const status = Monitoring.monitoringStatus(state, profile, asOf).outcome
      for (const d of due) {
        expect(plan.some((v) => v.index === d.visit.index)).toBe(true)
        if (d.status === "missed") expect(status.missed.some((v) => v.index === d.visit.index)).toBe(true)
        if (d.status === "upcoming") expect(d.visit.due.getTime()).toBeGreaterThan(asOf.getTime())
      }
      for (const v of status.missed.filter((x) => x.due < before)) {
        expect(due.some((d) => d.visit.index === v.index && d.status === "missed")).toBe(true)
      }
    }
  )
})
