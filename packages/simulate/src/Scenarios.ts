/**
 * Built-in scenarios, with their figures' sources and the assumptions they
 * rest on:
 * - `siem-reap-2017`: the Siem Reap provincial plan (August 2017): reunite
 *   644 children, 30% of the children in residential care, by the end of
 *   2018; hence about 644 / 0.30 ≈ 2,147 children in care.
 * - `cambodia-national-2016`: the 2016 national mapping, 406 residential
 *   care institutions with 16,579 children (UNICEF Cambodia mapping, RULES.md §8).
 *
 * @since 0.1.0
 */
import { decodeScenarioOrThrow, type Scenario, type ScenarioEncoded } from "./Scenario.js"

const UNICEF_SR = {
  document:
    "UNICEF Cambodia, Fostering safe and successful reintegration of children in residential care in Cambodia through training key stakeholders (Siem Reap)",
  year: 2017,
  section: "Reunite 644 children by year-end 2018 (30 per cent); 144 children reunited since January 2016"
}
const UNICEF_MAP = {
  document: "UNICEF Cambodia, Mapping of residential care facilities",
  year: 2017,
  section: "2016 mapping: 406 residential care institutions, 16,579 children under 18 (RULES.md §8)"
}
const PARENT = {
  document: "Phnom Penh Post (2018); Cambodia Daily (2012 study)",
  year: 2018,
  note: "77–80% of children in residential care have at least one living parent (RULES.md §8); 0.78 used for the share with a traceable family."
}
const BCN_UK = {
  document: "Better Care Network, reunification evidence (UK comparator)",
  year: 2016,
  note: "About 30% of reunified children return to care within 5 years (RULES.md §8)."
}
const CWLA = {
  document: "Child Welfare League of America, caseload standards",
  year: 2016,
  note: "12–15 children per worker (RULES.md §8); the profile's maxCaseload (15) is used."
}
const PPP22 = {
  document: "Phnom Penh Post (2022)",
  year: 2022,
  note: "3,764 government social-worker positions nationally (RULES.md §8)."
}

const commonAssumptions = [
  "Durations of intake, assessment, preparation and each contact step are assumptions for illustration, not measured figures; replace them with programme data.",
  "Probability that a contact is positive (0.85), that a child with risk factors is found not eligible (0.5) and that the closure assessment passes (0.8) are assumptions.",
  "Shares of children with risk factors and admitted for poverty alone are assumptions; no Cambodian prevalence figure was found.",
  "Breakdown: about 30% within 5 years (UK comparator, BCN-UK), 1.5 times as likely for children with risk factors (assumption)."
]

const shared = {
  durations: {
    intake: { kind: "triangular", min: 3, mode: 7, max: 21 },
    assessment: { kind: "lognormal", median: 45, p90: 120 },
    preparation: { kind: "lognormal", median: 30, p90: 90 },
    contactStep: { kind: "triangular", min: 14, mode: 35, max: 90 }
  },
  outcomes: { contactPositive: 0.85, riskIneligible: 0.5, closurePass: 0.8, closureRetryDays: 90 },
  breakdown: { probability: 0.3, withinMonths: 60, riskMultiplier: 1.5, readmit: true }
} as const

/**
 * Siem Reap 2017 (JSON form).
 *
 * @since 0.1.0
 */
export const siemReap2017Encoded: ScenarioEncoded = {
  id: "siem-reap-2017",
  title: "Siem Reap provincial plan: 30% of children in residential care home by end 2018",
  description:
    "The plan launched in August 2017 aims to reunite 644 children with their families by year-end 2018, 30 per cent of the children in residential care in the province: 644 / 0.30 ≈ 2,147 children in care. Calibration: 144 children were returned from January 2016 to November 2017 (about 6 a month), far below the roughly 38 a month the target needs.",
  citations: [UNICEF_SR, PARENT, BCN_UK, CWLA],
  assumptions: [
    "Cohort: 2,147 children in care at the plan's launch (644 / 0.30, rounded up); the 144 already returned are recorded as alreadyReturned and not simulated.",
    "Social workers: 20 DoSVY and partner-NGO (Kaliyan Mith) workers on reintegration, 10 home visits a week each: an assumption; the source gives no count.",
    ...commonAssumptions
  ],
  cohort: {
    children: 2147,
    ageYears: { kind: "triangular", min: 3, mode: 12, max: 18 },
    traceableFamilyShare: 0.78,
    riskFactorShare: 0.3,
    povertyOnlyShare: 0.4,
    alreadyReturned: 144
  },
  socialWorkers: { count: 20, visitsPerWeek: 10 },
  policy: "unicef-siem-reap-2017",
  ...shared,
  startDate: "2017-08-01",
  horizonMonths: 36,
  target: { share: 0.3, deadline: "2018-12-31" },
  runs: 1000,
  seed: 2017
} as unknown as ScenarioEncoded

/**
 * Cambodia national scale, 2016 mapping (JSON form).
 *
 * @since 0.1.0
 */
export const cambodiaNational2016Encoded: ScenarioEncoded = {
  id: "cambodia-national-2016",
  title: "Cambodia, national scale: 16,579 children in 406 residential care institutions (2016 mapping)",
  description:
    "All children in residential care at the 2016 national mapping (UNICEF-MAP: 406 RCIs, 16,579 children under 18), under the MoSVY case-management profile, over five years, against the Action Plan target of 30% by end 2018.",
  citations: [UNICEF_MAP, PARENT, BCN_UK, CWLA, PPP22],
  assumptions: [
    "Social workers: 376 workers on reintegration, 10% of the 3,764 government social-worker positions (PPP22): an assumption; most positions have other duties.",
    "Start date 2017-01-01: the 2016 mapping (published 2017) is taken as the number of children in care at the start of 2017.",
    ...commonAssumptions
  ],
  cohort: {
    children: 16579,
    ageYears: { kind: "triangular", min: 3, mode: 12, max: 18 },
    traceableFamilyShare: 0.78,
    riskFactorShare: 0.3,
    povertyOnlyShare: 0.4
  },
  institutions: { count: 406 },
  socialWorkers: { count: 376, visitsPerWeek: 10 },
  policy: "cambodia-mosvy",
  ...shared,
  startDate: "2017-01-01",
  horizonMonths: 60,
  target: { share: 0.3, deadline: "2018-12-31" },
  runs: 1000,
  seed: 2016
} as unknown as ScenarioEncoded

/**
 * Built-in scenarios as JSON, by id.
 *
 * @since 0.1.0
 */
export const encoded: Readonly<Record<string, ScenarioEncoded>> = {
  "siem-reap-2017": siemReap2017Encoded,
  "cambodia-national-2016": cambodiaNational2016Encoded
}

/**
 * Siem Reap 2017 (decoded).
 *
 * @since 0.1.0
 */
export const siemReap2017: Scenario = decodeScenarioOrThrow(siemReap2017Encoded)

/**
 * Cambodia national scale 2016 (decoded).
 *
 * @since 0.1.0
 */
export const cambodiaNational2016: Scenario = decodeScenarioOrThrow(cambodiaNational2016Encoded)

/**
 * Look up a built-in scenario by id.
 *
 * @since 0.1.0
 */
export const get = (id: string): Scenario | undefined =>
  id === "siem-reap-2017" ? siemReap2017 : id === "cambodia-national-2016" ? cambodiaNational2016 : undefined
