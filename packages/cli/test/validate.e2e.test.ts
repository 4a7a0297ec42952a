import { spawnSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { fc, test as fcTest } from "@fast-check/vitest"
import ExcelJS from "exceljs"
import { beforeAll, describe, expect, it } from "vitest"
import { BIN, HEADER, json, run, tmp, write } from "./helpers.js"

let dir = ""
beforeAll(() => {
  dir = tmp()
})

const validRow = (i: number) => `CH-${i},Sok,Dara,2010-05-0${(i % 9) + 1},no,female,enrolled,CH-${i + 1}`

describe("homeward validate: CSV", () => {
  it("exit 0 and an OK summary for a clean file", () => {
    write(dir, "clean.csv", [HEADER, validRow(1), validRow(2)].join("\n"))
    const r = run(["validate", "clean.csv", "--as", "child"], dir)
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("2 rows: 2 valid")
    expect(r.stdout).toContain("OK: no problems found.")
  })

  it("reports wrong types, impossible dates and unknown choices with row, column and rule (exit 1)", () => {
    write(
      dir,
      "errors.csv",
      [
        HEADER,
        validRow(1),
        "CH-2,Sok,Dara,2023-02-30,maybe,girl,enrolled,",
        "CH 3,,,2010-01-01,yes,male,school,CH-1|bad id"
      ].join("\r\n")
    )
    const r = run(["validate", "errors.csv", "--as", "child", "--format", "json"], dir)
    expect(r.code).toBe(1)
    const rep = json(r)
    expect(rep.rows).toBe(3)
    expect(rep.validRows).toBe(1)
    expect(rep.invalidRows).toBe(2)
    const at = (row: number, column: string) => rep.problems.find((p) => p.row === row && p.column === column)
    expect(at(3, "birth.date")?.message).toMatch(/calendar date/)
    expect(at(3, "birth.date")?.value).toBe("2023-02-30")
    expect(at(3, "birth.estimated")?.rule).toBe("type")
    expect(at(3, "sex")?.rule).toBe("choice")
    expect(at(3, "sex")?.message).toContain("female")
    expect(at(4, "id")?.rule).toBe("Id")
    expect(at(4, "school")?.rule).toBe("choice")
    expect(at(4, "siblingIds")?.path).toBe("siblingIds[1]")
    expect(rep.summary.find((s) => s.column === "sex")?.count).toBe(1)
  })

  it("reports a missing required column once, not on every row", () => {
    write(
      dir,
      "missing.csv",
      ["id,birth.date,birth.estimated,school", "CH-1,2010-01-01,no,enrolled", "CH-2,2010-01-01,no,enrolled"].join("\n")
    )
    const r = run(["validate", "missing.csv", "--as", "child", "--format", "json"], dir)
    expect(r.code).toBe(1)
    const rep = json(r)
    const missing = rep.problems.filter((p) => p.rule === "missing-column")
    expect(missing).toHaveLength(1)
    expect(missing[0]?.column).toBe("sex")
    expect(missing[0]?.row).toBeUndefined()
    expect(rep.problems.filter((p) => p.path === "sex")).toHaveLength(1)
  })

  it("warns once about an unknown column and still exits 0 when the rows are clean", () => {
    write(dir, "unknown.csv", [`${HEADER},Favourite colour`, `${validRow(1)},blue`].join("\n"))
    const r = run(["validate", "unknown.csv", "--as", "child", "--format", "json"], dir)
    expect(r.code).toBe(0)
    const rep = json(r)
    expect(rep.warnings).toBe(1)
    // the header of an unknown column is not echoed (it may be data): the column is named by its letter
    expect(rep.problems[0]).toMatchObject({ severity: "warning", rule: "unknown-column", column: "column I" })
    expect(r.stdout).not.toContain("Favourite colour")
  })

  it("reads a UTF-8 BOM, semicolons, CRLF, Khmer text and a quoted cell with a newline; rows as in the spreadsheet", () => {
    const rows = [
      "id;givenName;birth.date;birth.estimated;sex;school",
      "CH-1;សុខ ដារា;2010-05-01;ទេ;female;enrolled",
      'CH-2;"ស្រី\nពៅ";2011-06-01;no;female;enrolled',
      "CH-3;ចាន់;2012-07-01;no;female;graduate"
    ]
    write(dir, "khmer.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join("\r\n"), "utf8")]))
    const r = run(["validate", "khmer.csv", "--as", "child", "--format", "json"], dir)
    const rep = json(r)
    expect(rep.delimiter).toBe(";")
    expect(rep.rows).toBe(3)
    // row 2: "ទេ" is not a yes/no; row 4 (after a two-line cell): unknown school
    expect(rep.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "birth.estimated"],
      [4, "school"]
    ])
    expect(r.stdout).not.toContain("សុខ")
    expect(r.stdout).not.toContain("ពៅ")
  })

  it("converts slash dates only when told the order, otherwise explains how to write them", () => {
    write(dir, "slash.csv", [HEADER, "CH-1,,,31/12/2010,no,female,enrolled,"].join("\n"))
    const plain = json(run(["validate", "slash.csv", "--as", "child", "--format", "json"], dir))
    expect(plain.problems[0]?.message).toMatch(/--dates dmy/)
    const dmy = run(["validate", "slash.csv", "--as", "child", "--dates", "dmy"], dir)
    expect(dmy.code).toBe(0)
  })

  it("flags a row with more cells than the header", () => {
    write(
      dir,
      "extra.csv",
      ["id,birth.date,birth.estimated,sex,school", "CH-1,2010-01-01,no,female,enrolled,oops"].join("\n")
    )
    const rep = json(run(["validate", "extra.csv", "--as", "child", "--format", "json"], dir))
    expect(rep.problems[0]).toMatchObject({ row: 2, rule: "extra-cells" })
  })

  it("sniffs tab and pipe delimiters and honours --delimiter", () => {
    write(dir, "tab.csv", [HEADER.replaceAll(",", "\t"), validRow(1).replaceAll(",", "\t")].join("\n"))
    expect(json(run(["validate", "tab.csv", "--as", "child", "--format", "json"], dir)).delimiter).toBe("\t")
    write(dir, "pipe.txt", [HEADER.replaceAll(",", "|"), validRow(1).replaceAll(",", "|")].join("\n"))
    const r = run(["validate", "pipe.txt", "--as", "child", "--delimiter", "|", "--format", "json"], dir)
    expect(r.code).toBe(0)
  })
})

