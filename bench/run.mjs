// Runs every benchmark in bench/ (each prints its figures and updates its
// section of bench/RESULTS.md). Usage: pnpm bench [name ...]
import { spawnSync } from "node:child_process"
import { readdirSync } from "node:fs"
import { dirname } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const wanted = process.argv.slice(2)
const benches = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .map((f) => f.slice(0, -3))
  .filter((n) => wanted.length === 0 || wanted.includes(n))
let failed = 0
for (const name of benches) {
  console.log(`\n=== bench: ${name} ===`)
  const cmd =
    name === "stores" ? ["../scripts/with-postgres.sh", "npx", "tsx", `${name}.ts`] : ["npx", "tsx", `${name}.ts`]
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: here, stdio: "inherit" })
  if (r.status !== 0) failed++
}
process.exit(failed === 0 ? 0 : 1)
