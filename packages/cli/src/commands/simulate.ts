/**
 * `homeward simulate <scenario.json | built-in name> [--runs N] [--seed N]
 * [--workers N] [--set path=value]… [--out DIR] [--format json,csv,svg]` and
 * `homeward simulate --list`.
 *
 * @since 0.1.0
 */
import { mkdir, readFile, writeFile } from "node:fs/promises"
import { join } from "node:path"
import {
  fanChartSvg,
  type Parameter,
  Scenario,
  Scenarios,
  Simulate,
  type SimulationResult,
  toCsv,
  toJson
} from "@homeward/simulate"
import { Effect, Option, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { table } from "../internal/table.js"
import { exitWith, unusable } from "./exit.js"

const SHORT = "Simulate a reintegration scenario (Monte Carlo driven by the core rules)"

const HELP = `Simulate a scenario: with these social workers and this policy, what share of children in care will be
safely home by the deadline? The scenario is a JSON file (see the @homeward/simulate README) or the name of
a built-in scenario (homeward simulate --list). Prints a summary (probability of reaching the target by the
deadline, the share home on the deadline and at the horizon with the Monte Carlo standard error of each mean
and P5/P50/P95 across runs, breakdowns, worker utilisation, every parameter with its source or marked as an
assumption, and warnings when the runs are too few for the precision shown) and, with --out DIR, writes
<id>.json, <id>.csv and <id>.svg (a fan chart) there. Parameters with a range are sampled (total
uncertainty); --set sampling.mode=central shows chance alone.
A progress bar is drawn on stderr when it is a terminal. Exit code: 0 done, 2 unusable scenario
(the reason names the field).`

const FORMATS = ["json", "csv", "svg"] as const

/**
 * The `simulate` subcommand.
 *
 * @since 0.1.0
 */
export const command = Command.make(
  "simulate",
  {
    scenario: Argument.String("scenario").pipe(
      Argument.withDescription("Scenario JSON file or built-in scenario name"),
      Argument.optional
    ),
    list: Flag.Boolean("list").pipe(Flag.withDescription("List the built-in scenarios"), Flag.withDefault(false)),
    runs: Flag.Int("runs").pipe(Flag.withDescription("Number of runs (default: the scenario's)"), Flag.optional),
    seed: Flag.Int("seed").pipe(Flag.withDescription("Seed (default: the scenario's)"), Flag.optional),
    workers: Flag.Int("workers").pipe(Flag.withDescription("Worker threads (default: CPUs)"), Flag.optional),
    out: Flag.String("out").pipe(Flag.withDescription("Directory for the output files"), Flag.optional),
    set: Flag.String("set").pipe(
      Flag.withDescription(
        "Change one value, path=value (repeatable), e.g. --set socialWorkers.count=60 --set sampling.mode=central; a parameter set here is labelled as an assumption made on the command line"
      ),
      Flag.atLeast(0)
    ),
    format: Flag.String("format").pipe(
      Flag.withDescription("Output files, comma-separated: json, csv, svg"),
      Flag.withDefault("json,csv,svg")
    )
  },
  (o) =>
    Effect.promise(() =>
      run({
        scenario: Option.getOrUndefined(o.scenario),
        list: o.list,
        runs: Option.getOrUndefined(o.runs),
        seed: Option.getOrUndefined(o.seed),
        workers: Option.getOrUndefined(o.workers),
        out: Option.getOrUndefined(o.out),
        set: o.set,
        format: o.format
      })
    )
).pipe(Command.withDescription(HELP), Command.withShortDescription(SHORT))

const say = (s: string) => process.stdout.write(`${s}\n`)

const run = async (o: {
  scenario: string | undefined
  list: boolean
  runs: number | undefined
  seed: number | undefined
  workers: number | undefined
  out: string | undefined
  set: ReadonlyArray<string>
  format: string
}): Promise<void> => {
  if (o.list) {
    say(
      table(
        ["Scenario", "Children", "Title"],
        Object.keys(Scenarios.encoded).map((id) => {
          const s = Scenarios.get(id)!
          return [id, String(Scenario.childrenOf(s)), s.title]
        })
      )
    )
    return exitWith(0)
  }
  if (o.scenario === undefined) return unusable("give a scenario file or a built-in name (homeward simulate --list)")
  const formats = o.format
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "")
  const bad = formats.find((f) => !(FORMATS as ReadonlyArray<string>).includes(f))
  if (bad !== undefined) return unusable(`unknown --format "${bad}"; use json, csv, svg (comma-separated)`)
  if (o.runs !== undefined && o.runs < 1) return unusable("--runs must be at least 1")
  if (o.workers !== undefined && o.workers < 1) return unusable("--workers must be at least 1")

  let scenario: Scenario.Scenario
  const builtIn = Scenarios.get(o.scenario)
  if (builtIn !== undefined) scenario = builtIn
  else {
    let text: string
    try {
      text = await readFile(o.scenario, "utf8")
    } catch {
      return unusable(`cannot read ${o.scenario}: not a file and not a built-in scenario (homeward simulate --list)`)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return unusable(`${o.scenario} is not valid JSON`)
    }
    const r = Scenario.decodeScenario(json)
    if (Result.isFailure(r)) {
      const first = r.failure[0]!
      const more = r.failure.length > 1 ? ` (and ${r.failure.length - 1} more)` : ""
      return unusable(
        `invalid scenario ${o.scenario}: ${first.pathString === "" ? "(root)" : first.pathString}: ${first.message}${more}`
      )
    }
    scenario = r.success
  }
  for (const assignment of o.set) {
    const eq = assignment.indexOf("=")
    if (eq <= 0) return unusable(`--set expects path=value, e.g. --set socialWorkers.count=60`)
    const path = assignment.slice(0, eq).trim()
    const text = assignment.slice(eq + 1).trim()
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      value = text
    }
    try {
      scenario = Scenario.withValue(scenario, path, value, `set on the command line: --set ${path}`)
    } catch (e) {
      return unusable(`--set ${path}: ${e instanceof Error ? e.message.replace(/^invalid scenario: /, "") : "invalid"}`)
    }
  }
  if (o.runs !== undefined) scenario = { ...scenario, runs: o.runs }
  if (o.seed !== undefined) scenario = { ...scenario, seed: o.seed }

  const bar = progressBar()
  let result: SimulationResult | undefined
  try {
    for await (const e of Simulate.simulateStream(scenario, o.workers === undefined ? {} : { workers: o.workers })) {
      if (e.type === "progress") bar.update(e.completed, e.total)
      else result = e.result
    }
  } catch (e) {
    bar.done()
    return unusable(`simulation failed (${e instanceof Error ? e.message.split("\n")[0] : "error"})`)
  }
  bar.done()
  if (result === undefined) return unusable("simulation ended without a result")
  say(summary(result))
  if (o.out !== undefined) {
    await mkdir(o.out, { recursive: true })
    const id = result.scenario.id
    const written: Array<string> = []
    for (const f of formats) {
      const file = join(o.out, `${id}.${f}`)
      await writeFile(file, f === "json" ? toJson(result) : f === "csv" ? toCsv(result) : fanChartSvg(result))
      written.push(file)
    }
    say("")
    for (const w of written) say(`wrote ${w}`)
  }
  exitWith(0)
}

