// Child process for the crash test: appends batches to fresh cases until killed.
import { Conformance } from "@homeward/core/testing"
import { openPostgresStore } from "../src/index.js"

const [url, schema, size] = process.argv.slice(2)
const batchSize = Number(size)
const store = await openPostgresStore({ connectionString: url!, schema: schema!, max: 2 })
for (let i = 0; ; i++) {
  const caseId = `crash-${i}`
  const events = Array.from({ length: batchSize }, (_, v) => Conformance.sampleEvent(caseId, v + 1))
  const r = await store.append(caseId, 0, events)
  if (r._tag !== "Appended") throw new Error(`unexpected ${r._tag}`)
  if (i === 0) process.stdout.write("ready\n")
}
