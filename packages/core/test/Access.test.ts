import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { Access, Child, Household } from "../src/index.js"

const arbSensitivity = fc.constantFrom(...Access.sensitivities)
const arbScope = fc.constantFrom<Access.Scope>("assigned", "supervised", "agency", "shared", "all")
const arbAction = fc.constantFrom<Access.Action>(
  "read",
  "write",
  "refer",
  "transfer",
  "request-approval",
  "approve",
  "export",
  "aggregate-report"
)
// Keys an attacker would try: prototype keys, dotted keys that spell another path, look-alikes.
const KEYS = ["a", "b", "c", "child", "name", "__proto__", "constructor", "a.b", "b.c", "toString", "", "*"]
const arbKey = fc.constantFrom(...KEYS)
const arbPath = fc.array(fc.oneof(arbKey, fc.constant("*")), { minLength: 1, maxLength: 3 }).map((p) => p.join("."))
const arbRoleRule: fc.Arbitrary<Access.RoleRule> = fc.record({
  scope: arbScope,
  see: fc.uniqueArray(arbSensitivity),
  actions: fc.uniqueArray(arbAction)
})
const arbPolicy: fc.Arbitrary<Access.AccessPolicy> = fc.record({
  roles: fc.record({
    "case-worker": arbRoleRule,
    supervisor: arbRoleRule,
    manager: arbRoleRule,
    "data-officer": arbRoleRule,
    researcher: arbRoleRule,
    "partner-agency": arbRoleRule
  }),
  fields: fc
    .array(fc.tuple(arbPath, arbSensitivity), { maxLength: 12 })
    .map((xs) => Object.fromEntries(xs) as Record<string, Access.Sensitivity>),
  source: fc.constant(Access.defaultPolicy.source)
})
const arbId = fc.constantFrom("u1", "u2", "u3")
const arbAgency = fc.constantFrom("AG-1", "AG-2")
const arbViewer: fc.Arbitrary<Access.Viewer> = fc.record(
  {
    id: arbId,
    role: fc.constantFrom(...Access.roles),
    agencyId: arbAgency,
    supervises: fc.uniqueArray(arbId)
  },
  { requiredKeys: ["id", "role", "agencyId"] }
)

/** A record whose every leaf is a unique secret token, so a leak is visible in the output's JSON. */
const arbData = (): fc.Arbitrary<Record<string, unknown>> => {
  let n = 0
  const leaf = fc.constant(null).map(() => `SECRET-${++n}-END`)
  const { tree } = fc.letrec<{ tree: unknown; obj: Record<string, unknown> }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      tie("obj"),
      fc.array(tie("tree"), { maxLength: 3 })
    ),
    obj: fc
      .array(fc.tuple(arbKey, tie("tree")), { maxLength: 4 })
      .map((kvs) => Object.fromEntries(kvs) as Record<string, unknown>)
  }))
  return fc.array(fc.tuple(arbKey, tree), { maxLength: 5 }).map((kvs) => Object.fromEntries(kvs))
}
const arbRecord: fc.Arbitrary<Access.AccessRecord> = fc.record(
  {
    agencyId: arbAgency,
    socialWorkerId: arbId,
    sharedWith: fc.uniqueArray(arbAgency),
    data: arbData()
  },
  { requiredKeys: ["data"] }
)

/** Oracle, written apart from the module: the leaves (path, token) of a value, arrays sharing their path. */
const leaves = (v: unknown, path: ReadonlyArray<string>, out: Array<[ReadonlyArray<string>, string]>) => {
  if (typeof v === "string") out.push([path, v])
  else if (Array.isArray(v)) for (const x of v) leaves(x, path, out)
  else if (v !== null && typeof v === "object")
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) leaves(x, [...path, k], out)
  return out
}
/** Oracle: longest classified prefix, dotted keys restricted. */
const oracleSensitivity = (policy: Access.AccessPolicy, path: ReadonlyArray<string>): Access.Sensitivity => {
  if (path.some((k) => k.includes("."))) return "restricted"
  const order = Access.sensitivities
  let best: Access.Sensitivity = "restricted"
  let bestLen = 0
  for (const [p, s] of Object.entries(policy.fields)) {
    const parts = p.split(".")
    if (parts.length > path.length || !parts.every((x, i) => x === "*" || x === path[i])) continue
    if (parts.length > bestLen || (parts.length === bestLen && order.indexOf(s) > order.indexOf(best))) {
      best = s
      bestLen = parts.length
    }
  }
  return best
}
const oracleInScope = (policy: Access.AccessPolicy, v: Access.Viewer, r: Access.AccessRecord): boolean => {
  const rule = policy.roles[v.role]
  switch (rule.scope) {
    case "all":
      return true
    case "agency":
      return r.agencyId === v.agencyId
    case "shared":
      return (r.sharedWith ?? []).includes(v.agencyId)
    case "supervised":
      return (
        r.agencyId === v.agencyId &&
        r.socialWorkerId !== undefined &&
        (r.socialWorkerId === v.id || (v.supervises ?? []).includes(r.socialWorkerId))
      )
    case "assigned":
      return r.socialWorkerId === v.id
  }
}

