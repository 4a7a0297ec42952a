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
  Calibration,
  Comparison,
  fanChartSvg,
  type Parameter,
  Scenario,
  Scenarios,
  Sensitivity,
  Simulate,
  type SimulationResult,
  Solve,
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

Planners' questions (each runs many simulations on the same seed, so variants share children and draws):
  --solve workers|visits|budget --probability P   the smallest number of social workers (visits a week per
                                                  worker, family-support budget) reaching the target with
                                                  probability at least P by the deadline, and how sure it is
  --sensitivity                                   which uncertain inputs move the share home on the deadline
                                                  most (table; with --out, a tornado chart <id>-tornado.svg)
  --compare path=value (repeatable)               the scenario against each variant: differences with bands
                                                  from paired runs, what differs over time, and a flag when
                                                  two variants cannot differ by the deadline and why
  --calibrate [--fit path,path] [--draws N]       fit parameters with ranges to the scenario's observed
                                                  history (e.g. siem-reap-history-2016)
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
    ),
    solve: Flag.String("solve").pipe(
      Flag.withDescription("Solve for the smallest workers, visits or budget reaching the target (see --probability)"),
      Flag.optional
    ),
    probability: Flag.Finite("probability").pipe(
      Flag.withDescription("Probability of reaching the target to solve for (default 0.8)"),
      Flag.withDefault(0.8)
    ),
    searchRuns: Flag.Int("search-runs").pipe(
      Flag.withDescription("Runs per candidate while solving (default 200); --runs sets the confirmation runs"),
      Flag.optional
    ),
    sensitivity: Flag.Boolean("sensitivity").pipe(
      Flag.withDescription("Rank the uncertain inputs by how much they move the outcome"),
      Flag.withDefault(false)
    ),
    compare: Flag.String("compare").pipe(
      Flag.withDescription("A variant to compare with the scenario, path=value (repeatable)"),
      Flag.atLeast(0)
    ),
    calibrate: Flag.Boolean("calibrate").pipe(
      Flag.withDescription("Fit parameters with ranges to the scenario's observed history"),
      Flag.withDefault(false)
    ),
    fit: Flag.String("fit").pipe(
      Flag.withDescription(
        "Parameters to fit with --calibrate, comma-separated paths (default: every one with a range)"
      ),
      Flag.optional
    ),
    draws: Flag.Int("draws").pipe(Flag.withDescription("Prior draws for --calibrate (default 1000)"), Flag.optional)
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
        format: o.format,
        solve: Option.getOrUndefined(o.solve),
        probability: o.probability,
        searchRuns: Option.getOrUndefined(o.searchRuns),
        sensitivity: o.sensitivity,
        compare: o.compare,
        calibrate: o.calibrate,
        fit: Option.getOrUndefined(o.fit),
        draws: Option.getOrUndefined(o.draws)
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
  solve?: string | undefined
  probability?: number
  searchRuns?: number | undefined
  sensitivity?: boolean
  compare?: ReadonlyArray<string>
  calibrate?: boolean
  fit?: string | undefined
  draws?: number | undefined
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
    const r = assign(scenario, assignment, "--set")
    if (typeof r === "string") return unusable(r)
    scenario = r
  }
  if (o.runs !== undefined) scenario = { ...scenario, runs: o.runs }
  if (o.seed !== undefined) scenario = { ...scenario, seed: o.seed }
  const questions = [o.solve !== undefined, o.sensitivity === true, (o.compare ?? []).length > 0, o.calibrate === true]
  if (questions.filter(Boolean).length > 1)
    return unusable("ask one question at a time: --solve, --sensitivity, --compare or --calibrate")
  const workersOpt = o.workers === undefined ? {} : { workers: o.workers }
  try {
    if (o.solve !== undefined)
      return await solveQuestion(scenario, o.solve, o.probability ?? 0.8, o.searchRuns, o.runs, workersOpt)
    if (o.sensitivity === true) return await sensitivityQuestion(scenario, o.runs, o.out, workersOpt)
    if ((o.compare ?? []).length > 0) return await compareQuestion(scenario, o.compare ?? [], o.runs, o.out, workersOpt)
    if (o.calibrate === true) return await calibrateQuestion(scenario, o.fit, o.draws, workersOpt)
  } catch (e) {
    return unusable(e instanceof Error ? e.message.split("\n")[0]! : "failed")
  }

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

/** Apply `path=value` to a scenario; a string is the reason it cannot be applied. */
const assign = (scenario: Scenario.Scenario, assignment: string, flag: string): Scenario.Scenario | string => {
  const eq = assignment.indexOf("=")
  if (eq <= 0) return `${flag} expects path=value, e.g. ${flag} socialWorkers.count=60`
  const path = assignment.slice(0, eq).trim()
  const text = assignment.slice(eq + 1).trim()
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = text
  }
  try {
    return Scenario.withValue(scenario, path, value, `set on the command line: ${flag} ${path}`)
  } catch (e) {
    return `${flag} ${path}: ${e instanceof Error ? e.message.replace(/^invalid scenario: /, "") : "invalid"}`
  }
}

