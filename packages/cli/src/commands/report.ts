/**
 * `homeward report --db FILE [--as-of DATE] [--profile ID] [--format html|md|json|csv]
 * [--kind aggregate|caseworker] [--institutions FILE] [--out FILE]`.
 *
 * @since 0.1.0
 */
import { existsSync } from "node:fs"
import { readFile, writeFile } from "node:fs/promises"
import { Institution, Profiles, Validation } from "@homeward/core"
import { Html, Render, Report } from "@homeward/report"
import { Effect, Option, Result, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import * as Store from "../internal/store.js"
import { DEFAULT_AS_OF, parseDay } from "./demo.js"
import { exitWith, unusable } from "./exit.js"

const SHORT = "Build a programme report from an SQLite event store"

const HELP = `Build a report from an SQLite event store (for example the demo's homeward-demo/demo.sqlite).
  --kind aggregate   counts only, small cells suppressed (for publication: department, director, donor)
  --kind caseworker  visits due, overdue and missed by social worker, with case and pseudonymous child ids
                     (for the social workers only)
Formats: html (self-contained, with charts), md, json, csv. Without --out the report goes to stdout.
--institutions FILE gives the institutions (a JSON array of Institution records) so that children still in
care are placed in their institution's province and district (the demo writes one next to its database).
Names and other sensitive fields never appear in a report.`

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
      Flag.withDescription(`Report day YYYY-MM-DD (default ${DEFAULT_AS_OF}, the demo's day)`),
      Flag.withDefault(DEFAULT_AS_OF)
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
      const asOf = parseDay(o.asOf)
      if (asOf === undefined) return unusable("--as-of must be a day written YYYY-MM-DD")
      if (!existsSync(o.db)) return unusable(`no database at ${o.db}`)
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
      let cases: Awaited<ReturnType<typeof Store.readCases>>["cases"]
      try {
        const store = await Store.openSqlite(o.db)
        try {
          cases = (await Store.readCases(store)).cases
        } finally {
          await store.close()
        }
      } catch (e) {
        return unusable(
          `cannot read the event store ${o.db} (${e instanceof Error ? e.message.split("\n")[0] : "error"})`
        )
      }
      const input = {
        cases,
        institutions,
        profile,
        asOf,
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
        await writeFile(o.out.value, text)
        process.stderr.write(`wrote the ${o.kind} report (${o.format}) to ${o.out.value}\n`)
      } else process.stdout.write(text.endsWith("\n") ? text : `${text}\n`)
      exitWith(0)
    })
).pipe(Command.withDescription(HELP), Command.withShortDescription(SHORT))
