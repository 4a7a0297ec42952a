import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Dataset from "../src/Dataset.js"
import * as Presets from "../src/Presets.js"

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")
const asOf = new Date("2024-06-30T00:00:00Z")

const names = (csv: string, columns: ReadonlyArray<number>): Array<string> =>
  csv
    .split("\n")
    .slice(1)
    .flatMap((l) => {
      const cells = l.split(",")
      return columns.map((c) => cells[c] ?? "").filter((s) => s.length > 2)
    })

describe("Presets", () => {
  it.each(Presets.names)("%s: the preset is a valid mapping and cites the files its headers come from", (name) => {
    const m = Presets.get(name)
    expect(m.records.length).toBeGreaterThan(1)
    const source = m.source as { repository: string; commit: string; files: ReadonlyArray<string> }
    expect(source.repository).toMatch(/^https:\/\/github\.com\//)
    expect(source.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(source.files.length).toBeGreaterThan(0)
  })

  it("OSCaR client export (app/grids/client_grid.rb, config/locales/en.yml of Children-in-Families/oscar-web): the planted mistakes, and no name", () => {
    const csv = fixture("oscar-clients.csv")
    const r = Dataset.validateCsvText(csv, { mapping: Presets.get("oscar"), asOf, name: "oscar-clients.csv" })
    expect(r.problems.map((p) => [p.row, p.column, p.rule])).toEqual([
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
    // "14 March 2010", OSCaR's way of writing a date of birth, is read as 2010-03-14
    expect(r.rows).toBe(8)
    expect(r.records).toEqual({ child: 8, household: 8 })
    const text = JSON.stringify(r)
    for (const n of names(csv, [1, 2, 3, 4, 12])) expect(text).not.toContain(n)
  })

  it("Primero case export (app/models/exporters/csv_exporter.rb, db/configuration/forms/case/basic_identity.rb of primeroIMS/primero): the planted mistakes, and no name, address or phone", () => {
    const csv = fixture("primero-cases.csv")
    const r = Dataset.validateCsvText(csv, { mapping: Presets.get("primero"), asOf, name: "primero-cases.csv" })
    expect(r.problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [3, "registration_date", "dates-in-order"],
      [4, "status", "choice"],
      [4, "sex", "choice"],
      [5, "age", "type"],
      [5, "date_of_birth", "IsoDate"],
      [5, "estimated", "yes-no"],
      [6, "case_id_display", "duplicate-id"],
      [7, "registration_date", "date-after-as-of"]
    ])
    expect(r.records).toEqual({ child: 6, case: 6, household: 6 })
    const text = JSON.stringify(r)
    for (const n of names(csv, [4, 5, 6, 13, 14])) expect(text).not.toContain(n)
  })
})
