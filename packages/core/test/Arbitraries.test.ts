/**
 * Every domain generator of `arbitraries.ts`, and every record inside the
 * scenario states of `scenario.ts`, decodes with its Schema (after a JSON
 * round trip through the encoded form).
 */
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect } from "vitest"
import {
  Assessment,
  BestInterest,
  Case,
  Child,
  ChildViews,
  Consent,
  FollowUp,
  Household,
  Support
} from "../src/index.js"
import {
  arbAssessment,
  arbBid,
  arbChildViews,
  arbChildWellbeing,
  arbConsent,
  arbDay,
  arbFamilyCapacity,
  arbFollowUpCriteria,
  arbHousehold,
  arbKnobs,
  arbSupportPlan
} from "./arbitraries.js"
import { stateFrom } from "./scenario.js"

const decodes = <S extends Schema.Top>(schema: S, value: unknown): boolean => {
  const encoded = Schema.encodeUnknownResult(schema as never)(value)
  if (Result.isFailure(encoded)) return false
  const json = JSON.parse(JSON.stringify(encoded.success))
  return Result.isSuccess(Schema.decodeUnknownResult(schema as never)(json))
}

describe("domain generators decode with their Schemas", () => {
  const cases: ReadonlyArray<readonly [string, fc.Arbitrary<unknown>, Schema.Top]> = [
    ["ChildWellbeing", arbChildWellbeing, Assessment.ChildWellbeing],
    ["FamilyCapacity", arbFamilyCapacity, Assessment.FamilyCapacity],
    ["FollowUpCriteria", arbFollowUpCriteria, FollowUp.FollowUpCriteria],
    ["Assessment", arbAssessment, Assessment.Assessment],
    ["Household", arbHousehold, Household.Household],
    ["ChildViews", arbChildViews, ChildViews.ChildViews],
    ["BestInterestDetermination", arbBid, BestInterest.BestInterestDetermination],
    ["Consent", arbConsent, Consent.Consent],
    ["SupportPlan", arbSupportPlan, Support.SupportPlan]
  ]
  for (const [name, arb, schema] of cases) {
    test.prop([arb], { numRuns: 100 })(name, (value) => {
      expect(decodes(schema, value)).toBe(true)
    })
  }
  test.prop([fc.constant(0)], { numRuns: 1 })("a broken value is rejected (the check can fail)", () => {
    expect(decodes(Household.Household, { id: "HH 1", members: [] })).toBe(false)
  })
})

describe("scenario states are made of valid records", () => {
  test.prop([arbKnobs, arbDay], { numRuns: 100 })("every record of stateFrom(knobs) decodes", (knobs, asOf) => {
    const s = stateFrom(knobs, asOf)
    if (s.child !== undefined) expect(decodes(Child.Child, s.child)).toBe(true)
    if (s.placement !== undefined) expect(decodes(Case.Placement, s.placement)).toBe(true)
    for (const h of Object.values(s.households)) expect(decodes(Household.Household, h)).toBe(true)
    for (const a of s.assessments) expect(decodes(Assessment.Assessment, a)).toBe(true)
    for (const v of s.views) expect(decodes(ChildViews.ChildViews, v)).toBe(true)
    for (const d of s.determinations) expect(decodes(BestInterest.BestInterestDetermination, d)).toBe(true)
    for (const c of Object.values(s.consents)) expect(decodes(Consent.Consent, c)).toBe(true)
    for (const p of s.supportPlans) expect(decodes(Support.SupportPlan, p)).toBe(true)
  })
})
