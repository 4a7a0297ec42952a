/**
 * The aggregate report as ONE self-contained HTML file: inline CSS and inline
 * SVG charts (bar charts, progress against the target, the phase pipeline),
 * no scripts, fonts, images or any other network resource (a Content Security
 * Policy forbids them), and print CSS for A4 (`@page { size: A4 }`, a page
 * break before each section, charts scaled to the page width). Every text is
 * escaped. Also a plain HTML rendering of the case-worker report.
 *
 * @since 0.1.0
 */
import { barChart, pipelineChart, progressChart } from "./internal/charts.js"
import {
  definitionParts,
  esc,
  figureText,
  metaLines,
  readingRows,
  showColumnTotals,
  showRowTotals
} from "./internal/format.js"
import { assertAggregate, NOTHING_DUE } from "./Render.js"
import type { AggregateReport, CaseworkerReport, Definition, ReportMeta, ReportTable } from "./Report.js"

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1b1b1b; margin: 24px auto; max-width: 900px; padding: 0 16px; line-height: 1.4; font-size: 14px; }
h1 { font-size: 22px; margin: 0 0 8px; color: #1f5f8b; }
h2 { font-size: 18px; border-bottom: 2px solid #1f5f8b; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 12px; background: #f3f6f9; padding: 8px 12px; border-radius: 4px; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
dl.definitions { font-size: 12px; }
dl.definitions dt { font-weight: bold; margin-top: 8px; }
dl.definitions dd { margin: 0 0 0 16px; }
ul.figures { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 8px; }
ul.figures li { border: 1px solid #cfd8e3; border-radius: 4px; padding: 6px 8px; font-size: 12px; }
ul.figures b { display: block; font-size: 20px; color: #1f5f8b; }
table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 6px 0 10px; }
th, td { border: 1px solid #cfd8e3; padding: 3px 6px; }
th { background: #eef3f8; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.s { text-align: right; color: #888; font-style: italic; }
tr.total td, tr.total th { font-weight: bold; background: #f7f9fb; }
.chart { display: block; width: 100%; height: auto; max-width: 100%; margin: 6px 0; }
.chart text { font-family: inherit; }
p.note, blockquote { font-size: 12px; color: #444; margin: 4px 0; }
footer { margin-top: 28px; font-size: 11px; color: #555; border-top: 1px solid #cfd8e3; padding-top: 6px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11px; }
  section.report-section { break-before: page; page-break-before: always; }
  section.report-section:first-of-type { break-before: auto; page-break-before: auto; }
  table, .chart, ul.figures li { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
`

const head = (title: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${esc(title)}</title><style>${CSS}</style></head><body>`

const metaBlock = (r: ReportMeta): string =>
  `<dl class="meta">${metaLines(r)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join("")}</dl>`

const definitionsHtml = (defs: ReadonlyArray<Definition>): string =>
  `<section class="report-section" id="definitions"><h2>Definitions</h2><dl class="definitions">${defs
    .map(
      (d) =>
        `<dt id="def-${esc(d.id)}">${esc(d.term)}</dt>${definitionParts(d)
          .map(([k, v]) => `<dd><b>${esc(k)}:</b> ${esc(v)}</dd>`)
          .join("")}`
    )
    .join("")}</dl></section>`

const cell = (v: number | null): string =>
  v === null ? `<td class="s" title="suppressed">s</td>` : `<td class="n">${v}</td>`

const tableHtml = (t: ReportTable): string => {
  const rt = showRowTotals(t)
  const rows = t.rows
    .map(
      (row, r) =>
        `<tr><th scope="row">${esc(row)}</th>${t.cells[r]!.map(cell).join("")}${rt ? cell(t.rowTotals[r]!) : ""}</tr>`
    )
    .join("")
  const total = showColumnTotals(t)
    ? `<tr class="total"><th scope="row">Total</th>${t.columnTotals.map(cell).join("")}${rt ? cell(t.total) : ""}</tr>`
    : ""
  return (
    `<table data-table="${esc(t.id)}"><thead><tr><th scope="col">${esc(t.rowHeader)}</th>` +
    `${t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join("")}${rt ? `<th scope="col">Total</th>` : ""}</tr></thead>` +
    `<tbody>${rows}${total}</tbody></table>`
  )
}

/**
 * Render the aggregate report as one self-contained HTML document.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Html, Report } from "@homeward/report"
 *
 * const html = Html.render(Report.aggregate({ events: [], profile: Profiles.cambodiaMosvy, asOf: new Date("2018-01-01") }))
 * html.startsWith("<!doctype html>") // true
 * ```
 *
 * @since 0.1.0
 */
export const render = (report: AggregateReport): string => {
  const r = assertAggregate(report)
  const out: Array<string> = [head(r.title), `<header><h1>${esc(r.title)}</h1>${metaBlock(r)}</header>`]
  for (const s of r.sections) {
    out.push(`<section class="report-section" id="${esc(s.id)}"><h2>${esc(s.title)}</h2>`)
    if (s.id === "progress")
      out.push(`<figure class="chart-box" data-chart="progress-target">${progressChart(r.progress)}</figure>`)
    if (s.figures.length > 0)
      out.push(
        `<ul class="figures">${s.figures.map((f) => `<li><b>${esc(figureText(f))}</b>${esc(f.label)}</li>`).join("")}</ul>`
      )
    if (s.id === "progress" && r.progress.readingsDiffer) {
      const x = readingRows(r.progress.readings)
      out.push(
        `<h3>Readings of share reintegrated</h3><table data-table="readings"><thead><tr>${x.header.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${x.rows
          .map(
            (row) =>
              `<tr><th scope="row">${esc(row[0]!)}</th>${row
                .slice(1)
                .map((v) => (v === "s" ? `<td class="s" title="suppressed">s</td>` : `<td class="n">${esc(v)}</td>`))
                .join("")}</tr>`
          )
          .join("")}</tbody></table>`
      )
    }
    for (const t of s.tables) {
      out.push(`<h3>${esc(t.title)}</h3>`)
      if (t.rows.length > 0) {
        const chart = s.id === "pipeline" ? pipelineChart(t) : barChart(t)
        out.push(`<figure class="chart-box" data-chart="${esc(t.id)}">${chart}</figure>`)
      }
      out.push(tableHtml(t))
      if (t.note !== undefined) out.push(`<p class="note">${esc(t.note)}</p>`)
    }
    for (const n of s.notes) out.push(`<p class="note">${esc(n)}</p>`)
    out.push("</section>")
  }
  out.push(definitionsHtml(r.definitions))
  out.push(
    `<footer>s = suppressed. ${esc(r.suppression.note)} Profile ${esc(r.profile.id)} ${esc(r.profile.version)}, as of ${esc(r.asOf)}.</footer></body></html>`
  )
  return out.join("\n")
}

/**
 * Render the case-worker report (visits due and overdue, by social
 * worker, with case and pseudonymous child ids) as a self-contained HTML page.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Html, Report } from "@homeward/report"
 *
 * const html = Html.renderCaseworker(Report.caseworker({ events: [], profile: Profiles.unicefSiemReap2017, asOf: new Date("2017-11-17") }))
 * html.startsWith("<!doctype html>") // a self-contained page
 * ```
 *
 * @since 0.1.0
 */
export const renderCaseworker = (report: CaseworkerReport): string => {
  if (report.kind !== "caseworker") throw new TypeError("needs a case-worker report")
  const out: Array<string> = [
    head(`${report.title}: visits`),
    `<header><h1>${esc(report.title)}: visits by social worker</h1>${metaBlock(report)}</header>`
  ]
  for (const w of report.workers) {
    out.push(
      `<section class="report-section"><h2>${esc(w.socialWorkerId)}</h2><p>Caseload ${w.caseload} of ${w.maxCaseload}${w.overCaseload ? " (over the maximum)" : ""}.</p>`
    )
    if (w.visits.length === 0) out.push(`<p class="nothing-due">${esc(NOTHING_DUE)}</p>`)
    else
      out.push(
        `<table><thead><tr><th>Case</th><th>Child</th><th>Visit</th><th>Due</th><th>Window ends</th><th>Status</th></tr></thead><tbody>${w.visits
          .map(
            (v) =>
              `<tr><td>${esc(v.caseId)}</td><td>${esc(v.childId)}</td><td class="n">${v.visit}</td><td>${esc(v.due)}</td><td>${esc(v.windowEnd)}</td><td>${esc(v.status)}</td></tr>`
          )
          .join("")}</tbody></table>`
      )
    if (w.monitoringComplete.length > 0)
      out.push(
        `<p>Monitoring complete, case open (consider closure):</p><ul class="monitoring-complete">${w.monitoringComplete
          .map((c) => `<li>${esc(c.caseId)} (${esc(c.childId)}): monitoring ended ${esc(c.monitoringEnded)}</li>`)
          .join("")}</ul>`
      )
    out.push("</section>")
  }
  out.push(definitionsHtml(report.definitions))
  out.push(`<footer>For social workers only: lists case and pseudonymous child ids.</footer></body></html>`)
  return out.join("\n")
}