const LEVERS = ["workers", "visits", "budget"] as const

const solveQuestion = async (
  scenario: Scenario.Scenario,
  lever: string,
  probability: number,
  searchRuns: number | undefined,
  runs: number | undefined,
  w: { workers?: number }
): Promise<void> => {
  if (!(LEVERS as ReadonlyArray<string>).includes(lever))
    return unusable(`unknown --solve "${lever}"; use workers, visits or budget`)
  if (!(probability > 0 && probability <= 1)) return unusable("--probability must be above 0 and at most 1")
  const bar = progressBar()
  let n = 0
  const r = await Solve.solve(scenario, {
    lever: lever as Solve.Lever,
    probability,
    ...(searchRuns === undefined ? {} : { searchRuns }),
    ...(runs === undefined ? {} : { runs }),
    ...w,
    onCandidate: () => {
      n++
      bar.label(`${n} candidates evaluated`)
    }
  })
  bar.done()
  const unit = lever === "workers" ? "Social workers" : lever === "visits" ? "Visits a week" : "Support packages"
  say(`Scenario ${r.scenario.id}: ${r.scenario.title}`)
  say(
    `Question: the smallest ${lever === "workers" ? "number of social workers" : lever === "visits" ? "number of visits a week per worker" : "family-support budget"} with which ${r.target} children are home by ${r.deadline} with probability at least ${pctAt(probability, 0)} (uncertain parameters sampled; seed ${r.scenario.seed})`
  )
  say("")
  say(r.summary)
  say("")
  say(
    table(
      [unit, "Runs", "P(target)", "MC s.e.", "Mean share home on the deadline"],
      [...r.candidates]
        .sort((a, b) => a.value - b.value || a.runs - b.runs)
        .map((c) => [
          String(c.value),
          String(c.runs),
          pctAt(c.probability, 1),
          c.se === null ? "–" : points(c.se),
          pctAt(c.meanShare, 1)
        ])
    )
  )
  exitWith(0)
}

const sensitivityQuestion = async (
  scenario: Scenario.Scenario,
  runs: number | undefined,
  out: string | undefined,
  w: { workers?: number }
): Promise<void> => {
  const bar = progressBar()
  bar.label("sensitivity: running the variants")
  const s = await Sensitivity.analyse(scenario, { ...(runs === undefined ? {} : { runs }), ...w })
  bar.done()
  if (s.rows.length === 0)
    return unusable("no parameter has a range: nothing to rank (give uncertain parameters a range)")
  const [head, ...rows] = Sensitivity.toTable(s)
  say(`Scenario ${s.scenario.id}: ${s.scenario.title}`)
  say(
    `What moves the share home on ${s.deadline} most: each input at the low and high ends of its range (P${Math.round(s.quantiles[0] * 100)}, P${Math.round(s.quantiles[1] * 100)}), the others sampled; ${s.runs} runs per variant, seed ${s.scenario.seed}. Baseline: ${pctAt(s.baseline.share, 1)} home, P(target) ${pctAt(s.baseline.probability, 0)}. Swings below ${(2 * s.noise * 100).toFixed(1)} points are within the Monte Carlo error.`
  )
  say("")
  say(table(head!, rows))
  if (out !== undefined) {
    await mkdir(out, { recursive: true })
    const file = join(out, `${s.scenario.id}-tornado.svg`)
    await writeFile(file, Sensitivity.tornadoSvg(s))
    say("")
    say(`wrote ${file}`)
  }
  exitWith(0)
}

