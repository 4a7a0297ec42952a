/**
 * Every parameter of every built-in scenario is labelled with its source or
 * as an assumption, in the scenario file and in every output (JSON, CSV
 * header comments, SVG footnote).
 */
import { describe, expect, it } from "vitest"
import { fanChartSvg } from "../src/Chart.js"
import * as Labels from "../src/Labels.js"
import { toCsv, toJson } from "../src/Output.js"
import * as Parameter from "../src/Parameter.js"
import * as Scenarios from "../src/Scenarios.js"
import { simulateSync } from "../src/Simulate.js"
import { small } from "./helpers.js"

const GROUPS = ["cohort", "institutions", "socialWorkers", "durations", "outcomes", "breakdown"] as const

/** Every parameter written in a scenario file: [path, raw value]. */
const leaves = (encoded: Record<string, unknown>): Array<[string, unknown]> => {
  const out: Array<[string, unknown]> = [
    ["startDate", encoded["startDate"]],
    ["horizonMonths", encoded["horizonMonths"]],
    ["target", encoded["target"]]
  ]
  for (const g of GROUPS) {
    const group = encoded[g] as Record<string, unknown> | undefined
    for (const [k, v] of Object.entries(group ?? {})) {
      if (k === "contactSteps") for (const [id, d] of Object.entries(v as object)) out.push([`${g}.${k}.${id}`, d])
      else out.push([`${g}.${k}`, v])
    }
  }
  return out
}

describe("labels", () => {
  it.each(Object.keys(Scenarios.encoded))(
    "[%s] every parameter in the scenario file carries a source or an assumption",
    (id) => {
      const unlabelled = leaves(Scenarios.encoded[id] as unknown as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && Parameter.labelOf(v).kind === "unlabelled")
        .map(([p]) => p)
      expect(unlabelled).toEqual([])
    }
  )

  it.each(Object.keys(Scenarios.encoded))(
    "[%s] every parameter the result rests on is labelled, none unlabelled; the contact-step minimums are reported as Homeward defaults",
    (id) => {
      const reports = Labels.report(Scenarios.get(id)!)
      expect(Labels.tally(reports).unlabelled).toBe(0)
      const steps = reports.find((r) => r.path === "policy.phases.contactSteps")!
      expect(steps.label.kind).toBe("assumption")
      expect(steps.label.assumption).toMatch(/Homeward defaults/)
      expect(reports.find((r) => r.path === "policy.eligibility.adultAge")?.label.kind).toBe("policy")
      // The share with a traceable family is an assumption anchored on the share with a living parent.
      const traced = reports.find((r) => r.path === "cohort.traceableFamilyShare")!
      expect(traced.label.kind).toBe("assumption")
      expect(traced.label.source?.section).toMatch(/living parent/)
      expect(traced.range).toBe("uniform 0.6–0.8")
    }
  )

  it("the built-in scenarios cite documents only: no reference to a file outside the repository", () => {
    const text = JSON.stringify(Scenarios.encoded)
    expect(text).not.toMatch(/RULES\.md|shared\/|seeds\//)
  })

  it("JSON, CSV comments and the SVG footnote carry every parameter's label", () => {
    const r = simulateSync({ ...Scenarios.siemReap2017, runs: 4 })
    const json = JSON.parse(toJson(r))
    expect(json.parameters).toEqual(JSON.parse(JSON.stringify(Labels.report(Scenarios.siemReap2017, r.policy))))
    const comments = toCsv(r)
      .split("\n")
      .filter((l) => l.startsWith("# "))
    for (const p of r.parameters) {
      const line = comments.find((l) => l.startsWith(`#   ${p.path} = `))
      expect(line, p.path).toBeDefined()
      expect(line).toContain(Parameter.describeLabel(p.label).slice(0, 40))
    }
    expect(comments.some((l) => l.includes("Parameters with a range are sampled (joint"))).toBe(true)
    const svg = fanChartSvg(r)
    for (const p of r.parameters.filter((x) => x.label.kind === "assumption")) expect(svg).toContain(p.path)
    expect(svg).toContain("Sources: ")
    expect(svg).toContain(Scenarios.siemReap2017.citations![0]!.document.slice(0, 40))
  })

  it("a scenario with bare values reports them as unlabelled, and the result warns", () => {
    const r = simulateSync(small({ runs: 2 }))
    expect(r.parameters.find((p) => p.path === "outcomes.contactPositive")?.label.kind).toBe("unlabelled")
    expect(r.warnings.find((w) => w.code === "unlabelled-parameters")?.message).toContain("outcomes.contactPositive")
  })
})
