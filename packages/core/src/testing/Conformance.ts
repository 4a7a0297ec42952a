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
 * @example
 * ```ts
 * import { EventStore } from "@homeward/core"
 * import { Conformance } from "@homeward/core/testing"
 *
 * const store = EventStore.makeMemoryStore()
 * await store.append("case-1", 0, [Conformance.sampleEvent("case-1", 1)])
 * await store.version("case-1") // 1
 * ```
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
 * The example needs a writer script of a store's test suite: it is typechecked, not run.
 *
 * @example
 * ```ts no-run
 * import { Conformance } from "@homeward/core/testing"
 *
 * const writer = await Conformance.spawnWriterScript("test/writer.ts", ["store.sqlite"], process.cwd())
 * writer.kill() // crash it mid-write, then check the store
 * ```
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
 * Register the conformance suite for one store adapter. Call it at the top
 * level of a vitest test file (the example is typechecked, not run: it needs
 * vitest's runner).
 *
 * @example
 * ```ts no-run
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

    it("bad arguments: expectedVersion -1, NaN, 1.5, Infinity, a string; an empty or non-string case id; events not a list: append resolves with InvalidEvent (index -1), nothing is written", {
      timeout: 60_000
    }, async () => {
      const store = await adapter.open()
      try {
        await store.append("c-arg", 0, batch("c-arg", 0, 2))
        const badVersions: ReadonlyArray<unknown> = [-1, Number.NaN, 1.5, Number.POSITIVE_INFINITY, -0.5, "1", null]
        for (const v of badVersions) {
          for (const events of [[], batch("c-arg", 2, 1, "bad")]) {
            const r = await store.append("c-arg", v as number, events)
            expect(r._tag, `expectedVersion ${String(v)}`).toBe("InvalidEvent")
            if (r._tag === "InvalidEvent") {
              expect(r.caseId).toBe("c-arg")
              expect(r.index).toBe(-1)
              expect(r.issues.map((i) => i.pathString)).toEqual(["expectedVersion"])
              expect(r.message).toContain("expectedVersion")
            }
          }
        }
        for (const caseId of ["", undefined, 7]) {
          const r = await store.append(caseId as string, 0, [])
          expect(r._tag, `caseId ${String(caseId)}`).toBe("InvalidEvent")
          if (r._tag === "InvalidEvent") expect(r.issues.map((i) => i.pathString)).toEqual(["caseId"])
        }
        const notList = await store.append("c-arg", 2, "not a list" as unknown as ReadonlyArray<CaseEvent>)
        expect(notList._tag).toBe("InvalidEvent")
        if (notList._tag === "InvalidEvent") expect(notList.issues.map((i) => i.pathString)).toEqual(["events"])
        expect(await store.version("c-arg")).toBe(2)
        expect((await collect(store)).map((e) => e.event.eventId)).toEqual(["c-arg#1", "c-arg#2"])
        // the store still works after all that
        const ok = await store.append("c-arg", 2, batch("c-arg", 2, 1))
        expect(ok).toMatchObject({ _tag: "Appended", version: 3 })
      } finally {
        await store.close()
      }
    })

    it("property: for any expectedVersion, append resolves (never rejects) with InvalidEvent exactly when it is not a whole number ≥ 0", {
      timeout: 60_000
    }, async () => {
      const store = await adapter.open()
      try {
        await store.append("c-any", 0, batch("c-any", 0, 1))
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              fc.integer({ min: -5, max: 5 }),
              fc.double(),
              fc.maxSafeInteger(),
              fc.constantFrom<unknown>(Number.NaN, -0, 2 ** 31, 2 ** 53, "0", undefined, {}, []),
              fc.boolean()
            ),
            async (v) => {
              const r = await store.append("c-any", v as number, [])
              const valid = typeof v === "number" && Number.isSafeInteger(v) && v >= 0
              expect(r._tag).toBe(!valid ? "InvalidEvent" : v === 1 ? "Appended" : "Conflict")
              if (r._tag === "Conflict") expect(r.actualVersion).toBe(1)
            }
          ),
          { numRuns: (options.numRuns ?? 20) * 5 }
        )
        expect(await store.version("c-any")).toBe(1)
      } finally {
        await store.close()
      }
    })

    it("conflict: a stale or impossible expectedVersion resolves with a Conflict carrying the actual version and saying what to do", {
      timeout: 60_000
    }, async () => {
      const store = await adapter.open()
      try {
        await store.append("c-stale", 0, batch("c-stale", 0, 3))
        for (const expected of [0, 2, 4, 2 ** 31 - 1, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
          for (const n of [0, 1]) {
            const r = await store.append("c-stale", expected, batch("c-stale", 3, n, `s${n}`))
            expect(r._tag, `expectedVersion ${expected}, ${n} events`).toBe("Conflict")
            if (r._tag === "Conflict") {
              expect(r.caseId).toBe("c-stale")
              expect(r.expectedVersion).toBe(expected)
              expect(r.actualVersion).toBe(3)
              expect(r.message).toMatch(/re-read the case/i)
              expect(r.message).toMatch(/decide again/i)
              expect(r.message).toMatch(/retry/i)
              expect(r.message).toContain("version 3")
            }
          }
        }
        const empty = await store.append("c-new", 1, [])
        expect(empty).toMatchObject({ _tag: "Conflict", actualVersion: 0 })
        expect(await store.version("c-stale")).toBe(3)
        expect((await collect(store)).length).toBe(3)
        // retrying with the version read succeeds
        const v = await store.version("c-stale")
        expect(await store.append("c-stale", v, batch("c-stale", v, 1))).toMatchObject({
          _tag: "Appended",
          version: 4
        })
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
