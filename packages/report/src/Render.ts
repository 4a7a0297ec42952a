/**
 * Renderers for the aggregate report: JSON, CSV and Markdown (the HTML
 * renderer is in `Html`). They accept an {@link AggregateReport} only and
 * refuse anything else at run time too, so a case-worker list (with case and
 * child ids) cannot be published through them by mistake.
 *
 * CSV comes two ways: {@link csv} is one document, one table per section
 * table, each preceded by a title line and separated by a blank line, after a
 * metadata block and the readings of share reintegrated, followed by the
 * definitions; {@link csvFiles} gives one RFC 4180 file per table (plus
 * `metadata.csv`, `figures.csv`, `progress-readings.csv` and
 * `definitions.csv`), each with a single header row. Suppressed counts are
 * written `suppressed` in CSV and `s` in Markdown. Markdown escapes markup and
 * turns every line break (a lone CR included) into a space, so no value can
 * start a line (a heading, a list item, a table row).
 *
 * @since 0.1.0
 */
import {
  csvLine,
  definitionParts,
  figureText,
  md,
  metaLines,
  pct,
  readingRows,
  showColumnTotals,
  showRowTotals
} from "./internal/format.js"
import type { AggregateReport, CaseworkerReport, ReportTable } from "./Report.js"

/**
 * Refuse anything but an aggregate report (the types already do; this guards
 * untyped callers). Returns the report; throws a `TypeError` otherwise.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Render, Report } from "@homeward/report"
 *
 * const report = Render.assertAggregate(Report.aggregate({ events: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") }))
 * report.kind // "aggregate"
 * ```
 *
 * @since 0.1.0
 */
export const assertAggregate = (report: AggregateReport): AggregateReport => {
  if (
    report === null ||
    typeof report !== "object" ||
    report.kind !== "aggregate" ||
    "workers" in (report as object) ||
    !Array.isArray(report.sections)
  )
    throw new TypeError('an aggregate renderer needs an aggregate report (kind: "aggregate")')
  return report
}

/**
 * The report as JSON (pretty-printed).
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Render, Report } from "@homeward/report"
 *
 * const report = Report.aggregate({ events: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") })
 * JSON.parse(Render.json(report)).kind // "aggregate"
 * ```
 *
 * @since 0.1.0
 */
export const json = (report: AggregateReport): string => `${JSON.stringify(assertAggregate(report), null, 2)}\n`

const readingsCsv = (r: AggregateReport): Array<string> => {
  const x = readingRows(r.progress.readings, "suppressed")
  return [
    csvLine(["progress: Readings of share reintegrated"]),
    csvLine(x.header),
    ...x.rows.map((row) => csvLine(row))
  ]
}

const definitionsCsv = (r: AggregateReport): Array<string> => [
  csvLine(["definitions"]),
  csvLine(["id", "term", "population", "numerator", "denominator", "source"]),
  ...r.definitions.map((d) => csvLine([d.id, d.term, d.population, d.numerator ?? "", d.denominator ?? "", d.source]))
]

const tableCsv = (t: ReportTable): Array<string> => {
  const rt = showRowTotals(t)
  const lines = [csvLine([t.rowHeader, ...t.columns, ...(rt ? ["Total"] : [])])]
  t.rows.forEach((row, r) => {
    lines.push(csvLine([row, ...t.cells[r]!, ...(rt ? [t.rowTotals[r]!] : [])]))
  })
  if (showColumnTotals(t)) lines.push(csvLine(["Total", ...t.columnTotals, ...(rt ? [t.total] : [])]))
  return lines
}

/**
 * One CSV document: a metadata block, the headline figures, then every table
 * (title line, header, rows, total row), blank lines between.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Render, Report } from "@homeward/report"
 *
 * const report = Report.aggregate({ events: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") })
 * Render.csv(report).split("\n")[0] // the first line of the metadata block
 * ```
 *
 * @since 0.1.0
 */
