/**
 * An NGO data officer checks two exports before sending them to the
 * provincial office: the children list (CSV, `;`, BOM, Khmer names, DD/MM/YYYY
 * dates, the NGO's own headers mapped by `data/mapping.json`), its Excel form,
 * a second file that forgot the Gender column, and the NGO's flat export (one
 * row per child with the admission to care and the family's village, mapped by
 * `data/flat-mapping.json` to a child, a case and a household), whose mistakes
 * are between fields and rows: a duplicated child code, an admission in the
 * future, an admission before birth, a child admitted at 19. Prints one line
 * per problem: file, row, column, rule (never a value of a sensitive field).
 *
 * Usage: `tsx src/main.ts [outDir]` (the XLSX is written to `outDir`, default a temp dir).
 */
import { mkdtemp } from "node:fs/promises"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { validateFile } from "@homeward/cli"
import { csvToXlsx } from "./xlsx.js"

const data = join(dirname(fileURLToPath(import.meta.url)), "..", "data")

/** One problem as the officer reads it. */
export interface Line {
  readonly file: string
  readonly row: number | undefined
  readonly column: string
  readonly rule: string
  readonly message: string
}

/** The day the example data describes (dates after it are mistakes). */
export const asOf = new Date("2024-06-30T00:00:00Z")

/** Validate the example files; returns the problems of every file. */
export const run = async (outDir?: string): Promise<ReadonlyArray<Line>> => {
  const out = outDir ?? (await mkdtemp(join(tmpdir(), "homeward-ngo-")))
  const xlsx = join(out, "children.xlsx")
  await csvToXlsx(join(data, "children.csv"), xlsx)
  const options = { as: "child", mapping: join(data, "mapping.json"), dates: "dmy" } as const
  const lines: Array<Line> = []
  for (const [name, path] of [
    ["children.csv", join(data, "children.csv")],
    ["children.xlsx", xlsx],
    ["children-2019.csv", join(data, "children-2019.csv")]
  ] as const) {
    const report = await validateFile(path, { ...options, asOf })
    for (const p of report.problems)
      lines.push({ file: name, row: p.row, column: p.column, rule: p.rule, message: p.message })
  }
  const flat = await validateFile(join(data, "flat-export.csv"), { mapping: join(data, "flat-mapping.json"), asOf })
  for (const p of flat.problems)
    lines.push({ file: "flat-export.csv", row: p.row, column: p.column, rule: p.rule, message: p.message })
  return lines
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lines = await run(process.argv[2])
  for (const l of lines) console.log(`${l.file}\trow ${l.row ?? "-"}\t${l.column}\t${l.rule}\t${l.message}`)
  process.exitCode = lines.length > 0 ? 1 : 0
}
