/**
 * `homeward report --db FILE [--as-of DATE] [--since DATE] [--profile ID] [--format html|md|json|csv]
 * [--kind aggregate|caseworker] [--institutions FILE] [--out FILE]`.
 *
 * The store is opened read-only (nothing is ever written to it, and a file
 * that is not a Homeward event store is refused); the report is built from
 * the stored events that occurred on or before `--as-of` (default: today).
 *
 * @since 0.1.0
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs"
import { readFile, writeFile } from "node:fs/promises"
import { dirname, resolve } from "node:path"
import { Institution, Profiles, Validation } from "@homeward/core"
import { Html, Render, Report } from "@homeward/report"
import { Effect, Option, Result, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import * as Store from "../internal/store.js"
import { parseDay } from "./demo.js"
import { exitWith, unusable } from "./exit.js"

const SHORT = "Build a programme report from an SQLite event store"

const HELP = `Build a report from an SQLite event store (for example the demo's homeward-demo/demo.sqlite).
The store is opened read-only: nothing is written to it, and a file that is not a Homeward event store
is refused. The report counts the events that occurred on or before --as-of (default: today), so a
report on an earlier day is what the store said about that day.
  --kind aggregate   counts only, small cells suppressed (for publication: department, director, donor)
  --kind caseworker  visits due and overdue by social worker, with case and pseudonymous child ids
                     (for the social workers only)
Formats: html (self-contained, with charts), md, json, csv. Without --out the report goes to stdout.
--institutions FILE gives the institutions (a JSON array of Institution records) so that children still in
care are placed in their institution's province and district (the demo writes one next to its database).
Names and other sensitive fields never appear in a report.`

/** Today (UTC), read from the clock: the CLI's default report day (the library never reads the clock). */
const today = (): string => new Date().toISOString().slice(0, 10)

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "it is a directory",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system"
}

/** One line saying why, never quoting data. */
const reason = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  if (typeof code === "string" && REASONS[code] !== undefined) return `${REASONS[code]} (${code})`
  if (e instanceof Error) {
    const line = e.message.split(/\r?\n|\r/)[0]!.replace(/^Event store open failed: /, "")
    return line.length > 200 ? `${line.slice(0, 197)}...` : line
  }
  return "unexpected failure"
}

