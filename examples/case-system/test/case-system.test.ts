import { mkdtemp } from "node:fs/promises"
import type { Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { openSqliteStore, type SqliteEventStore } from "@homeward/store-sqlite"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeServer } from "../src/server.js"

let store: SqliteEventStore
let server: Server
let base = ""
beforeAll(async () => {
  store = await openSqliteStore(join(await mkdtemp(join(tmpdir(), "homeward-case-system-")), "cases.sqlite"))
  server = makeServer({ store, today: () => new Date("2018-06-01T00:00:00Z") })
  await new Promise<void>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      resolve()
    })
  })
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await store.close()
})

const actor = { id: "sw-1", role: "social-worker" }
const post = async (path: string, body: unknown, asOf = "2018-01-10") => {
  const r = await fetch(`${base}${path}?asOf=${asOf}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body)
  })
  return { status: r.status, body: (await r.json()) as Record<string, unknown> }
}

describe("example: case-system", () => {
  it("[seed: Aziza's Place] opens a case, records a visit, advances, and explains what blocks the return", async () => {
    const opened = await post("/cases", {
      caseId: "case-7",
      actor,
      recordedAt: "2018-01-10T09:00:00.000Z",
      child: {
        id: "CH-7",
        givenName: "Sokha",
        birth: { date: "2009-04-01", estimated: false },
        sex: "female",
        school: "enrolled"
      },
      institutionId: "RCI-1",
      agencyId: "AG-1",
      socialWorkerId: "sw-1",
      admissionReasons: ["poverty"],
      placement: { type: "residential-care", since: "2015-03-01", institutionId: "RCI-1" }
    })
    expect(opened.status).toBe(201)
    expect(opened.body.events).toEqual(["CaseOpened"])

    const again = await post("/cases", { caseId: "case-7" })
    expect(again.status).toBe(409)

    const advanced = await post(
      "/cases/case-7/commands",
      {
        type: "Advance",
        actor,
        recordedAt: "2018-01-11T09:00:00.000Z"
      },
      "2018-01-11"
    )
    expect(advanced.status).toBe(200)
    expect(advanced.body.phase).toEqual({ phase: "assessment" })

    const visit = await post(
      "/cases/case-7/commands",
      {
        type: "RecordContact",
        actor,
        recordedAt: "2018-01-12T09:00:00.000Z",
        contact: { id: "CT-1", date: "2018-01-12", kind: "family-visit-at-centre", outcome: "positive" }
      },
      "2018-01-12"
    )
    expect(visit.status).toBe(200)
    expect(visit.body.events).toEqual(["ContactRecorded"])

    // assessment → preparation needs an assessment and a traced family
    const blocked = await post(
      "/cases/case-7/commands",
      {
        type: "Advance",
        actor,
        recordedAt: "2018-01-13T09:00:00.000Z"
      },
      "2018-01-13"
    )
    expect(blocked.status).toBe(422)
    expect((blocked.body.reasons as Array<{ severity: string }>).every((r) => r.severity === "blocker")).toBe(true)

    const r = await fetch(`${base}/cases/case-7/blocking?asOf=2018-01-13`)
    expect(r.status).toBe(200)
    const text = await r.text()
    const why = JSON.parse(text) as {
      eligibility: { outcome: string; reasons: Array<{ code: string }> }
      bestInterestChecks: { blockers: number }
      canAdvance: { ready: boolean; reasons: Array<{ code: string; rule: string; source: unknown }> }
      policy: { id: string }
    }
    expect(why.policy.id).toBe("azizas-place")
    expect(why.eligibility.outcome).toBe("not-yet")
    expect(why.eligibility.reasons.map((x) => x.code)).toContain("family-not-traced")
    expect(why.bestInterestChecks.blockers).toBeGreaterThan(0)
    expect(why.canAdvance.ready).toBe(false)
    expect(why.canAdvance.reasons.length).toBeGreaterThan(0)
    expect(text).not.toContain("Sokha")

    // the events are in the SQLite file
    expect((await store.read("case-7")).map((e) => e.type)).toEqual(["CaseOpened", "PhaseAdvanced", "ContactRecorded"])
    const summary = await fetch(`${base}/cases/case-7`)
    expect(((await summary.json()) as { version: number }).version).toBeGreaterThanOrEqual(2)
  })

  it("rejects invalid commands with issues that do not echo values, and unknown cases with 404", async () => {
    const bad = await post("/cases/case-7/commands", { type: "RecordContact", actor, contact: { id: "Sokha Chan" } })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).not.toContain("Sokha")
    expect((await fetch(`${base}/cases/nope/blocking`)).status).toBe(404)
    expect((await fetch(`${base}/cases/nope/blocking?asOf=2018-02-30x`)).status).toBe(400)
  })
})
