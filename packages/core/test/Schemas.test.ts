import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CaseEvent, Child, Common, Household, Registry, Validation } from "../src/index.js"
import { assertRoundTrip } from "./helpers.js"

describe("round trip: decode(encode(x)) equals x", () => {
  for (const type of Registry.recordTypes) {
    if (type === "policy-profile") continue // covered in PolicyProfile.test.ts with built-in data
    it(`${type}`, async () => {
      await assertRoundTrip(Registry.records[type] as never, type === "case-event" ? 60 : 100)
    })
  }
})

describe("junk input never throws and returns a structured error with a path", () => {
  for (const type of Registry.recordTypes) {
    test.prop([fc.jsonValue()], { numRuns: 150 })(`${type}`, (junk) => {
      const r = Validation.decodeUnknown(Registry.records[type], junk, { row: 9 })
      if (Result.isFailure(r)) {
        expect(r.failure.length).toBeGreaterThan(0)
        for (const issue of r.failure) {
          expect(Array.isArray(issue.path)).toBe(true)
          expect(typeof issue.pathString).toBe("string")
          expect(issue.rule.length).toBeGreaterThan(0)
          expect(issue.message.length).toBeGreaterThan(0)
          expect(issue.row).toBe(9)
        }
      }
    })
  }
  test.prop([fc.anything()], { numRuns: 200 })("anything at all (cycles aside)", (junk) => {
    const r = Validation.decodeUnknown(CaseEvent.CaseEvent, junk)
    expect(Result.isFailure(r) || Result.isSuccess(r)).toBe(true)
  })
})

const validChild = {
  id: "CH-0001",
  birth: { date: "2010-05-01", estimated: true },
  sex: "female",
  school: "enrolled"
}

describe("privacy: errors never contain a value placed in a sensitive field", () => {
  // Messages for a neutral marker: a candidate that is part of this vocabulary could appear by chance.
  const vocabulary = JSON.stringify(
    Validation.decodeUnknown(Child.Child, { ...validChild, givenName: 1, specialNeeds: {}, id: 5 })
  )
  test.prop([fc.string({ minLength: 6, maxLength: 60 })], { numRuns: 300 })(
    "a sensitive value is never echoed (wrong type, too long, blank)",
    (secret) => {
      fc.pre(!vocabulary.includes(secret) && secret.trim().length > 0)
      const inputs: Array<unknown> = [
        { ...validChild, givenName: { secret }, familyName: [secret], specialNeeds: secret.repeat(2001), sex: 3 },
        { ...validChild, givenName: secret.repeat(400) },
        {
          id: "HH-1",
          members: [{ id: "m1", name: [secret], relationship: "parent", primaryCaregiver: true }],
          location: { province: "Siem Reap", village: { secret }, address: secret.repeat(3000) },
          contact: secret,
          housing: "suitable",
          livelihood: "stable",
          tracing: "traced",
          notes: 42
        }
      ]
      for (const [i, input] of inputs.entries()) {
        const schema = i < 2 ? Child.Child : Household.Household
        const r = Validation.decodeUnknown(schema, input)
        expect(Result.isFailure(r)).toBe(true)
        const text = JSON.stringify(Result.isFailure(r) ? r.failure : [])
        expect(text.includes(secret)).toBe(false)
        const native = Schema.decodeUnknownResult(schema)(input, { errors: "all" })
        if (Result.isFailure(native)) expect(native.failure.message.includes(secret)).toBe(false)
      }
    }
  )
  it("Khmer text in a sensitive field is not echoed", () => {
    const name = "សុខា ចាន់"
    const r = Validation.decodeUnknown(Child.Child, { ...validChild, givenName: name, id: "not an id" })
    expect(JSON.stringify(r)).not.toContain(name)
  })
})

describe("clear errors", () => {
  it("names the path, the rule and the row", () => {
    const r = Validation.decodeUnknown(
      Child.Child,
      { id: "CH 1", birth: { date: "2023-02-30", estimated: false }, sex: "femal" },
      { row: 12 }
    )
    expect(Result.isFailure(r)).toBe(true)
    const issues = Result.isFailure(r) ? r.failure : []
    expect(issues.map((i) => [i.pathString, i.rule, i.row])).toEqual([
      ["id", "Id", 12],
      ["birth.date", "IsoDate", 12],
      ["sex", "choice", 12],
      ["school", "required", 12]
    ])
  })
  it("an unknown event type lists the known ones", () => {
    const r = Validation.decodeUnknown(CaseEvent.CaseEvent, { type: "Nope" })
    const issue = Result.isFailure(r) ? r.failure[0] : undefined
    expect(issue?.pathString).toBe("type")
    expect(issue?.message).toContain("CaseOpened")
  })
  it("dates: impossible days and zone-less timestamps are rejected", () => {
    expect(Result.isFailure(Validation.decodeUnknown(Common.IsoDate, "2019-02-29"))).toBe(true)
    expect(Result.isSuccess(Validation.decodeUnknown(Common.IsoDate, "2020-02-29"))).toBe(true)
    expect(Result.isFailure(Validation.decodeUnknown(Common.IsoDateTime, "2020-02-29T10:00:00"))).toBe(true)
    expect(Result.isSuccess(Validation.decodeUnknown(Common.IsoDateTime, "2020-02-29T10:00:00+07:00"))).toBe(true)
  })
  it("Effect variant fails with a ValidationError", async () => {
    const { Effect, Exit } = await import("effect")
    const exit = await Effect.runPromiseExit(Validation.decodeEffect(Child.Child, {}))
    expect(Exit.isFailure(exit)).toBe(true)
  })
})
