/**
 * The shape of the public API, checked mechanically:
 *
 * - rule signatures (DEVELOPERS.md, "Rule signatures"): the subject first,
 *   then `profile`, then `asOf` (or the day the profile is read on), then
 *   qualifiers and options;
 * - the adapter toolkit is reachable only from `@homeward/core/adapter`;
 * - one `replay`, on `CaseState`, with the case id required.
 */
import { readdirSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as Core from "@homeward/core"
import * as AdapterEntry from "@homeward/core/adapter"
import ts from "typescript"
import { describe, expect, it } from "vitest"

const src = join(dirname(fileURLToPath(import.meta.url)), "../src")

interface Param {
  readonly name: string
  readonly type: string
}
interface Fn {
  readonly module: string
  readonly name: string
  readonly params: ReadonlyArray<Param>
}

/** Every exported function (arrow, function expression or declaration) of a module's source. */
const exportedFunctions = (module: string, text: string): ReadonlyArray<Fn> => {
  const sf = ts.createSourceFile(`${module}.ts`, text, ts.ScriptTarget.Latest, true)
  const out: Array<Fn> = []
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  const params = (ps: ts.NodeArray<ts.ParameterDeclaration>) =>
    ps.map((p) => ({ name: p.name.getText(sf), type: p.type?.getText(sf) ?? "" }))
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && exported(st) && st.name !== undefined)
      out.push({ module, name: st.name.text, params: params(st.parameters) })
    if (!ts.isVariableStatement(st) || !exported(st)) continue
    for (const d of st.declarationList.declarations) {
      const init = d.initializer
      if (init !== undefined && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
        out.push({ module, name: d.name.getText(sf), params: params(init.parameters) })
    }
  }
  return out
}

/**
 * Modules whose subject is the profile itself (`PolicyProfile.resolve(profile,
 * asOf)`): the convention is about rules that read a profile, not about the
 * profile's own functions.
 */
const profileIsTheSubject = new Set(["PolicyProfile", "Profiles"])

/**
 * Functions whose subject is two parameters: the decider decides a command
 * against a state (`decide(state, command, profile, asOf)`, the order of the
 * decider pattern).
 */
const subjectPairs = new Set(["Decider.decide", "Decider.decideEffect"])

const isProfile = (p: Param) => p.name === "profile" || /\bPolicyProfile\b/.test(p.type)
const isDate = (p: Param) => p.type === "Date"

/** The violations of the rule-signature convention in one function (empty when it follows it). */
const violations = (f: Fn): ReadonlyArray<string> => {
  if (profileIsTheSubject.has(f.module)) return []
  const out: Array<string> = []
  const names = f.params.map((p) => p.name)
  const sig = `${f.module}.${f.name}(${names.join(", ")})`
  const first = f.params[0]
  if (first !== undefined && (isProfile(first) || first.name === "asOf"))
    out.push(`${sig}: the first parameter must be the subject, not ${first.name}`)
  const subject = subjectPairs.has(`${f.module}.${f.name}`) ? 2 : 1
  const profile = f.params.findIndex(isProfile)
  const asOf = names.indexOf("asOf")
  if (profile > subject) out.push(`${sig}: profile must come right after the subject`)
  if (asOf >= 0 && asOf !== (profile >= 0 ? profile + 1 : subject))
    out.push(`${sig}: asOf must come right after ${profile >= 0 ? "profile" : "the subject"}`)
  if (profile >= 0) {
    // The day the profile is read on sits right after it, whatever its name (asOf, reunifiedOn, reportedAt).
    const laterDates = f.params.slice(subject).filter(isDate)
    if (laterDates.length > 0 && !isDate(f.params[profile + 1] ?? { name: "", type: "" }))
      out.push(`${sig}: the day the profile is read on must come right after profile`)
    const before = f.params.slice(subject, profile).filter(isDate)
    if (before.length > 0) out.push(`${sig}: a date (${before[0]!.name}) comes before profile`)
  }
  return out
}

const modules = readdirSync(src)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts")
  .map((f) => f.slice(0, -3))
  .sort()

const all = modules.flatMap((m) => exportedFunctions(m, readFileSync(join(src, `${m}.ts`), "utf8")))

