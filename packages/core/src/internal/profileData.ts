import type { PolicyProfileEncoded } from "../PolicyProfile.js"

type Cite = { document: string; year: number; section?: string; url?: string; note?: string }

const PRIM: Cite = {
  document:
    "MoSVY case-management forms as configured in Primero for Cambodia (repository ajit3190/cam_config, implementations/cambodia)",
  year: 2026,
  note: "The configuration is undated; the year is the year Homeward consulted it."
}
const OSCAR: Cite = {
  document: "OSCaR case management system, MoSVY forms 1–6 (repository Children-in-Families/oscar-web)",
  year: 2026,
  note: "Undated software configuration; the year is the year Homeward consulted it."
}
const UNGL: Cite = {
  document: "UN Guidelines for the Alternative Care of Children (A/RES/64/142)",
  year: 2009,
  url: "https://undocs.org/A/RES/64/142"
}
const UNCRC: Cite = { document: "UN Convention on the Rights of the Child", year: 1989, section: "art. 1" }
const UNICEF_SR: Cite = {
  document:
    "UNICEF Cambodia, Fostering safe and successful reintegration of children in residential care in Cambodia through training key stakeholders (Siem Reap)",
  year: 2017
}
const AZIZA: Cite = { document: "Aziza's Place, Reintegration programme (Phnom Penh)", year: 2017 }
const BCN_AP: Cite = {
  document: "Better Care Network, Cambodia Action Plan for Improving Child Care 2016–2018",
  year: 2016
}
const DEFAULT = (section: string, note: string): Cite => ({
  document: "Homeward default, not law (shared/domain/RULES.md)",
  year: 2026,
  section,
  note
})

const D0 = "2006-01-01" // Prakas 217/616 era: first date the Cambodian values are applied from
const p = <A>(
  value: A,
  source: Cite,
  status: "law" | "policy" | "guidance" | "practice" | "default-not-law",
  unit?: string,
  effectiveFrom: string = D0
) => ({ value, source, status, effectiveFrom, ...(unit === undefined ? {} : { unit }) })

/** Aziza's Place staged contact (Phase 1). Dwell and counts are defaults: the source sets no deadlines. */
const azizaSteps = [
  {
    id: "sunday-day-visits",
    label: "Sunday day visits home",
    contactKinds: ["day-visit-home"],
    minPositiveContacts: 4,
    minDwellDays: 28,
    longDwellWarningDays: 180
  },
  {
    id: "weekend-sleepovers",
    label: "Weekend sleep-overs",
    contactKinds: ["overnight"],
    minPositiveContacts: 4,
    minDwellDays: 28,
    longDwellWarningDays: 180
  },
  {
    id: "two-three-nights",
    label: "2–3 nights a week at home",
    contactKinds: ["multi-night"],
    minPositiveContacts: 4,
    minDwellDays: 28,
    longDwellWarningDays: 180
  },
  {
    id: "every-night",
    label: "Every night at home (day services continue)",
    contactKinds: ["multi-night", "monitoring-home-visit"],
    minPositiveContacts: 2,
    minDwellDays: 14,
    longDwellWarningDays: 180
  }
] as const

const stepsCite: Cite = {
  ...AZIZA,
  section: "Phase 1: The reintegration",
  note: "Steps and order from the source (Sunday day visits, weekend sleep-overs, 2–3 nights a week, every night). Minimum contacts and dwell per step are Homeward defaults, not law: the source works case by case with no artificial deadlines."
}

