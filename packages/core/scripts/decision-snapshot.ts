/**
 * Decision snapshot of the core rules (see test/decisionCorpus.ts).
 *
 *   pnpm --filter @homeward/core snapshot:check    compare with the committed fixture
 *   pnpm --filter @homeward/core snapshot:update   rewrite test/fixtures/decision-snapshot.json
 *   … snapshot:check --states 10000               compare the first 10,000 states only (quick, while working)
 *
 * Update only when a decision is meant to change (a rule change), and say in
 * the changeset which decisions change.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { computeSnapshot, type Snapshot } from "../test/decisionCorpus.js"

const file = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "decision-snapshot.json")
const update = process.argv.includes("--update")
const at = process.argv.indexOf("--states")
const count = at >= 0 ? Number(process.argv[at + 1]) : undefined
if (update && count !== undefined) throw new Error("--update computes the whole corpus: drop --states")
const t0 = performance.now()
const snapshot = computeSnapshot(count)
const seconds = ((performance.now() - t0) / 1000).toFixed(1)
if (update) {
  writeFileSync(file, `${JSON.stringify(snapshot, null, 1)}\n`)
  console.log(`wrote ${file}: ${snapshot.states} states, ${snapshot.digests.length} digests (${seconds} s)`)
} else {
  const committed = JSON.parse(readFileSync(file, "utf8")) as Snapshot
  // A partial run's last block may be incomplete: compare whole blocks only.
  const whole = count === undefined ? snapshot.digests.length : Math.floor(count / snapshot.block)
  const bad = snapshot.digests.slice(0, whole).flatMap((d, i) => (committed.digests[i] === d ? [] : [i]))
  const badSample = snapshot.sample.filter((s, i) => committed.sample[i]?.decisions !== s.decisions).map((s) => s.state)
  if (bad.length === 0 && badSample.length === 0 && (count !== undefined || committed.states === snapshot.states)) {
    console.log(`decisions identical: ${snapshot.states} states (${seconds} s)`)
  } else {
    console.log(
      `decisions differ: blocks ${bad.join(", ")} (states ${bad.map((b) => b * snapshot.block).join(", ")}…); sample states ${badSample.join(", ")}`
    )
    process.exit(1)
  }
}
