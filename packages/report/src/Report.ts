/**
 * Report builders: pure functions from case events (or case states),
 * institutions, households, a policy profile and `asOf` to plain report data.
 *
 * **One path from events to states.** Given `events`, a report folds each
 * case's events that occurred on or before `asOf` ({@link statesAsOf}); a
 * report on day `d` is therefore the same whether the store holds events
 * after `d` or not. Given `cases` (states already folded), every state must be
 * as of `asOf`: a state holding an event after `asOf` is refused with a
 * `RangeError`, never counted as if it were true on `asOf`.
 *
 * Two kinds of report:
 *
 * - {@link AggregateReport} (`kind: "aggregate"`), for a provincial
 *   department, an NGO director or a donor: programme progress against the
 *   profile's target (with the target's own cohort, cited, and the other
 *   common readings of "share reintegrated" side by side), placements, the
 *   phase pipeline, breakdowns, closures by reason, monitoring (children with
 *   a visit due within its window, overdue past its window, or whose
 *   monitoring is complete while the case is open) and caseload per social
 *   worker, institutions, and a breakdown by province and district; and a
 *   definitions section stating each figure's population, numerator,
 *   denominator and source. It holds counts of children only, never a child
 *   or case id, suppressed so that no small count can be worked out from
 *   everything the report publishes (see `Suppression`).
 * - {@link CaseworkerReport} (`kind: "caseworker"`), for social workers: the
 *   visits due and overdue, listed by case and pseudonymous child id (never
 *   names or other sensitive fields), and the cases whose monitoring is
 *   complete while they are still open.
 *
 * Transferred cases (transferred to another agency and not closed or
 * reopened since) are not in the open caseload, the residential-care column
 * or any share's denominator: they have their own column and row.
 *
 * @since 0.1.0
 */
import {
  type CaseEvent,
  type CaseState,
  type Household,
  type Institution,
  Monitoring,
  PolicyProfile
} from "@homeward/core"
import { citationText, dayOf, isoDay } from "./internal/common.js"
import {
  checkStates,
  counts,
  statesAsOf as fold,
  P_COMPLETE,
  P_FOLLOW_UP,
  TRANSFERRED,
  UNASSIGNED,
  UNKNOWN
} from "./internal/counts.js"
import { type CountTable, type DisclosureModel, grid, type PublishedTable, protect, suppress } from "./Suppression.js"

/**
 * What a report is built from.
 *
 * @since 0.1.0
 */
export interface ReportInput {
  /** Case events: each case folded from its events on or before `asOf` (see {@link statesAsOf}). */
  readonly events?: Iterable<CaseEvent.CaseEvent>
  /** Or case states already folded as of `asOf` (a state holding a later event is refused with a `RangeError`). */
  readonly cases?: ReadonlyArray<CaseState.CaseState>
  readonly institutions?: ReadonlyArray<Institution.Institution>
  readonly households?: ReadonlyArray<Household.Household>
  readonly profile: PolicyProfile.PolicyProfile
  readonly asOf: Date
  /** Count returns from this day, and take the target cohort on it (default: the day the profile's `programme.targetShare` took effect). */
  readonly since?: Date
  /** Override the profile's target share (0..1) and deadline. */
  readonly target?: { readonly share?: number; readonly deadline?: Date }
  readonly title?: string
}

/**
 * What a figure or table counts, in plain words: who is counted (the
 * population), the numerator and denominator of a share, and where the
 * numbers come from (events, profile parameters with their citations).
 *
 * @since 0.1.0
 */
export interface Definition {
  /** The id of the figure or table it defines. */
  readonly id: string
  readonly term: string
  readonly population: string
  readonly numerator?: string
  readonly denominator?: string
  readonly source: string
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
    /** Each suppressed small count could be at least this many children (`reporting.protectionLevel`). */
    readonly level: number
    readonly source: string
    readonly levelSource: string
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
  readonly unit?: "children" | "share" | "days" | "visits" | "institutions" | "events" | "social workers"
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
  readonly counts: "children" | "institutions"
}

/**
 * One reading of "share reintegrated": who is in the denominator and who in
 * the numerator. `usedForTarget` marks the reading that follows the profile's
 * `programme.targetCohort`.
 *
 * @since 0.1.0
 */
export interface ShareReading {
  readonly id: "target-cohort" | "all-returned-since" | "all-at-home"
  readonly label: string
  readonly numeratorLabel: string
  readonly denominatorLabel: string
  readonly numerator: number | null
  readonly denominator: number | null
  readonly share: number | null
  readonly usedForTarget: boolean
}

/**
 * Programme progress against the target.
 *
 * @since 0.1.0
 */
