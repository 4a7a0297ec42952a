/**
 * The built-in profiles as plain data (private). Every citation names its
 * entry in the repository's `docs/sources.md` (`key`). Rules of this file:
 * - a number cited to a document appears in that document; a number Homeward
 *   chose is cited to the Homeward defaults (`HD-…` entries), with its
 *   reasoning and the source it leans on in the note;
 * - no value takes effect before its source existed: `effectiveFrom` is on or
 *   after the day the cited document is known to have existed (see
 *   `SOURCE_SINCE`, checked by a test over every built-in profile).
 */
import type { PolicyProfileEncoded } from "../PolicyProfile.js"

type Cite = { document: string; year: number; section?: string; url?: string; note?: string; key?: string }

/**
 * The earliest day each cited source is known to have existed. A value citing
 * a source never takes effect before this day.
 */
export const SOURCE_SINCE: Readonly<Record<string, string>> = {
  // UN Convention on the Rights of the Child: in force for Cambodia from its accession.
  UNCRC: "1992-10-15",
  // UN Guidelines for the Alternative Care of Children: General Assembly resolution of 18 December 2009.
  UNGL: "2009-12-18",
  // Better Care Network summary of the Cambodian Action Plan for Improving Child Care 2016–2018.
  "BCN-AP": "2016-01-01",
  // Siem Reap provincial operational plan, launched in August 2017 (UNICEF Cambodia story of November 2017).
  "UNICEF-SR": "2017-08-01",
  // Aziza's Place programme page: it refers to an article of August 2017, so it is no older than that.
  AZIZA: "2017-09-01",
  // Primero Cambodia configuration: undated; the earliest commit of its repository is of 10 February 2022.
  PRIM: "2022-02-10",
  // Homeward's own defaults: first published with Homeward on 25 November 2026.
  HD: "2026-11-25"
}

const PRIM: Cite = {
  document:
    "MoSVY case-management forms as configured in Primero for Cambodia (repository ajit3190/cam_config, implementations/cambodia)",
  year: 2022,
  note: "Undated configuration; its repository's earliest commit is of 10 February 2022 (consulted in 2026).",
  key: "PRIM"
}
const UNGL: Cite = {
  document: "UN Guidelines for the Alternative Care of Children (A/RES/64/142)",
  year: 2009,
  url: "https://undocs.org/A/RES/64/142",
  key: "UNGL"
}
const UNCRC: Cite = {
  document: "UN Convention on the Rights of the Child",
  year: 1989,
  section: "art. 1",
  key: "UNCRC"
}
const UNICEF_SR: Cite = {
  document:
    "UNICEF Cambodia, Fostering safe and successful reintegration of children in residential care in Cambodia through training key stakeholders (Siem Reap)",
  year: 2017,
  key: "UNICEF-SR"
}
const AZIZA: Cite = { document: "Aziza's Place, Reintegration programme (Phnom Penh)", year: 2017, key: "AZIZA" }
const BCN_AP: Cite = {
  document: "Better Care Network, Cambodia Action Plan for Improving Child Care 2016–2018",
  year: 2016,
  key: "BCN-AP"
}
/** A Homeward default: `key` is its entry in docs/sources.md, `note` its reasoning. */
const DEFAULT = (key: string, section: string, note: string): Cite => ({
  document: "Homeward defaults, not law (docs/sources.md)",
  year: 2026,
  section,
  note,
  key
})

const HD = SOURCE_SINCE["HD"]!
const p = <A>(
  value: A,
  source: Cite,
  status: "law" | "policy" | "guidance" | "practice" | "default-not-law",
  unit: string | undefined,
  effectiveFrom: string
) => ({ value, source, status, effectiveFrom, ...(unit === undefined ? {} : { unit }) })
/** A Homeward default parameter (effective from Homeward's first publication). */
const d = <A>(value: A, key: string, section: string, note: string, unit?: string) =>
  p(value, DEFAULT(key, section, note), "default-not-law", unit, HD)
const prim = <A>(value: A, section: string, unit?: string) =>
  p(value, { ...PRIM, section }, "policy", unit, SOURCE_SINCE["PRIM"]!)