export const csv = (report: AggregateReport): string => {
  const r = assertAggregate(report)
  const blocks: Array<Array<string>> = [
    [csvLine(["key", "value"]), ...metaLines(r).map(([k, v]) => csvLine([k, v]))],
    [
      csvLine(["section", "figure", "label", "value"]),
      ...r.sections.flatMap((s) => s.figures.map((f) => csvLine([s.id, f.id, f.label, f.value])))
    ],
    readingsCsv(r),
    ...r.sections.flatMap((s) => s.tables.map((t) => [csvLine([`${s.id}: ${t.title}`]), ...tableCsv(t)])),
    definitionsCsv(r)
  ]
  return `${blocks.map((b) => b.join("\r\n")).join("\r\n\r\n")}\r\n`
}

/**
 * One CSV file per table, plus `metadata.csv` and `figures.csv`.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Render, Report } from "@homeward/report"
 *
 * const report = Report.aggregate({ events: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") })
 * Render.csvFiles(report).map((f) => f.name) // ["metadata.csv", "figures.csv", …]
 * ```
 *
 * @since 0.1.0
 */
export const csvFiles = (
  report: AggregateReport
): ReadonlyArray<{ readonly name: string; readonly content: string }> => {
  const r = assertAggregate(report)
  return [
    {
      name: "metadata.csv",
      content: `${[csvLine(["key", "value"]), ...metaLines(r).map(([k, v]) => csvLine([k, v]))].join("\r\n")}\r\n`
    },
    {
      name: "figures.csv",
      content: `${[csvLine(["section", "figure", "label", "value"]), ...r.sections.flatMap((s) => s.figures.map((f) => csvLine([s.id, f.id, f.label, f.value])))].join("\r\n")}\r\n`
    },
    { name: "progress-readings.csv", content: `${readingsCsv(r).slice(1).join("\r\n")}\r\n` },
    ...r.sections.flatMap((s) =>
      s.tables.map((t) => ({ name: `${s.id}-${t.id}.csv`, content: `${tableCsv(t).join("\r\n")}\r\n` }))
    ),
    { name: "definitions.csv", content: `${definitionsCsv(r).slice(1).join("\r\n")}\r\n` }
  ]
}

