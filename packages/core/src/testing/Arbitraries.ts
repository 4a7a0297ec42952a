/**
 * fast-check generators for Homeward property tests: domain records
 * (children, households, assessments, contacts, follow-up visits, Form 6
 * assessments, support plans), case commands, plausible command scenarios
 * for a whole case life, and raw event sequences (valid events in any order,
 * for the totality of `evolve`). Every generated record decodes with its
 * Schema (checked in the core tests). Test tooling: not for production code.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { ReunificationAgreement } from "../Agreement.js"
import {
  type Assessment,
  ChildWellbeingDomains,
  type Domain,
  FamilyCapacityDomains,
  type SafetyPlan
} from "../Assessment.js"
import type { BestInterestDetermination } from "../BestInterest.js"
import type { AdmissionReason, CareException, Placement, PlacementType } from "../Case.js"
import type { CaseClosureReason, CaseEvent } from "../CaseEvent.js"
import type { Child } from "../Child.js"
import type { ChildViews } from "../ChildViews.js"
import type { Actor } from "../Common.js"
import type { CaseConference } from "../Conference.js"
import type { Consent } from "../Consent.js"
import type { Contact, ContactKind, ContactOutcome } from "../Contact.js"
import type { Command } from "../Decider.js"
import {
  type ClosureAssessment,
  ClosureChildItems,
  ClosureFamilyItems,
  type FollowUpCriteria,
  type FollowUpVisit,
  type Rating
} from "../FollowUp.js"
import type { Household } from "../Household.js"
import type { YouthActivity } from "../IndependentLiving.js"
import { monitoringPlan } from "../Monitoring.js"
import { type PhaseRef, stepMinimums } from "../Phase.js"
import { ApprovalStep, type PolicyProfile } from "../PolicyProfile.js"
import * as Profiles from "../Profiles.js"
import { DeclineReason, ServiceType } from "../Referral.js"
import type { SupportPayment, SupportPlan } from "../Support.js"
import { RejectReason } from "../Transfer.js"

const DAY = 86_400_000

/**
 * A calendar day (00:00 UTC) between 2010 and 2030.
 *
 * @since 0.1.0
 */
export const day: fc.Arbitrary<Date> = fc
  .integer({ min: Date.UTC(2010, 0, 1) / DAY, max: Date.UTC(2030, 11, 31) / DAY })
  .map((d) => new Date(d * DAY))

/**
 * One of the built-in policy profiles.
 *
 * @since 0.1.0
 */
export const profile: fc.Arbitrary<PolicyProfile> = fc.constantFrom(
  Profiles.cambodiaMosvy,
  Profiles.unicefSiemReap2017,
  Profiles.azizasPlace,
  Profiles.unGuidelines2009
)

const id = (prefix: string) => fc.integer({ min: 1, max: 9999 }).map((n) => `${prefix}-${n}`)

/**
 * An actor of the audit trail.
 *
 * @since 0.1.0
 */
export const actor: fc.Arbitrary<Actor> = fc.record({
  id: id("sw"),
  role: fc.constantFrom("social-worker", "case-manager", "manager")
})

/**
 * A child (no names: ids only), born 2000–2016.
 *
 * @since 0.1.0
 */
export const child: fc.Arbitrary<Child> = fc.record({
  id: id("CH"),
  birth: fc.record({
    date: fc
      .integer({ min: Date.UTC(2000, 0, 1) / DAY, max: Date.UTC(2016, 11, 31) / DAY })
      .map((d) => new Date(d * DAY)),
    estimated: fc.boolean()
  }),
  sex: fc.constantFrom("female", "male", "other", "unknown"),
  school: fc.constantFrom("enrolled", "vocational-training", "not-enrolled", "dropped-out", "unknown")
})

const admissionReasons: fc.Arbitrary<ReadonlyArray<AdmissionReason>> = fc.uniqueArray(
  fc.constantFrom<AdmissionReason>(
    "poverty",
    "access-to-education",
    "neglect",
    "abandonment",
    "parental-illness",
    "domestic-violence"
  ),
  { minLength: 1, maxLength: 3 }
)

