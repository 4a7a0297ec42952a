/// <reference lib="dom" />
/**
 * Probing a form in ODK's engine against Homeward: change one answer of a
 * complete, valid submission to a boundary or wrong value, and compare what
 * the form says (violations, with their messages) with what Homeward says
 * when it decodes the submitted record.
 */
import { Registry, Validation } from "@homeward/core"
import { Result } from "effect"
import * as CollectionForm from "../src/CollectionForm.js"
import type * as FormLabels from "../src/FormLabels.js"
import * as odk from "./odk.js"

/** What Homeward says of a submission: the issues of decoding its record (none: accepted). */
export const homeward = (type: Registry.RecordType, record: Record<string, unknown>) => {
  const r = Validation.decodeUnknown(Registry.records[type], record)
  return Result.isSuccess(r) ? [] : r.failure
}

/** Fill a fresh engine instance, and read both verdicts. */
export const submit = async (xml: string, form: CollectionForm.Form, answers: CollectionForm.Answers) => {
  const root = await odk.open(xml)
  odk.fill(root, form.questions, answers)
  return { root, ...verdicts(root, form) }
}

/**
 * The engine's violations, and Homeward's issues with the submitted record.
 * A submission that is not XML (a character XML cannot carry) cannot be
 * sent at all: Homeward never sees it, reported as the issue `not-xml`.
 */
export const verdicts = (root: odk.EngineRoot, form: CollectionForm.Form) => {
  const violations = odk.violations(root)
  let submitted: CollectionForm.Answers
  try {
    submitted = odk.answersOf(odk.submissionXml(root))
  } catch (e) {
    if (!(e instanceof odk.NotXml)) throw e
    const issue = { path: [], pathString: "", rule: "not-xml", message: "The submission cannot be sent" }
    return { violations, submitted: {}, record: {}, issues: [issue] as ReadonlyArray<Validation.ValidationIssue> }
  }
  const record = CollectionForm.toRecord(form, submitted)
  return { violations, submitted, record, issues: homeward(form.type, record) }
}

const ints = (q: CollectionForm.Input): ReadonlyArray<string> => {
  const m = /\. >= (-?\d+)/.exec(q.constraint?.expr ?? "")
  const x = /\. <= (-?\d+)/.exec(q.constraint?.expr ?? "")
  const min = m === null ? undefined : Number(m[1])
  const max = x === null ? undefined : Number(x[1])
  const around = (n: number) => [n - 1, n, n + 1]
  return [
    ...(min === undefined ? [-1, 0] : around(min)),
    ...(max === undefined ? [1_000_000, 2_147_483_647, 2_147_483_648] : around(max)),
    "1.5",
    "abc",
    ""
  ].map(String)
}

/** Boundary and wrong answers for a question (value − 1, value, value + 1, month ends, 29 February …). */
export const probes = (
  form: CollectionForm.Form,
  q: CollectionForm.Input | CollectionForm.Select
): ReadonlyArray<string> => {
  if (q.kind !== "input") {
    const list = form.lists.find((l) => l.name === q.list)?.choices.map((c) => c.name) ?? []
    return q.kind === "select1" ? [...list, "bogus", ""] : ["", ...list, list.join(" "), "bogus"]
  }
  switch (q.type) {
    case "int":
      // a "Number of …" question makes that many repeats: keep it small
      return q.role === "count" ? ints(q).filter((v) => v === "" || Number(v) <= 5) : ints(q)
    case "decimal":
      return ["-1", "-0.01", "0", "0.5", "1000000.25", "abc", ""]
    case "date":
    case "dateTime":
      return [
        "1899-12-31",
        "1900-01-01",
        "2200-12-31",
        "2201-01-01",
        "2023-02-28",
        "2023-02-29",
        "2024-02-29",
        "2023-04-30",
        "2023-04-31",
        "2023-12-31",
        "31/12/2023",
        ""
      ]
    default:
      return q.constraint?.expr.startsWith("regex(., '^[A-Za-z0-9]")
        ? ["CH-1", "CH 1", "a".repeat(64), "a".repeat(65), "-x", "x\n", "ក", "A.b_c:d-e", ""]
        : [
            "x",
            " x ",
            "សួស្តី",
            " ",
            "\u00a0",
            "\u3000",
            "\t\n",
            "\u0085",
            "x\u0000",
            "x\u001f",
            "x\uffff",
            "x\ud800",
            "😀",
            "a".repeat(2000),
            "a".repeat(2001),
            "😀".repeat(1000),
            "😀".repeat(1001),
            ""
          ]
  }
}

/** The node of a question in the engine, in the first repeat where it repeats. */
export const nodeOf = (root: odk.EngineNode, form: CollectionForm.Form, q: CollectionForm.Question) => {
  const path: Array<string | number> = []
  const go = (qs: ReadonlyArray<CollectionForm.Question>, rest: ReadonlyArray<string>): boolean => {
    const head = rest[0]
    const found = qs.find((x) => x.name === head)
    if (found === undefined) return false
    path.push(found.name)
    if (rest.length === 1) return true
    if (found.kind === "repeat") path.push(0)
    return found.kind === "group" || found.kind === "repeat" ? go(found.children, rest.slice(1)) : false
  }
  return go(form.questions, q.path) ? odk.at(root, path) : undefined
}

