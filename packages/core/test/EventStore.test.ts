import { describe, expect, it } from "vitest"
import { EventStore } from "../src/index.js"
import { Conformance } from "../src/testing/index.js"

let last: EventStore.MemoryEventStore | undefined
Conformance.runConformance("in-memory reference", {
  open: async () => {
    last = EventStore.makeMemoryStore()
    return last
  },
  corrupt: async (caseId, version, raw) => last!.corrupt(caseId, version, raw)
})

describe("in-memory store", () => {
  it("rejects use after close with a StoreError", async () => {
    const s = EventStore.makeMemoryStore()
    await s.close()
    await expect(s.version("x")).rejects.toBeInstanceOf(EventStore.StoreError)
  })
  it("append returns the new version and events read back equal", async () => {
    const s = EventStore.makeMemoryStore()
    const events = [Conformance.sampleEvent("c1", 1), Conformance.sampleEvent("c1", 2)]
    const r = await s.append("c1", 0, events)
    expect(r).toEqual({ _tag: "Appended", caseId: "c1", version: 2 })
    expect(await s.read("c1")).toEqual(events)
  })
})
