import { fc, test } from "@fast-check/vitest"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CaseEvent, Decider, Profiles, Referral } from "../src/index.js"
import { apply, applyAll, at, type Cmd, codes, consents, env, openCase, supervisor, withApprovals } from "./casework.js"

const P = Profiles.cambodiaMosvy
const opened = () => apply(Decider.initial("c1"), openCase("2018-01-01"), P)
const refer = (d: string, extra: Partial<Extract<Cmd, { type: "Refer" }>> = {}): Cmd => ({
  ...env(d),
  type: "Refer",
  referralId: "ref-1",
  toAgencyId: "LIV-1",
  serviceType: "livelihood",
  dueOn: at("2018-03-31"),
  ...extra
})
const withConsent = () => applyAll(opened(), consents("2018-01-02", ["LIV-1"], ["information-sharing"]), P)

describe("Referral: consent before information is shared", () => {
  it("[HR-consent-scope] without consent the referral is refused, saying what to record", () => {
    const r = Decider.decide(opened(), refer("2018-02-01"), P, at("2018-02-01"))
    // The child (born 2008-03-01) is 9: no assent needed below childAssentFromAge (12).
    expect(codes(r)).toEqual(["no-caregiver-consent"])
    if (!r.ok) {
      expect(r.reasons[0]?.details).toMatchObject({
        recordKind: "caregiver-consent",
        recordPurpose: "information-sharing",
        recordAgency: "LIV-1"
      })
      expect(r.reasons[0]?.message).toContain("RecordConsent")
    }
  })
  it("[HD-assent-age] from 12 the child's own assent is needed too, and its absence says so", () => {
    const s = applyAll(opened(), consents("2020-02-01", ["LIV-1"], ["information-sharing"], ["caregiver-consent"]), P)
    const r = Decider.decide(s, refer("2020-03-01", { dueOn: at("2020-04-01") }), P, at("2020-03-01"))
    expect(codes(r)).toEqual(["no-child-assent"])
    if (!r.ok) expect(r.reasons[0]?.details?.["recordKind"]).toBe("child-assent")
    const younger = Decider.decide(s, refer("2020-02-29", { dueOn: at("2020-04-01") }), P, at("2020-02-29"))
    expect(younger.ok).toBe(true)
  })
  it("[HR-consent-scope] consent for another purpose or agency does not cover it", () => {
    const services = applyAll(opened(), consents("2018-01-02", ["LIV-1"], ["services"]), P)
    expect(codes(Decider.decide(services, refer("2018-02-01"), P, at("2018-02-01")))).toEqual(["no-caregiver-consent"])
    const other = applyAll(opened(), consents("2018-01-02", ["EDU-1"], ["information-sharing"]), P)
    expect(codes(Decider.decide(other, refer("2018-02-01"), P, at("2018-02-01")))).toEqual(["no-caregiver-consent"])
    expect(Decider.decide(withConsent(), refer("2018-02-01"), P, at("2018-02-01")).ok).toBe(true)
  })
  it("a referral cannot be due before the day it is made", () => {
    const r = Decider.decide(withConsent(), refer("2018-02-01", { dueOn: at("2018-01-31") }), P, at("2018-02-01"))
    expect(codes(r)).toEqual(["due-before-referral"])
  })
})

