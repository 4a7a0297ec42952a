import { readFileSync } from "node:fs"
import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { corruptMemoryEvent } from "../src/adapter/index.js"
import * as Core from "../src/index.js"
import { EventStore } from "../src/index.js"
import { Conformance } from "../src/testing/index.js"

let last: EventStore.CaseEventStore | undefined
Conformance.runConformance("in-memory reference", {
  open: async () => {
    last = EventStore.makeMemoryStore()
    return last
  },
  corrupt: async (caseId, version, raw) => corruptMemoryEvent(last!, caseId, version, raw)
})

const ev = (caseId: string, n: number) => ({
  type: "WorkerAssigned" as const,
  eventId: `${caseId}-e${n}`,
  caseId,
  occurredOn: new Date("2018-01-02T00:00:00Z"),
  recordedAt: new Date("2018-01-02T08:00:00Z"),
  actor: { id: "sw1", role: "social-worker" as const },
  socialWorkerId: `sw${n}`
})

describe("EventStore (in-memory reference)", () => {
  it("appends, reads in order, and reports a Conflict on a stale expected version", async () => {
    const store = EventStore.makeMemoryStore()
    const a = await store.append("c1", 0, [ev("c1", 1), ev("c1", 2)])
    expect(a).toEqual({ _tag: "Appended", caseId: "c1", version: 2 })
    const stale = await store.append("c1", 1, [ev("c1", 3)])
    expect(stale._tag).toBe("Conflict")
    if (stale._tag === "Conflict") expect(stale.actualVersion).toBe(2)
    expect((await store.read("c1")).map((e) => e.eventId)).toEqual(["c1-e1", "c1-e2"])
    const all: Array<number> = []
    for await (const s of store.readAll(2)) all.push(s.position)
    expect(all).toEqual([2])
  })
  it("rejects an invalid event and an event of another case; nothing is written", async () => {
    const store = EventStore.makeMemoryStore()
    const bad = await store.append("c1", 0, [ev("c1", 1), { ...ev("c1", 2), eventId: "has space" }])
    expect(bad._tag).toBe("InvalidEvent")
    if (bad._tag === "InvalidEvent") expect([bad.index, bad.issues[0]?.pathString]).toEqual([1, "eventId"])
    const other = await store.append("c1", 0, [ev("c2", 1)])
    expect(other._tag).toBe("InvalidEvent")
    expect(await store.version("c1")).toBe(0)
  })
  it("a corrupted row yields a CorruptEvent naming case and version", async () => {
    const store = EventStore.makeMemoryStore()
    await store.append("c1", 0, [ev("c1", 1), ev("c1", 2)])
    corruptMemoryEvent(store, "c1", 2, "{not json")
    await expect(store.read("c1")).rejects.toMatchObject({ _tag: "CorruptEvent", caseId: "c1", version: 2 })
  })
  it("Effect service: append fails with Conflict, readAll streams", async () => {
    const program = Effect.gen(function* () {
      const s = yield* EventStore.Store
      yield* s.append("c1", 0, [ev("c1", 1)])
      const conflict = yield* Effect.flip(s.append("c1", 0, [ev("c1", 2)]))
      const all = yield* Stream.runCollect(s.readAll())
      return { tag: conflict._tag, n: Array.from(all).length }
    })
    expect(await Effect.runPromise(Effect.provide(program, EventStore.layerMemory))).toEqual({ tag: "Conflict", n: 1 })
  })
  it("adapter internals are not part of the everyday API (they live in @homeward/core/adapter)", () => {
    const api = Object.keys(Core.EventStore)
    for (const name of [
      "encodeBatch",
      "encodeEvent",
      "decodeStored",
      "decodeStoredOrThrow",
      "checkContiguous",
      "corruptMemoryEvent"
    ])
      expect(api).not.toContain(name)
    expect("corrupt" in EventStore.makeMemoryStore()).toBe(false)
    expect(() => corruptMemoryEvent({}, "c1", 1, "x")).toThrow(RangeError)
  })
  it("the adapter entry is exported from package.json and internal modules stay blocked", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      exports: Record<string, unknown>
    }
    expect(pkg.exports["./adapter"]).toMatchObject({ default: "./dist/adapter/index.js" })
    expect(pkg.exports["./internal/*"]).toBeNull()
  })
})