/**
 * A placement of a given type (or any residential or family type) since a day.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.placement(new Date("2018-03-01"), ["kinship", "foster"]), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const placement = (since: Date, types?: ReadonlyArray<PlacementType>): fc.Arbitrary<Placement> =>
  fc.record({
    type: fc.constantFrom(...(types ?? (["residential-care", "parents", "kinship"] as const))),
    since: fc.constant(since)
  })

const score = fc.integer({ min: 1, max: 4 })
const goodScore = fc.oneof({ weight: 1, arbitrary: score }, { weight: 4, arbitrary: fc.integer({ min: 3, max: 4 }) })

/**
 * An assessment dated `on`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.assessment(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const assessment = (on: Date, n: number): fc.Arbitrary<Assessment> =>
  fc.record({
    id: fc.constant(`as-${n}`),
    kind: fc.constantFrom("child", "family", "home", "readiness"),
    date: fc.constant(on),
    assessorId: id("sw"),
    householdId: fc.constant("HH-1"),
    childWellbeing: fc.record({
      health: goodScore,
      education: goodScore,
      emotionalSocial: goodScore,
      safetyEnvironment: goodScore,
      nutrition: goodScore
    }),
    familyCapacity: fc.record({
      basicCare: goodScore,
      safetyStability: goodScore,
      emotionalBonding: goodScore,
      economicCapacity: goodScore,
      familyFunctioning: goodScore,
      community: goodScore
    }),
    riskFactors: fc.array(
      fc.record({
        factor: fc.constantFrom("alcohol-use", "gambling", "domestic-violence", "not-attending-school"),
        mitigation: fc.constantFrom("unmitigated", "mitigation-in-progress", "mitigated")
      }),
      { maxLength: 2 }
    ),
    riskLevel: fc.constantFrom("high", "medium", "low"),
    conclusion: fc.constantFrom("can-reintegrate", "can-reintegrate", "continue-case", "cannot-reintegrate"),
    familyAcceptsServices: fc.boolean()
  })

/**
 * A household (the birth family, id `HH-1` by default).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.household("HH-2"), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const household = (hhId = "HH-1"): fc.Arbitrary<Household> =>
  fc.record({
    id: fc.constant(hhId),
    members: fc.constant([{ id: `${hhId}-m1`, relationship: "parent" as const, primaryCaregiver: true }]),
    location: fc.record({ province: fc.constantFrom("Siem Reap", "Phnom Penh", "Battambang") }),
    housing: fc.constantFrom("suitable", "suitable", "needs-improvement", "unsuitable"),
    livelihood: fc.constantFrom("stable", "stable", "irregular", "none"),
    tracing: fc.constantFrom("traced", "traced", "traced", "in-progress", "not-found")
  })

/**
 * The child's views heard on `on`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.views(new Date("2018-03-01")), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const views = (on: Date): fc.Arbitrary<ChildViews> =>
  fc.record({
    date: fc.constant(on),
    heardBy: id("sw"),
    howHeard: fc.constantFrom("direct-conversation", "play-or-drawing", "observation"),
    wish: fc.constantFrom("yes-soon", "yes-soon", "yes-later", "not-sure", "no"),
    preferredPeople: fc.constant([{ rank: 1, relationship: "parent" as const, memberId: "HH-1-m1" }])
  })

/**
 * A best-interest determination on `on`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.determination(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const determination = (on: Date, n: number): fc.Arbitrary<BestInterestDetermination> =>
  fc.record({
    id: fc.constant(`bid-${n}`),
    date: fc.constant(on),
    panel: fc.constant([
      { memberId: "sw-1", role: "social-worker" as const },
      { memberId: "go-1", role: "government-official" as const }
    ]),
    childViewsConsidered: fc.boolean(),
    familyViewsConsidered: fc.boolean(),
    optionsConsidered: fc.constant(["reunification", "maintain-current-arrangement"] as const),
    recommendation: fc.constantFrom("reunification", "reunification", "maintain-current-arrangement"),
    placementType: fc.constant("parents" as const),
    householdId: fc.constant("HH-1")
  })

/**
 * A consent given on `on` (id from a small pool so withdrawals can refer to it).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.consent(new Date("2018-03-01")), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const consent = (on: Date): fc.Arbitrary<Consent> =>
  fc.record({
    id: fc.integer({ min: 1, max: 3 }).map((k) => `cons-${k}`),
    kind: fc.constantFrom("caregiver-consent", "child-assent"),
    givenBy: fc.constant("HH-1-m1"),
    purposes: fc.constant(["services", "tracing", "information-sharing"] as const),
    agencies: fc.constant(["AG-1"]),
    givenOn: fc.constant(on)
  })

/**
 * A contact on `on`, mostly positive.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.contact(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const contact = (on: Date, n: number): fc.Arbitrary<Contact> =>
  fc.record(
    {
      id: fc.constant(`ct-${n}`),
      date: fc.constant(on),
      kind: fc.constantFrom<ContactKind>(
        "day-visit-home",
        "overnight",
        "multi-night",
        "monitoring-home-visit",
        "phone"
      ),
      nights: fc.integer({ min: 0, max: 7 }),
      outcome: fc.oneof(
        { weight: 9, arbitrary: fc.constant<ContactOutcome>("positive") },
        { weight: 1, arbitrary: fc.constantFrom<ContactOutcome>("concerns", "incident") }
      )
    },
    { requiredKeys: ["id", "date", "kind", "outcome"] }
  )

const rating: fc.Arbitrary<Rating> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Rating>("A") },
  { weight: 2, arbitrary: fc.constant<Rating>("B") },
  { weight: 1, arbitrary: fc.constant<Rating>("C") }
)

/**
 * The five follow-up criteria, mostly A.
 *
 * @since 0.1.0
 */
export const criteria: fc.Arbitrary<FollowUpCriteria> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constant<FollowUpCriteria>({ health: "A", education: "A", food: "A", relationship: "A", safety: "A" })
  },
  {
    weight: 2,
    arbitrary: fc.record({ health: rating, education: rating, food: rating, relationship: rating, safety: rating })
  }
)

