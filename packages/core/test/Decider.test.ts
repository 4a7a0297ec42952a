import { fc, test } from "@fast-check/vitest"
import { Effect, Exit, Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  CaseEvent,
  CaseState,
  Closure,
  Decider,
  Monitoring,
  Phase,
  type PolicyProfile,
  Profiles
} from "../src/index.js"
import { Arbitraries } from "../src/testing/index.js"
import { assertDeterministic } from "./helpers.js"

type Cmd = Decider.Command

/** Run a scenario through decide/evolve, keeping every accepted event and every rejection. */
const run = (scenario: Arbitraries.Scenario) => {
  let state = CaseState.initial(scenario.caseId)
  const events: Array<CaseEvent.CaseEvent> = []
  const steps: Array<{
    before: CaseState.CaseState
    command: Arbitraries.Scenario["commands"][number]
    result: Decider.DecideResult
  }> = []
  for (const command of scenario.commands) {
    const asOf = command.occurredOn
    const result = Decider.decide(state, command, scenario.profile, asOf)
    steps.push({ before: state, command, result })
    if (result.ok) {
      for (const e of result.events) {
        events.push(e)
        state = Decider.evolve(state, e)
      }
    }
  }
  return { state, events, steps }
}

const decodeEvent = Schema.decodeUnknownResult(CaseEvent.CaseEvent)
const encodeEvent = Schema.encodeSync(CaseEvent.CaseEvent)
const decodeCommand = Schema.decodeUnknownResult(Decider.Command)
const encodeCommand = Schema.encodeSync(Decider.Command)

/** Random command sequences mixed with plausible whole case lives (which reach the late phases). */
const anyScenario = fc.oneof(Arbitraries.scenario(), Arbitraries.lifecycle())

describe("Decider properties", () => {
  test.prop([anyScenario], { numRuns: 120 })(
    "no phase is skipped without an override (advances and reunification move one step or carry an override; steps back go back)",
    (scenario) => {
      const { steps: history } = run(scenario)
      const steps = scenario.profile.parameters.phases.contactSteps.value
      for (const { before, result } of history) {
        if (!result.ok) continue
        for (const e of result.events) {
          if (e.type === "PhaseAdvanced") {
            const expected = Phase.nextOf(e.from, steps)
            if (e.override === undefined) expect(e.to).toEqual(expected)
            else expect(Phase.indexOf(e.to, steps)).toBeGreaterThanOrEqual(Phase.indexOf(expected!, steps))
          }
          if (e.type === "Reunified" && e.override === undefined)
            expect(before.phase).toEqual({ phase: "gradual-contact", step: steps[steps.length - 1]!.id })
          if (e.type === "PhaseSteppedBack")
            expect(Phase.indexOf(e.to, steps)).toBeLessThan(Phase.indexOf(e.from, steps))
        }
      }
    }
  )

  test.prop([fc.oneof(Arbitraries.scenario({ minLength: 40, maxLength: 160 }), Arbitraries.lifecycle())], {
    numRuns: 120
  })(
    "a case never closes as reintegration-complete before its monitoring duration (other reasons allowed)",
    (scenario) => {
      const { steps } = run(scenario)
      for (const { before, command, result } of steps) {
        // Probe: try closing as reintegration-complete on every reunified state.
        if (before.status === "open" && before.reunifiedOn !== undefined) {
          const probe = Decider.decide(
            before,
            { ...command, type: "Close", closureReason: "reintegration-complete" } as Cmd,
            scenario.profile,
            command.occurredOn
          )
          const end = Monitoring.monitoringEnd(before.reunifiedOn, scenario.profile)
          if (command.occurredOn.getTime() < end.getTime()) expect(probe.ok).toBe(false)
        }
        if (!result.ok) continue
        for (const e of result.events) {
          if (e.type !== "CaseClosed" || e.closureReason !== "reintegration-complete") continue
          expect(before.reunifiedOn).toBeDefined()
          const end = Monitoring.monitoringEnd(before.reunifiedOn!, scenario.profile)
          expect(e.occurredOn.getTime()).toBeGreaterThanOrEqual(end.getTime())
          expect(command.type).toBe("Close")
        }
      }
    }
  )

  test.prop([anyScenario], { numRuns: 80 })(
    "every emitted event decodes with the CaseEvent Schema (round trip)",
    (scenario) => {
      const { events } = run(scenario)
      for (const e of events) {
        const json = JSON.parse(JSON.stringify(encodeEvent(e)))
        const back = decodeEvent(json)
        expect(Result.isSuccess(back)).toBe(true)
        if (Result.isSuccess(back)) expect(encodeEvent(back.success)).toEqual(json)
      }
    }
  )

  test.prop([Arbitraries.scenario({ maxLength: 40 })], { numRuns: 60 })(
    "every generated command decodes with the Command Schema",
    (scenario) => {
      for (const c of scenario.commands) {
        const json = JSON.parse(JSON.stringify(encodeCommand(c)))
        expect(Result.isSuccess(decodeCommand(json))).toBe(true)
      }
    }
  )

  test.prop([Arbitraries.scenario({ maxLength: 60 })], { numRuns: 60 })("decisions are deterministic", (scenario) => {
    const { steps } = run(scenario)
    for (const { before, command } of steps)
      assertDeterministic((c: Cmd) => Decider.decide(before, c, scenario.profile, command.occurredOn), command)
  })

  test.prop([anyScenario], { numRuns: 60 })(
    "event ids are caseId#version and replaying the events gives the same state",
    (scenario) => {
      const { state, events } = run(scenario)
      events.forEach((e, i) => {
        expect(e.eventId).toBe(`${scenario.caseId}#${i + 1}`)
      })
      expect(JSON.stringify(Decider.replay(events, scenario.caseId))).toBe(JSON.stringify(state))
    }
  )

  test.prop([anyScenario], { numRuns: 60 })("a closed case accepts nothing but Reopen", (scenario) => {
    const { steps } = run(scenario)
    for (const { before, command, result } of steps) {
      if (before.status === "closed" && command.type !== "Reopen") {
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.reasons.map((r) => r.code)).toContain("case-closed")
      }
    }
  })

  test.prop([anyScenario], { numRuns: 60 })(
    "every rejection explains itself with blocker reasons (code, rule, source, message)",
    (scenario) => {
      const { steps } = run(scenario)
      for (const { result } of steps) {
        if (result.ok) continue
        expect(result.reasons.length).toBeGreaterThan(0)
        for (const r of result.reasons) {
          expect(r.severity).toBe("blocker")
          expect(r.code.length).toBeGreaterThan(0)
          expect(r.rule.length).toBeGreaterThan(0)
          expect(r.source.document.length).toBeGreaterThan(0)
          expect(r.message.length).toBeGreaterThan(0)
        }
      }
    }
  )

  test.prop([Arbitraries.anyEvents()], { numRuns: 200 })("evolve is total over valid events in any order", (events) => {
    for (const e of events) expect(Result.isSuccess(decodeEvent(encodeEvent(e)))).toBe(true)
    const s = Decider.replay(events, "case-1")
    expect(s.version).toBe(events.length)
  })
})

