/**
 * Boundary tables, one per source (named after its docs/sources.md entry):
 * each parameter at value − 1, value and value + 1, month ends and
 * 29 February, so that a rule probed at its edges answers as its source says.
 */
import { describe, expect, it } from "vitest"
import {
  BestInterestChecks,
  CaseState,
  Closure,
  Eligibility,
  type FollowUp,
  Monitoring,
  Phase,
  Profiles,
  Reunification,
  Scoring
} from "../src/index.js"
import { readyKnobs, stateFrom } from "./scenario.js"

const DAY = 86_400_000
const at = (d: string) => new Date(`${d}T00:00:00.000Z`)
const iso = (d: Date) => d.toISOString().slice(0, 10)
const A: FollowUp.FollowUpCriteria = { health: "A", education: "A", food: "A", relationship: "A", safety: "A" }
const codes = (d: { reasons: ReadonlyArray<{ code: string }> }) => d.reasons.map((r) => r.code)
const blockers = (d: { reasons: ReadonlyArray<{ code: string; severity: string }> }) =>
  d.reasons.filter((r) => r.severity === "blocker").map((r) => r.code)

const reunified = (
  reunifiedOn: Date,
  visits: ReadonlyArray<FollowUp.FollowUpVisit> = [],
  extra: Partial<CaseState.CaseState> = {}
): CaseState.CaseState => ({
  ...CaseState.initial("c1"),
  opened: true,
  status: "open",
  phase: { phase: "reunified" },
  phaseSince: reunifiedOn,
  reunifiedOn,
  monitoringVisits: visits,
  ...extra
})
const visit = (id: string, date: Date, extra: Partial<FollowUp.FollowUpVisit> = {}): FollowUp.FollowUpVisit => ({
  id,
  date,
  visitorId: "sw",
  criteria: A,
  childSeen: true,
  closureRecommended: false,
  ...extra
})
const form6 = (date: Date, child: ReadonlyArray<number>, family: ReadonlyArray<number>): FollowUp.ClosureAssessment => {
  const c = [
    "health",
    "nutrition",
    "education",
    "emotionalWellbeing",
    "socialBehaviour",
    "safety",
    "shelter",
    "relationshipWithCaregiver"
  ] as const
  const f = [
    "basicNeeds",
    "income",
    "housing",
    "caregivingSkills",
    "childSafety",
    "emotionalBond",
    "familyRelationships",
    "healthCareAccess",
    "educationSupport",
    "communityParticipation",
    "assistanceFromRelatives"
  ] as const
  return {
    id: "f6",
    date,
    assessorId: "sw",
    child: Object.fromEntries(c.map((k, i) => [k, child[i]!])) as FollowUp.ClosureAssessment["child"],
    family: Object.fromEntries(f.map((k, i) => [k, family[i]!])) as FollowUp.ClosureAssessment["family"],
    managerApproval: { managerId: "m", on: date }
  }
}
/** A case ready to close as reintegration-complete on the day its monitoring ends (green visits, Form 6 met). */
const closable = (reunifiedOn: Date, end: Date) =>
  reunified(
    reunifiedOn,
    [visit("v1", new Date(end.getTime() - 30 * DAY)), visit("v2", end, { closureRecommended: true })],
    { closureAssessments: [form6(end, [3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3])] }
  )

