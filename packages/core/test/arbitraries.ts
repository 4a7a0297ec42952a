/**
 * Domain generators (fast-check) for rule property tests: valid records
 * (each checked in `Arbitraries.test.ts` to decode with its Schema) and
 * scenario knobs that `scenario.stateFrom` turns into case states.
 */
import { fc } from "@fast-check/vitest"
import type { FollowUp } from "../src/index.js"
import { Assessment, BestInterest, Case, ChildViews, Consent, Household, Support } from "../src/index.js"
import { type ConsentKnob, type Knobs, type RiskKnob, readyKnobs } from "./scenario.js"

const DAY = 86_400_000

/** A calendar day (00:00 UTC) between 2000 and 2035. */
export const arbDay: fc.Arbitrary<Date> = fc
  .integer({ min: Date.UTC(2000, 0, 1) / DAY, max: Date.UTC(2035, 11, 31) / DAY })
  .map((d) => new Date(d * DAY))

/** A pseudonymous id with a prefix. */
export const arbId = (prefix: string): fc.Arbitrary<string> =>
  fc.integer({ min: 1, max: 9999 }).map((n) => `${prefix}-${n}`)

/** A 1–4 score. */
export const arbScore: fc.Arbitrary<number> = fc.integer({ min: 1, max: 4 })

const lits = <A extends string>(xs: ReadonlyArray<A>): fc.Arbitrary<A> => fc.constantFrom(...xs)

/** Child wellbeing domain scores (5 domains). */
export const arbChildWellbeing: fc.Arbitrary<Assessment.ChildWellbeing> = fc.record({
  health: arbScore,
  education: arbScore,
  emotionalSocial: arbScore,
  safetyEnvironment: arbScore,
  nutrition: arbScore
})

/** Family protective capacity domain scores (6 domains). */
export const arbFamilyCapacity: fc.Arbitrary<Assessment.FamilyCapacity> = fc.record({
  basicCare: arbScore,
  safetyStability: arbScore,
  emotionalBonding: arbScore,
  economicCapacity: arbScore,
  familyFunctioning: arbScore,
  community: arbScore
})

/** Follow-up criteria (five A/B/C ratings). */
export const arbFollowUpCriteria: fc.Arbitrary<FollowUp.FollowUpCriteria> = fc.record({
  health: lits(["A", "B", "C"] as const),
  education: lits(["A", "B", "C"] as const),
  food: lits(["A", "B", "C"] as const),
  relationship: lits(["A", "B", "C"] as const),
  safety: lits(["A", "B", "C"] as const)
})

/** A risk finding. */
export const arbRiskFinding: fc.Arbitrary<Assessment.RiskFinding> = fc.record({
  factor: lits(Assessment.RiskFactor.literals),
  mitigation: lits(Assessment.MitigationStatus.literals)
})

/** An assessment record. */
export const arbAssessment: fc.Arbitrary<Assessment.Assessment> = fc
  .record({
    id: arbId("AS"),
    kind: lits(Assessment.AssessmentKind.literals),
    date: arbDay,
    assessorId: arbId("SW"),
    householdId: fc.option(arbId("HH"), { nil: undefined }),
    childWellbeing: fc.option(arbChildWellbeing, { nil: undefined }),
    familyCapacity: fc.option(arbFamilyCapacity, { nil: undefined }),
    riskFactors: fc.array(arbRiskFinding, { maxLength: 4 }),
    riskLevel: fc.option(lits(Assessment.RiskLevel.literals), { nil: undefined }),
    conclusion: fc.option(lits(Assessment.Conclusion.literals), { nil: undefined })
  })
  .map(({ householdId, childWellbeing, familyCapacity, riskLevel, conclusion, ...rest }) => ({
    ...rest,
    ...(householdId === undefined ? {} : { householdId }),
    ...(childWellbeing === undefined ? {} : { childWellbeing }),
    ...(familyCapacity === undefined ? {} : { familyCapacity }),
    ...(riskLevel === undefined ? {} : { riskLevel }),
    ...(conclusion === undefined ? {} : { conclusion })
  }))

/** A household record. */
export const arbHousehold: fc.Arbitrary<Household.Household> = fc.record({
  id: arbId("HH"),
  members: fc.array(
    fc.record({
      id: arbId("M"),
      relationship: lits(Household.Relationship.literals),
      primaryCaregiver: fc.boolean()
    }),
    { maxLength: 4 }
  ),
  location: fc.constantFrom({ province: "Siem Reap" }, { province: "Phnom Penh", district: "Daun Penh" }),
  housing: lits(Household.Housing.literals),
  livelihood: lits(Household.Livelihood.literals),
  tracing: lits(Household.TracingStatus.literals)
})

