/**
 * The page's wording: every rule code a problem can carry has its own short
 * name and message in English and Khmer, every label is in both languages
 * with the same places to fill, and a message never repeats a value.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fc, test as fcTest } from "@fast-check/vitest"
import { Registry } from "@homeward/core"
import type { Report } from "@homeward/validate"
import type * as SchemaAST from "effect/SchemaAST"
import { describe, expect, test } from "vitest"
import * as Messages from "../src/Messages.js"

const PACKAGES = join(import.meta.dirname, "..", "..")
const KHMER = /[\u1780-\u17ff]/

const sources = (dir: string): Array<string> =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(join(dir, f), "utf8"))

/** Rule codes written in the sources of @homeward/validate (`rule: "duplicate-id"`) and core's decoder (`push(path, "required", …)`). */
const writtenCodes = (): Set<string> => {
  const codes = new Set<string>()
  for (const text of sources(join(PACKAGES, "validate", "src")))
    for (const m of text.matchAll(/\brule: "([^"]+)"/g)) codes.add(m[1] as string)
  const validation = readFileSync(join(PACKAGES, "core", "src", "Validation.ts"), "utf8")
  for (const m of validation.matchAll(/\bpush\([^,]+, "([^"]+)"/g)) codes.add(m[1] as string)
  for (const m of validation.matchAll(/\brule: "([^"]+)"/g)) codes.add(m[1] as string)
  // the rule of a check without an identifier (Validation.filterRule)
  codes.add("check")
  return codes
}

type Node = SchemaAST.AST & Record<string, unknown>

/** Rule codes of the checks of every record type's Schema, named as `Validation.flatten` names them. */
const schemaCodes = (): Set<string> => {
  const codes = new Set<string>()
  const seen = new Set<unknown>()
  const flat = (cs: ReadonlyArray<SchemaAST.Check<unknown>>): Array<SchemaAST.Filter<unknown>> =>
    cs.flatMap((c) => (c._tag === "Filter" ? [c] : flat(c.checks)))
  const ruleOf = (f: SchemaAST.Filter<unknown>): string => {
    const a = f.annotations as Record<string, unknown> | undefined
    const id = a?.["identifier"] ?? (a?.["representation"] as { id?: string } | undefined)?.id
    return typeof id === "string" ? id.replace(/^effect\/schema\//, "") : "check"
  }
  const walk = (ast: SchemaAST.AST | undefined): void => {
    if (ast === undefined || seen.has(ast)) return
    seen.add(ast)
    for (const f of flat(ast.checks ?? [])) codes.add(ruleOf(f))
    for (const link of ast.encoding ?? []) walk(link.to)
    const n = ast as Node
    switch (ast._tag) {
      case "Objects":
        for (const p of ast.propertySignatures) walk(p.type)
        for (const i of ast.indexSignatures) walk(i.type)
        break
      case "Arrays":
        for (const e of ast.elements) walk(e)
        for (const r of ast.rest) walk(r)
        break
      case "Union":
        for (const t of ast.types) walk(t)
        break
      case "Declaration":
        for (const t of ast.typeParameters) walk(t)
        break
      case "Suspend":
        walk((n["thunk"] as () => SchemaAST.AST)())
        break
    }
  }
  for (const type of Registry.recordTypes) walk(Registry.records[type].ast)
  return codes
}

describe("every rule code has its wording in English and Khmer", () => {
  const written = writtenCodes()
  const fromSchemas = schemaCodes()

  test("the enumeration finds the codes it must (so that it can fail)", () => {
    for (const c of ["duplicate-id", "unresolved-reference", "dates-in-order", "yes-no", "missing-column"])
      expect(written).toContain(c)
    for (const c of ["required", "type", "choice", "unexpected-field", "unreadable"]) expect(written).toContain(c)
    for (const c of ["IsoDate", "Id", "Text", "SensitiveText", "isInt"]) expect(fromSchemas).toContain(c)
  })

  test("no rule code without its own wording", () => {
    const missing = [...written, ...fromSchemas].filter((c) => !Messages.hasRule(c))
    expect(missing).toEqual([])
  })

  test.each(Object.entries(Messages.rules))("%s: a name and a message in both languages", (_code, text) => {
    for (const t of [text.title, text.message]) {
      expect(t.en.trim()).not.toBe("")
      expect(t.km).toMatch(KHMER)
    }
    expect(text.message.km).toMatch(/។/)
  })
})

describe("labels of the page", () => {
  const places = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

  test.each(Object.entries(Messages.labels))("%s: English and Khmer, the same places to fill", (_key, text) => {
    expect(text.en.trim()).not.toBe("")
    expect(text.km).toMatch(KHMER)
    expect(places(text.km)).toEqual(places(text.en))
  })

  test("every record type is named in both languages", () => {
    expect(Object.keys(Messages.recordTypes).sort()).toEqual([...Registry.recordTypes].sort())
    for (const t of Object.values(Messages.recordTypes)) expect(t.km).toMatch(KHMER)
  })

  test("label fills its places; an unknown place stays as written", () => {
    expect(Messages.label("showing", "en", { shown: 200, total: 1234 })).toBe("Showing 200 of 1234 problems")
    expect(Messages.label("showing", "km", { shown: 200 })).toBe("បង្ហាញបញ្ហា 200 ក្នុងចំណោម {total}")
    expect(Messages.khmerDigits(2024)).toBe("២០២៤")
  })
})

describe("problem messages", () => {
  const duplicate: Report.Problem = {
    severity: "error",
    row: 7,
    column: "Child code",
    path: "id",
    rule: "duplicate-id",
    message: "Another child record already has this id (row 3, column Child code)",
    related: { row: 3, column: "Child code" }
  }

  test("English: the report's own message; Khmer: the rule's, with the other row and column", () => {
    expect(Messages.problemMessage(duplicate, "en")).toBe(duplicate.message)
    expect(Messages.problemMessage(duplicate, "km")).toBe(
      "កំណត់ត្រាមួយទៀតនៃប្រភេទនេះមានលេខសម្គាល់នេះរួចហើយ។ (សូមមើលជួរដេក 3 ជួរឈរ «Child code»)"
    )
    expect(Messages.problemMessage({ ...duplicate, related: { file: "b.csv", row: 2, column: "ID" } }, "km")).toContain(
      "សូមមើលជួរដេក 2 ជួរឈរ «ID» ក្នុង b.csv"
    )
  })

  test("Khmer: the choices of a choice problem and the as-of date of a late date", () => {
    const choice: Report.Problem = { ...duplicate, rule: "choice", message: "Expected one of: Active, Exited" }
    const { related: _, ...noRelated } = choice
    expect(Messages.problemMessage(noRelated, "km")).toBe("តម្លៃនេះមិនមែនជាជម្រើសដែលអនុញ្ញាតទេ។ (ជម្រើស៖ Active, Exited)")
    const late: Report.Problem = {
      severity: "error",
      column: "DOB",
      path: "birth.date",
      rule: "date-after-as-of",
      message: "x"
    }
    expect(Messages.problemMessage(late, "km", "2024-06-30")).toContain("កាលបរិច្ឆេទគោល៖ 2024-06-30")
  })

  test("a code without wording gets a general message, never an empty one", () => {
    const p: Report.Problem = { severity: "error", column: "A", path: "a", rule: "no-such-rule", message: "" }
    expect(Messages.problemMessage(p, "km")).toMatch(KHMER)
    expect(Messages.problemMessage(p, "en")).not.toBe("")
    expect(Messages.ruleTitle("no-such-rule", "km")).toBe("បញ្ហា")
  })

  // attacker: the value a problem holds (kept in the JSON report for fields that are not sensitive) is never in its message
  fcTest.prop(
    [
      fc.constantFrom(...Object.keys(Messages.rules)),
      fc.string({ minLength: 6, maxLength: 30 }).filter((s) => s.trim().length >= 6 && !/[(){}«»;:]/.test(s)),
      fc.constantFrom<Messages.Language>("en", "km")
    ],
    { numRuns: 300 }
  )("a Khmer message never holds the problem's value", (rule, value, lang) => {
    const p: Report.Problem = {
      severity: "error",
      row: 2,
      column: "C",
      path: "c",
      rule,
      message: "a plain message",
      value
    }
    const m = Messages.problemMessage(p, lang)
    expect(lang === "en" || !m.includes(value)).toBe(true)
  })
})

describe("why a file cannot be used, in English and Khmer", () => {
  test("every refusal code of @homeward/validate has both wordings, the Khmer one in Khmer script", () => {
    const unusableSource = readFileSync(join(PACKAGES, "validate", "src", "Unusable.ts"), "utf8")
    const block = /export type Code =([^/]*)/.exec(unusableSource)?.[1] ?? ""
    const codes = [...block.matchAll(/"([a-z-]+)"/g)].map((m) => m[1] as string)
    expect(codes.length).toBeGreaterThanOrEqual(10)
    expect(Object.keys(Messages.unusableReasons).sort()).toEqual([...codes].sort())
    for (const text of Object.values(Messages.unusableReasons)) {
      expect(text.en.length).toBeGreaterThan(0)
      expect(text.km).toMatch(/[\u1780-\u17FF]/)
    }
  })
})
