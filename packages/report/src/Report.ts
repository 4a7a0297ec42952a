/**
 * Report builders: pure functions from case states (or events), institutions,
 * households, a policy profile and `asOf` to plain report data.
 *
 * Two kinds of report:
 *
 * - {@link AggregateReport} (`kind: "aggregate"`), for a provincial
 *   department, an NGO director or a donor: programme progress against the
 *   profile's target, placements, phase pipeline, breakdowns and re-entries,
 *   monitoring and caseload per social worker, institutions, and a breakdown
 *   by province and district. It holds counts only, never a child or case id,
 *   and every count of children below the profile's `reporting.smallCellK`
 *   is suppressed with complementary suppression (see `Suppression`).
 * - {@link CaseworkerReport} (`kind: "caseworker"`), for social workers: the
 *   visits due, overdue and missed, listed by case and pseudonymous child id
 *   (never names or other sensitive fields).
 *
 * Location rule: a case is placed in the province/district of the household
 * it is placed with (`placement.householdId`, looked up in the `households`
 * given, then in the case's traced households); when there is none (the child
 * is still in an institution, or the household is unknown), in the location
 * of the case's institution (`placement.institutionId`, else the case's
 * `institutionId`); otherwise in "unknown". Only province and district are
 * read: commune, village and address never leave the case.
 *
 * @since 0.1.0
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
import { citationText, dayOf, isoDay } from "./internal/common.js"
import {
  type CellRef,
  type CountTable,
  type PublishedTable,
  type Relation,
  suppress,
  suppressCount,
  suppressLinked
} from "./Suppression.js"

/**
 * What a report is built from.
 *
 * @since 0.1.0
 */
export interface ReportInput {
  /** Case states (the fold of each case's events). */
  readonly cases?: ReadonlyArray<CaseState.CaseState>
  /** Or events: folded per case with `CaseState.replay`, keeping those that occurred on or before `asOf`. */
  readonly events?: Iterable<CaseEvent.CaseEvent>
  readonly institutions?: ReadonlyArray<Institution.Institution>
  readonly households?: ReadonlyArray<Household.Household>
  readonly profile: PolicyProfile.PolicyProfile
  readonly asOf: Date
  /** Count returns from this day (default: the day the profile's `programme.targetShare` took effect). */
  readonly since?: Date
  /** Override the profile's target share (0..1) and deadline. */
  readonly target?: { readonly share?: number; readonly deadline?: Date }
  readonly title?: string
}

/**
 * Profile, date and suppression metadata carried by every report.
 *
 * @since 0.1.0
 */
export interface ReportMeta {
  readonly title: string
  readonly profile: { readonly id: string; readonly version: string; readonly title: string }
  readonly asOf: string
  readonly since: string
  readonly suppression: {
    readonly k: number
    readonly source: string
    readonly note: string
  }
}

/**
 * A headline figure; `value` is `null` when suppressed.
 *
 * @since 0.1.0
 */
export interface Figure {
  readonly id: string
  readonly label: string
  readonly value: number | null
  readonly unit?: "children" | "share" | "days" | "visits" | "institutions" | "events"
}

/**
 * A published table with its id, title and a note.
 *
 * @since 0.1.0
 */
export interface ReportTable extends PublishedTable {
  readonly id: string
  readonly title: string
  readonly rowHeader: string
  readonly note?: string
  /** Whether the counts are of children (suppressed) or of institutions (public facts, not suppressed). */
  readonly counts: "children" | "visits" | "institutions"
}

/**
 * Programme progress against the target.
 *
 * @since 0.1.0
 */
export interface Progress {
  /** Children in the programme (cases opened on or before `asOf`). */
  readonly baseline: number | null
  /** Children reunified (or placed in family-based care) since `since`, at least once. */
  readonly returnedSince: number | null
  /** Of those, still in family-based care or closed as reintegrated on `asOf`. */
  readonly reintegrated: number | null
  /** Under follow-up (monitoring) on `asOf`. */
  readonly underFollowUp: number | null
  /** `reintegrated / baseline` (null when either is suppressed). */
  readonly share: number | null
  readonly targetShare: number
  readonly targetDeadline: string
  readonly targetSource: string
  /** `ceil(targetShare × baseline)`. */
  readonly targetCount: number | null
  /** Children still to reintegrate to reach the target. */
  readonly remaining: number | null
  /** The share a straight line from 0 on `since` to the target on the deadline reaches on `asOf`. */
  readonly expectedShareByNow: number
  readonly onTrack: boolean | null
  readonly daysToDeadline: number
}

