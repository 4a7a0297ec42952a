/**
 * Case scenarios for rule tests: a few knobs (`Knobs`) turned into a full
 * `CaseState` by `stateFrom`. The defaults (`readyKnobs`) describe a child
 * who is ready to begin reintegration: family traced and recently assessed,
 * suitable housing and a stable livelihood, the child heard directly and
 * wishing to go home, a recent best-interest determination for
 * reunification with that family, no risk. Example fixtures and property
 * tests both build states from knobs, so fixtures stay plain data.
 */
import type { Assessment, BestInterest, Case, ChildViews, Consent, Household, Support } from "../src/index.js"
import { CaseState } from "../src/index.js"

const DAY = 86_400_000

/** A risk factor found present. */
export interface RiskKnob {
  readonly factor: Assessment.RiskFactor
  readonly mitigation: Assessment.MitigationStatus
  /** Household the assessment is about (default: the target household HH-1). */
  readonly householdId?: string
}

/** A consent record, relative to `asOf`. */
export interface ConsentKnob {
  readonly id: string
  readonly kind: "caregiver-consent" | "child-assent"
  readonly purposes: ReadonlyArray<Consent.Purpose>
  readonly agencies: ReadonlyArray<string>
  readonly givenDaysAgo: number
  readonly expiresInDays?: number
  readonly withdrawnDaysAgo?: number
}

/** Everything a scenario can vary. */
export interface Knobs {
  readonly childId: string
  readonly childAge: number | null
  readonly school: "enrolled" | "not-enrolled" | "not-school-age"
  readonly siblingIds: ReadonlyArray<string>
  readonly admissionReasons: ReadonlyArray<Case.AdmissionReason>
  readonly placement: Case.PlacementType
  readonly institutionId: string
  readonly tracing: Household.TracingStatus | null
  readonly housing: Household.Housing
  readonly livelihood: Household.Livelihood
  readonly kinHousehold: boolean
  readonly familyAssessmentDaysAgo: number | null
  readonly conclusion: Assessment.Conclusion
  readonly familyCapacity: Assessment.FamilyCapacity
  readonly childWellbeing: Assessment.ChildWellbeing
  readonly risks: ReadonlyArray<RiskKnob>
  readonly views: {
    readonly daysAgo: number
    readonly howHeard: ChildViews.HowHeard
    readonly wish: ChildViews.Wish
  } | null
  readonly bid: {
    readonly daysAgo: number
    readonly recommendation: BestInterest.BidOption
    readonly placementType?: Case.PlacementType
    readonly householdId?: string
    readonly childViewsConsidered: boolean
    readonly familyViewsConsidered: boolean
  } | null
  readonly support: ReadonlyArray<Support.SupportCategory>
  readonly openIncidents: ReadonlyArray<"low" | "medium" | "high">
  readonly consents: ReadonlyArray<ConsentKnob>
  /** Risk level recorded on the family assessment. */
  readonly familyRiskLevel: Assessment.RiskLevel | null
  /** Conclusion of the risk assessment (Primero Cambodia) recorded on the family assessment. */
  readonly riskOutcome: Assessment.RiskOutcome | null
  /** A safety plan for HH-1, `daysAgo` before `asOf`, covering `domains`. */
  readonly safetyPlan: { readonly daysAgo: number; readonly domains: ReadonlyArray<Assessment.Domain> } | null
}

