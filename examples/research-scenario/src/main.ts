/**
 * Usage: `tsx src/main.ts [--runs N] [--draws N] [--search-runs N] [--out DIR]`:
 * prints the policy comparison (at 20 and 80 social workers, with and
 * without the children already returned), the calibration to the 2016–2017
 * history and the social workers needed for 644 children with probability
 * 0.8; writes a fan chart per policy and staffing level to `DIR` (default: a
 * new temporary directory, printed at the end).
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { fanChartSvg } from "@homeward/simulate"
import {
  calibrateHistory,
  comparePolicies,
  compareWithoutHistory,
  comparisonTable,
  render,
  requiredStaffing
} from "./compare.js"

const positive = (name: string, text: string | undefined): number => {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`)
  return n
}

/** Run the study; returns the report text and the SVG paths written. */
export const main = async (args: ReadonlyArray<string>): Promise<{ text: string; charts: ReadonlyArray<string> }> => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      runs: { type: "string", default: "400" },
      draws: { type: "string", default: "1000" },
      "search-runs": { type: "string", default: "200" },
      out: { type: "string" },
      workers: { type: "string" }
    }
  })
  const runs = positive("runs", values.runs)
  const draws = positive("draws", values.draws)
  const searchRuns = positive("search-runs", values["search-runs"])
  const workers = values.workers === undefined ? undefined : positive("workers", values.workers)
  const out = values.out ?? (await mkdtemp(join(tmpdir(), "homeward-research-")))
  await mkdir(out, { recursive: true })

  const lines: Array<string> = []
  const say = (s = "") => lines.push(s)
  const charts: Array<string> = []

  say("1. Three years of follow-up against two, on paired runs (same children, same parameter draws)")
  for (const { workers: n, comparison } of await comparePolicies(runs, [20, 80], workers)) {
    say()
    say(`${n} social workers, ${comparison.runs} runs; deadline ${comparison.deadline}, horizon ${comparison.horizon}`)
    say(render(comparisonTable(comparison)))
    for (const f of comparison.flags) say(`Note: ${f.message}`)
    for (const v of comparison.variants) {
      const path = join(out, `${v.label.split(" ")[0]}-monitoring-${n}sw.svg`)
      await writeFile(path, fanChartSvg(v.result, { title: `Siem Reap 2017: ${v.label}, ${n} social workers` }))
      charts.push(path)
    }
  }
  const plain = await compareWithoutHistory(runs, workers)
  say()
  say("Without the 144 children already returned (20 social workers):")
  for (const f of plain.flags) say(`Note: ${f.message}`)

  say()
  say(
    "2. Calibration to the history: 144 children reunited or placed in family-based care, January 2016 to November 2017"
  )
  const fit = await calibrateHistory(draws, workers)
  say(fit.summary)
  for (const w of fit.warnings) say(`Warning: ${w}`)

  say()
  say("3. Social workers needed for 644 children home by 2018-12-31 with probability 0.8")
  const staffing = await requiredStaffing(fit, {
    probability: 0.8,
    searchRuns,
    runs,
    ...(workers === undefined ? {} : { workers })
  })
  say(`As the scenario assumes the workers' capacity and the durations: ${staffing.assumed.summary}`)
  say(`At the capacity and durations calibrated to 2016–2017: ${staffing.calibrated.summary}`)
  return { text: `${lines.join("\n")}\n`, charts }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { text, charts } = await main(process.argv.slice(2))
  console.log(text)
  console.log(`Fan charts:\n${charts.join("\n")}`)
}