/**
 * A section of an aggregate report.
 *
 * @since 0.1.0
 */
export interface Section {
  readonly id: "progress" | "placements" | "pipeline" | "breakdowns" | "monitoring" | "institutions" | "location"
  readonly title: string
  readonly figures: ReadonlyArray<Figure>
  readonly tables: ReadonlyArray<ReportTable>
  readonly notes: ReadonlyArray<string>
}

/**
 * The aggregate report: counts only, suppressed; no child or case ids.
 *
 * @since 0.1.0
 */
export interface AggregateReport extends ReportMeta {
  readonly kind: "aggregate"
  readonly progress: Progress
  readonly sections: ReadonlyArray<Section>
}

/**
 * One visit in a case-worker list.
 *
 * @since 0.1.0
 */
export interface VisitLine {
  readonly caseId: string
  /** Pseudonymous child id. */
  readonly childId: string
  readonly visit: number
  readonly due: string
  readonly windowEnd: string
  readonly status: "due" | "overdue" | "missed"
}

/**
 * A social worker's list.
 *
 * @since 0.1.0
 */
export interface WorkerList {
  readonly socialWorkerId: string
  readonly caseload: number
  readonly maxCaseload: number
  readonly overCaseload: boolean
  readonly visits: ReadonlyArray<VisitLine>
}

/**
 * The case-worker report: due, overdue and missed visits by social worker,
 * with case and pseudonymous child ids (for the workers, not for publication).
 *
 * @since 0.1.0
 */
export interface CaseworkerReport extends ReportMeta {
  readonly kind: "caseworker"
  readonly workers: ReadonlyArray<WorkerList>
}

// ---------------------------------------------------------------------------

const UNASSIGNED = "(unassigned)"
const UNKNOWN = "(unknown)"

/** Placement categories, in report order. */
const PLACEMENT_ROWS: ReadonlyArray<readonly [string, ReadonlyArray<Case.PlacementType>]> = [
  ["Parents", ["parents"]],
  ["Relatives (kinship)", ["kinship"]],
  ["Foster care", ["foster"]],
  ["Community-based care", ["community-based"]],
  ["Independent living", ["independent-living"]],
  ["Residential care institution", ["residential-care"]],
  ["Other residential (incl. transitional shelter)", ["transitional-shelter", "other-residential"]]
]

const PHASES: ReadonlyArray<readonly [string, string]> = [
  ["intake", "Intake"],
  ["assessment", "Assessment"],
  ["preparation", "Preparation"],
  ["gradual-contact", "Gradual contact"],
  ["reunified", "Reunified (monitoring)"],
  ["returned-to-care", "Returned to care"],
  ["transferred", "Transferred"],
  ["closed", "Closed"]
]

/** Fold events per case, keeping those that occurred on or before `asOf`. */
const foldEvents = (events: Iterable<CaseEvent.CaseEvent>, asOf: Date): Array<CaseState.CaseState> => {
  const byCase = new Map<string, Array<CaseEvent.CaseEvent>>()
  const last = dayOf(asOf)
  for (const e of events) {
    if (dayOf(e.occurredOn) > last) continue
    const xs = byCase.get(e.caseId)
    if (xs === undefined) byCase.set(e.caseId, [e])
    else xs.push(e)
  }
  return [...byCase.entries()].map(([id, xs]) => CaseState.replay(xs, id))
}

/** The case states in scope: opened on or before `asOf`. */
const states = (input: ReportInput): Array<CaseState.CaseState> => {
  const all = [...(input.cases ?? []), ...(input.events === undefined ? [] : foldEvents(input.events, input.asOf))]
  const last = dayOf(input.asOf)
  return all.filter((s) => s.opened && s.openedOn !== undefined && dayOf(s.openedOn) <= last)
}

