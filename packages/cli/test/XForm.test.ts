// @vitest-environment jsdom
/// <reference lib="dom" />
/**
 * The XForm export, proven in ODK's own engine (`@getodk/xforms-engine`, the
 * engine of ODK Web Forms): every form loads, every rule Homeward enforces is
 * enforced by the form with the form's message (English and Khmer), and what
 * the form accepts, Homeward accepts.
 */
import { Registry } from "@homeward/core"
import { describe, expect, it } from "vitest"
import * as CollectionForm from "../src/CollectionForm.js"
import * as XForm from "../src/XForm.js"
import { complete } from "./formFixtures.js"
import * as probe from "./formProbes.js"
import * as odk from "./odk.js"

type FormType = Exclude<Registry.RecordType, "case-event">
const formTypes = Registry.recordTypes.filter((t): t is FormType => t !== "case-event")
const dataTypes = formTypes.filter((t) => t !== "policy-profile")

const xmlOf = new Map(formTypes.map((t) => [t, XForm.xform(t)]))
const xml = (t: FormType): string => xmlOf.get(t) ?? ""

const parse = (text: string): Document => new DOMParser().parseFromString(text, "application/xml")
const NS = XForm.namespaces

describe("XForm: the document follows the ODK XForms specification", () => {
  it.each(formTypes)("%s: instance, meta, binds with types, itext in English and Khmer, itemsets, repeats", (type) => {
    const form = CollectionForm.make(type)
    const doc = parse(xml(type))
    expect(doc.getElementsByTagName("parsererror").length).toBe(0)
    expect(doc.documentElement.namespaceURI).toBe(NS.h)
    const model = doc.getElementsByTagNameNS(NS.xforms, "model")[0]
    expect(model).toBeDefined()
    // primary instance: <data id= version=> … <orx:meta><orx:instanceID/></orx:meta>
    const primary = model?.getElementsByTagNameNS(NS.xforms, "instance")[0]?.firstElementChild
    expect(primary?.localName).toBe("data")
    expect(primary?.getAttribute("id")).toBe(form.id)
    expect(primary?.getAttribute("version")).toBe(form.version)
    const meta = primary?.lastElementChild
    expect([meta?.namespaceURI, meta?.localName]).toEqual([NS.orx, "meta"])
    expect([meta?.firstElementChild?.namespaceURI, meta?.firstElementChild?.localName]).toEqual([NS.orx, "instanceID"])
    // translations
    const langs = Array.from(doc.getElementsByTagNameNS(NS.xforms, "translation")).map((t) => t.getAttribute("lang"))
    expect(langs).toEqual(["English (en)", "Khmer (km)"])
    // a bind with a type for every question; required, constraint and messages where the form model has them
    const binds = new Map(
      Array.from(doc.getElementsByTagNameNS(NS.xforms, "bind")).map((b) => [b.getAttribute("nodeset"), b])
    )
    expect(binds.get("/data/orx:meta/orx:instanceID")?.getAttributeNS(NS.jr, "preload")).toBe("uid")
    for (const q of CollectionForm.questions(form)) {
      const bind = binds.get(XForm.absolutePath(q.path))
      if (q.kind === "group" || q.kind === "repeat") continue
      expect(bind?.getAttribute("type")).toBe(q.kind === "input" ? q.type : "string")
      expect(bind?.hasAttribute("required")).toBe(q.required !== undefined)
      // a rule between fields adds its condition, with paths relative to the question
      const and =
        q.constraint?.and === undefined
          ? ""
          : ` and ${CollectionForm.renderExpr(q.constraint.and, (to) => CollectionForm.relativePath(q.path, to))}`
      expect(bind?.getAttribute("constraint") ?? undefined).toBe(
        q.constraint === undefined ? undefined : `${q.constraint.expr}${and}`
      )
      if (q.constraint !== undefined) {
        expect(bind?.getAttributeNS(NS.jr, "constraintMsg")).toBe(
          `jr:itext('${XForm.absolutePath(q.path)}:constraintMsg')`
        )
      }
    }
    // every select draws its choices from a secondary instance
    const ids = new Set(Array.from(model?.getElementsByTagNameNS(NS.xforms, "instance") ?? []).map((i) => i.id))
    for (const itemset of Array.from(doc.getElementsByTagNameNS(NS.xforms, "itemset"))) {
      const m = /^instance\('([^']+)'\)\/root\/item$/.exec(itemset.getAttribute("nodeset") ?? "")
      expect(ids.has(m?.[1] ?? "?")).toBe(true)
    }
    // repeats: a template in the instance and a repeat in the body
    for (const q of CollectionForm.questions(form).filter((x) => x.kind === "repeat")) {
      const reps = Array.from(doc.getElementsByTagNameNS(NS.xforms, "repeat")).filter(
        (r) => r.getAttribute("nodeset") === XForm.absolutePath(q.path)
      )
      expect(reps.length).toBe(1)
    }
  })

  it("child: the form names the record's fields, groups and lists", () => {
    const doc = parse(xml("child"))
    const primary = doc.getElementsByTagNameNS(NS.xforms, "instance")[0]?.firstElementChild
    const names = Array.from(primary?.children ?? []).map((c) => c.localName)
    expect(names).toEqual([
      "id",
      "givenName",
      "familyName",
      "birth",
      "sex",
      "disabilities",
      "specialNeeds",
      "school",
      "siblingIds",
      "meta"
    ])
    const sibling = primary?.getElementsByTagName("siblingIds")[0]
    expect(sibling?.getAttributeNS(NS.jr, "template")).toBe("")
    expect(primary?.getElementsByTagName("givenName")[0]?.getAttribute("sensitive")).toBe("true")
  })

  it("refuses a record type with several forms (case-event: a union)", () => {
    expect(() => XForm.xform("case-event")).toThrow(/union/)
  })
})

