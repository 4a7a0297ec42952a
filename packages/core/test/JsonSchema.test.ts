import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Registry } from "../src/index.js"

describe("JSON Schema files (packages/core/schema)", () => {
  for (const type of Registry.recordTypes) {
    it(`${type}.json is up to date (run: pnpm --filter @homeward/core schema:gen)`, () => {
      const file = readFileSync(join(import.meta.dirname, "..", "schema", `${type}.json`), "utf8")
      expect(JSON.parse(file)).toEqual(JSON.parse(JSON.stringify(Registry.jsonSchema(type))))
    })
  }
  it("case-command.json is up to date and holds the case-work commands (run: pnpm --filter @homeward/core schema:gen)", () => {
    const file = readFileSync(join(import.meta.dirname, "..", "schema", "case-command.json"), "utf8")
    expect(JSON.parse(file)).toEqual(JSON.parse(JSON.stringify(Registry.commandJsonSchema())))
    for (const name of ["RequestApproval", "Approve", "RejectApproval", "AcceptReferral", "RequestTransfer"])
      expect(file).toContain(`"${name}"`)
  })
  it("is draft 2020-12 and marks sensitive fields", () => {
    const s = Registry.jsonSchema("child") as { $schema: string; $defs: Record<string, Record<string, unknown>> }
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
    expect(s.$defs["SensitiveText"]?.["x-sensitive"]).toBe(true)
  })
})
