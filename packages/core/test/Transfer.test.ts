import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { Decider, Profiles, Transfer } from "../src/index.js"
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
  withApprovals
} from "./casework.js"

const P = Profiles.cambodiaMosvy
const opened = () => apply(Decider.initial("c1"), openCase("2018-01-01"), P)
const ready = () =>
  applyAll(
    opened(),
    [
      ...consents("2018-01-02", ["AG-2"], ["information-sharing"]),
      conference("2018-01-03", ["relocation-or-transfer"])
    ],
    P
  )
const request = (d: string, extra: Partial<Extract<Cmd, { type: "RequestTransfer" }>> = {}): Cmd => ({
  ...env(d),
  type: "RequestTransfer",
  transferId: "t-1",
  toAgencyId: "AG-2",
  toSocialWorkerId: "sw-9",
  ...extra
})
const receiver = { id: "sw-9", role: "social-worker" } as const
const accept = (d: string, transferId = "t-1"): Cmd => ({ ...env(d, receiver), type: "AcceptTransfer", transferId })

describe("Transfer: requested, then accepted or rejected by the receiving side", () => {
  it("[HR-consent-scope] a transfer to another agency needs consent for information-sharing with it (and its conference)", () => {
    const r = Decider.decide(opened(), request("2018-01-05"), P, at("2018-01-05"))
    expect(codes(r).sort()).toEqual(["case-conference-not-held", "no-caregiver-consent"])
    if (!r.ok)
      expect(r.reasons.find((x) => x.code === "no-caregiver-consent")?.details).toMatchObject({
        recordPurpose: "information-sharing",
        recordAgency: "AG-2"
      })
    expect(Decider.decide(ready(), request("2018-01-05"), P, at("2018-01-05")).ok).toBe(true)
  })
  it("ownership changes only on acceptance", () => {
    const s = apply(ready(), request("2018-01-05"), P)
    expect(s.agencyId).toBe("AG-1")
    expect(s.socialWorkerId).toBe("sw-1")
    expect(Transfer.pendingTransfer(s)).toMatchObject({ id: "t-1", fromAgencyId: "AG-1", toAgencyId: "AG-2" })
    const accepted = apply(s, accept("2018-01-08"), P)
    expect(accepted.agencyId).toBe("AG-2")
    expect(accepted.socialWorkerId).toBe("sw-9")
    expect(accepted.phase.phase).toBe("transferred")
    expect(accepted.transfers).toBe(1)
    expect(Transfer.pendingTransfer(accepted)).toBeUndefined()
    const rejected = apply(
      s,
      { ...env("2018-01-08", receiver), type: "RejectTransfer", transferId: "t-1", rejectReason: "no-capacity" },
      P
    )
    expect(rejected.agencyId).toBe("AG-1")
    expect(rejected.socialWorkerId).toBe("sw-1")
    expect(rejected.transferRequests[0]).toMatchObject({ status: "rejected", rejectReason: "no-capacity" })
  })
  it("[HR-consent-scope] consent withdrawn before acceptance: the acceptance is refused", () => {
    const s = applyAll(
      ready(),
      [
        request("2018-01-05"),
        { ...env("2018-01-06"), type: "WithdrawConsent", consentId: "cons-caregiver-consent-2018-01-02" }
      ],
      P
    )
    expect(codes(Decider.decide(s, accept("2018-01-08"), P, at("2018-01-08")))).toEqual(["no-caregiver-consent"])
  })
  it("a transfer to another worker of the same agency needs no consent and keeps the case in its phase", () => {
    const s = apply(opened(), request("2018-01-05", { toAgencyId: "AG-1", toSocialWorkerId: "sw-2" }), P)
    const accepted = apply(s, { ...accept("2018-01-06"), actor: { id: "sw-2", role: "social-worker" } }, P)
    expect(accepted.agencyId).toBe("AG-1")
    expect(accepted.socialWorkerId).toBe("sw-2")
    expect(accepted.phase.phase).toBe("intake")
    expect(
      codes(
        Decider.decide(
          opened(),
          request("2018-01-05", { toAgencyId: "AG-1", toSocialWorkerId: "sw-1" }),
          P,
          at("2018-01-05")
        )
      )
    ).toEqual(["same-owner"])
  })
  it("one pending transfer at a time; answers need a pending request dated on or before them", () => {
    const s = apply(ready(), request("2018-01-05"), P)
    expect(codes(Decider.decide(s, request("2018-01-06", { transferId: "t-2" }), P, at("2018-01-06")))).toEqual([
      "transfer-pending"
    ])
    expect(codes(Decider.decide(s, request("2018-01-06"), P, at("2018-01-06")))).toEqual(["duplicate-id"])
    expect(codes(Decider.decide(s, accept("2018-01-04"), P, at("2018-01-06")))).toEqual(["dated-before-request"])
    expect(Decider.decide(s, accept("2018-01-05"), P, at("2018-01-06")).ok).toBe(true)
    const done = apply(s, accept("2018-01-05"), P)
    expect(codes(Decider.decide(done, accept("2018-01-06"), P, at("2018-01-06")))).toEqual(["transfer-not-pending"])
    expect(codes(Decider.decide(ready(), accept("2018-01-06", "zz"), P, at("2018-01-06")))).toEqual([
      "unknown-transfer"
    ])
  })
  it("[PRIMERO] a programme that gates transfers needs the supervisor's approval of this transfer", () => {
    const G = withApprovals([{ step: "transfer", approverRoles: ["supervisor"] }])
    const base = applyAll(
      Decider.initial("c1"),
      [
        openCase("2018-01-01"),
        ...consents("2018-01-02", ["AG-2"]),
        conference("2018-01-03", ["relocation-or-transfer"])
      ],
      G
    )
    expect(codes(Decider.decide(base, request("2018-01-05"), G, at("2018-01-05")))).toEqual(["approval-missing"])
    const approved = applyAll(
      base,
      [
        { ...env("2018-01-04"), type: "RequestApproval", approvalId: "ap-t", step: "transfer", subjectId: "t-1" },
        { ...env("2018-01-04", supervisor), type: "Approve", approvalId: "ap-t" }
      ],
      G
    )
    expect(Decider.decide(approved, request("2018-01-05"), G, at("2018-01-05")).ok).toBe(true)
  })
})