/** A child ready to begin reintegration with household HH-1. */
export const readyKnobs: Knobs = {
  childId: "CH-1",
  childAge: 10,
  school: "enrolled",
  siblingIds: [],
  admissionReasons: ["neglect"],
  placement: "residential-care",
  institutionId: "RCI-1",
  tracing: "traced",
  housing: "suitable",
  livelihood: "stable",
  kinHousehold: false,
  familyAssessmentDaysAgo: 30,
  conclusion: "can-reintegrate",
  familyCapacity: {
    basicCare: 3,
    safetyStability: 3,
    emotionalBonding: 3,
    economicCapacity: 3,
    familyFunctioning: 3,
    community: 3
  },
  childWellbeing: { health: 3, education: 3, emotionalSocial: 3, safetyEnvironment: 3, nutrition: 3 },
  risks: [],
  views: { daysAgo: 20, howHeard: "direct-conversation", wish: "yes-soon" },
  bid: {
    daysAgo: 10,
    recommendation: "reunification",
    householdId: "HH-1",
    childViewsConsidered: true,
    familyViewsConsidered: true
  },
  support: ["school-costs"],
  openIncidents: [],
  consents: [],
  familyRiskLevel: null,
  riskOutcome: null,
  safetyPlan: null
}

const ago = (asOf: Date, days: number) => new Date(Math.floor(asOf.getTime() / DAY) * DAY - days * DAY)

/** Birth date giving `age` full years on `asOf` (born `age` years and 100 days earlier). */
export const birthFor = (asOf: Date, age: number): Date => {
  const d = ago(asOf, 100)
  return new Date(Date.UTC(d.getUTCFullYear() - age, d.getUTCMonth(), d.getUTCDate()))
}

const household = (id: string, k: Knobs, kind: "birth-family" | "kinship"): Household.Household => ({
  id,
  members: [{ id: `${id}-M1`, relationship: kind === "kinship" ? "grandparent" : "parent", primaryCaregiver: true }],
  location: { province: "Siem Reap" },
  housing: kind === "kinship" ? "suitable" : k.housing,
  livelihood: kind === "kinship" ? "stable" : k.livelihood,
  tracing: kind === "kinship" ? "traced" : (k.tracing ?? "traced"),
  kind
})