describe("[UNGL] UN Guidelines for the Alternative Care of Children", () => {
  const un = Profiles.unGuidelines2009
  it.each([
    ["2019-02-01", "2019-04-30", "not-yet-due"],
    ["2019-02-01", "2019-05-01", "due"],
    ["2019-02-01", "2019-05-02", "overdue"],
    ["2019-01-31", "2019-04-30", "due"],
    ["2019-01-31", "2019-05-01", "overdue"],
    ["2019-11-30", "2020-02-29", "due"],
    ["2019-11-30", "2020-03-01", "overdue"],
    ["2018-11-30", "2019-02-28", "due"],
    ["2018-11-30", "2019-03-01", "overdue"],
    ["2020-02-29", "2020-05-29", "due"],
    ["2020-02-29", "2020-05-30", "overdue"]
  ])("[UNGL ¶67] reunified %s, review on %s: %s", (r, asOf, status) => {
    expect(Monitoring.reviewStatus(reunified(at(r)), un, at(asOf)).outcome.status).toBe(status)
  })

  it.each([
    ["2019-02-01", "2019-05-01"],
    ["2019-01-31", "2019-04-30"],
    ["2019-11-30", "2020-02-29"],
    ["2020-02-29", "2020-05-29"],
    ["2019-12-31", "2020-03-31"]
  ])("[UNGL ¶67] reunified %s: the first UN-profile visit is due %s", (r, first) => {
    expect(iso(Monitoring.monitoringPlan(at(r), un)[0]!.due)).toBe(first)
  })

  it.each([
    ["2019-02-27", true],
    ["2019-02-28", true],
    ["2019-03-01", false]
  ])("[UNGL ¶22] a child born 2016-02-29 in residential care on %s is under 3: %s", (asOf, under) => {
    const s = {
      ...stateFrom(readyKnobs, at(asOf)),
      child: {
        id: "CH-1",
        birth: { date: at("2016-02-29"), estimated: false },
        sex: "female" as const,
        school: "not-school-age" as const
      }
    }
    expect(codes(BestInterestChecks.bestInterestChecks(s, un, at(asOf))).includes("under-residential-care-age")).toBe(
      under
    )
  })
})

describe("[UNCRC] Convention on the Rights of the Child, art. 1 (18 years)", () => {
  it.each([
    ["2000-06-15", "2018-06-14", false],
    ["2000-06-15", "2018-06-15", true],
    ["2000-06-15", "2018-06-16", true],
    ["2000-02-29", "2018-02-28", false],
    ["2000-02-29", "2018-03-01", true]
  ])("[UNCRC art. 1] born %s, closing as became-adult on %s: %s", (born, asOf, ok) => {
    const s = reunified(at("2017-01-01"), [], {
      child: { id: "CH-1", birth: { date: at(born), estimated: false }, sex: "male", school: "graduated" }
    })
    expect(Closure.closureEligibility(s, Profiles.cambodiaMosvy, at(asOf), "became-adult").outcome.eligible).toBe(ok)
  })
})

describe("[PRIM] MoSVY forms as configured in Primero for Cambodia", () => {
  const p = Profiles.cambodiaMosvy
  it.each([
    ["child 17", [3, 2, 2, 2, 2, 2, 2, 2], [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], ["child-total-below-minimum"]],
    ["child 18", [3, 3, 2, 2, 2, 2, 2, 2], [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], []],
    ["child 19", [3, 3, 3, 2, 2, 2, 2, 2], [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], []],
    ["family 29", [3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2], ["family-total-below-minimum"]],
    ["family 30", [3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2], []],
    ["family 31", [3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2], []],
    [
      "grand 47",
      [3, 2, 2, 2, 2, 2, 2, 2],
      [3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2],
      ["child-total-below-minimum", "family-total-below-minimum", "grand-total-below-minimum"]
    ],
    ["grand 48", [3, 3, 2, 2, 2, 2, 2, 2], [3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2], []],
    ["an item at 1", [4, 4, 4, 4, 4, 4, 4, 1], [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4], ["child-item-below-minimum"]],
    ["relatives at 1", [3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1], []]
  ])("[PRIM closure] Form 6 with %s", (_, child, family, expected) => {
    expect(blockers(Closure.assessForm6(form6(at("2023-01-01"), child, family), p, at("2023-01-02")))).toEqual(expected)
  })

  it.each([
    [3, false],
    [4, true]
  ])("[PRIM scoring] %i family domains scored 2: high risk %s", (n, high) => {
    const domains = ["basicCare", "safetyStability", "emotionalBonding", "familyFunctioning", "community"] as const
    const cap = Object.fromEntries(domains.map((d, i) => [d, i < n ? 2 : 3]))
    expect(Scoring.scoreDomains({ ...cap, economicCapacity: 3 }, p, at("2023-01-01")).outcome.highRisk).toBe(high)
  })

  it.each([
    ["23:59:59", false],
    ["24:00:00", false],
    ["24:00:01", true]
  ])("[PRIM response time] a red visit on 2023-01-10, asked %s later: response overdue %s", (after, overdue) => {
    const [h, m, s] = after.split(":").map(Number) as [number, number, number]
    const red = visit("v1", at("2023-01-10"), { criteria: { ...A, safety: "C" } })
    const asOf = new Date(at("2023-01-10").getTime() + ((h * 60 + m) * 60 + s) * 1000)
    expect(Monitoring.monitoringStatus(reunified(at("2023-01-01"), [red]), p, asOf).outcome.escalation?.overdue).toBe(
      overdue
    )
  })

  it.each([
    ["2023-03-09", true],
    ["2023-03-10", true],
    ["2023-03-11", false]
  ])("[PRIM reunification details] return on 2023-03-10, agreement signed %s: counts %s", (signed, counts) => {
    const s = {
      ...stateFrom(readyKnobs, at("2023-03-10")),
      episodeSince: at("2022-01-01"),
      agreements: [
        {
          id: "ag",
          date: at(signed),
          householdId: "HH-1",
          caregiverId: "HH-1-M1",
          caseworkerId: "sw",
          childSigned: true,
          witnesses: [
            { role: "government-official" as const, id: "go" },
            { role: "commune-chief" as const, id: "cc" }
          ]
        }
      ]
    }
    const d = Reunification.reunificationChecks(s, p, at("2023-03-11"), {
      type: "parents",
      since: at("2023-03-10"),
      householdId: "HH-1"
    })
    expect(codes(d).some((c) => c.startsWith("agreement-"))).toBe(!counts)
  })
})

