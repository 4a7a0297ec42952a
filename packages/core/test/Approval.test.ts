import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Approval, type CaseEvent, type CaseState, Decider, PolicyProfile, Profiles } from "../src/index.js"
import {
  apply,
  applyAll,
  at,
  type Cmd,
  codes,
  conference,
  consents,
  env,
  openCase,
  supervisor,
  withApprovals,
  worker
} from "./casework.js"

const P = withApprovals()
const opened = () => apply(Decider.initial("c1"), openCase("2018-01-01"), P)
const request = (d: string, id = "ap-1", step: Approval.ApprovalStep = "closure", subjectId?: string): Cmd => ({
  ...env(d),
  type: "RequestApproval",
  approvalId: id,
  step,
  ...(subjectId === undefined ? {} : { subjectId })
})
const approve = (d: string, actor: Cmd["actor"] = supervisor, id = "ap-1"): Cmd => ({
  ...env(d, actor),
  type: "Approve",
  approvalId: id,
  comment: "Seen the file"
})
const close = (d: string): Cmd => ({ ...env(d), type: "Close", closureReason: "moved-cannot-be-found" })

describe("Approval: profile data", () => {
  it("[HD-approval-gates] the built-in profiles gate no step; a profile without the group decodes with none", () => {
    for (const p of Object.values(Profiles.builtIn)) {
      expect(p.parameters.approvals.required.value).toEqual([])
      expect(p.parameters.approvals.required.source.key).toBe("HD-approval-gates")
    }
    const s = opened()
    expect(Decider.decide(s, close("2018-02-01"), Profiles.cambodiaMosvy, at("2018-02-01")).ok).toBe(true)
  })
  it("[HD-approval-gates] a profile JSON written before the approvals group decodes, with no step gated", () => {
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(PolicyProfile.PolicyProfile)(Profiles.azizasPlace)))
    delete json.parameters.approvals
    const r = PolicyProfile.decodeProfile(json)
    expect(Result.isSuccess(r)).toBe(true)
    if (Result.isSuccess(r)) expect(r.success.parameters.approvals.required.value).toEqual([])
    const bad = JSON.parse(JSON.stringify(Schema.encodeSync(PolicyProfile.PolicyProfile)(P)))
    bad.parameters.approvals.required.value = [{ step: "closure", approverRoles: [] }]
    expect(Result.isFailure(PolicyProfile.decodeProfile(bad))).toBe(true)
  })
  it("[PRIMERO] a programme's approval rules say which step needs which roles", () => {
    expect(Approval.requiredApprovers("closure", P, at("2018-02-01"))).toEqual(["supervisor", "manager"])
    expect(Approval.requiredApprovers("reunification", P, at("2018-02-01"))).toEqual(["supervisor"])
    expect(Approval.requiredApprovers("closure", withApprovals([]), at("2018-02-01"))).toBeUndefined()
  })
})

