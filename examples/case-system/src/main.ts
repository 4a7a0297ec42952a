/**
 * Usage: `tsx src/main.ts [port] [database]` (default 8080 and
 * `cases.sqlite`, loopback only). Cases are kept in a SQLite file
 * (`@homeward/store-sqlite`: WAL, append-only, every event validated).
 */
import { openSqliteStore } from "@homeward/store-sqlite"
import { makeServer } from "./server.js"

const port = Number(process.argv[2] ?? 8080)
const store = await openSqliteStore(process.argv[3] ?? "cases.sqlite")
const server = makeServer({ store })
server.listen(port, "127.0.0.1", () => {
  const a = server.address()
  console.log(`homeward case service on http://127.0.0.1:${typeof a === "object" && a !== null ? a.port : port}`)
})
const stop = () => server.close(() => void store.close())
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
