import { fc, test } from "@fast-check/vitest"
import { Registry } from "@homeward/core"
import { describe, expect, it } from "vitest"
import * as CollectionForm from "../src/CollectionForm.js"
import * as Fields from "../src/Fields.js"
import * as FormLabels from "../src/FormLabels.js"

const KHMER = /[\u1780-\u17FF]/

const allLabels = (): ReadonlyArray<readonly [string, FormLabels.Label]> => {
  const out: Array<readonly [string, FormLabels.Label]> = []
  for (const [k, v] of Object.entries(FormLabels.titles)) out.push([`title ${k}`, v])
  for (const [k, v] of Object.entries(FormLabels.fields)) out.push([`field ${k}`, v])
  for (const [k, v] of Object.entries(FormLabels.fieldsInContext)) out.push([`field ${k}`, v])
  for (const [k, v] of Object.entries(FormLabels.choices)) out.push([`choice ${k}`, v])
  for (const [k, v] of Object.entries(FormLabels.choicesInContext)) out.push([`choice ${k}`, v])
  for (const [k, v] of Object.entries(FormLabels.hints)) out.push([`hint ${k}`, v])
  const m = FormLabels.messages
  const g = FormLabels.fields["birth"] as FormLabels.Label
  for (const [k, v] of [
    ["required", m.required],
    ["requiredWith", m.requiredWith(g)],
    ["id", m.id],
    ["pattern", m.pattern],
    ["text", m.text(2000)],
    ["maxLength", m.maxLength(10)],
    ["characters", m.characters],
    ["between", m.between(1, 4)],
    ["atLeast", m.atLeast(1)],
    ["moreThan", m.moreThan(0)],
    ["atMost", m.atMost(3)],
    ["date", m.date("1900-01-01", "2200-12-31")],
    ["selectedAtMost", m.selectedAtMost(2)],
    ["countOf", m.countOf(g)],
    ["onOrAfter", m.onOrAfter(g)]
  ] as const)
    out.push([`message ${k}`, v])
  return out
}

describe("FormLabels", () => {
  it("every question and choice of every data collection form has its own English and Khmer wording", () => {
    const missing: Array<string> = []
    for (const type of CollectionForm.formTypes) {
      const form = CollectionForm.make(type)
      const all = CollectionForm.questions(form)
      for (const q of all) {
        if (q.kind === "input" && q.role === "count") continue
        // a list of values repeats one question, "item", labelled like its list unless it has its own wording
        const path = q.name === "item" ? q.path.slice(0, -1) : q.path
        if (!FormLabels.hasFieldLabel(type, path)) missing.push(`${type}: ${q.path.join("/")}`)
        if (q.kind === "select" || q.kind === "select1") {
          const list = form.lists.find((l) => l.name === q.list)
          for (const c of list?.choices ?? []) {
            if (!FormLabels.hasChoiceLabel(q.yesNo ? "" : q.name, c.name))
              missing.push(`${type}: ${q.name} = ${c.name}`)
          }
        }
      }
    }
    expect(missing).toEqual([])
  })

  it("every field and choice of every registered record type (case events and policy profiles too) has English and Khmer wording", () => {
    const missing: Array<string> = []
    const walk = (type: string, f: Fields.Field, path: ReadonlyArray<string>, question: string): void => {
      if (f.kind === "union") for (const v of f.variants ?? []) walk(type, v, path, question)
      if (f.kind === "list" && f.items !== undefined) walk(type, f.items, path, question)
      if (path.length > 0 && f.name !== "" && !FormLabels.hasFieldLabel(type, path))
        missing.push(`${type}: ${path.join(".")}`)
      if (f.kind === "group") for (const c of f.fields ?? []) walk(type, c, [...path, c.name], c.name)
      if (f.kind === "choice")
        for (const c of f.choices ?? [])
          if (!FormLabels.hasChoiceLabel(question, c)) missing.push(`${type}: ${question} = ${c}`)
    }
    for (const type of Registry.recordTypes) {
      walk(type, Fields.describe(type), [], "")
      expect(FormLabels.titles[type], `title of ${type}`).toBeDefined()
    }
    // fails loudly, listing every field without wording
    expect([...new Set(missing)]).toEqual([])
  })

  it("every Khmer wording is written in Khmer script, differs from the English, and is in Unicode normal form C", () => {
    for (const [key, label] of allLabels()) {
      expect({ key, khmer: KHMER.test(label.km) }).toEqual({ key, khmer: true })
      expect({ key, same: label.km === label.en }).toEqual({ key, same: false })
      expect(label.km.normalize("NFC")).toBe(label.km)
      expect(label.en).not.toMatch(KHMER)
    }
  })

  it("the forms' labels are the module's labels (one source for the XForm and the XLSForm)", () => {
    const child = CollectionForm.make("child")
    expect(child.questions.find((q) => q.name === "sex")?.label).toEqual(FormLabels.field("child", ["sex"]))
    expect(child.lists.find((l) => l.name === "sex")?.choices[0]?.label).toEqual({ en: "Female", km: "ស្រី" })
    expect(child.title).toEqual({ en: "Homeward: Child", km: "Homeward៖ កុមារ" })
  })

  it("a field without wording falls back to its name, in both languages", () => {
    expect(FormLabels.field("child", ["someNewField"])).toEqual({ en: "Some new field", km: "Some new field" })
    expect(FormLabels.hasFieldLabel("child", ["someNewField"])).toBe(false)
    expect(FormLabels.choice("sex", "non-binary")).toEqual({ en: "Non binary", km: "Non binary" })
  })

  it("wording in context comes before wording by name", () => {
    expect(FormLabels.field("household", ["members", "id"]).en).toBe("Member ID")
    expect(FormLabels.field("household", ["id"]).en).toBe("Household ID")
    expect(FormLabels.field("follow-up-visit", ["criteria", "food"]).en).toBe("Food three or more times a day")
    expect(FormLabels.choice("recommendation", "medical").en).toBe("Medical care")
    expect(FormLabels.choice("basis", "medical").en).toBe("Medical estimate")
  })

  test.prop([fc.nat()])("khmerDigits writes each digit as its Khmer digit", (n) => {
    const km = FormLabels.khmerDigits(n)
    expect(km).toMatch(/^[០-៩]+$/)
    expect(km.replace(/[០-៩]/g, (d) => String(d.charCodeAt(0) - 0x17e0))).toBe(String(n))
  })

  it("messages with numbers write them in Khmer digits (Khmer) and Arabic digits (English)", () => {
    expect(FormLabels.messages.between(1, 4)).toEqual({ en: "Must be from 1 to 4.", km: "ត្រូវតែពី ១ ដល់ ៤។" })
    expect(FormLabels.messages.text(2000).km).toContain("២០០០")
  })
})
