/**
 * Built-in scenarios. Every parameter carries its label: the figure's
 * source (document, year, section) or, where no source gives it, an
 * assumption with its reasoning (and, where there is one, the source it is
 * anchored on). Uncertain parameters carry a `range`, sampled jointly.
 *
 * - `siem-reap-2017`: the Siem Reap provincial operational plan (launched
 *   August 2017): reunite 644 children, 30 per cent of the children in
 *   residential care, with their families by the end of 2018; 144 children
 *   had been reunited or placed in family-based care since January 2016
 *   (UNICEF Cambodia, November 2017).
 * - `cambodia-national-2016`: the 2016 national mapping, 406 residential
 *   care institutions with 16,579 children (UNICEF Cambodia mapping, 2017).
 *
 * @since 0.1.0
 */
import { decodeScenarioOrThrow, type Scenario, type ScenarioEncoded } from "./Scenario.js"

const UNICEF_SR_DOC =
  "UNICEF Cambodia, Fostering safe and successful reintegration of children in residential care in Cambodia through training key stakeholders (Siem Reap, November 2017)"
const sr = (section: string, note?: string) => ({
  document: UNICEF_SR_DOC,
  year: 2017,
  section,
  ...(note === undefined ? {} : { note })
})
const UNICEF_MAP = {
  document: "UNICEF Cambodia, Mapping of residential care facilities",
  year: 2017,
  section: "2016 mapping: 406 residential care institutions, 16,579 children under 18"
}
const PARENT = {
  document: "Phnom Penh Post (2018); Cambodia Daily (2012 study)",
  year: 2018,
  section: "77–80% of children in residential care have at least one living parent"
}
const BCN_UK = {
  document: "Better Care Network, reunification evidence (UK comparator)",
  year: 2016,
  section: "About 30% of reunified children return to care within 5 years"
}
const CWLA = {
  document: "Child Welfare League of America, caseload standards",
  year: 2016,
  section: "12–15 children per worker"
}
const PPP22 = {
  document: "Phnom Penh Post (2022)",
  year: 2022,
  section: "3,764 government social-worker positions nationally"
}
const BCN_AP = {
  document: "Better Care Network, Cambodia Action Plan for Improving Child Care 2016–2018",
  year: 2016,
  section: "Return 30% of children in residential care in 5 priority provinces by 2018"
}
const AZIZA = {
  document: "Aziza's Place, Reintegration programme (Phnom Penh)",
  year: 2017,
  section: "Phase 1: Sunday day visits, weekend sleep-overs, 2–3 nights a week, every night"
}
const UNGL = {
  document: "UN Guidelines for the Alternative Care of Children (A/RES/64/142)",
  year: 2009,
  section: "¶22 (family-based care for children under 3), ¶67 (reviews at least every 3 months)"
}

const NO_DATA = "No programme data were found in the sources"