const aziza = <A>(value: A, section: string, status: "practice" | "default-not-law" = "practice", unit?: string) =>
  p(value, { ...AZIZA, section }, status, unit, SOURCE_SINCE["AZIZA"]!)
const ungl = <A>(value: A, section: string, unit?: string) =>
  p(value, { ...UNGL, section }, "guidance", unit, SOURCE_SINCE["UNGL"]!)

const stepSource = (section: string): Cite => ({ ...AZIZA, section })

/**
 * Aziza's Place staged contact (Phase 1). The steps, their order and how often
 * contact happens each week come from the source ("a single visit a week",
 * Sunday day visits, weekend sleep-overs, "2 or 3 nights a week", "every
 * night"); how many weeks, contacts and days each step lasts are Homeward
 * defaults: the source works case by case with no artificial deadlines.
 */
const azizaSteps = [
  {
    id: "sunday-day-visits",
    label: "Sunday day visits home",
    contactKinds: ["day-visit-home"],
    minPositiveContacts: 4,
    minDwellDays: 28,
    longDwellWarningDays: 180,
    weekly: { measure: "visits", min: 1, weeks: 4 },
    source: stepSource("Phase 1: visiting their families during the day on Sundays; a single visit a week"),
    homewardDefaults: ["minPositiveContacts", "minDwellDays", "longDwellWarningDays", "weekly.weeks"]
  },
  {
    id: "weekend-sleepovers",
    label: "Weekend sleep-overs",
    contactKinds: ["overnight", "multi-night"],
    minPositiveContacts: 4,
    minDwellDays: 28,
    longDwellWarningDays: 180,
    weekly: { measure: "nights", min: 1, max: 2, weeks: 4 },
    source: stepSource("Phase 1: sleeping over at the weekends"),
    homewardDefaults: [
      "contactKinds",
      "minPositiveContacts",
      "minDwellDays",
      "longDwellWarningDays",
      "weekly.min",
      "weekly.max",
      "weekly.weeks"
    ]
  },
  {
    id: "two-three-nights",
    label: "2–3 nights a week at home",
    contactKinds: ["overnight", "multi-night"],
    minPositiveContacts: 4,
    minDwellDays: 28,
    longDwellWarningDays: 180,
    weekly: { measure: "nights", min: 2, max: 3, weeks: 4 },
    source: stepSource("Phase 1: go home 2 or 3 nights a week"),
    homewardDefaults: ["contactKinds", "minPositiveContacts", "minDwellDays", "longDwellWarningDays", "weekly.weeks"]
  },
  {
    id: "every-night",
    label: "Every night at home (day services continue)",
    contactKinds: ["overnight", "multi-night"],
    minPositiveContacts: 2,
    minDwellDays: 14,
    longDwellWarningDays: 180,
    weekly: { measure: "nights", min: 7, weeks: 2 },
    source: stepSource("Phase 1: the final phase, staying at home every night"),
    homewardDefaults: ["contactKinds", "minPositiveContacts", "minDwellDays", "longDwellWarningDays", "weekly.weeks"]
  }
] as const

const stepsCite: Cite = {
  ...AZIZA,
  section: "Phase 1: The reintegration",
  note: "Steps, their order and their weekly frequency from the source (Sunday day visits, weekend sleep-overs, 2–3 nights a week, every night). The number of weeks, contacts and days per step are Homeward defaults (docs/sources.md, HD-contact-steps): the source works case by case with no artificial deadlines."
}

