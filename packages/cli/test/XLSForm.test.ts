// @vitest-environment jsdom
/// <reference lib="dom" />
/**
 * The XLSForm export checked against the XLSForm specification
 * (https://xlsform.org/en/) and against the XForm: converted to an XForm by
 * an independent converter of the subset it uses (`xlsformToXform.ts`), it
 * has the same questions, types, rules, messages, labels and choices as the
 * XForm export, and ODK's engine runs it the same way.
 */
import { Registry } from "@homeward/core"
import ExcelJS from "exceljs"
import { beforeAll, describe, expect, it } from "vitest"
import * as CollectionForm from "../src/CollectionForm.js"
import * as Export from "../src/Export.js"
import * as XForm from "../src/XForm.js"
import { complete } from "./formFixtures.js"
import * as probe from "./formProbes.js"
import * as odk from "./odk.js"
import { convert, knownColumn, languagesOf, type Row, type Workbook } from "./xlsformToXform.js"

type FormType = Exclude<Registry.RecordType, "case-event" | "policy-profile">
const dataTypes = Registry.recordTypes.filter((t): t is FormType => t !== "case-event" && t !== "policy-profile")

const header = (ws: ExcelJS.Worksheet | undefined): Array<string> =>
  ws === undefined ? [] : (ws.getRow(1).values as Array<unknown>).slice(1).map(String)

const sheet = (ws: ExcelJS.Worksheet | undefined): Array<Row> => {
  if (ws === undefined) return []
  const head = (ws.getRow(1).values as Array<unknown>).slice(1).map(String)
  const out: Array<Row> = []
  ws.eachRow((row, n) => {
    if (n === 1) return
    const v = (row.values as Array<unknown>).slice(1)
    out.push(Object.fromEntries(head.map((h, i) => [h, v[i] === undefined || v[i] === null ? "" : String(v[i])])))
  })
  return out
}

type Book = Workbook & { readonly sheets: ReadonlyArray<string>; readonly choicesHeader: ReadonlyArray<string> }
const workbooks = new Map<FormType, Book>()
beforeAll(async () => {
  for (const t of dataTypes) {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await Export.xlsForm(t)) as unknown as ArrayBuffer)
    workbooks.set(t, {
      sheets: wb.worksheets.map((w) => w.name),
      choicesHeader: header(wb.getWorksheet("choices")),
      survey: sheet(wb.getWorksheet("survey")),
      choices: sheet(wb.getWorksheet("choices")),
      settings: sheet(wb.getWorksheet("settings"))
    })
  }
}, 120_000)
const book = (t: FormType) => workbooks.get(t) as Book

