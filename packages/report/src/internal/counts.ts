/**
 * What the aggregate report counts (private): each case classified once on
 * the report date, the count tables of children, and the report's
 * disclosure model (tables, standalone figures and every relation between
 * them that a reader can know). The report builder publishes these counts
 * after suppression; the tests recount them from raw events.
 */
import {
  Case,
  type CaseEvent,
  CaseState,
  type Household,
  type Institution,
  Monitoring,
  PolicyProfile
} from "@homeward/core"
import type { CountTable } from "../Suppression.js"
import { dayOf } from "./common.js"
import { ModelBuilder } from "./model.js"

export const UNASSIGNED = "(unassigned)"
export const UNKNOWN = "(unknown)"

/** Placement rows, in report order, and the placement types they count. */
export const PLACEMENT_ROWS: ReadonlyArray<readonly [string, ReadonlyArray<Case.PlacementType>]> = [
  ["Parents", ["parents"]],
  ["Relatives (kinship)", ["kinship"]],
  ["Foster care", ["foster"]],
  ["Community-based care", ["community-based"]],
  ["Independent living", ["independent-living"]],
  ["Residential care institution", ["residential-care"]],
  ["Other residential (incl. transitional shelter)", ["transitional-shelter", "other-residential"]],
  ["Not recorded", []]
]
/** Rows 0..4 are family-based placements. */
export const FAMILY_PLACEMENT_ROWS = 5

export const CASE_STATUS_COLUMNS = ["Open cases", "Transferred to another agency", "Closed cases"] as const

/** Where a child is, on the report date: the columns of the tables by institution and by place. */
export const SITUATION_COLUMNS = [
  "In residential care",
  "In family-based care",
  "Transferred to another agency",
  "Case closed"
] as const
export const RESIDENTIAL = 0
export const FAMILY = 1
export const TRANSFERRED = 2
export const CLOSED = 3

export const PIPELINE_ROWS = [
  "Intake",
  "Assessment",
  "Preparation",
  "Gradual contact",
  "Reunified, under follow-up",
  "Reunified, monitoring complete, case open",
  "Returned to care",
  "Transferred to another agency",
  "Closed"
] as const
export const P_FOLLOW_UP = 4
export const P_COMPLETE = 5
export const P_RETURNED = 6
export const P_TRANSFERRED = 7
export const P_CLOSED = 8

export const CLOSURE_REASONS: ReadonlyArray<readonly [string, string]> = [
  ["reintegration-complete", "Reintegration complete"],
  ["transferred", "Transferred (case closed)"],
  ["moved-cannot-be-found", "Moved, cannot be found"],
  ["repatriated", "Repatriated"],
  ["died", "Died"],
  ["became-adult", "Became an adult"],
  ["refused-services", "Refused services"],
  ["no-longer-needs-support", "No longer needs support"],
  ["breakdown", "Breakdown"]
]
export const R_REINTEGRATION = 0
export const R_BREAKDOWN = 8

export const OUTCOME_ROWS = [
  "Reunified, case open",
  "Closed: reintegration complete",
  "Returned to care, or closed after a breakdown",
  "Other (ever reunified: transferred, closed for another reason, back in assessment)"
] as const
export const OUTCOME_COLUMNS = ["No breakdown", "One or more breakdowns"] as const

export const MONITORING_COLUMNS = [
  "Visits up to date",
  "Visit due (within its window)",
  "Visit overdue (window passed)",
  "Monitoring complete, case open"
] as const

export const PROGRESS_COLUMNS = (since: string) =>
  [
    `Returned since ${since}, at home now`,
    `Returned since ${since}, not at home now`,
    `At home now, returned before ${since}`,
    `Not returned since ${since}, not at home`
  ] as const
export const PROGRESS_ROWS = (since: string) =>
  [
    `In residential care on ${since} (target cohort)`,
    "Not in the cohort (admitted later, or at home or closed then)",
    "Transferred to another agency"
  ] as const

/** Phases in which a child lives in care (not yet returned, or back in care). */
const IN_CARE = new Set(["intake", "assessment", "preparation", "gradual-contact", "returned-to-care"])

/**
 * The one path from events to case states: group by case, keep the events
 * that occurred on or before `asOf` (in stream order), fold each case with
 * `CaseState.replay`; cases not opened by then are left out.
 */