const tableMd = (t: ReportTable): Array<string> => {
  const rt = showRowTotals(t)
  const head = [t.rowHeader, ...t.columns, ...(rt ? ["Total"] : [])].map(md)
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`]
  const v = (x: number | null) => (x === null ? "s" : String(x))
  t.rows.forEach((row, r) => {
    lines.push(`| ${[md(row), ...t.cells[r]!.map(v), ...(rt ? [v(t.rowTotals[r]!)] : [])].join(" | ")} |`)
  })
  if (showColumnTotals(t))
    lines.push(`| **Total** | ${[...t.columnTotals.map(v), ...(rt ? [v(t.total)] : [])].join(" | ")} |`)
  return lines
}

/**
 * The report as Markdown.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Render, Report } from "@homeward/report"
 *
 * const report = Report.aggregate({ events: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") })
 * Render.markdown(report).startsWith("# ") // true: the title
 * ```
 *
 * @since 0.1.0
 */
export const markdown = (report: AggregateReport): string => {
  const r = assertAggregate(report)
  const out: Array<string> = [`# ${md(r.title)}`, ""]
  for (const [k, v] of metaLines(r)) out.push(`- **${md(k)}**: ${md(v)}`)
  out.push(
    "",
    `Progress: ${r.progress.share === null ? "s" : pct(r.progress.share)} reintegrated against a target of ${pct(r.progress.targetShare)} by ${r.progress.targetDeadline}.`
  )
  for (const s of r.sections) {
    out.push("", `## ${md(s.title)}`, "")
    for (const f of s.figures) out.push(`- ${md(f.label)}: **${figureText(f)}**`)
    if (s.id === "progress" && r.progress.readingsDiffer) {
      const x = readingRows(r.progress.readings)
      out.push(
        "",
        "### Readings of share reintegrated",
        "",
        `| ${x.header.map(md).join(" | ")} |`,
        `| ${x.header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
        ...x.rows.map((row) => `| ${row.map(md).join(" | ")} |`)
      )
    }
    for (const t of s.tables)
      out.push("", `### ${md(t.title)}`, "", ...tableMd(t), ...(t.note === undefined ? [] : ["", md(t.note)]))
    if (s.notes.length > 0) out.push("", ...s.notes.map((n) => `> ${md(n)}`))
  }
  out.push("", "## Definitions", "")
  for (const d of r.definitions) {
    out.push(`- **${md(d.term)}**`)
    for (const [k, v] of definitionParts(d)) out.push(`  - ${md(k)}: ${md(v)}`)
  }
  out.push("", `_s = suppressed. ${md(r.suppression.note)}_`, "")
  return out.join("\n")
}

/**
 * The line shown for a social worker with no visit due or overdue.
 *
 * @since 0.1.0
 */
export const NOTHING_DUE = "Nothing due: no follow-up visit is due or overdue."

/**
 * Case-worker report renderers (JSON, CSV, Markdown): these print case and
 * pseudonymous child ids, for the social workers only.
 *
 * @since 0.1.0
 */
export const caseworker = {
  /** The case-worker report as JSON (pretty-printed). */
  json: (report: CaseworkerReport): string => {
    if (report.kind !== "caseworker") throw new TypeError("needs a case-worker report")
    return `${JSON.stringify(report, null, 2)}\n`
  },
  /** The case-worker report as CSV: one line per visit due or overdue (or `nothing-due`), by social worker. */
  csv: (report: CaseworkerReport): string => {
    if (report.kind !== "caseworker") throw new TypeError("needs a case-worker report")
    const lines = [
      csvLine(["socialWorkerId", "caseload", "maxCaseload", "caseId", "childId", "visit", "due", "windowEnd", "status"])
    ]
    for (const w of report.workers) {
      for (const v of w.visits)
        lines.push(
          csvLine([
            w.socialWorkerId,
            w.caseload,
            w.maxCaseload,
            v.caseId,
            v.childId,
            v.visit,
            v.due,
            v.windowEnd,
            v.status
          ])
        )
      for (const c of w.monitoringComplete)
        lines.push(
          csvLine([
            w.socialWorkerId,
            w.caseload,
            w.maxCaseload,
            c.caseId,
            c.childId,
            "",
            "",
            c.monitoringEnded,
            "monitoring-complete"
          ])
        )
      if (w.visits.length === 0 && w.monitoringComplete.length === 0)
        lines.push(csvLine([w.socialWorkerId, w.caseload, w.maxCaseload, "", "", "", "", "", "nothing-due"]))
    }
    return `${lines.join("\r\n")}\r\n`
  },
  /** The case-worker report as Markdown: a section per social worker. */
  markdown: (report: CaseworkerReport): string => {
    if (report.kind !== "caseworker") throw new TypeError("needs a case-worker report")
    const out: Array<string> = [`# ${md(report.title)}: visits by social worker`, ""]
    for (const [k, v] of metaLines(report)) out.push(`- **${md(k)}**: ${md(v)}`)
    for (const w of report.workers) {
      out.push(
        "",
        `## ${md(w.socialWorkerId)}`,
        "",
        `Caseload ${w.caseload} of ${w.maxCaseload}${w.overCaseload ? " (over the maximum)" : ""}.`,
        ""
      )
      if (w.visits.length === 0) out.push(NOTHING_DUE)
      else {
        out.push("| Case | Child | Visit | Due | Window ends | Status |", "| --- | --- | ---: | --- | --- | --- |")
        for (const v of w.visits)
          out.push(`| ${md(v.caseId)} | ${md(v.childId)} | ${v.visit} | ${v.due} | ${v.windowEnd} | ${v.status} |`)
      }
      if (w.monitoringComplete.length > 0) {
        out.push("", "Monitoring complete, case open (consider closure):", "")
        for (const c of w.monitoringComplete)
          out.push(`- ${md(c.caseId)} (${md(c.childId)}): monitoring ended ${c.monitoringEnded}`)
      }
    }
    out.push("", "## Definitions", "")
    for (const d of report.definitions) out.push(`- **${md(d.term)}**: ${md(d.population)}. ${md(d.source)}`)
    out.push("")
    return out.join("\n")
  }
}