describe("XLSForm: the sheets follow the XLSForm specification", () => {
  it.each(dataTypes)("%s: survey, choices and settings sheets with the specification's columns", (type) => {
    const wb = book(type)
    // "The survey sheet", "The choices sheet", "The settings sheet"
    expect(wb.sheets).toEqual(["survey", "choices", "settings"])
    for (const r of wb.survey) for (const c of Object.keys(r)) expect(knownColumn(c)).toBe(true)
    expect(wb.choicesHeader).toEqual(["list_name", "name", "label::English (en)", "label::Khmer (km)"])
    // "Multiple language support": label::language (code), the code from IETF BCP 47 / ISO 639-1
    expect(languagesOf(wb.survey)).toEqual(["English (en)", "Khmer (km)"])
    const settings = wb.settings[0] ?? {}
    expect(settings).toMatchObject({
      form_id: `homeward_${type.replaceAll("-", "_")}`,
      default_language: "English (en)"
    })
    expect(settings["form_title"]).toMatch(/^Homeward: /)
    expect(settings["version"]).toMatch(/^[0-9a-f]{8}$/)
  })

  it.each(dataTypes)("%s: types, names, groups, choice lists, required and constraint syntax", (type) => {
    const wb = book(type)
    const lists = new Map<string, Array<string>>()
    for (const c of wb.choices) {
      const names = lists.get(c["list_name"] ?? "") ?? []
      // choice names are unique in their list and hold no space (select_multiple answers are space-separated)
      expect(names).not.toContain(c["name"])
      expect(c["name"]).toMatch(/^\S+$/)
      expect(c["label::Khmer (km)"]).not.toBe("")
      names.push(c["name"] ?? "")
      lists.set(c["list_name"] ?? "", names)
    }
    const names = wb.survey.filter((r) => !r["type"]?.startsWith("end_")).map((r) => r["name"] ?? "")
    const stack: Array<string> = []
    for (const r of wb.survey) {
      const t = r["type"] ?? ""
      // "Question types", "Grouping questions", "Repeats"
      expect(t).toMatch(
        /^(text|integer|decimal|date|datetime|select_one \S+|select_multiple \S+|begin_group|end_group|begin_repeat|end_repeat)$/
      )
      if (t.startsWith("begin_")) stack.push(t.slice(6))
      else if (t.startsWith("end_")) expect(stack.pop()).toBe(t.slice(4))
      else {
        expect(r["label::English (en)"]).not.toBe("")
        expect(r["label::Khmer (km)"]).not.toBe("")
      }
      // names are XML element names
      expect(r["name"]).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/)
      const sel = /^select_(one|multiple) (\S+)$/.exec(t)
      if (sel !== null) expect(lists.has(sel[2] ?? "")).toBe(true)
      // "Required": yes, or an expression; "Constraints": `.` is the answer; ${name} names one question
      const req = r["required"] ?? ""
      if (req !== "" && req !== "yes") expect(req).toMatch(/(\$\{|\.\.\/)/)
      if ((r["constraint"] ?? "") !== "") expect(r["constraint"]).toMatch(/(^|[^.])\.( |\)|,)/)
      for (const col of ["required", "relevant", "constraint", "repeat_count"]) {
        for (const m of (r[col] ?? "").matchAll(/\$\{([^}]+)\}/g)) {
          expect(names.filter((n) => n === m[1]).length).toBe(1)
        }
      }
      if ((r["constraint"] ?? "") !== "") expect(r["constraint_message::Khmer (km)"]).not.toBe("")
    }
    expect(stack).toEqual([])
  })
})