export const statesAsOf = (events: Iterable<CaseEvent.CaseEvent>, asOf: Date): Array<CaseState.CaseState> => {
  const byCase = new Map<string, Array<CaseEvent.CaseEvent>>()
  const last = dayOf(asOf)
  for (const e of events) {
    if (dayOf(e.occurredOn) > last) continue
    const xs = byCase.get(e.caseId)
    if (xs === undefined) byCase.set(e.caseId, [e])
    else xs.push(e)
  }
  const out: Array<CaseState.CaseState> = []
  for (const [id, xs] of byCase) {
    const s = CaseState.replay(id, xs)
    if (s.opened) out.push(s)
  }
  return out
}

/** Refuse case states that hold anything after `asOf` (they were folded with later events). */
export const checkStates = (cases: ReadonlyArray<CaseState.CaseState>, asOf: Date): void => {
  const last = dayOf(asOf)
  for (const s of cases) {
    const late =
      (s.lastEventOn !== undefined && dayOf(s.lastEventOn) > last) ||
      (s.openedOn !== undefined && dayOf(s.openedOn) > last) ||
      s.phaseHistory.some((h) => dayOf(h.from) > last) ||
      (s.closure !== undefined && dayOf(s.closure.on) > last)
    if (late)
      throw new RangeError(
        `case ${s.caseId}: the case state holds events after the report date ${new Date(last * 86_400_000).toISOString().slice(0, 10)}; pass the events instead (\`events\`), which are folded up to the report date`
      )
  }
}

/** The phase a case was in on a day (the last phase change on or before it), if opened by then. */
export const phaseOn = (s: CaseState.CaseState, day: number): string | undefined => {
  let phase: string | undefined
  for (const h of s.phaseHistory) if (dayOf(h.from) <= day) phase = h.phase.phase
  return phase
}

/** Everything the aggregate report needs to know about one case on the report date. */
export interface Classified {
  readonly state: CaseState.CaseState
  /** RESIDENTIAL, FAMILY, TRANSFERRED or CLOSED. */
  readonly situation: number
  readonly placementRow: number
  readonly pipelineRow: number
  readonly cohort: boolean
  readonly returnedSince: boolean
  readonly home: boolean
  readonly progressRow: number
  readonly progressColumn: number
  readonly everReunified: boolean
  readonly outcomeRow: number
  readonly closureRow: number
  /** Open, not transferred: the worker whose caseload it is. */
  readonly worker?: string
  /** In the outcomes table (ever reunified, closed as reintegrated or after a breakdown, or back in care). */
  readonly inOutcomes: boolean
  /** Open in the reunified phase: the monitoring column. */
  readonly monitoring?: number
  readonly institution: string
  readonly province: string
  readonly district: string
}

export interface CountInput {
  readonly profile: PolicyProfile.PolicyProfile
  readonly asOf: Date
  readonly since: Date
  readonly institutions: ReadonlyArray<Institution.Institution>
  readonly households: ReadonlyArray<Household.Household>
}