export interface Progress {
  /** Children in the programme: every case opened on or before `asOf` (transferred and closed ones included). */
  readonly baseline: number | null
  /** The target's cohort, from the profile's `programme.targetCohort`. */
  readonly cohortDefinition: PolicyProfile.TargetCohort
  readonly cohortSource: string
  /** The denominator of the target's share (the cohort's size). */
  readonly cohort: number | null
  /** Children returned (entered the reunified phase) since `since`, whatever happened next. */
  readonly returnedSince: number | null
  /** The numerator of the target's share: children of the cohort returned since `since` and at home on `asOf`. */
  readonly reintegrated: number | null
  /** Reunified, case open, monitoring period not over. */
  readonly underFollowUp: number | null
  /** Reunified, case open, monitoring period over. */
  readonly monitoringComplete: number | null
  /** Cases transferred to another agency (out of every share's denominator). */
  readonly transferred: number | null
  /** The target's share (`reintegrated / cohort`; null when either is suppressed). */
  readonly share: number | null
  /** The common readings of "share reintegrated", side by side. */
  readonly readings: ReadonlyArray<ShareReading>
  /** Whether the readings give different shares (then renderers show them all). */
  readonly readingsDiffer: boolean
  readonly targetShare: number
  readonly targetDeadline: string
  readonly targetSource: string
  /** `ceil(targetShare × cohort)`. */
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
  readonly id:
    | "progress"
    | "placements"
    | "pipeline"
    | "breakdowns"
    | "closures"
    | "monitoring"
    | "institutions"
    | "location"
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
  /** What every figure and table counts. */
  readonly definitions: ReadonlyArray<Definition>
}

/**
 * One visit in a case-worker list: `due` (in its window, not yet made) or
 * `overdue` (its window passed without a visit).
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
  readonly status: "due" | "overdue"
}

/**
 * A case whose monitoring period is over while the case is still open.
 *
 * @since 0.1.0
 */
export interface MonitoringCompleteLine {
  readonly caseId: string
  readonly childId: string
  readonly monitoringEnded: string
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
  readonly monitoringComplete: ReadonlyArray<MonitoringCompleteLine>
}

/**
 * The case-worker report: visits due and overdue by social worker, with case
 * and pseudonymous child ids (for the workers, not for publication).
 *
 * @since 0.1.0
 */
export interface CaseworkerReport extends ReportMeta {
  readonly kind: "caseworker"
  readonly workers: ReadonlyArray<WorkerList>
  readonly definitions: ReadonlyArray<Definition>
}

// ---------------------------------------------------------------------------

/**
 * The one path from events to case states used by every report: events
 * grouped by case, those that occurred after `asOf` dropped, each case folded
 * with `CaseState.replay`; cases not opened by `asOf` are left out.
 *
 * @example
 * ```ts
 * import { Report } from "@homeward/report"
 *
 * Report.statesAsOf([], new Date("2018-01-31")).length // 0
 * ```
 *
 * @since 0.1.0
 */
export const statesAsOf = (events: Iterable<CaseEvent.CaseEvent>, asOf: Date): Array<CaseState.CaseState> =>
  fold(events, asOf)

/** The case states in scope: opened on or before `asOf`. */
const states = (input: ReportInput): Array<CaseState.CaseState> => {
  const given = input.cases ?? []
  checkStates(given, input.asOf)
  const all = [...given, ...(input.events === undefined ? [] : fold(input.events, input.asOf))]
  return all.filter((s) => s.opened && s.openedOn !== undefined)
}

const pct1 = (x: number): string => `${Math.round(x * 1000) / 10}%`

const meta = (input: ReportInput): ReportMeta & { readonly sinceDate: Date } => {
  const policy = PolicyProfile.resolve(input.profile, input.asOf)
  const k = policy.values.reporting.smallCellK
  const level = policy.values.reporting.protectionLevel
  const since = input.since ?? input.profile.parameters.programme.targetShare.effectiveFrom
  return {
    title: input.title ?? "Reintegration programme report",
    profile: { id: input.profile.id, version: input.profile.version, title: input.profile.title },
    asOf: isoDay(input.asOf),
    since: isoDay(since),
    sinceDate: since,
    suppression: {
      k,
      level,
      source: citationText(PolicyProfile.cite(input.profile, "reporting", "smallCellK")),
      levelSource: citationText(PolicyProfile.cite(input.profile, "reporting", "protectionLevel")),
      note:
        `Counts of children from 1 to ${k - 1} are suppressed (shown as "s"), and other counts with them, so that ` +
        `given everything this report publishes (every table with its totals, the links between tables, zeros, ` +
        `whole numbers) each suppressed small count could still be ${level} or more: none can be worked out or ` +
        "bounded below that (checked by integer programming). Zeros are published."
    }
  }
}

