import { fc, test } from "@fast-check/vitest"
import { Effect, Exit, Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  CaseEvent,
  CaseState,
  Closure,
  Consent,
  Decider,
  Monitoring,
  Phase,
  type PolicyProfile,
  Profiles,
  Reunification
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
      expect(JSON.stringify(CaseState.replay(scenario.caseId, events))).toBe(JSON.stringify(state))
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
    const s = CaseState.replay("case-1", events)
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

/** The agreement without one of its keys. */
const agreementWithout = (d: string, key: string): Cmd => {
  const c = agreement(d) as Extract<Cmd, { type: "RecordAgreement" }>
  const { [key as "caregiverId"]: _dropped, ...rest } = c.agreement
  return { ...c, agreement: rest } as Cmd
}

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

describe("Decider: consent, agreement and case conference before information is shared or a child returns", () => {
  const p = Profiles.cambodiaMosvy
  /** A case at the last contact step of the profile, ready on `2018-06-01` but for the return's safeguards. */
  const atLastStep = (): CaseState.CaseState => {
    const steps = p.parameters.phases.contactSteps.value
    const last = steps[steps.length - 1]!
    const since = at("2018-05-18")
    let s = apply(Decider.initial("c1"), openCase("2018-01-01"), p)
    s = apply(
      s,
      {
        ...env("2018-01-02"),
        type: "TraceFamily",
        household: {
          id: "HH-1",
          members: [{ id: "HH-1-m1", relationship: "parent", primaryCaregiver: true }],
          location: { province: "Siem Reap" },
          housing: "suitable",
          livelihood: "stable",
          tracing: "traced"
        }
      },
      p
    )
    return {
      ...s,
      phase: { phase: "gradual-contact", step: last.id },
      phaseSince: since,
      contacts: [0, 7].map((d, i) => ({
        id: `ct-${i}`,
        date: new Date(since.getTime() + d * 86_400_000),
        kind: "multi-night" as const,
        nights: 7,
        outcome: "positive" as const,
        phase: { phase: "gradual-contact" as const, step: last.id }
      }))
    }
  }
  const reunify = (d: string, extra: Record<string, unknown> = {}): Cmd =>
    ({ ...env(d), type: "Reunify", placement: { type: "parents", since: at(d), householdId: "HH-1" }, ...extra }) as Cmd
  const codes = (r: Decider.DecideResult) => (r.ok ? [] : r.reasons.map((x) => x.code))
  const safeguards = (d: string) => [...consents(d, ["AG-1"]), conference(d, ["family-reunification"]), agreement(d)]

  it("[PRIM reunification details] Reunify needs the agreement, the case conference and consent; an override does not lift them", () => {
    const s = atLastStep()
    // The child (born 2008-03-01) is 10: no assent needed below childAssentFromAge (12).
    expect(codes(Decider.decide(s, reunify("2018-06-01"), p, at("2018-06-01"))).sort()).toEqual(
      ["agreement-missing", "case-conference-not-held", "no-caregiver-consent"].sort()
    )
    const override = { approvedBy: "mgr-1", justification: "Case conference decision" }
    const withOverride = Decider.decide(s, reunify("2018-06-01", { override }), p, at("2018-06-01"))
    expect(withOverride.ok).toBe(false)
    const ready = applyAll(s, safeguards("2018-06-01"), p)
    const r = Decider.decide(ready, reunify("2018-06-01"), p, at("2018-06-01"))
    expect(r.ok).toBe(true)
  })

  it.each([
    ["2018-05-31", true],
    ["2018-06-01", true]
  ])("[PRIM reunification details] an agreement signed on %s, before or on the return day, counts", (d, ok) => {
    const s = applyAll(
      atLastStep(),
      [...consents("2018-05-30", ["AG-1"]), conference("2018-05-30", ["family-reunification"]), agreement(d)],
      p
    )
    expect(Decider.decide(s, reunify("2018-06-01"), p, at("2018-06-01")).ok).toBe(ok)
  })

  it("[PRIM reunification details] an agreement dated after the return does not count; a missing witness or signature blocks", () => {
    const base = applyAll(
      atLastStep(),
      [...consents("2018-05-30", ["AG-1"]), conference("2018-05-30", ["family-reunification"])],
      p
    )
    // Recorded on 2018-06-02 for a return placed on 2018-06-01.
    const after = apply(base, agreement("2018-06-02"), p)
    const late = Decider.decide(
      after,
      { ...reunify("2018-06-02"), placement: { type: "parents", since: at("2018-06-01"), householdId: "HH-1" } } as Cmd,
      p,
      at("2018-06-02")
    )
    expect(codes(late)).toEqual(["agreement-after-return"])
    const noChief = apply(
      base,
      agreement("2018-06-01", { witnesses: [{ role: "government-official", id: "go-1" }] }),
      p
    )
    expect(codes(Decider.decide(noChief, reunify("2018-06-01"), p, at("2018-06-01")))).toEqual([
      "agreement-not-witnessed"
    ])
    const noCaregiver = apply(base, agreementWithout("2018-06-01", "caregiverId"), p)
    expect(codes(Decider.decide(noCaregiver, reunify("2018-06-01"), p, at("2018-06-01")))).toEqual([
      "agreement-caregiver-not-signed"
    ])
    // The child (born 2008-03-01) is 10: under childAssentFromAge (12) the child's signature is not required.
    const noChild = apply(base, agreement("2018-06-01", { childSigned: false }), p)
    expect(Decider.decide(noChild, reunify("2018-06-01"), p, at("2018-06-01")).ok).toBe(true)
  })

  it("[PRIM conference triggers] a case conference held before the current episode does not count", () => {
    let s = applyAll(atLastStep(), [...consents("2018-05-30", ["AG-1"]), agreement("2018-06-01")], p)
    s = { ...s, conferences: [{ id: "old", date: at("2017-12-01"), reasons: ["family-reunification"] }] }
    expect(codes(Decider.decide(s, reunify("2018-06-01"), p, at("2018-06-01")))).toEqual(["case-conference-not-held"])
  })

  it("[HR-consent-scope] Transfer and Refer share information: consent for information-sharing with that agency, and a conference for a transfer", () => {
    const s = apply(Decider.initial("c1"), openCase("2018-01-01"), p)
    const transfer: Cmd = { ...env("2018-01-05"), type: "Transfer", toAgencyId: "AG-2" }
    const refer: Cmd = { ...env("2018-01-05"), type: "Refer", referralId: "ref-1", toAgencyId: "AG-3" }
    expect(codes(Decider.decide(s, transfer, p, at("2018-01-05"))).sort()).toEqual(
      ["case-conference-not-held", "no-caregiver-consent"].sort()
    )
    expect(codes(Decider.decide(s, refer, p, at("2018-01-05")))).toEqual(["no-caregiver-consent"])
    // Consent for AG-1 only does not cover AG-2 or AG-3.
    const ag1 = applyAll(s, consents("2018-01-02", ["AG-1"]), p)
    expect(Decider.decide(ag1, refer, p, at("2018-01-05")).ok).toBe(false)
    const ok = applyAll(
      s,
      [...consents("2018-01-02", ["AG-1", "AG-2", "AG-3"]), conference("2018-01-03", ["relocation-or-transfer"])],
      p
    )
    expect(Decider.decide(ok, refer, p, at("2018-01-05")).ok).toBe(true)
    expect(Decider.decide(ok, transfer, p, at("2018-01-05")).ok).toBe(true)
    // A withdrawn consent no longer covers.
    const withdrawn = apply(
      ok,
      { ...env("2018-01-04"), type: "WithdrawConsent", consentId: "cons-caregiver-consent" },
      p
    )
    expect(codes(Decider.decide(withdrawn, transfer, p, at("2018-01-05")))).toEqual(["no-caregiver-consent"])
  })

  it.each([
    [11, true],
    [12, false]
  ])("[HD-assent-age] a child aged %i: a referral without the child's assent is accepted %s", (age, ok) => {
    const opened = apply(
      Decider.initial("c1"),
      {
        ...openCase("2018-01-01"),
        child: {
          id: "CH-1",
          birth: { date: at(`${2018 - age}-01-01`), estimated: false },
          sex: "female",
          school: "enrolled"
        }
      } as Cmd,
      p
    )
    const caregiverOnly = apply(opened, consents("2018-01-02", ["AG-3"])[0]!, p)
    const r = Decider.decide(
      caregiverOnly,
      { ...env("2018-01-05"), type: "Refer", referralId: "r1", toAgencyId: "AG-3" },
      p,
      at("2018-01-05")
    )
    expect(r.ok).toBe(ok)
    if (!r.ok) expect(codes(r)).toEqual(["no-child-assent"])
  })

  it("[seed: Aziza's Place] supported independent living needs the youth's work or study", () => {
    const youth = {
      ...atLastStep(),
      child: {
        id: "CH-1",
        birth: { date: at("2000-01-01"), estimated: false },
        sex: "female" as const,
        school: "graduated" as const
      }
    }
    const s = applyAll(
      youth,
      [
        ...consents("2018-05-30", ["AG-1"]),
        conference("2018-05-30", ["placement-in-alternative-care"]),
        agreement("2018-06-01")
      ],
      p
    )
    const alone: Cmd = {
      ...env("2018-06-01"),
      type: "Reunify",
      placement: { type: "independent-living", since: at("2018-06-01") }
    }
    expect(codes(Decider.decide(s, alone, p, at("2018-06-01")))).toEqual(["independent-living-work-or-study-missing"])
    const studyOnly = apply(
      s,
      {
        ...env("2018-05-31"),
        type: "RecordActivity",
        activity: { date: at("2018-05-31"), work: "none", study: "higher-education", finishedSecondarySchool: true }
      },
      p
    )
    // A high-school graduate must work at least part-time (Aziza's Place), even while studying.
    expect(codes(Decider.decide(studyOnly, alone, p, at("2018-06-01")))).toEqual([
      "independent-living-work-or-study-missing"
    ])
    const works = apply(
      s,
      {
        ...env("2018-05-31"),
        type: "RecordActivity",
        activity: {
          date: at("2018-05-31"),
          work: "part-time",
          study: "higher-education",
          finishedSecondarySchool: true
        }
      },
      p
    )
    expect(Decider.decide(works, alone, p, at("2018-06-01")).ok).toBe(true)
  })

  it("[UNGL ¶22] a child under 3 is placed in residential care only under an exception in force on the placement day", () => {
    const baby = apply(
      Decider.initial("c1"),
      {
        ...openCase("2018-01-01"),
        child: {
          id: "CH-1",
          birth: { date: at("2016-06-01"), estimated: false },
          sex: "female",
          school: "not-school-age"
        }
      } as Cmd,
      p
    )
    const place = (d: string): Cmd => ({
      ...env(d),
      type: "Place",
      placement: { type: "other-residential", since: at(d), institutionId: "RCI-2" }
    })
    expect(codes(Decider.decide(baby, place("2018-02-01"), p, at("2018-02-01")))).toEqual([
      "under-residential-care-age"
    ])
    const excepted = apply(
      baby,
      {
        ...env("2018-01-20"),
        type: "RecordCareException",
        exception: {
          id: "exc-1",
          kind: "emergency",
          justification: "Emergency placement after the caregiver's hospitalisation",
          from: at("2018-01-20"),
          endsOn: at("2018-02-20"),
          approvedBy: "mgr-1"
        }
      },
      p
    )
    expect(Decider.decide(excepted, place("2018-02-20"), p, at("2018-02-20")).ok).toBe(true)
    expect(codes(Decider.decide(excepted, place("2018-02-21"), p, at("2018-02-21")))).toEqual([
      "under-residential-care-age"
    ])
    // On the third birthday the rule no longer applies.
    expect(Decider.decide(baby, place("2019-06-01"), p, at("2019-06-01")).ok).toBe(true)
  })

  test.prop([Arbitraries.lifecycle(), Arbitraries.scenario({ maxLength: 60 })], { numRuns: 40 })(
    "an accepted Reunify, Transfer or Refer always had its consent (and, for a return, its agreement and conference) on its day",
    (life, random) => {
      for (const sc of [life, random]) {
        for (const { before, command, result } of run(sc).steps) {
          if (!result.ok) continue
          const on = command.occurredOn
          if (command.type === "Transfer" || command.type === "Refer")
            expect(
              Consent.consentCovers(before, sc.profile, on, "information-sharing", command.toAgencyId).outcome.covered
            ).toBe(true)
          if (command.type === "Reunify") {
            expect(Consent.consentCovers(before, sc.profile, on, "services", before.agencyId!).outcome.covered).toBe(
              true
            )
            expect(Reunification.reunificationChecks(before, sc.profile, on, command.placement).outcome.ready).toBe(
              true
            )
          }
        }
      }
    }
  )
})

describe("Decider refuses what it cannot decide (issue 14, item 16)", () => {
  const p = Profiles.cambodiaMosvy
  const s = apply(Decider.initial("c1"), openCase("2018-01-01"), p)

  it("decide(state, {}) is a clear refusal, never undefined", () => {
    for (const junk of [
      {},
      { type: "Nope" },
      { type: "Reunify" },
      { type: "Close", actor },
      null,
      undefined,
      42,
      "Close"
    ]) {
      const r = Decider.decide(s, junk as unknown as Cmd, p, at("2018-02-01"))
      expect(r).toBeDefined()
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.reasons.map((x) => x.code)).toEqual(["malformed-command"])
    }
  })

  it("a malformed command's refusal names the path, never the value", () => {
    const r = Decider.decide(
      s,
      { ...env("2018-02-01"), type: "Refer", referralId: "Sokha Chan", toAgencyId: "AG-2" } as unknown as Cmd,
      p,
      at("2018-02-01")
    )
    expect(r.ok).toBe(false)
    expect(JSON.stringify(r)).not.toContain("Sokha")
  })

  it("an Invalid Date as asOf is refused, for every command", () => {
    const r = Decider.decide(
      s,
      { ...env("2018-02-01"), type: "AssignWorker", socialWorkerId: "sw-2" },
      p,
      new Date("x")
    )
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reasons.map((x) => x.code)).toEqual(["invalid-as-of"])
    const eff = Effect.runSyncExit(
      Decider.decideEffect(
        s,
        { ...env("2018-02-01"), type: "AssignWorker", socialWorkerId: "sw-2" },
        p,
        new Date(Number.NaN)
      )
    )
    expect(Exit.isFailure(eff)).toBe(true)
  })

  test.prop([fc.anything(), fc.oneof(fc.date({ noInvalidDate: false }), fc.constant(new Date(Number.NaN)))], {
    numRuns: 300
  })("decide never throws and never returns undefined, whatever the command and day", (junk, asOf) => {
    const r = Decider.decide(s, junk as Cmd, p, asOf)
    expect(typeof r.ok).toBe("boolean")
    if (!r.ok) expect(r.reasons.length).toBeGreaterThan(0)
  })
})
