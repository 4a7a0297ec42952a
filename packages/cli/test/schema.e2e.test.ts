import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Ajv2020 } from "ajv/dist/2020.js"
import addFormats from "ajv-formats"
import ExcelJS from "exceljs"
import { beforeAll, describe, expect, it } from "vitest"
import { run, tmp } from "./helpers.js"

/** An XLSForm reference to a question, `${name}`. */
const ref = (name: string) => `$\{${name}}`

const formTypes = [
  "child",
  "household",
  "institution",
  "case",
  "assessment",
  "follow-up-visit",
  "closure-assessment",
  "child-views",
  "best-interest-determination",
  "contact",
  "consent",
  "support-plan",
  "support-payment",
  "safety-plan",
  "reunification-agreement",
  "case-conference",
  "care-exception",
  "youth-activity"
]

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
        expect.arrayContaining(["type", "name", "label::English (en)", "label::Khmer (km)", "required", "constraint"])
      )
      expect(settings[0]?.["form_id"]).toBe(`homeward_${type.replaceAll("-", "_")}`)
      expect(settings[0]?.["default_language"]).toBe("English (en)")
      const lists = new Set(choices.map((c) => c["list_name"]))
      // names are unique within their group or repeat
      const names: Array<Set<string>> = [new Set()]
      const stack: Array<string> = []
      for (const q of survey) {
        const t = q["type"] ?? ""
        expect(q["name"]).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
        if (t.startsWith("end_")) {
          expect(stack.pop()).toBe(t.slice(4))
          names.pop()
          continue
        }
        const here = names[names.length - 1] as Set<string>
        expect(here.has(q["name"] ?? "")).toBe(false)
        here.add(q["name"] ?? "")
        expect(q["label::English (en)"]).not.toBe("")
        expect(q["label::Khmer (km)"]).not.toBe("")
        if (t.startsWith("begin_")) {
          stack.push(t.slice(6))
          names.push(new Set())
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
    expect(q("sex")).toMatchObject({ type: "select_one sex", required: "yes", "label::Khmer (km)": "ភេទ" })
    expect(choices.filter((c) => c["list_name"] === "sex").map((c) => [c["name"], c["label::Khmer (km)"]])).toEqual([
      ["female", "ស្រី"],
      ["male", "ប្រុស"],
      ["other", "ផ្សេងទៀត"],
      ["unknown", "មិនដឹង"]
    ])
    expect(q("birth")?.["type"]).toBe("begin_group")
    expect(q("date")).toMatchObject({ type: "date", required: "yes" })
    expect(q("estimated")?.["type"]).toBe("select_one yes_no")
    expect(q("siblingIds")?.["type"]).toBe("begin_repeat")
    expect(q("givenName")).toMatchObject({ "instance::sensitive": "true" })
    expect(q("givenName")?.["hint::English (en)"]).toMatch(/sensitive/)
    expect(q("sex")?.["instance::sensitive"]).toBe("")
    expect(q("id")?.["constraint"]).toMatch(/^regex\(\., '.+'\)/)
  })

  it("assessment: scores are integers constrained to 1–4; the optional groups' questions are required once the group is started", async () => {
    const wb = await readForm("assessment")
    const survey = sheetRows(wb.getWorksheet("survey") as ExcelJS.Worksheet)
    const scores = survey.filter((r) => r["type"] === "integer" && r["constraint"] === ". >= 1 and . <= 4")
    expect(scores.length).toBeGreaterThan(3)
    expect(scores[0]?.["constraint_message::English (en)"]).toBe("Must be from 1 to 4.")
    expect(scores[0]?.["constraint_message::Khmer (km)"]).toBe("ត្រូវតែពី ១ ដល់ ៤។")
    expect(scores[0]?.["required"]).toBe(
      ["health", "education", "emotionalSocial", "safetyEnvironment", "nutrition"]
        .map((n) => `${ref(n)} != ''`)
        .join(" or ")
    )
  })

  it("follow-up visit: the reason the child was not seen is asked only then, and required", async () => {
    const wb = await readForm("follow-up-visit")
    const survey = sheetRows(wb.getWorksheet("survey") as ExcelJS.Worksheet)
    expect(survey.find((r) => r["name"] === "notSeenReason")).toMatchObject({
      relevant: `${ref("childSeen")} = 'false'`,
      required: "yes"
    })
  })

  it("needs --as and --out (or --out DIR/ for every type); a union type is refused with a reason", () => {
    expect(run(["schema", "--format", "xlsform"], dir).code).toBe(2)
    expect(run(["schema", "--format", "xlsform", "--as", "child"], dir).code).toBe(2)
    const u = run(["schema", "--format", "xlsform", "--as", "case-event", "--out", join(dir, "ce.xlsx")], dir)
    expect(u.code).toBe(2)
    expect(u.stderr).toMatch(/union/)
    const all = run(["schema", "--format", "xlsform", "--out", join(dir, "xlsforms/")], dir)
    expect(all.code).toBe(0)
    expect(readdirSync(join(dir, "xlsforms")).sort()).toEqual(formTypes.map((t) => `${t}.xlsx`).sort())
  })
})

describe("homeward schema --format xform", () => {
  it("prints the XForm of one type; writes one per data collection type to a directory", () => {
    const one = run(["schema", "--format", "xform", "--as", "child"], dir)
    expect(one.code).toBe(0)
    expect(one.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<h:html /)
    expect(one.stdout).toContain('<data id="homeward_child" version="')
    expect(one.stdout).toContain('<translation lang="Khmer (km)">')
    const file = join(dir, "child.xml")
    expect(run(["schema", "--format", "xform", "--as", "child", "--out", file], dir).code).toBe(0)
    expect(readFileSync(file, "utf8")).toBe(one.stdout)
    const all = run(["schema", "--format", "xform", "--out", join(dir, "xforms/")], dir)
    expect(all.code).toBe(0)
    expect(readdirSync(join(dir, "xforms")).sort()).toEqual(formTypes.map((t) => `${t}.xml`).sort())
  })

  it("refuses: no type and no directory; a union type; an unknown type (exit 2)", () => {
    expect(run(["schema", "--format", "xform"], dir).stderr).toMatch(/needs --as/)
    const u = run(["schema", "--format", "xform", "--as", "case-event"], dir)
    expect(u.code).toBe(2)
    expect(u.stderr).toMatch(/union/)
    expect(run(["schema", "--format", "xform", "--as", "kid"], dir).code).toBe(2)
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
