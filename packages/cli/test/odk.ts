/// <reference lib="dom" />
/**
 * Driving ODK's own XForms engine (`@getodk/xforms-engine`, the engine of
 * ODK Web Forms) headless under jsdom: load a form, fill it with answers the
 * way an enumerator would, read its violations and the submission XML.
 * Test files using it start with `// @vitest-environment jsdom`.
 */
import type { CollectionForm } from "../src/index.js"

// The engine's bundled tree-sitter (WebAssembly) loader, when it sees Node,
// reads `__dirname`, which an ES module does not have. The WebAssembly itself
// is inlined in the bundle, so any value will do.
const g = globalThis as { __dirname?: string }
g.__dirname ??= "/"

type Engine = typeof import("@getodk/xforms-engine")
let engine: Engine | undefined
const load = async (): Promise<Engine> => {
  engine ??= await import("@getodk/xforms-engine")
  return engine
}

// The engine's node types, as far as these tests use them.
export interface EngineNode {
  readonly nodeType: string
  readonly currentState: {
    readonly reference: string
    readonly relevant: boolean
    readonly required: boolean
    readonly value: unknown
    readonly children: ReadonlyArray<EngineNode> | null
    readonly valueOptions: unknown
  }
  readonly validationState: {
    readonly violation?: { readonly condition: string; readonly message: { readonly asString: string } | null } | null
    readonly violations?: ReadonlyArray<{
      readonly reference: string
      readonly violation: { readonly condition: string; readonly message: { readonly asString: string } | null }
    }>
  }
  setValue?(value: string): unknown
  selectValue?(value: string | null): unknown
  selectValues?(values: ReadonlyArray<string>): unknown
  addInstances?(afterIndex?: number, count?: number): unknown
}

export interface EngineRoot extends EngineNode {
  readonly languages: ReadonlyArray<{ readonly language: string }>
  setLanguage(language: { readonly language: string }): unknown
  readonly instanceState: { readonly instanceXML: string }
}

let solid: typeof import("solid-js") | undefined
let previous: (() => void) | undefined

/**
 * Load an XForm into the engine and start a new submission. The engine is
 * created inside a Solid reactive root (the reactivity library it uses),
 * and the previous submission's root is disposed: without that, every
 * loaded form stays in memory. Fails the test if the form does not load.
 */
export const open = async (xml: string): Promise<EngineRoot> => {
  const { createInstance } = await load()
  solid ??= await import("solid-js")
  previous?.()
  const { createRoot } = solid
  const instance = await createRoot((dispose) => {
    previous = dispose
    return createInstance(xml)
  })
  return instance.root as unknown as EngineRoot
}

export const setLanguage = (root: EngineRoot, code: "en" | "km"): void => {
  const lang = root.languages.find((l) => l.language.endsWith(`(${code})`))
  if (lang === undefined) throw new Error(`the form has no language ${code}`)
  root.setLanguage(lang)
}

const nameOf = (n: EngineNode): string =>
  (n.currentState.reference.split("/").pop() ?? "").replace(/\[\d+\]$/, "").replace(/^orx:/, "")

export const children = (n: EngineNode): ReadonlyArray<EngineNode> => n.currentState.children ?? []

export const child = (n: EngineNode, name: string): EngineNode => {
  const c = children(n).find((x) => nameOf(x) === name)
  if (c === undefined) throw new Error(`no node ${name} under ${n.currentState.reference}`)
  return c
}

/** The node at an element path (`["members", 0, "relationship"]`: numbers pick a repeat). */
export const at = (root: EngineNode, path: ReadonlyArray<string | number>): EngineNode => {
  let cur = root
  for (const seg of path) {
    if (typeof seg === "number") {
      const inst = children(cur)[seg]
      if (inst === undefined) throw new Error(`no repeat ${seg + 1} at ${cur.currentState.reference}`)
      cur = inst
    } else cur = child(cur, seg)
  }
  return cur
}

/**
 * Fill the engine with answers, question by question in form order, as an
 * enumerator would (a count question before its repeat, repeats added one
 * by one). Values the engine refuses at input (a date that does not exist,
 * a word in a number question, a value not in the choice list) leave the
 * question blank, as in ODK Web Forms.
 */
export const fill = (
  root: EngineNode,
  questions: ReadonlyArray<CollectionForm.Question>,
  answers: CollectionForm.Answers
): void => {
  const go = (node: EngineNode, qs: ReadonlyArray<CollectionForm.Question>, a: CollectionForm.Answers) => {
    for (const q of qs) {
      const v = a[q.name]
      if (q.kind === "group") {
        if (v !== undefined && typeof v === "object" && !Array.isArray(v)) {
          go(child(node, q.name), q.children, v as CollectionForm.Answers)
        }
        continue
      }
      if (q.kind === "repeat") {
        const items: ReadonlyArray<CollectionForm.Answers> =
          v === undefined || typeof v === "string"
            ? []
            : Array.isArray(v)
              ? (v as ReadonlyArray<CollectionForm.Answers>)
              : [v as CollectionForm.Answers]
        const range = child(node, q.name)
        if (q.count === undefined) {
          for (let i = children(range).length; i < items.length; i++) range.addInstances?.()
        }
        const instances = children(range)
        items.forEach((item: CollectionForm.Answers, i: number) => {
          const inst = instances[i]
          if (inst !== undefined) go(inst, q.children, item)
        })
        continue
      }
      if (typeof v !== "string") continue
      const n = child(node, q.name)
      if (q.kind === "select") n.selectValues?.(v.split(" ").filter((s) => s !== ""))
      else if (q.kind === "select1") n.selectValue?.(v === "" ? null : v)
      else n.setValue?.(v)
    }
  }
  go(root, questions, answers)
}

export interface Violation {
  readonly reference: string
  readonly condition: string
  readonly message: string | undefined
}

/** Every required or constraint violation of the submission, as the engine reports them. */
export const violations = (root: EngineNode): ReadonlyArray<Violation> =>
  (root.validationState.violations ?? []).map((v) => ({
    reference: v.reference,
    condition: v.violation.condition,
    message: v.violation.message?.asString
  }))

/** The submission XML the engine would send. */
export const submissionXml = (root: EngineRoot): string => root.instanceState.instanceXML

/** A submission that is not well-formed XML (it holds a character XML cannot carry). */
export class NotXml extends Error {
  constructor() {
    super("the submission is not well-formed XML")
  }
}

/**
 * The answers of a submission XML: each element holding elements becomes
 * an object, repeated elements a list, and every other element its text.
 */
export const answersOf = (xml: string): CollectionForm.Answers => {
  const doc = new DOMParser().parseFromString(xml, "application/xml")
  if (doc.getElementsByTagName("parsererror").length > 0) throw new NotXml()
  const read = (el: Element): CollectionForm.Answers => {
    const out: Record<string, string | CollectionForm.Answers | Array<CollectionForm.Answers>> = {}
    for (const c of Array.from(el.children)) {
      const value = c.children.length > 0 ? read(c) : (c.textContent ?? "")
      const prev = out[c.localName]
      if (prev === undefined) out[c.localName] = value
      else if (Array.isArray(prev)) prev.push(value as CollectionForm.Answers)
      else out[c.localName] = [prev as CollectionForm.Answers, value as CollectionForm.Answers]
    }
    return out
  }
  return read(doc.documentElement)
}
