import { fc, test as fcTest } from "@fast-check/vitest"
import { Profiles } from "@homeward/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Dataset from "../src/Dataset.js"
import * as Mapping from "../src/Mapping.js"
import type * as Report from "../src/Report.js"

const asOf = new Date("2024-06-30T00:00:00Z")

const mapping = (json: unknown, as?: "child" | "case"): Mapping.DatasetMapping => {
  const r = Mapping.datasetFromJson(json, as === undefined ? {} : { as })
  if (Result.isFailure(r)) throw new Error(r.failure.join("; "))
  return r.success
}

/** A flat NGO export: child, case (admission), household location, consent flag, phone. */
const flat = mapping({
  records: {
    child: {
      columns: {
        "Child ID": "id",
        Name: "givenName",
        DOB: "birth.date",
        "DOB estimated": "birth.estimated",
        Sex: "sex"
      },
      values: { sex: { F: "female", M: "male" } },
      partial: true
    },
    case: {
      id: "generate",
      columns: { "Admission date": "placement.since", "Case opened": "openedOn" },
      constants: { "placement.type": "residential-care" },
      links: { childId: "child" },
      partial: true
    },
    household: {
      id: "generate",
      columns: { Province: "location.province", Village: "location.village" },
      partial: true
    }
  },
  extra: {
    "Poverty only": { kind: "yes-no" },
    Status: { kind: "choice", choices: ["Active", "Exited"] },
    Phone: { kind: "text", sensitive: true }
  }
})

const HEADERS = [
  "Child ID",
  "Name",
  "DOB",
  "DOB estimated",
  "Sex",
  "Admission date",
  "Case opened",
  "Province",
  "Village",
  "Poverty only",
  "Status",
  "Phone"
]
const row = (over: Partial<Record<string, string>> = {}): Array<string> => {
  const base: Record<string, string> = {
    "Child ID": "CH-1",
    Name: "Sokha",
    DOB: "2010-03-14",
    "DOB estimated": "no",
    Sex: "F",
    "Admission date": "2015-01-10",
    "Case opened": "2016-02-01",
    Province: "Siem Reap",
    Village: "Kouk Chak",
    "Poverty only": "yes",
    Status: "Active",
    Phone: "012 345 678"
  }
  return HEADERS.map((h) => over[h] ?? base[h] ?? "")
}

const table = (rows: ReadonlyArray<Array<string>>, m = flat, at = asOf) =>
  Dataset.validateTable(HEADERS, rows, { mapping: m, asOf: at, name: "export.csv" })

const found = (r: Report.ValidationReport) => r.problems.map((p) => [p.row, p.column, p.rule])

