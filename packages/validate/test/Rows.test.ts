import { fc, test as fcTest } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Mapping from "../src/Mapping.js"
import * as Rows from "../src/Rows.js"

const rec = (
  headers: Array<string>,
  cells: Array<unknown>,
  type: "child" | "household" = "child",
  dates?: Rows.DateOrder
) => Rows.toRecord(Rows.plan(headers, type, Mapping.empty, dates), cells).record

describe("Rows.plan", () => {
  it("finds unknown columns, duplicates and missing required fields", () => {
    const p = Rows.plan(["id", "birth.date", "colour", "id", ""], "child")
    expect(p.columns.map((c) => c.status)).toEqual(["field", "field", "unknown", "duplicate", "ignored"])
    expect(p.missing).toEqual(["birth.estimated", "sex", "school"])
  })

  it("a group column filled with JSON covers its required leaves", () => {
    expect(Rows.plan(["id", "birth", "sex", "school"], "child").missing).toEqual([])
  })

  it("maps headers through a mapping", () => {
    const m = Mapping.fromJson({ columns: { DOB: "birth.date" }, ignore: ["Office"] }, "child")
    if (Result.isFailure(m)) throw new Error(m.failure.join())
    const p = Rows.plan(["DOB", "Office"], "child", m.success)
    expect(p.columns.map((c) => [c.pathString, c.status])).toEqual([
      ["birth.date", "field"],
      ["Office", "ignored"]
    ])
  })
})

describe("Rows.toRecord: coercion by field kind", () => {
  it("nests dotted headers and leaves empty cells out", () => {
    expect(rec(["id", "birth.date", "birth.estimated", "givenName"], ["CH-1", "2010-01-01", "YES", "  "])).toEqual({
      id: "CH-1",
      birth: { date: "2010-01-01", estimated: true }
    })
  })

  it.each([
    ["true", true],
    ["False", false],
    ["yes", true],
    ["NO", false],
    ["1", true],
    ["0", false],
    ["y", true],
    ["maybe", "maybe"]
  ])("yes/no %j → %j", (cell, out) => {
    expect(rec(["birth.estimated"], [cell])).toEqual({ birth: { estimated: out } })
  })

  it("reads numbers only for number fields; ids stay text", () => {
    expect(rec(["id", "members.0.birthYear"], ["007", "1980"], "household")).toEqual({
      id: "007",
      members: [{ birthYear: 1980 }]
    })
    expect(rec(["members.0.birthYear"], ["about 1980"], "household")).toEqual({
      members: [{ birthYear: "about 1980" }]
    })
  })

  it("splits list cells on ; or | and indexes lists by number", () => {
    expect(rec(["siblingIds"], ["CH-2; CH-3 |CH-4"])).toEqual({ siblingIds: ["CH-2", "CH-3", "CH-4"] })
    expect(rec(["siblingIds.0", "siblingIds[2]"], ["CH-2", "CH-4"])).toEqual({ siblingIds: ["CH-2", "CH-4"] })
    expect(
      rec(
        ["members.0.relationship", "members.1.relationship", "members.1.id"],
        ["parent", "grandparent", "M-2"],
        "household"
      )
    ).toEqual({ members: [{ relationship: "parent" }, { relationship: "grandparent", id: "M-2" }] })
  })

  it("matches choices case-insensitively", () => {
    expect(rec(["sex", "school"], ["Female", "ENROLLED"])).toEqual({ sex: "female", school: "enrolled" })
  })

  it("keeps dates as text; converts slash dates only with a declared order", () => {
    expect(rec(["birth.date"], ["2010-02-30"])).toEqual({ birth: { date: "2010-02-30" } })
    expect(rec(["birth.date"], ["05/04/2010"])).toEqual({ birth: { date: "05/04/2010" } })
    expect(rec(["birth.date"], ["05/04/2010"], "child", "dmy")).toEqual({ birth: { date: "2010-04-05" } })
    expect(rec(["birth.date"], ["05/04/2010"], "child", "mdy")).toEqual({ birth: { date: "2010-05-04" } })
    const p = Rows.plan(["birth.date"], "child")
    expect(Rows.toRecord(p, ["05/04/2010"]).hints[0]?.hint).toMatch(/YYYY-MM-DD/)
  })

  it("reads spreadsheet cells: dates, numbers for text fields, rich text, formulas", () => {
    expect(
      rec(
        ["birth.date", "id", "givenName", "birth.estimated"],
        [
          new Date(Date.UTC(2010, 0, 2)),
          42,
          { richText: [{ text: "So" }, { text: "k" }] },
          { formula: "TRUE()", result: true }
        ]
      )
    ).toEqual({ id: "42", givenName: "Sok", birth: { date: "2010-01-02", estimated: true } })
  })

  it("parses JSON in a group cell", () => {
    expect(rec(["birth"], ['{"date":"2010-01-01","estimated":false}'])).toEqual({
      birth: { date: "2010-01-01", estimated: false }
    })
  })

  fcTest.prop([
    fc.array(fc.stringMatching(/^[A-Za-z0-9-]{1,10}$/), { minLength: 1, maxLength: 6 }),
    fc.constantFrom(";", "|")
  ])("a list cell round-trips: join then split gives the items", (ids, sep) => {
    expect(rec(["siblingIds"], [ids.join(sep)])).toEqual({ siblingIds: ids })
  })
})

describe("Rows.columnFor", () => {
  it("finds the column of a path or of its enclosing list", () => {
    const p = Rows.plan(["Sibs", "birth.date"], "child", {
      ...Mapping.empty,
      columns: new Map([["Sibs", "siblingIds"]])
    })
    expect(Rows.columnFor(p, ["siblingIds", 1])?.header).toBe("Sibs")
    expect(Rows.columnFor(p, ["birth", "date"])?.header).toBe("birth.date")
    expect(Rows.columnFor(p, ["sex"])).toBeUndefined()
  })
})