/** The child's views. */
export const arbChildViews: fc.Arbitrary<ChildViews.ChildViews> = fc.record({
  date: arbDay,
  heardBy: arbId("SW"),
  howHeard: lits(ChildViews.HowHeard.literals),
  wish: lits(ChildViews.Wish.literals),
  preferredPeople: fc
    .uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 3 })
    .chain((ranks) =>
      fc.tuple(
        ...ranks.map((rank) =>
          fc.record({ rank: fc.constant(rank), relationship: lits(Household.Relationship.literals) })
        )
      )
    )
})

/** A best-interest determination. */
export const arbBid: fc.Arbitrary<BestInterest.BestInterestDetermination> = fc
  .record({
    id: arbId("BID"),
    date: arbDay,
    panel: fc.array(
      fc.record({
        memberId: arbId("P"),
        role: fc.constantFrom("social-worker" as const, "government-official" as const)
      }),
      {
        minLength: 1,
        maxLength: 3
      }
    ),
    childViewsConsidered: fc.boolean(),
    familyViewsConsidered: fc.boolean(),
    optionsConsidered: fc.uniqueArray(lits(BestInterest.BidOption.literals), { minLength: 1, maxLength: 3 }),
    recommendation: lits(BestInterest.BidOption.literals),
    placementType: fc.option(lits(Case.PlacementType.literals), { nil: undefined }),
    householdId: fc.option(arbId("HH"), { nil: undefined })
  })
  .map(({ placementType, householdId, ...rest }) => ({
    ...rest,
    ...(placementType === undefined ? {} : { placementType }),
    ...(householdId === undefined ? {} : { householdId })
  }))

/** A consent record (dates ordered: given, then possibly expiry and withdrawal later). */
export const arbConsent: fc.Arbitrary<Consent.Consent> = fc
  .record({
    id: arbId("CON"),
    kind: fc.constantFrom("caregiver-consent" as const, "child-assent" as const),
    givenBy: arbId("M"),
    purposes: fc.uniqueArray(lits(Consent.Purpose.literals), { minLength: 1, maxLength: 4 }),
    agencies: fc.uniqueArray(fc.constantFrom("AG-1", "AG-2", "AG-3"), { minLength: 1, maxLength: 3 }),
    givenOn: arbDay,
    expiresAfter: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
    withdrawnAfter: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined })
  })
  .map(({ expiresAfter, withdrawnAfter, ...rest }) => ({
    ...rest,
    ...(expiresAfter === undefined ? {} : { expiresOn: new Date(rest.givenOn.getTime() + expiresAfter * DAY) }),
    ...(withdrawnAfter === undefined ? {} : { withdrawnOn: new Date(rest.givenOn.getTime() + withdrawnAfter * DAY) })
  }))

/** A support plan. */
export const arbSupportPlan: fc.Arbitrary<Support.SupportPlan> = fc.record({
  id: arbId("SP"),
  startsOn: arbDay,
  recipient: fc.constant("household" as const),
  householdId: arbId("HH"),
  items: fc.array(
    fc.record({
      category: lits(Support.SupportCategory.literals),
      amount: fc.record({
        amount: fc.integer({ min: 0, max: 1_000_000 }),
        currency: fc.constantFrom("KHR" as const, "USD" as const)
      }),
      period: lits(Support.Period.literals)
    }),
    { minLength: 1, maxLength: 3 }
  )
})

/** A risk knob for scenarios, on the target household HH-1 or the kinship household HH-2. */
export const arbRiskKnob: fc.Arbitrary<RiskKnob> = fc.record({
  factor: lits(Assessment.RiskFactor.literals),
  mitigation: lits(Assessment.MitigationStatus.literals),
  householdId: fc.constantFrom("HH-1", "HH-2")
})

/** A consent knob for scenarios. */
export const arbConsentKnob: fc.Arbitrary<ConsentKnob> = fc
  .record({
    id: arbId("CON"),
    kind: fc.constantFrom("caregiver-consent" as const, "child-assent" as const),
    purposes: fc.uniqueArray(lits(Consent.Purpose.literals), { minLength: 1, maxLength: 4 }),
    agencies: fc.uniqueArray(fc.constantFrom("AG-1", "AG-2", "AG-3"), { minLength: 1, maxLength: 3 }),
    givenDaysAgo: fc.integer({ min: -30, max: 800 }),
    expiresInDays: fc.option(fc.integer({ min: -400, max: 400 }), { nil: undefined }),
    withdrawnDaysAgo: fc.option(fc.integer({ min: -30, max: 400 }), { nil: undefined })
  })
  .map(({ expiresInDays, withdrawnDaysAgo, ...rest }) => ({
    ...rest,
    ...(expiresInDays === undefined ? {} : { expiresInDays }),
    ...(withdrawnDaysAgo === undefined ? {} : { withdrawnDaysAgo })
  }))