describe("Dataset: a flat export with several records per row", () => {
  it("a clean export: one child, one case and one household per row, no problem", () => {
    const r = table([row(), row({ "Child ID": "CH-2", DOB: "2011-01-01" })])
    expect(r.problems).toEqual([])
    expect(r.records).toEqual({ child: 2, case: 2, household: 2 })
    expect(r.recordTypes).toEqual(["child", "case", "household"])
    expect(r.ok).toBe(true)
  })

  it("finds what a single record type cannot: duplicated id, future and month-13 dates, admission before birth, an adult on admission, maybe in a yes/no column", () => {
    const r = table([
      row(),
      row({ DOB: "2011-05-01" }), // 3: same child id as row 2
      row({ "Child ID": "CH-3", "Admission date": "2025-02-01", "Case opened": "2025-03-01" }), // 4: in the future
      row({ "Child ID": "CH-4", "Admission date": "2015-13-01" }), // 5: month 13
      row({ "Child ID": "CH-5", DOB: "2012-06-01", "Admission date": "2011-01-01" }), // 6: admitted before born
      row({ "Child ID": "CH-6", DOB: "1995-01-01", "Admission date": "2013-01-01", "Case opened": "2013-02-01" }), // 7: 18 on admission
      row({ "Child ID": "CH-7", "Poverty only": "maybe" }) // 8
    ])
    expect(found(r)).toEqual([
      [3, "Child ID", "duplicate-id"],
      [4, "Admission date", "date-after-as-of"],
      [4, "Case opened", "date-after-as-of"],
      [5, "Admission date", "IsoDate"],
      [6, "Admission date", "dates-in-order"],
      [7, "Admission date", "adult-on-admission"],
      [8, "Poverty only", "yes-no"]
    ])
    const dup = r.problems[0]
    expect(dup?.related).toEqual({ row: 2, column: "Child ID" })
    expect(dup?.source).toMatch(/Homeward default/)
    expect(r.problems.find((p) => p.rule === "adult-on-admission")?.source).toBe(
      "UN Convention on the Rights of the Child 1989, art. 1"
    )
    expect(r.problems.find((p) => p.rule === "yes-no")?.value).toBe("maybe")
    expect(r.invalidRows).toBe(6)
    expect(r.validRows).toBe(1)
  })

  it("names the record of a problem when a row gives several", () => {
    const r = table([row({ Sex: "X" })])
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, column: "Sex", rule: "choice", record: "child" })])
  })

  it("links and generated ids: the case points at the row's child; a missing child id is reported at its column", () => {
    const r = table([row({ "Child ID": "" })])
    expect(found(r)).toEqual([
      [2, "Child ID", "required"],
      [2, "Child ID", "required"]
    ])
    expect(r.problems.map((p) => p.record)).toEqual(["child", "case"])
  })

  it("never shows a sensitive extra column, a name or a village", () => {
    const m = mapping({
      records: { child: { columns: { "Child ID": "id", Name: "givenName" }, partial: true } },
      extra: { Phone: { kind: "yes-no", sensitive: true } }
    })
    const r = Dataset.validateTable(["Child ID", "Name", "Phone"], [["CH-1", "   ", "012 345 678"]], {
      mapping: m,
      asOf
    })
    expect(found(r)).toEqual([[2, "Phone", "yes-no"]])
    expect(JSON.stringify(r)).not.toContain("012 345 678")
  })

  it("a column that feeds a sensitive field of one record and a plain field of another is never shown (found by the fuzz test)", () => {
    const m = mapping({
      records: {
        child: { columns: { A: "givenName", B: "id" }, partial: true },
        case: { id: "generate", columns: { A: "openedOn" }, links: { childId: "child" }, partial: true }
      }
    })
    const r = Dataset.validateTable(["A", "B"], [["Sokha Chan", "CH-1"]], { mapping: m, asOf })
    expect(found(r)).toEqual([[2, "A", "IsoDate"]])
    expect(JSON.stringify(r)).not.toContain("Sokha")
  })

  it("partial records: required fields the export does not have are not reported, the fields it has are checked", () => {
    const r = table([row({ Sex: "" })])
    // sex has a column: an empty cell is a missing value; school, birth.basis, members … have none: not reported
    expect(found(r)).toEqual([[2, "Sex", "required"]])
  })
})

