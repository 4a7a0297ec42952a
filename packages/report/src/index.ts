/**
 * @homeward/report: programme reports with privacy-safe aggregates (small-cell
 * suppression that holds against an integer-programming attacker over the
 * whole report), right on any date (one path from events to states) and
 * saying what they count (definitions), rendered as JSON, CSV, Markdown and
 * one self-contained HTML file with inline SVG charts.
 *
 * @since 0.1.0
 */
export * as Casework from "./Casework.js"
export * as Html from "./Html.js"
export * as Render from "./Render.js"
export * as Report from "./Report.js"
export * as Suppression from "./Suppression.js"