interface Where {
  readonly province: string
  readonly district: string
}

const locator = (input: ReportInput) => {
  const households = new Map<string, Household.Household>()
  for (const h of input.households ?? []) households.set(h.id, h)
  const institutions = new Map<string, Institution.Institution>()
  for (const i of input.institutions ?? []) institutions.set(i.id, i)
  return (s: CaseState.CaseState): Where => {
    const hid = s.placement?.householdId
    const h = hid === undefined ? undefined : (households.get(hid) ?? s.households[hid])
    const loc =
      h?.location ??
      institutions.get(s.placement?.institutionId ?? s.institutionId ?? "")?.location ??
      (s.institutionId === undefined ? undefined : institutions.get(s.institutionId)?.location)
    return { province: loc?.province ?? UNKNOWN, district: loc?.district ?? UNKNOWN }
  }
}

/** Whether the case was reunified (entered `reunified`) in `[from, to]`. */
const returnedBetween = (s: CaseState.CaseState, from: number, to: number): boolean =>
  s.phaseHistory.some((h) => h.phase.phase === "reunified" && dayOf(h.from) >= from && dayOf(h.from) <= to)

const everReunified = (s: CaseState.CaseState): boolean => s.phaseHistory.some((h) => h.phase.phase === "reunified")

/** Living in family-based care after a return, or closed as reintegrated. */
const reintegrated = (s: CaseState.CaseState): boolean =>
  (s.status === "open" &&
    s.phase.phase === "reunified" &&
    s.placement !== undefined &&
    Case.isFamilyBased(s.placement.type)) ||
  (s.status === "closed" && s.closure?.reason === "reintegration-complete")

const careColumn = (s: CaseState.CaseState): 0 | 1 | 2 =>
  s.status === "closed" ? 2 : s.placement !== undefined && Case.isFamilyBased(s.placement.type) ? 1 : 0

const CARE_COLUMNS = ["In residential care", "In family-based care", "Case closed"]

const countTable = (
  rows: ReadonlyArray<string>,
  columns: ReadonlyArray<string>,
  cellOf: (rowIndex: number, columnIndex: number) => number
): CountTable => ({
  rows,
  columns,
  cells: rows.map((_, r) => columns.map((_, c) => cellOf(r, c)))
})

const tally = <T>(items: ReadonlyArray<T>, key: (t: T) => readonly [string, number] | undefined) => {
  const m = new Map<string, Array<number>>()
  for (const it of items) {
    const k = key(it)
    if (k === undefined) continue
    const row = m.get(k[0]) ?? []
    row[k[1]] = (row[k[1]] ?? 0) + 1
    m.set(k[0], row)
  }
  return m
}

const fromTally = (
  m: Map<string, Array<number>>,
  columns: ReadonlyArray<string>,
  order?: ReadonlyArray<string>
): CountTable => {
  const rows = order ?? [...m.keys()].sort()
  return countTable(rows, columns, (r, c) => m.get(rows[r]!)?.[c] ?? 0)
}

const meta = (input: ReportInput): ReportMeta & { readonly sinceDate: Date } => {
  const policy = PolicyProfile.resolve(input.profile, input.asOf)
  const k = policy.values.reporting.smallCellK
  const since = input.since ?? input.profile.parameters.programme.targetShare.effectiveFrom
  return {
    title: input.title ?? "Reintegration programme report",
    profile: { id: input.profile.id, version: input.profile.version, title: input.profile.title },
    asOf: isoDay(input.asOf),
    since: isoDay(since),
    sinceDate: since,
    suppression: {
      k,
      source: citationText(PolicyProfile.cite(input.profile, "reporting", "smallCellK")),
      note:
        `Counts of children below ${k} are suppressed (shown as "s"), with complementary ` +
        "suppression of other cells and totals so that no suppressed count can be worked out from the published ones. " +
        "Zeros are published."
    }
  }
}

/**
 * Build the aggregate report.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Report } from "@homeward/report"
 *
 * const r = Report.aggregate({ cases: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") })
 * r.progress.targetShare // 0.3
 * ```
 *
 * @since 0.1.0
 */