describe("Dataset: checks across files", () => {
  const m = mapping({
    records: {
      child: { columns: { "Child ID": "id", DOB: "birth.date" }, partial: true, from: ["children"] },
      case: {
        columns: { "Case ID": "id", "Child ID": "childId", "Admission date": "placement.since", Opened: "openedOn" },
        constants: { "placement.type": "residential-care" },
        partial: true,
        from: ["cases"]
      },
      visit: {
        type: "follow-up-visit",
        id: "generate",
        columns: { "Visit date": "date" },
        partial: true,
        from: ["visits"]
      }
    },
    subject: "Child ID"
  })

  const run = (files: ReadonlyArray<[string, ReadonlyArray<string>, ReadonlyArray<ReadonlyArray<string>>]>) => {
    const s = Dataset.make({ mapping: m, asOf, name: "folder" })
    for (const [name, headers, rows] of files) {
      const f = s.flat({ name: `${name}.csv`, format: "csv", headers, names: [name] })
      for (const [i, r] of rows.entries()) f.row(i + 2, r)
      f.close()
    }
    return s.finish()
  }
  const children = ["Child ID", "DOB"]
  const cases = ["Case ID", "Child ID", "Admission date", "Opened"]
  const visits = ["Child ID", "Visit date"]

  it("ids unique across files, references resolve, dates in order across files (with the file of the related row)", () => {
    const r = run([
      [
        "children",
        children,
        [
          ["CH-1", "2010-01-01"],
          ["CH-2", "2012-05-05"]
        ]
      ],
      [
        "cases",
        cases,
        [
          ["CASE-1", "CH-1", "2015-01-01", "2015-02-01"],
          ["CASE-2", "CH-2", "2011-03-03", "2016-01-01"], // admitted before born (children.csv row 3)
          ["CASE-1", "CH-9", "2016-01-01", "2016-02-01"] // duplicate case id; no child CH-9
        ]
      ],
      [
        "visits",
        visits,
        [
          ["CH-1", "2015-01-15"], // before the case was opened (cases.csv row 2)
          ["CH-1", "2016-06-01"]
        ]
      ]
    ])
    expect(r.problems.map((p) => [p.file, p.row, p.column, p.rule])).toEqual([
      ["cases.csv", 3, "Admission date", "dates-in-order"],
      ["cases.csv", 4, "Case ID", "duplicate-id"],
      ["cases.csv", 4, "Child ID", "unresolved-reference"],
      ["visits.csv", 2, "Visit date", "dates-in-order"]
    ])
    expect(r.problems[0]?.related).toEqual({ file: "children.csv", row: 3, column: "DOB" })
    expect(r.problems[3]?.related).toEqual({ file: "cases.csv", row: 2, column: "Opened" })
    expect(r.files?.map((f) => [f.file, f.rows, f.invalidRows])).toEqual([
      ["children.csv", 2, 0],
      ["cases.csv", 3, 2],
      ["visits.csv", 2, 1]
    ])
    expect(r.checks?.find((c) => c.code === "unresolved-reference")).toMatchObject({
      status: "ran",
      note: "checked: child"
    })
  })

  it("references are not checked when the dataset holds no record of the kind referred to", () => {
    const r = run([["cases", cases, [["CASE-1", "CH-9", "2015-01-01", "2015-02-01"]]]])
    expect(r.problems).toEqual([])
    expect(r.checks?.find((c) => c.code === "unresolved-reference")).toMatchObject({
      status: "skipped",
      note: "not checked: child (no child records in the dataset)"
    })
  })

  it("a reference counted once per missing id, with the number of rows", () => {
    const r = run([
      ["children", children, [["CH-1", "2010-01-01"]]],
      [
        "cases",
        cases,
        [
          ["CASE-1", "CH-8", "2015-01-01", "2015-02-01"],
          ["CASE-2", "CH-8", "2015-01-01", "2015-02-01"]
        ]
      ]
    ])
    expect(r.problems.map((p) => [p.row, p.rule, p.message])).toEqual([
      [2, "unresolved-reference", "No child in the dataset has this id (2 rows refer to it; this is the first)"]
    ])
  })

  it("a child file after the cases: the order is checked at the end, on the earliest date of each kind", () => {
    const r = run([
      ["cases", cases, [["CASE-1", "CH-1", "2009-01-01", "2009-02-01"]]],
      ["children", children, [["CH-1", "2010-01-01"]]]
    ])
    expect(r.problems.map((p) => [p.file, p.row, p.column, p.rule])).toEqual([
      ["cases.csv", 2, "Admission date", "dates-in-order"],
      ["cases.csv", 2, "Opened", "dates-in-order"]
    ])
  })
})

describe("Dataset: consents, institutions and household members", () => {
  it("a consent in the row (a partial record): its date after the as-of date, or before the child's birth", () => {
    const m = mapping({
      records: {
        child: { columns: { ID: "id", DOB: "birth.date" }, partial: true },
        consent: {
          id: "generate",
          columns: { "Consent date": "givenOn" },
          constants: { kind: "caregiver-consent" },
          partial: true
        }
      },
      subject: "ID"
    })
    const r = Dataset.validateTable(
      ["ID", "DOB", "Consent date"],
      [
        ["CH-1", "2010-01-01", "2016-05-05"],
        ["CH-2", "2010-01-01", "2025-01-01"],
        ["CH-3", "2012-01-01", "2011-06-01"]
      ],
      { mapping: m, asOf }
    )
    expect(found(r)).toEqual([
      [3, "Consent date", "date-after-as-of"],
      [4, "Consent date", "dates-in-order"]
    ])
    expect(r.problems[0]?.record).toBe("consent")
  })

  it("a case's institution and a consent's giver (a household member) resolve across files", () => {
    const m = mapping({
      records: {
        institution: {
          columns: { "RCI code": "id", Name: "name", Kind: "kind", Status: "status", Province: "location.province" },
          from: ["institutions"]
        },
        household: {
          columns: { "Household ID": "id", "Member ID": "members.0.id", Relationship: "members.0.relationship" },
          partial: true,
          from: ["households"]
        },
        case: { columns: { "Case ID": "id", "RCI code": "institutionId" }, partial: true, from: ["cases"] },
        consent: { columns: { "Consent ID": "id", "Given by": "givenBy" }, partial: true, from: ["consents"] }
      }
    })
    const s = Dataset.make({ mapping: m, asOf })
    const feed = (name: string, headers: Array<string>, rows: Array<Array<string>>) => {
      const f = s.flat({ name: `${name}.csv`, format: "csv", headers, names: [name] })
      for (const [i, r] of rows.entries()) f.row(i + 2, r)
    }
    feed(
      "cases",
      ["Case ID", "RCI code"],
      [
        ["C-1", "RCI-1"],
        ["C-2", "RCI-9"]
      ]
    )
    feed(
      "consents",
      ["Consent ID", "Given by"],
      [
        ["K-1", "M-1"],
        ["K-2", "M-7"]
      ]
    )
    feed(
      "institutions",
      ["RCI code", "Name", "Kind", "Status", "Province"],
      [["RCI-1", "Home of Hope", "residential-care", "operating", "Siem Reap"]]
    )
    feed("households", ["Household ID", "Member ID", "Relationship"], [["HH-1", "M-1", "parent"]])
    const r = s.finish()
    expect(r.problems.map((p) => [p.file, p.row, p.column, p.rule])).toEqual([
      ["cases.csv", 3, "RCI code", "unresolved-reference"],
      ["consents.csv", 3, "Given by", "unresolved-reference"]
    ])
    expect(r.problems[1]?.message).toMatch(/No household member or child in the dataset has this id/)
  })
})

