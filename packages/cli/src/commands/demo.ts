/**
 * `homeward demo [--db FILE] [--out DIR] [--seed N] [--as-of YYYY-MM-DD] [--profile ID]`:
 * a synthetic programme issued as commands through the core decider into an
 * embedded SQLite event store, read back and shown as case workers would
 * see it, plus an HTML report.
 *
 * @since 0.1.0
 */
import { mkdir, rm, writeFile } from "node:fs/promises"
import { dirname, join, resolve } from "node:path"
import { PolicyProfile, Profiles } from "@homeward/core"
import { Html, Report } from "@homeward/report"
import { Effect } from "effect"
import { Command, Flag } from "effect/cli"
import * as Files from "../internal/demoFiles.js"
import { generate, institutions } from "../internal/demoProgramme.js"
import * as Store from "../internal/store.js"
import { pct, table } from "../internal/table.js"
import { phaseLabel, worklists } from "../internal/worklist.js"
import { exitWith, unusable } from "./exit.js"

const SHORT = "Run the demo: a synthetic programme in an SQLite store, case-worker lists and an HTML report"

const HELP = `Run the Homeward demo on synthetic data (no real child).
Creates an embedded SQLite event store, fills it with a synthetic programme
(about 60 children in 3 residential care institutions in Siem Reap and Battambang, at every stage of the
pathway) by issuing commands through the core decider, reads it back, runs the rules and prints what
case workers see, grouped by social worker: monitoring visits due, overdue and missed, cases ready to
advance, blockers, closures that are eligible; then a programme summary. Writes an HTML report
(aggregate, suppressed) and the case-worker visit lists as HTML. Output is deterministic for a seed and
an as-of date (default 2018-06-30). Names are never printed: cases are shown by pseudonymous id.
The demo writes only into files it created: --db must be a new file or a store an earlier demo run made
(it is then replaced); the reports replace only files an earlier demo run wrote. Any other existing file
(a real event store, a CSV, an empty file) is refused, untouched, with exit code 2.`

/** The default demo day, so that the output is reproducible. */
export const DEFAULT_AS_OF = "2018-06-30"

/** Parse a YYYY-MM-DD day (UTC), or undefined. */
export const parseDay = (s: string): Date | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined
  const d = new Date(`${s}T00:00:00.000Z`)
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? undefined : d
}

/**
 * The `demo` subcommand.
 *
 * @since 0.1.0
 */
export const command = Command.make(
  "demo",
  {
    db: Flag.String("db").pipe(
      Flag.withDescription("SQLite file to create: a new file, or the store an earlier demo run made (replaced)"),
      Flag.withDefault("homeward-demo/demo.sqlite")
    ),
    out: Flag.String("out").pipe(
      Flag.withDescription("Directory for report.html and caseworker.html"),
      Flag.withDefault("homeward-demo")
    ),
    seed: Flag.Int("seed").pipe(Flag.withDescription("Seed of the synthetic programme"), Flag.withDefault(2017)),
    asOf: Flag.String("as-of").pipe(
      Flag.withDescription(`Day the rules are run on, YYYY-MM-DD (default ${DEFAULT_AS_OF})`),
      Flag.withDefault(DEFAULT_AS_OF)
    ),
    profile: Flag.String("profile").pipe(
      Flag.withDescription(`Policy profile: ${Object.keys(Profiles.builtIn).join(", ")}`),
      Flag.withDefault("unicef-siem-reap-2017")
    )
  },
  (o) => Effect.promise(() => runDemo(o))
).pipe(Command.withDescription(HELP), Command.withShortDescription(SHORT))

type RawDb = { readonly db?: { exec?: (sql: string) => unknown; pragma?: (sql: string) => unknown } }

/** Mark the store as the demo's own (so that a later run may replace it, and nothing else). */
const markDemoStore = (store: unknown, seed: number): void => {
  const db = (store as RawDb).db
  db?.exec?.(
    `CREATE TABLE IF NOT EXISTS ${Files.MARKER_TABLE} (note TEXT NOT NULL, seed INTEGER NOT NULL);
     INSERT INTO ${Files.MARKER_TABLE} VALUES ('written by homeward demo: synthetic data, replaced by the next demo run', ${Math.trunc(seed)})`
  )
}

