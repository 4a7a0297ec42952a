import { Registry } from "@homeward/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Fields from "../src/Fields.js"
import * as Mapping from "../src/Mapping.js"

describe("Fields", () => {
  it("describes every record type", () => {
    for (const t of Registry.recordTypes) expect(["group", "union"]).toContain(Fields.describe(t).kind)
  })

  it("marks names, contacts, addresses and notes sensitive, and only shows values of other fields", () => {
    const child = Fields.describe("child")
    expect(Fields.isShowable(child, ["givenName"])).toBe(false)
    expect(Fields.isShowable(child, ["specialNeeds"])).toBe(false)
    expect(Fields.isShowable(child, ["birth", "date"])).toBe(true)
    expect(Fields.isShowable(child, ["siblingIds", 0])).toBe(false) // an id inside a list: never shown
    expect(Fields.isShowable(child, ["siblingIds"])).toBe(false) // a whole list: never shown
    expect(Fields.isShowable(child, ["disabilities", 0])).toBe(false) // free text inside a list: never shown
    expect(Fields.isShowable(child, ["nonsense"])).toBe(false)
    const hh = Fields.describe("household")
    expect(Fields.isShowable(hh, ["members", 0, "name"])).toBe(false)
    expect(Fields.isShowable(hh, ["location", "village"])).toBe(false)
    expect(Fields.isShowable(hh, ["location", "province"])).toBe(true)
    expect(Fields.isShowable(hh, ["contact", "phone"])).toBe(false)
  })

  it("lists required leaves", () => {
    expect(Fields.requiredLeaves(Fields.describe("child"))).toEqual([
      "id",
      "birth.date",
      "birth.estimated",
      "sex",
      "school"
    ])
  })
})

describe("Mapping.fromJson", () => {
  it("accepts a good mapping", () => {
    const r = Mapping.fromJson(
      { columns: { "Child code": "id", DOB: "birth.date" }, values: { sex: { F: "female" } } },
      "child"
    )
    expect(Result.isSuccess(r)).toBe(true)
  })

  it("names every mistake", () => {
    const r = Mapping.fromJson(
      { columns: { A: "nope", B: "birth.when" }, values: { sex: { F: "woman" }, colour: {} } },
      "child"
    )
    expect(Result.isFailure(r) ? r.failure : []).toEqual([
      expect.stringContaining('"nope"'),
      expect.stringContaining('"birth.when"'),
      expect.stringContaining('"woman"'),
      expect.stringContaining('"colour"')
    ])
  })

  it("rejects the wrong shape and unknown keys", () => {
    expect(Result.isFailure(Mapping.fromJson([], "child"))).toBe(true)
    expect(Result.isFailure(Mapping.fromJson({ colums: {} }, "child"))).toBe(true)
  })
})