// ---------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------

const actor = { id: "sw-1", role: "social-worker" } as const
const at = (d: string) => new Date(`${d}T00:00:00.000Z`)
const env = (d: string) => ({ actor, recordedAt: new Date(`${d}T09:00:00.000Z`), occurredOn: at(d) })

const openCase = (d: string): Cmd => ({
  ...env(d),
  type: "OpenCase",
  child: { id: "CH-1", birth: { date: at("2008-03-01"), estimated: false }, sex: "female", school: "enrolled" },
  institutionId: "RCI-1",
  agencyId: "AG-1",
  socialWorkerId: "sw-1",
  admissionReasons: ["poverty"],
  placement: { type: "residential-care", since: at(d), institutionId: "RCI-1" }
})

/** Caregiver consent and child assent for every purpose, for the agencies given. */
const consents = (d: string, agencies: ReadonlyArray<string>): ReadonlyArray<Cmd> =>
  (["caregiver-consent", "child-assent"] as const).map((kind) => ({
    ...env(d),
    type: "RecordConsent",
    consent: {
      id: `cons-${kind}`,
      kind,
      givenBy: kind === "child-assent" ? "CH-1" : "HH-1-m1",
      purposes: ["services", "tracing", "information-sharing", "reporting"],
      agencies: [...agencies],
      givenOn: at(d)
    }
  }))

/** A case conference for the given reasons. */
const conference = (d: string, reasons: ReadonlyArray<PolicyProfile.ConferenceTrigger>, id = "conf-1"): Cmd => ({
  ...env(d),
  type: "RecordCaseConference",
  conference: { id, date: at(d), reasons: [...reasons] }
})

/** The reunification agreement, signed and witnessed (Primero Cambodia). */
const agreement = (d: string, extra: Record<string, unknown> = {}): Cmd =>
  ({
    ...env(d),
    type: "RecordAgreement",
    agreement: {
      id: "ag-1",
      date: at(d),
      householdId: "HH-1",
      caregiverId: "HH-1-m1",
      caseworkerId: "sw-1",
      childSigned: true,
      witnesses: [
        { role: "government-official", id: "go-1" },
        { role: "commune-chief", id: "cc-1" }
      ],
      ...extra
    }
  }) as Cmd

const applyAll = (state: CaseState.CaseState, cmds: ReadonlyArray<Cmd>, profile: PolicyProfile.PolicyProfile) =>
  cmds.reduce((s, c) => apply(s, c, profile), state)

const apply = (state: CaseState.CaseState, cmd: Cmd, profile: PolicyProfile.PolicyProfile) => {
  const r = Decider.decide(state, cmd, profile, cmd.occurredOn!)
  if (!r.ok) throw new Error(`rejected ${cmd.type}: ${r.reasons.map((x) => x.code).join(", ")}`)
  return r.events.reduce(Decider.evolve, state)
}