/**
 * A follow-up visit on `on`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.followUpVisit(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const followUpVisit = (on: Date, n: number): fc.Arbitrary<FollowUpVisit> =>
  fc.record({ criteria, seen: fc.boolean() }).map(({ criteria, seen }) => ({
    id: `v-${n}`,
    date: on,
    visitorId: "sw-1",
    criteria,
    childSeen: seen || n % 2 === 0,
    ...(seen || n % 2 === 0 ? {} : { notSeenReason: "at-school-or-work" as const }),
    closureRecommended: false
  }))

/**
 * A Form 6 final assessment on `on` (scores mostly 3–4), approved by a
 * manager most of the time.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.closureAssessment(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const closureAssessment = (
  on: Date,
  n: number,
  itemScore?: fc.Arbitrary<number>
): fc.Arbitrary<ClosureAssessment> =>
  itemScore === undefined
    ? fc.oneof(
        { weight: 3, arbitrary: closureAssessment(on, n, fc.integer({ min: 3, max: 4 })) },
        { weight: 1, arbitrary: closureAssessment(on, n, goodScore) }
      )
    : fc
        .record({
          id: fc.constant(`f6-${n}`),
          date: fc.constant(on),
          assessorId: fc.constant("sw-1"),
          child: fc.record({
            health: itemScore,
            nutrition: itemScore,
            education: itemScore,
            emotionalWellbeing: itemScore,
            socialBehaviour: itemScore,
            safety: itemScore,
            shelter: itemScore,
            relationshipWithCaregiver: itemScore
          }),
          family: fc.record({
            basicNeeds: itemScore,
            income: itemScore,
            housing: itemScore,
            caregivingSkills: itemScore,
            childSafety: itemScore,
            emotionalBond: itemScore,
            familyRelationships: itemScore,
            healthCareAccess: itemScore,
            educationSupport: itemScore,
            communityParticipation: itemScore,
            assistanceFromRelatives: score
          }),
          approved: fc.boolean()
        })
        .map(({ approved, ...a }) =>
          approved || n % 3 !== 0 ? { ...a, managerApproval: { managerId: "mgr-1", on } } : a
        )

/**
 * A support plan starting on `startsOn` (id from a small pool).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.supportPlan(new Date("2018-03-01")), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const supportPlan = (startsOn: Date): fc.Arbitrary<SupportPlan> =>
  fc.record({
    id: fc.integer({ min: 1, max: 2 }).map((k) => `plan-${k}`),
    startsOn: fc.constant(startsOn),
    recipient: fc.constantFrom("household", "youth"),
    items: fc.uniqueArray(
      fc.record({
        category: fc.constantFrom("cash", "rent", "school-costs", "livelihood", "food"),
        amount: fc.record({
          amount: fc.oneof(
            fc.integer({ min: 0, max: 500 }),
            fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })
          ),
          currency: fc.constantFrom("USD", "KHR")
        }),
        period: fc.constantFrom("weekly", "monthly", "monthly", "quarterly", "yearly", "one-off")
      }),
      { minLength: 1, maxLength: 4, selector: (i) => i.category }
    )
  })

/**
 * A support payment on `on`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.supportPayment(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const supportPayment = (on: Date, n: number): fc.Arbitrary<SupportPayment> =>
  fc.record({
    id: fc.constant(`pay-${n}`),
    planId: fc.integer({ min: 1, max: 2 }).map((k) => `plan-${k}`),
    paidOn: fc.constant(on),
    category: fc.constantFrom("cash", "rent", "school-costs", "livelihood", "food"),
    amount: fc.record({ amount: fc.integer({ min: 0, max: 200 }), currency: fc.constant("USD" as const) })
  })

const override = fc.record({ approvedBy: id("mgr"), justification: fc.constant("Approved at case conference") })

const closureReason: fc.Arbitrary<CaseClosureReason> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<CaseClosureReason>("reintegration-complete") },
  {
    weight: 2,
    arbitrary: fc.constantFrom<CaseClosureReason>(
      "transferred",
      "moved-cannot-be-found",
      "repatriated",
      "died",
      "became-adult",
      "refused-services",
      "no-longer-needs-support",
      "breakdown"
    )
  }
)

/**
 * A phase ref of a profile's pathway (any position).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Profiles } from "@homeward/core"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.phaseRef(Profiles.azizasPlace), 3) // positions of the profile's pathway
 * ```
 *
 * @since 0.1.0
 */
export const phaseRef = (p: PolicyProfile): fc.Arbitrary<PhaseRef> =>
  fc.constantFrom<PhaseRef>(
    { phase: "intake" },
    { phase: "assessment" },
    { phase: "preparation" },
    ...p.parameters.phases.contactSteps.value.map((s): PhaseRef => ({ phase: "gradual-contact", step: s.id })),
    { phase: "reunified" }
  )

type Env = { readonly actor: Actor; readonly recordedAt: Date; readonly occurredOn: Date }