/** Cambodia MoSVY case-management profile: the base the other built-ins derive from. */
export const cambodiaMosvy: PolicyProfileEncoded = {
  id: "cambodia-mosvy",
  version: "1.0.0",
  title: "Cambodia MoSVY case management (forms 1–6)",
  description:
    "Scoring, high-risk rule, follow-up rating, response times and Form 6 closure thresholds of the MoSVY case-management forms, with the practice defaults named in the Homeward rules catalogue.",
  jurisdiction: "KH",
  parameters: {
    scoring: {
      concernAtOrBelow: p(
        2,
        { ...PRIM, section: "Assessment scoring; OSCaR Form 3 family service plan" },
        "policy",
        "score"
      ),
      highRiskAnyDomainAtOrBelow: p(1, { ...PRIM, section: "High-risk rule: any domain = 1" }, "policy", "score"),
      highRiskPoorScore: p(2, { ...PRIM, section: "High-risk rule: more than three domains = 2" }, "policy", "score"),
      highRiskPoorDomainsMoreThan: p(
        3,
        { ...PRIM, section: "High-risk rule: more than three domains = 2" },
        "policy",
        "domains"
      )
    },
    responseTime: {
      highHours: p(24, { ...PRIM, section: "Response time by risk level" }, "policy", "hours"),
      mediumHours: p(72, { ...PRIM, section: "Response time by risk level" }, "policy", "hours"),
      lowHours: p(120, { ...PRIM, section: "Response time by risk level (5 days)" }, "policy", "hours")
    },
    conference: {
      triggers: p(
        [
          "removal-from-carer",
          "placement-in-alternative-care",
          "complex-protection-case",
          "family-reunification",
          "relocation-or-transfer"
        ],
        { ...PRIM, section: "Case conference triggers" },
        "policy"
      )
    },
    eligibility: {
      familyAssessmentMaxAgeDays: p(
        183,
        {
          ...OSCAR,
          section: "Settings: reassessment every 3–6 months",
          note: "Upper bound of 6 months; default, not law."
        },
        "default-not-law",
        "days"
      ),
      bidMaxAgeDays: p(
        183,
        DEFAULT(
          "§3",
          "A best-interest determination older than 6 months is treated as stale; aligned with reassessment every 3–6 months (OSCaR settings)."
        ),
        "default-not-law",
        "days"
      ),
      viewsMaxAgeDays: p(
        183,
        DEFAULT(
          "§3",
          "The child's views are heard again at least every 6 months; aligned with reassessment every 3–6 months (OSCaR settings)."
        ),
        "default-not-law",
        "days"
      ),
      viewsDirectFromAge: p(
        7,
        DEFAULT(
          "§1 (UN Guidelines ¶49: consult the child)",
          "From this age the child's views must be heard in conversation or writing; younger children may be heard through play, drawing or observation."
        ),
        "default-not-law",
        "years"
      ),
      independentLivingFromAge: p(
        17,
        {
          ...AZIZA,
          section: "Phase 2: Monitoring and support (older students living independently)",
          note: "The source speaks of older students and high-school graduates; the age is a Homeward default, not law."
        },
        "default-not-law",
        "years"
      ),
      adultAge: p(18, UNCRC, "law", "years", "1992-10-15"),
      residentialCareFromAge: p(3, { ...UNGL, section: "¶22 (secondary summary)" }, "guidance", "years", "2009-12-18"),
      childAssentFromAge: p(
        12,
        DEFAULT(
          "§1",
          "Age from which the child's own assent is recorded besides caregiver consent; no Cambodian legal age was found."
        ),
        "default-not-law",
        "years"
      ),
      keepSiblingsTogether: p(
        true,
        { ...UNGL, section: "¶17 (secondary summary)" },
        "guidance",
        undefined,
        "2009-12-18"
      ),
      requireSuitableHousing: p(
        true,
        { ...AZIZA, section: "Phase 1: conditions for reintegration (a suitable place to live)" },
        "practice"
      ),
      requireStableLivelihood: p(
        true,
        { ...AZIZA, section: "Phase 1: conditions for reintegration (a stable job)" },
        "practice"
      )
    },
    phases: {
      contactSteps: p(azizaSteps, stepsCite, "practice"),
      deadlineDays: p(
        null,
        {
          ...AZIZA,
          section: "Phase 1",
          note: "No artificial deadlines: no step has a deadline; long dwell is only a warning."
        },
        "practice"
      )
    },
    monitoring: {
      durationMonths: p(
        36,
        { ...UNICEF_SR, note: "Follow-up visits for a period of three years." },
        "practice",
        "months",
        "2016-01-01"
      ),
      schedule: p(
        [
          { fromDay: 0, intervalDays: 7 },
          { fromDay: 56, intervalDays: 30 }
        ],
        DEFAULT(
          "§6",
          "Weekly visits for the first 8 weeks, then at least monthly (Texas CPS handbook, cited in RULES.md §6). No Cambodian legal visit frequency was found."
        ),
        "default-not-law",
        "days"
      ),
      graceDays: p(
        14,
        DEFAULT("§6", "A planned visit not made within 14 days of its date counts as missed."),
        "default-not-law",
        "days"
      ),
      reviewIntervalMonths: p(
        3,
        { ...UNGL, section: "¶67 (review preferably at least every 3 months)" },
        "guidance",
        "months",
        "2009-12-18"
      ),
      caseNoteMaxDays: p(
        30,
        {
          ...OSCAR,
          section: "Settings: a case note at least every 30 days",
          note: "Software setting: default, not law."
        },
        "default-not-law",
        "days"
      )
    },
    closure: {
      childMinTotal: p(
        18,
        { ...PRIM, section: "Form 6 closure: child total over 8 items (max 32)" },
        "policy",
        "points"
      ),
      childMinItem: p(2, { ...PRIM, section: "Form 6 closure: no child item below 2" }, "policy", "score"),
      familyMinTotal: p(
        30,
        { ...PRIM, section: "Form 6 closure: family total over 11 items (max 44)" },
        "policy",
        "points"
      ),
      familyMinItem: p(2, { ...PRIM, section: "Form 6 closure: no family item below 2" }, "policy", "score"),
      familyItemsExempt: p(
        ["assistanceFromRelatives"],
        { ...PRIM, section: "Form 6 closure: assistance from relatives may be below 2" },
        "policy"
      ),
      grandMinTotal: p(48, { ...PRIM, section: "Form 6 closure: grand total at least 48" }, "policy", "points"),
      managerApprovalRequired: p(true, { ...OSCAR, section: "Form 6: manager approval" }, "policy"),
      recentVisitsPositive: p(
        2,
        DEFAULT("§4", "The last two follow-up visits must be rated green before closure."),
        "default-not-law",
        "visits"
      )
    },
    support: {
      maxStepShare: p(
        0.25,
        {
          ...AZIZA,
          section: "Phase 2: scale back financial assistance slowly",
          note: "The source gives no amounts; at most a quarter of the starting amount per step is a Homeward default, not law."
        },
        "default-not-law",
        "share of starting amount"
      ),
      stepMonths: p(
        3,
        DEFAULT(
          "§6",
          "Support is reviewed and may step down every 3 months, in line with reviews every 3 months (UN Guidelines ¶67)."
        ),
        "default-not-law",
        "months"
      )
    },
    programme: {
      targetShare: p(
        0.3,
        { ...BCN_AP, section: "Return 30% of children in residential care in 5 priority provinces" },
        "policy",
        "share",
        "2016-01-01"
      ),
      targetDeadline: p(
        "2018-12-31",
        { ...BCN_AP, section: "Action Plan period 2016–2018" },
        "policy",
        undefined,
        "2016-01-01"
      ),
      maxCaseload: p(
        15,
        DEFAULT("§8", "Child Welfare League of America comparator: 12–15 children per worker (upper bound)."),
        "default-not-law",
        "children per worker"
      ),
      targetCohort: p(
        "in-care-at-start",
        { ...BCN_AP, section: "Return 30% of children in residential care in 5 priority provinces" },
        "policy",
        undefined,
        "2016-01-01"
      )
    },
    reporting: {
      smallCellK: p(
        5,
        DEFAULT(
          "Privacy",
          "Counts below 5 are suppressed in published aggregates, a common statistical disclosure-control threshold."
        ),
        "default-not-law",
        "children"
      ),
      protectionLevel: p(
        5,
        DEFAULT(
          "Privacy",
          "Every count of children suppressed because it is below smallCellK must, given everything else the same report publishes (all tables, totals and linked tables, published zeros, non-negative whole numbers), be compatible with at least this many children, so that it cannot be told apart from a count that would have been published. Equal to smallCellK; a larger value protects more at the cost of more suppressed cells."
        ),
        "default-not-law",
        "children"
      )
    }
  }
}