/** Leave WAL mode before closing, so that checking the store later opens it read-only without creating files. */
const leaveWal = (store: unknown): void => {
  ;(store as RawDb).db?.pragma?.("journal_mode = DELETE")
}

const runDemo = async (o: {
  readonly db: string
  readonly out: string
  readonly seed: number
  readonly asOf: string
  readonly profile: string
}): Promise<void> => {
  const profile = Profiles.get(o.profile)
  if (profile === undefined)
    return unusable(`unknown profile "${o.profile}"; use one of: ${Object.keys(Profiles.builtIn).join(", ")}`)
  const asOf = parseDay(o.asOf)
  if (asOf === undefined) return unusable("--as-of must be a day written YYYY-MM-DD")
  const out = (s: string) => process.stdout.write(`${s}\n`)

  // 0. never write into a file the demo did not create: every check before anything is written
  const db = resolve(o.db)
  const dir = resolve(o.out)
  const reportFile = join(dir, "report.html")
  const workersFile = join(dir, "caseworker.html")
  const institutionsFile = join(dirname(db), "institutions.json")
  const institutionsJson = `${JSON.stringify(institutions, null, 2)}\n`
  const checks: Array<Files.Target> = []
  for (const check of [
    () => Files.checkStore(db, o.db),
    () => Files.checkOutDir(dir, o.out),
    () => Files.checkHtml(reportFile, join(o.out, "report.html")),
    () => Files.checkHtml(workersFile, join(o.out, "caseworker.html")),
    () => Files.checkSame(institutionsFile, join(dirname(o.db), "institutions.json"), institutionsJson)
  ]) {
    const t = await check()
    if (t.kind === "refuse") return unusable(t.reason)
    checks.push(t)
  }
  const created = (path: string, what: string) => async (): Promise<string | undefined> => {
    try {
      await mkdir(path, { recursive: true })
      return undefined
    } catch (e) {
      return `cannot create ${what} ${path}: ${e instanceof Error ? e.message.split("\n")[0] : "error"}`
    }
  }
  for (const make of [created(dirname(db), "the directory of --db"), created(dir, "the --out directory")]) {
    const failed = await make()
    if (failed !== undefined) return unusable(failed)
  }

  // 1. a fresh embedded store: the demo's own earlier store is replaced, a new file is created exclusively
  if (checks[0]!.kind === "ours") for (const f of [db, ...Files.storeSideFiles(db)]) await rm(f, { force: true })
  try {
    await writeFile(db, "", { flag: "wx" })
  } catch (e) {
    return unusable(
      `--db ${o.db}: cannot create the store (${(e as NodeJS.ErrnoException).code === "EEXIST" ? "the file appeared meanwhile; it is left alone" : e instanceof Error ? e.message.split("\n")[0] : "error"})`
    )
  }
  const opened = await Store.openOrMemory(db)
  if (opened.kind === "memory") {
    await rm(db, { force: true }) // the empty file the demo just created
    process.stderr.write(`homeward demo: SQLite store unavailable (${opened.note}); using the in-memory store\n`)
  } else markDemoStore(opened.store, o.seed)

  // 2. the synthetic programme, through the decider, appended to the store
  const programme = generate(o.seed, profile, asOf)
  for (const c of programme.cases) {
    const r = await opened.store.append(c.caseId, 0, c.events)
    if (r._tag !== "Appended") {
      await opened.store.close()
      return unusable(`the store refused the events of ${c.caseId} (${r._tag})`)
    }
  }

  // 3. read back and fold
  const { cases, events } = await Store.readCases(opened.store)
  if (opened.kind === "sqlite") leaveWal(opened.store)
  await opened.store.close()
  const policy = PolicyProfile.resolve(profile, asOf).values.programme
  out(`Homeward demo: synthetic programme (seed ${o.seed}), profile ${profile.id} ${profile.version}, as of ${o.asOf}`)
  out(
    `Store: ${opened.kind === "sqlite" ? "SQLite" : "in-memory (SQLite unavailable)"} ${opened.kind === "sqlite" ? o.db : ""}`.trimEnd()
  )
  out(
    `Issued ${programme.commands} commands through the decider for ${programme.cases.length} children; ${events} events stored and read back.`
  )
  if (programme.rejections.length > 0)
    out(`WARNING: ${programme.rejections.length} commands were rejected by the rules (a generator bug).`)
  out("Children are shown by pseudonymous case id only; names are never printed.")

  // 4. what case workers see
  for (const w of worklists(cases, profile, asOf)) {
    out("")
    out(`== Social worker ${w.socialWorkerId}: ${w.open} open cases (maximum ${policy.maxCaseload}) ==`)
    const section = (title: string, lines: ReadonlyArray<{ caseId: string; phase: string; detail: string }>) => {
      out("")
      out(`${title} (${lines.length})`)
      if (lines.length > 0)
        out(
          table(
            ["Case", "Step", "Detail"],
            lines.map((l) => [l.caseId, l.phase, l.detail])
          )
        )
    }
    section("Monitoring visits due, overdue or missed", w.visits)
    section("Ready to advance", w.ready)
    section("Not yet ready: blockers", w.blocked)
    section("Closures eligible", w.closable)
  }

  // 5. programme summary
  const count = new Map<string, number>()
  for (const c of cases) {
    const k = c.status === "closed" ? `closed (${c.closure?.reason ?? "unknown"})` : phaseLabel(c.phase, profile, asOf)
    count.set(k, (count.get(k) ?? 0) + 1)
  }
  const breakdowns = cases.reduce((n, c) => n + c.breakdowns, 0)
  const transfers = cases.reduce((n, c) => n + c.transfers, 0)
  const povertyOnly = cases.filter((c) => c.povertyOnly).length
  const aggregate = Report.aggregate({ cases, institutions, profile, asOf, title: "Homeward demo programme" })
  out("")
  out("== Programme summary ==")
  out("")
  out(
    table(
      ["Where the children are", "Children"],
      [...count.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => [k, String(n)])
    )
  )
  out("")
  out(
    `Children in the programme: ${cases.length} (${povertyOnly} admitted for poverty alone) in ${institutions.length} institutions`
  )
  // The same readings as the report's "Readings of share reintegrated" (exact counts here; the report suppresses small ones).
  out(`Share reintegrated, as the report reads it (* = the target's own cohort; exact counts, not for publication):`)
  for (const x of Report.readings({ cases, institutions, profile, asOf }))
    out(
      `${x.usedForTarget ? "*" : " "} ${x.label}: ${x.numerator} of ${x.denominator}${x.share === null ? "" : ` (${pct(x.share)})`}`
    )
  out(
    `Target: ${pct(policy.targetShare)} by ${policy.targetDeadline.toISOString().slice(0, 10)}; ${pct(aggregate.progress.expectedShareByNow)} expected by now; ${aggregate.progress.share === null ? "the published report suppresses the target's share (small counts)" : `published share ${pct(aggregate.progress.share)}, ${aggregate.progress.onTrack ? "on track" : "NOT on track"}`}`
  )
  out(`Breakdowns: ${breakdowns}; transfers to another agency: ${transfers}`)

  // 6. HTML reports (marked as the demo's, so that the next run may replace them) and the institutions
  const flag = (t: Files.Target) => (t.kind === "new" ? "wx" : "w")
  await writeFile(reportFile, `${Html.render(aggregate)}\n${Files.HTML_MARK}`, { flag: flag(checks[2]!) })
  await writeFile(
    workersFile,
    `${Html.renderCaseworker(Report.caseworker({ cases, institutions, profile, asOf, title: "Homeward demo programme" }))}\n${Files.HTML_MARK}`,
    { flag: flag(checks[3]!) }
  )
  if (checks[4]!.kind !== "same") await writeFile(institutionsFile, institutionsJson, { flag: "wx" })
  out("")
  out(`Report (aggregate, suppressed): ${join(o.out, "report.html")}`)
  out(`Visit lists for social workers: ${join(o.out, "caseworker.html")}`)
  if (opened.kind === "sqlite") out(`Event store: ${o.db}`)
  exitWith(programme.rejections.length > 0 ? 1 : 0)
}