export const aggregate = (input: ReportInput): AggregateReport => {
  // Two passes: the first collects the count tables, which are then suppressed
  // together (`Suppression.suppressLinked`, over the quantities they share);
  // the second builds the report with those published tables.
  const recorded = new Map<string, CountTable>()
  build(input, recorded, undefined)
  const k = PolicyProfile.resolve(input.profile, input.asOf).values.reporting.smallCellK
  const ids: ReadonlyArray<string> = LINKED.filter((id) => recorded.has(id))
  const at = (id: string) => ids.indexOf(id)
  const tables = ids.map((id) => recorded.get(id)!)
  const m = (id: string) => tables[at(id)]!.rows.length
  const n = (id: string) => tables[at(id)]!.columns.length
  const col = (id: string, c: number): CellRef => ({ table: at(id), row: m(id), column: c })
  const grand = (id: string): CellRef => ({ table: at(id), row: m(id), column: n(id) })
  const relations: Array<Relation> = [
    // The same number of children in the programme.
    ...["placements", "pipeline", "children-per-institution", "province", "district"].map((id) => ({
      left: [grand("progress")],
      right: [grand(id)]
    })),
    // The same care columns (residential / family-based / closed) in every table by institution or place.
    ...[0, 1, 2].flatMap((c) => [
      { left: [col("children-per-institution", c)], right: [col("province", c)] },
      { left: [col("province", c)], right: [col("district", c)] }
    ]),
    // Open and closed cases.
    { left: [col("placements", 1)], right: [col("province", 2)] },
    { left: [col("placements", 0)], right: [grand("caseload")] },
    { left: [col("placements", 0)], right: [col("province", 0), col("province", 1)] },
    { left: [col("placements", 1)], right: [{ table: at("pipeline"), row: PHASES.length - 1, column: 0 }] }
  ]
  const published = suppressLinked(tables, k, relations)
  return build(input, undefined, new Map(ids.map((id, i) => [id, published[i]!])))
}

/** Tables suppressed together (children counts sharing quantities). */
const LINKED = [
  "progress",
  "placements",
  "pipeline",
  "caseload",
  "children-per-institution",
  "province",
  "district"
] as const satisfies ReadonlyArray<string>

