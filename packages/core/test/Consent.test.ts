import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { CaseState, Consent, Profiles } from "../src/index.js"
import { arbConsentKnob, arbDay } from "./arbitraries.js"
import { assertDeterministic } from "./helpers.js"
import { type ConsentKnob, stateFrom } from "./scenario.js"

const P = Profiles.cambodiaMosvy
const assentFrom = P.parameters.eligibility.childAssentFromAge.value
const arbPurpose = fc.constantFrom(...Consent.Purpose.literals)
const arbAgency = fc.constantFrom("AG-1", "AG-2", "AG-3")
const arbAge = fc.integer({ min: 0, max: 19 })
const arbConsents = fc.uniqueArray(arbConsentKnob, { maxLength: 4, selector: (c) => c.id })

/** Oracle: a knob is in force and in scope on asOf (asOf = day 0 of the scenario). */
const matches = (c: ConsentKnob, purpose: string, agency: string) =>
  c.givenDaysAgo >= 0 &&
  (c.withdrawnDaysAgo === undefined || c.withdrawnDaysAgo < 0) &&
  (c.expiresInDays === undefined || c.expiresInDays > 0) &&
  c.purposes.includes(purpose as never) &&
  c.agencies.includes(agency)

describe("Consent.consentCovers", () => {
  test.prop([arbConsents, arbAge, arbPurpose, arbAgency, arbDay], { numRuns: 300 })(
    "matches the oracle: caregiver consent in force and in scope, plus assent from childAssentFromAge",
    (consents, age, purpose, agency, asOf) => {
      const s = stateFrom({ childAge: age, consents }, asOf)
      const d = Consent.consentCovers(s, P, asOf, purpose, agency)
      const caregiver = consents.some((c) => c.kind === "caregiver-consent" && matches(c, purpose, agency))
      const assent = consents.some((c) => c.kind === "child-assent" && matches(c, purpose, agency))
      expect(d.outcome.assentRequired).toBe(age >= assentFrom)
      expect(d.outcome.covered).toBe(caregiver && (age < assentFrom || assent))
    }
  )

  test.prop([arbConsents, arbAge, arbPurpose, arbAgency, arbDay], { numRuns: 300 })(
    "covered ⇒ the matched records are in force with the purpose and the agency in scope",
    (consents, age, purpose, agency, asOf) => {
      const s = stateFrom({ childAge: age, consents }, asOf)
      const d = Consent.consentCovers(s, P, asOf, purpose, agency)
      fc.pre(d.outcome.covered)
      for (const id of [d.outcome.consentId, d.outcome.assentId]) {
        if (id === undefined) continue
        const c = s.consents[id]!
        expect(c.purposes).toContain(purpose)
        expect(c.agencies).toContain(agency)
        expect(Consent.isInForce(c, asOf)).toBe(true)
      }
      expect(d.outcome.consentId).toBeDefined()
      if (age >= assentFrom) expect(d.outcome.assentId).toBeDefined()
    },
    120_000
  )

  test.prop(
    [
      arbConsents,
      fc.constantFrom<(c: ConsentKnob) => ConsentKnob>(
        (c) => ({ ...c, withdrawnDaysAgo: 0 }),
        (c) => ({ ...c, expiresInDays: 0 }),
        (c) => ({ ...c, expiresInDays: -10 }),
        (c) => ({ ...c, givenDaysAgo: -1 })
      ),
      arbAge,
      arbPurpose,
      arbAgency,
      arbDay
    ],
    { numRuns: 200 }
  )("withdrawn, expired or not-yet-given consents never cover", (consents, spoil, age, purpose, agency, asOf) => {
    const s = stateFrom({ childAge: age, consents: consents.map(spoil) }, asOf)
    expect(Consent.consentCovers(s, P, asOf, purpose, agency).outcome.covered).toBe(false)
    expect(Consent.isCovered(s, P, asOf, purpose, agency)).toBe(false)
  })

  test.prop([arbConsents, arbAge, arbPurpose, arbAgency, arbDay])(
    "is deterministic and every reason is cited",
    (consents, age, purpose, agency, asOf) => {
      const s = stateFrom({ childAge: age, consents }, asOf)
      assertDeterministic((x: typeof s) => Consent.consentCovers(x, P, asOf, purpose, agency), s)
      const d = Consent.consentCovers(s, P, asOf, purpose, agency)
      expect(d.reasons.length).toBeGreaterThan(0)
      for (const r of d.reasons) expect(r.code.length * r.rule.length * r.source.document.length).toBeGreaterThan(0)
    }
  )

  it("an unknown child age requires assent (the safe side)", () => {
    const asOf = new Date("2018-06-01")
    const s = stateFrom(
      {
        childAge: null,
        consents: [{ id: "C1", kind: "caregiver-consent", purposes: ["tracing"], agencies: ["AG-1"], givenDaysAgo: 3 }]
      },
      asOf
    )
    const d = Consent.consentCovers(s, P, asOf, "tracing", "AG-1")
    expect(d.outcome).toMatchObject({ covered: false, assentRequired: true, consentId: "C1" })
    expect(d.reasons.map((r) => r.code)).toContain("child-age-unknown-assent-required")
  })

  it("reasons never carry who gave consent", () => {
    const asOf = new Date("2018-06-01")
    const s = {
      ...CaseState.initial("c"),
      consents: {
        C1: {
          id: "C1",
          kind: "caregiver-consent" as const,
          givenBy: "PERSON-SECRET-7",
          purposes: ["tracing" as const],
          agencies: ["AG-1"],
          givenOn: new Date("2018-01-01")
        }
      }
    }
    expect(JSON.stringify(Consent.consentCovers(s, P, asOf, "tracing", "AG-1"))).not.toContain("PERSON-SECRET-7")
  })
})