describe("Referral: the receiving agency answers", () => {
  const referred = () => apply(withConsent(), refer("2018-02-01"), P)
  const partner = { id: "liv-officer", role: "case-manager" } as const
  const accept = (d: string): Cmd => ({ ...env(d, partner), type: "AcceptReferral", referralId: "ref-1" })
  it("accept, then done", () => {
    let s = apply(referred(), accept("2018-02-05"), P)
    expect(s.referrals[0]?.status).toBe("accepted")
    s = apply(s, { ...env("2018-03-01", partner), type: "CompleteReferral", referralId: "ref-1" }, P)
    expect(s.referrals[0]).toMatchObject({ status: "done", serviceType: "livelihood", statusOn: at("2018-03-01") })
  })
  it("decline with a reason; a declined referral takes no other answer", () => {
    const s = apply(
      referred(),
      { ...env("2018-02-05", partner), type: "DeclineReferral", referralId: "ref-1", declineReason: "out-of-area" },
      P
    )
    expect(s.referrals[0]).toMatchObject({ status: "declined", declineReason: "out-of-area" })
    expect(codes(Decider.decide(s, accept("2018-02-06"), P, at("2018-02-06")))).toEqual(["referral-status"])
    expect(
      codes(
        Decider.decide(s, { ...env("2018-02-06"), type: "CloseReferral", referralId: "ref-1" }, P, at("2018-02-06"))
      )
    ).toEqual(["referral-status"])
  })
  it("a pending referral cannot be done; an unknown one cannot be answered; an answer is not dated before the referral", () => {
    const s = referred()
    expect(
      codes(
        Decider.decide(s, { ...env("2018-02-05"), type: "CompleteReferral", referralId: "ref-1" }, P, at("2018-02-05"))
      )
    ).toEqual(["referral-status"])
    expect(
      codes(
        Decider.decide(s, { ...env("2018-02-05"), type: "AcceptReferral", referralId: "nope" }, P, at("2018-02-05"))
      )
    ).toEqual(["unknown-referral"])
    expect(codes(Decider.decide(s, accept("2018-01-31"), P, at("2018-02-05")))).toEqual(["dated-before-referral"])
    expect(Decider.decide(s, accept("2018-02-01"), P, at("2018-02-05")).ok).toBe(true)
    expect(codes(Decider.decide(s, refer("2018-02-02"), P, at("2018-02-02")))).toEqual(["duplicate-id"])
  })
  it("closed when no longer needed (pending or accepted)", () => {
    const s = apply(referred(), { ...env("2018-02-05"), type: "CloseReferral", referralId: "ref-1" }, P)
    expect(s.referrals[0]?.status).toBe("closed")
  })
  it("[PRIMERO] a programme that gates referrals needs the supervisor's approval of this referral", () => {
    const G = withApprovals([{ step: "referral", approverRoles: ["supervisor"] }])
    const s = applyAll(Decider.initial("c1"), [openCase("2018-01-01"), ...consents("2018-01-02", ["LIV-1"])], G)
    expect(codes(Decider.decide(s, refer("2018-02-01"), G, at("2018-02-01")))).toEqual(["approval-missing"])
    const other = applyAll(
      s,
      [
        { ...env("2018-01-20"), type: "RequestApproval", approvalId: "ap-1", step: "referral", subjectId: "ref-0" },
        { ...env("2018-01-21", supervisor), type: "Approve", approvalId: "ap-1" }
      ],
      G
    )
    expect(codes(Decider.decide(other, refer("2018-02-01"), G, at("2018-02-01")))).toEqual(["approval-missing"])
    const mine = applyAll(
      s,
      [
        { ...env("2018-01-20"), type: "RequestApproval", approvalId: "ap-2", step: "referral", subjectId: "ref-1" },
        { ...env("2018-01-21", supervisor), type: "Approve", approvalId: "ap-2" }
      ],
      G
    )
    expect(Decider.decide(mine, refer("2018-02-01"), G, at("2018-02-01")).ok).toBe(true)
  })
})

describe("Referral.referralStatus: overdue after the due date", () => {
  const r = (status: Referral.ReferralState, dueOn = at("2018-02-28")): Referral.ReferralRecord => ({
    id: "r",
    toAgencyId: "A",
    on: at("2018-02-01"),
    dueOn,
    status
  })
  it.each([
    ["2018-02-27", "pending"],
    ["2018-02-28", "pending"],
    ["2018-03-01", "overdue"]
  ])("[HR-case-lifecycle] due 2018-02-28 (month end), pending on %s: %s", (d, expected) => {
    expect(Referral.referralStatus(r("pending"), at(d))).toBe(expected)
  })
  it.each([
    ["2020-02-28", "accepted"],
    ["2020-02-29", "accepted"],
    ["2020-03-01", "overdue"]
  ])("due 29 Feb 2020, accepted, on %s: %s", (d, expected) => {
    expect(Referral.referralStatus(r("accepted", at("2020-02-29")), at(d))).toBe(expected)
  })
  test.prop([fc.constantFrom<Referral.ReferralState>("declined", "done", "closed"), fc.integer({ min: 0, max: 4000 })])(
    "an answered referral (declined, done, closed) is never overdue",
    (status, days) => {
      expect(Referral.referralStatus(r(status), new Date(at("2018-02-01").getTime() + days * 86_400_000))).toBe(status)
    }
  )
  it("a referral without a due date is never overdue; referrals() leaves out those made after asOf", () => {
    const { dueOn: _d, ...noDue } = r("pending")
    expect(Referral.referralStatus(noDue, at("2030-01-01"))).toBe("pending")
    const s = apply(withConsent(), refer("2018-02-01"), P)
    expect(Referral.referrals(s, at("2018-01-31"))).toEqual([])
    expect(Referral.referrals(s, at("2018-04-01"))[0]?.statusOnDay).toBe("overdue")
  })
  it("events round-trip through JSON (the decline reason is a code, not free text)", () => {
    const s = apply(withConsent(), refer("2018-02-01"), P)
    const r2 = Decider.decide(
      s,
      { ...env("2018-02-03"), type: "DeclineReferral", referralId: "ref-1", declineReason: "no-capacity" },
      P,
      at("2018-02-03")
    )
    expect(r2.ok).toBe(true)
    if (r2.ok) {
      const json = JSON.parse(JSON.stringify(Schema.encodeSync(CaseEvent.CaseEvent)(r2.events[0]!)))
      expect(Schema.decodeUnknownSync(CaseEvent.CaseEvent)(json)).toEqual(r2.events[0])
    }
  })
})
