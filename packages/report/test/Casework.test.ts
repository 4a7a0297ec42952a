import { type CaseEvent, CaseState, Decider, Profiles } from "@homeward/core"
import { describe, expect, it } from "vitest"
import * as Casework from "../src/Casework.js"

const P = Profiles.cambodiaMosvy
const at = (d: string) => new Date(`${d}T00:00:00Z`)
type Cmd = Decider.Command
const env = (d: string, id = "sw-1") => ({
  actor: { id, role: "social-worker" as const },
  recordedAt: new Date(`${d}T09:00:00Z`),
  occurredOn: at(d)
})
const open = (d: string, agencyId: string, socialWorkerId: string): Cmd => ({
  ...env(d, socialWorkerId),
  type: "OpenCase",
  child: {
    id: "CH",
    givenName: "Dara",
    birth: { date: at("2010-01-01"), estimated: false },
    sex: "male",
    school: "enrolled"
  },
  institutionId: "RCI-1",
  agencyId,
  socialWorkerId,
  admissionReasons: ["poverty"],
  placement: { type: "residential-care", since: at(d), institutionId: "RCI-1" }
})
const consent = (d: string, agencies: ReadonlyArray<string>): Cmd => ({
  ...env(d),
  type: "RecordConsent",
  consent: {
    id: `c-${d}`,
    kind: "caregiver-consent",
    givenBy: "HH-1-m1",
    purposes: ["information-sharing"],
    agencies: [...agencies],
    givenOn: at(d)
  }
})
const play = (caseId: string, cmds: ReadonlyArray<Cmd>): Array<CaseEvent.CaseEvent> => {
  let s = CaseState.initial(caseId)
  const out: Array<CaseEvent.CaseEvent> = []
  for (const c of cmds) {
    const r = Decider.decide(s, c, P, c.occurredOn!)
    if (!r.ok) throw new Error(`${c.type}: ${r.reasons.map((x) => x.code).join()}`)
    out.push(...r.events)
    s = r.events.reduce(CaseState.evolve, s)
  }
  return out
}
const events = [
  ...play("k1", [
    open("2018-01-01", "AG-1", "sw-1"),
    consent("2018-01-02", ["LIV-1", "EDU-1", "AG-2"]),
    {
      ...env("2018-01-03"),
      type: "RecordCaseConference",
      conference: { id: "cf", date: at("2018-01-03"), reasons: ["relocation-or-transfer"] }
    },
    {
      ...env("2018-01-10"),
      type: "Refer",
      referralId: "r1",
      toAgencyId: "LIV-1",
      serviceType: "livelihood",
      dueOn: at("2018-02-28")
    },
    { ...env("2018-01-10"), type: "Refer", referralId: "r2", toAgencyId: "EDU-1", serviceType: "education" },
    { ...env("2018-01-12", "liv-1"), type: "AcceptReferral", referralId: "r1" },
    { ...env("2018-01-12", "edu-1"), type: "DeclineReferral", referralId: "r2", declineReason: "no-capacity" },
    { ...env("2018-02-01"), type: "RequestApproval", approvalId: "ap-1", step: "closure" },
    { ...env("2018-02-02"), type: "RequestTransfer", transferId: "t-1", toAgencyId: "AG-2" }
  ]),
  ...play("k2", [
    open("2018-01-01", "AG-3", "sw-5"),
    { ...env("2018-02-15", "sw-5"), type: "RequestApproval", approvalId: "ap-9", step: "reunification" }
  ])
]

describe("Casework report", () => {
  it("counts referrals by service and status on the day (overdue after the due date), lists pending approvals and transfers", () => {
    const r = Casework.casework({ events, asOf: at("2018-03-01") })
    expect(r.referrals).toEqual([
      { service: "education", status: "declined", count: 1 },
      { service: "livelihood", status: "overdue", count: 1 }
    ])
    expect(r.pendingApprovals).toEqual([
      { caseId: "k1", approvalId: "ap-1", step: "closure", requestedOn: "2018-02-01", waitingDays: 28 },
      { caseId: "k2", approvalId: "ap-9", step: "reunification", requestedOn: "2018-02-15", waitingDays: 14 }
    ])
    expect(r.transfers).toEqual({
      pending: [
        { caseId: "k1", transferId: "t-1", fromAgencyId: "AG-1", toAgencyId: "AG-2", requestedOn: "2018-02-02" }
      ],
      accepted: 0,
      rejected: 0
    })
    // On the due date itself the referral is not yet overdue.
    expect(Casework.casework({ events, asOf: at("2018-02-28") }).referrals).toContainEqual({
      service: "livelihood",
      status: "accepted",
      count: 1
    })
    // Folded up to asOf: nothing that happened later.
    const early = Casework.casework({ events, asOf: at("2018-01-11") })
    expect(early.referrals.map((x) => x.status)).toEqual(["pending", "pending"])
    expect(early.pendingApprovals).toEqual([])
  })
  it("[HR-access] built only from what the viewer may see", () => {
    const sup = Casework.casework({
      events,
      asOf: at("2018-03-01"),
      viewer: { id: "sup-1", role: "supervisor", agencyId: "AG-1", supervises: ["sw-1"] }
    })
    expect(sup.pendingApprovals.map((x) => x.caseId)).toEqual(["k1"])
    const researcher = Casework.casework({
      events,
      asOf: at("2018-03-01"),
      viewer: { id: "r", role: "researcher", agencyId: "U" }
    })
    // The due date is hidden from a researcher: the referral counts as accepted, never overdue; no ids are listed.
    expect(researcher.referrals).toContainEqual({ service: "livelihood", status: "accepted", count: 1 })
    expect(researcher.pendingApprovals).toEqual([])
    expect(researcher.transfers.pending).toEqual([])
    expect(JSON.stringify(researcher)).not.toMatch(/k1|k2|Dara/)
    const outsider = Casework.casework({
      events,
      asOf: at("2018-03-01"),
      viewer: { id: "p", role: "partner-agency", agencyId: "AG-9" }
    })
    expect(outsider.referrals).toEqual([])
  })
  it("refuses states folded past the report day", () => {
    const s = CaseState.replay(
      "k1",
      events.filter((e) => e.caseId === "k1")
    )
    expect(() => Casework.casework({ cases: [s], asOf: at("2018-01-05") })).toThrow(RangeError)
  })
})