/**
 * One command (any type except `OpenCase`) happening on `on`, the `n`-th of
 * its scenario. Weighted towards the commands that move a case forward.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.command(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const command = (on: Date, n: number, p: PolicyProfile = Profiles.azizasPlace): fc.Arbitrary<Command> => {
  const env: Env = {
    actor: { id: "sw-1", role: "social-worker" },
    recordedAt: new Date(on.getTime() + 9 * 3_600_000),
    occurredOn: on
  }
  const c = <A>(w: number, a: fc.Arbitrary<A>) => ({
    weight: w,
    arbitrary: a.map((x) => ({ ...env, ...x }) as unknown as Command)
  })
  return fc.oneof(
    c(1, fc.record({ type: fc.constant("AssignWorker"), socialWorkerId: id("sw") })),
    c(3, fc.record({ type: fc.constant("RecordAssessment"), assessment: assessment(on, n) })),
    c(3, fc.record({ type: fc.constant("TraceFamily"), household: household() })),
    c(2, fc.record({ type: fc.constant("RecordViews"), views: views(on) })),
    c(2, fc.record({ type: fc.constant("DetermineBestInterest"), determination: determination(on, n) })),
    c(2, fc.record({ type: fc.constant("RecordConsent"), consent: consent(on) })),
    c(
      1,
      fc.record({
        type: fc.constant("WithdrawConsent"),
        consentId: fc.integer({ min: 1, max: 3 }).map((k) => `cons-${k}`)
      })
    ),
    c(
      14,
      fc
        .record(
          {
            type: fc.constant("Advance"),
            to: phaseRef(p),
            override
          },
          { requiredKeys: ["type"] }
        )
        .map((a) => (a.override !== undefined && n % 4 !== 0 ? { type: a.type } : a))
    ),
    c(2, fc.record({ type: fc.constant("StepBack"), concern: fc.constant("Concern raised at home visit") })),
    c(22, fc.record({ type: fc.constant("RecordContact"), contact: contact(on, n) })),
    c(
      2,
      fc.record({
        type: fc.constant("ReportIncident"),
        incidentId: fc.integer({ min: 1, max: 3 }).map((k) => `inc-${k}`),
        severity: fc.constantFrom("low", "medium", "high")
      })
    ),
    c(
      3,
      fc.record({
        type: fc.constant("ResolveIncident"),
        incidentId: fc.integer({ min: 1, max: 3 }).map((k) => `inc-${k}`)
      })
    ),
    c(2, fc.record({ type: fc.constant("ScheduleSupport"), plan: supportPlan(on) })),
    c(2, fc.record({ type: fc.constant("PaySupport"), payment: supportPayment(on, n) })),
    c(
      5,
      fc
        .record(
          { type: fc.constant("Reunify"), placement: placement(on, ["parents", "kinship"]), override },
          { requiredKeys: ["type", "placement"] }
        )
        .map(({ override: o, ...rest }) => (o !== undefined && n % 5 === 0 ? { ...rest, override: o } : rest))
    ),
    c(1, fc.record({ type: fc.constant("Place"), placement: placement(on) })),
    c(16, fc.record({ type: fc.constant("RecordMonitoringVisit"), visit: followUpVisit(on, n) })),
    c(3, fc.record({ type: fc.constant("AssessClosure"), assessment: closureAssessment(on, n) })),
    c(
      1,
      fc.record({
        type: fc.constant("RecordBreakdown"),
        placement: placement(on, ["residential-care", "transitional-shelter"])
      })
    ),
    c(1, fc.record({ type: fc.constant("Transfer"), toAgencyId: id("AG") })),
    c(4, fc.record({ type: fc.constant("Close"), closureReason })),
    c(1, fc.record({ type: fc.constant("Reopen"), placement: placement(on, ["residential-care"]) })),
    c(1, fc.record({ type: fc.constant("RecordSafetyPlan"), plan: safetyPlan(on, n) })),
    c(2, fc.record({ type: fc.constant("RecordAgreement"), agreement: agreement(on, n) })),
    c(2, fc.record({ type: fc.constant("RecordCaseConference"), conference: conference(on, n) })),
    c(1, fc.record({ type: fc.constant("RecordCareException"), exception: careException(on, n) })),
    c(1, fc.record({ type: fc.constant("RecordActivity"), activity: youthActivity(on) })),
    c(1, fc.record({ type: fc.constant("Refer"), referralId: fc.constant(`ref-${n}`), toAgencyId: id("AG") }))
  )
}

/**
 * A safety plan on `on` for household HH-1, covering a few domains.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.safetyPlan(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.2.0
 */
export const safetyPlan = (on: Date, n: number): fc.Arbitrary<SafetyPlan> =>
  fc.record({
    id: fc.constant(`sp-${n}`),
    date: fc.constant(on),
    householdId: fc.constant("HH-1"),
    domains: fc.subarray([...ChildWellbeingDomains, ...FamilyCapacityDomains] as Array<Domain>),
    approvedBy: fc.constant("mgr-1")
  })

/**
 * A reunification agreement signed on `on` for household HH-1 (sometimes
 * missing a signature or a witness).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.agreement(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.2.0
 */
export const agreement = (on: Date, n: number): fc.Arbitrary<ReunificationAgreement> =>
  fc.record(
    {
      id: fc.constant(`ag-${n}`),
      date: fc.constant(on),
      householdId: fc.constant("HH-1"),
      caregiverId: fc.constant("HH-1-m1"),
      caseworkerId: fc.constant("sw-1"),
      childSigned: fc.boolean(),
      witnesses: fc.subarray([
        { role: "government-official" as const, id: "go-1" },
        { role: "commune-chief" as const, id: "cc-1" }
      ])
    },
    { requiredKeys: ["id", "date", "caseworkerId", "childSigned", "witnesses"] }
  )

/**
 * A case conference on `on` for one or two reasons.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.conference(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.2.0
 */
export const conference = (on: Date, n: number): fc.Arbitrary<CaseConference> =>
  fc.record({
    id: fc.constant(`conf-${n}`),
    date: fc.constant(on),
    reasons: fc.subarray(
      [
        "removal-from-carer",
        "placement-in-alternative-care",
        "complex-protection-case",
        "family-reunification",
        "relocation-or-transfer"
      ] as const,
      { minLength: 1, maxLength: 2 }
    )
  })

/**
 * An exception for a young child in residential care, from `on` for 1–180 days.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.careException(new Date("2018-03-01"), 1), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.2.0
 */
export const careException = (on: Date, n: number): fc.Arbitrary<CareException> =>
  fc.record({
    id: fc.constant(`exc-${n}`),
    kind: fc.constantFrom("emergency", "short-predetermined-time", "siblings-together"),
    justification: fc.constant("Recorded justification"),
    from: fc.constant(on),
    endsOn: fc.integer({ min: 0, max: 180 }).map((k) => new Date(on.getTime() + k * DAY)),
    approvedBy: fc.constant("mgr-1")
  })

/**
 * A youth's work and study recorded on `on`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.youthActivity(new Date("2018-03-01")), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.2.0
 */
export const youthActivity = (on: Date): fc.Arbitrary<YouthActivity> =>
  fc.record({
    date: fc.constant(on),
    work: fc.constantFrom("none", "part-time", "full-time"),
    study: fc.constantFrom("none", "secondary-school", "vocational-training", "higher-education"),
    finishedSecondarySchool: fc.boolean()
  })

