/**
 * Table-driven example tests of the rules, one fixture file per source
 * document (`test/fixtures/rules/*.json`), each case `{ name, source, asOf,
 * input, output }` in plain JSON: commands are decoded with the Decider's
 * Command Schema, exactly as a plain-data user would.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ClosureAssessment } from "../src/FollowUp.js"
import { CaseState, Closure, Decider, Monitoring, Phase, Profiles, Support } from "../src/index.js"
import { SupportPlan } from "../src/Support.js"

interface Fixture {
  readonly name: string
  readonly source: string
  readonly asOf: string
  readonly input: { readonly rule: string; readonly profile: string } & Record<string, unknown>
  readonly output: Record<string, unknown>
}

const dir = join(import.meta.dirname, "fixtures", "rules")
const DAY = 86_400_000
const day = (s: string) => new Date(`${s}T00:00:00.000Z`)
const iso = (d: Date) => d.toISOString().slice(0, 10)

const run = (f: Fixture): Record<string, unknown> => {
  const profile = Profiles.get(f.input.profile)
  if (profile === undefined) throw new Error(`unknown profile ${f.input.profile}`)
  switch (f.input.rule) {
    case "commands": {
      const commands = (f.input["commands"] as ReadonlyArray<unknown>).map((c) =>
        Schema.decodeUnknownSync(Decider.Command)(c)
      )
      let state = CaseState.initial(f.input["caseId"] as string)
      const phases: Array<string> = ["intake"]
      const rejected: Array<{ index: number; codes: ReadonlyArray<string> }> = []
      const warnings = new Set<string>()
      let closed: string | undefined
      commands.forEach((command, index) => {
        const asOf = command.occurredOn ?? day(f.asOf)
        if (command.type === "Advance")
          for (const r of Phase.canAdvance(state, profile, asOf).reasons)
            if (r.severity === "warning") warnings.add(r.code)
        const r = Decider.decide(state, command, profile, asOf)
        if (!r.ok) {
          rejected.push({ index, codes: r.reasons.map((x) => x.code) })
          return
        }
        for (const e of r.events) {
          state = Decider.evolve(state, e)
          if (e.type === "CaseClosed") closed = e.closureReason
        }
        const label = state.phase.step ?? state.phase.phase
        if (phases[phases.length - 1] !== label) phases.push(label)
      })
      return {
        phases,
        rejected,
        ...("warnings" in f.output ? { warnings: [...warnings] } : {}),
        ...(closed === undefined ? {} : { closed })
      }
    }
    case "monitoringPlan": {
      const reunifiedOn = day(f.input["reunifiedOn"] as string)
      const plan = Monitoring.monitoringPlan(reunifiedOn, profile)
      let prev = reunifiedOn.getTime()
      let maxGapDays = 0
      for (const p of plan) {
        maxGapDays = Math.max(maxGapDays, (p.due.getTime() - prev) / DAY)
        prev = p.due.getTime()
      }
      return {
        end: iso(Monitoring.monitoringEnd(reunifiedOn, profile)),
        firstDue: iso(plan[0]!.due),
        lastDue: iso(plan[plan.length - 1]!.due),
        maxGapDays
      }
    }
    case "supportSchedule": {
      const plan = Schema.decodeUnknownSync(SupportPlan)(f.input["plan"])
      const d = Support.supportSchedule(plan, profile, day(f.input["reunifiedOn"] as string))
      return {
        amounts: d.outcome.lines[0]!.steps.map((s) => s.amount),
        taperEnd: iso(d.outcome.taperEnd),
        codes: d.reasons.map((r) => r.code)
      }
    }
    case "form6": {
      const a = Schema.decodeUnknownSync(ClosureAssessment)(f.input["assessment"])
      const d = Closure.assessForm6(a, profile, day(f.asOf))
      return { ...d.outcome, codes: d.reasons.map((r) => r.code) }
    }
    default:
      throw new Error(`unknown rule ${f.input.rule}`)
  }
}

const files = readdirSync(dir).filter((f) => f.endsWith(".json"))

describe("rule fixtures", () => {
  it("there is at least one fixture file per source document", () => {
    expect(files.sort()).toEqual(["azizas-place.json", "prim-oscar-form6.json", "unicef-siem-reap-2017.json"])
  })
  for (const file of files) {
    const fixtures = JSON.parse(readFileSync(join(dir, file), "utf8")) as ReadonlyArray<Fixture>
    describe(file, () => {
      for (const f of fixtures) {
        it(`[${f.source}] ${f.name}`, () => {
          expect(run(f)).toEqual(f.output)
        })
      }
    })
  }
})