export const classify = (cases: ReadonlyArray<CaseState.CaseState>, input: CountInput): Array<Classified> => {
  const asOfDay = dayOf(input.asOf)
  const sinceDay = dayOf(input.since)
  const cohortDay = Math.min(sinceDay, asOfDay)
  const households = new Map<string, Household.Household>()
  for (const h of input.households) households.set(h.id, h)
  const institutions = new Map<string, Institution.Institution>()
  for (const i of input.institutions) institutions.set(i.id, i)
  return cases.map((s): Classified => {
    const open = s.status === "open"
    const closed = s.status === "closed"
    const phase = s.phase.phase
    const transferred = open && phase === "transferred"
    const familyBased = s.placement !== undefined && Case.isFamilyBased(s.placement.type)
    const situation = closed ? CLOSED : transferred ? TRANSFERRED : familyBased ? FAMILY : RESIDENTIAL
    const placementRow =
      s.placement === undefined
        ? PLACEMENT_ROWS.length - 1
        : Math.max(
            0,
            PLACEMENT_ROWS.findIndex(([, types]) => types.includes(s.placement!.type))
          )
    const reunifiedOpen = open && phase === "reunified"
    const durationComplete =
      reunifiedOpen && s.reunifiedOn !== undefined
        ? Monitoring.monitoringStatus(s, input.profile, input.asOf).outcome.durationComplete
        : false
    const pipelineRow = closed
      ? P_CLOSED
      : transferred
        ? P_TRANSFERRED
        : phase === "reunified"
          ? durationComplete
            ? P_COMPLETE
            : P_FOLLOW_UP
          : phase === "returned-to-care"
            ? P_RETURNED
            : phase === "intake"
              ? 0
              : phase === "assessment"
                ? 1
                : phase === "preparation"
                  ? 2
                  : phase === "gradual-contact"
                    ? 3
                    : // a phase outside the pathway (not produced by the decider): counted as assessment
                      1
    const was = phaseOn(s, cohortDay)
    const cohort = !transferred && was !== undefined && IN_CARE.has(was)
    const returnedSince = s.phaseHistory.some(
      (h) => h.phase.phase === "reunified" && dayOf(h.from) >= sinceDay && dayOf(h.from) <= asOfDay
    )
    const home = (reunifiedOpen && familyBased) || (closed && s.closure?.reason === "reintegration-complete")
    const everReunified = s.phaseHistory.some((h) => h.phase.phase === "reunified")
    const returnedToCare = open && phase === "returned-to-care"
    const outcomeRow = reunifiedOpen
      ? 0
      : closed && s.closure?.reason === "reintegration-complete"
        ? 1
        : returnedToCare || (closed && s.closure?.reason === "breakdown")
          ? 2
          : 3
    let monitoring: number | undefined
    if (reunifiedOpen) {
      if (durationComplete) monitoring = 3
      else if (s.reunifiedOn === undefined) monitoring = 0
      else {
        const st = Monitoring.monitoringStatus(s, input.profile, input.asOf).outcome
        monitoring = st.missed.length > 0 ? 2 : st.due.length > 0 ? 1 : 0
      }
    }
    const hid = s.placement?.householdId
    const h = hid === undefined ? undefined : (households.get(hid) ?? s.households[hid])
    const loc =
      h?.location ??
      institutions.get(s.placement?.institutionId ?? s.institutionId ?? "")?.location ??
      (s.institutionId === undefined ? undefined : institutions.get(s.institutionId)?.location)
    return {
      state: s,
      situation,
      placementRow,
      pipelineRow,
      cohort,
      returnedSince,
      home,
      progressRow: transferred ? 2 : cohort ? 0 : 1,
      progressColumn: returnedSince ? (home ? 0 : 1) : home ? 2 : 3,
      everReunified,
      outcomeRow,
      inOutcomes: everReunified || outcomeRow < 3,
      closureRow: closed
        ? Math.max(
            0,
            CLOSURE_REASONS.findIndex(([r]) => r === s.closure?.reason)
          )
        : -1,
      ...(open && !transferred ? { worker: s.socialWorkerId ?? UNASSIGNED } : {}),
      ...(monitoring === undefined ? {} : { monitoring }),
      institution: s.institutionId ?? "",
      province: loc?.province ?? UNKNOWN,
      district: loc?.district ?? UNKNOWN
    }
  })
}

const table = (
  rows: ReadonlyArray<string>,
  columns: ReadonlyArray<string>,
  items: ReadonlyArray<Classified>,
  key: (c: Classified) => readonly [number, number] | undefined
): CountTable => {
  const cells = rows.map(() => columns.map(() => 0))
  for (const it of items) {
    const k = key(it)
    if (k === undefined || k[0] < 0 || k[1] < 0) continue
    cells[k[0]]![k[1]]! += 1
  }
  return { rows, columns, cells }
}

/** The raw count tables of children and the disclosure model of the aggregate report. */
export interface Counts {
  readonly classified: ReadonlyArray<Classified>
  readonly tables: ReadonlyMap<string, CountTable>
  readonly builder: ModelBuilder
  readonly workers: ReadonlyArray<string>
  readonly overCaseload: ReadonlyArray<string>
  readonly breakdownEvents: number
}

/** Ids of the tables of children, in report order. */
export const CHILD_TABLES = [
  "progress",
  "placements",
  "pipeline",
  "outcomes",
  "closures",
  "monitoring",
  "caseload",
  "children-per-institution",
  "province",
  "district"
] as const