/** Scenario knobs spanning ready, not-yet, contraindicated and alternative cases (biased towards ready). */
export const arbKnobs: fc.Arbitrary<Knobs> = fc
  .record({
    childAge: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 19 }) },
      { weight: 1, arbitrary: fc.constant(null) }
    ),
    admissionReasons: fc.oneof(
      fc.constant<ReadonlyArray<Case.AdmissionReason>>(["poverty"]),
      fc.constant<ReadonlyArray<Case.AdmissionReason>>(["poverty", "access-to-education"]),
      fc.uniqueArray(lits(Case.AdmissionReason.literals), { minLength: 1, maxLength: 3 })
    ),
    tracing: fc.oneof(
      { weight: 6, arbitrary: fc.constant<Household.TracingStatus | null>("traced") },
      { weight: 2, arbitrary: fc.option(lits(Household.TracingStatus.literals), { nil: null }) }
    ),
    housing: fc.oneof(
      { weight: 3, arbitrary: fc.constant<Household.Housing>("suitable") },
      lits(Household.Housing.literals)
    ),
    livelihood: fc.oneof(
      { weight: 3, arbitrary: fc.constant<Household.Livelihood>("stable") },
      lits(Household.Livelihood.literals)
    ),
    kinHousehold: fc.boolean(),
    familyAssessmentDaysAgo: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null, freq: 8 }),
    conclusion: fc.oneof(
      { weight: 4, arbitrary: fc.constant<Assessment.Conclusion>("can-reintegrate") },
      lits(Assessment.Conclusion.literals)
    ),
    risks: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, fc.array(arbRiskKnob, { maxLength: 3 })),
    views: fc.option(
      fc.record({
        daysAgo: fc.integer({ min: 0, max: 400 }),
        howHeard: lits(ChildViews.HowHeard.literals),
        wish: lits(ChildViews.Wish.literals)
      }),
      { nil: null, freq: 8 }
    ),
    bid: fc.option(
      fc.record({
        daysAgo: fc.integer({ min: 0, max: 400 }),
        recommendation: fc.oneof(
          { weight: 4, arbitrary: fc.constant<BestInterest.BidOption>("reunification") },
          lits(BestInterest.BidOption.literals)
        ),
        placementType: fc.option(lits(Case.PlacementType.literals), { nil: undefined, freq: 4 }),
        householdId: fc.option(fc.constantFrom("HH-1", "HH-2"), { nil: undefined, freq: 4 }),
        childViewsConsidered: fc.boolean(),
        familyViewsConsidered: fc.boolean()
      }),
      { nil: null, freq: 8 }
    ),
    support: fc.subarray([...Support.SupportCategory.literals]),
    openIncidents: fc.array(fc.constantFrom("low" as const, "medium" as const, "high" as const), { maxLength: 2 }),
    familyCapacity: fc.oneof({ weight: 3, arbitrary: fc.constant(readyKnobs.familyCapacity) }, arbFamilyCapacity),
    familyRiskLevel: fc.option(lits(Assessment.RiskLevel.literals), { nil: null, freq: 3 }),
    riskOutcome: fc.option(lits(Assessment.RiskOutcome.literals), { nil: null, freq: 3 }),
    safetyPlan: fc.option(
      fc.record({
        daysAgo: fc.integer({ min: -5, max: 60 }),
        domains: fc.subarray([
          ...Assessment.ChildWellbeingDomains,
          ...Assessment.FamilyCapacityDomains
        ] as Array<Assessment.Domain>)
      }),
      { nil: null, freq: 3 }
    )
  })
  .map((k) => {
    const { bid, ...rest } = k
    const b =
      bid === null
        ? null
        : {
            daysAgo: bid.daysAgo,
            recommendation: bid.recommendation,
            childViewsConsidered: bid.childViewsConsidered,
            familyViewsConsidered: bid.familyViewsConsidered,
            ...(bid.placementType === undefined ? {} : { placementType: bid.placementType }),
            ...(bid.householdId === undefined ? {} : { householdId: bid.householdId })
          }
    return { ...readyKnobs, ...rest, bid: b }
  })

const knobKeys = [
  "childAge",
  "admissionReasons",
  "tracing",
  "housing",
  "livelihood",
  "kinHousehold",
  "familyAssessmentDaysAgo",
  "conclusion",
  "risks",
  "views",
  "bid",
  "support",
  "openIncidents",
  "familyCapacity",
  "familyRiskLevel",
  "riskOutcome",
  "safetyPlan"
] as const

/** The ready scenario with at most two knobs changed: mostly ready or one step from it. */
export const arbNearReadyKnobs: fc.Arbitrary<Knobs> = fc
  .tuple(arbKnobs, fc.subarray([...knobKeys], { maxLength: 2 }))
  .map(([k, keys]) => {
    const out: Record<string, unknown> = { ...readyKnobs }
    for (const key of keys) out[key] = k[key]
    return out as unknown as Knobs
  })

/** Scenario knobs: half near the ready scenario, half anywhere. */
export const arbScenario: fc.Arbitrary<Knobs> = fc.oneof(arbNearReadyKnobs, arbKnobs)
