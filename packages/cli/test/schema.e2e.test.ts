import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Ajv2020 } from "ajv/dist/2020.js"
import addFormats from "ajv-formats"
import ExcelJS from "exceljs"
import { beforeAll, describe, expect, it } from "vitest"
import { run, tmp } from "./helpers.js"

let dir = ""
beforeAll(() => {
  dir = tmp()
})

const sheetRows = (ws: ExcelJS.Worksheet): Array<Record<string, string>> => {
  const head = (ws.getRow(1).values as Array<unknown>).slice(1).map(String)
  const out: Array<Record<string, string>> = []
  ws.eachRow((row, n) => {
    if (n === 1) return
    const v = (row.values as Array<unknown>).slice(1)
    out.push(Object.fromEntries(head.map((h, i) => [h, v[i] === undefined || v[i] === null ? "" : String(v[i])])))
  })
  return out
}

const readForm = async (type: string) => {
  const out = join(dir, `${type}.xlsx`)
  const r = run(["schema", "--format", "xlsform", "--as", type, "--out", out], dir)
  expect(r.code).toBe(0)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(out)
  return wb
}

describe("homeward schema --format xlsform", () => {
  it("writes survey, choices and settings sheets with valid names, balanced groups and known choice lists", async () => {
    for (const type of ["child", "household", "assessment", "follow-up-visit"]) {
      const wb = await readForm(type)
      expect(wb.worksheets.map((w) => w.name)).toEqual(["survey", "choices", "settings"])
      const survey = sheetRows(wb.getWorksheet("survey") as ExcelJS.Worksheet)
      const choices = sheetRows(wb.getWorksheet("choices") as ExcelJS.Worksheet)
      const settings = sheetRows(wb.getWorksheet("settings") as ExcelJS.Worksheet)
      expect(Object.keys(survey[0] ?? {})).toEqual(
        expect.arrayContaining(["type", "name", "label", "required", "constraint"])
      )
      expect(settings[0]?.["form_id"]).toBe(`homeward_${type.replaceAll("-", "_")}`)
      const lists = new Set(choices.map((c) => c["list_name"]))
      const names = new Set<string>()
      const stack: Array<string> = []
      for (const q of survey) {
        const t = q["type"] ?? ""
        expect(q["name"]).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
        if (t.startsWith("begin_")) stack.push(t.slice(6))
        else if (t.startsWith("end_")) expect(stack.pop()).toBe(t.slice(4))
        else {
          expect(names.has(q["name"] ?? "")).toBe(false)
          names.add(q["name"] ?? "")
          expect(q["label"]).not.toBe("")
        }
        const sel = /^select_(one|multiple) (\S+)$/.exec(t)
        if (sel !== null) expect(lists.has(sel[2])).toBe(true)
        expect(t).toMatch(
          /^(text|integer|decimal|date|datetime|select_one \S+|select_multiple \S+|begin_group|end_group|begin_repeat|end_repeat)$/
        )
      }
      expect(stack).toEqual([])
    }
  })

  it("child: choices for sex, a group for birth, a repeat for sibling ids, sensitive names flagged", async () => {
    const wb = await readForm("child")
    const survey = sheetRows(wb.getWorksheet("survey") as ExcelJS.Worksheet)
    const choices = sheetRows(wb.getWorksheet("choices") as ExcelJS.Worksheet)
    const q = (name: string) => survey.find((r) => r["name"] === name && !r["type"]?.startsWith("end_"))
    expect(q("sex")).toMatchObject({ type: "select_one sex", required: "yes" })
    expect(choices.filter((c) => c["list_name"] === "sex").map((c) => c["name"])).toEqual([
      "female",
      "male",
      "other",
      "unknown"
    ])
    expect(q("birth")?.["type"]).toBe("begin_group")
    expect(q("birth_date")).toMatchObject({ type: "date", required: "yes" })
    expect(q("birth_estimated")?.["type"]).toBe("select_one yes_no")
    expect(q("siblingIds")?.["type"]).toBe("begin_repeat")
    expect(q("givenName")).toMatchObject({ "instance::sensitive": "true" })
    expect(q("givenName")?.["hint"]).toMatch(/sensitive/)
    expect(q("sex")?.["instance::sensitive"]).toBe("")
    expect(q("id")?.["constraint"]).toMatch(/^regex\(\., '.+'\)/)
  })

  it("assessment: scores are integers constrained to 1–4", async () => {
    const wb = await readForm("assessment")
    const survey = sheetRows(wb.getWorksheet("survey") as ExcelJS.Worksheet)
    const scores = survey.filter((r) => r["type"] === "integer" && r["constraint"] === ". >= 1 and . <= 4")
    expect(scores.length).toBeGreaterThan(3)
    expect(scores[0]?.["constraint_message"]).toBe("Must be from 1 to 4")
  })

  it("needs --as and --out; a union type is refused with a reason", () => {
    expect(run(["schema", "--format", "xlsform"], dir).code).toBe(2)
    expect(run(["schema", "--format", "xlsform", "--as", "child"], dir).code).toBe(2)
    const u = run(["schema", "--format", "xlsform", "--as", "case-event", "--out", join(dir, "ce.xlsx")], dir)
    expect(u.code).toBe(2)
    expect(u.stderr).toMatch(/union/)
  })
})

describe("homeward schema --format json-schema", () => {
  it("one type is Registry.jsonSchema; all types form one 2020-12 document that ajv compiles", () => {
    const one = run(["schema", "--format", "json-schema", "--as", "child"], dir)
    expect(one.code).toBe(0)
    expect(JSON.parse(one.stdout).$id).toBe("https://homeward.dev/schema/child.json")
    const all = run(["schema"], dir)
    const doc = JSON.parse(all.stdout)
    expect(doc.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
    expect(Object.keys(doc.$defs)).toContain("household")
    const ajv = new Ajv2020({ strict: false })
    const plugin = addFormats as unknown as { default?: (a: unknown) => void } & ((a: unknown) => void)
    ;(plugin.default ?? plugin)(ajv)
    ajv.addSchema(doc)
    const validate = ajv.getSchema("https://homeward.dev/schema/homeward.json#/$defs/child")
    expect(
      validate?.({ id: "CH-1", birth: { date: "2010-01-01", estimated: false }, sex: "female", school: "enrolled" })
    ).toBe(true)
    expect(validate?.({ id: "CH-1", sex: "girl" })).toBe(false)
  })

  it("writes one file per type to a directory", () => {
    const out = join(dir, "schemas/")
    expect(run(["schema", "--out", out], dir).code).toBe(0)
    expect(JSON.parse(readFileSync(join(out, "household.json"), "utf8")).title).toBe("household")
  })

  it("refuses an unknown type (exit 2)", () => {
    const r = run(["schema", "--as", "kid"], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/unknown record type/)
  })
})

describe("homeward schema --format markdown", () => {
  it("lists fields with type, required, allowed values and sensitivity", () => {
    const r = run(["schema", "--format", "markdown", "--as", "child"], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("| Field | Type | Required | Allowed values | Description | Sensitive |")
    expect(r.stdout).toMatch(/\| `givenName` \| text \| no \|.*\| \*\*yes\*\* \|/)
    expect(r.stdout).toMatch(/\| `sex` \| choice \| yes \| female, male, other, unknown \|/)
    expect(r.stdout).toMatch(/\| `birth.date` \| date \(YYYY-MM-DD\) \| yes \|/)
  })
})