/** Build a case state from knobs on `asOf`. */
export const stateFrom = (patch: Partial<Knobs>, asOf: Date): CaseState.CaseState => {
  const k: Knobs = { ...readyKnobs, ...patch }
  const s0 = CaseState.initial(`case-${k.childId}`)
  const households: Record<string, Household.Household> = {}
  if (k.tracing !== null) households["HH-1"] = household("HH-1", k, "birth-family")
  if (k.kinHousehold) households["HH-2"] = household("HH-2", k, "kinship")
  const assessments: Array<Assessment.Assessment> = []
  if (k.familyAssessmentDaysAgo !== null) {
    assessments.push({
      id: "AS-F1",
      kind: "family",
      date: ago(asOf, k.familyAssessmentDaysAgo),
      assessorId: "SW-1",
      householdId: "HH-1",
      familyCapacity: k.familyCapacity,
      riskFactors: k.risks
        .filter((r) => (r.householdId ?? "HH-1") === "HH-1")
        .map((r) => ({ factor: r.factor, mitigation: r.mitigation })),
      conclusion: k.conclusion,
      familyAcceptsServices: true,
      ...(k.familyRiskLevel === null ? {} : { riskLevel: k.familyRiskLevel }),
      ...(k.riskOutcome === null ? {} : { riskOutcome: k.riskOutcome })
    })
  }
  assessments.push({
    id: "AS-C1",
    kind: "child",
    date: ago(asOf, 40),
    assessorId: "SW-1",
    childWellbeing: k.childWellbeing,
    riskFactors: []
  })
  // Risks not carried by the family assessment go on one home assessment per household.
  const homeRisks = k.risks.filter((r) => (r.householdId ?? "HH-1") !== "HH-1" || k.familyAssessmentDaysAgo === null)
  const byHousehold = new Map<string, Array<RiskKnob>>()
  for (const r of homeRisks)
    byHousehold.set(r.householdId ?? "HH-1", [...(byHousehold.get(r.householdId ?? "HH-1") ?? []), r])
  for (const [householdId, rs] of [...byHousehold.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    assessments.push({
      id: `AS-H-${householdId}`,
      kind: "home",
      date: ago(asOf, 35),
      assessorId: "SW-1",
      householdId,
      riskFactors: rs.map((r) => ({ factor: r.factor, mitigation: r.mitigation }))
    })
  }
  assessments.sort((a, b) => a.date.getTime() - b.date.getTime())
  const views: Array<ChildViews.ChildViews> =
    k.views === null
      ? []
      : [
          {
            date: ago(asOf, k.views.daysAgo),
            heardBy: "SW-1",
            howHeard: k.views.howHeard,
            wish: k.views.wish,
            preferredPeople: [{ rank: 1, relationship: "parent", memberId: "HH-1-M1" }]
          }
        ]
  const determinations: Array<BestInterest.BestInterestDetermination> =
    k.bid === null
      ? []
      : [
          {
            id: "BID-1",
            date: ago(asOf, k.bid.daysAgo),
            panel: [{ memberId: "P-1", role: "social-worker" }],
            childViewsConsidered: k.bid.childViewsConsidered,
            familyViewsConsidered: k.bid.familyViewsConsidered,
            optionsConsidered: ["reunification", "maintain-current-arrangement"],
            recommendation: k.bid.recommendation,
            ...(k.bid.placementType === undefined ? {} : { placementType: k.bid.placementType }),
            ...(k.bid.householdId === undefined ? {} : { householdId: k.bid.householdId })
          }
        ]
  const supportPlans: Array<Support.SupportPlan> =
    k.support.length === 0
      ? []
      : [
          {
            id: "SP-1",
            startsOn: ago(asOf, 5),
            recipient: "household",
            householdId: "HH-1",
            items: k.support.map((category) => ({
              category,
              amount: { amount: 100_000, currency: "KHR" as const },
              period: "monthly" as const
            }))
          }
        ]
  const incidents: Record<string, CaseState.Incident> = {}
  k.openIncidents.forEach((severity, i) => {
    incidents[`INC-${i}`] = { id: `INC-${i}`, severity, reportedOn: ago(asOf, 3) }
  })
  const consents: Record<string, Consent.Consent> = {}
  for (const c of k.consents) {
    consents[c.id] = {
      id: c.id,
      kind: c.kind,
      givenBy: c.kind === "child-assent" ? k.childId : "HH-1-M1",
      purposes: [...c.purposes],
      agencies: [...c.agencies],
      givenOn: ago(asOf, c.givenDaysAgo),
      ...(c.expiresInDays === undefined ? {} : { expiresOn: ago(asOf, -c.expiresInDays) }),
      ...(c.withdrawnDaysAgo === undefined ? {} : { withdrawnOn: ago(asOf, c.withdrawnDaysAgo) })
    }
  }
  const family = k.placement === "parents" || k.placement === "kinship"
  return {
    ...s0,
    version: 1,
    opened: true,
    status: "open",
    ...(k.childAge === null
      ? {}
      : {
          child: {
            id: k.childId,
            birth: { date: birthFor(asOf, k.childAge), estimated: false },
            sex: "female" as const,
            school: k.school,
            ...(k.siblingIds.length === 0 ? {} : { siblingIds: [...k.siblingIds] })
          }
        }),
    institutionId: k.institutionId,
    agencyId: "AG-1",
    socialWorkerId: "SW-1",
    openedOn: ago(asOf, 400),
    admissionReasons: k.admissionReasons,
    povertyOnly:
      k.admissionReasons.length > 0 && k.admissionReasons.every((r) => r === "poverty" || r === "access-to-education"),
    placement: family
      ? { type: k.placement, since: ago(asOf, 1), householdId: "HH-1" }
      : { type: k.placement, since: ago(asOf, 400), institutionId: k.institutionId },
    households,
    assessments,
    views,
    determinations,
    supportPlans,
    incidents,
    consents,
    safetyPlans:
      k.safetyPlan === null
        ? []
        : [
            {
              id: "SAFE-1",
              date: ago(asOf, k.safetyPlan.daysAgo),
              householdId: "HH-1",
              domains: [...k.safetyPlan.domains],
              approvedBy: "MGR-1"
            }
          ]
  }
}