/**
 * The disclosure model of an aggregate report (everything it publishes, as
 * linear constraints between its counts) with the suppression applied: what
 * an attacker knows. Audit it with `Suppression.audit` or export it with
 * `Suppression.lpFormat` to any solver.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Report } from "@homeward/report"
 * import { Suppression } from "@homeward/report"
 *
 * const { model, suppressed } = Report.disclosure({ events: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") })
 * Suppression.audit(model, suppressed).filter((r) => r !== undefined).length // 0: no case, nothing suppressed
 * ```
 *
 * @since 0.1.0
 */
export const disclosure = (
  input: ReportInput
): {
  readonly model: DisclosureModel
  readonly suppressed: ReadonlyArray<boolean>
  readonly primary: ReadonlyArray<boolean>
  readonly unprotected: ReadonlyArray<number>
} => {
  const c = compute(input)
  return { model: c.model, ...c.protection }
}

const compute = (input: ReportInput) => {
  const m = meta(input)
  const cases = states(input)
  const c = counts(cases, {
    profile: input.profile,
    asOf: input.asOf,
    since: m.sinceDate,
    sinceText: m.since,
    institutions: input.institutions ?? [],
    households: input.households ?? []
  })
  const model: DisclosureModel = { quantities: c.builder.quantities, constraints: c.builder.constraints }
  const protection = protect(model, { k: m.suppression.k, level: m.suppression.level })
  return { meta: m, counts: c, model, protection }
}

/**
 * Build the aggregate report.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Report } from "@homeward/report"
 *
 * const r = Report.aggregate({ events: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") })
 * r.progress.targetShare // 0.3
 * ```
 *
 * @since 0.1.0
 */