describe("Dataset: boundaries", () => {
  const child = mapping({
    records: {
      child: { columns: { ID: "id", DOB: "birth.date" }, partial: true },
      case: {
        id: "generate",
        columns: { Admitted: "placement.since" },
        constants: { "placement.type": "residential-care" },
        links: { childId: "child" },
        partial: true
      }
    }
  })
  const one = (dob: string, admitted: string, at = asOf) =>
    Dataset.validateTable(["ID", "DOB", "Admitted"], [["CH-1", dob, admitted]], {
      mapping: child,
      asOf: at
    }).problems.map((p) => p.rule)

  it.each([
    ["2000-03-15", "2018-03-14", []],
    ["2000-03-15", "2018-03-15", ["adult-on-admission"]],
    ["2000-03-15", "2018-03-16", ["adult-on-admission"]],
    ["2004-02-29", "2022-02-28", []],
    ["2004-02-29", "2022-03-01", ["adult-on-admission"]],
    ["2000-02-29", "2018-02-28", []],
    ["2000-02-29", "2018-03-01", ["adult-on-admission"]]
  ])(
    "UN Convention on the Rights of the Child 1989, art. 1 (adult at 18, profile cambodia-mosvy): born %s, admitted %s",
    (dob, admitted, rules) => {
      expect(one(dob, admitted)).toEqual(rules)
    }
  )

  it("the adult age comes from the profile", () => {
    const r = Dataset.validateTable(["ID", "DOB", "Admitted"], [["CH-1", "2000-03-15", "2018-03-15"]], {
      mapping: child,
      asOf,
      profile: Profiles.unGuidelines2009
    })
    expect(r.profile).toBe(Profiles.unGuidelines2009.id)
    expect(r.checks?.find((c) => c.code === "adult-on-admission")?.status).toBe("ran")
  })

  it.each([
    ["2024-06-30", []],
    ["2024-07-01", ["date-after-as-of"]],
    ["2024-06-29", []],
    ["2024-02-29", []],
    ["2024-12-31", ["date-after-as-of"]]
  ])("as of 2024-06-30, an admission on %s", (admitted, rules) => {
    expect(one("2010-01-01", admitted)).toEqual(rules)
  })

  it("as of a 29 February: that day is allowed, the next is after it", () => {
    const leap = new Date("2024-02-29T00:00:00Z")
    expect(one("2010-01-01", "2024-02-29", leap)).toEqual([])
    expect(one("2010-01-01", "2024-03-01", leap)).toEqual(["date-after-as-of"])
  })

  it.each([
    ["1994-06-30", []],
    ["1993-07-01", []],
    ["1993-06-30", ["implausible-age"]],
    ["1993-06-29", ["implausible-age"]]
  ])("implausible age (over 30 on 2024-06-30, a Homeward default): born %s", (dob, rules) => {
    const r = Dataset.validateTable(["ID", "DOB"], [["CH-1", dob]], { mapping: child, asOf })
    expect(r.problems.map((p) => p.rule)).toEqual(rules)
    if (rules.length > 0) expect(r.warnings).toBe(1)
  })

  it("born on the admission day is in order; the day after is not", () => {
    expect(one("2015-01-10", "2015-01-10")).toEqual([])
    expect(one("2015-01-11", "2015-01-10")).toEqual(["dates-in-order"])
  })
})