export const counts = (
  cases: ReadonlyArray<CaseState.CaseState>,
  input: CountInput & { readonly sinceText: string }
): Counts => {
  const classified = classify(cases, input)
  const policy = PolicyProfile.resolve(input.profile, input.asOf)
  const maxCaseload = policy.values.programme.maxCaseload
  const since = input.sinceText
  const tables = new Map<string, CountTable>()

  tables.set(
    "progress",
    table(PROGRESS_ROWS(since), PROGRESS_COLUMNS(since), classified, (c) => [c.progressRow, c.progressColumn])
  )
  tables.set(
    "placements",
    table(
      PLACEMENT_ROWS.map(([l]) => l),
      CASE_STATUS_COLUMNS,
      classified,
      (c) => [c.placementRow, c.situation === CLOSED ? 2 : c.situation === TRANSFERRED ? 1 : 0]
    )
  )
  tables.set(
    "pipeline",
    table(PIPELINE_ROWS, ["Children"], classified, (c) => [c.pipelineRow, 0])
  )
  tables.set(
    "outcomes",
    table(OUTCOME_ROWS, OUTCOME_COLUMNS, classified, (c) =>
      c.inOutcomes ? [c.outcomeRow, c.state.breakdowns > 0 ? 1 : 0] : undefined
    )
  )
  tables.set(
    "closures",
    table(
      CLOSURE_REASONS.map(([, l]) => l),
      ["Children"],
      classified,
      (c) => (c.closureRow < 0 ? undefined : [c.closureRow, 0])
    )
  )
  const workers = [...new Set(classified.flatMap((c) => (c.worker === undefined ? [] : [c.worker])))].sort()
  const workerIndex = new Map(workers.map((w, i) => [w, i]))
  tables.set(
    "monitoring",
    table(workers, MONITORING_COLUMNS, classified, (c) =>
      c.monitoring === undefined || c.worker === undefined ? undefined : [workerIndex.get(c.worker)!, c.monitoring]
    )
  )
  tables.set(
    "caseload",
    table(workers, ["Open cases"], classified, (c) =>
      c.worker === undefined ? undefined : [workerIndex.get(c.worker)!, 0]
    )
  )
  const insts = [...input.institutions].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  const instIndex = new Map(insts.map((i, n) => [i.id, n]))
  tables.set(
    "children-per-institution",
    table([...insts.map((i) => i.name), "Other / unknown institution"], SITUATION_COLUMNS, classified, (c) => [
      instIndex.get(c.institution) ?? insts.length,
      c.situation
    ])
  )
  const provinces = [...new Set(classified.map((c) => c.province))].sort()
  const districtKey = (c: Classified) => `${c.province} / ${c.district}`
  const districts = [...new Set(classified.map(districtKey))].sort()
  tables.set(
    "province",
    table(provinces, SITUATION_COLUMNS, classified, (c) => [provinces.indexOf(c.province), c.situation])
  )
  tables.set(
    "district",
    table(districts, SITUATION_COLUMNS, classified, (c) => [districts.indexOf(districtKey(c)), c.situation])
  )

  // The model -----------------------------------------------------------------------------------------------------
  const b = new ModelBuilder()
  for (const id of CHILD_TABLES) b.table(id, tables.get(id)!)
  const breakdownEvents = classified.reduce((a, c) => a + c.state.breakdowns, 0)
  const prog = tables.get("progress")!
  const pv = (r: number, c: number) => prog.cells[r]![c]!
  const rowSum = (r: number) => prog.cells[r]!.reduce((a, v) => a + v, 0)
  b.figure("breakdown-events", breakdownEvents, false)
  // Share readings (see Report): counts published next to the progress table.
  b.figure(
    "returned-since",
    [0, 1, 2].reduce((a, r) => a + pv(r, 0) + pv(r, 1), 0),
    true,
    100
  )
  b.figure("all-home-returned-since", pv(0, 0) + pv(1, 0), true, 100)
  b.figure("all-counted", rowSum(0) + rowSum(1), true, 100)
  b.figure("all-home", pv(0, 0) + pv(1, 0) + pv(0, 2) + pv(1, 2), true, 100)

  const T = (id: string) => b.total(id)
  const col = (id: string, c: number) => b.columnTotal(id, c)
  const row = (id: string, r: number) => b.rowTotal(id, r)
  const cell = (id: string, r: number, c: number) => b.cell(id, r, c)
  const f = (id: string) => b.figures.get(id)!
  // 1. The same children in every table of the whole programme.
  for (const id of ["placements", "pipeline", "children-per-institution", "province", "district"])
    b.equal([T("progress")], [T(id)], `progress and ${id}: the same children`)
  // 2. The same situation (residential, family-based, transferred, closed) by institution, province and district.
  for (let c = 0; c < SITUATION_COLUMNS.length; c++) {
    b.equal([col("children-per-institution", c)], [col("province", c)], `institution and province: ${c}`)
    b.equal([col("province", c)], [col("district", c)], `province and district: ${c}`)
  }
  // 3. A province is the sum of its districts, cell by cell.
  const provinceOf = new Map(classified.map((c) => [districtKey(c), c.province]))
  provinces.forEach((p, pr) => {
    const ds = districts.map((d, i) => [d, i] as const).filter(([d]) => provinceOf.get(d) === p)
    for (let c = 0; c <= SITUATION_COLUMNS.length; c++)
      b.equal(
        [b.at("province", pr, c)],
        ds.map(([, i]) => b.at("district", i, c)),
        `province ${p} = its districts (${c})`
      )
  })
  // 4. Case status (placements) and situation.
  b.equal(
    [col("placements", 0)],
    [col("province", RESIDENTIAL), col("province", FAMILY)],
    "open = residential + family"
  )
  b.equal([col("placements", 1)], [col("province", TRANSFERRED)], "transferred")
  b.equal([col("placements", 2)], [col("province", CLOSED)], "closed")
  b.equal(
    Array.from({ length: FAMILY_PLACEMENT_ROWS }, (_, r) => cell("placements", r, 0)),
    [col("province", FAMILY)],
    "open in a family-based placement = in family-based care"
  )
  // 5. Pipeline.
  b.equal([row("pipeline", P_TRANSFERRED)], [col("province", TRANSFERRED)], "pipeline: transferred")
  b.equal([row("pipeline", P_CLOSED)], [col("province", CLOSED)], "pipeline: closed")
  // 6. Progress.
  b.equal([row("progress", 2)], [col("province", TRANSFERRED)], "progress: transferred")
  b.equal(
    [f("returned-since")],
    [0, 1].flatMap((c) => [col("progress", c)]),
    "returned since = its columns"
  )
  b.equal(
    [f("all-home-returned-since")],
    [cell("progress", 0, 0), cell("progress", 1, 0)],
    "reading: returned since and at home"
  )
  b.equal([f("all-counted")], [row("progress", 0), row("progress", 1)], "reading: every child not transferred")
  b.equal(
    [f("all-home")],
    [cell("progress", 0, 0), cell("progress", 1, 0), cell("progress", 0, 2), cell("progress", 1, 2)],
    "reading: at home"
  )
  // 7. Caseload and monitoring.
  b.equal([T("caseload")], [col("province", RESIDENTIAL), col("province", FAMILY)], "caseload = open cases")
  b.equal([T("monitoring")], [row("pipeline", P_FOLLOW_UP), row("pipeline", P_COMPLETE)], "monitoring = reunified")
  b.equal([col("monitoring", 3)], [row("pipeline", P_COMPLETE)], "monitoring complete")
  b.equal([row("outcomes", 0)], [row("pipeline", P_FOLLOW_UP), row("pipeline", P_COMPLETE)], "outcome: reunified")
  b.equal([row("outcomes", 1)], [row("closures", R_REINTEGRATION)], "outcome: closed as reintegrated")
  b.equal(
    [row("outcomes", 2)],
    [row("pipeline", P_RETURNED), row("closures", R_BREAKDOWN)],
    "outcome: back in care or closed after a breakdown"
  )
  workers.forEach((w, i) => {
    b.atMost([row("monitoring", i)], [row("caseload", i)], `monitoring of ${w} within the caseload`)
    const over = (tables.get("caseload")!.cells[i]![0] ?? 0) > maxCaseload
    b.bound(row("caseload", i), over ? ">=" : "<=", over ? maxCaseload + 1 : maxCaseload, `caseload of ${w}`)
  })
  // 8. Closures.
  b.equal([T("closures")], [col("province", CLOSED)], "closures = closed cases")
  // 9. Subsets of the same children (inequalities).
  b.atMost([col("outcomes", 1)], [f("breakdown-events")], "children with a breakdown ≤ breakdowns")
  b.atMost([f("returned-since")], [T("outcomes")], "returned since ⊆ the outcomes table")
  b.atMost([row("closures", R_REINTEGRATION)], [f("all-home")], "closed reintegrated ⊆ at home")
  b.atMost(
    [f("all-home")],
    [row("pipeline", P_FOLLOW_UP), row("pipeline", P_COMPLETE), row("closures", R_REINTEGRATION)],
    "at home ⊆ reunified + closed reintegrated"
  )
  b.atMost(
    [f("all-home")],
    [col("province", FAMILY), row("closures", R_REINTEGRATION)],
    "at home ⊆ family-based care + closed reintegrated"
  )
  const overCaseload = workers.filter((_, i) => (tables.get("caseload")!.cells[i]![0] ?? 0) > maxCaseload)
  return { classified, tables, builder: b, workers, overCaseload, breakdownEvents }
}