export const aggregate = (input: ReportInput): AggregateReport => {
  const { meta: mm, counts: c, protection } = compute(input)
  const { sinceDate, ...m } = mm
  const policy = PolicyProfile.resolve(input.profile, input.asOf)
  const b = c.builder
  const hidden = protection.suppressed
  const pub = (q: number): number | null => (hidden[q] ? null : b.quantities[q]!.value)
  const published = (id: string): PublishedTable => {
    const t = c.tables.get(id)!
    const g = grid(t)
    const mm = t.rows.length
    const n = t.columns.length
    const at = (r: number, col: number) => b.at(id, r, col)
    let suppressed = 0
    for (let r = 0; r <= mm; r++) for (let col = 0; col <= n; col++) if (hidden[at(r, col)]) suppressed++
    const v = (r: number, col: number) => (hidden[at(r, col)] ? null : g[r]![col]!)
    return {
      rows: [...t.rows],
      columns: [...t.columns],
      cells: t.rows.map((_, r) => t.columns.map((_, col) => v(r, col))),
      rowTotals: t.rows.map((_, r) => v(r, n)),
      columnTotals: t.columns.map((_, col) => v(mm, col)),
      total: v(mm, n),
      suppressed
    }
  }
  const table = (
    id: string,
    title: string,
    rowHeader: string,
    note?: string,
    t: PublishedTable = published(id),
    counts: ReportTable["counts"] = "children"
  ): ReportTable => ({ id, title, rowHeader, counts, ...t, ...(note === undefined ? {} : { note }) })
  const figure = (id: string) => pub(b.figures.get(id)!)
  const asOfDay = dayOf(input.asOf)
  const sinceDay = dayOf(sinceDate)

  // Progress -------------------------------------------------------------------------------------------------------
  const targetShare = input.target?.share ?? policy.values.programme.targetShare
  const deadline = input.target?.deadline ?? policy.values.programme.targetDeadline
  const cohortDefinition = policy.values.programme.targetCohort
  const cohortSource = citationText(PolicyProfile.cite(input.profile, "programme", "targetCohort"))
  const progressTable = table(
    "progress",
    "Children by target cohort and by return since the start date",
    "Children",
    `Target cohort: children in residential care (not yet returned, or back in care) on ${m.since}, ` +
      "not transferred since. At home: reunified in a family-based placement, or case closed as reintegration complete."
  )
  const readings = shareReadings(m, cohortDefinition, {
    cohortHome: progressTable.cells[0]![0]!,
    cohort: progressTable.rowTotals[0]!,
    homeReturnedSince: figure("all-home-returned-since"),
    counted: figure("all-counted"),
    home: figure("all-home")
  })
  const target = readings.find((r) => r.usedForTarget)!
  // Shown side by side unless every share is published and they agree (a suppressed share cannot be said to agree).
  const shares = readings.map((r) => r.share)
  const readingsDiffer = shares.some((x) => x === null) || new Set(shares.map((x) => x!.toFixed(6))).size > 1
  const span = Math.max(1, dayOf(deadline) - sinceDay)
  const elapsed = Math.min(span, Math.max(0, asOfDay - sinceDay))
  const expected = (targetShare * elapsed) / span
  const targetCount = target.denominator === null ? null : Math.ceil(targetShare * target.denominator - 1e-9)
  const pipeline = published("pipeline")
  const situation = published("province")
  const progress: Progress = {
    baseline: progressTable.total,
    cohortDefinition,
    cohortSource,
    cohort: target.denominator,
    returnedSince: figure("returned-since"),
    reintegrated: target.numerator,
    underFollowUp: pipeline.cells[P_FOLLOW_UP]![0]!,
    monitoringComplete: pipeline.cells[P_COMPLETE]![0]!,
    transferred: situation.columnTotals[TRANSFERRED]!,
    share: target.share,
    readings,
    readingsDiffer,
    targetShare,
    targetDeadline: isoDay(deadline),
    targetSource: citationText(
      input.target?.share === undefined
        ? PolicyProfile.cite(input.profile, "programme", "targetShare")
        : { document: "Report option", year: input.asOf.getUTCFullYear() }
    ),
    targetCount,
    remaining: targetCount === null || target.numerator === null ? null : Math.max(0, targetCount - target.numerator),
    expectedShareByNow: expected,
    onTrack: target.share === null ? null : target.share >= expected,
    daysToDeadline: dayOf(deadline) - asOfDay
  }
  const cohortWords =
    cohortDefinition === "in-care-at-start"
      ? `the children in residential care on ${m.since}`
      : "every child in the programme"
  const progressSection: Section = {
    id: "progress",
    title: "Programme progress",
    figures: [
      { id: "baseline", label: "Children in the programme", value: progress.baseline, unit: "children" },
      {
        id: "cohort",
        label: `Target cohort: ${cohortWords} (not transferred)`,
        value: progress.cohort,
        unit: "children"
      },
      {
        id: "returned-since",
        label: `Children returned to family or community-based care since ${m.since}`,
        value: progress.returnedSince,
        unit: "children"
      },
      {
        id: "reintegrated",
        label: `Of the target cohort, returned since ${m.since} and at home on ${m.asOf}`,
        value: progress.reintegrated,
        unit: "children"
      },
      {
        id: "under-follow-up",
        label: "Reunified, under follow-up (monitoring period not over)",
        value: progress.underFollowUp,
        unit: "children"
      },
      {
        id: "monitoring-complete",
        label: "Reunified, monitoring complete, case open",
        value: progress.monitoringComplete,
        unit: "children"
      },
      {
        id: "transferred",
        label: "Transferred to another agency (out of every share)",
        value: progress.transferred,
        unit: "children"
      },
      { id: "share", label: "Share reintegrated (the target's reading)", value: progress.share, unit: "share" },
      { id: "target-share", label: `Target share by ${progress.targetDeadline}`, value: targetShare, unit: "share" },
      { id: "target-count", label: "Target (children of the cohort)", value: progress.targetCount, unit: "children" },
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
      `Target: ${pct1(targetShare)} of ${cohortWords} by ${progress.targetDeadline} (${progress.targetSource}); cohort as the profile defines it (programme.targetCohort: ${cohortSource}).`,
      readingsDiffer
        ? 'The readings of "share reintegrated" differ (see the readings table): they count different children.'
        : 'Every reading of "share reintegrated" gives the same share.'
    ]
  }

  // Placements, pipeline ------------------------------------------------------------------------------------------
  const placementSection: Section = {
    id: "placements",
    title: "Placements by type",
    figures: [],
    tables: [
      table(
        "placements",
        "Where children live (current placement; last placement for closed cases), by case status",
        "Placement"
      )
    ],
    notes: []
  }
  const pipelineSection: Section = {
    id: "pipeline",
    title: "Phase pipeline",
    figures: [],
    tables: [table("pipeline", "Children by current phase", "Phase", undefined, pipeline)],
    notes: []
  }

  // Breakdowns, closures ---------------------------------------------------------------------------------------------
  const breakdownSection: Section = {
    id: "breakdowns",
    title: "Breakdowns and re-entries",
    figures: [
      {
        id: "breakdown-events",
        label: "Breakdowns recorded (events, not children)",
        value: figure("breakdown-events"),
        unit: "events"
      }
    ],
    tables: [
      table(
        "outcomes",
        "Children ever reunified (or closed as reintegrated or after a breakdown), by outcome",
        "Outcome"
      )
    ],
    notes: ["A breakdown returns the child to care; a re-entry is a reunified child now back in care."]
  }
  const closureSection: Section = {
    id: "closures",
    title: "Case closures",
    figures: [],
    tables: [table("closures", "Closed cases by reason for closure", "Reason")],
    notes: ["A case closed and later reopened is counted where it is on the report date, not here."]
  }

  // Monitoring and caseload --------------------------------------------------------------------------------------------
  const maxCaseload = policy.values.programme.maxCaseload
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
      {
        id: "workers-over-caseload",
        label: "Social workers over the maximum caseload",
        value: c.overCaseload.length,
        unit: "social workers"
      }
    ],
    tables: [
      table(
        "monitoring",
        "Children under monitoring by social worker: visits up to date, due within their window, overdue past their window, or monitoring complete",
        "Social worker"
      ),
      table("caseload", "Open cases by social worker (transferred cases excluded)", "Social worker")
    ],
    notes: [
      `Counts children, not visits: a child with a visit past its window counts once as overdue. Visit plan and status from Monitoring.monitoringStatus with profile ${input.profile.id}: a visit is due from its due day to the end of its window (${citationText(PolicyProfile.cite(input.profile, "monitoring", "graceDays"))}), overdue once the window has passed without a visit.`,
      `Maximum caseload ${maxCaseload} (${citationText(PolicyProfile.cite(input.profile, "programme", "maxCaseload"))}).` +
        (c.overCaseload.length > 0 ? ` Over the maximum: ${c.overCaseload.join(", ")}.` : "")
    ]
  }

  // Institutions ----------------------------------------------------------------------------------------------------------
  const insts = [...(input.institutions ?? [])].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  const statusRows = ["operating", "transitioning", "transitioned", "closed"] as const
  const instStatus: CountTable = {
    rows: statusRows.map((s) => s[0]!.toUpperCase() + s.slice(1)),
    columns: ["Institutions"],
    cells: statusRows.map((st) => [insts.filter((i) => i.status === st).length])
  }
  const reasons = ["minimum-standards-not-met", "abuse-reports", "insufficient-funds", "voluntary"] as const
  const closedReasons: CountTable = {
    rows: ["Minimum standards not met", "Reports of abuse", "Insufficient funds", "Voluntary"],
    columns: ["Closed institutions"],
    cells: reasons.map((r) => [insts.filter((i) => i.status === "closed" && i.closureReason === r).length])
  }
  const institutionSection: Section = {
    id: "institutions",
    title: "Institutions",
    figures: [],
    tables: [
      table(
        "institution-status",
        "Institutions by status",
        "Status",
        undefined,
        suppress(instStatus, 0),
        "institutions"
      ),
      table(
        "closure-reasons",
        "Closed institutions by reason",
        "Reason",
        undefined,
        suppress(closedReasons, 0),
        "institutions"
      ),
      table(
        "children-per-institution",
        "Children by institution of origin (where the case was opened), by situation now",
        "Institution",
        "Counted under the institution the child was in when the case was opened, wherever the child lives now; the tables by province and district count where the child lives now."
      )
    ],
    notes: ["Counts of institutions are public facts and are not suppressed; counts of children are."]
  }

  // Location ----------------------------------------------------------------------------------------------------------------
  const locationSection: Section = {
    id: "location",
    title: "By province and district",
    figures: [],
    tables: [
      table("province", "Children by province where they live now", "Province", undefined, situation),
      table("district", "Children by district where they live now", "Province / district")
    ],
    notes: [
      "Where the child lives now: the household the child is placed with; otherwise the institution of the current placement, or of the case; otherwise unknown. Only province and district are used. A child returned home from an institution in one district counts in the district of the family, while the table by institution counts the child under the institution of origin."
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
      closureSection,
      monitoringSection,
      institutionSection,
      locationSection
    ],
    definitions: definitions(input, m, cohortDefinition, cohortSource)
  }
}

