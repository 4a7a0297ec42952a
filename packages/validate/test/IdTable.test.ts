import { fc, test as fcTest } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import { IdTable } from "../src/internal/idTable.js"

describe("IdTable", () => {
  fcTest.prop([fc.array(fc.stringMatching(/^[A-Za-z0-9._:-]{0,12}$/), { maxLength: 3000 })], { numRuns: 100 })(
    "behaves like a Map from id to its first index",
    (list) => {
      const t = new IdTable(4)
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
  )
})
