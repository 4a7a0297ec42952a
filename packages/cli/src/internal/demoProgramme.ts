/**
 * A synthetic, deterministic reintegration programme for `homeward demo`:
 * children in three residential care institutions in two Cambodian
 * provinces, at every stage of the pathway. Everything is produced by
 * issuing COMMANDS through `Decider.decide` (the real rules), never by
 * writing events by hand; a rejected command is a bug of this generator and
 * is reported. Children carry made-up names so that the demo can prove that
 * no name is ever printed.
 */
import { type CaseEvent, CaseState, Decider, type Institution, Monitoring, Phase, PolicyProfile } from "@homeward/core"

const DAY = 86_400_000

/** A small deterministic PRNG (mulberry32). */
export const rng = (seed: number) => {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p
  }
}
type Rng = ReturnType<typeof rng>

/** The made-up names given to the synthetic children (tests check none is printed). */
export const GIVEN_NAMES = [
  "Sokunthea",
  "Chanthou",
  "Sreyleak",
  "Vannakpheap",
  "Pisethrath",
  "Rachanary",
  "Bunthoeun",
  "Kosalvisal",
  "Sophalrith",
  "Davynoeun",
  "Malinavy",
  "Thearothpich"
] as const
/** @see GIVEN_NAMES */
export const FAMILY_NAMES = ["Chhornvorn", "Sokhomleak", "Hengsambath", "Keomonyrath", "Prakdaraseth"] as const

/** The three institutions (names are invented). */
export const institutions: ReadonlyArray<Institution.Institution> = [
  {
    id: "RCI-SR-1",
    name: "Demo children's centre 1",
    kind: "residential-care",
    status: "operating",
    location: { province: "Siem Reap", district: "Siem Reap" },
    capacity: 40
  },
  {
    id: "RCI-SR-2",
    name: "Demo children's centre 2",
    kind: "residential-care",
    status: "transitioning",
    location: { province: "Siem Reap", district: "Puok" },
    capacity: 30
  },
  {
    id: "RCI-BB-1",
    name: "Demo children's centre 3",
    kind: "residential-care",
    status: "operating",
    location: { province: "Battambang", district: "Battambang" },
    capacity: 35
  }
]

const WORKERS = ["SW-01", "SW-02", "SW-03", "SW-04", "SW-05"] as const
const AGENCY = "AG-DOSVY"
const OTHER_AGENCY = "AG-PARTNER-NGO"
const DISTRICTS: Record<string, ReadonlyArray<string>> = {
  "Siem Reap": ["Siem Reap", "Puok", "Prasat Bakong", "Soutr Nikom"],
  Battambang: ["Battambang", "Sangkae", "Moung Ruessei"]
}

/** Where a generated child's case stops (as of the demo day). */
export type Stage =
  | "intake"
  | "assessment-untraced"
  | "assessment"
  | "preparation-blocked"
  | "preparation"
  | `contact-${number}`
  | `contact-${number}-ready`
  | "monitoring"
  | "closure-eligible"
  | "closed"
  | "breakdown"
  | "transfer"

const stagesFor = (steps: number): ReadonlyArray<Stage> => {
  const out: Array<Stage> = [
    ...Array<Stage>(5).fill("intake"),
    ...Array<Stage>(3).fill("assessment-untraced"),
    ...Array<Stage>(3).fill("assessment"),
    ...Array<Stage>(4).fill("preparation-blocked"),
    ...Array<Stage>(3).fill("preparation")
  ]
  for (let i = 0; i < steps; i++) out.push(`contact-${i}`, `contact-${i}`, `contact-${i}-ready`, `contact-${i}-ready`)
  out.push(
    ...Array<Stage>(14).fill("monitoring"),
    ...Array<Stage>(3).fill("closure-eligible"),
    ...Array<Stage>(5).fill("closed"),
    ...Array<Stage>(5).fill("breakdown"),
    ...Array<Stage>(5).fill("transfer")
  )
  return out
}