describe("homeward validate: progress", () => {
  it("draws a progress bar on a terminal (stderr TTY) and nothing when piped", () => {
    const rows = [HEADER, ...Array.from({ length: 30_000 }, (_, i) => validRow(i))]
    write(dir, "progress.csv", rows.join("\n"))
    const piped = run(["validate", "progress.csv", "--as", "child"], dir)
    expect(piped.code).toBe(0)
    expect(piped.stderr).toBe("")
    // util-linux `script` gives the command a pseudo-terminal
    const tty = spawnSync(
      "script",
      ["-qec", `"${process.execPath}" "${BIN}" validate progress.csv --as child`, "/dev/null"],
      {
        cwd: dir,
        encoding: "utf8"
      }
    )
    expect(tty.status).toBe(0)
    expect(tty.stdout).toMatch(/\[#*-*\]\s+\d+% [\d,]+ rows/)
  })
})

describe("homeward validate: unusable input (exit 2, one line on stderr)", () => {
  const cases: Array<[string, () => Array<string>, RegExp]> = [
    ["a missing file", () => ["validate", "nope.csv", "--as", "child"], /not found/],
    [
      "an empty file",
      () => {
        write(dir, "empty.csv", "")
        return ["validate", "empty.csv", "--as", "child"]
      },
      /empty/
    ],
    [
      "a binary file",
      () => {
        write(dir, "photo.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x10]))
        return ["validate", "photo.csv", "--as", "child"]
      },
      /binary/
    ],
    [
      "an unclosed quote",
      () => {
        write(
          dir,
          "quote.csv",
          `${HEADER}\nCH-1,"Sok,Dara,2010-01-01,no,female,enrolled,\nCH-2,a,b,2010-01-01,no,male,enrolled,\n`
        )
        return ["validate", "quote.csv", "--as", "child"]
      },
      /quoted field in the row on line 2 is never closed/
    ],
    [
      "an unknown record type",
      () => {
        write(dir, "k.csv", `${HEADER}\n${validRow(1)}\n`)
        return ["validate", "k.csv", "--as", "kid"]
      },
      /unknown record type "kid"/
    ],
    [
      "a fake .xlsx",
      () => {
        write(dir, "fake.xlsx", "id,sex\n")
        return ["validate", "fake.xlsx", "--as", "child"]
      },
      /not an Excel workbook/
    ],
    [
      "malformed JSON",
      () => {
        write(dir, "bad.json", "[{")
        return ["validate", "bad.json", "--as", "child"]
      },
      /malformed JSON/
    ]
  ]
  for (const [name, args, reason] of cases) {
    it(name, () => {
      const r = run(args(), dir)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(reason)
      expect(r.stderr.trim().split("\n")).toHaveLength(1)
      expect(r.stdout).toBe("")
    })
  }

  it("a command-line mistake (missing --as) exits 2", () => {
    write(dir, "k2.csv", `${HEADER}\n${validRow(1)}\n`)
    expect(run(["validate", "k2.csv"], dir).code).toBe(2)
  })
})

describe("homeward validate: JSON, JSON Lines, XLSX", () => {
  it("JSON array: rows are positions, nested fields checked", () => {
    write(
      dir,
      "children.json",
      JSON.stringify([
        { id: "CH-1", birth: { date: "2010-01-01", estimated: false }, sex: "female", school: "enrolled" },
        { id: "CH-2", birth: { date: "2010-01-01" }, sex: "female", school: "enrolled" }
      ])
    )
    const r = run(["validate", "children.json", "--as", "child", "--format", "json"], dir)
    expect(r.code).toBe(1)
    expect(json(r).problems).toEqual([
      expect.objectContaining({ row: 2, column: "birth.estimated", rule: "required", received: "missing" })
    ])
  })

  it("one JSON record", () => {
    write(
      dir,
      "one.json",
      JSON.stringify({ id: "CH-1", birth: { date: "2010-01-01", estimated: false }, sex: "female", school: "enrolled" })
    )
    expect(run(["validate", "one.json", "--as", "child"], dir).code).toBe(0)
  })

  it("JSON Lines: rows are line numbers; a broken line is a row error", () => {
    const ok = JSON.stringify({
      id: "CH-1",
      birth: { date: "2010-01-01", estimated: false },
      sex: "female",
      school: "enrolled"
    })
    write(dir, "c.jsonl", `${ok}\n{not json\n\n${ok.replace("2010-01-01", "2010-02-31").replace("CH-1", "CH-2")}\n`)
    const rep = json(run(["validate", "c.jsonl", "--as", "child", "--format", "json"], dir))
    expect(rep.format).toBe("jsonl")
    expect(rep.problems.map((p) => [p.row, p.rule])).toEqual([
      [2, "json"],
      [4, expect.any(String)]
    ])
  })

  it("XLSX: first sheet or --sheet, Excel row numbers, typed cells and dates", async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet("Notes").addRow(["nothing here"])
    const ws = wb.addWorksheet("Children")
    ws.addRow(["Child code", "DOB", "Estimated", "Sex", "School", "Name"])
    ws.addRow(["CH-1", new Date(Date.UTC(2010, 4, 1)), true, "F", "enrolled", "Sokha"])
    ws.addRow(["CH-2", "2023-02-30", "no", "X", "enrolled", "Bopha"])
    ws.addRow([42, new Date(Date.UTC(2011, 0, 1)), 1, "M", "enrolled", "Vanna"])
    await wb.xlsx.writeFile(join(dir, "children.xlsx"))
    write(
      dir,
      "map.json",
      JSON.stringify({
        columns: {
          "Child code": "id",
          DOB: "birth.date",
          Estimated: "birth.estimated",
          Sex: "sex",
          School: "school",
          Name: "givenName"
        },
        values: { sex: { F: "female", M: "male" } }
      })
    )
    const noSheet = run(["validate", "children.xlsx", "--as", "child", "--sheet", "Missing"], dir)
    expect(noSheet.code).toBe(2)
    expect(noSheet.stderr).toMatch(
      /no sheet with the name given to --sheet \(it has 2 sheets; their names are not shown/
    )
    expect(noSheet.stderr).not.toMatch(/Notes|Children/)
    const r = run(
      [
        "validate",
        "children.xlsx",
        "--as",
        "child",
        "--sheet",
        "Children",
        "--mapping",
        "map.json",
        "--format",
        "json"
      ],
      dir
    )
    const rep = json(r)
    expect(rep.format).toBe("xlsx")
    expect(rep.sheet).toBe("Children")
    expect(rep.rows).toBe(3)
    expect(rep.problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [3, "DOB", expect.any(String)],
      [3, "Sex", "choice"]
    ])
    expect(r.stdout).not.toMatch(/Sokha|Bopha|Vanna/)
  })
})

describe("homeward validate: mapping files", () => {
  it("maps headers and codes", () => {
    write(
      dir,
      "ngo.csv",
      ["Child code;DOB;Est;Gender;School;Sibling codes", "CH-1;2010-01-01;no;F;enrolled;CH-2 | CH-3"].join("\n")
    )
    write(
      dir,
      "ngo-map.json",
      JSON.stringify({
        columns: {
          "Child code": "id",
          DOB: "birth.date",
          Est: "birth.estimated",
          Gender: "sex",
          School: "school",
          "Sibling codes": "siblingIds"
        },
        values: { sex: { f: "female", m: "male" } }
      })
    )
    const r = run(["validate", "ngo.csv", "--as", "child", "--mapping", "ngo-map.json"], dir)
    expect(r.stdout).toContain("1 valid")
    expect(r.code).toBe(0)
  })

  it("rejects a mapping to fields that do not exist and codes outside the choices (exit 2, says which)", () => {
    write(dir, "ngo2.csv", "Child code\nCH-1\n")
    write(dir, "bad-map.json", JSON.stringify({ columns: { "Child code": "idd" }, values: { sex: { F: "woman" } } }))
    const r = run(["validate", "ngo2.csv", "--as", "child", "--mapping", "bad-map.json"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/"idd", which is not a field of child/)
    expect(r.stderr).toMatch(/"woman", which is not one of/)
  })

  it("rejects a mapping file of the wrong shape", () => {
    write(dir, "ngo3.csv", "id\nCH-1\n")
    write(dir, "shape.json", JSON.stringify({ columns: ["id"] }))
    const r = run(["validate", "ngo3.csv", "--as", "child", "--mapping", "shape.json"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/bad mapping file/)
  })
})

describe("homeward validate never prints sensitive values", () => {
  const name = fc.stringMatching(/^[A-Za-z\u1780-\u17B3]{8,16}$/)
  fcTest.prop([fc.array(fc.tuple(name, name, name), { minLength: 1, maxLength: 4 })], { numRuns: 4 })(
    "names and notes in rows with errors, and wrongly typed names, stay out of stdout and stderr (CSV and JSON)",
    (people) => {
      const d = tmp()
      const csv = [
        "id,givenName,familyName,specialNeeds,birth.date,birth.estimated,sex,school",
        ...people.map(([g, f, n], i) => `CH-${i},${g.repeat(i === 0 ? 300 : 1)},${f},${n},2023-02-30,maybe,girl,school`)
      ].join("\n")
      writeFileSync(join(d, "p.csv"), csv)
      const records = people.map(([g, f, n], i) => ({
        id: `CH-${i}`,
        givenName: [g],
        familyName: { f },
        specialNeeds: i === 0 ? 7 : n,
        birth: { date: "2023-02-30", estimated: "maybe" },
        sex: "girl",
        school: "school"
      }))
      writeFileSync(join(d, "p.json"), JSON.stringify(records))
      for (const file of ["p.csv", "p.json"]) {
        for (const format of ["table", "json"]) {
          const r = run(["validate", file, "--as", "child", "--format", format], d)
          expect(r.code).toBe(1)
          expect(r.stdout).toContain("girl")
          for (const [g, f, n] of people) {
            for (const s of [g, f, n]) {
              expect(r.stdout).not.toContain(s)
              expect(r.stderr).not.toContain(s)
            }
          }
        }
      }
    }
  )
})