const build = (
  input: ReportInput,
  record: Map<string, CountTable> | undefined,
  linked: ReadonlyMap<string, PublishedTable> | undefined
): AggregateReport => {
  const { sinceDate, ...m } = meta(input)
  const k = m.suppression.k
  const policy = PolicyProfile.resolve(input.profile, input.asOf)
  const cases = states(input)
  const where = locator(input)
  const asOfDay = dayOf(input.asOf)
  const sinceDay = dayOf(sinceDate)
  const table = (
    id: string,
    title: string,
    rowHeader: string,
    t: CountTable,
    counts: ReportTable["counts"] = "children",
    note?: string
  ): ReportTable => {
    record?.set(id, t)
    const published =
      counts === "institutions"
        ? suppress(t, 0) // institutions are public facts: not suppressed
        : (linked?.get(id) ?? suppress(t, k))
    return { id, title, rowHeader, counts, ...published, ...(note === undefined ? {} : { note }) }
  }

  // Progress -------------------------------------------------------------
  const targetShare = input.target?.share ?? policy.values.programme.targetShare
  const deadline = input.target?.deadline ?? policy.values.programme.targetDeadline
  // The progress counts form one table (returned since the start date × reintegrated now), suppressed
  // together, so that differences between headline figures cannot reveal a small count.
  const returnedFlag = cases.map((s) => returnedBetween(s, sinceDay, asOfDay))
  const reintFlag = cases.map((s) => reintegrated(s))
  const progressTable = table(
    "progress",
    "Children returned since the start date, by situation on the report date",
    "Returned since start",
    countTable(
      [`Returned since ${m.since}`, "Not returned since then"],
      ["Reintegrated", "Not reintegrated"],
      (r, c) => cases.filter((_, i) => (returnedFlag[i] ? 0 : 1) === r && (reintFlag[i] ? 0 : 1) === c).length
    )
  )
  const baseline = cases.length
  const reint = cases.filter((_, i) => returnedFlag[i] && reintFlag[i]).length
  const pb = progressTable.total
  const pr = progressTable.cells[0]![0]!
  const inPhase = (phase: string) => cases.filter((s) => s.phase.phase === phase).length
  const span = Math.max(1, dayOf(deadline) - sinceDay)
  const elapsed = Math.min(span, Math.max(0, asOfDay - sinceDay))
  const expected = (targetShare * elapsed) / span
  const share = pb === null || pr === null || baseline === 0 ? null : reint / baseline
  const targetCount = Math.ceil(targetShare * baseline - 1e-9)
  // Pipeline -----------------------------------------------------------------
  const pipelineTable = table(
    "pipeline",
    "Children by current phase",
    "Phase",
    countTable(
      PHASES.map(([, l]) => l),
      ["Children"],
      (r) => inPhase(PHASES[r]![0])
    )
  )
  const pipelineSection: Section = {
    id: "pipeline",
    title: "Phase pipeline",
    figures: [],
    tables: [pipelineTable],
    notes: []
  }

  const progress: Progress = {
    baseline: pb,
    returnedSince: progressTable.rowTotals[0]!,
    reintegrated: pr,
    underFollowUp: pipelineTable.cells[PHASES.findIndex(([p]) => p === "reunified")]![0]!,
    share,
    targetShare,
    targetDeadline: isoDay(deadline),
    targetSource: citationText(
      input.target?.share === undefined
        ? PolicyProfile.cite(input.profile, "programme", "targetShare")
        : { document: "Report option", year: input.asOf.getUTCFullYear() }
    ),
    targetCount: pb === null ? null : targetCount,
    remaining: pb === null || pr === null ? null : Math.max(0, targetCount - reint),
    expectedShareByNow: expected,
    onTrack: share === null ? null : share >= expected,
    daysToDeadline: dayOf(deadline) - asOfDay
  }
  const progressSection: Section = {
    id: "progress",
    title: "Programme progress",
    figures: [
      { id: "baseline", label: "Children in the programme", value: progress.baseline, unit: "children" },
      {
        id: "returned-since",
        label: `Children returned to family or community-based care since ${m.since}`,
        value: progress.returnedSince,
        unit: "children"
      },
      {
        id: "reintegrated",
        label: "Of whom reintegrated on the report date",
        value: progress.reintegrated,
        unit: "children"
      },
      {
        id: "under-follow-up",
        label: "Children under follow-up (monitoring)",
        value: progress.underFollowUp,
        unit: "children"
      },
      { id: "share", label: "Share reintegrated", value: progress.share, unit: "share" },
      { id: "target-share", label: `Target share by ${progress.targetDeadline}`, value: targetShare, unit: "share" },
      { id: "target-count", label: "Target (children)", value: progress.targetCount, unit: "children" },
      {
        id: "remaining",
        label: "Still to reintegrate to reach the target",
        value: progress.remaining,
        unit: "children"
      },
      { id: "days-to-deadline", label: "Days to the target deadline", value: progress.daysToDeadline, unit: "days" }
    ],
    tables: [progressTable],
    notes: [
      `Target: ${Math.round(targetShare * 1000) / 10}% by ${progress.targetDeadline} (${progress.targetSource}).`,
      "Reintegrated: reunified since the start date and, on the report date, still in family-based care or closed as reintegration complete."
    ]
  }

  // Placements ---------------------------------------------------------------
  const placementRows = PLACEMENT_ROWS.map(([label]) => label)
  const placementRow = (s: CaseState.CaseState): number =>
    s.placement === undefined ? -1 : PLACEMENT_ROWS.findIndex(([, types]) => types.includes(s.placement!.type))
  const placements = countTable(
    placementRows,
    ["Open cases", "Closed cases"],
    (r, c) => cases.filter((s) => placementRow(s) === r && (s.status === "closed" ? 1 : 0) === c).length
  )
  const placementSection: Section = {
    id: "placements",
    title: "Placements by type",
    figures: [],
    tables: [table("placements", "Where children live (current or last placement)", "Placement", placements)],
    notes: []
  }

  // Breakdowns and re-entries ----------------------------------------------
  const reunifiedCases = cases.filter(everReunified)
  const outcomeRows = [
    "Still in family-based care",
    "Closed: reintegration complete",
    "Returned to care (breakdown)",
    "Other"
  ]
  const outcomeOf = (s: CaseState.CaseState): number =>
    s.status === "open" && s.phase.phase === "reunified"
      ? 0
      : s.status === "closed" && s.closure?.reason === "reintegration-complete"
        ? 1
        : s.phase.phase === "returned-to-care" || (s.status === "closed" && s.closure?.reason === "breakdown")
          ? 2
          : 3
  const outcomes = countTable(
    outcomeRows,
    ["No breakdown", "One or more breakdowns"],
    (r, c) => reunifiedCases.filter((s) => outcomeOf(s) === r && (s.breakdowns > 0 ? 1 : 0) === c).length
  )
  const breakdownSection: Section = {
    id: "breakdowns",
    title: "Breakdowns and re-entries",
    figures: [
      {
        id: "breakdown-events",
        label: "Breakdowns recorded (events)",
        value: suppressCount(
          cases.reduce((a, s) => a + s.breakdowns, 0),
          k
        ),
        unit: "events"
      }
    ],
    tables: [table("outcomes", "Children ever reunified, by outcome", "Outcome", outcomes)],
    notes: ["A breakdown returns the child to care; a re-entry is a reunified child now back in care."]
  }

  // Monitoring and caseload -----------------------------------------------------
  const monitoringRows = tally(
    cases.flatMap((s) => {
      if (s.status !== "open" || s.reunifiedOn === undefined) return []
      const st = Monitoring.monitoringStatus(s, input.profile, input.asOf).outcome
      const w = s.socialWorkerId ?? UNASSIGNED
      return [
        ...Array.from({ length: st.due.length - st.overdue.length }, () => [w, 0] as const),
        ...st.overdue.map(() => [w, 1] as const),
        ...st.missed.map(() => [w, 2] as const)
      ]
    }),
    (x) => x
  )
  const maxCaseload = policy.values.programme.maxCaseload
  const caseloads = tally(
    cases.filter((s) => s.status === "open"),
    (s) => [s.socialWorkerId ?? UNASSIGNED, 0]
  )
  const workers = [...new Set([...monitoringRows.keys(), ...caseloads.keys()])].sort()
  const over = workers.filter((w) => (caseloads.get(w)?.[0] ?? 0) > maxCaseload)
  const monitoringSection: Section = {
    id: "monitoring",
    title: "Monitoring and caseload",
    figures: [
      {
        id: "max-caseload",
        label: "Maximum caseload per social worker (profile)",
        value: maxCaseload,
        unit: "children"
      },
      { id: "workers-over-caseload", label: "Social workers over the maximum caseload", value: over.length }
    ],
    tables: [
      table(
        "visits",
        "Follow-up visits due, overdue and missed, by social worker",
        "Social worker",
        fromTally(monitoringRows, ["Due (in window)", "Overdue", "Missed"], workers),
        "visits"
      ),
      table("caseload", "Open cases by social worker", "Social worker", fromTally(caseloads, ["Open cases"], workers))
    ],
    notes: [
      `Visit plan and status from Monitoring.monitoringStatus with profile ${input.profile.id}; "due" is in its window and not yet late, "overdue" is past its due day but within the grace window, "missed" is past its window.`,
      `Maximum caseload ${maxCaseload} (${citationText(PolicyProfile.cite(input.profile, "programme", "maxCaseload"))}).` +
        (over.length > 0 ? ` Over the maximum: ${over.join(", ")}.` : "")
    ]
  }

  // Institutions ----------------------------------------------------------------
  const insts = [...(input.institutions ?? [])].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  const statusRows = ["operating", "transitioning", "transitioned", "closed"] as const
  const instStatus = countTable(
    statusRows.map((s) => s[0]!.toUpperCase() + s.slice(1)),
    ["Institutions"],
    (r) => insts.filter((i) => i.status === statusRows[r]).length
  )
  const reasons = ["minimum-standards-not-met", "abuse-reports", "insufficient-funds", "voluntary"] as const
  const closedReasons = countTable(
    ["Minimum standards not met", "Reports of abuse", "Insufficient funds", "Voluntary"],
    ["Closed institutions"],
    (r) => insts.filter((i) => i.status === "closed" && i.closureReason === reasons[r]).length
  )
  const instIds = insts.map((i) => i.id)
  const instIndex = new Map(instIds.map((id, i) => [id, i]))
  const perInst = countTable(
    [...insts.map((i) => i.name), "Other / unknown institution"],
    CARE_COLUMNS,
    (r, c) =>
      cases.filter((s) => (instIndex.get(s.institutionId ?? "") ?? insts.length) === r && careColumn(s) === c).length
  )
  const institutionSection: Section = {
    id: "institutions",
    title: "Institutions",
    figures: [],
    tables: [
      table("institution-status", "Institutions by status", "Status", instStatus, "institutions"),
      table("closure-reasons", "Closed institutions by reason", "Reason", closedReasons, "institutions"),
      table("children-per-institution", "Children by institution of origin", "Institution", perInst)
    ],
    notes: ["Counts of institutions are public facts and are not suppressed; counts of children are."]
  }

  // Location -------------------------------------------------------------------
  const byProvince = tally(cases, (s) => [where(s).province, careColumn(s)])
  const byDistrict = tally(cases, (s) => {
    const w = where(s)
    return [`${w.province} / ${w.district}`, careColumn(s)]
  })
  const locationSection: Section = {
    id: "location",
    title: "By province and district",
    figures: [],
    tables: [
      table("province", "Children by province", "Province", fromTally(byProvince, CARE_COLUMNS)),
      table("district", "Children by district", "Province / district", fromTally(byDistrict, CARE_COLUMNS))
    ],
    notes: [
      "Location: the household the child is placed with; otherwise the institution of the case; otherwise unknown. Only province and district are used."
    ]
  }

  return {
    kind: "aggregate",
    ...m,
    progress,
    sections: [
      progressSection,
      placementSection,
      pipelineSection,
      breakdownSection,
      monitoringSection,
      institutionSection,
      locationSection
    ]
  }
}