/** Cambodia MoSVY case-management profile: the base the other built-ins derive from. */
export const cambodiaMosvy: PolicyProfileEncoded = {
  id: "cambodia-mosvy",
  version: "1.1.0",
  title: "Cambodia MoSVY case management (forms 1–6)",
  description:
    "Scoring, high-risk rule, follow-up rating, response times, case-conference triggers, the reunification agreement and Form 6 closure thresholds of the MoSVY case-management forms (Primero Cambodia), with Homeward defaults where no source sets a number (docs/sources.md).",
  jurisdiction: "KH",
  parameters: {
    scoring: {
      concernAtOrBelow: prim(2, "Scoring guide: an item with 1 or 2 must be addressed in the Case Plan", "score"),
      highRiskAnyDomainAtOrBelow: prim(
        1,
        "Wellbeing and family needs scoring: one or more domains 1 - Very Poor → high risk",
        "score"
      ),
      highRiskPoorScore: prim(
        2,
        "Wellbeing and family needs scoring: more than three domains 2 - Poor → high risk",
        "score"
      ),
      highRiskPoorDomainsMoreThan: prim(
        3,
        "Wellbeing and family needs scoring: more than three domains 2 - Poor → high risk",
        "domains"
      )
    },
    responseTime: {
      highHours: prim(24, "Response time by risk level: high within 24 hours", "hours"),
      mediumHours: prim(72, "Response time by risk level: medium within 72 hours", "hours"),
      lowHours: prim(120, "Response time by risk level: low within 5 days (120 hours)", "hours")
    },
    conference: {
      triggers: prim(
        [
          "removal-from-carer",
          "placement-in-alternative-care",
          "complex-protection-case",
          "family-reunification",
          "relocation-or-transfer"
        ],
        "Conference details: reason for case conference"
      )
    },
    eligibility: {
      familyAssessmentMaxAgeDays: d(
        183,
        "HD-assessment-age",
        "Family assessment at most 183 days old",
        "Six months (183 days, the longest half-year) is OSCaR's default longest time between assessments and the upper end of the common practice of reassessing every 3–6 months.",
        "days"
      ),
      bidMaxAgeDays: d(
        183,
        "HD-bid-age",
        "Best-interest determination at most 183 days old",
        "A determination made more than six months ago is treated as stale, in line with reassessment at least every 6 months.",
        "days"
      ),
      viewsMaxAgeDays: d(
        183,
        "HD-views-age",
        "Child's views at most 183 days old",
        "The child is heard again at least every 6 months, in line with reassessment at least every 6 months.",
        "days"
      ),
      viewsDirectFromAge: d(
        7,
        "HD-views-direct-age",
        "Views heard directly from age 7",
        "From 7 a child can usually take part in a conversation about where to live (UN Guidelines ¶49 asks that the child be consulted); younger children are heard through play, drawing or observation. No source sets an age.",
        "years"
      ),
      independentLivingFromAge: d(
        17,
        "HD-independent-living-age",
        "Supported independent living from age 17",
        "Aziza's Place speaks of older students and high-school graduates living independently; Homeward takes 17, the usual age of the last year of secondary school in Cambodia. No source sets an age.",
        "years"
      ),
      adultAge: p(18, UNCRC, "law", "years", SOURCE_SINCE["UNCRC"]!),
      residentialCareFromAge: ungl(3, "¶22 (secondary summary): children under 3 in family-based care", "years"),
      childAssentFromAge: d(
        12,
        "HD-assent-age",
        "Child's own assent from age 12",
        "From 12 the child's own assent is recorded besides the caregiver's consent, an age at which many child-protection procedures ask for the child's agreement. No Cambodian legal age was found.",
        "years"
      ),
      residentialCareExceptions: ungl(
        ["emergency", "short-predetermined-time", "siblings-together"],
        "¶22 (secondary summary): exceptions to family-based care for children under 3"
      ),
      independentLivingWorkOrStudy: aziza(
        true,
        "Phase 2: youths living independently get rent help and an allowance; high school graduates must work at least a part-time job"
      ),
      keepSiblingsTogether: ungl(true, "¶17 (secondary summary): siblings kept together"),
      requireSuitableHousing: aziza(true, "Phase 1: conditions for reintegration (a suitable place to live)"),
      requireStableLivelihood: aziza(true, "Phase 1: conditions for reintegration (a stable job)")
    },
    phases: {
      contactSteps: p(azizaSteps, stepsCite, "practice", undefined, SOURCE_SINCE["AZIZA"]!),
      deadlineDays: p(
        null,
        {
          ...AZIZA,
          section: "Phase 1",
          note: "No artificial deadlines: no step has a deadline; long dwell is only a warning."
        },
        "practice",
        undefined,
        SOURCE_SINCE["AZIZA"]!
      )
    },
    monitoring: {
      durationMonths: p(
        36,
        {
          ...UNICEF_SR,
          section: "Follow-up visits from social workers for a period of three years",
          note: "Extrapolated, a Homeward default: the three years of the Siem Reap provincial plan, applied nationally (docs/sources.md, HD-national-follow-up). No national legal follow-up duration was found."
        },
        "default-not-law",
        "months",
        SOURCE_SINCE["UNICEF-SR"]!
      ),
      schedule: d(
        [
          { fromDay: 0, intervalDays: 7 },
          { fromDay: 56, intervalDays: 30 }
        ],
        "HD-visit-schedule",
        "Weekly visits for 8 weeks, then every 30 days",
        "Leans on the Texas CPS handbook (weekly visits for the first 8 weeks, then at least monthly), read as every 30 days. No Cambodian legal visit frequency was found.",
        "days"
      ),
      graceDays: d(
        14,
        "HD-grace-days",
        "A planned visit is missed 14 days after its due day",
        "Half a month of tolerance: a visit late by two weeks still counts; later, it is missed.",
        "days"
      ),
      reviewIntervalMonths: ungl(3, "¶67: placements reviewed, preferably at least every 3 months", "months"),
      caseNoteMaxDays: d(
        30,
        "HD-case-note-days",
        "Something recorded at least every 30 days",
        "OSCaR lets an organisation set the longest time between case notes; Homeward takes 30 days (about a month).",
        "days"
      )
    },
    reunification: {
      agreementRequired: prim(
        true,
        "Reunification details: agreement of the child, the caregiver and the case worker, with the signed agreement attached"
      ),
      agreementWitnesses: prim(
        ["government-official", "commune-chief"],
        "Reunification details: government official and commune/sangkat chief witnessing the reunification or placement"
      )
    },
    closure: {
      childMinTotal: prim(18, "Case closure: child total at least 18 with no score less than 2", "points"),
      childMinItem: prim(2, "Case closure: child total at least 18 with no score less than 2", "score"),
      familyMinTotal: prim(30, "Case closure: family total at least 30 with no score less than 2", "points"),
      familyMinItem: prim(2, "Case closure: family total at least 30 with no score less than 2", "score"),
      familyItemsExempt: d(
        ["assistanceFromRelatives"],
        "HD-relatives-exempt",
        "The family item 'assistance from relatives' may be below 2",
        "Homeward's reading of the MoSVY Form 6 as kept in OSCaR; the Primero configuration consulted does not state the exemption. A family should not stay open only because its relatives cannot help."
      ),
      grandMinTotal: prim(48, "Case closure: case can be closed with score from 48 or above", "points"),
      managerApprovalRequired: prim(true, "Case closure: approved by manager"),
      recentVisitsPositive: d(
        2,
        "HD-recent-green-visits",
        "The last 2 follow-up visits green before closure",
        "Two visits in a row show a stable situation; one could be chance.",
        "visits"
      )
    },
    support: {
      maxStepShare: d(
        0.25,
        "HD-taper-share",
        "Support drops by at most a quarter of the starting amount at a time",
        "Aziza's Place scales financial support back slowly and gives no amounts; a quarter per step means at least four steps.",
        "share of starting amount"
      ),
      stepMonths: d(
        3,
        "HD-taper-step-months",
        "Support may step down every 3 months",
        "In step with reviews at least every 3 months (UN Guidelines ¶67).",
        "months"
      )
    },
    programme: {
      targetShare: p(
        0.3,
        { ...BCN_AP, section: "Return 30% of children in residential care in 5 priority provinces" },
        "policy",
        "share",
        SOURCE_SINCE["BCN-AP"]!
      ),
      targetDeadline: p(
        "2018-12-31",
        { ...BCN_AP, section: "Action Plan period 2016–2018" },
        "policy",
        undefined,
        SOURCE_SINCE["BCN-AP"]!
      ),
      maxCaseload: d(
        15,
        "HD-max-caseload",
        "At most 15 children per social worker",
        "Upper bound of the Child Welfare League of America comparator (12–15 children per worker); no Cambodian caseload standard was found.",
        "children per worker"
      ),
      targetCohort: p(
        "in-care-at-start",
        { ...BCN_AP, section: "Return 30% of children in residential care in 5 priority provinces" },
        "policy",
        undefined,
        SOURCE_SINCE["BCN-AP"]!
      )
    },
    reporting: {
      smallCellK: d(
        5,
        "HD-small-cell-k",
        "Counts below 5 are suppressed in published aggregates",
        "A common threshold of statistical disclosure control for small counts of people.",
        "children"
      ),
      protectionLevel: d(
        5,
        "HD-protection-level",
        "A suppressed count must stay compatible with at least 5 children",
        "Every count of children suppressed because it is below smallCellK must, given everything else the same report publishes (all tables, totals and linked tables, published zeros, non-negative whole numbers), be compatible with at least this many children, so that it cannot be told apart from a count that would have been published. Equal to smallCellK; a larger value protects more at the cost of more suppressed cells.",
        "children"
      )
    },
    approvals: {
      required: d(
        [],
        "HD-approval-gates",
        "No step needs a supervisor's approval unless the programme lists it",
        "Approval chains differ between programmes (Primero configures them per role); a programme lists its own."
      )
    }
  }
}