/** A comparable description of an XForm: per node, its bind, labels and choices (paths made absolute). */
const describeForm = (xml: string) => {
  const doc = new DOMParser().parseFromString(xml, "application/xml")
  expect(doc.getElementsByTagName("parsererror").length).toBe(0)
  const NS = XForm.namespaces
  const texts = new Map<string, Record<string, string>>()
  for (const tr of Array.from(doc.getElementsByTagNameNS(NS.xforms, "translation"))) {
    const lang = tr.getAttribute("lang") ?? ""
    for (const t of Array.from(tr.getElementsByTagNameNS(NS.xforms, "text"))) {
      const entry = texts.get(t.id) ?? {}
      entry[lang] = t.getElementsByTagNameNS(NS.xforms, "value")[0]?.textContent ?? ""
      texts.set(t.id, entry)
    }
  }
  const textOf = (ref: string | null) => {
    const m = /^jr:itext\('(.+)'\)$/.exec(ref ?? "")
    return m === null ? ref : texts.get(m[1] ?? "")
  }
  const norm = (path: string) => path.replace(/orx:/g, "")
  // relative paths (`../x`, and `.` for the node itself) written as absolute paths
  const absolute = (from: string, expr: string | null) =>
    expr === null
      ? null
      : expr
          .replace(/(?:\.\.\/)+[A-Za-z_][\w.-]*(?:\/[A-Za-z_][\w.-]*)*/g, (rel) => {
            const up = rel.split("../").length - 1
            const base = from.split("/").slice(0, -up)
            return [...base, rel.replace(/^(\.\.\/)+/, "")].join("/")
          })
          .replace(/(?<![\w./'])\.(?![\w./'])/g, from)
  const nodes: Record<string, Record<string, unknown>> = {}
  for (const b of Array.from(doc.getElementsByTagNameNS(NS.xforms, "bind"))) {
    const path = norm(b.getAttribute("nodeset") ?? "")
    nodes[path] = {
      type: b.getAttribute("type"),
      required: absolute(path, b.getAttribute("required")),
      relevant: absolute(path, b.getAttribute("relevant")),
      constraint: absolute(path, b.getAttribute("constraint")),
      constraintMsg: textOf(b.getAttributeNS(NS.jr, "constraintMsg")),
      requiredMsg: textOf(b.getAttributeNS(NS.jr, "requiredMsg")),
      readonly: b.getAttribute("readonly"),
      preload: b.getAttributeNS(NS.jr, "preload")
    }
  }
  const instances = new Map(
    Array.from(doc.getElementsByTagNameNS(NS.xforms, "instance"))
      .filter((i) => i.id !== "")
      .map((i) => [i.id, i])
  )
  const body = doc.getElementsByTagNameNS(NS.h, "body")[0]
  for (const control of Array.from(body?.getElementsByTagName("*") ?? [])) {
    const ref = control.getAttribute("ref")
    if (ref === null || !["input", "select1", "select", "group"].includes(control.localName)) continue
    const entry = nodes[ref] ?? {}
    nodes[ref] = entry
    entry["control"] = control.localName
    const label = Array.from(control.children).find((c) => c.localName === "label")
    const hint = Array.from(control.children).find((c) => c.localName === "hint")
    entry["label"] = textOf(label?.getAttribute("ref") ?? null)
    entry["hint"] = textOf(hint?.getAttribute("ref") ?? null) ?? null
    if (control.localName === "select1" || control.localName === "select") {
      const itemset = Array.from(control.children).find((c) => c.localName === "itemset")
      const items =
        itemset === undefined
          ? Array.from(control.children)
              .filter((c) => c.localName === "item")
              .map((i) => [
                Array.from(i.children).find((c) => c.localName === "value")?.textContent,
                textOf(
                  Array.from(i.children)
                    .find((c) => c.localName === "label")
                    ?.getAttribute("ref") ?? null
                )
              ])
          : Array.from(
              instances
                .get(/instance\('([^']+)'\)/.exec(itemset.getAttribute("nodeset") ?? "")?.[1] ?? "")
                ?.getElementsByTagNameNS(NS.xforms, "item") ?? []
            ).map((i) => [
              i.getElementsByTagNameNS(NS.xforms, "name")[0]?.textContent,
              texts.get(i.getElementsByTagNameNS(NS.xforms, "itextId")[0]?.textContent ?? "")
            ])
      entry["choices"] = items
    }
    if (control.localName === "group") {
      const rep = Array.from(control.children).find((c) => c.localName === "repeat")
      if (rep !== undefined) {
        entry["repeat"] = true
        entry["count"] = absolute(ref, rep.getAttributeNS(NS.jr, "count") || null)
      }
    }
  }
  const primary = doc.getElementsByTagNameNS(NS.xforms, "instance")[0]?.firstElementChild
  const tree = (el: Element): unknown => ({
    name: el.localName,
    attrs: Array.from(el.attributes)
      .filter((a) => a.localName !== "template" && !a.name.startsWith("xmlns"))
      .map((a) => `${a.localName}=${a.value}`)
      .sort(),
    children: Array.from(el.children).map(tree)
  })
  return { title: doc.getElementsByTagNameNS(NS.h, "title")[0]?.textContent, nodes, instance: primary && tree(primary) }
}

describe("XLSForm → XForm (own converter of the subset used): the same form as the XForm export", () => {
  it.each(dataTypes)("%s: same instance, binds, rules, messages, labels and choices", (type) => {
    const fromXls = describeForm(convert(book(type)))
    const direct = describeForm(XForm.xform(type))
    expect(fromXls).toEqual(direct)
  })

  it.each(dataTypes)(
    "%s: loads in ODK's engine; a complete record comes back unchanged",
    async (type) => {
      const form = CollectionForm.make(type)
      const root = await odk.open(convert(book(type)))
      expect(root.languages.map((l) => l.language)).toEqual(["English (en)", "Khmer (km)"])
      odk.fill(root, form.questions, CollectionForm.fromRecord(form, complete[type] ?? {}))
      const r = probe.verdicts(root, form)
      expect(r.violations).toEqual([])
      expect(r.record).toEqual(complete[type])
      expect((r.submitted["meta"] as CollectionForm.Answers | undefined)?.["instanceID"]).toMatch(/^uuid:/)
    },
    120_000
  )

  it.each(dataTypes)(
    "%s: each answer changed to boundary and wrong values: the converted form refuses exactly what Homeward refuses",
    async (type) => {
      const form = CollectionForm.make(type)
      const results = await probe.probeAll(convert(book(type)), form, complete[type] ?? {})
      for (const r of results) {
        const where = `${r.question} = ${JSON.stringify(r.value.slice(0, 20))}`
        expect({ where, accepts: r.engineAccepts }).toEqual({ where, accepts: r.homewardAccepts })
      }
      expect(results.some((r) => !r.engineAccepts)).toBe(true)
    },
    300_000
  )
})
