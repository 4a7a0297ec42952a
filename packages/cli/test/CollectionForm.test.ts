import { fc, test } from "@fast-check/vitest"
import { Registry, Validation } from "@homeward/core"
import { Arbitraries } from "@homeward/core/testing"
import { describe, expect, it } from "vitest"
import * as CollectionForm from "../src/CollectionForm.js"
import { complete } from "./formFixtures.js"

const q = (form: CollectionForm.Form, path: string) =>
  CollectionForm.questions(form).find((x) => x.path.join("/") === path)

describe("CollectionForm: the form model", () => {
  it("makes a form for every record type with fixed fields, and refuses the union case-event", () => {
    for (const t of Registry.recordTypes) {
      if (t === "case-event") expect(() => CollectionForm.make(t)).toThrow(/several forms \(a union\)/)
      else expect(CollectionForm.make(t).questions.length).toBeGreaterThan(1)
    }
    expect(CollectionForm.formTypes).not.toContain("case-event")
    expect(CollectionForm.formTypes).not.toContain("policy-profile")
    expect(CollectionForm.formTypes).toContain("child")
  })

  it("types, choice lists, groups and repeats follow the record's fields", () => {
    const child = CollectionForm.make("child")
    expect(q(child, "birth")).toMatchObject({ kind: "group", optional: false })
    expect(q(child, "birth/date")).toMatchObject({ kind: "input", type: "date", required: { when: true } })
    expect(q(child, "birth/estimated")).toMatchObject({ kind: "select1", list: "yes_no", yesNo: true })
    expect(q(child, "sex")).toMatchObject({ kind: "select1", list: "sex" })
    expect(q(child, "siblingIds")).toMatchObject({ kind: "repeat", items: "value", optional: true })
    expect(q(child, "siblingIds/item")).toMatchObject({ kind: "input", type: "string" })
    expect(q(child, "givenName")).toMatchObject({ sensitive: true, hint: { en: "[sensitive] Do not share." } })
    expect(q(CollectionForm.make("case"), "admissionReasons")).toMatchObject({ kind: "select", required: {} })
    expect(q(CollectionForm.make("household"), "members/birthYear")).toMatchObject({
      type: "int",
      constraint: { expr: ". >= 1900 and . <= 2200" }
    })
    expect(q(CollectionForm.make("support-payment"), "amount/amount")).toMatchObject({
      type: "decimal",
      constraint: { expr: ". >= 0" }
    })
  })

  it("an optional group's questions are required once any answer in the group is given (assessment, OSCaR Form 3)", () => {
    const health = q(CollectionForm.make("assessment"), "childWellbeing/health")
    expect(health?.kind).toBe("input")
    const required = (health as CollectionForm.Input).required
    const text = CollectionForm.renderExpr(required?.when === true ? [] : (required?.when ?? []), (to) =>
      CollectionForm.relativePath(["childWellbeing", "health"], to)
    )
    expect(text).toBe(
      ". != '' or ../education != '' or ../emotionalSocial != '' or ../safetyEnvironment != '' or ../nutrition != ''"
    )
    expect(required?.message.en).toBe("Required once any answer in “Child well-being” is given.")
  })

  it("a list with bounds gets a count question carrying them; a list without does not", () => {
    const views = CollectionForm.make("child-views")
    expect(q(views, "preferredPeople_count")).toMatchObject({ role: "count", constraint: { expr: ". <= 3" } })
    expect(q(views, "preferredPeople_count")).not.toHaveProperty("required")
    expect(q(views, "preferredPeople")).toMatchObject({ count: ["preferredPeople_count"] })
    const bid = CollectionForm.make("best-interest-determination")
    expect(q(bid, "panel_count")).toMatchObject({ required: { when: true }, constraint: { expr: ". >= 1" } })
    expect(q(CollectionForm.make("household"), "members_count")).toBeUndefined()
  })

  it("rules between fields become relevant + required (FollowUp.FollowUpVisit, Institution.Institution checks)", () => {
    expect(q(CollectionForm.make("follow-up-visit"), "notSeenReason")).toMatchObject({
      relevant: [{ ref: ["childSeen"] }, " = 'false'"],
      required: { when: true }
    })
    expect(q(CollectionForm.make("institution"), "closureReason")).toMatchObject({
      relevant: [{ ref: ["status"] }, " = 'closed'"],
      required: { when: true }
    })
  })

  it("a union of groups is one group: one alternative's own field is asked only while the earlier one is blank (policy profile visit bands)", () => {
    const form = CollectionForm.make("policy-profile")
    const band = "parameters/monitoring/schedule/value"
    expect(q(form, band)).toMatchObject({ kind: "repeat", items: "group" })
    expect(q(form, `${band}/fromDay`)).toMatchObject({ required: { when: true } })
    expect(q(form, `${band}/intervalDays`)).not.toHaveProperty("required")
    expect(q(form, `${band}/intervalMonths`)).toMatchObject({
      required: { when: true },
      relevant: [{ ref: ["parameters", "monitoring", "schedule", "value", "intervalDays"] }, " = ''"]
    })
    for (const item of [
      { fromDay: 0, intervalDays: 7 },
      { fromDay: 56, intervalMonths: 1 }
    ]) {
      const record = { ...(complete["policy-profile"] ?? {}) } as Record<string, unknown>
      const p = structuredClone(record) as {
        parameters: { monitoring: { schedule: { value: Array<unknown> } } }
      }
      p.parameters.monitoring.schedule.value = [item]
      expect(CollectionForm.toRecord(form, CollectionForm.fromRecord(form, p))).toEqual(p)
    }
  })

  it("a rule comparing two answers is a further constraint (Case.CareException: the last day on or after the first)", () => {
    const endsOn = q(CollectionForm.make("care-exception"), "endsOn") as CollectionForm.Input
    expect(endsOn.constraint?.and).toEqual([
      "(",
      { ref: ["from"] },
      " = '' or date(.) >= date(",
      { ref: ["from"] },
      "))"
    ])
    expect(endsOn.constraint?.message.en).toContain("on or after “First day”")
  })

  it("a required list of choices that may be empty is written [] when left blank (Assessment.SafetyPlan domains)", () => {
    const form = CollectionForm.make("safety-plan")
    expect(q(form, "domains")).toMatchObject({ kind: "select", blankIsEmpty: true })
    expect(q(form, "domains")).not.toHaveProperty("required")
    expect(CollectionForm.toRecord(form, { id: "sp-1", domains: "" })).toMatchObject({ domains: [] })
  })

  it("a required field that may be null is not required in the form; blank means null (policy profile deadlines)", () => {
    const form = CollectionForm.make("policy-profile")
    const deadline = q(form, "parameters/phases/deadlineDays/value")
    expect(deadline).toMatchObject({ nullable: true })
    expect(deadline).not.toHaveProperty("required")
  })

  it("the version is a hash of the form: stable, and different per form", () => {
    expect(CollectionForm.make("child").version).toMatch(/^[0-9a-f]{8}$/)
    expect(new Set(CollectionForm.formTypes.map((t) => CollectionForm.make(t).version)).size).toBe(
      CollectionForm.formTypes.length
    )
  })

  it("relativePath", () => {
    expect(CollectionForm.relativePath(["a", "b"], ["a", "c"])).toBe("../c")
    expect(CollectionForm.relativePath(["a", "b", "c"], ["d"])).toBe("../../../d")
    expect(CollectionForm.relativePath(["x"], ["x"])).toBe(".")
    expect(CollectionForm.relativePath(["r"], ["r_count"])).toBe("../r_count")
  })
})

