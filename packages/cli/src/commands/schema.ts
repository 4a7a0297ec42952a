/**
 * `homeward schema --format json-schema|xlsform|markdown [--as <type>] [--out FILE]`.
 *
 * @since 0.1.0
 */
import { mkdir, stat, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { Registry } from "@homeward/core"
import { Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import * as Export from "../Export.js"
import { exitWith, unusable } from "./exit.js"

const SHORT = "Export record types as JSON Schema, XLSForm or a Markdown data dictionary"

const HELP = `Export record types for other tools.
  json-schema  JSON Schema draft 2020-12. With --as: one record type. Without: one document with every
               type under $defs (or, with --out DIR/, one <type>.json file per type).
  xlsform      An XLSForm (.xlsx: survey, choices, settings) for KoboToolbox / ODK; needs --as and --out.
               Sensitive questions carry "[sensitive]" in the hint and true in instance::sensitive.
  markdown     A data dictionary for staff: field, type, required, allowed values, description, sensitive.
Record types: ${Registry.recordTypes.join(", ")}`

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
    format: Flag.Literals("format", ["json-schema", "xlsform", "markdown"]).pipe(
      Flag.withDescription("json-schema, xlsform or markdown"),
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
          case "xlsform": {
            if (type === undefined) return unusable("xlsform needs --as <record type>")
            if (out === undefined) return unusable("xlsform writes an .xlsx file: give --out FILE.xlsx")
            await writeFile(out, await Export.xlsForm(type))
            process.stderr.write(`wrote XLSForm for ${type} to ${out}\n`)
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