describe("Transfer.pendingTransfers: both sides see a pending transfer", () => {
  it("outgoing for the sending agency, incoming for the receiving one", () => {
    const s = apply(ready(), request("2018-01-05"), P)
    const other = opened()
    expect(Transfer.pendingTransfers([s, { ...other, caseId: "c2" }], "AG-1").outgoing.map((x) => x.caseId)).toEqual([
      "c1"
    ])
    expect(Transfer.pendingTransfers([s], "AG-2").incoming.map((x) => x.caseId)).toEqual(["c1"])
    expect(Transfer.pendingTransfers([s], "AG-2").outgoing).toEqual([])
    expect(Transfer.pendingTransfers([apply(s, accept("2018-01-06"), P)], "AG-2").incoming).toEqual([])
  })
  const arbCmd = fc.record({
    kind: fc.constantFrom("request", "accept", "reject"),
    to: fc.constantFrom("AG-1", "AG-2"),
    worker: fc.constantFrom("sw-1", "sw-2", "sw-9"),
    id: fc.constantFrom("t-1", "t-2"),
    day: fc.integer({ min: 5, max: 15 })
  })
  test.prop([fc.array(arbCmd, { maxLength: 12 })], { numRuns: 200 })(
    "[HR-consent-scope] ownership changes only through an accepted transfer, and only to its target",
    (cmds) => {
      let s = ready()
      for (const c of cmds) {
        const d = `2018-01-${String(c.day).padStart(2, "0")}`
        const cmd: Cmd =
          c.kind === "request"
            ? request(d, { transferId: c.id, toAgencyId: c.to, toSocialWorkerId: c.worker })
            : c.kind === "accept"
              ? accept(d, c.id)
              : { ...env(d, receiver), type: "RejectTransfer", transferId: c.id, rejectReason: "other" }
        const r = Decider.decide(s, cmd, P, at("2018-01-20"))
        if (!r.ok) continue
        const before = s
        s = r.events.reduce(Decider.evolve, s)
        if (s.agencyId !== before.agencyId || s.socialWorkerId !== before.socialWorkerId) {
          expect(r.events.map((e) => e.type)).toEqual(["TransferAccepted"])
          const t = before.transferRequests.find((x) => x.id === (cmd as { transferId: string }).transferId)!
          expect(t.status).toBe("pending")
          expect(s.agencyId).toBe(t.toAgencyId)
          if (t.toSocialWorkerId !== undefined) expect(s.socialWorkerId).toBe(t.toSocialWorkerId)
        }
        if (s.phase.phase === "transferred") break
      }
    }
  )
})
