import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect } from "vitest"
import {
  Approval,
  Assessment,
  BestInterest,
  type CaseEvent,
  Child,
  ChildViews,
  Consent,
  Contact,
  Decider,
  FollowUp,
  Household,
  PolicyProfile,
  Profiles,
  Support
} from "../src/index.js"
import { Arbitraries } from "../src/testing/index.js"

const decodes = <S extends Schema.Top>(schema: S, value: unknown) => {
  const json = JSON.parse(JSON.stringify(Schema.encodeUnknownSync(schema as never)(value)))
  return Result.isSuccess(Schema.decodeUnknownResult(schema as never)(json))
}

const on = Arbitraries.day
describe("every generator yields values that decode with their Schema", () => {
  const cases: ReadonlyArray<readonly [string, Schema.Top, fc.Arbitrary<unknown>]> = [
    ["child", Child.Child, Arbitraries.child],
    ["household", Household.Household, Arbitraries.household()],
    ["assessment", Assessment.Assessment, on.chain((d) => Arbitraries.assessment(d, 1))],
    ["views", ChildViews.ChildViews, on.chain((d) => Arbitraries.views(d))],
    ["determination", BestInterest.BestInterestDetermination, on.chain((d) => Arbitraries.determination(d, 1))],
    ["consent", Consent.Consent, on.chain((d) => Arbitraries.consent(d))],
    ["contact", Contact.Contact, on.chain((d) => Arbitraries.contact(d, 1))],
    [
      "follow-up visit",
      FollowUp.FollowUpVisit,
      fc.tuple(on, fc.nat(9)).chain(([d, n]) => Arbitraries.followUpVisit(d, n))
    ],
    [
      "closure assessment",
      FollowUp.ClosureAssessment,
      fc.tuple(on, fc.nat(9)).chain(([d, n]) => Arbitraries.closureAssessment(d, n))
    ],
    ["support plan", Support.SupportPlan, on.chain((d) => Arbitraries.supportPlan(d))],
    ["support payment", Support.SupportPayment, on.chain((d) => Arbitraries.supportPayment(d, 1))]
  ]
  for (const [name, schema, arb] of cases) {
    test.prop([arb], { numRuns: 50 })(name, (value) => {
      expect(decodes(schema, value)).toBe(true)
    })
  }
})

describe("Arbitraries.caseworkCommand: case work under random actors and orders", () => {
  const P = Profiles.cambodiaMosvy
  const G = (() => {
    const r = PolicyProfile.derive(P, {
      id: "gated",
      version: "1.0.0",
      title: "Gated",
      parameters: {
        approvals: {
          required: {
            value: [
              { step: "closure", approverRoles: ["supervisor", "manager"] },
              { step: "transfer", approverRoles: ["supervisor"] },
              { step: "referral", approverRoles: ["manager"] }
            ],
            source: { document: "Primero v2 approvals", year: 2023, key: "PRIMERO" },
            effectiveFrom: "2018-01-01",
            status: "practice"
          }
        }
      }
    })
    if (Result.isFailure(r)) throw new Error("profile")
    return r.success
  })()
  const open: Decider.Command = {
    type: "OpenCase",
    actor: { id: "sw-1", role: "social-worker" },
    recordedAt: new Date("2018-01-01T09:00:00Z"),
    occurredOn: new Date("2018-01-01"),
    child: { id: "CH-1", birth: { date: new Date("2004-01-01"), estimated: false }, sex: "male", school: "enrolled" },
    institutionId: "RCI-1",
    agencyId: "AG-1",
    socialWorkerId: "sw-1",
    admissionReasons: ["poverty"],
    placement: { type: "residential-care", since: new Date("2018-01-01"), institutionId: "RCI-1" }
  }
  const arbRun = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }).chain((gaps) => {
    let d = Date.UTC(2018, 0, 2)
    return fc.tuple(
      ...gaps.map((g, i) => {
        d += g * 86_400_000
        return Arbitraries.caseworkCommand(new Date(d), i + 1)
      })
    )
  })
  test.prop([arbRun, fc.boolean()], { numRuns: 200 })(
    "[HR-approvals][HR-consent-scope] every accepted command folds without anomaly; gated steps had a valid approval; shared information had consent",
    (cmds, gated) => {
      const profile = gated ? G : P
      let s = Decider.evolve(
        Decider.initial("c1"),
        (
          Decider.decide(Decider.initial("c1"), open, profile, open.occurredOn!) as {
            events: ReadonlyArray<CaseEvent.CaseEvent>
          }
        ).events[0]!
      )
      for (const c of cmds) {
        const r = Decider.decide(s, c, profile, c.occurredOn!)
        if (!r.ok) {
          expect(r.reasons.length).toBeGreaterThan(0)
          continue
        }
        const before = s
        s = r.events.reduce(Decider.evolve, s)
        expect(s.anomalies).toEqual([])
        const gate: Record<string, Approval.ApprovalStep> = {
          Close: "closure",
          Transfer: "transfer",
          RequestTransfer: "transfer",
          Refer: "referral"
        }
        const step = gate[c.type]
        if (step !== undefined && gated) {
          const subjectId = c.type === "Refer" ? c.referralId : c.type === "RequestTransfer" ? c.transferId : undefined
          const check = Approval.approvalCheck(
            before,
            profile,
            c.occurredOn!,
            subjectId === undefined ? { step } : { step, subjectId }
          )
          expect(check.outcome.approved).toBe(true)
          const a = before.approvals[check.outcome.approvalId!]!
          expect(a.decidedBy).not.toBe(a.requestedBy)
        }
        if (
          c.type === "Refer" ||
          (c.type === "RequestTransfer" && c.toAgencyId !== before.agencyId) ||
          c.type === "Transfer"
        ) {
          const agency = c.toAgencyId
          expect(Consent.isCovered(before, profile, c.occurredOn!, "information-sharing", agency)).toBe(true)
        }
        if (s.status === "closed" || s.phase.phase === "transferred") break
      }
    }
  )
})