describe("Approval: the decider refuses a gated step without a valid approval", () => {
  it("[PRIMERO] no approval: Close is refused, naming the roles that may approve", () => {
    const r = Decider.decide(opened(), close("2018-02-01"), P, at("2018-02-01"))
    expect(codes(r)).toEqual(["approval-missing"])
    if (!r.ok) {
      expect(r.reasons[0]?.details?.["approverRoles"]).toBe("supervisor,manager")
      expect(r.reasons[0]?.source.key).toBe("PRIMERO")
    }
  })
  it("[HR-approvals] a pending or rejected request does not count; an approval by a supervisor does", () => {
    const pending = apply(opened(), request("2018-02-01"), P)
    expect(codes(Decider.decide(pending, close("2018-02-02"), P, at("2018-02-02")))).toEqual(["approval-missing"])
    const rejected = apply(
      pending,
      { ...env("2018-02-02", supervisor), type: "RejectApproval", approvalId: "ap-1", comment: "Not yet" },
      P
    )
    expect(rejected.approvals["ap-1"]?.status).toBe("rejected")
    expect(codes(Decider.decide(rejected, close("2018-02-03"), P, at("2018-02-03")))).toEqual(["approval-missing"])
    const approved = apply(pending, approve("2018-02-02"), P)
    const r = Decider.decide(approved, close("2018-02-03"), P, at("2018-02-03"))
    expect(r.ok).toBe(true)
  })
  it("[HR-approvals] the requester cannot approve their own request, even as a supervisor", () => {
    const s = apply(opened(), { ...request("2018-02-01"), actor: supervisor }, P)
    expect(codes(Decider.decide(s, approve("2018-02-01"), P, at("2018-02-01")))).toEqual(["approval-by-requester"])
    const s2 = apply(opened(), request("2018-02-01"), P)
    expect(codes(Decider.decide(s2, approve("2018-02-01", worker), P, at("2018-02-01")))).toEqual([
      "approval-by-requester"
    ])
  })
  it("[PRIMERO] only a role the profile lists may approve", () => {
    const s = apply(opened(), request("2018-02-01"), P)
    const other = { id: "sw-2", role: "social-worker" } as const
    expect(codes(Decider.decide(s, approve("2018-02-01", other), P, at("2018-02-01")))).toEqual([
      "approver-role-not-allowed"
    ])
    const manager = { id: "m-1", role: "manager" } as const
    expect(Decider.decide(s, approve("2018-02-01", manager), P, at("2018-02-01")).ok).toBe(true)
  })
  it.each([
    ["2018-02-09", false],
    ["2018-02-10", true],
    ["2018-02-11", true]
  ])("[HR-approvals] an approval dated %s for a request of 2018-02-10: accepted %s", (d, ok) => {
    const s = apply(opened(), request("2018-02-10"), P)
    const r = Decider.decide(s, approve(d), P, at("2018-02-11"))
    expect(r.ok).toBe(ok)
    if (!ok) expect(codes(r)).toEqual(["approval-before-request"])
  })
  it("[HR-approvals] an approval answered once cannot be answered again", () => {
    const s = applyAll(opened(), [request("2018-02-01"), approve("2018-02-02")], P)
    expect(
      codes(Decider.decide(s, approve("2018-02-03", { id: "m-1", role: "manager" }), P, at("2018-02-03")))
    ).toEqual(["approval-already-decided"])
    expect(codes(Decider.decide(s, request("2018-02-03"), P, at("2018-02-03")))).toEqual(["duplicate-id"])
  })

  it("[HR-approvals] attacker: events appended without the decider (self-approval, approval dated before its request) never open the gate", () => {
    const s = apply(opened(), request("2018-02-10"), P)
    const base = {
      caseId: "c1",
      recordedAt: at("2018-02-12"),
      approvalId: "ap-1"
    }
    const selfApproved = Decider.evolve(s, {
      ...base,
      type: "ApprovalGranted",
      eventId: "c1#9",
      occurredOn: at("2018-02-11"),
      actor: { id: "sw-1", role: "supervisor" }
    } as CaseEvent.CaseEvent)
    const r1 = Decider.decide(selfApproved, close("2018-02-12"), P, at("2018-02-12"))
    expect(codes(r1)).toEqual(["approval-missing"])
    if (!r1.ok) expect(r1.reasons.some((x) => x.details?.["problem"] === "approved-by-requester")).toBe(false)
    const d = Approval.approvalCheck(selfApproved, P, at("2018-02-12"), { step: "closure" })
    expect(d.reasons.map((x) => x.code)).toContain("approval-approved-by-requester")
    const early = Decider.evolve(s, {
      ...base,
      type: "ApprovalGranted",
      eventId: "c1#9",
      occurredOn: at("2018-02-09"),
      actor: supervisor
    } as CaseEvent.CaseEvent)
    expect(codes(Decider.decide(early, close("2018-02-12"), P, at("2018-02-12")))).toEqual(["approval-missing"])
    expect(
      Approval.approvalCheck(early, P, at("2018-02-12"), { step: "closure" }).reasons.map((x) => x.code)
    ).toContain("approval-approved-before-request")
  })

  it("[HR-approvals] an approval counts for the phase it was requested in, not after the case moved on", () => {
    const s = applyAll(opened(), [request("2018-01-05"), approve("2018-01-06")], P)
    expect(Decider.decide(s, close("2018-01-07"), P, at("2018-01-07")).ok).toBe(true)
    const moved = apply(s, { ...env("2018-01-08"), type: "Advance" }, P)
    expect(moved.phase.phase).toBe("assessment")
    const d = Approval.approvalCheck(moved, P, at("2018-01-09"), { step: "closure" })
    expect(d.outcome.approved).toBe(false)
    expect(d.reasons.map((x) => x.code)).toContain("approval-requested-before-current-phase")
  })
})

