import { fc, test } from "@fast-check/vitest"
import { describe, expect, it, vi } from "vitest"
import { type CaseEvent, CaseState, Decider, EventStore, Monitoring, Profiles, Projection } from "../src/index.js"
import { Arbitraries, Conformance } from "../src/testing/index.js"

// These properties replay whole generated case lives: each is sized by its run count (numRuns), and
// the timeout is a generous safety net so a loaded machine slows them down without failing them.
vi.setConfig({ testTimeout: 600_000 })

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

describe("Projection: case work (transfers, approvals, access)", () => {
  const at = (d: string) => day(d)
  const worker = { id: "sw-1", role: "social-worker" } as const
  const env = (d: string, actor: Decider.Command["actor"] = worker) => ({
    actor,
    recordedAt: new Date(`${d}T09:00:00Z`),
    occurredOn: at(d)
  })
  const commands: ReadonlyArray<Decider.Command> = [
    {
      ...env("2018-01-01"),
      type: "OpenCase",
      child: {
        id: "CH-1",
        givenName: "Dara",
        birth: { date: at("2010-01-01"), estimated: false },
        sex: "male",
        school: "enrolled"
      },
      institutionId: "RCI-1",
      agencyId: "AG-1",
      socialWorkerId: "sw-1",
      admissionReasons: ["poverty"],
      placement: { type: "residential-care", since: at("2018-01-01"), institutionId: "RCI-1" }
    },
    {
      ...env("2018-01-02"),
      type: "RecordConsent",
      consent: {
        id: "c1",
        kind: "caregiver-consent",
        givenBy: "HH-1-m1",
        purposes: ["information-sharing"],
        agencies: ["AG-2"],
        givenOn: at("2018-01-02")
      }
    },
    {
      ...env("2018-01-03"),
      type: "RecordCaseConference",
      conference: { id: "cf", date: at("2018-01-03"), reasons: ["relocation-or-transfer"] }
    },
    { ...env("2018-01-04"), type: "RequestTransfer", transferId: "t-1", toAgencyId: "AG-2" },
    { ...env("2018-01-04"), type: "RequestApproval", approvalId: "ap-1", step: "closure" }
  ]
  const load = async () => {
    const store = EventStore.makeMemoryStore()
    let s = CaseState.initial("k1")
    for (const c of commands) {
      const r = Decider.decide(s, c, Profiles.cambodiaMosvy, c.occurredOn!)
      if (!r.ok) throw new Error(r.reasons.map((x) => x.code).join())
      await store.append("k1", s.version, r.events)
      s = r.events.reduce(CaseState.evolve, s)
    }
    const p = Projection.make()
    await p.catchUp(store)
    return p
  }
  it("shows a pending transfer to both sides, and pending approvals", async () => {
    const p = await load()
    expect(p.pendingTransfers("AG-1").outgoing.map((x) => x.caseId)).toEqual(["k1"])
    expect(p.pendingTransfers("AG-2").incoming.map((x) => x.transfer.id)).toEqual(["t-1"])
    expect(p.pendingTransfers("AG-3")).toEqual({ incoming: [], outgoing: [] })
    expect(p.pendingApprovals().map((x) => `${x.caseId}/${x.approval.id}`)).toEqual(["k1/ap-1"])
  })
  it("[HR-access] viewFor: the receiving agency sees the case it is asked to take, without the child's name", async () => {
    const p = await load()
    const partner = p.viewFor({ id: "p1", role: "partner-agency", agencyId: "AG-2" }, "k1")
    expect(partner?.["caseId"]).toBe("k1")
    expect(JSON.stringify(partner)).not.toContain("Dara")
    expect(p.viewFor({ id: "p1", role: "partner-agency", agencyId: "AG-3" }, "k1")).toBeUndefined()
    expect(JSON.stringify(p.viewFor({ id: "sw-1", role: "case-worker", agencyId: "AG-1" }, "k1"))).toContain("Dara")
    expect(p.viewFor({ id: "sw-1", role: "case-worker", agencyId: "AG-1" }, "nope")).toBeUndefined()
  })
})