/**
 * Build the case-worker report: for each social worker, the visits due,
 * overdue and missed on `asOf` (from `Monitoring.monitoringStatus`) with case
 * and pseudonymous child ids, and the caseload against the profile's maximum.
 *
 * @since 0.1.0
 */
export const caseworker = (input: ReportInput): CaseworkerReport => {
  const { sinceDate: _s, ...m } = meta(input)
  const policy = PolicyProfile.resolve(input.profile, input.asOf)
  const maxCaseload = policy.values.programme.maxCaseload
  const cases = states(input)
  const byWorker = new Map<string, { caseload: number; visits: Array<VisitLine> }>()
  const get = (w: string) => {
    const x = byWorker.get(w) ?? { caseload: 0, visits: [] }
    byWorker.set(w, x)
    return x
  }
  for (const s of cases) {
    if (s.status !== "open") continue
    const w = get(s.socialWorkerId ?? UNASSIGNED)
    w.caseload++
    if (s.reunifiedOn === undefined) continue
    const st = Monitoring.monitoringStatus(s, input.profile, input.asOf).outcome
    const line = (p: Monitoring.PlannedVisit, status: VisitLine["status"]): VisitLine => ({
      caseId: s.caseId,
      childId: s.child?.id ?? UNKNOWN,
      visit: p.index,
      due: isoDay(p.due),
      windowEnd: isoDay(p.windowEnd),
      status
    })
    const overdue = new Set(st.overdue.map((p) => p.index))
    for (const p of st.missed) w.visits.push(line(p, "missed"))
    for (const p of st.due) w.visits.push(line(p, overdue.has(p.index) ? "overdue" : "due"))
  }
  const rank = { missed: 0, overdue: 1, due: 2 }
  return {
    kind: "caseworker",
    ...m,
    workers: [...byWorker.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([socialWorkerId, x]) => ({
        socialWorkerId,
        caseload: x.caseload,
        maxCaseload,
        overCaseload: x.caseload > maxCaseload,
        visits: x.visits.sort(
          (a, b) => rank[a.status] - rank[b.status] || a.due.localeCompare(b.due) || a.caseId.localeCompare(b.caseId)
        )
      }))
  }
}