/** A rejected command (a bug of the generator or of the rules). */
export interface Rejection {
  readonly caseId: string
  readonly command: string
  readonly codes: ReadonlyArray<string>
}

/** One generated case: its id, stage and the events the decider produced. */
export interface GeneratedCase {
  readonly caseId: string
  readonly stage: Stage
  readonly events: ReadonlyArray<CaseEvent.CaseEvent>
  readonly commands: number
}

/** The generated programme. */
export interface Programme {
  readonly cases: ReadonlyArray<GeneratedCase>
  readonly rejections: ReadonlyArray<Rejection>
  readonly commands: number
}

type Cmd = Decider.Command

/**
 * Generate the programme for a seed, a profile and the demo day.
 */
export const generate = (seed: number, profile: PolicyProfile.PolicyProfile, asOf: Date): Programme => {
  const r = rng(seed)
  const steps = PolicyProfile.resolve(profile, asOf).values.phases.contactSteps
  const stages = [...stagesFor(steps.length)]
  // deterministic shuffle so that stages spread over workers and institutions
  for (let i = stages.length - 1; i > 0; i--) {
    const j = r.int(0, i)
    ;[stages[i], stages[j]] = [stages[j]!, stages[i]!]
  }
  const asOfDay = Math.floor(asOf.getTime() / DAY)
  const cases: Array<GeneratedCase> = []
  const rejections: Array<Rejection> = []
  let total = 0
  stages.forEach((stage, n) => {
    const g = one(r, n + 1, stage, steps, profile, asOf, asOfDay)
    let state = CaseState.initial(g.caseId)
    const events: Array<CaseEvent.CaseEvent> = []
    for (const cmd of g.commands) {
      total++
      const d = Decider.decide(state, cmd, profile, asOf)
      if (!d.ok) {
        rejections.push({ caseId: g.caseId, command: cmd.type, codes: d.reasons.map((x) => x.code) })
        continue
      }
      for (const e of d.events) {
        state = Decider.evolve(state, e)
        events.push(e)
      }
    }
    cases.push({ caseId: g.caseId, stage, events, commands: g.commands.length })
  })
  return { cases, rejections, commands: total }
}

const FULL_A = { health: "A", education: "A", food: "A", relationship: "A", safety: "A" } as const