describe("rule signatures (DEVELOPERS.md: subject, profile, asOf, then qualifiers and options)", () => {
  it("finds the exported rules of every module (the parser sees them)", () => {
    const names = new Set(all.map((f) => `${f.module}.${f.name}`))
    for (const n of [
      "Eligibility.assessReintegration",
      "BestInterestChecks.bestInterestChecks",
      "Blockers.whatBlocks",
      "Phase.canAdvance",
      "Phase.next",
      "Consent.consentCovers",
      "Monitoring.monitoringPlan",
      "Support.supportSchedule",
      "Conference.conferenceHeld",
      "Scoring.responseDeadline",
      "Closure.closureEligibility",
      "Reunification.reunificationChecks",
      "IndependentLiving.workOrStudy",
      "Decider.decide"
    ])
      expect(names, n).toContain(n)
    expect(all.length).toBeGreaterThan(60)
  })

  it("every exported function of core follows the convention", () => {
    expect(all.flatMap(violations)).toEqual([])
  })

  it("the check catches the old orders (it can fail)", () => {
    const old = exportedFunctions(
      "Old",
      [
        "export const consentCovers = (state: CaseState, purpose: Purpose, agency: string, asOf: Date, profile: PolicyProfile) => 1",
        "export const conferenceHeld = (state: CaseState, situation: ConferenceTrigger, profile: PolicyProfile, asOf: Date) => 1",
        "export const responseDeadline = (level: RiskLevel, reportedAt: Date, profile: PolicyProfile) => 1",
        "export function stepProgress(state: CaseState, step: ContactStep, asOf: Date) { return 1 }",
        "export const byProfile = (profile: PolicyProfile, state: CaseState, asOf: Date) => 1",
        "export const ok = (state: CaseState, profile: PolicyProfile, asOf: Date, options?: Options) => 1"
      ].join("\n")
    )
    expect(old.map((f) => [f.name, violations(f).length > 0])).toEqual([
      ["consentCovers", true],
      ["conferenceHeld", true],
      ["responseDeadline", true],
      ["stepProgress", true],
      ["byProfile", true],
      ["ok", false]
    ])
  })

  it("the rules' runtime arity matches: subject, profile, asOf for the rules reading a profile on a day", () => {
    const asOf = new Date("2018-01-01")
    const state = Core.CaseState.initial("c1")
    const p = Core.Profiles.cambodiaMosvy
    // Each call below would not typecheck (and would throw on the date check) in the old orders.
    expect(Core.Phase.next(state, p, asOf)).toEqual({ phase: "assessment" })
    expect(Core.Consent.consentCovers(state, p, asOf, "tracing", "AG-1").outcome.covered).toBe(false)
    expect(Core.Conference.conferenceHeld(state, p, asOf, "family-reunification").outcome.required).toBe(true)
    expect(Core.Scoring.responseDeadline("high", p, asOf).outcome.hours).toBe(24)
  })
})

/** The adapter toolkit: only in `@homeward/core/adapter`. */
const adapterOnly = [
  "encodeEvent",
  "encodeBatch",
  "checkAppendArguments",
  "decodeStored",
  "decodeStoredOrThrow",
  "checkContiguous",
  "toStoreError",
  "corruptMemoryEvent"
] as const

/** Every value reachable from the root index: its namespaces and their members, one level down. */
const reachable = (root: Record<string, unknown>): ReadonlyArray<string> =>
  Object.entries(root).flatMap(([ns, m]) => [
    ns,
    ...(typeof m === "object" && m !== null ? Object.keys(m).map((k) => `${ns}.${k}`) : [])
  ])

describe("adapter helpers live only in @homeward/core/adapter", () => {
  it("the adapter entry has every helper", () => {
    for (const n of adapterOnly) expect(typeof (AdapterEntry as Record<string, unknown>)[n], n).toBe("function")
  })

  it("no helper is reachable from the root index, nor from EventStore", () => {
    const names = reachable(Core as unknown as Record<string, unknown>)
    expect(names).toContain("EventStore.makeMemoryStore")
    const leaked = names.filter((n) => adapterOnly.some((a) => n === a || n.endsWith(`.${a}`)))
    expect(leaked).toEqual([])
    expect(Object.keys(Core)).not.toContain("Adapter")
    for (const n of adapterOnly) expect(Object.keys(Core.EventStore), n).not.toContain(n)
  })

  it("the root index re-exports no Adapter module (source)", () => {
    expect(readFileSync(join(src, "index.ts"), "utf8")).not.toMatch(/Adapter/)
  })
})

describe("EventStore.Conflict says what to do", () => {
  it("its message names the versions and the remedy (re-read, decide again, retry)", async () => {
    const store = Core.EventStore.makeMemoryStore()
    const day = new Date("2018-01-01T00:00:00.000Z")
    const openCase: Core.Decider.Command = {
      type: "OpenCase",
      actor: { id: "sw-1", role: "social-worker" },
      recordedAt: new Date("2018-01-01T09:00:00.000Z"),
      occurredOn: day,
      child: {
        id: "CH-1",
        birth: { date: new Date("2008-03-01"), estimated: false },
        sex: "female",
        school: "enrolled"
      },
      institutionId: "RCI-1",
      agencyId: "AG-1",
      socialWorkerId: "sw-1",
      admissionReasons: ["poverty"],
      placement: { type: "residential-care", since: day, institutionId: "RCI-1" }
    }
    const opened = Core.Decider.decide(Core.CaseState.initial("case-1"), openCase, Core.Profiles.cambodiaMosvy, day)
    expect(opened.ok ? [] : opened.reasons.map((r) => r.code)).toEqual([])
    if (!opened.ok) return
    expect((await store.append("case-1", 0, opened.events))._tag).toBe("Appended")
    const stale = await store.append("case-1", 0, opened.events)
    expect(stale._tag).toBe("Conflict")
    if (stale._tag !== "Conflict") return
    expect(stale.message).toMatch(/expected version 0 but the case is at version 1/)
    expect(stale.message).toMatch(/nothing was written/)
    expect(stale.message).toMatch(/Re-read the case, decide again .* retry the append/)
  })
})
