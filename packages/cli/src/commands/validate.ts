/**
 * `homeward validate <file> --as <type>`.
 *
 * @since 0.1.0
 */
import { Registry } from "@homeward/core"
import { Presets, Unusable } from "@homeward/validate"
import { Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as Format from "../Format.js"
import * as Progress from "../internal/progress.js"
import * as Options from "../internal/reportOptions.js"
import * as Validate from "../Validate.js"
import { exitWith, unusable } from "./exit.js"

const SHORT = "Check a CSV, JSON, JSON Lines or .xlsx file (or a folder of them) against Homeward record types"

const HELP = `Check a CSV, JSON, JSON Lines or Excel (.xlsx) file of records, or a folder of such files, against
Homeward record types, row by row and as one dataset.

Columns: a header names a field; dots reach into groups (birth.date, location.province);
a number reaches a list item (siblingIds.0, members.0.relationship). A cell under a list
header without a number holds several values separated by ; or | (siblingIds: "CH-2;CH-3").
Cells: numbers and yes/no (true/false/yes/no/1/0) are read by the field's type; an empty cell
leaves the field out; dates are written YYYY-MM-DD or with the month in English (14 March 2010);
31/12/2018 only with --dates dmy.
A mapping file renames your own headers and codes:
  { "columns": { "Child code": "id", "DOB": "birth.date" },
    "values": { "sex": { "F": "female", "M": "male" } }, "ignore": ["Notes for office"] }
or, for a flat export where one row holds a child, a case, a household …:
  { "records": { "child": { "columns": { … } }, "case": { "columns": { … }, "links": { "childId": "child" } } },
    "extra": { "Poverty only": { "kind": "yes-no" } } }
Presets for known exports: --preset ${Presets.names.join(", ")}.
Across rows and files: ids unique, references that resolve, dates in order (born ≤ admitted ≤
case opened ≤ visits), no date after --as-of (default today), age under 18 on admission,
plausible ages.
Rows are numbered as in the spreadsheet (header = row 1). Values of sensitive fields
(names, contacts, addresses, notes) are never printed, nor headers that may be data.
Exit code: 0 no errors, 1 problems found, 2 unusable input (missing/unreadable/empty/binary/
malformed file, unknown record type, bad mapping, bad option).
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
    as: Flag.String("as").pipe(
      Flag.withDescription(
        `Record type: ${Registry.recordTypes.join(", ")} (optional with a mapping that describes its records, or a preset)`
      ),
      Flag.optional
    ),
    mapping: Flag.String("mapping").pipe(
      Flag.withDescription("Mapping file (JSON) from your headers and codes to Homeward fields and values"),
      Flag.optional
    ),
    preset: Flag.String("preset").pipe(
      Flag.withDescription(`A mapping for a known export: ${Presets.names.join(", ")}`),
      Flag.optional
    ),
    asOf: Flag.String("as-of").pipe(
      Flag.withDescription(
        "The day the data describes (YYYY-MM-DD): no date may be after it; ages are counted on it. Default: today"
      ),
      Flag.optional
    ),
    profile: Options.profile,
    allSheets: Flag.Boolean("all-sheets").pipe(
      Flag.withDescription("Read every sheet of a workbook as one dataset (default: the first sheet, or --sheet)"),
      Flag.withDefault(false)
    ),
    format: Flag.Literals("format", ["table", "json"]).pipe(
      Flag.withDescription("table (for people) or json (for machines)"),
      Flag.withDefault("table")
    ),
    delimiter: Flag.String("delimiter").pipe(
      Flag.withDescription('CSV delimiter (default: guessed among , ; tab |); "tab" for tab'),
      Flag.optional
    ),
    sheet: Flag.String("sheet").pipe(
      Flag.withDescription("Excel sheet name, or its position (default: the first)"),
      Flag.optional
    ),
    input: Flag.Literals("input", ["csv", "json", "jsonl", "xlsx"]).pipe(
      Flag.withDescription("Input format (default: from the extension and content)"),
      Flag.optional
    ),
    dates: Flag.Literals("dates", ["iso", "dmy", "mdy"]).pipe(
      Flag.withDescription(
        "How slash dates are written: iso (YYYY-MM-DD only, default unless the mapping says), dmy (31/12/2018) or mdy (12/31/2018)"
      ),
      Flag.optional
    ),
    maxProblems: Options.maxProblems,
    show: Options.show
  },
  (o) =>
    Effect.promise(async () => {
      const checked = Options.checkReportOptions(o)
      if (checked === false) return
      const asOf = checked.asOf
      const progress = Progress.make()
      try {
        const report = await Validate.validateFile(o.file, {
          ...(Option.isSome(o.as) ? { as: o.as.value } : {}),
          ...(Option.isSome(o.mapping) ? { mapping: o.mapping.value } : {}),
          ...(Option.isSome(o.preset) ? { preset: o.preset.value } : {}),
          ...(Option.isSome(o.delimiter) ? { delimiter: o.delimiter.value } : {}),
          ...(Option.isSome(o.sheet) ? { sheet: o.sheet.value } : {}),
          ...(Option.isSome(o.input) ? { format: o.input.value } : {}),
          ...(Option.isSome(o.profile) ? { profile: o.profile.value } : {}),
          ...(asOf !== undefined ? { asOf } : {}),
          allSheets: o.allSheets,
          ...(Option.isSome(o.dates) ? { dates: o.dates.value } : {}),
          maxProblems: o.maxProblems,
          onProgress: progress.update
        })
        progress.done()
        process.stdout.write(`${o.format === "json" ? Format.toJson(report) : Format.toTable(report, o.show)}\n`)
        exitWith(report.ok ? 0 : 1)
      } catch (e) {
        progress.done()
        if (Unusable.isUnusableInput(e)) unusable(e.message)
        else unusable(`unexpected failure reading ${o.file} (${e instanceof Error ? e.name : "error"})`)
      }
    })
).pipe(Command.withDescription(HELP), Command.withShortDescription(SHORT))