describe("[AZIZA] Aziza's Place reintegration programme", () => {
  const p = Profiles.azizasPlace
  const steps = p.parameters.phases.contactSteps.value
  const since = at("2018-01-01")
  const inStep = (stepId: string, nightsPerWeek: number, weeks: number) => ({
    ...CaseState.initial("c1"),
    opened: true,
    status: "open" as const,
    phase: { phase: "gradual-contact" as const, step: stepId },
    phaseSince: since,
    contacts: Array.from({ length: weeks }, (_, w) => ({
      id: `ct-${w}`,
      date: new Date(since.getTime() + 7 * w * DAY),
      kind: "multi-night" as const,
      nights: nightsPerWeek,
      outcome: "positive" as const,
      phase: { phase: "gradual-contact" as const, step: stepId }
    }))
  })
  const ready = (stepId: string, nights: number, day: number) =>
    Phase.canAdvance(inStep(stepId, nights, 8), p, new Date(since.getTime() + day * DAY), {
      withReturnSafeguards: false
    }).outcome.ready

  it.each([
    [1, false],
    [2, true],
    [3, true],
    [4, true]
  ])("[AZIZA] 2 or 3 nights a week: %i night(s) a week over four weeks passes %s", (n, ok) => {
    expect(ready("two-three-nights", n, 28)).toBe(ok)
  })

  it.each([
    [6, false],
    [7, true]
  ])("[AZIZA] every night: %i nights a week passes %s", (n, ok) => {
    expect(ready("every-night", n, 14)).toBe(ok)
  })

  it.each([
    [6, false],
    [7, true]
  ])("[AZIZA] every night, recorded night by night: %i one-night stays a week pass %s", (n, ok) => {
    const contacts = [0, 1].flatMap((w) =>
      Array.from({ length: n }, (_, k) => ({
        id: `ct-${w}-${k}`,
        date: new Date(since.getTime() + (7 * w + k) * DAY),
        kind: "overnight" as const,
        outcome: "positive" as const,
        phase: { phase: "gradual-contact" as const, step: "every-night" }
      }))
    )
    const s = { ...inStep("every-night", 7, 0), contacts }
    expect(
      Phase.canAdvance(s, p, new Date(since.getTime() + 14 * DAY), { withReturnSafeguards: false }).outcome.ready
    ).toBe(ok)
  })

  it.each([
    [27, false],
    [28, true],
    [29, true]
  ])("[AZIZA, HD-contact-steps] four weekly weeks: day %i of the step is ready %s", (day, ok) => {
    expect(ready("two-three-nights", 2, day)).toBe(ok)
  })

  it.each([
    ["2016-02-29", "2018-02-27", false],
    ["2016-02-29", "2018-02-28", true],
    ["2016-01-31", "2018-01-30", false],
    ["2016-01-31", "2018-01-31", true]
  ])("[AZIZA] two years of monitoring: reunified %s, closing on %s: %s", (r, asOf, ok) => {
    const end = Monitoring.monitoringEnd(at(r), p)
    expect(Closure.closureEligibility(closable(at(r), at(asOf)), p, at(asOf)).outcome.eligible).toBe(ok)
    expect(iso(end)).toBe(ok ? asOf : iso(new Date(at(asOf).getTime() + DAY)))
  })

  it("[AZIZA] the steps, in order, and which of their numbers are Homeward defaults", () => {
    expect(steps.map((s) => [s.id, s.weekly?.measure, s.weekly?.min, s.weekly?.max])).toEqual([
      ["sunday-day-visits", "visits", 1, undefined],
      ["weekend-sleepovers", "nights", 1, 2],
      ["two-three-nights", "nights", 2, 3],
      ["every-night", "nights", 7, undefined]
    ])
    for (const s of steps) expect(s.homewardDefaults).toEqual(expect.arrayContaining(["minDwellDays", "weekly.weeks"]))
  })
})