const shareReadings = (
  m: ReportMeta,
  cohortDefinition: PolicyProfile.TargetCohort,
  v: {
    readonly cohortHome: number | null
    readonly cohort: number | null
    readonly homeReturnedSince: number | null
    readonly counted: number | null
    readonly home: number | null
  }
): Array<ShareReading> => {
  const reading = (
    id: ShareReading["id"],
    label: string,
    numeratorLabel: string,
    denominatorLabel: string,
    numerator: number | null,
    denominator: number | null,
    usedForTarget: boolean
  ): ShareReading => ({
    id,
    label,
    numeratorLabel,
    denominatorLabel,
    numerator,
    denominator,
    share: numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator,
    usedForTarget
  })
  const everyChild = "every child in the programme by the report date, transferred cases excluded"
  return [
    reading(
      "target-cohort",
      `Children in residential care on ${m.since}: share returned since then and at home`,
      `of them, returned since ${m.since} and at home on ${m.asOf}`,
      `children in residential care on ${m.since} (not transferred since)`,
      v.cohortHome,
      v.cohort,
      cohortDefinition === "in-care-at-start"
    ),
    reading(
      "all-returned-since",
      "All children in the programme: share returned since the start date and at home",
      `returned since ${m.since} and at home on ${m.asOf}`,
      everyChild,
      v.homeReturnedSince,
      v.counted,
      cohortDefinition === "all-in-programme"
    ),
    reading(
      "all-at-home",
      "All children in the programme: share at home, whenever returned",
      `at home on ${m.asOf}, whenever returned`,
      everyChild,
      v.home,
      v.counted,
      false
    )
  ]
}