/** Parameters both built-ins share: all assumptions except where a source is named. */
const shared = {
  durations: {
    intake: {
      value: { kind: "triangular", min: 3, mode: 7, max: 21 },
      assumption: `${NO_DATA}: intake takes 3–21 days, most often a week.`
    },
    assessment: {
      value: { kind: "lognormal", median: 45, p90: 120 },
      assumption: `${NO_DATA}: assessment and family tracing take a median 45 days, 1 case in 10 longer than 120 days.`
    },
    preparation: {
      value: { kind: "lognormal", median: 30, p90: 90 },
      assumption: `${NO_DATA}: preparation of child and family takes a median 30 days, 1 case in 10 longer than 90 days.`
    },
    contactStep: {
      value: { kind: "triangular", min: 14, mode: 35, max: 90 },
      assumption: `${NO_DATA}: each gradual-contact step lasts 14–90 days, most often 5 weeks, unless the policy's minimum dwell or the contacts take longer.`
    },
    scale: {
      value: 1,
      range: { kind: "uniform", min: 0.8, max: 1.25 },
      assumption:
        "The assumed durations above may be 20% shorter or 25% longer throughout: one multiplier per parameter draw."
    },
    contactIntervalDays: {
      value: 7,
      source: AZIZA,
      assumption:
        "One contact a week (a Sunday day visit, a weekend sleep-over): the source's weekly rhythm, and the pace at which the profiles' 4 contacts in 28 days are possible."
    }
  },
  outcomes: {
    contactPositive: {
      value: 0.85,
      range: { kind: "uniform", min: 0.75, max: 0.95 },
      assumption: `${NO_DATA} on how often a contact goes well.`
    },
    riskIneligible: {
      value: 0.5,
      range: { kind: "uniform", min: 0.3, max: 0.7 },
      assumption: `${NO_DATA} on how often a child with risk factors is found not eligible for family reintegration.`
    },
    closurePass: {
      value: 0.8,
      range: { kind: "uniform", min: 0.6, max: 0.95 },
      assumption: `${NO_DATA} on how often the closure assessment passes when monitoring ends.`
    },
    closureRetryDays: {
      value: 90,
      source: UNGL,
      assumption: "A closure that does not pass is assessed again 3 months later, in step with reviews every 3 months."
    }
  },
  breakdown: {
    probability: {
      value: 0.3,
      range: { kind: "uniform", min: 0.2, max: 0.4 },
      source: BCN_UK,
      assumption:
        "About 30% return to care within 5 years in the UK: a comparator, not a Cambodian figure; ±10 points assumed."
    },
    withinMonths: { value: 60, source: BCN_UK },
    riskMultiplier: {
      value: 1.5,
      range: { kind: "uniform", min: 1, max: 2 },
      assumption: "Children with risk factors break down 1–2 times as often (no figure found)."
    },
    readmit: {
      value: true,
      assumption:
        "A child who returns to care re-enters the pathway at assessment, as a reopened case does in the core rules."
    }
  }
} as const

const cohortShares = {
  ageYears: {
    value: { kind: "triangular", min: 3, mode: 12, max: 18 },
    source: UNGL,
    assumption:
      "No age distribution was found: ages 3–18, most around 12, are assumed (few children under 3 in residential care, as family-based care is called for at that age). About 2% of the cohort turn 18 in the 17 months to the Siem Reap deadline and 10% within 3 years: they age out of the pathway."
  },
  traceableFamilyShare: {
    value: 0.7,
    range: { kind: "uniform", min: 0.6, max: 0.8 },
    source: PARENT,
    assumption:
      "The share with a family that can be traced: at most about the 77–80% with a living parent (basis), less when tracing fails; 0.6–0.8 assumed."
  },
  riskFactorShare: {
    value: 0.3,
    range: { kind: "uniform", min: 0.2, max: 0.4 },
    assumption: "No Cambodian prevalence figure was found for abuse, neglect or exploitation among children in care."
  },
  povertyOnlyShare: {
    value: 0.4,
    range: { kind: "uniform", min: 0.3, max: 0.5 },
    assumption: "No Cambodian figure was found for children admitted for poverty alone."
  }
} as const

const caseloadCap = {
  value: 15,
  source: CWLA,
  assumption: "The upper bound of the US comparator, used for Cambodia."
}

/**
 * Siem Reap 2017 (JSON form).
 *
 * @since 0.1.0
 */
