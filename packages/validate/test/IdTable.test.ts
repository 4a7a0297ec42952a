import { fc, test as fcTest } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { IdTable } from "../src/internal/idTable.js"

describe("IdTable", () => {
  fcTest.prop([fc.array(fc.stringMatching(/^[A-Za-z0-9._:-]{0,12}$/), { maxLength: 3000 })], { numRuns: 100 })(
    "behaves like a Map from id to its first index",
    (list) => {
      for (const hash of [undefined, (s: string) => s.length % 3]) check(list, hash)
    }
  )
})

const check = (list: ReadonlyArray<string>, hash: ((s: string) => number) | undefined) => {
  const t = hash === undefined ? new IdTable(4) : new IdTable(4, hash)
  const m = new Map<string, number>()
  for (const s of list) {
    const k = t.add(s)
    if (!m.has(s)) m.set(s, m.size)
    expect(k).toBe(m.get(s))
  }
  expect(t.size).toBe(m.size)
  for (const [s, k] of m) {
    expect(t.find(s)).toBe(k)
    expect(t.idAt(k)).toBe(s)
  }
  for (const s of ["\u0000never added", "CH-1", ""]) if (!m.has(s)) expect(t.find(s)).toBe(-1)
}

describe("attack: ids made to collide", () => {
  it("100,000 ids with one and the same hash are kept in bounded time (the table's hash is not secret)", () => {
    const t = new IdTable(16, () => 42)
    const start = performance.now()
    for (let i = 0; i < 100_000; i++) t.add(`CH-${i}`)
    for (let i = 0; i < 100_000; i++) expect(t.find(`CH-${i}`)).toBe(i)
    expect(t.find("CH-x")).toBe(-1)
    expect(t.add("CH-5")).toBe(5)
    expect(t.size).toBe(100_000)
    expect(performance.now() - start).toBeLessThan(60_000)
  })
})
