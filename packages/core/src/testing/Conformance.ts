/**
 * The conformance suite every event store must pass (in-memory reference,
 * SQLite, PostgreSQL): a model-based test against a reference model,
 * concurrent writers, crash safety (when the adapter can spawn a writer to
 * kill), bad input and corrupted rows. Call {@link runConformance} inside a
 * vitest test file.
 *
 * @since 0.1.0
 */
import { spawn } from "node:child_process"
import * as fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import type { CaseEvent } from "../CaseEvent.js"
import * as EventStore from "../EventStore.js"

/**
 * What an adapter gives the suite.
 *
 * @since 0.1.0
 */
export interface Adapter {
  /** A fresh, empty store. */
  readonly open: () => Promise<EventStore.CaseEventStore>
  /** Another connection to the store last returned by `open` (for concurrency across connections). */
  readonly openSecond?: () => Promise<EventStore.CaseEventStore>
  /** Overwrite the stored text of one event of the store last returned by `open`, bypassing validation. */
  readonly corrupt?: (caseId: string, version: number, raw: string) => Promise<void>
  /** Crash test: run a writer in a child process, kill it with SIGKILL mid-batch, then check. */
  readonly crash?: {
    /** Start a child process appending batches of `batchSize` events to fresh cases; resolves once it has started writing. */
    readonly spawnWriter: (
      batchSize: number
    ) => Promise<{ readonly kill: () => void; readonly exited: Promise<unknown> }>
    /** Reopen the store the writer wrote to. */
    readonly reopen: () => Promise<EventStore.CaseEventStore>
    /** Database-level integrity check (e.g. `PRAGMA integrity_check`). */
    readonly integrityCheck: () => Promise<boolean>
  }
  /** Release everything (called once after the suite). */
  readonly dispose?: () => Promise<void>
}

/**
 * A valid event for `caseId` at `version` (cheap, deterministic): `CaseOpened`
 * at version 1, then `WorkerAssigned` events. Event ids are `caseId#version`.
 *
 * @since 0.1.0
 */
export const sampleEvent = (caseId: string, version: number, tag = ""): CaseEvent => {
  const day = new Date(Date.UTC(2018, 0, 1 + (version % 300)))
  const base = {
    eventId: tag === "" ? `${caseId}#${version}` : `${caseId}.${tag}#${version}`,
    caseId,
    occurredOn: day,
    recordedAt: new Date(day.getTime() + 3_600_000),
    actor: { id: "sw-1", role: "social-worker" as const }
  }
  if (version === 1) {
    return {
      ...base,
      type: "CaseOpened",
      child: {
        id: `child-${caseId}`,
        birth: { date: new Date(Date.UTC(2010, 4, 1)), estimated: false },
        sex: "female",
        school: "enrolled"
      },
      institutionId: "rci-1",
      agencyId: "dosvy-1",
      socialWorkerId: "sw-1",
      admissionReasons: ["poverty"],
      placement: { type: "residential-care", since: new Date(Date.UTC(2015, 0, 1)) }
    }
  }
  return { ...base, type: "WorkerAssigned", socialWorkerId: `sw-${version % 7}` }
}

/**
 * Start a TypeScript writer script in a child process (`node --import tsx`,
 * source export condition) for the crash test; resolves once the script
 * prints `ready` (after its first committed batch).
 *
 * @since 0.1.0
 */
export const spawnWriterScript = async (
  script: string,
  args: ReadonlyArray<string>,
  cwd: string
): Promise<{ readonly kill: () => void; readonly exited: Promise<unknown> }> => {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@homeward/source", script, ...args], {
    cwd,
    stdio: ["ignore", "pipe", "inherit"]
  })
  const exited = new Promise((r) => child.on("exit", r))
  await new Promise<void>((ok, fail) => {
    child.stdout?.on("data", (d: Buffer) => d.toString().includes("ready") && ok())
    child.on("exit", (code) => fail(new Error(`writer exited early (${code})`)))
  })
  return { kill: () => child.kill("SIGKILL"), exited }
}

const batch = (caseId: string, from: number, n: number, tag = ""): Array<CaseEvent> =>
  Array.from({ length: n }, (_, i) => sampleEvent(caseId, from + i + 1, tag))