export const siemReap2017Encoded: ScenarioEncoded = {
  id: "siem-reap-2017",
  title: "Siem Reap provincial plan: 644 children (30%) home by end 2018",
  description:
    "The provincial operational plan launched in August 2017 aims to reunite 644 children with their families by year-end 2018, 30 per cent of the children in residential care in the province: 644 / 0.30 ≈ 2,147 children in care. 144 children had been reunited or placed in family-based care since January 2016 (by November 2017): they are under three years of follow-up at the start and hold caseload slots.",
  citations: [sr("whole article"), PARENT, BCN_UK, CWLA, AZIZA, UNGL],
  assumptions: [
    "Every parameter below carries its own label; the main assumptions: the number of social workers (the source gives none), their visits a week, the durations of each phase, and the probabilities of each step.",
    "The 144 children returned since January 2016 are taken as reunified evenly between January 2016 and the plan's launch and under monitoring at the start; they are not part of the 2,147 and do not count toward the 644."
  ],
  cohort: {
    children: {
      value: 2147,
      source: sr(
        "The aim is to reunite 644 children … by year-end 2018; 30 per cent of children in residential care",
        "644 / 0.30 = 2,146.7, rounded up: the source gives the count and the share, not the number of children in care."
      )
    },
    ...cohortShares,
    alreadyReturned: {
      count: 144,
      from: "2016-01-01",
      source: sr(
        "Since January 2016, 144 children … reunited with their families and relatives or placed in other family or community-based care"
      ),
      assumption:
        "Counted by November 2017; taken as reunified between January 2016 and the start (August 2017) and followed up for three years from reunification."
    }
  },
  socialWorkers: {
    count: {
      value: 20,
      assumption:
        "The source names DoSVY social workers and Kaliyan Mith staff but gives no count: 20 is an illustration (see homeward simulate --solve workers)."
    },
    caseloadCap,
    visitsPerWeek: {
      value: 10,
      range: { kind: "uniform", min: 6, max: 15 },
      assumption: "Home visits one worker can make a week (travel included): no figure found; 6–15 assumed."
    },
    availability: { value: 1, assumption: "The workers counted work on these cases full time." }
  },
  policy: "unicef-siem-reap-2017",
  ...shared,
  startDate: { value: "2017-08-01", source: sr("provincial operational plan launched in August 2017") },
  horizonMonths: {
    value: 36,
    assumption: "Analysis horizon: the deadline (17 months in) and 19 more months of follow-up and breakdowns."
  },
  target: {
    share: 0.3,
    count: 644,
    deadline: "2018-12-31",
    source: sr("reunite 644 children … by year-end 2018; 30 per cent of children in residential care")
  },
  sampling: { mode: "joint" },
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
    "All children in residential care at the 2016 national mapping (406 RCIs, 16,579 children under 18), under the MoSVY case-management profile, over five years, against the Action Plan's 30% by end 2018 applied nationally.",
  citations: [UNICEF_MAP, BCN_AP, PARENT, BCN_UK, CWLA, PPP22, AZIZA, UNGL],
  assumptions: [
    "Every parameter below carries its own label; the main assumptions: the number of social workers on reintegration, their visits a week, the durations of each phase, and the probabilities of each step."
  ],
  cohort: {
    children: { value: 16579, source: UNICEF_MAP },
    ...cohortShares
  },
  institutions: { count: { value: 406, source: UNICEF_MAP } },
  socialWorkers: {
    count: {
      value: 376,
      source: PPP22,
      assumption:
        "10% of the 3,764 government social-worker positions on reintegration: most positions have other duties."
    },
    caseloadCap,
    visitsPerWeek: {
      value: 10,
      range: { kind: "uniform", min: 6, max: 15 },
      assumption: "Home visits one worker can make a week (travel included): no figure found; 6–15 assumed."
    },
    availability: { value: 1, assumption: "The workers counted work on these cases full time." }
  },
  policy: "cambodia-mosvy",
  ...shared,
  startDate: {
    value: "2017-01-01",
    source: UNICEF_MAP,
    assumption: "The 2016 mapping (published 2017) is taken as the children in care at the start of 2017."
  },
  horizonMonths: { value: 60, assumption: "Analysis horizon: five years." },
  target: {
    share: 0.3,
    deadline: "2018-12-31",
    source: BCN_AP,
    assumption:
      "The Action Plan's 30% concerns five priority provinces; applied to the national cohort as an illustration (no count stated: 30% of 16,579 = 4,973.7, rounded up to 4,974)."
  },
  sampling: { mode: "joint" },
  runs: 1000,
  seed: 2016
} as unknown as ScenarioEncoded

