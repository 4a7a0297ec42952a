import { mkdtemp } from "node:fs/promises"
import type { Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { EventStore, PolicyProfile, Profiles } from "@homeward/core"
import { openSqliteStore, type SqliteEventStore } from "@homeward/store-sqlite"
import { Result } from "effect"
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

describe("example: case-system case work (approvals, referrals, access)", () => {
  // A programme that puts the return home behind a supervisor's approval (citing Primero's approvals).
  const derived = PolicyProfile.derive(Profiles.azizasPlace, {
    id: "aziza-with-approvals",
    version: "1.0.0",
    title: "Aziza's Place with a supervisor's approval of each return",
    parameters: {
      approvals: {
        required: {
          value: [{ step: "reunification", approverRoles: ["supervisor"] }],
          source: { document: "Primero v2 approvals (repository primeroIMS/primero)", year: 2023, key: "PRIMERO" },
          effectiveFrom: "2018-01-01",
          status: "practice"
        }
      }
    }
  })
  if (Result.isFailure(derived)) throw new Error("profile")
  const store2 = EventStore.makeMemoryStore()
  const server2 = makeServer({ store: store2, profile: derived.success, today: () => new Date("2018-06-01T00:00:00Z") })
  let base2 = ""
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server2.listen(0, "127.0.0.1", () => {
        base2 = `http://127.0.0.1:${(server2.address() as AddressInfo).port}`
        resolve()
      })
    })
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server2.close(() => resolve()))
  })
  const send = async (path: string, body: unknown, asOf: string) => {
    const r = await fetch(`${base2}${path}?asOf=${asOf}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body)
    })
    return { status: r.status, body: (await r.json()) as Record<string, unknown> }
  }
  const view = (headers: Record<string, string>) => fetch(`${base2}/cases/case-8/view?asOf=2018-02-10`, { headers })
  const supervisor = { id: "sup-1", role: "supervisor" }
  const codes = (b: Record<string, unknown>) => ((b.reasons ?? []) as Array<{ code: string }>).map((x) => x.code)

  it("[PRIMERO] a supervisor approves a reunification: no self-approval, and the gate lifts only with the approval", async () => {
    const opened = await send(
      "/cases",
      {
        caseId: "case-8",
        actor,
        recordedAt: "2018-01-10T09:00:00.000Z",
        child: {
          id: "CH-8",
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
      },
      "2018-01-10"
    )
    expect(opened.status).toBe(201)
    const reunify = {
      type: "Reunify",
      actor,
      recordedAt: "2018-02-01T09:00:00.000Z",
      placement: { type: "parents", since: "2018-02-01" }
    }
    const before = await send("/cases/case-8/commands", reunify, "2018-02-01")
    expect(before.status).toBe(422)
    expect(codes(before.body)).toContain("approval-missing")
    const requested = await send(
      "/cases/case-8/commands",
      {
        type: "RequestApproval",
        actor,
        recordedAt: "2018-01-20T09:00:00.000Z",
        approvalId: "AP-1",
        step: "reunification"
      },
      "2018-01-20"
    )
    expect(requested.status).toBe(200)
    const self = await send(
      "/cases/case-8/commands",
      { type: "Approve", actor, recordedAt: "2018-01-21T09:00:00.000Z", approvalId: "AP-1" },
      "2018-01-21"
    )
    expect(self.status).toBe(422)
    expect(codes(self.body)).toEqual(["approval-by-requester"])
    const approved = await send(
      "/cases/case-8/commands",
      {
        type: "Approve",
        actor: supervisor,
        recordedAt: "2018-01-21T09:00:00.000Z",
        approvalId: "AP-1",
        comment: "Family visits went well"
      },
      "2018-01-21"
    )
    expect(approved.status).toBe(200)
    expect(approved.body.events).toEqual(["ApprovalGranted"])
    // The approval is there; the return still waits for its other safeguards (contact steps, agreement, consent).
    const after = await send("/cases/case-8/commands", reunify, "2018-02-01")
    expect(after.status).toBe(422)
    expect(codes(after.body)).not.toContain("approval-missing")
  })

  it("[HR-consent-scope] a referral to a livelihood partner needs consent; the partner then sees the case without names or comments", async () => {
    const refer = {
      type: "Refer",
      actor,
      recordedAt: "2018-02-02T09:00:00.000Z",
      referralId: "REF-1",
      toAgencyId: "LIV-1",
      serviceType: "livelihood",
      dueOn: "2018-03-31"
    }
    const refused = await send("/cases/case-8/commands", refer, "2018-02-02")
    expect(refused.status).toBe(422)
    expect((refused.body.reasons as Array<{ details: Record<string, unknown> }>)[0]?.details).toMatchObject({
      recordKind: "caregiver-consent",
      recordPurpose: "information-sharing",
      recordAgency: "LIV-1"
    })
    const consent = await send(
      "/cases/case-8/commands",
      {
        type: "RecordConsent",
        actor,
        recordedAt: "2018-02-02T09:00:00.000Z",
        consent: {
          id: "CONS-1",
          kind: "caregiver-consent",
          givenBy: "HH-8-m1",
          purposes: ["information-sharing", "services"],
          agencies: ["LIV-1"],
          givenOn: "2018-02-02"
        }
      },
      "2018-02-02"
    )
    expect(consent.status).toBe(200)
    expect((await send("/cases/case-8/commands", refer, "2018-02-02")).status).toBe(200)
    const accepted = await send(
      "/cases/case-8/commands",
      {
        type: "AcceptReferral",
        actor: { id: "liv-officer", role: "case-manager" },
        recordedAt: "2018-02-05T09:00:00.000Z",
        referralId: "REF-1"
      },
      "2018-02-05"
    )
    expect(accepted.status).toBe(200)

    const partner = await view({
      "x-viewer-id": "liv-officer",
      "x-viewer-role": "partner-agency",
      "x-viewer-agency": "LIV-1"
    })
    expect(partner.status).toBe(200)
    const text = await partner.text()
    expect(text).not.toContain("Sokha")
    expect(text).not.toContain("Family visits went well")
    expect((JSON.parse(text) as { referrals: Array<{ status: string }> }).referrals[0]?.status).toBe("accepted")
    const stranger = await view({ "x-viewer-id": "x", "x-viewer-role": "partner-agency", "x-viewer-agency": "AG-9" })
    expect(stranger.status).toBe(404)
    const own = await view({ "x-viewer-id": "sw-1", "x-viewer-role": "case-worker", "x-viewer-agency": "AG-1" })
    expect(await own.text()).toContain("Sokha")
    expect((await view({})).status).toBe(400)
  })
})