/**
 * A case scenario: a profile, a case id, and commands in time order (the
 * first is `OpenCase`), each with the day it happens (`occurredOn`, also
 * used as `asOf`). Gaps between commands are 0–45 days.
 *
 * @since 0.1.0
 */
export interface Scenario {
  readonly profile: PolicyProfile
  readonly caseId: string
  readonly commands: ReadonlyArray<Command & { readonly occurredOn: Date }>
}

/**
 * Generate a {@link Scenario}.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * const [s] = fc.sample(Arbitraries.scenario({ maxLength: 10 }), 1)
 * s?.commands.length // up to 10 commands after opening the case
 * ```
 *
 * @since 0.1.0
 */
export const scenario = (options?: {
  readonly minLength?: number
  readonly maxLength?: number
}): fc.Arbitrary<Scenario> =>
  fc
    .record({
      profile,
      start: fc.integer({ min: Date.UTC(2014, 0, 1) / DAY, max: Date.UTC(2020, 0, 1) / DAY }),
      gaps: fc.array(fc.integer({ min: 0, max: 45 }), {
        minLength: options?.minLength ?? 1,
        maxLength: options?.maxLength ?? 120
      }),
      open: child,
      reasons: admissionReasons
    })
    .chain(({ profile: p, start, gaps, open, reasons }) => {
      const days: Array<Date> = []
      let d = start
      for (const g of gaps) {
        d += g
        days.push(new Date(d * DAY))
      }
      const first = new Date(start * DAY)
      const opening = {
        type: "OpenCase",
        actor: { id: "sw-1", role: "social-worker" },
        recordedAt: new Date(first.getTime() + 9 * 3_600_000),
        occurredOn: first,
        child: open,
        institutionId: "RCI-1",
        agencyId: "AG-1",
        socialWorkerId: "sw-1",
        admissionReasons: reasons,
        placement: { type: "residential-care", since: first, institutionId: "RCI-1" }
      } as unknown as Command & { occurredOn: Date }
      return fc.tuple(...days.map((on, i) => command(on, i + 1, p))).map((cmds) => ({
        profile: p,
        caseId: `case-${start}`,
        commands: [opening, ...(cmds as unknown as ReadonlyArray<Command & { occurredOn: Date }>)]
      }))
    })

/**
 * Raw case events of any type in any order (valid one by one, not
 * necessarily as a history), for the totality of `evolve`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.anyEvents("case-1", 20), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const anyEvents = (caseId = "case-1", maxLength = 60): fc.Arbitrary<ReadonlyArray<CaseEvent>> =>
  fc
    .array(fc.tuple(day, fc.constantFrom<string>(...eventTypes)), { maxLength })
    .chain((xs) => fc.tuple(...xs.map(([on, type], i) => eventOf(type, on, i + 1, caseId))))

const eventTypes = [
  "CaseOpened",
  "WorkerAssigned",
  "Assessed",
  "FamilyTraced",
  "ViewsRecorded",
  "BestInterestDetermined",
  "ConsentRecorded",
  "ConsentWithdrawn",
  "PhaseAdvanced",
  "PhaseSteppedBack",
  "ContactRecorded",
  "IncidentReported",
  "IncidentResolved",
  "SupportScheduled",
  "SupportPaid",
  "Reunified",
  "Placed",
  "MonitoringVisitRecorded",
  "ClosureAssessed",
  "BrokeDown",
  "CaseTransferred",
  "CaseClosed",
  "CaseReopened",
  "SafetyPlanRecorded",
  "AgreementSigned",
  "CaseConferenceHeld",
  "CareExceptionRecorded",
  "ActivityRecorded",
  "Referred",
  "ReferralAccepted",
  "ReferralDeclined",
  "ReferralCompleted",
  "ReferralClosed",
  "TransferRequested",
  "TransferAccepted",
  "TransferRejected",
  "ApprovalRequested",
  "ApprovalGranted",
  "ApprovalRejected"
] as const

/**
 * One event of a given type on `on` with id `${caseId}#${n}`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.eventOf("ContactRecorded", new Date("2018-03-01"), 3), 3) // three random values, e.g. for a property test
 * ```
 *
 * @since 0.1.0
 */
