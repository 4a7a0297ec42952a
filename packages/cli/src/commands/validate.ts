/**
 * `homeward validate <file> --as <type>`.
 *
 * @since 0.1.0
 */
import { Registry } from "@homeward/core"
import { Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as Format from "../Format.js"
import * as Input from "../Input.js"
import * as Progress from "../internal/progress.js"
import * as Validate from "../Validate.js"
import { exitWith, unusable } from "./exit.js"

const SHORT = "Check a CSV, JSON, JSON Lines or .xlsx file against a record type"

const HELP = `Check a CSV, JSON, JSON Lines or Excel (.xlsx) file of records against a Homeward record type.

Columns: a header names a field; dots reach into groups (birth.date, location.province);
a number reaches a list item (siblingIds.0, members.0.relationship). A cell under a list
header without a number holds several values separated by ; or | (siblingIds: "CH-2;CH-3").
Cells: numbers and yes/no (true/false/yes/no/1/0) are read by the field's type; an empty cell
leaves the field out; dates are written YYYY-MM-DD (31/12/2018 only with --dates dmy).
A mapping file renames your own headers and codes:
  { "columns": { "Child code": "id", "DOB": "birth.date" },
    "values": { "sex": { "F": "female", "M": "male" } }, "ignore": ["Notes for office"] }
Rows are numbered as in the spreadsheet (header = row 1). Values of sensitive fields
(names, contacts, addresses, notes) are never printed.
Exit code: 0 no errors, 1 problems found, 2 unusable input (missing/empty/binary/malformed
file, unknown record type, bad mapping).
Record types: ${Registry.recordTypes.join(", ")}`

/**
 * The `validate` subcommand.
 *
 * @since 0.1.0
 */
export const command = Command.make(
  "validate",
  {
    file: Argument.String("file").pipe(Argument.withDescription("CSV, JSON, JSON Lines or .xlsx file")),
    as: Flag.String("as").pipe(Flag.withDescription(`Record type: ${Registry.recordTypes.join(", ")}`)),
    mapping: Flag.String("mapping").pipe(
      Flag.withDescription("Mapping file (JSON) from your headers and codes to Homeward fields and values"),
      Flag.optional
    ),
    format: Flag.Literals("format", ["table", "json"]).pipe(
      Flag.withDescription("table (for people) or json (for machines)"),
      Flag.withDefault("table")
    ),
    delimiter: Flag.String("delimiter").pipe(
      Flag.withDescription('CSV delimiter (default: guessed among , ; tab |); "tab" for tab'),
      Flag.optional
    ),
    sheet: Flag.String("sheet").pipe(Flag.withDescription("Excel sheet name (default: the first)"), Flag.optional),
    input: Flag.Literals("input", ["csv", "json", "jsonl", "xlsx"]).pipe(
      Flag.withDescription("Input format (default: from the extension and content)"),
      Flag.optional
    ),
    dates: Flag.Literals("dates", ["iso", "dmy", "mdy"]).pipe(
      Flag.withDescription("How dates are written: iso (YYYY-MM-DD, default), dmy (31/12/2018) or mdy (12/31/2018)"),
      Flag.withDefault("iso")
    ),
    maxProblems: Flag.Int("max-problems").pipe(
      Flag.withDescription("Problems kept in full in the report (counts stay exact)"),
      Flag.withDefault(1000)
    ),
    show: Flag.Int("show").pipe(Flag.withDescription("Problems listed in the table"), Flag.withDefault(20))
  },
  (o) =>
    Effect.promise(async () => {
      const progress = Progress.make()
      try {
        const report = await Validate.validateFile(o.file, {
          as: o.as,
          ...(Option.isSome(o.mapping) ? { mapping: o.mapping.value } : {}),
          ...(Option.isSome(o.delimiter) ? { delimiter: o.delimiter.value } : {}),
          ...(Option.isSome(o.sheet) ? { sheet: o.sheet.value } : {}),
          ...(Option.isSome(o.input) ? { format: o.input.value } : {}),
          dates: o.dates,
          maxProblems: Math.max(0, o.maxProblems),
          onProgress: progress.update
        } as Validate.ValidateOptions)
        progress.done()
        process.stdout.write(`${o.format === "json" ? Format.toJson(report) : Format.toTable(report, o.show)}\n`)
        exitWith(report.ok ? 0 : 1)
      } catch (e) {
        progress.done()
        if (e instanceof Input.UnusableInput) unusable(e.message)
        else unusable(`unexpected failure reading ${o.file} (${e instanceof Error ? e.name : "error"})`)
      }
    })
).pipe(Command.withDescription(HELP), Command.withShortDescription(SHORT))