type Band = SimulationResult["target"]["reintegratedShareAtDeadline"]

/**
 * Decimals for a share in percent that its Monte Carlo standard error
 * supports: none when the error is half a point or more, one when it is a
 * twentieth of a point or more, else two.
 */
const decimalsFor = (se: number | null): number =>
  se === null ? 0 : se >= 0.005 || se === 0 ? (se === 0 ? 1 : 0) : se >= 0.0005 ? 1 : 2
const pctAt = (x: number, d: number) => `${(x * 100).toFixed(d)}%`
const points = (se: number) => `${(se * 100).toFixed(se >= 0.005 ? 1 : 2)} points`
const withSe = (x: number, se: number | null) =>
  `${pctAt(x, decimalsFor(se))}${se === null ? " (Monte Carlo error unknown)" : ` ± ${points(se)} (MC s.e.)`}`
const band = (b: Band) => {
  const d = decimalsFor(b.se)
  return [withSe(b.mean, b.se), pctAt(b.p5, d), pctAt(b.p50, d), pctAt(b.p95, d)]
}
const count = (b: Band) => [
  `${b.mean.toFixed(b.se === null || b.se >= 0.5 ? 0 : 1)}${b.se === null ? "" : ` ± ${b.se.toFixed(1)}`}`,
  String(b.p5),
  String(b.p50),
  String(b.p95)
]

const labelShort = (p: Parameter.Report): string => {
  const l = p.label
  const doc = l.source === undefined ? "" : `${l.source.document.split(",")[0]} (${l.source.year})`
  switch (l.kind) {
    case "source":
      return `source: ${doc}`
    case "policy":
      return `policy (${l.status}): ${doc}`
    case "assumption":
      return l.status !== undefined
        ? `assumption (profile default): ${doc}`
        : doc === ""
          ? "assumption"
          : `assumption (basis: ${doc})`
    case "unlabelled":
      return "UNLABELLED"
  }
}

