/**
 * Writes packages/core/schema/<record-type>.json (JSON Schema draft 2020-12)
 * for every record type. `pnpm --filter @homeward/core schema:gen`.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Registry } from "../src/index.js"

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "schema")
mkdirSync(out, { recursive: true })
for (const type of Registry.recordTypes) {
  writeFileSync(join(out, `${type}.json`), `${JSON.stringify(Registry.jsonSchema(type), null, 2)}\n`)
}
writeFileSync(join(out, "case-command.json"), `${JSON.stringify(Registry.commandJsonSchema(), null, 2)}\n`)
console.log(`wrote ${Registry.recordTypes.length + 1} JSON Schema files to ${out}`)
