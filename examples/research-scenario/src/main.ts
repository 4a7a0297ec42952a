/**
 * Usage: `tsx src/main.ts [--runs N] [--out DIR]`: prints the comparison
 * table and writes one fan chart per variant (`<variant>.svg`) to `DIR`
 * (default: a new temporary directory, printed at the end).
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { fanChartSvg } from "@homeward/simulate"
import { compare, render, table } from "./compare.js"

/** Run the comparison; returns the table text and the SVG paths written. */
export const main = async (args: ReadonlyArray<string>): Promise<{ text: string; charts: ReadonlyArray<string> }> => {
  const { values } = parseArgs({
    args: [...args],
    options: { runs: { type: "string", default: "200" }, out: { type: "string" } }
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive whole number")
  const out = values.out ?? (await mkdtemp(join(tmpdir(), "homeward-research-")))
  await mkdir(out, { recursive: true })
  const results = compare(runs)
  const charts: Array<string> = []
  for (const { variant, result } of results) {
    const path = join(out, `${variant.label.replace("/", "-")}.svg`)
    await writeFile(path, fanChartSvg(result, { title: `Siem Reap 2017: ${variant.label}` }))
    charts.push(path)
  }
  const text = `Siem Reap 2017, ${runs} runs per variant, target 30% home by ${results[0]?.result.target.deadline}\n\n${render(table(results))}\n`
  return { text, charts }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { text, charts } = await main(process.argv.slice(2))
  console.log(text)
  console.log(`Fan charts:\n${charts.join("\n")}`)
}
