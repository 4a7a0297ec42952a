/** Files the page is tested with: made here, so that every test can fail on its own data. */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import ExcelJS from "exceljs"

export const FIXTURES = join(import.meta.dirname, "fixtures")

/** The messy NGO export (one row gives a child, a household and a case) and its mapping file. */
export const messyCsv = join(FIXTURES, "messy-ngo.csv")
export const messyMapping = join(FIXTURES, "ngo-mapping.json")

/** The name of the Khmer workbook ("children's data"). */
export const khmerXlsxName = "ទិន្នន័យកុមារ.xlsx"

/**
 * An OSCaR client list as Excel exports it, with Khmer in cells (names in
 * Khmer, a Khmer province), a sheet named in Khmer, dates of birth as text
 * (`14 March 2010`, as OSCaR writes them) and referral dates as Excel date
 * cells; mistakes: a duplicated id, an unknown gender, a referral date
 * after the as-of date, a bad yes/no.
 */
export const khmerXlsx = async (): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet("កុមារ")
  ws.addRow([
    "ID",
    "Given Name (Latin)",
    "Family Name (Latin)",
    "Given Name (Khmer)",
    "Family Name (Khmer)",
    "Gender",
    "Date of Birth",
    "Current Province",
    "Status",
    "Initial Referral Date",
    "Has the client lived in an orphanage"
  ])
  const d = (s: string) => new Date(`${s}T00:00:00.000Z`)
  const rows: Array<Array<unknown>> = [
    ["OS-1", "Sokha", "Chan", "សុខា", "ចាន់", "Female", "14 March 2010", "សៀមរាប", "Active", d("2016-05-02"), "Yes"],
    ["OS-2", "Dara", "Sok", "តារា", "សុខ", "Male", "1 July 2012", "បាត់ដំបង", "Active", d("2017-01-15"), "No"],
    ["OS-2", "Vanna", "Keo", "វណ្ណា", "កែវ", "Male", "30 November 2011", "កណ្ដាល", "Exited", d("2018-02-01"), "No"],
    ["OS-4", "Srey", "Lim", "ស្រី", "លឹម", "ស្រី", "10 February 2015", "សៀមរាប", "Active", d("2031-08-01"), "Yes"],
    ["OS-5", "Bopha", "Ouk", "បុប្ផា", "អ៊ុក", "Female", "20 June 2014", "កំពត", "Accepted", d("2019-01-10"), "Maybe"]
  ]
  for (const r of rows) ws.addRow(r)
  ws.getColumn(10).numFmt = "dd/mm/yyyy"
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** `n` child records (`Mapping.single("child")` headers), one in a hundred with a mistake, ids unique. */
export const bigCsv = (n: number): string => {
  const lines = ["id,birth.date,birth.estimated,sex,school"]
  const sexes = ["female", "male"]
  const schools = ["enrolled", "not-enrolled"]
  for (let i = 1; i <= n; i++) {
    const y = 2006 + (i % 12)
    const m = String(1 + (i % 12)).padStart(2, "0")
    const day = String(1 + (i % 28)).padStart(2, "0")
    const bad = i % 100 === 0
    lines.push(`CH-${i},${bad ? `${day}/${m}/${y}` : `${y}-${m}-${day}`},no,${sexes[i % 2]},${schools[(i >> 1) % 2]}`)
  }
  return `${lines.join("\n")}\n`
}

/** Names and phone numbers an attacker hides in cells that fail their checks. */
export const secrets = [
  "Sreypov Attacker",
  "Chanthou Secretname",
  "+855 12 999 111",
  "097-555-0142",
  "Phum Secretvillage"
]

/**
 * The messy NGO layout (read with its mapping file) with the secrets where
 * they fail a check: a name and a phone of more than 2000 characters (both
 * sensitive), a name written where the id goes (a value rejected as an id
 * is never shown), a phone where a household id goes, and a header that is
 * itself a secret (a header that names nothing may be data: never shown).
 */
export const attackCsv = (): string => {
  const long = (s: string) => `"${s} ${"x".repeat(2100)}"`
  const header =
    "Child code,Given name,Family name,DOB,Sex,Household code,Province,Placement,Family ref,Since,Case opened,Phone,Status"
  return `${[
    `${header},${secrets[4]}`,
    `CH-1,${long(secrets[0] as string)},Chan,2010-01-01,F,HH-1,Kep,Centre,,2016-01-01,2016-01-02,${long(secrets[2] as string)},Active,a`,
    `${secrets[1]},Dara,Sok,2010-01-01,M,HH-2,Kep,Kin,${secrets[2]},2016-01-01,2016-01-02,${long(secrets[3] as string)},Active,b`,
    `CH-1,${secrets[1]},Keo,2099-01-01,Q,HH-3,Kep,Centre,,2016-01-01,2016-01-02,${secrets[2]},Gone,c`
  ].join("\n")}\n`
}

export const read = (path: string): string => readFileSync(path, "utf8")