const collect = async (store: EventStore.CaseEventStore, from?: number): Promise<Array<EventStore.StoredEvent>> => {
  const out: Array<EventStore.StoredEvent> = []
  for await (const e of store.readAll(from)) out.push(e)
  return out
}

interface Model {
  readonly cases: Map<string, Array<string>>
  readonly log: Array<string>
}

/**
 * Register the conformance suite for one store adapter.
 *
 * @example
 * ```ts
 * import { EventStore } from "@homeward/core"
 * import { Conformance } from "@homeward/core/testing"
 *
 * Conformance.runConformance("memory", { open: async () => EventStore.makeMemoryStore() })
 * ```
 *
 * @since 0.1.0
 */
export const runConformance = (name: string, adapter: Adapter, options: { readonly numRuns?: number } = {}): void => {
  describe(`CaseEventStore conformance: ${name}`, () => {
    afterAll(async () => {
      await adapter.dispose?.()
    })

    it("model-based: random appends (right and wrong versions), reads and readAll agree with the model", {
      timeout: 120_000
    }, async () => {
      const cases = ["c-a", "c-b", "c-c"]
      class Append implements fc.AsyncCommand<Model, EventStore.CaseEventStore> {
        constructor(
          readonly caseIx: number,
          readonly n: number,
          readonly skew: number
        ) {}
        check = () => true
        async run(m: Model, s: EventStore.CaseEventStore) {
          const caseId = cases[this.caseIx]!
          const stream = m.cases.get(caseId) ?? []
          const expected = Math.max(0, stream.length + this.skew)
          const events = batch(caseId, expected, this.n, `m${m.log.length}`)
          const r = await s.append(caseId, expected, events)
          if (expected === stream.length) {
            expect(r._tag).toBe("Appended")
            for (const e of events) {
              stream.push(e.eventId)
              m.log.push(e.eventId)
            }
            m.cases.set(caseId, stream)
            if (r._tag === "Appended") expect(r.version).toBe(stream.length)
          } else {
            expect(r._tag).toBe("Conflict")
            if (r._tag === "Conflict") expect(r.actualVersion).toBe(stream.length)
          }
        }
        toString = () => `append(${cases[this.caseIx]}, n=${this.n}, skew=${this.skew})`
      }
      class Read implements fc.AsyncCommand<Model, EventStore.CaseEventStore> {
        constructor(readonly caseIx: number) {}
        check = () => true
        async run(m: Model, s: EventStore.CaseEventStore) {
          const caseId = cases[this.caseIx]!
          const events = await s.read(caseId)
          expect(events.map((e) => e.eventId)).toEqual(m.cases.get(caseId) ?? [])
          expect(await s.version(caseId)).toBe((m.cases.get(caseId) ?? []).length)
        }
        toString = () => `read(${cases[this.caseIx]})`
      }
      class ReadAll implements fc.AsyncCommand<Model, EventStore.CaseEventStore> {
        constructor(readonly skip: number) {}
        check = () => true
        async run(m: Model, s: EventStore.CaseEventStore) {
          const all = await collect(s)
          expect(all.map((e) => e.event.eventId)).toEqual(m.log)
          for (let i = 1; i < all.length; i++) expect(all[i]!.position).toBeGreaterThan(all[i - 1]!.position)
          const from = all[Math.min(this.skip, all.length - 1)]?.position
          if (from !== undefined) {
            const tail = await collect(s, from)
            expect(tail.map((e) => e.event.eventId)).toEqual(m.log.slice(Math.min(this.skip, all.length - 1)))
          }
        }
        toString = () => `readAll(skip=${this.skip})`
      }
      const commands = [
        fc
          .tuple(fc.nat(2), fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 0, 0, -1, 1, 2))
          .map(([c, n, k]) => new Append(c, n, k)),
        fc.nat(2).map((c) => new Read(c)),
        fc.nat(20).map((k) => new ReadAll(k))
      ]
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
          const store = await adapter.open()
          try {
            await fc.asyncModelRun(() => ({ model: { cases: new Map(), log: [] }, real: store }), cmds)
          } finally {
            await store.close()
          }
        }),
        { numRuns: options.numRuns ?? 20 }
      )
    })

    it("concurrency: every version is taken by exactly one writer, losers get Conflict, nothing lost or duplicated", {
      timeout: 60_000
    }, async () => {
      const store = await adapter.open()
      const others =
        adapter.openSecond === undefined ? [] : await Promise.all([1, 2, 3].map(() => adapter.openSecond!()))
      const writers = [store, ...others]
      try {
        const caseId = "c-race"
        let won = 0
        for (let round = 0; round < 5; round++) {
          const version = await store.version(caseId)
          const results = await Promise.all(
            Array.from({ length: 12 }, (_, w) =>
              writers[w % writers.length]!.append(caseId, version, batch(caseId, version, 2, `w${w}`))
            )
          )
          const ok = results.filter((r) => r._tag === "Appended")
          expect(ok.length).toBe(1)
          expect(results.filter((r) => r._tag === "Conflict").length).toBe(11)
          won += ok.length
        }
        const events = await store.read(caseId)
        expect(events.length).toBe(won * 2)
        expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length)
        const all = (await collect(store)).filter((e) => e.caseId === caseId)
        expect(all.map((e) => e.version)).toEqual(events.map((_, i) => i + 1))
      } finally {
        for (const w of others) await w.close()
        await store.close()
      }
    })

    it("bad input: an invalid event is rejected with InvalidEvent naming case and index, nothing is written", {
      timeout: 60_000
    }, async () => {
      const store = await adapter.open()
      try {
        await store.append("c-bad", 0, batch("c-bad", 0, 1))
        const good = sampleEvent("c-bad", 2)
        const bad = { ...sampleEvent("c-bad", 3), occurredOn: "2023-02-30" } as unknown as CaseEvent
        const r = await store.append("c-bad", 1, [good, bad])
        expect(r._tag).toBe("InvalidEvent")
        if (r._tag === "InvalidEvent") {
          expect(r.caseId).toBe("c-bad")
          expect(r.index).toBe(1)
          expect(r.issues.length).toBeGreaterThan(0)
        }
        const other = await store.append("c-bad", 1, [sampleEvent("c-other", 2)])
        expect(other._tag).toBe("InvalidEvent")
        expect(await store.version("c-bad")).toBe(1)
        expect((await collect(store)).length).toBe(1)
      } finally {
        await store.close()
      }
    })

    if (adapter.corrupt !== undefined) {
      it("corruption: a corrupted row yields CorruptEvent naming case and version", { timeout: 60_000 }, async () => {
        const store = await adapter.open()
        try {
          await store.append("c-rot", 0, batch("c-rot", 0, 3))
          await adapter.corrupt!("c-rot", 2, '{"type":"WorkerAssigned","garbage":true}')
          const err = await store.read("c-rot").then(
            () => undefined,
            (e: unknown) => e
          )
          expect(err).toBeInstanceOf(EventStore.CorruptEvent)
          expect((err as EventStore.CorruptEvent).caseId).toBe("c-rot")
          expect((err as EventStore.CorruptEvent).version).toBe(2)
          const viaAll = await collect(store).then(
            () => undefined,
            (e: unknown) => e
          )
          expect(viaAll).toBeInstanceOf(EventStore.CorruptEvent)
        } finally {
          await store.close()
        }
      })
    }

    if (adapter.crash !== undefined) {
      it("crash: a writer killed with SIGKILL mid-batch leaves every batch all or nothing", {
        timeout: 120_000
      }, async () => {
        const crash = adapter.crash!
        const batchSize = 25
        const writer = await crash.spawnWriter(batchSize)
        await new Promise((r) => setTimeout(r, 400))
        writer.kill()
        await writer.exited
        const store = await crash.reopen()
        try {
          expect(await crash.integrityCheck()).toBe(true)
          const all = await collect(store)
          expect(all.length).toBeGreaterThan(0)
          const perCase = new Map<string, Array<number>>()
          for (const e of all) perCase.set(e.caseId, [...(perCase.get(e.caseId) ?? []), e.version])
          for (const [, versions] of perCase) {
            expect(versions).toEqual(versions.map((_, i) => i + 1))
            expect(versions.length % batchSize).toBe(0)
          }
        } finally {
          await store.close()
        }
      })
    }
  })
}