const isSqlite = (path: string): boolean => {
  let fd: number | undefined
  try {
    fd = openSync(path, "r")
    const head = Buffer.alloc(16)
    readSync(fd, head, 0, 16, 0)
    return head.toString("latin1").startsWith("SQLite format 3")
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Why `--out` cannot be written (checked before any work), or undefined. */
const outProblem = (out: string, db: string): string | undefined => {
  const target = resolve(out)
  if (target === resolve(db)) return `--out ${out} is the event store itself; give another file name`
  let st: ReturnType<typeof statSync> | undefined
  try {
    st = statSync(target)
  } catch {
    st = undefined
  }
  if (st?.isDirectory() === true)
    return `--out ${out} is a directory; give a file name, e.g. ${out.replace(/\/+$/, "")}/report.html`
  if (st !== undefined && isSqlite(target))
    return `--out ${out} is an SQLite database; the report will not overwrite it`
  if (st === undefined) {
    const parent = dirname(target)
    let p: ReturnType<typeof statSync> | undefined
    try {
      p = statSync(parent)
    } catch {
      p = undefined
    }
    if (p === undefined) return `cannot write the report to ${out}: the directory ${dirname(out)} does not exist`
    if (!p.isDirectory()) return `cannot write the report to ${out}: ${dirname(out)} is not a directory`
  }
  return undefined
}

/**
 * The `report` subcommand.
 *
 * @since 0.1.0
 */
export const command = Command.make(
  "report",
  {
    db: Flag.String("db").pipe(Flag.withDescription("SQLite event store file")),
    asOf: Flag.String("as-of").pipe(
      Flag.withDescription("Report day YYYY-MM-DD (default: today; the demo's day is 2018-06-30)"),
      Flag.optional
    ),
    since: Flag.String("since").pipe(
      Flag.withDescription(
        "Start day YYYY-MM-DD: returns counted from it, target cohort taken on it (default: when the profile's target took effect)"
      ),
      Flag.optional
    ),
    profile: Flag.String("profile").pipe(
      Flag.withDescription(`Policy profile: ${Object.keys(Profiles.builtIn).join(", ")}`),
      Flag.withDefault("unicef-siem-reap-2017")
    ),
    format: Flag.Literals("format", ["html", "md", "json", "csv"]).pipe(
      Flag.withDescription("html, md, json or csv"),
      Flag.withDefault("html")
    ),
    kind: Flag.Literals("kind", ["aggregate", "caseworker"]).pipe(
      Flag.withDescription("aggregate (suppressed counts) or caseworker (visit lists)"),
      Flag.withDefault("aggregate")
    ),
    institutions: Flag.String("institutions").pipe(
      Flag.withDescription("JSON file with the institutions (optional)"),
      Flag.optional
    ),
    title: Flag.String("title").pipe(Flag.withDescription("Report title"), Flag.optional),
    out: Flag.String("out").pipe(Flag.withDescription("Output file (default: stdout)"), Flag.optional)
  },
  (o) =>
    Effect.promise(async () => {
      const profile = Profiles.get(o.profile)
      if (profile === undefined)
        return unusable(`unknown profile "${o.profile}"; use one of: ${Object.keys(Profiles.builtIn).join(", ")}`)
      const asOf = parseDay(Option.isSome(o.asOf) ? o.asOf.value : today())
      if (asOf === undefined) return unusable("--as-of must be a day written YYYY-MM-DD")
      const since = Option.isSome(o.since) ? parseDay(o.since.value) : undefined
      if (Option.isSome(o.since) && since === undefined) return unusable("--since must be a day written YYYY-MM-DD")
      if (!existsSync(o.db)) return unusable(`no database at ${o.db}`)
      if (Option.isSome(o.out)) {
        const problem = outProblem(o.out.value, o.db)
        if (problem !== undefined) return unusable(problem)
      }
      let institutions: ReadonlyArray<Institution.Institution> = []
      if (Option.isSome(o.institutions)) {
        let json: unknown
        try {
          json = JSON.parse(await readFile(o.institutions.value, "utf8"))
        } catch {
          return unusable(`cannot read ${o.institutions.value} as JSON`)
        }
        const r = Validation.decodeUnknown(Schema.Array(Institution.Institution), json)
        if (Result.isFailure(r)) {
          const first = r.failure[0]!
          return unusable(`invalid institutions file: ${first.pathString}: ${first.message}`)
        }
        institutions = r.success
      }
      let events: Awaited<ReturnType<typeof Store.readEvents>>
      try {
        const store = await Store.openSqliteReadOnly(o.db)
        try {
          events = await Store.readEvents(store)
        } finally {
          await store.close()
        }
      } catch (e) {
        return unusable(`cannot read the event store ${o.db}: ${reason(e)}`)
      }
      const input = {
        events,
        institutions,
        profile,
        asOf,
        ...(since === undefined ? {} : { since }),
        ...(Option.isSome(o.title) ? { title: o.title.value } : {})
      }
      let text: string
      if (o.kind === "aggregate") {
        const r = Report.aggregate(input)
        text =
          o.format === "html"
            ? Html.render(r)
            : o.format === "md"
              ? Render.markdown(r)
              : o.format === "json"
                ? Render.json(r)
                : Render.csv(r)
      } else {
        const r = Report.caseworker(input)
        text =
          o.format === "html"
            ? Html.renderCaseworker(r)
            : o.format === "md"
              ? Render.caseworker.markdown(r)
              : o.format === "json"
                ? Render.caseworker.json(r)
                : Render.caseworker.csv(r)
      }
      if (Option.isSome(o.out)) {
        try {
          await writeFile(o.out.value, text)
        } catch (e) {
          return unusable(`cannot write the report to ${o.out.value}: ${reason(e)}`)
        }
        process.stderr.write(`wrote the ${o.kind} report (${o.format}) to ${o.out.value}\n`)
      } else process.stdout.write(text.endsWith("\n") ? text : `${text}\n`)
      exitWith(0)
    })
).pipe(Command.withDescription(HELP), Command.withShortDescription(SHORT))