/** Overrides for the UNICEF Siem Reap 2017 programme. */
export const unicefSiemReap2017Patch = {
  id: "unicef-siem-reap-2017",
  version: "1.1.0",
  title: "UNICEF / DoSVY Siem Reap provincial plan 2017–2018",
  description:
    "Siem Reap provincial operational plan (August 2017): return 30% of children in residential care (644 children) to families by end 2018; three years of follow-up visits.",
  jurisdiction: "KH-17",
  parameters: {
    monitoring: {
      durationMonths: p(
        36,
        { ...UNICEF_SR, section: "Follow-up visits from social workers for a period of three years" },
        "practice",
        "months",
        SOURCE_SINCE["UNICEF-SR"]!
      )
    },
    programme: {
      targetShare: p(
        0.3,
        { ...UNICEF_SR, section: "Target of safely returning 30 per cent of children in RCIs by 2018" },
        "policy",
        "share",
        SOURCE_SINCE["UNICEF-SR"]!
      ),
      targetDeadline: p(
        "2018-12-31",
        { ...UNICEF_SR, section: "Reunite 644 children by year-end 2018" },
        "policy",
        undefined,
        SOURCE_SINCE["UNICEF-SR"]!
      ),
      targetCohort: p(
        "in-care-at-start",
        {
          ...UNICEF_SR,
          section:
            "Safely returning 30 per cent of children in residential care institutions back to their families by 2018: 644 children (plan launched August 2017)"
        },
        "policy",
        undefined,
        SOURCE_SINCE["UNICEF-SR"]!
      )
    }
  }
}