export const eventOf = (type: string, on: Date, n: number, caseId = "case-1"): fc.Arbitrary<CaseEvent> => {
  const env = {
    type,
    eventId: `${caseId}#${n}`,
    caseId,
    occurredOn: on,
    recordedAt: new Date(on.getTime() + 9 * 3_600_000),
    actor: { id: "sw-1", role: "social-worker" as const }
  }
  const e = <A>(a: fc.Arbitrary<A>) => a.map((x) => ({ ...env, ...x }) as unknown as CaseEvent)
  const ref = phaseRef(Profiles.azizasPlace)
  switch (type) {
    case "CaseOpened":
      return e(
        fc.record({
          child,
          institutionId: fc.constant("RCI-1"),
          agencyId: fc.constant("AG-1"),
          socialWorkerId: fc.constant("sw-1"),
          admissionReasons,
          placement: placement(on, ["residential-care"])
        })
      )
    case "WorkerAssigned":
      return e(fc.record({ socialWorkerId: id("sw") }))
    case "Assessed":
      return e(fc.record({ assessment: assessment(on, n) }))
    case "FamilyTraced":
      return e(fc.record({ household: household() }))
    case "ViewsRecorded":
      return e(fc.record({ views: views(on) }))
    case "BestInterestDetermined":
      return e(fc.record({ determination: determination(on, n) }))
    case "ConsentRecorded":
      return e(fc.record({ consent: consent(on) }))
    case "ConsentWithdrawn":
      return e(
        fc.record({ consentId: fc.integer({ min: 1, max: 3 }).map((k) => `cons-${k}`), withdrawnOn: fc.constant(on) })
      )
    case "PhaseAdvanced":
      return e(fc.record({ from: ref, to: ref, override }, { requiredKeys: ["from", "to"] }))
    case "PhaseSteppedBack":
      return e(fc.record({ from: ref, to: ref, concern: fc.constant("Concern") }))
    case "ContactRecorded":
      return e(fc.record({ contact: contact(on, n) }))
    case "IncidentReported":
      return e(
        fc.record({
          incidentId: fc.integer({ min: 1, max: 3 }).map((k) => `inc-${k}`),
          severity: fc.constantFrom("low", "medium", "high")
        })
      )
    case "IncidentResolved":
      return e(fc.record({ incidentId: fc.integer({ min: 1, max: 3 }).map((k) => `inc-${k}`) }))
    case "SupportScheduled":
      return e(fc.record({ plan: supportPlan(on) }))
    case "SupportPaid":
      return e(fc.record({ payment: supportPayment(on, n) }))
    case "Reunified":
      return e(fc.record({ placement: placement(on, ["parents", "kinship"]) }))
    case "Placed":
      return e(fc.record({ placement: placement(on) }))
    case "MonitoringVisitRecorded":
      return e(fc.record({ visit: followUpVisit(on, n) }))
    case "ClosureAssessed":
      return e(fc.record({ assessment: closureAssessment(on, n) }))
    case "BrokeDown":
      return e(fc.record({ placement: placement(on, ["residential-care"]) }))
    case "CaseTransferred":
      return e(fc.record({ toAgencyId: id("AG") }))
    case "CaseClosed":
      return e(fc.record({ closureReason }))
    case "SafetyPlanRecorded":
      return e(fc.record({ plan: safetyPlan(on, n) }))
    case "AgreementSigned":
      return e(fc.record({ agreement: agreement(on, n) }))
    case "CaseConferenceHeld":
      return e(fc.record({ conference: conference(on, n) }))
    case "CareExceptionRecorded":
      return e(fc.record({ exception: careException(on, n) }))
    case "ActivityRecorded":
      return e(fc.record({ activity: youthActivity(on) }))
    case "Referred":
      return e(fc.record({ referralId: fc.constant(`ref-${n}`), toAgencyId: id("AG") }))
    case "ReferralAccepted":
    case "ReferralCompleted":
    case "ReferralClosed":
      return e(fc.record({ referralId: fc.integer({ min: 1, max: n }).map((k) => `ref-${k}`) }))
    case "ReferralDeclined":
      return e(
        fc.record({
          referralId: fc.integer({ min: 1, max: n }).map((k) => `ref-${k}`),
          declineReason: fc.constantFrom(...DeclineReason.literals)
        })
      )
    case "TransferRequested":
      return e(fc.record({ transferId: fc.constant(`t-${n}`), toAgencyId: id("AG") }))
    case "TransferAccepted":
      return e(fc.record({ transferId: fc.integer({ min: 1, max: n }).map((k) => `t-${k}`) }))
    case "TransferRejected":
      return e(
        fc.record({
          transferId: fc.integer({ min: 1, max: n }).map((k) => `t-${k}`),
          rejectReason: fc.constantFrom(...RejectReason.literals)
        })
      )
    case "ApprovalRequested":
      return e(fc.record({ approvalId: fc.constant(`ap-${n}`), step: fc.constantFrom(...ApprovalStep.literals) }))
    case "ApprovalGranted":
      return e(fc.record({ approvalId: fc.integer({ min: 1, max: n }).map((k) => `ap-${k}`) }))
    case "ApprovalRejected":
      return e(
        fc.record({
          approvalId: fc.integer({ min: 1, max: n }).map((k) => `ap-${k}`),
          comment: fc.constant("Not yet")
        })
      )
    default:
      return e(fc.record({ placement: placement(on, ["residential-care"]) }))
  }
}

/**
 * A plausible whole case life following the profile: opening, assessment and
 * tracing, the child's views, a best-interest determination and consent,
 * each phase and contact step in order with enough positive contacts and
 * dwell, reunification, follow-up visits on the monitoring plan (mostly
 * green), a Form 6 final assessment and closure as `reintegration-complete`,
 * with a few random commands mixed in (which may derail the case: a
 * breakdown, another closure reason, an incident…). Useful to reach the late
 * phases that random command sequences rarely reach.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * const [s] = fc.sample(Arbitraries.lifecycle(), 1)
 * s?.commands.map((c) => c.type) // from OpenCase towards closure
 * ```
 *
 * @since 0.1.0
 */