/** The printed summary of a result. */
export const summary = (r: SimulationResult): string => {
  const s = r.scenario
  const t = r.target
  const maxOf = (f: (m: SimulationResult["months"][number]) => number) => Math.max(0, ...r.months.map(f))
  const meanOf = (f: (m: SimulationResult["months"][number]) => number) =>
    r.months.length === 0 ? 0 : r.months.reduce((n, m) => n + f(m), 0) / r.months.length
  const horizonDate = r.months[r.months.length - 1]?.date ?? ""
  const v = r.visitModel
  const tally = { source: 0, assumption: 0, policy: 0, unlabelled: 0 }
  for (const p of r.parameters) tally[p.label.kind]++
  const d = decimalsFor(t.probabilityReachedSe)
  return [
    `Scenario ${s.id}: ${s.title}`,
    `${s.children.toLocaleString("en-US")} children in care${s.inProgress > 0 ? ` (${s.inProgress} cases already in progress)` : ""}${s.alreadyReturned > 0 ? `, ${s.alreadyReturned} already returned and under monitoring` : ""}; ${s.socialWorkers} social workers (caseload cap ${s.caseloadCap}, ${s.visitsPerWeek} visits a week); from ${s.startDate} for ${s.horizonMonths} months; ${s.runs} runs, seed ${s.seed}`,
    `Visit model: a contact every ${v.daysBetweenContacts} days; up to ${v.casesPerWorker} open cases per worker, ${v.pathwayCasesPerWorker} of them in the pathway (limited by ${v.limitedBy}); ${v.slots} caseload slots, ${v.pathwaySlots} pathway slots (central values)`,
    `Uncertainty: ${r.uncertainty.note}${r.uncertainty.sampled.length > 0 && r.uncertainty.mode !== "central" ? ` Sampled: ${r.uncertainty.sampled.join(", ")}.` : ""}`,
    "",
    `Target: ${t.count.toLocaleString("en-US")} of ${s.children.toLocaleString("en-US")} children (${pctAt(t.share, 1)}; count ${t.countRule}) home by ${t.deadline}`,
    `Probability of reaching the target by the deadline: ${pctAt(t.probabilityReached, d)}${
      t.probabilityReachedSe === null
        ? " (Monte Carlo error unknown)"
        : t.probabilityReached === 0 || t.probabilityReached === 1
          ? ` (${t.probabilityReached === 0 ? "no run" : "every run"} of ${s.runs}; see the warning below)`
          : ` ± ${points(t.probabilityReachedSe)} (MC s.e.)`
    }${
      t.probabilityParameterShare === undefined || t.probabilityParameterShare === null
        ? ""
        : `; ${pctAt(t.probabilityParameterShare, 0)} of its variance from the parameters`
    }`,
    "",
    table(
      ["Children home (share of the cohort)", "mean", "P5", "P50", "P95"],
      [
        [`on the deadline (${t.deadline})`, ...band(t.reintegratedShareAtDeadline)],
        [`at the horizon (${horizonDate})`, ...band(r.horizon.reintegratedShare)],
        ["reunified at least once by the horizon", ...band(r.horizon.everReunifiedShare)]
      ]
    ),
    "",
    table(
      ["Children (count)", "mean", "P5", "P50", "P95"],
      [
        [`home on the deadline (target ${t.count})`, ...count(t.reintegratedAtDeadline)],
        ["breakdowns over the horizon", ...count(r.horizon.breakdowns)],
        ["re-entries into the pathway", ...count(r.horizon.reentries)]
      ]
    ),
    "",
    `One pathway, from a case opening to the child's first return home, takes ${(r.horizon.pathwayDays.mean / 30.44).toFixed(1)} months on average (P5 ${(r.horizon.pathwayDays.p5 / 30.44).toFixed(1)}, P95 ${(r.horizon.pathwayDays.p95 / 30.44).toFixed(1)}; children home within the horizon)`,
    `Breakdowns per child ever reunified: ${r.horizon.breakdownRate.mean.toFixed(2)}${r.horizon.breakdownRate.se === null ? "" : ` ± ${r.horizon.breakdownRate.se.toFixed(2)} (MC s.e.)`}`,
    `Worker utilisation: caseload mean ${pctAt(
      meanOf((m) => m.caseloadUtilisation),
      0
    )}, peak ${pctAt(
      maxOf((m) => m.caseloadUtilisation),
      0
    )}; visits mean ${pctAt(
      meanOf((m) => m.visitUtilisation),
      0
    )}, peak ${pctAt(
      maxOf((m) => m.visitUtilisation),
      0
    )}`,
    "",
    `Parameters: ${tally.source} from sources, ${tally.policy} from the policy profile, ${tally.assumption} assumptions${tally.unlabelled > 0 ? `, ${tally.unlabelled} UNLABELLED` : ""} (full labels in the JSON and CSV outputs)`,
    table(
      ["Parameter", "Value", "Range", "Label"],
      r.parameters.map((p) => [
        p.path,
        p.value.length > 60 ? `${p.value.slice(0, 57)}...` : p.value,
        p.range ?? "",
        labelShort(p)
      ])
    ),
    ...(r.warnings.length === 0 ? [] : ["", ...r.warnings.map((w) => `Warning: ${w.message}`)])
  ].join("\n")
}

const progressBar = (stream: NodeJS.WriteStream = process.stderr) => {
  if (!stream.isTTY) return { update: (_c: number, _t: number) => undefined, done: () => undefined }
  let drawn = false
  return {
    update: (completed: number, total: number) => {
      const f = total === 0 ? 1 : completed / total
      const width = 30
      const n = Math.round(f * width)
      stream.write(
        `\r[${"#".repeat(n)}${"-".repeat(width - n)}] ${String(Math.floor(f * 100)).padStart(3)}% ${completed}/${total} runs`
      )
      drawn = true
    },
    done: () => {
      if (drawn) stream.write("\r\u001b[2K")
    }
  }
}
