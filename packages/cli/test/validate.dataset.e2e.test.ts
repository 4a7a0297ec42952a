/**
 * `homeward validate` on whole datasets (issue 15): a folder of files, the
 * sheets of a workbook, several records per row, presets for OSCaR and
 * Primero exports, `--as-of`.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import ExcelJS from "exceljs"
import { beforeAll, describe, expect, it } from "vitest"
import { json, run, tmp, write } from "./helpers.js"

const fixtures = resolve(import.meta.dirname, "../../validate/test/fixtures")

let dir = ""
beforeAll(() => {
  dir = tmp()
})

const mapping = {
  records: {
    child: { columns: { "Child ID": "id", DOB: "birth.date", Name: "givenName" }, partial: true, from: ["children"] },
    case: {
      columns: { "Case ID": "id", "Child ID": "childId", Admitted: "placement.since", Opened: "openedOn" },
      constants: { "placement.type": "residential-care" },
      partial: true,
      from: ["cases"]
    }
  },
  extra: { "Poverty only": { kind: "yes-no", from: ["cases"] } }
}

describe("homeward validate: a folder is one dataset", () => {
  it("ids across files, references, dates in order across files; an unreadable file is one problem, the others are checked", () => {
    const folder = join(dir, "export")
    mkdirSync(folder)
    write(folder, "children.csv", "Child ID,DOB,Name\nCH-1,2010-01-01,Sokha\nCH-2,2012-05-05,Dara\n")
    write(
      folder,
      "cases.csv",
      "Case ID,Child ID,Admitted,Opened,Poverty only\nC-1,CH-1,2015-01-01,2015-02-01,yes\nC-2,CH-2,2011-03-03,2016-01-01,maybe\nC-1,CH-9,2016-01-01,2016-02-01,no\n"
    )
    write(folder, "photo.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))
    write(folder, "map.json.txt", "not read: .txt is data, so it is a file of the dataset")
    write(dir, "export-map.json", JSON.stringify(mapping))
    const r = run(
      ["validate", "export", "--mapping", "export-map.json", "--format", "json", "--as-of", "2024-06-30"],
      dir
    )
    expect(r.code).toBe(1)
    const rep = json(r) as ReturnType<typeof json> & {
      files: Array<{ file: string; rows: number; errors: number }>
      problems: Array<{ file?: string; related?: { file?: string; row?: number; column: string } }>
      asOf: string
      recordTypes: Array<string>
    }
    expect(rep.asOf).toBe("2024-06-30")
    expect(rep.recordTypes).toEqual(["child", "case"])
    expect(rep.problems.map((p) => [p.file, p.row, p.column, p.rule])).toEqual([
      ["cases.csv", 3, "Admitted", "dates-in-order"],
      ["cases.csv", 3, "Poverty only", "yes-no"],
      ["cases.csv", 4, "Case ID", "duplicate-id"],
      ["cases.csv", 4, "Child ID", "unresolved-reference"],
      ["map.json.txt", undefined, "(file)", "unusable-file"],
      ["photo.csv", undefined, "(file)", "unusable-file"]
    ])
    expect(rep.problems[0]?.related).toEqual({ file: "children.csv", row: 3, column: "DOB" })
    expect(rep.files.map((f) => f.file)).toEqual(["cases.csv", "children.csv", "map.json.txt", "photo.csv"])
    expect(r.stdout).not.toMatch(/Sokha|Dara/)
    const table = run(["validate", "export", "--mapping", "export-map.json", "--as-of", "2024-06-30"], dir)
    expect(table.stdout).toMatch(/Files\n {2}FILE +ROWS/)
    expect(table.stdout).toMatch(/cases\.csv +3 +Admitted +dates-in-order/)
  })
})

describe("homeward validate: the sheets of a workbook are one dataset (--all-sheets)", () => {
  it("reads every sheet; sheets named in the mapping are shown by name", async () => {
    const wb = new ExcelJS.Workbook()
    const c = wb.addWorksheet("children")
    c.addRow(["Child ID", "DOB", "Name"])
    c.addRow(["CH-1", new Date(Date.UTC(2010, 0, 1)), "Sokha"])
    const k = wb.addWorksheet("cases")
    k.addRow(["Case ID", "Child ID", "Admitted", "Opened", "Poverty only"])
    k.addRow(["C-1", "CH-1", new Date(Date.UTC(2009, 0, 1)), "2015-02-01", "yes"])
    wb.addWorksheet("Sokha's notes").addRow(["nothing here"])
    await wb.xlsx.writeFile(join(dir, "book.xlsx"))
    write(dir, "book-map.json", JSON.stringify({ ...mapping, unmapped: "ignore" }))
    const r = run(
      [
        "validate",
        "book.xlsx",
        "--all-sheets",
        "--mapping",
        "book-map.json",
        "--format",
        "json",
        "--as-of",
        "2024-06-30"
      ],
      dir
    )
    const rep = json(r) as ReturnType<typeof json> & { problems: Array<{ file?: string }> }
    expect(rep.problems.map((p) => [p.file, p.row, p.column, p.rule])).toEqual([
      ["book.xlsx › cases", 2, "Admitted", "dates-in-order"],
      ["book.xlsx › sheet 3", undefined, "(file)", "unusable-file"]
    ])
    expect(r.stdout).not.toContain("Sokha")
  })
})

describe("homeward validate --preset", () => {
  it("oscar: the OSCaR client export as Excel (rows as Excel numbers them), no name printed", async () => {
    const csv = readFileSync(join(fixtures, "oscar-clients.csv"), "utf8")
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet("Clients")
    for (const line of csv.trim().split("\n")) ws.addRow(line.split(","))
    await wb.xlsx.writeFile(join(dir, "oscar.xlsx"))
    const r = run(["validate", "oscar.xlsx", "--preset", "oscar", "--format", "json", "--as-of", "2024-06-30"], dir)
    expect(r.code).toBe(1)
    expect(json(r).problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [3, "ID", "duplicate-id"],
      [4, "Gender", "choice"],
      [5, "Date of Birth", "IsoDate"],
      [6, "Initial Referral Date", "dates-in-order"],
      [7, "Has the client lived in an orphanage", "yes-no"],
      [8, "Status", "choice"],
      [9, "Date of Birth", "date-after-as-of"],
      [9, "Initial Referral Date", "dates-in-order"],
      [9, "Created Date", "dates-in-order"]
    ])
    expect(r.stdout).not.toMatch(/Sokha|Chan|Srey Neang|Bopha/)
  })

  it("primero: the Primero case export (CSV)", () => {
    copyFileSync(join(fixtures, "primero-cases.csv"), join(dir, "primero.csv"))
    const r = run(["validate", "primero.csv", "--preset", "primero", "--format", "json", "--as-of", "2024-06-30"], dir)
    expect(r.code).toBe(1)
    expect(json(r).problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [3, "registration_date", "dates-in-order"],
      [4, "status", "choice"],
      [4, "sex", "choice"],
      [5, "age", "type"],
      [5, "date_of_birth", "IsoDate"],
      [5, "estimated", "yes-no"],
      [6, "case_id_display", "duplicate-id"],
      [7, "registration_date", "date-after-as-of"]
    ])
    expect(r.stdout).not.toMatch(/012345678|House 12|Kouk Chak|Sokha/)
  })

  it("an unknown preset, or a preset with a mapping, is refused (exit 2)", () => {
    expect(run(["validate", "primero.csv", "--preset", "cpims"], dir).stderr).toMatch(/unknown preset "cpims"/)
    const both = run(["validate", "primero.csv", "--preset", "oscar", "--mapping", "book-map.json"], dir)
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/either a preset/)
  })
})

describe("homeward validate --as-of", () => {
  it("a date after the as-of day is an error; the default is today", () => {
    write(dir, "future.csv", "id,birth.date,birth.estimated,sex,school\nCH-1,2021-06-01,no,female,enrolled\n")
    expect(run(["validate", "future.csv", "--as", "child", "--as-of", "2021-05-31"], dir).code).toBe(1)
    expect(run(["validate", "future.csv", "--as", "child", "--as-of", "2021-06-01"], dir).code).toBe(0)
    expect(run(["validate", "future.csv", "--as", "child"], dir).code).toBe(0)
  })

  it.each(["2021-02-30", "yesterday", "2021-6-1"])("--as-of %s is refused (exit 2)", (d) => {
    const r = run(["validate", "future.csv", "--as", "child", "--as-of", d], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--as-of must be a real date written YYYY-MM-DD/)
  })
})

describe("homeward validate: JSON report version 1 keeps its fields", () => {
  it("the fields of version 1 are all there, with the added ones beside them", () => {
    write(dir, "v1.csv", "id,birth.date,birth.estimated,sex,school\nCH-1,2010-01-01,no,girl,enrolled\n")
    const rep = JSON.parse(run(["validate", "v1.csv", "--as", "child", "--format", "json"], dir).stdout) as Record<
      string,
      unknown
    >
    for (const k of [
      "version",
      "file",
      "format",
      "recordType",
      "delimiter",
      "rows",
      "validRows",
      "invalidRows",
      "errors",
      "warnings",
      "ok",
      "summary",
      "problems",
      "truncated"
    ])
      expect(rep).toHaveProperty(k)
    expect(rep["version"]).toBe(1)
    expect(Object.keys(rep).slice(0, 14)).toEqual([
      "version",
      "file",
      "format",
      "recordType",
      "delimiter",
      "rows",
      "validRows",
      "invalidRows",
      "errors",
      "warnings",
      "ok",
      "summary",
      "problems",
      "truncated"
    ])
    expect(Object.keys((rep["problems"] as Array<Record<string, unknown>>)[0] ?? {})).toEqual([
      "severity",
      "row",
      "column",
      "path",
      "rule",
      "message",
      "received",
      "value"
    ])
  })
})