describe("Access.redactFor (privacy promise)", () => {
  test.prop([arbPolicy, arbViewer, arbRecord], { numRuns: 1500 })(
    "attacker: no token of a field the policy hides from the viewer appears anywhere in what the viewer receives",
    (policy, viewer, record) => {
      const seen = Access.redactFor(viewer, record, policy)
      const all = leaves(record.data, [], [])
      const rule = policy.roles[viewer.role]
      const readable = rule.actions.includes("read") || rule.actions.includes("aggregate-report")
      const allowed = new Set(rule.see)
      const text = seen === undefined ? "" : JSON.stringify(seen)
      // Also look through prototypes: a `__proto__` key must not smuggle data into an inherited property.
      const deep = (v: unknown): string => {
        if (v === null || typeof v !== "object") return String(v)
        const proto = Object.getPrototypeOf(v)
        const own = Array.isArray(v) ? v.map(deep).join(",") : Object.keys(v).map((k) => k + deep((v as never)[k]))
        return `${own}${proto !== null && proto !== Object.prototype && proto !== Array.prototype ? deep(proto) : ""}`
      }
      const everything = seen === undefined ? "" : `${text}${deep(seen)}`
      for (const [path, token] of all) {
        const visible =
          readable && oracleInScope(policy, viewer, record) && allowed.has(oracleSensitivity(policy, path))
        if (!visible) expect(everything.includes(token), `hidden ${path.join("/")} leaked`).toBe(false)
      }
      if (!oracleInScope(policy, viewer, record) || !readable) expect(seen).toBeUndefined()
    }
  )

  test.prop([arbPolicy, arbViewer, arbRecord], { numRuns: 500 })(
    "nothing is lost that the viewer may see, and nothing is invented",
    (policy, viewer, record) => {
      const seen = Access.redactFor(viewer, record, policy)
      if (seen === undefined) return
      const allowed = new Set(policy.roles[viewer.role].see)
      const expected = leaves(record.data, [], [])
        .filter(([p]) => allowed.has(oracleSensitivity(policy, p)))
        .map(([p, t]) => `${p.join("\u0000")}=${t}`)
        .sort()
      const got = leaves(seen, [], [])
        .map(([p, t]) => `${p.join("\u0000")}=${t}`)
        .sort()
      expect(got).toEqual(expected)
    }
  )

  test.prop([arbPolicy, arbViewer, arbRecord], { numRuns: 300 })(
    "never mutates the record",
    (policy, viewer, record) => {
      const before = JSON.stringify(record)
      Access.redactFor(viewer, record, policy)
      expect(JSON.stringify(record)).toBe(before)
    }
  )

  it("a __proto__ key in the data (as JSON.parse makes it) is an own field, never a prototype", () => {
    const data = JSON.parse('{"__proto__": {"polluted": "SECRET"}, "caseId": "c1"}') as Record<string, unknown>
    const policy = { ...Access.defaultPolicy, fields: { ...Access.defaultPolicy.fields, __proto__: "identifier" } }
    const seen = Access.redactFor(
      { id: "sw1", role: "case-worker", agencyId: "AG-1" },
      {
        socialWorkerId: "sw1",
        data
      },
      policy as Access.AccessPolicy
    ) as Record<string, unknown>
    expect(Object.getPrototypeOf(seen)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
    const restricted = Access.redactFor({ id: "r1", role: "researcher", agencyId: "X" }, { data })
    expect(JSON.stringify(restricted)).not.toContain("SECRET")
    expect((restricted as Record<string, unknown>)["polluted"]).toBeUndefined()
  })
})

describe("Access default policy (HR-access)", () => {
  const record: Access.AccessRecord = {
    agencyId: "AG-1",
    socialWorkerId: "sw1",
    sharedWith: ["AG-2"],
    data: {
      caseId: "c1",
      status: "open",
      phase: { phase: "assessment" },
      child: { id: "CH-1", givenName: "Dara", familyName: "Sok", sex: "male", birth: { date: "2010-01-01" } },
      households: { "HH-1": { notes: "father drinks" } },
      incidents: { i1: { severity: "high" } },
      referrals: [{ id: "r1", toAgencyId: "AG-2", service: "livelihood", status: "pending" }]
    }
  }
  it("the assigned case worker sees everything; another worker nothing", () => {
    expect(Access.redactFor({ id: "sw1", role: "case-worker", agencyId: "AG-1" }, record)).toEqual(record.data)
    expect(Access.redactFor({ id: "sw2", role: "case-worker", agencyId: "AG-1" }, record)).toBeUndefined()
  })
  it("a supervisor sees the team's cases only, in the agency", () => {
    expect(Access.redactFor({ id: "s1", role: "supervisor", agencyId: "AG-1", supervises: ["sw1"] }, record)).toEqual(
      record.data
    )
    expect(Access.redactFor({ id: "s1", role: "supervisor", agencyId: "AG-1", supervises: ["sw9"] }, record)).toBe(
      undefined
    )
    expect(
      Access.redactFor({ id: "s1", role: "supervisor", agencyId: "AG-2", supervises: ["sw1"] }, record)
    ).toBeUndefined()
  })
  it("a data officer of the agency sees no name, household or incident", () => {
    const seen = Access.redactFor({ id: "d1", role: "data-officer", agencyId: "AG-1" }, record)
    expect(JSON.stringify(seen)).not.toMatch(/Dara|Sok|drinks|high/)
    expect(seen?.["caseId"]).toBe("c1")
  })
  it("a researcher sees statistical fields only, and no id", () => {
    const seen = Access.redactFor({ id: "r1", role: "researcher", agencyId: "UNI" }, record)
    expect(seen).toEqual({
      status: "open",
      phase: { phase: "assessment" },
      child: { sex: "male" },
      referrals: [{ service: "livelihood", status: "pending" }]
    })
  })
  it("a partner agency sees a shared case's ids and case work, never names; an unshared case not at all", () => {
    const seen = Access.redactFor({ id: "p1", role: "partner-agency", agencyId: "AG-2" }, record)
    expect(JSON.stringify(seen)).not.toMatch(/Dara|Sok|drinks/)
    expect(seen?.["referrals"]).toEqual(record.data["referrals"])
    expect(Access.redactFor({ id: "p1", role: "partner-agency", agencyId: "AG-3" }, record)).toBeUndefined()
  })
  it("records keyed by id: an approval's comment (approvals.*.comment) is hidden from a partner agency", () => {
    const withApproval: Access.AccessRecord = {
      ...record,
      data: { ...record.data, approvals: { "AP-1": { id: "AP-1", status: "approved", comment: "went well" } } }
    }
    const seen = Access.redactFor({ id: "p1", role: "partner-agency", agencyId: "AG-2" }, withApproval)
    expect(seen?.["approvals"]).toEqual({ "AP-1": { id: "AP-1", status: "approved" } })
    expect(Access.sensitivityOf(Access.defaultPolicy, ["approvals", "AP-1", "comment"])).toBe("sensitive")
  })
  it("can: a supervisor approves the team's cases; a case worker cannot approve", () => {
    expect(Access.can({ id: "s1", role: "supervisor", agencyId: "AG-1", supervises: ["sw1"] }, "approve", record)).toBe(
      true
    )
    expect(Access.can({ id: "sw1", role: "case-worker", agencyId: "AG-1" }, "approve", record)).toBe(false)
  })
  it("fieldsFromSchema marks the schema's sensitive fields", () => {
    const f = Access.fieldsFromSchema(Household.Household, "operational")
    expect(f["notes"]).toBe("sensitive")
    expect(f["housing"]).toBe("operational")
    const c = Access.fieldsFromSchema(Child.Child, "operational", "child")
    expect(c["child.givenName"]).toBe("sensitive")
    expect(c["child.id"]).toBe("operational")
  })
})
