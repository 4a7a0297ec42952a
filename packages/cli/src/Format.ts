/**
 * Printing a {@link Validate.ValidationReport}: a summary table for people,
 * stable JSON for machines.
 *
 * @since 0.1.0
 */
import type * as Validate from "./Validate.js"

const pad = (s: string, w: number) => (s.length >= w ? s : s + " ".repeat(w - s.length))
const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s)

const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>, max: ReadonlyArray<number>) => {
  const widths = head.map((h, i) =>
    Math.min(max[i] ?? 80, Math.max(h.length, ...rows.map((r) => [...(r[i] ?? "")].length)))
  )
  const line = (r: ReadonlyArray<string>) =>
    `  ${r
      .map((c, i) => (i === r.length - 1 ? cut(c, max[i] ?? 200) : pad(cut(c, widths[i] ?? 10), widths[i] ?? 10)))
      .join("  ")}`.trimEnd()
  return [line(head), ...rows.map(line)].join("\n")
}

const n = (x: number) => x.toLocaleString("en-US")

/**
 * A summary for people: totals, counts per column and rule, and the first
 * `show` problems.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { Format, Validate } from "@homeward/cli"
 *
 * writeFileSync("children.csv", "id,birth.date,birth.estimated,sex,school\nCH-1,2031-05-01,false,female,enrolled\n")
 * const report = await Validate.validateFile("children.csv", { as: "child", asOf: new Date("2024-06-30") })
 * console.log(Format.toTable(report, 5))
 * ```
 *
 * @since 0.1.0
 */
export const toTable = (r: Validate.ValidationReport, show = 20): string => {
  const out: Array<string> = []
  const how = [
    r.format.toUpperCase(),
    r.delimiter !== undefined ? `delimiter ${r.delimiter === "\t" ? "tab" : JSON.stringify(r.delimiter)}` : undefined,
    r.sheet !== undefined ? `sheet "${r.sheet}"` : undefined
  ]
    .filter((x) => x !== undefined)
    .join(", ")
  const types = r.recordTypes !== undefined && r.recordTypes.length > 1 ? r.recordTypes.join(" + ") : r.recordType
  const multi = (r.files?.length ?? 1) > 1
  out.push(`${r.file} as ${types} (${multi ? `${r.files?.length} files or sheets` : how})`)
  out.push(
    `${n(r.rows)} rows: ${n(r.validRows)} valid, ${n(r.invalidRows)} with problems; ${n(r.errors)} error${r.errors === 1 ? "" : "s"}, ${n(r.warnings)} warning${r.warnings === 1 ? "" : "s"}`
  )
  if (multi) {
    out.push("", "Files")
    out.push(
      table(
        ["FILE", "ROWS", "WITH PROBLEMS", "ERRORS", "WARNINGS"],
        (r.files ?? []).map((f) => [f.file, n(f.rows), n(f.invalidRows), n(f.errors), n(f.warnings)]),
        [50, 12, 14, 10, 10]
      )
    )
  }
  if (r.asOf !== undefined) {
    const skipped = (r.checks ?? []).filter((c) => c.status === "skipped").map((c) => c.code)
    out.push(
      `Dates checked as of ${r.asOf}${skipped.length > 0 ? `; nothing to check for: ${skipped.join(", ")}` : ""}.`
    )
  }
  if (r.summary.length > 0) {
    out.push("", "Problems by column and rule")
    out.push(
      table(
        ["COLUMN", "RULE", "SEVERITY", "COUNT"],
        r.summary.map((s) => [s.column, s.rule, s.severity, n(s.count)]),
        [30, 24, 8, 12]
      )
    )
  }
  if (r.problems.length > 0) {
    const first = r.problems.slice(0, show)
    out.push("", `First ${first.length} problem${first.length === 1 ? "" : "s"}`)
    const message = (p: Validate.Problem) =>
      `${p.record !== undefined ? `[${p.record}] ` : ""}${p.value === undefined ? p.message : `${p.message} (found: ${JSON.stringify(p.value)})`}`
    out.push(
      multi
        ? table(
            ["FILE", "ROW", "COLUMN", "RULE", "MESSAGE"],
            first.map((p) => [p.file ?? "-", p.row === undefined ? "-" : String(p.row), p.column, p.rule, message(p)]),
            [30, 8, 30, 24, 160]
          )
        : table(
            ["ROW", "COLUMN", "RULE", "MESSAGE"],
            first.map((p) => [p.row === undefined ? "-" : String(p.row), p.column, p.rule, message(p)]),
            [8, 30, 24, 160]
          )
    )
    if (r.errors + r.warnings > first.length) {
      out.push(
        `  … and ${n(r.errors + r.warnings - first.length)} more (use --format json for all${r.truncated ? ", up to --max-problems" : ""})`
      )
    }
  }
  out.push("", r.ok ? (r.warnings > 0 ? "OK, with warnings." : "OK: no problems found.") : "Problems found.")
  return out.join("\n")
}

/**
 * The report as JSON (stable shape, `version: 1`).
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { Format, Validate } from "@homeward/cli"
 *
 * writeFileSync("children.csv", "id,birth.date,birth.estimated,sex,school\nCH-1,2010-05-01,false,female,enrolled\n")
 * const report = await Validate.validateFile("children.csv", { as: "child", asOf: new Date("2024-06-30") })
 * JSON.parse(Format.toJson(report)).version // 1
 * ```
 *
 * @since 0.1.0
 */
export const toJson = (r: Validate.ValidationReport): string => JSON.stringify(r, null, 2)