export const lifecycle = (options?: { readonly noise?: number }): fc.Arbitrary<Scenario> =>
  fc
    .record({
      profile,
      start: fc.integer({ min: Date.UTC(2014, 0, 1) / DAY, max: Date.UTC(2020, 0, 1) / DAY }),
      open: child,
      jitter: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 64, maxLength: 64 }),
      visitCriteria: fc.array(criteria, { minLength: 64, maxLength: 64 })
    })
    .chain(({ profile: p, start, open, jitter, visitCriteria }) => {
      const cmds: Array<Command & { occurredOn: Date }> = []
      let day = start
      let k = 0
      const at = (gap: number) => {
        day += gap + jitter[k++ % jitter.length]!
        return new Date(day * DAY)
      }
      const push = (on: Date, c: Record<string, unknown>) =>
        cmds.push({
          actor: { id: "sw-1", role: "social-worker" },
          recordedAt: new Date(on.getTime() + 9 * 3_600_000),
          occurredOn: on,
          ...c
        } as unknown as Command & { occurredOn: Date })
      const d0 = new Date(start * DAY)
      push(d0, {
        type: "OpenCase",
        child: open,
        institutionId: "RCI-1",
        agencyId: "AG-1",
        socialWorkerId: "sw-1",
        admissionReasons: ["poverty"],
        placement: { type: "residential-care", since: d0, institutionId: "RCI-1" }
      })
      let on = at(7)
      push(on, { type: "Advance" })
      push(on, {
        type: "TraceFamily",
        household: {
          id: "HH-1",
          members: [{ id: "HH-1-m1", relationship: "parent", primaryCaregiver: true }],
          location: { province: "Siem Reap" },
          housing: "suitable",
          livelihood: "stable",
          tracing: "traced"
        }
      })
      for (const kind of ["child", "family", "home", "readiness"] as const)
        push(on, {
          type: "RecordAssessment",
          assessment: {
            id: `as-${kind}`,
            kind,
            date: on,
            assessorId: "sw-1",
            householdId: "HH-1",
            childWellbeing: { health: 3, education: 3, emotionalSocial: 3, safetyEnvironment: 3, nutrition: 3 },
            familyCapacity: {
              basicCare: 3,
              safetyStability: 3,
              emotionalBonding: 3,
              economicCapacity: 3,
              familyFunctioning: 3,
              community: 3
            },
            riskFactors: [],
            riskLevel: "low",
            conclusion: "can-reintegrate",
            familyAcceptsServices: true
          }
        })
      push(on, {
        type: "RecordViews",
        views: {
          date: on,
          heardBy: "sw-1",
          howHeard: "direct-conversation",
          wish: "yes-soon",
          preferredPeople: [{ rank: 1, relationship: "parent", memberId: "HH-1-m1" }]
        }
      })
      push(on, {
        type: "DetermineBestInterest",
        determination: {
          id: "bid-1",
          date: on,
          panel: [
            { memberId: "sw-1", role: "social-worker" },
            { memberId: "go-1", role: "government-official" }
          ],
          childViewsConsidered: true,
          familyViewsConsidered: true,
          optionsConsidered: ["reunification", "maintain-current-arrangement"],
          recommendation: "reunification",
          placementType: "parents",
          householdId: "HH-1"
        }
      })
      for (const kind of ["caregiver-consent", "child-assent"] as const)
        push(on, {
          type: "RecordConsent",
          consent: {
            id: `cons-${kind}`,
            kind,
            givenBy: kind === "child-assent" ? open.id : "HH-1-m1",
            purposes: ["services", "tracing", "information-sharing", "reporting"],
            agencies: ["AG-1"],
            givenOn: on
          }
        })
      on = at(7)
      push(on, { type: "Advance" })
      on = at(14)
      push(on, { type: "Advance" })
      const steps = p.parameters.phases.contactSteps.value
      let n = 0
      for (const step of steps) {
        // The step began on the day of the last Advance (`on`): contacts follow its weekly requirement.
        const stepStart = day
        const min = stepMinimums(step)
        const w = step.weekly
        const weeks = w === undefined ? 0 : w.weeks
        let made = 0
        const contactOn = (d: number, nights?: number) => {
          const date = new Date(d * DAY)
          const kind =
            nights !== undefined && nights >= 2 && step.contactKinds.includes("multi-night")
              ? "multi-night"
              : step.contactKinds[0]
          push(date, {
            type: "RecordContact",
            contact: {
              id: `ct-${++n}`,
              date,
              kind,
              ...(nights === undefined ? {} : { nights }),
              outcome: "positive",
              householdId: "HH-1"
            }
          })
          made++
        }
        for (let k = 0; k < weeks; k++) {
          const weekStart = stepStart + 7 * k
          if (w!.measure === "visits") for (let v = 0; v < w!.min; v++) contactOn(weekStart + v)
          else contactOn(weekStart + Math.min(jitter[k % jitter.length]!, 7 - w!.min), w!.min)
        }
        const gap = Math.max(1, Math.ceil(step.minDwellDays / Math.max(1, min.positiveContacts)))
        let extra = stepStart
        while (made < min.positiveContacts) {
          extra += gap
          contactOn(extra, w?.measure === "nights" ? w.min : undefined)
        }
        day = Math.max(day, stepStart + min.minDwellDays, extra)
        on = at(3)
        if (step === steps[steps.length - 1]) {
          push(on, {
            type: "RecordCaseConference",
            conference: { id: "conf-1", date: on, reasons: ["family-reunification"] }
          })
          push(on, {
            type: "RecordAgreement",
            agreement: {
              id: "ag-1",
              date: on,
              householdId: "HH-1",
              caregiverId: "HH-1-m1",
              caseworkerId: "sw-1",
              childSigned: true,
              witnesses: [
                { role: "government-official", id: "go-1" },
                { role: "commune-chief", id: "cc-1" }
              ]
            }
          })
        }
        push(
          on,
          step === steps[steps.length - 1]
            ? { type: "Reunify", placement: { type: "parents", since: on, householdId: "HH-1" } }
            : { type: "Advance" }
        )
      }
      const reunifiedOn = on
      let v = 0
      for (const planned of monitoringPlan(reunifiedOn, p)) {
        const date = new Date(Math.max(planned.due.getTime(), reunifiedOn.getTime()))
        push(date, {
          type: "RecordMonitoringVisit",
          visit: {
            id: `v-${++v}`,
            date,
            visitorId: "sw-1",
            criteria:
              v > 3 && planned === monitoringPlan(reunifiedOn, p).at(-1)
                ? FULL_A
                : visitCriteria[v % visitCriteria.length]!,
            childSeen: true,
            closureRecommended: false
          }
        })
      }
      const last = cmds[cmds.length - 1]!.occurredOn
      const closeOn = new Date(last.getTime() + DAY)
      push(closeOn, {
        type: "RecordMonitoringVisit",
        visit: {
          id: `v-${++v}`,
          date: closeOn,
          visitorId: "sw-1",
          criteria: FULL_A,
          childSeen: true,
          closureRecommended: true
        }
      })
      push(closeOn, {
        type: "AssessClosure",
        assessment: {
          id: "f6-1",
          date: closeOn,
          assessorId: "sw-1",
          child: Object.fromEntries(ClosureChildItems.map((i) => [i, 3])),
          family: Object.fromEntries(ClosureFamilyItems.map((i) => [i, 3])),
          managerApproval: { managerId: "mgr-1", on: closeOn }
        }
      })
      push(closeOn, { type: "Close", closureReason: "reintegration-complete" })
      const noise = options?.noise ?? 4
      return fc
        .array(fc.integer({ min: 1, max: cmds.length - 1 }), { maxLength: noise })
        .chain((positions) =>
          fc.tuple(
            ...positions.map((pos) => command(cmds[pos]!.occurredOn, 10_000 + pos, p).map((c) => [pos, c] as const))
          )
        )
        .map((extra) => {
          const out: Array<Command & { occurredOn: Date }> = []
          cmds.forEach((c, i) => {
            for (const [pos, e] of extra) if (pos === i) out.push(e as Command & { occurredOn: Date })
            out.push(c)
          })
          return { profile: p, caseId: `case-${start}`, commands: out }
        })
    })

