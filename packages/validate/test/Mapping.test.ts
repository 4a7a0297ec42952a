import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Mapping from "../src/Mapping.js"
import * as Rows from "../src/Rows.js"

const failures = (json: unknown, as?: "child") => {
  const r = Mapping.datasetFromJson(json, as === undefined ? {} : { as })
  return Result.isFailure(r) ? r.failure : []
}

describe("Mapping.datasetFromJson", () => {
  it("the first form needs a record type", () => {
    expect(failures({ columns: { A: "id" } })).toEqual([expect.stringMatching(/give the record type/)])
    expect(failures({ columns: { A: "id" } }, "child")).toEqual([])
  })

  it("names every mistake of a records mapping", () => {
    expect(
      failures({
        records: {
          kid: { columns: { A: "id" } },
          child: { columns: { B: "nope" }, links: { siblingIds: "nobody" }, constants: { sex: "girl" } },
          case: { id: "generate", columns: { C: "id" }, links: { childId: "case" } }
        },
        extra: { Flag: { kind: "choice" }, When: { kind: "text", stage: "born" } }
      })
    ).toEqual([
      expect.stringContaining('extra column "Flag" is a choice but lists no "choices"'),
      expect.stringContaining('extra column "When" has a "stage" but is not a date'),
      expect.stringContaining('record "kid" has type "kid", which is not a record type'),
      expect.stringContaining('"B" maps to "nope", which is not a field of child'),
      expect.stringContaining('"constants" sets "sex" to a value that is not one of'),
      expect.stringContaining('"links" of record "child" points to "nobody"'),
      expect.stringContaining('"links" of record "case" points to "case"'),
      expect.stringContaining('record "case" maps a column to "id" and also asks to generate ids')
    ])
  })

  it("refuses columns/values beside records, and unknown keys", () => {
    expect(failures({ records: { child: {} }, columns: { A: "id" } })).toEqual([
      expect.stringContaining('gives each record its own "columns"')
    ])
    expect(failures({ records: { child: { colums: {} } } })).toEqual([
      expect.stringContaining("the mapping file must be")
    ])
  })

  it("a header may feed several records; a record without its own columns in a file is not read from it", () => {
    const r = Mapping.datasetFromJson({
      records: {
        child: { columns: { Code: "id", DOB: "birth.date" }, partial: true },
        case: { columns: { Code: "childId", Opened: "openedOn" }, partial: true },
        visit: { type: "follow-up-visit", columns: { Code: "id", "Visit date": "date" }, partial: true }
      }
    })
    if (Result.isFailure(r)) throw new Error(r.failure.join())
    const plan = Rows.planFile(["Code", "DOB", "Opened"], r.success)
    expect(plan.records.map((p) => p.record.name)).toEqual(["child", "case"])
    const [child, kase] = Rows.toRecords(plan, ["CH-1", "2010-01-01", "2015-01-01"], 2, 1)
    expect(child?.record).toEqual({ id: "CH-1", birth: { date: "2010-01-01" } })
    expect(kase?.record).toEqual({ childId: "CH-1", openedOn: "2015-01-01" })
  })

  it("in the records form, a header <record>.<path> needs no mapping", () => {
    const r = Mapping.datasetFromJson({ records: { child: { partial: true }, case: { partial: true } } })
    if (Result.isFailure(r)) throw new Error(r.failure.join())
    const plan = Rows.planFile(["child.id", "child.birth.date", "case.openedOn", "case.childId", "Other"], r.success)
    expect(plan.uses.map((u) => u.status)).toEqual(["used", "used", "used", "used", "unknown"])
  })
})

describe("Rows.textDate: dates with the month in English", () => {
  it.each([
    ["14 March 2010", "2010-03-14"],
    ["1 Sep 2011", "2011-09-01"],
    ["1 Sept 2011", "2011-09-01"],
    ["14-Mar-2010", "2010-03-14"],
    ["March 14, 2010", "2010-03-14"],
    ["31 Febuary 2011", undefined],
    ["14 Mars 2010", undefined],
    ["2010-03-14", undefined]
  ])("%s → %s", (s, out) => {
    expect(Rows.textDate(s)).toBe(out)
  })
})