describe("Dataset: options", () => {
  it("onProblem hears every problem as it is found, beyond maxProblems too", () => {
    const heard: Array<[number | undefined, string, string]> = []
    const s = Dataset.make({
      mapping: Mapping.single("child"),
      asOf,
      maxProblems: 1,
      onProblem: (p, file) => heard.push([p.row, p.rule, file])
    })
    const f = s.flat({
      name: "c.csv",
      format: "csv",
      headers: ["id", "birth.date", "birth.estimated", "sex", "school"]
    })
    f.row(2, ["CH-1", "2010-01-01", "no", "girl", "enrolled"])
    expect(heard).toEqual([[2, "choice", "c.csv"]])
    f.row(3, ["CH-1", "2031-01-01", "no", "female", "enrolled"])
    expect(s.finish().problems).toHaveLength(1)
    expect(heard.map(([row, rule]) => [row, rule])).toEqual([
      [2, "choice"],
      [3, "duplicate-id"],
      [3, "date-after-as-of"]
    ])
  })

  it.each([-1, 1.5, 100_001, Number.NaN, 1e9])("refuses --max-problems %s", (n) => {
    expect(() => Dataset.make({ mapping: Mapping.single("child"), asOf, maxProblems: n })).toThrow(
      /whole number from 0 to 100,000/
    )
  })

  it("refuses an invalid as-of date", () => {
    expect(() => Dataset.make({ mapping: Mapping.single("child"), asOf: new Date("nope") })).toThrow(/as-of/)
  })

  it("keeps at most maxProblems in full and counts all", () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`CH ${i}`, "2010-01-01", "no", "female", "enrolled"])
    const r = Dataset.validateTable(["id", "birth.date", "birth.estimated", "sex", "school"], rows, {
      mapping: Mapping.single("child"),
      asOf,
      maxProblems: 7
    })
    expect(r.problems).toHaveLength(7)
    expect(r.errors).toBe(50)
    expect(r.truncated).toBe(true)
  })
})

describe("attack: a header row missing (issue 14, item 3)", () => {
  it("a CSV without its header row is refused, and no name or phone of the first child is printed", () => {
    const text = "CH-1,Sokha,Chan,2010-03-14,no,female,enrolled,012345678\nCH-2,Dara,Sok,2011-01-01,no,male,enrolled,\n"
    let message = ""
    try {
      Dataset.validateCsvText(text, { mapping: Mapping.single("child"), asOf })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/no cell of the first row .* names a field of child: the file has no header row/)
    for (const s of ["Sokha", "Chan", "012345678", "CH-1"]) expect(message).not.toContain(s)
  })

  it("an unknown header is named by its column letter, never by its text", () => {
    const r = Dataset.validateCsvText("id,Sokha Chan 012345678\nCH-1,x\n", { mapping: Mapping.single("child"), asOf })
    expect(r.problems.find((p) => p.rule === "unknown-column")?.column).toBe("column B")
    expect(JSON.stringify(r)).not.toContain("Sokha")
  })
})

describe("attack: huge list indices in headers (issue 14, item 8)", () => {
  it.each(["siblingIds.4294967294", "siblingIds.1000000000", "siblingIds[1000]"])(
    "header %s is refused for that column at once (bounded time), not expanded into a huge list",
    (h) => {
      const t = performance.now()
      const r = Dataset.validateCsvText(`id,${h}\nCH-1,CH-2\nCH-2,CH-1\n`, { mapping: Mapping.single("child"), asOf })
      expect(performance.now() - t).toBeLessThan(10_000)
      expect(r.problems.find((p) => p.rule === "list-index")).toMatchObject({ column: "column B", severity: "error" })
    }
  )

  it("index 999 is still a list item", () => {
    const r = Dataset.validateCsvText("id,siblingIds.999\nCH-1,CH-2\n", { mapping: Mapping.single("child"), asOf })
    expect(r.problems.some((p) => p.rule === "list-index")).toBe(false)
  })
})