/**
 * The readings of "share reintegrated" (the target's own and the other
 * common ones) with EXACT counts, not suppressed: for the programme's own
 * staff (e.g. a console summary next to the published report), never for
 * publication. Same definitions as the aggregate report's readings.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Report } from "@homeward/report"
 *
 * for (const r of Report.readings({ events: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") })) console.log(r)
 * ```
 *
 * @since 0.1.0
 */
export const readings = (input: ReportInput): ReadonlyArray<ShareReading> => {
  const { sinceDate, ...m } = meta(input)
  const c = counts(states(input), {
    profile: input.profile,
    asOf: input.asOf,
    since: sinceDate,
    sinceText: m.since,
    institutions: input.institutions ?? [],
    households: input.households ?? []
  })
  const b = c.builder
  const value = (q: number) => b.quantities[q]!.value
  return shareReadings(m, PolicyProfile.resolve(input.profile, input.asOf).values.programme.targetCohort, {
    cohortHome: value(b.cell("progress", 0, 0)),
    cohort: value(b.rowTotal("progress", 0)),
    homeReturnedSince: value(b.figures.get("all-home-returned-since")!),
    counted: value(b.figures.get("all-counted")!),
    home: value(b.figures.get("all-home")!)
  })
}

const definitions = (
  input: ReportInput,
  m: ReportMeta,
  cohort: PolicyProfile.TargetCohort,
  cohortSource: string
): Array<Definition> => {
  const cite = (g: "programme" | "monitoring" | "reporting", k: string) =>
    citationText(PolicyProfile.cite(input.profile, g as never, k as never))
  const values = PolicyProfile.resolve(input.profile, input.asOf).values.monitoring
  const months = values.durationMonths
  const grace = values.graceDays
  const events = (types: string) => `Case events (${types}) that occurred on or before ${m.asOf}.`
  const home =
    "at home: an open case in the reunified phase with a family-based placement (parents, relatives, foster care, community-based care, independent living), or a case closed as reintegration complete"
  const cohortPop = `children whose case was opened on or before ${m.since} and who, on ${m.since}, were in residential care (phase intake, assessment, preparation, gradual contact or returned to care), not transferred to another agency since`
  return [
    {
      id: "baseline",
      term: "Children in the programme",
      population: `every child whose case was opened on or before ${m.asOf}, including transferred and closed cases`,
      source: events("CaseOpened")
    },
    {
      id: "cohort",
      term: "Target cohort",
      population:
        cohort === "in-care-at-start"
          ? cohortPop
          : "every child in the programme by the report date, transferred cases excluded",
      source: `Policy profile ${m.profile.id}, programme.targetCohort = ${cohort} (${cohortSource}); phases from the case events (CaseOpened, PhaseAdvanced, PhaseSteppedBack, Reunified, BrokeDown, CaseTransferred, CaseClosed, CaseReopened) that occurred on or before ${m.since}.`
    },
    {
      id: "share",
      term: "Share reintegrated (the target's reading)",
      population: cohort === "in-care-at-start" ? cohortPop : "every child in the programme, transferred excluded",
      numerator: `of them, children who entered the reunified phase between ${m.since} and ${m.asOf} and are ${home}`,
      denominator:
        cohort === "in-care-at-start" ? "the target cohort" : "every child in the programme, transferred excluded",
      source: `Target share and deadline: ${cite("programme", "targetShare")}; ${cite("programme", "targetDeadline")}. Cohort: ${cohortSource}.`
    },
    {
      id: "reading:all-returned-since",
      term: "Other reading: all children, returned since the start date and at home",
      population: "every child in the programme by the report date, transferred cases excluded",
      numerator: `children who entered the reunified phase between ${m.since} and ${m.asOf} and are ${home}`,
      denominator: "every child in the programme by the report date, transferred cases excluded",
      source: events("CaseOpened, Reunified, BrokeDown, CaseTransferred, CaseClosed, CaseReopened")
    },
    {
      id: "reading:all-at-home",
      term: "Other reading: all children at home, whenever returned",
      population: "every child in the programme by the report date, transferred cases excluded",
      numerator: `children ${home} on ${m.asOf}, whenever they returned (also before ${m.since})`,
      denominator: "every child in the programme by the report date, transferred cases excluded",
      source: events("CaseOpened, Reunified, BrokeDown, CaseTransferred, CaseClosed, CaseReopened")
    },
    {
      id: "progress",
      term: "Children by target cohort and by return since the start date",
      population: `every child in the programme, in one row: the target cohort (${cohortPop}), the others, or transferred to another agency; and in one column: returned since ${m.since} and ${home.replace("at home: ", "at home (")}) on ${m.asOf}, returned since and not at home, at home but returned before ${m.since}, or neither`,
      source: events(
        "CaseOpened, PhaseAdvanced, PhaseSteppedBack, Reunified, Placed, BrokeDown, CaseTransferred, CaseClosed, CaseReopened"
      )
    },
    {
      id: "returned-since",
      term: "Children returned since the start date",
      population: `children who entered the reunified phase at least once between ${m.since} and ${m.asOf}, whatever happened next`,
      source: events("Reunified")
    },
    {
      id: "under-follow-up",
      term: "Reunified, under follow-up",
      population: `open cases in the reunified phase whose monitoring period (${months} months from the reunification) has not ended on ${m.asOf}`,
      source: `${events("Reunified, CaseClosed")} Monitoring period: ${cite("monitoring", "durationMonths")}.`
    },
    {
      id: "monitoring-complete",
      term: "Reunified, monitoring complete, case open",
      population: `open cases in the reunified phase whose monitoring period (${months} months from the reunification) ended on or before ${m.asOf}: the follow-up is over, the case awaits closure`,
      source: `${events("Reunified, CaseClosed")} Monitoring period: ${cite("monitoring", "durationMonths")}.`
    },
    {
      id: "transferred",
      term: "Transferred to another agency",
      population:
        "cases transferred to another agency and not closed or reopened since: not in the open caseload, the residential-care column or any share's denominator",
      source: events("CaseTransferred")
    },
    {
      id: "placements",
      term: "Placements by type",
      population:
        "every child in the programme by current placement (last placement for closed cases) and case status (open, transferred, closed)",
      source: events("CaseOpened, Reunified, Placed, BrokeDown, CaseReopened, CaseTransferred, CaseClosed")
    },
    {
      id: "pipeline",
      term: "Phase pipeline",
      population: "every child in the programme by current phase; closed and transferred cases in their own rows",
      source: events(
        "CaseOpened, PhaseAdvanced, PhaseSteppedBack, Reunified, BrokeDown, CaseTransferred, CaseClosed, CaseReopened"
      )
    },
    {
      id: "outcomes",
      term: "Children ever reunified, by outcome",
      population:
        "children who entered the reunified phase at least once, or whose case is closed as reintegration complete or after a breakdown, or who are back in care, by where they are now and whether a breakdown was ever recorded",
      source: events("Reunified, BrokeDown, CaseClosed, CaseTransferred, CaseReopened")
    },
    {
      id: "breakdown-events",
      term: "Breakdowns recorded",
      population: "breakdown events (a child may have several); not a count of children",
      source: events("BrokeDown")
    },
    {
      id: "closures",
      term: "Closed cases by reason",
      population: `cases closed on or before ${m.asOf} and not reopened by then, by the reason recorded at closure`,
      source: events("CaseClosed, CaseReopened")
    },
    {
      id: "monitoring",
      term: "Children under monitoring by visit status",
      population: `open cases in the reunified phase, by social worker, each child once: monitoring complete (period over); else overdue (a planned visit's window passed without a visit); else due (a planned visit is in its window, from its due day to ${grace} days later); else up to date`,
      source: `${events("Reunified, MonitoringVisitRecorded, WorkerAssigned")} Monitoring period: ${cite("monitoring", "durationMonths")}. Visit plan: ${cite("monitoring", "schedule")}. Window: ${cite("monitoring", "graceDays")}.`
    },
    {
      id: "caseload",
      term: "Open cases by social worker",
      population: "open cases, transferred cases excluded, by the social worker assigned",
      source: `${events("CaseOpened, WorkerAssigned, CaseTransferred, CaseClosed")} Maximum: ${cite("programme", "maxCaseload")}.`
    },
    {
      id: "children-per-institution",
      term: "Children by institution of origin",
      population:
        "every child in the programme under the institution the case was opened from, wherever the child lives now, by situation now (in residential care, in family-based care, transferred, closed)",
      source: `${events("CaseOpened, Reunified, Placed, BrokeDown, CaseTransferred, CaseClosed")} Institution names from the institutions given.`
    },
    {
      id: "province",
      term: "Children by province and district (where they live now)",
      population:
        "every child in the programme where they live now: the province and district of the household the child is placed with; otherwise of the institution of the current placement or of the case; otherwise unknown",
      source: `${events("CaseOpened, FamilyTraced, Reunified, Placed")} Locations from the households and institutions given.`
    },
    {
      id: "institution-status",
      term: "Institutions by status and closure reason",
      population: "the institutions given, by status; closed ones by reason (public facts, not suppressed)",
      source: "The institutions given to the report."
    },
    {
      id: "suppression",
      term: "Suppressed counts (s)",
      population: `counts of children from 1 to ${m.suppression.k - 1}, and other counts hidden to protect them`,
      source: `k = ${m.suppression.k} (${m.suppression.source}); protection level ${m.suppression.level} (${m.suppression.levelSource}).`
    }
  ]
}