/** Overrides for Aziza's Place. */
export const azizasPlacePatch = {
  id: "azizas-place",
  version: "1.1.0",
  title: "Aziza's Place reintegration programme",
  description:
    "Conditions first (a suitable place to live, a stable job), then Sunday day visits, weekend sleep-overs, 2–3 nights a week, every night; two years of monitoring and support to the family as a unit, with financial support scaled back gradually.",
  jurisdiction: "KH-12",
  parameters: {
    monitoring: {
      durationMonths: aziza(24, "Monitoring the progress over a period of two years", "practice", "months")
    }
  }
}

/** Overrides for the UN Guidelines (principles) profile. */
export const unGuidelines2009Patch = {
  id: "un-guidelines-2009",
  version: "1.1.0",
  title: "UN Guidelines for the Alternative Care of Children (principles)",
  description:
    "Necessity, poverty never the only reason, reviews at least every 3 months, siblings together, children under 3 in family-based care. Numbers the Guidelines do not set are Homeward defaults, marked as such.",
  parameters: {
    monitoring: {
      durationMonths: d(
        24,
        "HD-un-follow-up",
        "24 months of follow-up",
        "The Guidelines set no follow-up duration; 24 months is the shorter of the two seed programmes (Aziza's Place).",
        "months"
      ),
      schedule: ungl([{ fromDay: 0, intervalMonths: 3 }], "¶67: reviewed, preferably at least every 3 months", "months")
    }
  }
}