describe("Approval: an approval dated before the thing it approves does not count", () => {
  const p = P
  const bid = (d: string): Cmd => ({
    ...env(d),
    type: "DetermineBestInterest",
    determination: {
      id: `bid-${d}`,
      date: at(d),
      panel: [{ memberId: "sw-1", role: "social-worker" }],
      childViewsConsidered: true,
      familyViewsConsidered: true,
      optionsConsidered: ["reunification"],
      recommendation: "reunification",
      placementType: "parents",
      householdId: "HH-1"
    }
  })
  const ready = (): CaseState.CaseState => {
    const steps = p.parameters.phases.contactSteps.value
    const last = steps[steps.length - 1]!
    const since = at("2018-05-18")
    let s = opened()
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
    s = {
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
    return applyAll(
      s,
      [
        ...consents("2018-05-30", ["AG-1"]),
        conference("2018-05-30", ["family-reunification"]),
        {
          ...env("2018-05-30"),
          type: "RecordAgreement",
          agreement: {
            id: "ag-1",
            date: at("2018-05-30"),
            householdId: "HH-1",
            caregiverId: "HH-1-m1",
            caseworkerId: "sw-1",
            childSigned: true,
            witnesses: [
              { role: "government-official", id: "go-1" },
              { role: "commune-chief", id: "cc-1" }
            ]
          }
        },
        request("2018-05-25", "ap-r", "reunification")
      ],
      p
    )
  }
  const reunify = (d: string): Cmd => ({
    ...env(d),
    type: "Reunify",
    placement: { type: "parents", since: at(d), householdId: "HH-1" }
  })
  it.each([
    ["2018-05-27", false],
    ["2018-05-28", true],
    ["2018-05-29", true]
  ])(
    "[HR-approvals] a return approved on %s, after a best-interest determination of 2018-05-28: counts %s",
    (d, ok) => {
      let s = ready()
      s = apply(s, approve(d, supervisor, "ap-r"), p)
      s = apply(s, bid("2018-05-28"), p)
      const r = Decider.decide(s, reunify("2018-06-01"), p, at("2018-06-01"))
      if (ok) expect(codes(r)).not.toContain("approval-missing")
      else expect(codes(r)).toContain("approval-missing")
      const check = Approval.approvalCheck(s, p, at("2018-06-01"), { step: "reunification" })
      expect(check.outcome.approved).toBe(ok)
      if (!ok) expect(check.reasons.map((x) => x.code)).toContain("approval-approved-before-subject")
    }
  )
  it("[HR-approvals] with its approval the return goes ahead; without one it is refused", () => {
    const without = ready()
    expect(codes(Decider.decide(without, reunify("2018-06-01"), p, at("2018-06-01")))).toEqual(["approval-missing"])
    const approved = apply(without, approve("2018-05-31", supervisor, "ap-r"), p)
    expect(Decider.decide(approved, reunify("2018-06-01"), p, at("2018-06-01")).ok).toBe(true)
  })
})

describe("Approval: property", () => {
  const actors = [
    worker,
    supervisor,
    { id: "sw-2", role: "social-worker" },
    { id: "m-1", role: "manager" },
    { id: "sup-2", role: "supervisor" }
  ] as const
  const arbStep = fc.record({
    kind: fc.constantFrom("request", "approve", "reject", "close"),
    actor: fc.constantFrom(...actors),
    id: fc.constantFrom("a1", "a2"),
    day: fc.integer({ min: 0, max: 20 })
  })
  test.prop([fc.array(arbStep, { maxLength: 14 })], { numRuns: 300 })(
    "[HR-approvals] whenever Close is accepted, an approval by another person than its requester, by a listed role, on or after its request and in the current phase exists",
    (steps) => {
      let s = opened()
      const day = (n: number) => new Date(at("2018-02-01").getTime() + n * 86_400_000)
      let last = 0
      for (const st of steps) {
        const d = Math.max(last, st.day)
        const iso = day(d).toISOString().slice(0, 10)
        const cmd: Cmd =
          st.kind === "request"
            ? { ...request(iso, st.id), actor: st.actor }
            : st.kind === "approve"
              ? { ...approve(iso, st.actor, st.id) }
              : st.kind === "reject"
                ? { ...env(iso, st.actor), type: "RejectApproval", approvalId: st.id, comment: "no" }
                : close(iso)
        const r = Decider.decide(s, cmd, P, day(d))
        if (r.ok && cmd.type === "Close") {
          const valid = Object.values(s.approvals).some(
            (a) =>
              a.step === "closure" &&
              a.status === "approved" &&
              a.decidedBy !== a.requestedBy &&
              (a.decidedRole === "supervisor" || a.decidedRole === "manager") &&
              a.decidedOn!.getTime() >= a.requestedOn.getTime() &&
              a.decidedOn!.getTime() <= day(d).getTime() &&
              a.requestedOn.getTime() >= s.phaseSince!.getTime()
          )
          expect(valid).toBe(true)
        }
        if (r.ok) {
          s = r.events.reduce(Decider.evolve, s)
          last = d
        }
        if (s.status === "closed") break
      }
    }
  )
})