/**
 * Build the case-worker report: for each social worker (open cases,
 * transferred ones excluded), the visits due (in their window) and overdue
 * (window passed) on `asOf` from `Monitoring.monitoringStatus`, the cases
 * whose monitoring is complete while they are open, with case and
 * pseudonymous child ids, and the caseload against the profile's maximum.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Report } from "@homeward/report"
 *
 * const r = Report.caseworker({ events: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") })
 * r.kind // "caseworker"
 * ```
 *
 * @since 0.1.0
 */
export const caseworker = (input: ReportInput): CaseworkerReport => {
  const { sinceDate: _s, ...m } = meta(input)
  const policy = PolicyProfile.resolve(input.profile, input.asOf)
  const maxCaseload = policy.values.programme.maxCaseload
  const cases = states(input)
  const byWorker = new Map<
    string,
    { caseload: number; visits: Array<VisitLine>; complete: Array<MonitoringCompleteLine> }
  >()
  const get = (w: string) => {
    const x = byWorker.get(w) ?? { caseload: 0, visits: [], complete: [] }
    byWorker.set(w, x)
    return x
  }
  for (const s of cases) {
    if (s.status !== "open" || s.phase.phase === "transferred") continue
    const w = get(s.socialWorkerId ?? UNASSIGNED)
    w.caseload++
    if (s.reunifiedOn === undefined || s.phase.phase !== "reunified") continue
    const st = Monitoring.monitoringStatus(s, input.profile, input.asOf).outcome
    const childId = s.child?.id ?? UNKNOWN
    if (st.durationComplete) {
      w.complete.push({ caseId: s.caseId, childId, monitoringEnded: isoDay(st.end ?? s.reunifiedOn) })
      continue
    }
    const line = (p: Monitoring.PlannedVisit, status: VisitLine["status"]): VisitLine => ({
      caseId: s.caseId,
      childId,
      visit: p.index,
      due: isoDay(p.due),
      windowEnd: isoDay(p.windowEnd),
      status
    })
    for (const p of st.missed) w.visits.push(line(p, "overdue"))
    for (const p of st.due) w.visits.push(line(p, "due"))
  }
  const rank = { overdue: 0, due: 1 }
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
        ),
        monitoringComplete: x.complete.sort((a, b) => a.caseId.localeCompare(b.caseId))
      })),
    definitions: [
      {
        id: "due",
        term: "Visit due",
        population: `planned follow-up visits whose due day has come and whose window (${citationText(PolicyProfile.cite(input.profile, "monitoring", "graceDays"))}) has not ended on ${m.asOf}, not yet made`,
        source: `Monitoring.monitoringStatus: plan ${citationText(PolicyProfile.cite(input.profile, "monitoring", "schedule"))}; visits recorded on or before ${m.asOf}.`
      },
      {
        id: "overdue",
        term: "Visit overdue",
        population: `planned follow-up visits whose window ended before ${m.asOf} without a visit`,
        source: "Monitoring.monitoringStatus (missed visits)."
      },
      {
        id: "monitoring-complete",
        term: "Monitoring complete, case open",
        population: `reunified cases whose monitoring period (${citationText(PolicyProfile.cite(input.profile, "monitoring", "durationMonths"))}) ended on or before ${m.asOf} and that are still open: consider closure`,
        source: "Monitoring.monitoringStatus (duration complete)."
      },
      {
        id: "caseload",
        term: "Caseload",
        population: "open cases assigned to the social worker, transferred cases excluded",
        source: `Maximum ${maxCaseload} (${citationText(PolicyProfile.cite(input.profile, "programme", "maxCaseload"))}).`
      }
    ]
  }
}