describe("attack: values of sensitive fields never appear in a report", () => {
  const marker = fc.stringMatching(/^Q[a-z]{6,10}Z$/)
  fcTest.prop([marker, marker, marker, fc.constantFrom("2010-02-30", "x", "", "2031-01-01", "maybe")], { numRuns: 60 })(
    "names, villages, addresses, phones and notes planted in a flat export stay out of the report",
    (name, village, phone, bad) => {
      const r = table([
        row({ Name: name, Village: village, Phone: phone, DOB: bad, "Admission date": bad, Sex: bad }),
        row({ Name: `${name} ${name}`, Village: village, Phone: phone, "Poverty only": bad, "Child ID": name }),
        row({ "Child ID": `${name} ${village}`, Name: phone, Phone: `${phone}${bad}` })
      ])
      const text = JSON.stringify(r)
      for (const m of [name, village, phone]) expect(text).not.toContain(m)
    }
  )
})

describe("memory grows with ids, not rows", () => {
  it("300,000 visit rows about 100 children keep a few kilobytes per id, not per row", async () => {
    const { setFlagsFromString } = await import("node:v8")
    const { runInNewContext } = await import("node:vm")
    setFlagsFromString("--expose-gc")
    const gc = runInNewContext("gc") as () => void
    const m = mapping({
      records: {
        child: { columns: { Child: "id", DOB: "birth.date" }, partial: true, unique: false },
        visit: { type: "follow-up-visit", id: "generate", columns: { "Visit date": "date" }, partial: true }
      }
    })
    const s = Dataset.make({ mapping: m, asOf, maxProblems: 100 })
    const f = s.flat({ name: "visits.csv", format: "csv", headers: ["Child", "DOB", "Visit date"] })
    const feed = (from: number, to: number) => {
      for (let i = from; i < to; i++) f.row(i + 2, [`CH-${i % 100}`, "2010-01-01", `2020-0${(i % 9) + 1}-1${i % 9}`])
    }
    feed(0, 50_000)
    gc()
    const before = process.memoryUsage().heapUsed
    feed(50_000, 300_000)
    gc()
    const grown = process.memoryUsage().heapUsed - before
    expect(s.rows()).toBe(300_000)
    // 250,000 more rows: one bit each in the row set (about 31 KB); allow noise
    expect(grown).toBeLessThan(8 * 1024 * 1024)
    expect(s.finish().records).toEqual({ child: 300_000, visit: 300_000 })
  })
})

describe("references of the records of issue 17's new record types", () => {
  it("a safety plan's household and an agreement's household and caregiver must be in the dataset (Assessment.SafetyPlan, Agreement.ReunificationAgreement)", () => {
    const m = mapping({
      records: {
        household: { from: ["households.json"], columns: {} },
        "safety-plan": { from: ["plans.json"], columns: {} },
        "reunification-agreement": { from: ["agreements.json"], columns: {} }
      }
    })
    const s = Dataset.make({ mapping: m, asOf })
    const hh = s.records({ name: "households.json", format: "json", record: "household" })
    hh.record(1, {
      id: "HH-1",
      members: [{ id: "HH-1-m1", relationship: "grandparent", primaryCaregiver: true }],
      location: { province: "Siem Reap" },
      housing: "suitable",
      livelihood: "stable",
      tracing: "traced"
    })
    hh.close()
    const plans = s.records({ name: "plans.json", format: "json", record: "safety-plan" })
    plans.record(1, { id: "sp-1", date: "2019-03-01", householdId: "HH-1", domains: [], approvedBy: "mgr-1" })
    plans.record(2, { id: "sp-2", date: "2019-03-01", householdId: "HH-9", domains: [], approvedBy: "mgr-1" })
    plans.close()
    const agreements = s.records({ name: "agreements.json", format: "json", record: "reunification-agreement" })
    agreements.record(1, {
      id: "ag-1",
      date: "2019-04-01",
      householdId: "HH-1",
      caregiverId: "HH-1-m9",
      caseworkerId: "sw-1",
      childSigned: true,
      witnesses: []
    })
    agreements.close()
    const r = s.finish()
    expect(r.problems.map((p) => [p.file, p.row, p.path, p.rule])).toEqual([
      ["plans.json", 2, "householdId", "unresolved-reference"],
      ["agreements.json", 1, "caregiverId", "unresolved-reference"]
    ])
  })
})