describe("CollectionForm: answers ↔ records", () => {
  it("converts answers: numbers, yes/no, several answers, blanks, lists; keeps what it cannot convert", () => {
    const child = CollectionForm.make("child")
    expect(
      CollectionForm.toRecord(child, {
        id: "CH-1",
        givenName: "",
        birth: { date: "2010-01-31", estimated: "false", basis: "" },
        sex: "female",
        school: "enrolled",
        siblingIds: [{ item: "CH-2" }, { item: "CH-3" }],
        meta: { instanceID: "uuid:1" }
      })
    ).toEqual({
      id: "CH-1",
      birth: { date: "2010-01-31", estimated: false },
      sex: "female",
      school: "enrolled",
      siblingIds: ["CH-2", "CH-3"]
    })
    expect(CollectionForm.toRecord(child, { birth: { estimated: "maybe" } })).toEqual({
      birth: { estimated: "maybe" }
    })
    const hh = CollectionForm.make("household")
    expect(CollectionForm.toRecord(hh, { members: { id: "m", birthYear: "1960", relationship: "parent" } })).toEqual({
      members: [{ id: "m", birthYear: 1960, relationship: "parent" }]
    })
    expect(CollectionForm.toRecord(hh, {}).members).toEqual([]) // a required list is never missing
    expect(CollectionForm.toRecord(hh, { members: [{ birthYear: "nineteen sixty" }] })).toEqual({
      members: [{ birthYear: "nineteen sixty" }]
    })
    expect(CollectionForm.toRecord(CollectionForm.make("case"), { admissionReasons: "poverty  neglect " })).toEqual({
      admissionReasons: ["poverty", "neglect"]
    })
    expect(CollectionForm.toRecord(CollectionForm.make("child-views"), { preferredPeople_count: "0" })).toEqual({
      preferredPeople: []
    })
  })

  it.each(CollectionForm.formTypes)("%s: the complete record comes back from its answers unchanged", (type) => {
    const form = CollectionForm.make(type)
    const record = complete[type] ?? {}
    expect(CollectionForm.toRecord(form, CollectionForm.fromRecord(form, record))).toEqual(record)
  })

  const arbs: ReadonlyArray<readonly [Registry.RecordType, fc.Arbitrary<unknown>]> = [
    ["child", Arbitraries.child],
    ["household", Arbitraries.household()],
    ["assessment", Arbitraries.day.chain((d) => Arbitraries.assessment(d, 1))],
    ["child-views", Arbitraries.day.chain((d) => Arbitraries.views(d))],
    ["best-interest-determination", Arbitraries.day.chain((d) => Arbitraries.determination(d, 1))],
    ["consent", Arbitraries.day.chain((d) => Arbitraries.consent(d))],
    ["contact", Arbitraries.day.chain((d) => Arbitraries.contact(d, 1))],
    ["follow-up-visit", fc.tuple(Arbitraries.day, fc.nat(9)).chain(([d, n]) => Arbitraries.followUpVisit(d, n))],
    ["closure-assessment", fc.tuple(Arbitraries.day, fc.nat(9)).chain(([d, n]) => Arbitraries.closureAssessment(d, n))],
    ["support-plan", Arbitraries.day.chain((d) => Arbitraries.supportPlan(d))],
    ["support-payment", Arbitraries.day.chain((d) => Arbitraries.supportPayment(d, 1))],
    ["safety-plan", Arbitraries.day.chain((d) => Arbitraries.safetyPlan(d, 1))],
    ["reunification-agreement", Arbitraries.day.chain((d) => Arbitraries.agreement(d, 1))],
    ["case-conference", Arbitraries.day.chain((d) => Arbitraries.conference(d, 1))],
    ["care-exception", Arbitraries.day.chain((d) => Arbitraries.careException(d, 1))],
    ["youth-activity", Arbitraries.day.chain((d) => Arbitraries.youthActivity(d))],
    ["policy-profile", Arbitraries.profile]
  ]
  for (const [type, arb] of arbs) {
    test.prop([arb], { numRuns: type === "policy-profile" ? 8 : 60 })(
      `${type}: toRecord(fromRecord(record)) is the record (core testing kit generators)`,
      (value) => {
        const form = CollectionForm.make(type)
        const record = Validation.encode(Registry.records[type], value as never) as Record<string, unknown>
        expect(CollectionForm.toRecord(form, CollectionForm.fromRecord(form, record))).toEqual(record)
      }
    )
  }
})
