/**
 * `homeward schema --format json-schema|xform|xlsform|markdown [--as <type>] [--out FILE]`.
 *
 * @since 0.1.0
 */
import { mkdir, stat, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { Registry } from "@homeward/core"
import { Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import * as CollectionForm from "../CollectionForm.js"
import * as Export from "../Export.js"
import * as XForm from "../XForm.js"
import { exitWith, unusable } from "./exit.js"

const SHORT = "Export record types as JSON Schema, ODK forms (XForm, XLSForm) or a Markdown data dictionary"

const HELP = `Export record types for other tools.
  json-schema  JSON Schema draft 2020-12. With --as: one record type. Without: one document with every
               type under $defs (or, with --out DIR/, one <type>.json file per type).
  xform        An ODK XForm (XML) for ODK Central, ODK Collect, KoboToolbox, Enketo: questions with types,
               required answers, checks with messages, English and Khmer labels. With --as: one form
               (stdout or --out FILE.xml). Without: --out DIR/ gets one <type>.xml per data collection type.
  xlsform      The same form as an XLSForm (.xlsx: survey, choices, settings); needs --out (FILE.xlsx with
               --as, or DIR/ for every data collection type).
               Sensitive questions carry "[sensitive]" in the hint and true in instance::sensitive.
  markdown     A data dictionary for staff: field, type, required, allowed values, description, sensitive.
Record types: ${Registry.recordTypes.join(", ")}
Data collection types (forms): ${CollectionForm.formTypes.join(", ")}`

const isDir = async (p: string) => {
  try {
    return (await stat(p)).isDirectory()
  } catch {
    return false
  }
}

/**
 * The `schema` subcommand.
 *
 * @since 0.1.0
 */
export const command = Command.make(
  "schema",
  {
    format: Flag.Literals("format", ["json-schema", "xform", "xlsform", "markdown"]).pipe(
      Flag.withDescription("json-schema, xform, xlsform or markdown"),
      Flag.withDefault("json-schema")
    ),
    as: Flag.String("as").pipe(Flag.withDescription("Record type (default: all)"), Flag.optional),
    out: Flag.String("out").pipe(
      Flag.withDescription("Output file (or directory for json-schema of all types); default: stdout"),
      Flag.optional
    )
  },
  (o) =>
    Effect.promise(async () => {
      const as = Option.getOrUndefined(o.as)
      const out = Option.getOrUndefined(o.out)
      if (as !== undefined && !Registry.isRecordType(as)) {
        return unusable(`unknown record type "${as}"; use one of: ${Registry.recordTypes.join(", ")}`)
      }
      const type = as as Registry.RecordType | undefined
      try {
        switch (o.format) {
          case "json-schema": {
            if (type === undefined && out !== undefined && (out.endsWith("/") || (await isDir(out)))) {
              await mkdir(out, { recursive: true })
              for (const t of Registry.recordTypes) {
                await writeFile(join(out, `${t}.json`), `${JSON.stringify(Registry.jsonSchema(t), null, 2)}\n`)
              }
              process.stderr.write(`wrote ${Registry.recordTypes.length} JSON Schema files to ${out}\n`)
              return exitWith(0)
            }
            const doc = type === undefined ? Export.jsonSchemaBundle() : Registry.jsonSchema(type)
            await emit(`${JSON.stringify(doc, null, 2)}\n`, out)
            return exitWith(0)
          }
          case "markdown":
            await emit(Export.markdown(type === undefined ? Registry.recordTypes : [type]), out)
            return exitWith(0)
          case "xform":
          case "xlsform": {
            const ext = o.format === "xform" ? "xml" : "xlsx"
            const name = o.format === "xform" ? "XForm" : "XLSForm"
            const write = async (t: Registry.RecordType, file: string) =>
              writeFile(file, o.format === "xform" ? XForm.xform(t) : await Export.xlsForm(t))
            if (type === undefined) {
              if (out === undefined || !(out.endsWith("/") || (await isDir(out)))) {
                return unusable(
                  `${o.format} needs --as <record type>, or --out DIR/ to write a form for every data collection type`
                )
              }
              await mkdir(out, { recursive: true })
              for (const t of CollectionForm.formTypes) await write(t, join(out, `${t}.${ext}`))
              process.stderr.write(`wrote ${CollectionForm.formTypes.length} ${name} files to ${out}\n`)
              return exitWith(0)
            }
            CollectionForm.make(type) // refuses a union type with a reason
            if (out === undefined) {
              if (o.format === "xlsform") return unusable("xlsform writes an .xlsx file: give --out FILE.xlsx")
              await emit(XForm.xform(type), undefined)
              return exitWith(0)
            }
            await write(type, out)
            process.stderr.write(`wrote ${name} for ${type} to ${out}\n`)
            return exitWith(0)
          }
        }
      } catch (e) {
        return unusable(e instanceof Error ? e.message : "export failed")
      }
    })
).pipe(Command.withDescription(HELP), Command.withShortDescription(SHORT))

const emit = async (text: string, out: string | undefined) => {
  if (out === undefined) process.stdout.write(text.endsWith("\n") ? text : `${text}\n`)
  else await writeFile(out, text)
}
