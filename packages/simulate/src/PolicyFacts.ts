/**
 * What a policy profile allows, learned from the core rules themselves.
 * The simulation never re-implements a rule: it asks the core once per
 * profile and caches the answers as plain numbers the kernel can use for
 * millions of children.
 *
 * - The pathway (phases and contact steps, in order) comes from
 *   `Phase.pathway` / `Phase.nextOf`.
 * - For every contact step, the number of positive contacts and the days of
 *   dwell needed, and whether a contact with concerns resets the count, are
 *   the core's own answer, `Phase.stepMinimums` (the least `Phase.canAdvance`
 *   accepts, including a step's weekly requirement: a visit or the nights at
 *   home in each of its last weeks).
 * - Assessment and preparation readiness are checked with `canAdvance` too
 *   (a case with no traced family cannot leave assessment, a case whose
 *   eligibility decision is not ready cannot leave preparation).
 * - The monitoring schedule is `Monitoring.monitoringPlan(start, profile)`
 *   and its end `Monitoring.monitoringEnd`, as day offsets.
 *
 * @since 0.1.0
 */
import {
  type CaseState,
  CaseState as CS,
  type Decision,
  type Eligibility,
  Monitoring,
  Phase,
  type PolicyProfile,
  PolicyProfile as PP
} from "@homeward/core"

/**
 * What a contact step requires, as the core decides it.
 *
 * @since 0.1.0
 */
export interface StepFacts {
  readonly id: string
  readonly label: string
  /** Positive contacts needed (in a row, when `resetOnConcern`). */
  readonly positiveContacts: number
  /** Days the case must stay in the step. */
  readonly minDwellDays: number
  /** Whether a contact with concerns resets the count of positive contacts. */
  readonly resetOnConcern: boolean
}

/**
 * Plain facts about a profile on a day, learned from the core rules.
 *
 * @since 0.1.0
 */
export interface PolicyFacts {
  readonly profile: { readonly id: string; readonly version: string }
  /** The pathway as `phase` or `gradual-contact:step` labels, in order. */
  readonly pathway: ReadonlyArray<string>
  readonly steps: ReadonlyArray<StepFacts>
  /** An untraced family blocks leaving assessment (`Phase.canAdvance`). */
  readonly assessmentNeedsTracedFamily: boolean
  /** A not-ready eligibility decision blocks leaving preparation (`Phase.canAdvance`). */
  readonly preparationNeedsEligibility: boolean
  /** Day offsets (from reunification) of planned monitoring visits (`Monitoring.monitoringPlan`). */
  readonly monitoringVisitDays: ReadonlyArray<number>
  /** Days from reunification to the end of monitoring (`Monitoring.monitoringEnd`). */
  readonly monitoringDays: number
  /** Adult age in years (profile `eligibility.adultAge`): a child in care who reaches it leaves the pathway. */
  readonly adultAge: number
  /** Caseload cap of the profile (`programme.maxCaseload`). */
  readonly maxCaseload: number
  readonly targetShare: number
  readonly targetDeadline: string
}

const DAY = 86_400_000
const day = (base: Date, n: number): Date => new Date(base.getTime() + n * DAY)

const eligibilityDecision = (
  ready: boolean,
  asOf: Date,
  profile: PolicyProfile.PolicyProfile
): Decision.Decision<Eligibility.Outcome> => ({
  outcome: ready
    ? { kind: "ready", householdId: "probe", placementType: "parents", actions: [] }
    : { kind: "not-yet", blockers: ["probe"], actions: [] },
  reasons: [],
  policy: { id: profile.id, version: profile.version },
  asOf,
  notYetInForce: []
})

const openIn = (phase: Phase.PhaseRef, since: Date): CaseState.CaseState => ({
  ...CS.initial("sim-probe"),
  opened: true,
  status: "open",
  openedOn: since,
  phase,
  phaseSince: since,
  phaseHistory: [{ phase, from: since }],
  lastEventOn: since
})

/**
 * Learn the facts of a profile on `asOf` by asking the core rules.
 *
 * @example
 * ```ts
 * import { PolicyFacts } from "@homeward/simulate"
 * import { Profiles } from "@homeward/core"
 *
 * const f = PolicyFacts.derive(Profiles.azizasPlace, new Date("2017-08-01"))
 * f.steps.map((s) => s.positiveContacts)
 * ```
 *
 * @since 0.1.0
 */
export const derive = (profile: PolicyProfile.PolicyProfile, asOf: Date): PolicyFacts => {
  const resolved = PP.resolve(profile, asOf)
  const stepsParam = resolved.values.phases.contactSteps
  const pathway = Phase.pathway(stepsParam).map((r) => (r.step === undefined ? r.phase : `${r.phase}:${r.step}`))
  const since = asOf
  const steps: Array<StepFacts> = stepsParam.map((step) => {
    const min = Phase.stepMinimums(step)
    return {
      id: step.id,
      label: step.label,
      positiveContacts: min.positiveContacts,
      minDwellDays: min.minDwellDays,
      resetOnConcern: min.resetOnConcern
    }
  })
  const assessment = openIn({ phase: "assessment" }, since)
  const assessmentNeedsTracedFamily = !Phase.canAdvance(
    { ...assessment, assessments: [{} as never] },
    profile,
    day(since, 1)
  ).outcome.ready
  const preparation = openIn({ phase: "preparation" }, since)
  const preparationNeedsEligibility =
    !Phase.canAdvance(preparation, profile, day(since, 1), { eligibility: eligibilityDecision(false, since, profile) })
      .outcome.ready &&
    Phase.canAdvance(preparation, profile, day(since, 1), { eligibility: eligibilityDecision(true, since, profile) })
      .outcome.ready
  const plan = Monitoring.monitoringPlan(since, profile)
  const monitoringVisitDays = plan.map((v) => Math.round((v.due.getTime() - since.getTime()) / DAY))
  const monitoringDays = Math.round((Monitoring.monitoringEnd(since, profile).getTime() - since.getTime()) / DAY)
  return {
    profile: { id: profile.id, version: profile.version },
    pathway,
    steps,
    assessmentNeedsTracedFamily,
    preparationNeedsEligibility,
    monitoringVisitDays,
    monitoringDays,
    adultAge: resolved.values.eligibility.adultAge,
    maxCaseload: resolved.values.programme.maxCaseload,
    targetShare: resolved.values.programme.targetShare,
    targetDeadline: resolved.values.programme.targetDeadline.toISOString().slice(0, 10)
  }
}

const cache = new WeakMap<PolicyProfile.PolicyProfile, Map<number, PolicyFacts>>()

/**
 * {@link derive}, memoised per profile object and day.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { PolicyFacts } from "@homeward/simulate"
 *
 * const a = PolicyFacts.cached(Profiles.azizasPlace, new Date("2017-08-01"))
 * a === PolicyFacts.cached(Profiles.azizasPlace, new Date("2017-08-01")) // true: computed once per profile and day
 * ```
 *
 * @since 0.1.0
 */
export const cached = (profile: PolicyProfile.PolicyProfile, asOf: Date): PolicyFacts => {
  let m = cache.get(profile)
  if (m === undefined) {
    m = new Map()
    cache.set(profile, m)
  }
  const k = Math.floor(asOf.getTime() / DAY)
  const hit = m.get(k)
  if (hit !== undefined) return hit
  const f = derive(profile, asOf)
  m.set(k, f)
  return f
}