/** Overrides for the UNICEF Siem Reap 2017 programme. */
export const unicefSiemReap2017Patch = {
  id: "unicef-siem-reap-2017",
  version: "1.0.0",
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
        "2016-01-01"
      )
    },
    programme: {
      targetShare: p(
        0.3,
        { ...UNICEF_SR, section: "Target of safely returning 30 per cent of children in RCIs by 2018" },
        "policy",
        "share",
        "2017-08-01"
      ),
      targetDeadline: p(
        "2018-12-31",
        { ...UNICEF_SR, section: "Reunite 644 children by year-end 2018" },
        "policy",
        undefined,
        "2017-08-01"
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
        "2017-08-01"
      )
    }
  }
}

/** Overrides for Aziza's Place. */
export const azizasPlacePatch = {
  id: "azizas-place",
  version: "1.0.0",
  title: "Aziza's Place reintegration programme",
  description:
    "Conditions first (a suitable place to live, a stable job), then Sunday day visits, weekend sleep-overs, 2–3 nights a week, every night; two years of monitoring and support to the family as a unit, with financial support scaled back gradually.",
  jurisdiction: "KH-12",
  parameters: {
    phases: { contactSteps: p(azizaSteps, stepsCite, "practice", undefined, "2014-01-01") },
    monitoring: {
      durationMonths: p(
        24,
        { ...AZIZA, section: "Monitoring the progress over a period of two years" },
        "practice",
        "months",
        "2014-01-01"
      )
    }
  }
}

/** Overrides for the UN Guidelines (principles) profile. */
export const unGuidelines2009Patch = {
  id: "un-guidelines-2009",
  version: "1.0.0",
  title: "UN Guidelines for the Alternative Care of Children (principles)",
  description:
    "Necessity, poverty never the only reason, reviews at least every 3 months, siblings together, children under 3 in family-based care. Numbers the Guidelines do not set are Homeward defaults, marked as such.",
  parameters: {
    monitoring: {
      durationMonths: p(
        24,
        DEFAULT(
          "§6",
          "The Guidelines set no follow-up duration; 24 months is the shorter of the two seed programmes (Aziza's Place)."
        ),
        "default-not-law",
        "months",
        "2009-12-18"
      ),
      schedule: p(
        [{ fromDay: 0, intervalDays: 91 }],
        { ...UNGL, section: "¶67: reviewed preferably at least every 3 months" },
        "guidance",
        "days",
        "2009-12-18"
      )
    }
  }
}