const FULL_A: FollowUpCriteria = { health: "A", education: "A", food: "A", relationship: "A", safety: "A" }

/**
 * One case-work command on `on` (the `n`-th of its scenario): consent for
 * agencies AG-1..AG-3, referrals and their answers, transfers and their
 * answers, approval requests and their answers, and gated steps (`Close`,
 * `Transfer`), by a social worker, a supervisor or a manager.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { Arbitraries } from "@homeward/core/testing"
 *
 * fc.sample(Arbitraries.caseworkCommand(new Date("2018-06-01"), 0), 3) // three random case-work commands
 * ```
 *
 * @since 0.3.0
 */
export const caseworkCommand = (on: Date, n: number): fc.Arbitrary<Command> => {
  const actor = fc.constantFrom<Actor>(
    { id: "sw-1", role: "social-worker" },
    { id: "sw-2", role: "social-worker" },
    { id: "sup-1", role: "supervisor" },
    { id: "m-1", role: "manager" }
  )
  const k = (prefix: string) => fc.integer({ min: 1, max: 3 }).map((i) => `${prefix}-${i}`)
  const agency = fc.constantFrom("AG-1", "AG-2", "AG-3")
  const body: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
    fc.record({
      type: fc.constant("RecordConsent"),
      consent: fc.record({
        id: fc.constant(`cons-${n}`),
        kind: fc.constantFrom("caregiver-consent", "child-assent"),
        givenBy: fc.constant("HH-1-m1"),
        purposes: fc.constant(["information-sharing", "services"]),
        agencies: fc.uniqueArray(agency, { minLength: 1 }),
        givenOn: fc.constant(on)
      })
    }),
    fc.record({
      type: fc.constant("Refer"),
      referralId: k("ref"),
      toAgencyId: agency,
      serviceType: fc.constantFrom(...ServiceType.literals),
      dueOn: fc.integer({ min: 0, max: 60 }).map((d) => new Date(on.getTime() + d * 86_400_000))
    }),
    fc.record({
      type: fc.constantFrom("AcceptReferral", "CompleteReferral", "CloseReferral"),
      referralId: k("ref")
    }),
    fc.record({
      type: fc.constant("DeclineReferral"),
      referralId: k("ref"),
      declineReason: fc.constantFrom(...DeclineReason.literals)
    }),
    fc.record(
      { type: fc.constant("RequestTransfer"), transferId: k("t"), toAgencyId: agency, toSocialWorkerId: k("sw") },
      { requiredKeys: ["type", "transferId", "toAgencyId"] }
    ),
    fc.record({ type: fc.constant("AcceptTransfer"), transferId: k("t") }),
    fc.record({
      type: fc.constant("RejectTransfer"),
      transferId: k("t"),
      rejectReason: fc.constantFrom(...RejectReason.literals)
    }),
    fc.record(
      {
        type: fc.constant("RequestApproval"),
        approvalId: k("ap"),
        step: fc.constantFrom(...ApprovalStep.literals),
        subjectId: fc.oneof(k("ref"), k("t"))
      },
      { requiredKeys: ["type", "approvalId", "step"] }
    ),
    fc.record({ type: fc.constant("Approve"), approvalId: k("ap") }),
    fc.record({ type: fc.constant("RejectApproval"), approvalId: k("ap"), comment: fc.constant("Not yet") }),
    fc.record({
      type: fc.constant("Close"),
      closureReason: fc.constantFrom("moved-cannot-be-found", "refused-services")
    }),
    fc.record({ type: fc.constant("Transfer"), toAgencyId: agency })
  )
  return fc
    .tuple(actor, body)
    .map(
      ([a, b]) =>
        ({ ...b, actor: a, recordedAt: new Date(on.getTime() + 9 * 3_600_000), occurredOn: on }) as unknown as Command
    )
}
