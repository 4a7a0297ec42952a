import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect } from "vitest"
import {
  Assessment,
  BestInterest,
  Child,
  ChildViews,
  Consent,
  Contact,
  FollowUp,
  Household,
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