export const setAnswer = (node: odk.EngineNode, q: CollectionForm.Input | CollectionForm.Select, v: string) => {
  if (q.kind === "select") node.selectValues?.(v.split(" ").filter((s) => s !== ""))
  else if (q.kind === "select1") node.selectValue?.(v === "" ? null : v)
  else node.setValue?.(v)
}

export const answerOf = (node: odk.EngineNode, q: CollectionForm.Input | CollectionForm.Select): string => {
  const v = node.currentState.value
  if (q.kind === "select") return (v as ReadonlyArray<string>).join(" ")
  if (v === null || v === undefined) return ""
  return typeof v === "object" ? String((v as { toString(): string }).toString()) : String(v)
}

export interface ProbeResult {
  readonly question: string
  readonly value: string
  readonly engineAccepts: boolean
  readonly homewardAccepts: boolean
  readonly violations: ReadonlyArray<odk.Violation>
  readonly khmer: ReadonlyArray<odk.Violation>
  readonly issues: ReadonlyArray<Validation.ValidationIssue>
}

/**
 * Probe every question of a form filled with a complete, valid record: for
 * each question and probe value, set the answer, read both verdicts (and
 * the violations in Khmer), then put the original answer back.
 */
export const probeAll = async (
  xml: string,
  form: CollectionForm.Form,
  record: Record<string, unknown>
): Promise<ReadonlyArray<ProbeResult>> => {
  const root = await odk.open(xml)
  odk.fill(root, form.questions, CollectionForm.fromRecord(form, record))
  const base = verdicts(root, form)
  if (base.violations.length > 0 || base.issues.length > 0) {
    throw new Error(`the complete ${form.type} is not accepted: ${JSON.stringify([base.violations, base.issues])}`)
  }
  const out: Array<ProbeResult> = []
  for (const q of CollectionForm.questions(form)) {
    if (q.kind === "group" || q.kind === "repeat") continue
    if (q.kind === "input" && q.role === "count") {
      out.push(...(await probeCount(xml, form, record, q)))
      continue
    }
    const node = nodeOf(root, form, q)
    if (node === undefined) continue
    const original = answerOf(node, q)
    for (const value of probes(form, q)) {
      setAnswer(node, q, value)
      const v = verdicts(root, form)
      odk.setLanguage(root, "km")
      const khmer = odk.violations(root)
      odk.setLanguage(root, "en")
      out.push({
        question: q.path.join("/"),
        value,
        engineAccepts: v.violations.length === 0,
        homewardAccepts: v.issues.length === 0,
        violations: v.violations,
        khmer,
        issues: v.issues
      })
      setAnswer(node, q, original)
    }
    const after = verdicts(root, form)
    if (after.violations.length > 0) throw new Error(`restoring ${q.path.join("/")} failed`)
  }
  return out
}

/**
 * Probe a "Number of …" question on fresh submissions (changing it adds or
 * removes repeats, which cannot be undone by putting the number back).
 */
const probeCount = async (
  xml: string,
  form: CollectionForm.Form,
  record: Record<string, unknown>,
  q: CollectionForm.Input
): Promise<ReadonlyArray<ProbeResult>> => {
  const out: Array<ProbeResult> = []
  const answers = CollectionForm.fromRecord(form, record)
  const replace = (a: CollectionForm.Answers, path: ReadonlyArray<string>, value: string): CollectionForm.Answers => {
    const [head, ...rest] = path
    if (head === undefined) return a
    if (rest.length === 0) return { ...a, [head]: value }
    const inner = a[head]
    if (Array.isArray(inner))
      return { ...a, [head]: inner.map((i) => replace(i as CollectionForm.Answers, rest, value)) }
    if (typeof inner === "object" && inner !== undefined)
      return { ...a, [head]: replace(inner as CollectionForm.Answers, rest, value) }
    return a
  }
  for (const value of probes(form, q)) {
    const root = await odk.open(xml)
    odk.fill(root, form.questions, replace(answers, q.path, value))
    const v = verdicts(root, form)
    odk.setLanguage(root, "km")
    const khmer = odk.violations(root)
    out.push({
      question: q.path.join("/"),
      value,
      engineAccepts: v.violations.length === 0,
      homewardAccepts: v.issues.length === 0,
      violations: v.violations,
      khmer,
      issues: v.issues
    })
  }
  return out
}

/** The messages a question may show, in a language. */
export const messagesOf = (q: CollectionForm.Question, lang: FormLabels.Language): ReadonlyArray<string> =>
  q.kind === "group" || q.kind === "repeat"
    ? []
    : [q.constraint?.message[lang], q.required?.message[lang]].filter((m): m is string => m !== undefined)
