import { fc, test as fcTest } from "@fast-check/vitest"
import { Registry, Validation } from "@homeward/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as FastPath from "../src/internal/fastPath.js"

const child = {
  id: "CH-1",
  givenName: "Sok",
  birth: { date: "2010-05-01", estimated: false, basis: "document" },
  sex: "female",
  school: "enrolled",
  disabilities: ["hearing"],
  siblingIds: ["CH-2"]
}
const household = {
  id: "HH-1",
  members: [{ id: "M-1", name: "Dara", relationship: "parent", primaryCaregiver: true, birthYear: 1980 }],
  location: { province: "Siem Reap", village: "Kouk Chak" },
  housing: "suitable",
  livelihood: "stable",
  tracing: "traced"
}

const paths = (o: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> => {
  if (o === null || typeof o !== "object") return [prefix]
  const own = Array.isArray(o) ? o.map((_, i) => i) : Object.keys(o)
  return [prefix, ...own.flatMap((k) => paths((o as Record<string | number, unknown>)[k], [...prefix, k]))]
}

const setAt = (o: unknown, path: ReadonlyArray<string | number>, v: unknown): unknown => {
  if (path.length === 0) return v
  const [k, ...rest] = path as [string | number, ...Array<string | number>]
  const copy = (Array.isArray(o) ? [...o] : { ...(o as object) }) as Record<string | number, unknown>
  if (rest.length === 0 && v === DELETE) delete copy[k]
  else copy[k] = setAt(copy[k], rest, v)
  return copy
}
const DELETE = Symbol("delete")

const values = fc.oneof(
  fc.anything(),
  fc.constantFrom<unknown>(
    DELETE,
    "",
    " ",
    "2023-02-30",
    "2010-5-1",
    "female",
    "Female",
    "x y",
    0,
    5,
    2.5,
    -1,
    true,
    "yes",
    null,
    [],
    {}
  ),
  fc.string()
)

const kase = {
  id: "CASE-1",
  childId: "CH-1",
  institutionId: "RCI-1",
  agencyId: "AG-1",
  socialWorkerId: "SW-1",
  openedOn: "2016-03-01",
  admissionReasons: ["poverty"],
  placement: { type: "residential-care", since: "2014-05-01", institutionId: "RCI-1" }
}

for (const mode of ["codegen", "closures"] as const) {
  describe(`FastPath.compile, ${mode} (sound: accepted ⇒ the full decode succeeds)`, () => {
    for (const [type, base] of [
      ["child", child],
      ["household", household],
      ["case", kase]
    ] as const) {
      const guard = FastPath.compile(Registry.records[type], { codegen: mode === "codegen" })
      const decode = Validation.decoder(Registry.records[type])
      const all = paths(base)

      it(`accepts a valid ${type}`, () => {
        expect(Result.isSuccess(decode(base))).toBe(true)
        expect(guard(base)).toBe(true)
      })

      fcTest.prop([fc.array(fc.tuple(fc.constantFrom(...all), values), { minLength: 1, maxLength: 3 })], {
        numRuns: 1500
      })(`${type}: any mutation the guard accepts also decodes`, (edits) => {
        const input = edits.reduce<unknown>((acc, [p, v]) => setAt(acc, p, v), base)
        if (guard(input)) expect(Result.isSuccess(decode(input))).toBe(true)
      })
    }

    it("rejects the classic mistakes (so they reach the full decode)", () => {
      const guard = FastPath.compile(Registry.records.child, { codegen: mode === "codegen" })
      for (const bad of [
        { ...child, id: "CH 1" },
        { ...child, birth: { date: "2023-02-30", estimated: true } },
        { ...child, sex: "girl" },
        { ...child, givenName: "" },
        { ...child, siblingIds: ["a b"] },
        { ...child, givenName: undefined },
        { ...child, disabilities: ["ok", ""] },
        null,
        [],
        "child"
      ]) {
        expect(guard(bad)).toBe(false)
      }
    })

    it("a partial record: the optional fields may be missing, nothing else is relaxed", () => {
      const guard = FastPath.compile(Registry.records.child, {
        codegen: mode === "codegen",
        optional: new Set(["birth.estimated", "school"])
      })
      const { school: _, ...noSchool } = child
      expect(guard({ ...noSchool, birth: { date: "2010-05-01" } })).toBe(true)
      expect(guard({ ...noSchool, birth: { date: "2010-05-01" }, sex: "girl" })).toBe(false)
      expect(guard({ ...noSchool, birth: {} })).toBe(false)
    })
  })
}

describe("FastPath.compile: both forms answer alike", () => {
  const gen = FastPath.compile(Registry.records.child)
  const clo = FastPath.compile(Registry.records.child, { codegen: false })
  const all = paths(child)
  fcTest.prop([fc.array(fc.tuple(fc.constantFrom(...all), values), { minLength: 0, maxLength: 3 })], { numRuns: 1000 })(
    "same answer for any mutation of a valid child",
    (edits) => {
      const input = edits.reduce<unknown>((acc, [p, v]) => setAt(acc, p, v), child)
      expect(gen(input)).toBe(clo(input))
    }
  )
})