describe("[UNICEF-SR] Siem Reap provincial plan: three years of follow-up", () => {
  const p = Profiles.unicefSiemReap2017
  it.each([
    ["2017-08-31", "2020-08-30", false],
    ["2017-08-31", "2020-08-31", true],
    ["2016-02-29", "2019-02-27", false],
    ["2016-02-29", "2019-02-28", true],
    ["2017-05-14", "2020-05-14", true]
  ])("[UNICEF-SR] reunified %s, closing as reintegration-complete on %s: %s", (r, asOf, ok) => {
    expect(Closure.closureEligibility(closable(at(r), at(asOf)), p, at(asOf)).outcome.eligible).toBe(ok)
  })
})

describe("[HD] Homeward defaults", () => {
  const p = Profiles.cambodiaMosvy
  const asOf = at("2023-06-01")

  it.each([
    [182, false],
    [183, false],
    [184, true]
  ])("[HD-assessment-age] a family assessment %i days old is stale: %s", (days, stale) => {
    const d = Eligibility.assessReintegration(
      stateFrom({ ...readyKnobs, familyAssessmentDaysAgo: days }, asOf),
      p,
      asOf
    )
    expect(codes(d).includes("family-assessment-stale")).toBe(stale)
  })

  it.each([
    [13, "due"],
    [14, "due"],
    [15, "missed"]
  ])("[HD-grace-days] the first visit (due 2023-01-08), %i days later, is %s", (late, status) => {
    const s = reunified(at("2023-01-01"))
    const o = Monitoring.monitoringStatus(s, p, new Date(at("2023-01-08").getTime() + late * DAY)).outcome
    expect(status === "missed" ? o.missed.map((v) => v.index) : o.due.map((v) => v.index)).toContain(1)
  })

  it.each([
    ["2011-06-01", true],
    ["2011-06-02", false],
    ["2011-02-28", true],
    ["2012-02-29", false]
  ])("[HD-assent-age] a child born %s is 12 on 2023-06-01, so their own assent is needed: %s", (born, needed) => {
    const s = {
      ...stateFrom(readyKnobs, asOf),
      child: {
        id: "CH-1",
        birth: { date: at(born), estimated: false },
        sex: "female" as const,
        school: "enrolled" as const
      }
    }
    expect(codes(Reunification.reunificationChecks(s, p, asOf)).includes("no-child-assent")).toBe(needed)
  })

  it.each([
    [1, false],
    [2, true]
  ])("[HD-recent-green-visits] %i green visit(s) since the return: may close %s", (n, ok) => {
    const r = at("2019-01-01")
    const end = Monitoring.monitoringEnd(r, p)
    const visits = Array.from({ length: n }, (_, i) =>
      visit(`v${i}`, new Date(end.getTime() - (n - 1 - i) * 30 * DAY), { closureRecommended: i === n - 1 })
    )
    const s = reunified(r, visits, {
      closureAssessments: [form6(end, [3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3])]
    })
    expect(Closure.closureEligibility(s, p, end).outcome.eligible).toBe(ok)
  })
})
