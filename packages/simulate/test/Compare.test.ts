import { CaseState, Decider, EventStore, Profiles } from "@homeward/core"
import { Arbitraries } from "@homeward/core/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compareOnHistories, decisionsOf } from "../src/Compare.js"

/** Record lifecycle histories through the core decider into a store. */
const recordHistories = async (store: EventStore.CaseEventStore, n: number, seed: number, givenName?: string) => {
  const histories = fc.sample(Arbitraries.lifecycle(), { numRuns: n, seed })
  let last = new Date(0)
  for (const [i, h] of histories.entries()) {
    const caseId = `case-${i}`
    let state = CaseState.initial(caseId)
    for (const original of h.commands) {
      const cmd =
        givenName !== undefined && original.type === "OpenCase"
          ? { ...original, child: { ...original.child, givenName } }
          : original
      const r = Decider.decide(state, cmd, h.profile, cmd.occurredOn)
      if (!r.ok) continue
      // Re-number event ids for this case id.
      const renumbered = r.events.map((e, k) => ({ ...e, caseId, eventId: `${caseId}#${state.version + 1 + k}` }))
      const appended = await store.append(caseId, state.version, renumbered)
      expect(appended._tag).toBe("Appended")
      for (const e of renumbered) state = CaseState.evolve(state, e)
      if (cmd.occurredOn > last) last = cmd.occurredOn
    }
  }
  return last
}

describe("compareOnHistories", () => {
  it("[seed: UNICEF Siem Reap 2017 vs Aziza's Place] 3 years of follow-up vs 2 changes monitoring for reunified children", async () => {
    const store = EventStore.makeMemoryStore()
    await recordHistories(store, 30, 11)
    let firstReunified: Date | undefined
    for await (const e of store.readAll(0)) {
      if (e.event.type === "Reunified" && (firstReunified === undefined || e.event.occurredOn < firstReunified))
        firstReunified = e.event.occurredOn
    }
    expect(firstReunified).toBeDefined()
    const asOf = new Date(firstReunified!.getTime() + 30 * 86_400_000)
    const report = await compareOnHistories(store, Profiles.unicefSiemReap2017, Profiles.azizasPlace, asOf)
    expect(report.aggregate.cases).toBe(30)
    expect(report.cases.length).toBe(30)
    // Every reported change is a real difference of the core decisions.
    for (const c of report.cases) {
      const changed = c.changed.length > 0
      expect(changed).toBe(JSON.stringify(c.a) !== JSON.stringify(c.b))
    }
    const reunifiedOpen = report.cases.filter((c) => c.a.monitoringEnd !== undefined)
    expect(reunifiedOpen.length).toBeGreaterThan(0)
    for (const c of reunifiedOpen) expect(c.changed).toContain("monitoring-end")
    expect(report.aggregate.byAspect["monitoring-end"]).toBe(reunifiedOpen.length)
    expect(report.aggregate.changed).toBe(report.cases.filter((c) => c.changed.length > 0).length)
  })

  it("comparing a profile with itself changes nothing", async () => {
    const store = EventStore.makeMemoryStore()
    const last = await recordHistories(store, 15, 3)
    const report = await compareOnHistories(store, Profiles.azizasPlace, Profiles.azizasPlace, last)
    expect(report.aggregate.changed).toBe(0)
    expect(report.aggregate.readyA).toBe(report.aggregate.readyB)
  })

  it("accepts any source with readAll (array-backed stub) and matches the per-case decisions", async () => {
    const store = EventStore.makeMemoryStore()
    const last = await recordHistories(store, 5, 5)
    const rows: Array<{ caseId: string; version: number; event: never }> = []
    for await (const e of store.readAll(0)) rows.push(e as never)
    const stub = {
      readAll: () => ({
        async *[Symbol.asyncIterator]() {
          yield* [...rows].reverse()
        }
      })
    }
    const report = await compareOnHistories(stub, Profiles.cambodiaMosvy, Profiles.azizasPlace, last)
    for (const c of report.cases) {
      const state = CaseState.replay(c.caseId, await store.read(c.caseId))
      expect(c.a).toEqual(decisionsOf(state, Profiles.cambodiaMosvy, last))
      expect(c.b).toEqual(decisionsOf(state, Profiles.azizasPlace, last))
    }
  })

  it("reports carry no sensitive values (names, notes)", async () => {
    const store = EventStore.makeMemoryStore()
    const last = await recordHistories(store, 10, 9, "Sokhasecret")
    const report = await compareOnHistories(store, Profiles.unicefSiemReap2017, Profiles.azizasPlace, last)
    const text = JSON.stringify(report)
    let checked = 0
    for await (const e of store.readAll(0)) {
      if (e.event.type === "CaseOpened") {
        for (const name of [e.event.child.givenName, e.event.child.familyName]) {
          if (name !== undefined && name.length > 3) {
            checked++
            expect(text).not.toContain(name)
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})
