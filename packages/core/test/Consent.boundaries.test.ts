// Boundary tables of consent coverage (the day a consent is given, withdrawn or expires; the assent age at
// value−1, value, value+1), written so that `pnpm test:mutation` kills what Consent.test.ts leaves alive.
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { CaseState, Consent, PolicyProfile, Profiles } from "../src/index.js"

const at = (d: string) => new Date(`${d}T00:00:00.000Z`)
const P = Profiles.cambodiaMosvy
const DAY = 86_400_000
const asOf = at("2020-06-15")

const consent = (over: Partial<Consent.Consent> = {}): Consent.Consent => ({
  id: "c1",
  kind: "caregiver-consent",
  givenBy: "mother",
  purposes: ["services"],
  agencies: ["AG-1"],
  givenOn: at("2020-01-01"),
  ...over
})
const assent = (over: Partial<Consent.Consent> = {}) =>
  consent({ id: "a1", kind: "child-assent", givenBy: "child", ...over })

/** A case whose child is `age` on 2020-06-15 (born that day `age` years earlier), or has no child record. */
const state = (age: number | undefined, ...consents: Array<Consent.Consent>): CaseState.CaseState => ({
  ...CaseState.initial("c"),
  ...(age === undefined
    ? {}
    : {
        child: {
          id: "CH",
          birth: { date: at(`${2020 - age}-06-15`), estimated: false },
          sex: "female" as const,
          school: "enrolled" as const
        }
      }),
  consents: Object.fromEntries(consents.map((c) => [c.id, c]))
})

const codes = (d: { reasons: ReadonlyArray<{ code: string }> }) => d.reasons.map((r) => r.code)
const scope = PolicyProfile.cite

describe("Consent.isInForce boundaries [HR-consent-scope]", () => {
  it.each([
    ["given a millisecond later", false, { givenOn: new Date(asOf.getTime() + 1) }],
    ["given that instant", true, { givenOn: asOf }],
    ["given the day before", true, { givenOn: new Date(asOf.getTime() - DAY) }],
    ["withdrawn that instant", false, { withdrawnOn: asOf }],
    ["withdrawn a millisecond later", true, { withdrawnOn: new Date(asOf.getTime() + 1) }],
    ["withdrawn a millisecond before", false, { withdrawnOn: new Date(asOf.getTime() - 1) }],
    ["expires that instant", false, { expiresOn: asOf }],
    ["expires a millisecond later", true, { expiresOn: new Date(asOf.getTime() + 1) }],
    ["expires a millisecond before", false, { expiresOn: new Date(asOf.getTime() - 1) }]
  ] as const)("%s → in force: %s", (_, expected, over) => {
    expect(Consent.isInForce(consent(over), asOf)).toBe(expected)
  })

  it("an invalid day throws a named error", () => {
    expect(() => Consent.isInForce(consent(), new Date(Number.NaN))).toThrow(/asOf/)
  })
})

