/**
 * Attack: a server that accepts connections and never answers (a hung
 * PostgreSQL, a black-holing proxy or firewall). Without a connect timeout
 * `openPostgresStore` waited forever. Runs without a PostgreSQL server.
 */
import { createServer, type Server, type Socket } from "node:net"
import { EventStore } from "@homeward/core"
import { afterAll, describe, expect, it } from "vitest"
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS, openPostgresStore } from "../src/index.js"

const silent = async (): Promise<{ server: Server; port: number; accepted: () => number; stop: () => void }> => {
  const sockets: Array<Socket> = []
  const server = createServer((s) => {
    sockets.push(s) // accept, read whatever the client says, never answer
    s.on("error", () => undefined)
  })
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  return {
    server,
    port,
    accepted: () => sockets.length,
    stop: () => {
      for (const s of sockets) s.destroy()
      server.close()
    }
  }
}

const outcome = async <A>(p: Promise<A>): Promise<{ error: unknown; ms: number }> => {
  const t0 = performance.now()
  const error = await p.then(
    () => undefined,
    (e: unknown) => e
  )
  return { error, ms: performance.now() - t0 }
}

describe("openPostgresStore timeouts (a server that accepts and never answers)", () => {
  const servers: Array<{ stop: () => void }> = []
  afterAll(() => {
    for (const s of servers) s.stop()
  })

  it("fails with a clear StoreError within connectTimeoutMs instead of hanging", { timeout: 60_000 }, async () => {
    const s = await silent()
    servers.push(s)
    const r = await outcome(
      openPostgresStore({ connectionString: `postgres://nobody@127.0.0.1:${s.port}/db`, connectTimeoutMs: 300 })
    )
    expect(s.accepted()).toBeGreaterThan(0) // the attack happened: the connection was accepted
    expect(r.error).toBeInstanceOf(EventStore.StoreError)
    const e = r.error as EventStore.StoreError
    expect(e.operation).toBe("open")
    expect(e.message).toMatch(/^Event store open failed: .*timeout/i)
    // 300 ms asked; generous bound for a loaded machine, far below "forever"
    expect(r.ms).toBeLessThan(20_000)
  })

  it("the default connect timeout is bounded too (10 s) and documented defaults are exported", () => {
    expect(DEFAULT_CONNECT_TIMEOUT_MS).toBe(10_000)
    expect(DEFAULT_STATEMENT_TIMEOUT_MS).toBe(30_000)
  })

  it("refuses a timeout that is not a positive number, with a StoreError naming the option", async () => {
    for (const [name, value] of [
      ["connectTimeoutMs", 0],
      ["connectTimeoutMs", -1],
      ["statementTimeoutMs", Number.NaN],
      ["statementTimeoutMs", Number.POSITIVE_INFINITY]
    ] as const) {
      const r = await outcome(
        openPostgresStore({ connectionString: "postgres://nobody@127.0.0.1:1/db", [name]: value })
      )
      expect(r.error).toBeInstanceOf(EventStore.StoreError)
      expect((r.error as Error).message).toContain(name)
    }
  })
})
