/**
 * Usage: `tsx src/main.ts [port]` (default 8080, loopback only).
 *
 * Store: the core in-memory reference store. The SQLite store
 * (`@homeward/store-sqlite`) implements the same `CaseEventStore` port: pass
 * it to `makeServer({ store })` instead to keep cases across restarts.
 */
import { EventStore } from "@homeward/core"
import { makeServer } from "./server.js"

const port = Number(process.argv[2] ?? 8080)
const server = makeServer({ store: EventStore.makeMemoryStore() })
server.listen(port, "127.0.0.1", () => {
  const a = server.address()
  console.log(`homeward case service on http://127.0.0.1:${typeof a === "object" && a !== null ? a.port : port}`)
})