describe("Consent.consentCovers reasons [HR-consent-scope, HD-assent-age]", () => {
  const source = { document: expect.any(String) }

  it.each([
    ["given-after-asof", { givenOn: new Date(asOf.getTime() + 1) }],
    ["withdrawn", { withdrawnOn: asOf }],
    ["expired", { expiresOn: asOf }],
    ["purpose-not-in-scope", { purposes: ["tracing"] as const }],
    ["agency-not-in-scope", { agencies: ["AG-2"] }]
  ] as const)("a caregiver consent that is %s does not cover, and says why", (problem, over) => {
    const d = Consent.consentCovers(state(5, consent(over)), P, asOf, "services", "AG-1")
    expect(d.outcome).toEqual({ covered: false, assentRequired: false })
    expect(d.reasons).toEqual([
      {
        code: `caregiver-consent-${problem}`,
        rule: "consent/covers",
        source: expect.objectContaining(source),
        severity: "info",
        message: "This record does not cover the purpose and agency on the date.",
        details: { consentId: "c1", purpose: "services", problem }
      },
      {
        code: "no-caregiver-consent",
        rule: "consent/covers",
        source: expect.objectContaining({ key: "HR-consent-scope" }),
        severity: "blocker",
        message: "No caregiver consent in force covers this purpose for this agency.",
        details: { purpose: "services" }
      }
    ])
  })

  it("the checks run in order: given after the day before withdrawn, withdrawn before expired, …", () => {
    const all = {
      givenOn: new Date(asOf.getTime() + 1),
      withdrawnOn: asOf,
      expiresOn: asOf,
      purposes: ["tracing"] as const,
      agencies: ["AG-2"]
    }
    const problem = (over: Partial<Consent.Consent>) =>
      Consent.consentCovers(state(5, consent(over)), P, asOf, "services", "AG-1").reasons[0]!.details!["problem"]
    expect(problem(all)).toBe("given-after-asof")
    expect(problem({ ...all, givenOn: asOf })).toBe("withdrawn")
    expect(problem({ ...all, givenOn: asOf, withdrawnOn: undefined } as never)).toBe("expired")
    const { withdrawnOn: _w, expiresOn: _e, ...rest } = all
    expect(problem({ ...rest, givenOn: asOf })).toBe("purpose-not-in-scope")
    expect(problem({ ...rest, givenOn: asOf, purposes: ["services"] })).toBe("agency-not-in-scope")
  })

  it("a consent that covers says so; the first covering record by id is the one named", () => {
    const d = Consent.consentCovers(
      state(5, consent({ id: "c2" }), consent({ id: "c1" }), consent({ id: "c3", agencies: ["AG-9"] })),
      P,
      asOf,
      "services",
      "AG-1"
    )
    expect(d.outcome).toEqual({ covered: true, assentRequired: false, consentId: "c1" })
    expect(codes(d)).toEqual([
      "caregiver-consent-covers",
      "caregiver-consent-covers",
      "caregiver-consent-agency-not-in-scope"
    ])
    expect(d.reasons.map((r) => r.details!["consentId"])).toEqual(["c1", "c2", "c3"])
    expect(d.reasons[0]).toEqual({
      code: "caregiver-consent-covers",
      rule: "consent/covers",
      source: expect.objectContaining({ key: "HR-consent-scope" }),
      severity: "info",
      message: "This record covers the purpose and agency on the date.",
      details: { consentId: "c1", purpose: "services", problem: null }
    })
    expect(d.policy.id).toBe(P.id)
    expect(d.asOf).toEqual(asOf)
  })

  it("an assent is not a caregiver consent and a caregiver consent is not an assent", () => {
    const onlyAssent = Consent.consentCovers(state(15, assent()), P, asOf, "services", "AG-1")
    expect(onlyAssent.outcome).toEqual({ covered: false, assentRequired: true, assentId: "a1" })
    expect(codes(onlyAssent)).toEqual(["child-assent-covers", "no-caregiver-consent"])
    const onlyConsent = Consent.consentCovers(state(15, consent()), P, asOf, "services", "AG-1")
    expect(onlyConsent.outcome).toEqual({ covered: false, assentRequired: true, consentId: "c1" })
    expect(codes(onlyConsent)).toEqual(["caregiver-consent-covers", "no-child-assent"])
    // two assents and two consents: the first of each by id
    const both = Consent.consentCovers(
      state(15, assent({ id: "a2" }), assent({ id: "a1" }), consent({ id: "c2" }), consent({ id: "c1" })),
      P,
      asOf,
      "services",
      "AG-1"
    )
    expect(both.outcome).toEqual({ covered: true, assentRequired: true, consentId: "c1", assentId: "a1" })
    expect(both.reasons.every((r) => r.severity === "info")).toBe(true)
  })

  it.each([
    [11, false],
    [12, true],
    [13, true]
  ] as const)("[HD-assent-age: from 12] a child of %i needs assent: %s", (age, required) => {
    const d = Consent.consentCovers(state(age, consent()), P, asOf, "services", "AG-1")
    expect(d.outcome.assentRequired).toBe(required)
    expect(d.outcome.covered).toBe(!required)
    if (required)
      expect(d.reasons.at(-1)).toEqual({
        code: "no-child-assent",
        rule: "consent/child-assent",
        source: scope(P, "eligibility", "childAssentFromAge"),
        severity: "blocker",
        message: "The child is old enough to give assent and no assent in force covers this purpose and agency.",
        details: { assentFromAge: 12 }
      })
    else expect(d.reasons.every((r) => r.severity === "info")).toBe(true)
    expect(Consent.isCovered(state(age, consent()), P, asOf, "services", "AG-1")).toBe(!required)
    expect(Consent.isCovered(state(age, consent(), assent()), P, asOf, "services", "AG-1")).toBe(true)
  })

  it("a child whose age is unknown needs assent", () => {
    const d = Consent.consentCovers(state(undefined, consent()), P, asOf, "services", "AG-1")
    expect(d.outcome).toEqual({ covered: false, assentRequired: true, consentId: "c1" })
    expect(d.reasons.at(-1)).toEqual({
      code: "child-age-unknown-assent-required",
      rule: "consent/child-assent",
      source: scope(P, "eligibility", "childAssentFromAge"),
      severity: "blocker",
      message:
        "The child's age is unknown, so the child's own assent is required and none in force covers this purpose and agency.",
      details: { assentFromAge: 12 }
    })
    expect(
      Consent.consentCovers(state(undefined, consent(), assent()), P, asOf, "services", "AG-1").outcome.covered
    ).toBe(true)
  })

  it("no consent at all: both blockers", () => {
    const d = Consent.consentCovers(state(14), P, asOf, "tracing", "AG-1")
    expect(d.outcome).toEqual({ covered: false, assentRequired: true })
    expect(codes(d)).toEqual(["no-caregiver-consent", "no-child-assent"])
    expect(d.reasons[0]!.details).toEqual({ purpose: "tracing" })
  })
})

describe("Consent schema", () => {
  const decode = Schema.decodeUnknownResult(Consent.Consent)
  const encoded = {
    id: "c1",
    kind: "caregiver-consent",
    givenBy: "m",
    purposes: ["services"],
    agencies: ["AG-1"],
    givenOn: "2020-01-01"
  }
  it("needs at least one purpose and one agency", () => {
    expect(Result.isSuccess(decode(encoded))).toBe(true)
    expect(Result.isFailure(decode({ ...encoded, purposes: [] }))).toBe(true)
    expect(Result.isFailure(decode({ ...encoded, agencies: [] }))).toBe(true)
    expect(Result.isFailure(decode({ ...encoded, kind: "consent" }))).toBe(true)
    expect(Result.isFailure(decode({ ...encoded, purposes: ["marketing"] }))).toBe(true)
    expect(Consent.Purpose.literals).toEqual(["services", "tracing", "information-sharing", "reporting"])
  })
})