describe("XForm: loaded into ODK's engine", () => {
  it.each(dataTypes)(
    "%s: loads, offers English and Khmer, and fills its instance ID",
    async (type) => {
      const root = await odk.open(xml(type))
      expect(root.languages.map((l) => l.language)).toEqual(["English (en)", "Khmer (km)"])
      const answers = odk.answersOf(odk.submissionXml(root))
      expect((answers["meta"] as CollectionForm.Answers | undefined)?.["instanceID"]).toMatch(/^uuid:[0-9a-f-]{36}$/)
    },
    120_000
  )

  it.each(dataTypes)(
    "%s: a complete valid record fills the form without a violation and comes back unchanged",
    async (type) => {
      const form = CollectionForm.make(type)
      const record = complete[type] ?? {}
      const r = await probe.submit(xml(type), form, CollectionForm.fromRecord(form, record))
      expect(r.violations).toEqual([])
      expect(r.issues).toEqual([])
      expect(r.record).toEqual(record)
    },
    120_000
  )
})

describe("XForm: every rule Homeward enforces is enforced by the form, with the form's message", () => {
  it.each(dataTypes)(
    "%s: each answer changed to boundary and wrong values: the form refuses exactly what Homeward refuses",
    async (type) => {
      const form = CollectionForm.make(type)
      const byPath = new Map(CollectionForm.questions(form).map((q) => [q.path.join("/"), q]))
      const results = await probe.probeAll(xml(type), form, complete[type] ?? {})
      expect(results.length).toBeGreaterThan(10)
      for (const r of results) {
        const where = `${r.question} = ${JSON.stringify(r.value.slice(0, 20))}`
        expect({ where, accepts: r.engineAccepts }).toEqual({ where, accepts: r.homewardAccepts })
        if (r.engineAccepts) continue
        // the refused answer is refused at its question, with the form's message, in both languages
        const q = byPath.get(r.question)
        const own = r.violations.find((v) => v.reference.replace(/\[\d+\]/g, "") === `/data/${r.question}`)
        if (own === undefined) continue // e.g. a blank "Number of …" makes other answers missing
        expect(probe.messagesOf(q as CollectionForm.Question, "en")).toContain(own.message)
        const km = r.khmer.find((v) => v.reference === own.reference)
        expect(probe.messagesOf(q as CollectionForm.Question, "km")).toContain(km?.message)
      }
      // every kind of refusal happens somewhere: the probes are not all accepted
      expect(results.some((r) => !r.engineAccepts)).toBe(true)
    },
    300_000
  )
})
