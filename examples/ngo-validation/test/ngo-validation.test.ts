import { execFile } from "node:child_process"
import { mkdtemp, readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"
import { run } from "../src/main.js"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const cli = join(root, "..", "..", "packages", "cli", "bin", "homeward.js")

/** Every name in the example sheets (Khmer and Latin), which must never be printed. */
const names = async (): Promise<ReadonlyArray<string>> => {
  const out: Array<string> = ["Sophea Kim", "Sophea", "visited in March"]
  for (const f of ["children.csv", "children-2019.csv", "flat-export.csv"]) {
    const lines = (await readFile(join(root, "data", f), "utf8"))
      .replace(/^\uFEFF/, "")
      .split("\n")
      .slice(1)
    for (const l of lines) {
      const cells = l.split(";")
      if (cells[1]) out.push(cells[1])
      if (cells[2]) out.push(cells[2])
      // the flat export's village and phone
      if (f === "flat-export.csv" && cells[10]) out.push(cells[10])
      if (f === "flat-export.csv" && cells[11]?.trim()) out.push(cells[11].trim())
    }
  }
  return out
}

const expected = [
  { row: 3, column: "Date of birth", rule: "IsoDate" }, // 30/02/2011: an impossible date
  { row: 4, column: "Gender", rule: "choice" }, // "Femal"
  { row: 5, column: "Child code", rule: "Id" } // a name typed into the id column
]

/** Mistakes between fields and rows planted in the flat export (as of 2024-06-30). */
const flatExpected = [
  { row: 6, column: "Child code", rule: "duplicate-id" }, // SR-201 again (first on row 2)
  { row: 7, column: "Admission date", rule: "date-after-as-of" }, // 15/03/2031
  { row: 8, column: "Admission date", rule: "IsoDate" }, // 15/13/2016: month 13
  { row: 9, column: "Admission date", rule: "dates-in-order" }, // admitted 2011, born 2012
  { row: 10, column: "Admission date", rule: "adult-on-admission" }, // born 1996, admitted 2015: 19
  { row: 11, column: "Poverty only", rule: "yes-no" } // "maybe"
]

describe("example: ngo-validation", () => {
  it("finds the impossible date, the unknown choice, the name in the id column (CSV and XLSX) and the missing column", async () => {
    const lines = await run(await mkdtemp(join(tmpdir(), "homeward-ngo-test-")))
    for (const file of ["children.csv", "children.xlsx"])
      expect(lines.filter((l) => l.file === file).map(({ row, column, rule }) => ({ row, column, rule }))).toEqual(
        expected
      )
    expect(lines.filter((l) => l.file === "children-2019.csv").map((l) => [l.column, l.rule])).toEqual([
      ["sex", "missing-column"]
    ])
    expect(
      lines.filter((l) => l.file === "flat-export.csv").map(({ row, column, rule }) => ({ row, column, rule }))
    ).toEqual(flatExpected)
    const text = JSON.stringify(lines)
    for (const n of await names()) expect(text).not.toContain(n)
  })

  it("the CLI (built) reports the same problems as JSON, exit code 1, and prints no name", async () => {
    const exec = promisify(execFile)
    const r = await exec(
      process.execPath,
      [
        cli,
        "validate",
        "data/children.csv",
        "--as",
        "child",
        "--mapping",
        "data/mapping.json",
        "--dates",
        "dmy",
        "--format",
        "json",
        "--as-of",
        "2024-06-30"
      ],
      { cwd: root }
    ).then(
      () => ({ code: 0, stdout: "" }),
      (e: { code: number; stdout: string }) => e
    )
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout) as {
      delimiter: string
      rows: number
      validRows: number
      problems: ReadonlyArray<{ row: number; column: string; rule: string }>
    }
    expect(report.delimiter).toBe(";")
    expect([report.rows, report.validRows]).toEqual([6, 3])
    expect(report.problems.map(({ row, column, rule }) => ({ row, column, rule }))).toEqual(expected)
    for (const n of await names()) expect(r.stdout).not.toContain(n)
  })
})

describe("example: ngo-validation, the flat export with the CLI", () => {
  it("finds the mistakes between fields and rows (exit 1) and prints no name, village or phone", async () => {
    const exec = promisify(execFile)
    for (const format of ["json", "table"]) {
      const r = await exec(
        process.execPath,
        [
          cli,
          "validate",
          "data/flat-export.csv",
          "--mapping",
          "data/flat-mapping.json",
          "--as-of",
          "2024-06-30",
          "--format",
          format
        ],
        { cwd: root }
      ).then(
        () => ({ code: 0, stdout: "" }),
        (e: { code: number; stdout: string }) => e
      )
      expect(r.code).toBe(1)
      if (format === "json") {
        const report = JSON.parse(r.stdout) as {
          recordTypes: ReadonlyArray<string>
          problems: ReadonlyArray<{ row: number; column: string; rule: string }>
        }
        expect(report.recordTypes).toEqual(["child", "case", "household"])
        expect(report.problems.map(({ row, column, rule }) => ({ row, column, rule }))).toEqual(flatExpected)
      }
      for (const n of await names()) expect(r.stdout).not.toContain(n)
    }
  })
})