const compareQuestion = async (
  scenario: Scenario.Scenario,
  assignments: ReadonlyArray<string>,
  runs: number | undefined,
  out: string | undefined,
  w: { workers?: number }
): Promise<void> => {
  const variants: Array<{ label: string; scenario: Scenario.Scenario }> = [{ label: "as given", scenario }]
  for (const a of assignments) {
    const v = assign(scenario, a, "--compare")
    if (typeof v === "string") return unusable(v)
    variants.push({ label: a, scenario: v })
  }
  const bar = progressBar()
  bar.label("comparing variants")
  const c = await Comparison.compareScenarios(variants, { ...(runs === undefined ? {} : { runs }), ...w })
  bar.done()
  say(`Scenario ${scenario.id}: ${scenario.title}`)
  say(
    `Compared on ${c.runs} paired runs (seed ${c.seed}: every variant sees the same children and parameter draws); deadline ${c.deadline}, horizon ${c.horizon}.`
  )
  const fmtMetric = (m: Comparison.Metric, b: SimulationResult["target"]["reintegratedShareAtDeadline"]) => {
    const share =
      m === "homeOnDeadline" ||
      m === "homeAtHorizon" ||
      m === "everReunified" ||
      m.endsWith("Deadline") ||
      m.endsWith("Horizon") ||
      m === "reachedTarget"
    const isCount =
      m === "underMonitoringOnDeadline" || m === "underMonitoringAtHorizon" || m === "breakdowns" || m === "reentries"
    if (isCount) return b.mean.toFixed(1)
    return share ? pctAt(b.mean, 1) : b.mean.toFixed(3)
  }
  say("")
  say(
    table(
      ["", ...c.variants.map((v) => v.label)],
      Comparison.METRICS.map((m) => [Comparison.metricLabels[m], ...c.variants.map((v) => fmtMetric(m, v.metrics[m]))])
    )
  )
  for (const d of c.differences) {
    say("")
    say(
      `Difference "${d.label}" − "${d.versus}" (paired runs: mean ± MC s.e., P5 to P95 of the run-by-run differences)`
    )
    say(`Inputs that differ: ${d.inputs.map((x) => `${x.path} ${x.first} → ${x.variant}`).join("; ") || "none"}`)
    say(
      table(
        ["", "mean", "P5", "P95"],
        Comparison.METRICS.map((m) => {
          const b = d.metrics[m]
          const isCount =
            m === "underMonitoringOnDeadline" ||
            m === "underMonitoringAtHorizon" ||
            m === "breakdowns" ||
            m === "reentries"
          const f = (x: number) =>
            isCount ? `${x >= 0 ? "+" : ""}${x.toFixed(1)}` : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} points`
          return [
            Comparison.metricLabels[m],
            `${f(b.mean)}${b.se === null ? "" : ` ± ${isCount ? b.se.toFixed(1) : (b.se * 100).toFixed(1)}`}`,
            f(b.p5),
            f(b.p95)
          ]
        })
      )
    )
  }
  for (const f of c.flags) {
    say("")
    say(`Note on "${f.variant}": ${f.message}`)
  }
  if (out !== undefined) {
    await mkdir(out, { recursive: true })
    const file = join(out, `${scenario.id}-comparison.json`)
    await writeFile(file, `${JSON.stringify(c, null, 2)}\n`)
    say("")
    say(`wrote ${file}`)
  }
  exitWith(0)
}

const calibrateQuestion = async (
  scenario: Scenario.Scenario,
  fit: string | undefined,
  draws: number | undefined,
  w: { workers?: number }
): Promise<void> => {
  const parameters = fit
    ?.split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "")
  const bar = progressBar()
  bar.label("calibrating")
  const c = await Calibration.calibrate(scenario, {
    ...(parameters === undefined ? {} : { parameters }),
    ...(draws === undefined ? {} : { draws }),
    ...w
  })
  bar.done()
  say(`Scenario ${c.scenario.id}: ${c.scenario.title}`)
  say(
    `Observed: ${c.observation.count} children reunified between ${c.observation.from} and ${c.observation.to}${c.observation.source === undefined ? "" : ` (${c.observation.source.document}, ${c.observation.source.year})`}`
  )
  say(
    `Method: ${c.draws} draws from the ranges of the fitted parameters (others ${c.others === "central" ? "at their central values" : "sampled"}), one run each, weighted by closeness to the observation (bandwidth ${c.bandwidth} children); seed ${c.scenario.seed}.`
  )
  say("")
  say(
    table(
      ["Fitted parameter", "Prior range", "Fitted median", "P5", "P95", "Mean ± sd"],
      c.fitted.map((f) => [f.path, f.prior, String(f.p50), String(f.p5), String(f.p95), `${f.mean} ± ${f.sd}`])
    )
  )
  say("")
  say(
    `Fit: the fitted parameters reproduce ${c.fittedPredictive.mean.toFixed(1)} on average (P5–P95 ${c.fittedPredictive.p5}–${c.fittedPredictive.p95}) for the observed ${c.observation.count}; the prior ranges alone give ${c.priorPredictive.p5}–${c.priorPredictive.p95} (median ${c.priorPredictive.p50}). Effective sample size ${Math.round(c.effectiveSampleSize)} of ${c.draws} draws; ${pctAt(c.acceptance, 1)} of the draws came within one bandwidth.`
  )
  for (const x of c.warnings) say(`Warning: ${x}`)
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
  if (!stream.isTTY)
    return { update: (_c: number, _t: number) => undefined, label: (_s: string) => undefined, done: () => undefined }
  let drawn = false
  return {
    label: (text: string) => {
      stream.write(`\r\u001b[2K${text}`)
      drawn = true
    },
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
