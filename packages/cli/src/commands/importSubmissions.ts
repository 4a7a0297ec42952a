/**
 * `homeward import-submissions <file> --as <type>`.
 *
 * @since 0.2.0
 */
import { writeFile } from "node:fs/promises"
import { Unusable } from "@homeward/validate"
import { Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as CollectionForm from "../CollectionForm.js"
import * as Format from "../Format.js"
import * as ImportSubmissions from "../ImportSubmissions.js"
import * as Options from "../internal/reportOptions.js"
import { exitWith, unusable } from "./exit.js"

const SHORT = "Turn ODK Central or KoboToolbox submissions of a Homeward form into checked Homeward records"

const HELP = `Read the submissions of a Homeward form (from \`homeward schema --format xform|xlsform\`) downloaded
from ODK Central or KoboToolbox, turn them into Homeward records and check them as \`homeward validate\` does.

Input: CSV (ODK Central "CSV file"; KoboToolbox "CSV" with XML values and headers and "include groups in
headers"): a column is a question's name with its groups, joined by / or - (birth/date, birth-date).
Columns the servers add (meta/instanceID, meta-instanceID, KEY, SubmissionDate, __version__, _id, _uuid,
_submission_time, _index …) are ignored. For a form with repeats, the CSV of each repeat is read from
the same folder, as FILE-<repeat>.csv or under ODK Central's name (homeward_household-members.csv),
linked by KEY/PARENT_KEY.
Or JSON: a list of submissions, ODK Central's OData {"value": [...]} or KoboToolbox's {"results": [...]},
with repeats inline.
Output: the records that pass their record type's checks, as JSON Lines (one record a line, default) or
a JSON list (--records json), in --out FILE; without --out they go to standard output and the report
to standard error. The report (--format table or json) lists every problem with its row (CSV: as a
spreadsheet shows it, header = row 1; JSON: the submission's position from 1), column and rule.
Values of sensitive fields (names, contacts, addresses, notes) are never printed, nor headers that are
not questions of the form.
Exit code: 0 no errors, 1 problems found, 2 unusable input (missing/unreadable/empty/binary file, JSON
that is not a list of submissions, no header naming a question, unknown record type, bad option).
Record types: ${CollectionForm.formTypes.join(", ")}`

/**
 * The `import-submissions` subcommand.
 *
 * @since 0.2.0
 */
export const command = Command.make(
  "import-submissions",
  {
    file: Argument.String("file").pipe(Argument.withDescription("CSV or JSON export of the form's submissions")),
    as: Flag.String("as").pipe(
      Flag.withDescription(`Record type the form collects: ${CollectionForm.formTypes.join(", ")}`)
    ),
    out: Flag.String("out").pipe(
      Flag.withDescription("Write the records to this file (default: standard output, the report to standard error)"),
      Flag.optional
    ),
    records: Flag.Literals("records", ["jsonl", "ndjson", "json"]).pipe(
      Flag.withDescription("jsonl (or ndjson: one record a line) or json (a list)"),
      Flag.withDefault("jsonl")
    ),
    format: Flag.Literals("format", ["table", "json"]).pipe(
      Flag.withDescription("Report: table (for people) or json (for machines)"),
      Flag.withDefault("table")
    ),
    input: Flag.Literals("input", ["csv", "json"]).pipe(
      Flag.withDescription("Input format (default: from the extension and content)"),
      Flag.optional
    ),
    delimiter: Flag.String("delimiter").pipe(
      Flag.withDescription('CSV delimiter (default: guessed among , ; tab |); "tab" for tab'),
      Flag.optional
    ),
    asOf: Flag.String("as-of").pipe(
      Flag.withDescription("The day the data describes (YYYY-MM-DD): no date may be after it. Default: today"),
      Flag.optional
    ),
    profile: Options.profile,
    maxProblems: Options.maxProblems,
    show: Options.show
  },
  (o) =>
    Effect.promise(async () => {
      const checked = Options.checkReportOptions(o)
      if (checked === false) return
      const asOf = checked.asOf
      let delimiter: string | undefined
      if (Option.isSome(o.delimiter)) {
        delimiter = o.delimiter.value === "tab" ? "\t" : o.delimiter.value
        if (delimiter.length !== 1) {
          unusable('--delimiter must be one character, or "tab"')
          return
        }
      }
      let imported: ImportSubmissions.Imported
      try {
        imported = await ImportSubmissions.importFile(o.file, {
          as: o.as,
          ...(Option.isSome(o.input) ? { format: o.input.value } : {}),
          ...(delimiter !== undefined ? { delimiter } : {}),
          ...(asOf !== undefined ? { asOf } : {}),
          ...(Option.isSome(o.profile) ? { profile: o.profile.value } : {}),
          maxProblems: o.maxProblems
        })
      } catch (e) {
        if (Unusable.isUnusableInput(e)) unusable(e.message)
        else unusable(`unexpected failure reading ${o.file} (${e instanceof Error ? e.name : "error"})`)
        return
      }
      const body =
        o.records === "json"
          ? `${JSON.stringify(
              imported.records.map((r) => r.record),
              null,
              2
            )}\n`
          : imported.records.map((r) => `${JSON.stringify(r.record)}\n`).join("")
      const report = `${o.format === "json" ? Format.toJson(imported.report) : Format.toTable(imported.report, o.show)}\n`
      if (Option.isSome(o.out)) {
        try {
          await writeFile(o.out.value, body)
        } catch {
          unusable(`cannot write ${o.out.value}`)
          return
        }
        process.stdout.write(report)
        if (o.format === "table") {
          process.stdout.write(
            `${imported.records.length} of ${imported.submissions} submissions written to ${o.out.value} as ${imported.type} records\n`
          )
        }
      } else {
        process.stdout.write(body)
        process.stderr.write(report)
      }
      exitWith(imported.report.ok ? 0 : 1)
    })
).pipe(Command.withDescription(HELP), Command.withShortDescription(SHORT))