describe("Decider examples", () => {
  const p = Profiles.azizasPlace
  const override = { approvedBy: "mgr-1", justification: "Case conference decision" }

  it("[seed: Aziza's Place] a closed case rejects everything except Reopen", () => {
    let s = apply(Decider.initial("c1"), openCase("2018-01-01"), p)
    s = applyAll(
      s,
      [...consents("2018-01-02", ["AG-1", "AG-2"]), conference("2018-01-02", ["relocation-or-transfer"])],
      p
    )
    s = apply(s, { ...env("2018-01-02"), type: "Transfer", toAgencyId: "AG-2" }, p)
    s = apply(s, { ...env("2018-01-03"), type: "Close", closureReason: "transferred" }, p)
    expect(s.status).toBe("closed")
    const r = Decider.decide(
      s,
      { ...env("2018-01-04"), type: "AssignWorker", socialWorkerId: "sw-2" },
      p,
      at("2018-01-04")
    )
    expect(r.ok).toBe(false)
    const reopened = apply(
      s,
      { ...env("2018-01-05"), type: "Reopen", placement: { type: "residential-care", since: at("2018-01-05") } },
      p
    )
    expect(reopened.status).toBe("open")
    expect(reopened.phase).toEqual({ phase: "assessment" })
  })

  it("[IAG] skipping from intake to preparation needs an override", () => {
    const s = apply(Decider.initial("c1"), openCase("2018-01-01"), p)
    const skip: Cmd = { ...env("2018-01-02"), type: "Advance", to: { phase: "preparation" } }
    const r = Decider.decide(s, skip, p, at("2018-01-02"))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reasons.map((x) => x.code)).toContain("phase-skipped")
    const r2 = Decider.decide(s, { ...skip, override }, p, at("2018-01-02"))
    expect(r2.ok).toBe(true)
    if (r2.ok) expect(r2.events[0]).toMatchObject({ type: "PhaseAdvanced", to: { phase: "preparation" }, override })
  })

  it("[seed: Aziza's Place] Close as reintegration-complete is rejected during monitoring", () => {
    let s = apply(Decider.initial("c1"), openCase("2018-01-01"), p)
    s = applyAll(
      s,
      [
        ...consents("2018-01-02", ["AG-1"]),
        conference("2018-01-02", ["family-reunification"]),
        agreement("2018-01-02")
      ],
      p
    )
    s = apply(
      s,
      { ...env("2018-01-02"), type: "Reunify", placement: { type: "parents", since: at("2018-01-02") }, override },
      p
    )
    expect(s.phase.phase).toBe("reunified")
    const r = Decider.decide(
      s,
      { ...env("2019-01-02"), type: "Close", closureReason: "reintegration-complete" },
      p,
      at("2019-01-02")
    )
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reasons.map((x) => x.code)).toContain("monitoring-not-complete")
    const died = Decider.decide(s, { ...env("2019-01-02"), type: "Close", closureReason: "died" }, p, at("2019-01-02"))
    expect(died.ok).toBe(true)
    expect(Closure.bypassReasons).toContain("died")
  })

  it("decideEffect fails with DecisionRejected and succeeds with the events", () => {
    const fail = Effect.runSyncExit(
      Decider.decideEffect(
        Decider.initial("c1"),
        { ...env("2018-01-02"), type: "AssignWorker", socialWorkerId: "sw-2" },
        p,
        at("2018-01-02")
      )
    )
    expect(Exit.isFailure(fail)).toBe(true)
    const ok = Effect.runSync(Decider.decideEffect(Decider.initial("c1"), openCase("2018-01-01"), p, at("2018-01-01")))
    expect(ok[0]?.eventId).toBe("c1#1")
  })

  it("a command dated after asOf is rejected", () => {
    const r = Decider.decide(Decider.initial("c1"), openCase("2018-01-05"), p, at("2018-01-01"))
    expect(r.ok).toBe(false)
  })

  it("commands decode from JSON", () => {
    const r = decodeCommand({
      type: "Advance",
      actor,
      recordedAt: "2018-01-02T08:00:00Z",
      override: { approvedBy: "mgr-1", justification: "ok" }
    })
    expect(Result.isSuccess(r)).toBe(true)
    expect(Result.isFailure(decodeCommand({ type: "Advance" }))).toBe(true)
  })

  it("the profile's steps are offered in order [seed: Aziza's Place]", () => {
    expect(
      Phase.pathway(Profiles.azizasPlace.parameters.phases.contactSteps.value).map((x) => x.step ?? x.phase)
    ).toEqual([
      "intake",
      "assessment",
      "preparation",
      "sunday-day-visits",
      "weekend-sleepovers",
      "two-three-nights",
      "every-night",
      "reunified",
      "closed"
    ])
  })
})

describe("Arbitraries (generator sanity)", () => {
  it("lifecycles reach reunification and reintegration-complete closures (fixed seed)", () => {
    const seen = new Set<string>()
    for (const sc of fc.sample(Arbitraries.lifecycle(), { numRuns: 40, seed: 7 })) {
      for (const e of run(sc).events) seen.add(e.type === "CaseClosed" ? `closed:${e.closureReason}` : e.type)
    }
    expect(seen.has("Reunified")).toBe(true)
    expect(seen.has("closed:reintegration-complete")).toBe(true)
    expect(seen.has("MonitoringVisitRecorded")).toBe(true)
  })
})
