/**
 * One complete, valid record (JSON form) per data collection record type:
 * every optional field and group filled in, every list with an item, so
 * that changing one answer tests that answer alone.
 */
import { Profiles, Registry, Validation } from "@homeward/core"

export const complete: Readonly<Partial<Record<Registry.RecordType, Record<string, unknown>>>> = {
  child: {
    id: "CH-1",
    givenName: "Sokha",
    familyName: "Chan",
    birth: { date: "2012-02-29", estimated: true, basis: "caregiver-report" },
    sex: "female",
    disabilities: ["Hearing"],
    specialNeeds: "Hearing aid",
    school: "enrolled",
    siblingIds: ["CH-2", "CH-3"]
  },
  household: {
    id: "HH-1",
    members: [{ id: "HH-1-m1", name: "Dara", relationship: "grandparent", primaryCaregiver: true, birthYear: 1960 }],
    location: { province: "Siem Reap", district: "Puok", commune: "Puok", village: "Village 3", address: "House 12" },
    contact: { phone: "012 345 678", other: "Through the village chief" },
    housing: "needs-improvement",
    livelihood: "irregular",
    tracing: "traced",
    notes: "Visit in the morning",
    kind: "kinship",
    label: "Grandmother's home"
  },
  institution: {
    id: "RCI-7",
    name: "Happy Home",
    kind: "residential-care",
    status: "closed",
    closureReason: "insufficient-funds",
    closedOn: "2019-06-30",
    location: {
      province: "Battambang",
      district: "Sangkae",
      commune: "Ou Dambang",
      village: "Village 1",
      address: "Road 5"
    },
    inspection: { on: "2018-03-01", ranking: "below-not-critical" },
    capacity: 40
  },
  case: {
    id: "case-1",
    childId: "CH-1",
    institutionId: "RCI-7",
    agencyId: "AG-1",
    socialWorkerId: "sw-1",
    openedOn: "2019-01-15",
    admissionReasons: ["poverty", "access-to-education"],
    placement: { type: "residential-care", since: "2016-05-01", institutionId: "RCI-7", householdId: "HH-1" }
  },
  assessment: {
    id: "as-1",
    kind: "family",
    date: "2019-02-01",
    assessorId: "sw-1",
    householdId: "HH-1",
    childWellbeing: { health: 4, education: 3, emotionalSocial: 3, safetyEnvironment: 2, nutrition: 4 },
    familyCapacity: {
      basicCare: 3,
      safetyStability: 3,
      emotionalBonding: 4,
      economicCapacity: 2,
      familyFunctioning: 3,
      community: 3
    },
    riskFactors: [{ factor: "gambling", mitigation: "mitigation-in-progress", plan: "Weekly counselling" }],
    riskLevel: "medium",
    conclusion: "continue-case",
    familyAcceptsServices: true,
    notes: "Father works away"
  },
  "follow-up-visit": {
    id: "v-1",
    date: "2020-01-31",
    visitorId: "sw-1",
    criteria: { health: "A", education: "B", food: "A", relationship: "A", safety: "C" },
    childSeen: false,
    notSeenReason: "at-school-or-work",
    closureRecommended: false,
    notes: "Teacher says attendance is good"
  },
  "closure-assessment": {
    id: "f6-1",
    date: "2021-03-31",
    assessorId: "sw-1",
    child: {
      health: 4,
      nutrition: 4,
      education: 3,
      emotionalWellbeing: 3,
      socialBehaviour: 3,
      safety: 4,
      shelter: 3,
      relationshipWithCaregiver: 4
    },
    family: {
      basicNeeds: 3,
      income: 3,
      housing: 3,
      caregivingSkills: 3,
      childSafety: 4,
      emotionalBond: 4,
      familyRelationships: 3,
      healthCareAccess: 3,
      educationSupport: 3,
      communityParticipation: 3,
      assistanceFromRelatives: 1
    },
    managerApproval: { managerId: "mgr-1", on: "2021-04-02" }
  },
  "child-views": {
    date: "2019-03-01",
    heardBy: "sw-1",
    howHeard: "play-or-drawing",
    wish: "yes-soon",
    preferredPeople: [{ rank: 1, relationship: "grandparent", memberId: "HH-1-m1", name: "Dara" }],
    summary: "Wants to live with grandmother"
  },
  "best-interest-determination": {
    id: "bid-1",
    date: "2019-04-01",
    panel: [
      { memberId: "sw-1", role: "social-worker" },
      { memberId: "go-1", role: "government-official" }
    ],
    childViewsConsidered: true,
    familyViewsConsidered: true,
    optionsConsidered: ["reunification", "medical"],
    recommendation: "reunification",
    placementType: "kinship",
    householdId: "HH-1",
    rationale: "Grandmother able and willing"
  },
  contact: {
    id: "ct-1",
    date: "2019-05-04",
    kind: "multi-night",
    nights: 3,
    outcome: "concerns",
    householdId: "HH-1",
    notes: "Child came back tired"
  },
  consent: {
    id: "cons-1",
    kind: "caregiver-consent",
    givenBy: "HH-1-m1",
    purposes: ["services", "information-sharing"],
    agencies: ["AG-1", "AG-2"],
    givenOn: "2019-01-20",
    expiresOn: "2021-01-20",
    withdrawnOn: "2020-06-01"
  },
  "support-plan": {
    id: "plan-1",
    startsOn: "2019-06-01",
    recipient: "household",
    householdId: "HH-1",
    items: [
      { category: "rent", amount: { amount: 40, currency: "USD" }, period: "monthly" },
      { category: "food", amount: { amount: 100000.5, currency: "KHR" }, period: "weekly" }
    ]
  },
  "support-payment": {
    id: "pay-1",
    planId: "plan-1",
    paidOn: "2019-07-01",
    category: "rent",
    amount: { amount: 0, currency: "USD" }
  },
  "safety-plan": {
    id: "sp-1",
    date: "2019-03-01",
    householdId: "HH-1",
    assessmentId: "asm-1",
    domains: ["health", "safetyStability"],
    riskFactors: ["alcohol-use"],
    approvedBy: "mgr-1",
    summary: "Grandmother checks in with the neighbour every evening"
  },
  "reunification-agreement": {
    id: "ag-1",
    date: "2019-04-01",
    householdId: "HH-1",
    caregiverId: "HH-1-m1",
    caseworkerId: "sw-1",
    childSigned: true,
    witnesses: [
      { role: "government-official", id: "go-1" },
      { role: "commune-chief", id: "cc-1" }
    ],
    signedCopyAttached: true
  },
  "case-conference": {
    id: "conf-1",
    date: "2019-02-15",
    reasons: ["placement-in-alternative-care", "family-reunification"],
    participantIds: ["sw-1", "mgr-1"],
    outcome: "Visit the grandmother twice before the return"
  },
  "care-exception": {
    id: "exc-1",
    kind: "siblings-together",
    justification: "Her brother stays until the end of the school year",
    from: "2019-01-10",
    endsOn: "2019-07-31",
    approvedBy: "mgr-1"
  },
  "youth-activity": {
    date: "2020-02-29",
    work: "part-time",
    study: "vocational-training",
    finishedSecondarySchool: true
  },
  "policy-profile": Validation.encode(Registry.records["policy-profile"], Profiles.azizasPlace) as Record<
    string,
    unknown
  >
}
