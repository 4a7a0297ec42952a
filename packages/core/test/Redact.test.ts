import { Arbitrary, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CaseEvent, Child, Common, Household, Redact } from "../src/index.js"
import { checkSchemaProperty } from "./helpers.js"

const sensitiveStrings = (schema: Schema.Top, value: unknown): Array<string> => {
  // Collect the values redact replaces, by diffing the encoded value with its redacted copy.
  const out: Array<string> = []
  const redacted = Redact.redact(schema, value)
  const walk = (a: unknown, b: unknown) => {
    if (b === Common.REDACTED && a !== Common.REDACTED) {
      out.push(JSON.stringify(a))
      return
    }
    if (a !== null && typeof a === "object" && b !== null && typeof b === "object") {
      for (const k of Object.keys(a)) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    }
  }
  walk(value, redacted)
  return out
}

describe("Redact.redact", () => {
  it("replaces names, contacts, village and notes, keeps the rest", () => {
    const household = {
      id: "HH-1",
      members: [{ id: "m1", name: "Sreymom", relationship: "parent", primaryCaregiver: true }],
      location: { province: "Siem Reap", district: "Puok", village: "Kok Chak", address: "#12" },
      contact: { phone: "012 345 678" },
      housing: "suitable",
      livelihood: "stable",
      tracing: "traced",
      notes: "father drinks"
    }
    const r = Redact.redact(Household.Household, household) as typeof household
    expect(r.members[0]?.name).toBe(Common.REDACTED)
    expect(r.location).toEqual({
      province: "Siem Reap",
      district: "Puok",
      village: Common.REDACTED,
      address: Common.REDACTED
    })
    expect(r.contact).toBe(Common.REDACTED)
    expect(r.notes).toBe(Common.REDACTED)
    expect(r.housing).toBe("suitable")
  })
  it("walks tagged unions (case events)", () => {
    const ev = {
      type: "CaseOpened",
      eventId: "e1",
      caseId: "c1",
      occurredOn: "2018-01-01",
      recordedAt: "2018-01-01T00:00:00Z",
      actor: { id: "sw1", role: "social-worker" },
      reason: "admitted after a report",
      child: {
        id: "CH-1",
        givenName: "Dara",
        birth: { date: "2010-01-01", estimated: false },
        sex: "male",
        school: "enrolled"
      },
      institutionId: "rci1",
      agencyId: "dosvy",
      socialWorkerId: "sw1",
      admissionReasons: ["poverty"],
      placement: { type: "residential-care", since: "2015-01-01" }
    }
    const r = Redact.redact(CaseEvent.CaseEvent, ev) as typeof ev
    expect(r.reason).toBe(Common.REDACTED)
    expect(r.child.givenName).toBe(Common.REDACTED)
    expect(r.child.id).toBe("CH-1")
  })
  it("property: after redaction no sensitive value of a generated child remains in its JSON", async () => {
    await checkSchemaProperty(Arbitrary.schema(Child.Child), (child) => {
      const encoded = Schema.encodeSync(Child.Child)(child)
      const secrets = sensitiveStrings(Child.Child, encoded).filter((s) => s.length > 8)
      const text = JSON.stringify(Redact.redact(Child.Child, encoded))
      return secrets.every((s) => !text.includes(s))
    })
  })
})