const one = (
  r: Rng,
  n: number,
  stage: Stage,
  steps: ReadonlyArray<PolicyProfile.ContactStep>,
  profile: PolicyProfile.PolicyProfile,
  asOf: Date,
  asOfDay: number
): { caseId: string; commands: ReadonlyArray<Cmd> } => {
  const num = String(n).padStart(3, "0")
  const caseId = `C-${num}`
  const childId = `CH-${num}`
  const hh = `HH-${num}`
  const inst = r.pick(institutions)
  const worker = WORKERS[(n * 7 + r.int(0, 1)) % WORKERS.length]!
  const province = r.chance(0.8) ? inst.location.province : r.pick(Object.keys(DISTRICTS))
  const district = r.pick(DISTRICTS[province]!)
  const povertyOnly = r.chance(0.45)
  const reasons = povertyOnly
    ? (["poverty"] as const)
    : r.pick([
        ["poverty", "access-to-education"],
        ["neglect"],
        ["orphaned-one-parent", "poverty"],
        ["parental-migration"],
        ["domestic-violence"],
        ["parental-illness", "poverty"]
      ] as const)
  const actor = { id: worker, role: "social-worker" as const }

  // Pre-reunification commands are planned as day offsets from opening,
  // then placed so that the case reaches its stage before the demo day.
  type Planned = { day: number; make: (on: Date) => Cmd }
  const planned: Array<Planned> = []
  let day = 0
  const at = (gap: number) => {
    day += gap + r.int(0, 3)
    return day
  }
  const plan = (d: number, make: (on: Date) => Record<string, unknown>) =>
    planned.push({
      day: d,
      make: (on) =>
        ({ actor, recordedAt: new Date(on.getTime() + 9 * 3_600_000), occurredOn: on, ...make(on) }) as unknown as Cmd
    })
  const birthYear = 2018 - r.int(5, 16)
  plan(0, (on) => ({
    type: "OpenCase",
    child: {
      id: childId,
      givenName: r.pick(GIVEN_NAMES),
      familyName: r.pick(FAMILY_NAMES),
      birth: { date: new Date(Date.UTC(birthYear, r.int(0, 11), r.int(1, 28))), estimated: r.chance(0.3) },
      sex: r.pick(["female", "male"] as const),
      school: r.pick(["enrolled", "enrolled", "not-enrolled", "dropped-out"] as const)
    },
    institutionId: inst.id,
    agencyId: AGENCY,
    socialWorkerId: worker,
    admissionReasons: reasons,
    placement: { type: "residential-care", since: on, institutionId: inst.id }
  }))
  const stop = (): { caseId: string; commands: ReadonlyArray<Cmd> } =>
    place(caseId, planned, asOfDay - day - r.int(3, 40))
  if (stage === "intake") return stop()
  const untraced = stage === "assessment-untraced"
  const d1 = at(7)
  plan(d1, () => ({ type: "Advance" }))
  const housingOk = !povertyOnly || r.chance(0.5)
  plan(d1, () => ({
    type: "TraceFamily",
    household: {
      id: hh,
      members: [{ id: `${hh}-m1`, relationship: "parent", primaryCaregiver: true }],
      location: { province, district, village: "Demo village (sensitive)" },
      housing: housingOk ? "suitable" : "needs-improvement",
      livelihood: housingOk ? "stable" : "irregular",
      tracing: untraced ? "in-progress" : "traced"
    }
  }))
  if (untraced) return stop()
  const blockedPrep = stage === "preparation-blocked"
  const blockKind = r.int(0, 2)
  for (const kind of ["child", "family", "home", "readiness"] as const)
    plan(d1, (on) => ({
      type: "RecordAssessment",
      assessment: {
        id: `as-${kind}`,
        kind,
        date: on,
        assessorId: worker,
        householdId: hh,
        childWellbeing: { health: 3, education: 3, emotionalSocial: 3, safetyEnvironment: 3, nutrition: 3 },
        familyCapacity: {
          basicCare: 3,
          safetyStability: 3,
          emotionalBonding: 3,
          economicCapacity: 3,
          familyFunctioning: 3,
          community: 3
        },
        riskFactors:
          blockedPrep && blockKind === 0 && kind === "family"
            ? [{ factor: "alcohol-use", mitigation: "unmitigated" }]
            : [],
        riskLevel: blockedPrep && blockKind === 0 ? "high" : "low",
        conclusion: "can-reintegrate",
        familyAcceptsServices: true
      }
    }))
  if (stage === "assessment") return stop()
  plan(d1, (on) => ({
    type: "RecordViews",
    views: {
      date: on,
      heardBy: worker,
      howHeard: "direct-conversation",
      wish: blockedPrep && blockKind === 1 ? "no" : "yes-soon",
      preferredPeople: [{ rank: 1, relationship: "parent", memberId: `${hh}-m1` }]
    }
  }))
  if (!(blockedPrep && blockKind === 2))
    plan(d1, (on) => ({
      type: "DetermineBestInterest",
      determination: {
        id: "bid-1",
        date: on,
        panel: [
          { memberId: worker, role: "social-worker" },
          { memberId: "GO-1", role: "government-official" }
        ],
        childViewsConsidered: true,
        familyViewsConsidered: true,
        optionsConsidered: ["reunification", "maintain-current-arrangement"],
        recommendation: "reunification",
        placementType: "parents",
        householdId: hh
      }
    }))
  for (const kind of ["caregiver-consent", "child-assent"] as const)
    plan(d1, (on) => ({
      type: "RecordConsent",
      consent: {
        id: `cons-${kind}`,
        kind,
        givenBy: kind === "child-assent" ? childId : `${hh}-m1`,
        purposes: ["services", "tracing", "information-sharing", "reporting"],
        agencies: [AGENCY, OTHER_AGENCY],
        givenOn: on
      }
    }))
  const d2 = at(7)
  plan(d2, () => ({ type: "Advance" }))
  if (blockedPrep || stage === "preparation") return stop()
  if (stage === "transfer") {
    const d = at(5)
    plan(d, (on) => ({
      type: "RecordCaseConference",
      conference: { id: "conf-transfer", date: on, reasons: ["relocation-or-transfer"] }
    }))
    plan(d, () => ({ type: "Transfer", toAgencyId: OTHER_AGENCY, toSocialWorkerId: "SW-P1" }))
    return stop()
  }
  const d3 = at(14)
  plan(d3, () => ({ type: "Advance" }))
  let ct = 0
  const stepStop = stage.startsWith("contact-") ? Number(stage.split("-")[1]) : steps.length
  const stepReady = stage.endsWith("-ready")
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    const last = i === steps.length - 1
    // Contacts follow the step's weekly requirement (Phase.stepMinimums): one week after another from the
    // day the step began, each week with the visits or nights at home the step asks for.
    const stepStart = day
    const min = Phase.stepMinimums(step)
    const weekly = step.weekly
    const weeks = weekly === undefined ? 0 : weekly.weeks
    const perWeek = weekly === undefined ? 0 : weekly.measure === "visits" ? weekly.min : 1
    const count = Math.max(min.positiveContacts, 1)
    const made = i === stepStop ? (stepReady ? count : r.int(0, count - 1)) : count
    const nights = weekly?.measure === "nights" ? weekly.min : undefined
    const kind =
      nights !== undefined && nights >= 2 && step.contactKinds.includes("multi-night")
        ? "multi-night"
        : step.contactKinds[0]
    const gap = Math.max(1, Math.ceil(step.minDwellDays / count))
    for (let k = 0; k < made; k++) {
      const week = perWeek === 0 ? -1 : Math.floor(k / perWeek)
      const d =
        week >= 0 && week < weeks
          ? stepStart + 7 * week + (weekly!.measure === "visits" ? k % perWeek : r.int(0, 7 - (nights ?? 1)))
          : stepStart + (k + 1) * gap
      const id = `ct-${++ct}`
      plan(d, (on) => ({
        type: "RecordContact",
        contact: {
          id,
          date: on,
          kind,
          ...(nights === undefined ? {} : { nights }),
          outcome: "positive",
          householdId: hh
        }
      }))
    }
    // The step's weeks are complete from this day on; the next week is not complete for 7 more days, so
    // moving on (or the demo day, for a ready case) falls within them.
    day = Math.max(day, stepStart + min.minDwellDays + r.int(0, 6))
    if (i === stepStop) {
      // not ready: stop within the step; ready: the weeks and dwell are met on the demo day, the advance is
      // for the worker to make
      return stepReady ? place(caseId, planned, asOfDay - day) : stop()
    }
    if (!last) plan(day, () => ({ type: "Advance" }))
  }
  // reunification: placed so that monitoring has run for the wanted time on the demo day
  const monitoringDays =
    stage === "monitoring"
      ? r.int(10, 320)
      : stage === "breakdown"
        ? r.int(60, 300)
        : Math.ceil((Monitoring.monitoringEnd(new Date(0), profile).getTime() - 0) / DAY) + r.int(20, 120)
  const reunifyDay = day
  const base = asOfDay - monitoringDays - reunifyDay
  const pre = place(caseId, planned, base).commands as Array<Cmd>
  const reunifiedOn = new Date((base + reunifyDay) * DAY)
  const cmd = (on: Date, c: Record<string, unknown>) =>
    ({ actor, recordedAt: new Date(on.getTime() + 9 * 3_600_000), occurredOn: on, ...c }) as unknown as Cmd
  pre.push(
    cmd(reunifiedOn, {
      type: "RecordCaseConference",
      conference: { id: "conf-reunification", date: reunifiedOn, reasons: ["family-reunification"] }
    }),
    cmd(reunifiedOn, {
      type: "RecordAgreement",
      agreement: {
        id: "agreement-1",
        date: reunifiedOn,
        householdId: hh,
        caregiverId: `${hh}-m1`,
        caseworkerId: worker,
        childSigned: true,
        witnesses: [
          { role: "government-official", id: "GO-1" },
          { role: "commune-chief", id: "CC-1" }
        ]
      }
    })
  )
  pre.push(cmd(reunifiedOn, { type: "Reunify", placement: { type: "parents", since: reunifiedOn, householdId: hh } }))
  const plannedVisits = Monitoring.monitoringPlan(reunifiedOn, profile)
  const skipSome = stage === "monitoring" && r.chance(0.5)
  const redSome = (stage === "monitoring" || stage === "breakdown") && r.chance(0.4)
  const closing = stage === "closure-eligible" || stage === "closed"
  let v = 0
  let lastVisit = reunifiedOn
  const due = plannedVisits.filter((p) => p.due.getTime() <= asOf.getTime())
  for (const [i, p] of due.entries()) {
    const isLast = i === due.length - 1
    if (skipSome && (isLast || r.chance(0.15))) continue
    const date = new Date(
      Math.min(Math.max(p.due.getTime() + r.int(0, 3) * DAY, reunifiedOn.getTime()), asOf.getTime())
    )
    const red = redSome && isLast
    pre.push(
      cmd(date, {
        type: "RecordMonitoringVisit",
        visit: {
          id: `v-${++v}`,
          date,
          visitorId: worker,
          criteria: red ? { ...FULL_A, safety: "C" } : closing || r.chance(0.8) ? FULL_A : { ...FULL_A, food: "B" },
          childSeen: true,
          closureRecommended: false
        }
      })
    )
    lastVisit = date
  }
  if (stage === "breakdown") {
    const on = new Date(Math.min(lastVisit.getTime() + 5 * DAY, asOf.getTime()))
    pre.push(
      cmd(on, { type: "RecordBreakdown", placement: { type: "residential-care", since: on, institutionId: inst.id } })
    )
  }
  if (stage === "closure-eligible" || stage === "closed") {
    const on = new Date(Math.min(lastVisit.getTime() + DAY, asOf.getTime()))
    pre.push(
      cmd(on, {
        type: "RecordMonitoringVisit",
        visit: {
          id: `v-${++v}`,
          date: on,
          visitorId: worker,
          criteria: FULL_A,
          childSeen: true,
          closureRecommended: true
        }
      })
    )
    pre.push(
      cmd(on, {
        type: "AssessClosure",
        assessment: {
          id: "f6-1",
          date: on,
          assessorId: worker,
          child: {
            health: 3,
            nutrition: 3,
            education: 3,
            emotionalWellbeing: 3,
            socialBehaviour: 3,
            safety: 3,
            shelter: 3,
            relationshipWithCaregiver: 3
          },
          family: {
            basicNeeds: 3,
            income: 3,
            housing: 3,
            caregivingSkills: 3,
            childSafety: 3,
            emotionalBond: 3,
            familyRelationships: 3,
            healthCareAccess: 3,
            educationSupport: 3,
            communityParticipation: 3,
            assistanceFromRelatives: 3
          },
          managerApproval: { managerId: "MGR-1", on }
        }
      })
    )
    if (stage === "closed") pre.push(cmd(on, { type: "Close", closureReason: "reintegration-complete" }))
  }
  return { caseId, commands: pre }
}

const place = (
  caseId: string,
  planned: ReadonlyArray<{ day: number; make: (on: Date) => Cmd }>,
  base: number
): { caseId: string; commands: ReadonlyArray<Cmd> } => ({
  caseId,
  commands: planned.map((p) => p.make(new Date((base + p.day) * DAY)))
})
