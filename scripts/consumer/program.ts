// A consumer program that uses every published package the way a user does:
// installed from the packed tarballs, imported by package name (the root and
// per-module entries), no workspace links, no source condition. The consumer
// check (scripts/consumer-check.mjs) typechecks it under `nodenext` and
// `bundler` with `skipLibCheck: false`, then runs it on Node 20.
import assert from "node:assert/strict"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Format, validateFile } from "@homeward/cli"
import * as Export from "@homeward/cli/Export"
import {
  Blockers,
  CaseState,
  Decider,
  Eligibility,
  EventStore,
  Phase,
  PolicyProfile,
  Profiles,
  Redact,
  Registry,
  Validation
} from "@homeward/core"
import * as Child from "@homeward/core/Child"
import * as Household from "@homeward/core/Household"
import * as CoreValidation from "@homeward/core/Validation"
import { Decode, Rules, Store } from "@homeward/fp-ts"
import { Html, Render, Report } from "@homeward/report"
import { Scenario, Scenarios, simulateSync, toCsv } from "@homeward/simulate"
import { openPostgresStore, type PostgresStoreOptions } from "@homeward/store-postgres"
import { openSqliteStore } from "@homeward/store-sqlite"
import * as SqliteStore from "@homeward/store-sqlite/SqliteStore"
import * as Schema from "effect/Schema"
import * as E from "fp-ts/lib/Either.js"

const dir = mkdtempSync(join(tmpdir(), "homeward-consumer-program-"))
const profile = Profiles.azizasPlace
const asOf = new Date("2018-01-10")

// Schemas are runtime values: Child.Child, Household.Household, Decider.Command
const row = { id: "CH-0001", birth: { date: "2010-05-01", estimated: true }, sex: "female", school: "enrolled" }
const child = Validation.decodeUnknown(Child.Child, row, { row: 2 })
assert.equal(child._tag, "Success")
const bad = CoreValidation.decodeUnknown(Child.Child, { ...row, id: "Sophea Kim" }, { row: 3 })
assert.equal(bad._tag, "Failure")
if (bad._tag === "Failure") assert.ok(!JSON.stringify(bad.failure).includes("Sophea"), "errors never echo a value")
assert.ok(Schema.isSchema(Household.Household))
const command = Validation.decodeUnknown(Decider.Command, { type: "nope" })
assert.equal(command._tag, "Failure")
const redacted = Redact.redact(Child.Child, {
  id: "CH-1",
  givenName: "Sokha",
  birth: { date: new Date("2010-05-01"), estimated: false },
  sex: "female",
  school: "enrolled"
})
assert.equal((redacted as { givenName?: string }).givenName, "[redacted]")
assert.ok(Registry.recordTypes.includes("child"))

// policy profiles are cited
const policy = PolicyProfile.resolve(Profiles.unicefSiemReap2017, new Date("2018-01-01"))
assert.equal(policy.values.monitoring.durationMonths, 36)

// the decider and a store: in memory, then SQLite
const open: Decider.Command = {
  type: "OpenCase",
  actor: { id: "sw-1", role: "social-worker" },
  recordedAt: new Date("2018-01-10T09:00:00Z"),
  child: { id: "CH-7", birth: { date: new Date("2009-04-01"), estimated: false }, sex: "female", school: "enrolled" },
  institutionId: "RCI-1",
  agencyId: "AG-1",
  socialWorkerId: "sw-1",
  admissionReasons: ["poverty"],
  placement: { type: "residential-care", since: new Date("2015-03-01"), institutionId: "RCI-1" }
}
const memory = EventStore.makeMemoryStore()
const state0 = CaseState.replay("case-7", await memory.read("case-7"))
const decided = Decider.decide(state0, open, profile, asOf)
assert.ok(decided.ok, "OpenCase is accepted")
if (!decided.ok) throw new Error("unreachable")
const appended = await memory.append("case-7", state0.version, decided.events)
assert.equal(appended._tag, "Appended")
const conflict = await memory.append("case-7", 0, decided.events)
assert.equal(conflict._tag, "Conflict")
const state = CaseState.replay("case-7", await memory.read("case-7"))
assert.equal(state.version, decided.events.length)
const eligibility = Eligibility.assessReintegration(state, profile, asOf)
assert.ok(eligibility.reasons.length > 0)
const readiness = Phase.canAdvance(state, profile, asOf, { eligibility })
assert.equal(typeof readiness.outcome.ready, "boolean")
const blocks = Blockers.whatBlocks(state, profile, asOf)
assert.equal(new Set(blocks.reasons.map((r) => r.code)).size, blocks.reasons.length, "whatBlocks: one reason per code")
assert.equal(blocks.outcome.canAdvance, readiness.outcome.ready)

const sqlite = await openSqliteStore(join(dir, "programme.sqlite"))
assert.equal((await sqlite.append("case-7", 0, decided.events))._tag, "Appended")
assert.equal((await sqlite.read("case-7")).length, decided.events.length)
await sqlite.close()
assert.equal(typeof SqliteStore.migrations, "object")

// PostgreSQL: typechecked here; run only when a server is given
const pgOptions: PostgresStoreOptions = {
  connectionString: process.env.HOMEWARD_PG_URL ?? "",
  schema: "consumer_check"
}
if (process.env.HOMEWARD_PG_URL) {
  const pg = await openPostgresStore(pgOptions)
  try {
    assert.equal((await pg.version("case-7")) >= 0, true)
  } finally {
    await pg.close()
  }
}

// reports
const report = Report.aggregate({ cases: [state], profile: Profiles.unicefSiemReap2017, asOf })
assert.match(Render.markdown(report), /unicef-siem-reap-2017/)
assert.match(Html.render(report), /^<!doctype html>/i)

// simulation
const result = simulateSync({ ...Scenarios.siemReap2017Encoded, runs: 4 })
assert.ok(result.months.length > 0)
assert.ok(toCsv(result).split("\n").length > 2)
assert.ok(Schema.isSchema(Scenario.Scenario))

// the CLI's programmatic API
const csv = join(dir, "children.csv")
writeFileSync(csv, "id,birth.date,birth.estimated,sex,school\nCH-1,2010-05-01,false,female,enrolled\n")
const validation = await validateFile(csv, { as: "child" })
assert.equal(validation.ok, true, Format.toTable(validation))
assert.match(Export.markdown(["child"]), /## child/)

// fp-ts
const ready = Rules.assessReintegration(state, profile, asOf)
assert.ok(E.isLeft(ready) || E.isRight(ready))
assert.ok(E.isLeft(Decode.decoderFor("child")({ id: "CH-1" })))
const fpStore = Store.fromStore(EventStore.makeMemoryStore())
assert.deepEqual(await fpStore.version("c1")(), E.right(0))

rmSync(dir, { recursive: true, force: true })
console.log("consumer program: ok")