/**
 * Siem Reap history 2016–2017, for calibration (JSON form): the children in
 * care in January 2016 and the 144 reunited or placed in family-based care
 * by November 2017. The effective capacity of the workforce
 * (`socialWorkers.availability`) and the durations (`durations.scale`) carry
 * wide ranges: `Calibration.calibrate` fits them to the 144.
 *
 * @since 0.2.0
 */
export const siemReapHistory2016Encoded: ScenarioEncoded = {
  ...siemReap2017Encoded,
  id: "siem-reap-history-2016",
  title: "Siem Reap 2016–2017: 144 children reunited or placed in family-based care (history, for calibration)",
  description:
    "The children in residential care in Siem Reap in January 2016 and what happened to them until November 2017, when 144 had been reunited with their families or placed in family-based care. The effective capacity of the workforce and the durations are unknown: calibrating them to the 144 says what pace the province actually had.",
  assumptions: [
    "The same workforce and assumptions as the 2017 plan's scenario, except the two parameters fitted to the history: the share of the 20 workers' capacity that went to reintegration (availability, 0.02–1) and the durations' multiplier (0.5–2).",
    "Admissions and other exits between January 2016 and November 2017 are ignored."
  ],
  cohort: {
    ...(siemReap2017Encoded.cohort as object),
    children: {
      value: 2291,
      source: sr("Since January 2016, 144 children … reunited; reunite 644 children (30 per cent) by year-end 2018"),
      assumption:
        "The children in care at the plan's launch (2,147, from 644 / 0.30) plus the 144 returned since January 2016: the children in care in January 2016, admissions ignored."
    },
    alreadyReturned: undefined
  },
  socialWorkers: {
    ...(siemReap2017Encoded.socialWorkers as object),
    availability: {
      value: 0.5,
      range: { kind: "uniform", min: 0.02, max: 1 },
      assumption:
        "Unknown: the share of the 20 workers' capacity that went to reintegration in 2016–2017. A wide range, to be fitted to the observed 144."
    }
  },
  durations: {
    ...(shared.durations as object),
    scale: {
      value: 1,
      range: { kind: "uniform", min: 0.5, max: 2 },
      assumption:
        "Unknown: how much shorter or longer the durations were than assumed. A wide range, to be fitted to the observed 144."
    }
  },
  startDate: { value: "2016-01-01", source: sr("Since January 2016, 144 children …") },
  horizonMonths: { value: 23, assumption: "From January 2016 to the article (November 2017), rounded up to a month." },
  target: {
    share: 0.0629,
    count: 144,
    deadline: "2017-11-17",
    source: sr("Since January 2016, 144 children …"),
    assumption:
      "The observed count as the target, so that P(target) reads as the chance of at least 144 children home on the article's date (children who broke down are not counted)."
  },
  observed: [
    {
      measure: "reunified",
      from: "2016-01-01",
      to: "2017-11-17",
      count: 144,
      source: sr(
        "Since January 2016, 144 children … taken out of institutional care and reunited with their families and relatives or placed in other family or community-based care",
        "The count includes placements in other family-based care: fitting it to reunifications alone slightly overstates the pace of family reunification."
      )
    }
  ],
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
  "cambodia-national-2016": cambodiaNational2016Encoded,
  "siem-reap-history-2016": siemReapHistory2016Encoded
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
 * Siem Reap history 2016–2017 (decoded).
 *
 * @since 0.2.0
 */
export const siemReapHistory2016: Scenario = decodeScenarioOrThrow(
  JSON.parse(JSON.stringify(siemReapHistory2016Encoded))
)

/**
 * Look up a built-in scenario by id.
 *
 * @example
 * ```ts
 * import { Scenarios } from "@homeward/simulate"
 *
 * Scenarios.get("siem-reap-2017")?.title
 * Scenarios.get("nowhere") // undefined
 * ```
 *
 * @since 0.1.0
 */
export const get = (id: string): Scenario | undefined =>
  id === "siem-reap-2017"
    ? siemReap2017
    : id === "cambodia-national-2016"
      ? cambodiaNational2016
      : id === "siem-reap-history-2016"
        ? siemReapHistory2016
        : undefined
