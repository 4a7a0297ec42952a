/**
 * Exporting record types for other tools: JSON Schema (draft 2020-12),
 * XLSForm (KoboToolbox, ODK) and a Markdown data dictionary for NGO staff.
 *
 * @since 0.1.0
 */
import { Registry } from "@homeward/core"
import * as Fields from "./Fields.js"

/**
 * One JSON Schema document (draft 2020-12) holding every record type:
 * `#/$defs/<type>` (e.g. `#/$defs/child`) is the record type, and the shared
 * definitions (`Id`, `IsoDate`, `Location` …) sit beside them once. A
 * definition that two types spell differently is kept per type as
 * `<type>.<Name>`.
 *
 * @since 0.1.0
 */
export const jsonSchemaBundle = (): Record<string, unknown> => {
  const defs: Record<string, unknown> = {}
  const types = new Set<string>(Registry.recordTypes)
  for (const t of Registry.recordTypes) {
    const { $schema: _s, $id: _i, $defs, ...root } = Registry.jsonSchema(t)
    let text = JSON.stringify({ root, defs: $defs ?? {} })
    const own = ($defs ?? {}) as Record<string, unknown>
    const renames = new Map<string, string>()
    for (const [name, def] of Object.entries(own)) {
      const clash = types.has(name) || (name in defs && JSON.stringify(defs[name]) !== JSON.stringify(def))
      if (!clash) continue
      const renamed = `${t}.${name}`
      const esc = (n: string) => JSON.stringify(`#/$defs/${n.replace(/~/g, "~0").replace(/\//g, "~1")}`)
      text = text.split(esc(name)).join(esc(renamed))
      renames.set(name, renamed)
    }
    const fixed = JSON.parse(text) as { root: Record<string, unknown>; defs: Record<string, unknown> }
    for (const [name, def] of Object.entries(fixed.defs)) defs[renames.get(name) ?? name] = def
    defs[t] = fixed.root
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://homeward.dev/schema/homeward.json",
    title: "Homeward record types",
    description: `Record types, each at #/$defs/<type>: ${Registry.recordTypes.join(", ")}.`,
    $defs: defs
  }
}

const human = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * An XLSForm-safe name from a field path: letters, digits and underscores,
 * starting with a letter (`birth.date` → `birth_date`).
 *
 * @since 0.1.0
 */
export const xlsName = (path: ReadonlyArray<string>): string => {
  const s = path
    .join("_")
    .replace(/[^A-Za-z0-9_]/g, "_")
    .replace(/_+/g, "_")
  return /^[A-Za-z_]/.test(s) ? s : `f_${s}`
}

const constraintOf = (f: Fields.Field): { constraint?: string; message?: string } => {
  const parts: Array<string> = []
  const msgs: Array<string> = []
  if (f.kind === "integer" || f.kind === "number") {
    if (f.minimum !== undefined) parts.push(`. >= ${f.minimum}`)
    if (f.exclusiveMinimum !== undefined) parts.push(`. > ${f.exclusiveMinimum}`)
    if (f.maximum !== undefined) parts.push(`. <= ${f.maximum}`)
    if (f.minimum !== undefined && f.maximum !== undefined) msgs.push(`Must be from ${f.minimum} to ${f.maximum}`)
    else if (f.minimum !== undefined) msgs.push(`Must be ${f.minimum} or more`)
    else if (f.exclusiveMinimum !== undefined) msgs.push(`Must be more than ${f.exclusiveMinimum}`)
    else if (f.maximum !== undefined) msgs.push(`Must be ${f.maximum} or less`)
  }
  if (f.kind === "text" && f.format === undefined) {
    if (f.maxLength !== undefined) {
      parts.push(`string-length(.) <= ${f.maxLength}`)
      msgs.push(`At most ${f.maxLength} characters`)
    }
    if (f.pattern !== undefined && !f.pattern.includes("'") && f.pattern !== "\\S") {
      parts.push(`regex(., '${f.pattern}')`)
      msgs.push(f.ref === "Id" ? "1–64 letters, digits or . _ : - (no spaces)" : "Not in the expected form")
    }
  }
  return parts.length === 0 ? {} : { constraint: parts.join(" and "), message: msgs.join("; ") || "Not allowed" }
}

interface SurveyRow {
  type: string
  name: string
  label: string
  hint?: string
  required?: string
  constraint?: string
  constraint_message?: string
  "instance::sensitive"?: string
}

/**
 * The rows of an XLSForm for a record type.
 *
 * @since 0.1.0
 */
export const xlsFormRows = (
  type: Registry.RecordType
): {
  readonly survey: ReadonlyArray<SurveyRow>
  readonly choices: ReadonlyArray<{ list_name: string; name: string; label: string }>
} => {
  const root = Fields.describe(type)
  if (root.kind !== "group") {
    throw new Error(`${type} has several forms (a union); XLSForm export needs a record type with fixed fields`)
  }
  const survey: Array<SurveyRow> = []
  const choices: Array<{ list_name: string; name: string; label: string }> = []
  const lists = new Set<string>()
  const listFor = (f: Fields.Field, path: ReadonlyArray<string>): string => {
    const name = f.kind === "boolean" ? "yes_no" : xlsName(path)
    if (!lists.has(name)) {
      lists.add(name)
      if (f.kind === "boolean") {
        choices.push({ list_name: name, name: "true", label: "Yes" }, { list_name: name, name: "false", label: "No" })
      } else {
        for (const c of f.choices ?? []) choices.push({ list_name: name, name: c, label: human(c) })
      }
    }
    return name
  }
  const question = (f: Fields.Field, path: ReadonlyArray<string>, required: boolean): void => {
    const name = xlsName(path)
    const label = human(f.name === "" ? (path[path.length - 2] ?? "item") : f.name)
    const hintParts = [f.sensitive ? "[sensitive] Do not share." : undefined, f.description].filter(
      (x): x is string => x !== undefined
    )
    const common = {
      name,
      label,
      ...(hintParts.length > 0 ? { hint: hintParts.join(" ") } : {}),
      ...(f.sensitive ? { "instance::sensitive": "true" } : {})
    }
    const req = required ? { required: "yes" } : {}
    switch (f.kind) {
      case "group":
        survey.push({ type: "begin_group", ...common })
        for (const c of f.fields ?? []) question(c, [...path, c.name], required && c.required)
        survey.push({ type: "end_group", name, label: "" })
        return
      case "list": {
        const item = f.items
        if (item?.kind === "choice") {
          survey.push({ type: `select_multiple ${listFor(item, path)}`, ...common, ...req })
          return
        }
        survey.push({ type: "begin_repeat", ...common })
        if (item?.kind === "group") {
          for (const c of item.fields ?? []) question(c, [...path, c.name], c.required)
        } else if (item !== undefined) {
          question({ ...item, name: "" }, [...path, "item"], true)
        }
        survey.push({ type: "end_repeat", name, label: "" })
        return
      }
      case "choice":
      case "boolean":
        survey.push({ type: `select_one ${listFor(f, path)}`, ...common, ...req })
        return
      case "null":
        return
      default: {
        const t =
          f.kind === "integer"
            ? "integer"
            : f.kind === "number"
              ? "decimal"
              : f.kind === "text" && f.format === "date"
                ? "date"
                : f.kind === "text" && f.format === "date-time"
                  ? "datetime"
                  : "text"
        const c = constraintOf(f)
        survey.push({
          type: t,
          ...common,
          ...(f.kind === "union" || f.kind === "unknown"
            ? { hint: [common.hint, "Enter as JSON."].filter(Boolean).join(" ") }
            : {}),
          ...req,
          ...(c.constraint !== undefined ? { constraint: c.constraint, constraint_message: c.message ?? "" } : {})
        })
      }
    }
  }
  for (const f of root.fields ?? []) question(f, [f.name], f.required)
  return { survey, choices }
}

/**
 * Columns of the `survey` sheet.
 *
 * @since 0.1.0
 */
export const surveyColumns = [
  "type",
  "name",
  "label",
  "hint",
  "required",
  "constraint",
  "constraint_message",
  "instance::sensitive"
] as const

/**
 * An XLSForm workbook (`survey`, `choices`, `settings`) for a record type,
 * as `.xlsx` bytes. Sensitive questions carry `[sensitive]` in their hint
 * and `true` in the `instance::sensitive` column.
 *
 * @since 0.1.0
 */
export const xlsForm = async (type: Registry.RecordType): Promise<Buffer> => {
  const { survey, choices } = xlsFormRows(type)
  const { default: Excel } = await import("exceljs")
  const wb = new Excel.Workbook()
  const s = wb.addWorksheet("survey")
  s.addRow([...surveyColumns])
  for (const r of survey) s.addRow(surveyColumns.map((c) => r[c] ?? ""))
  const c = wb.addWorksheet("choices")
  c.addRow(["list_name", "name", "label"])
  for (const r of choices) c.addRow([r.list_name, r.name, r.label])
  const st = wb.addWorksheet("settings")
  st.addRow(["form_title", "form_id", "version"])
  st.addRow([`Homeward ${human(type).toLowerCase()}`, `homeward_${type.replace(/-/g, "_")}`, "1"])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const mdEscape = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ")

/**
 * A Markdown data dictionary of record types: field, type, required, allowed
 * values, description and whether the field is sensitive.
 *
 * @since 0.1.0
 */
export const markdown = (types: ReadonlyArray<Registry.RecordType> = Registry.recordTypes): string => {
  const out: Array<string> = [
    "# Homeward data dictionary",
    "",
    "Fields of each record type. *Required* means every record must have it (inside an optional group: whenever the group is present). *Sensitive* fields (names, contacts, addresses, notes) are never shown in error messages or reports; keep them out of shared files.",
    ""
  ]
  for (const type of types) {
    const root = Fields.describe(type)
    out.push(
      `## ${type}`,
      "",
      "| Field | Type | Required | Allowed values | Description | Sensitive |",
      "|---|---|---|---|---|---|"
    )
    const rows: Array<string> = []
    const go = (f: Fields.Field, path: string, depth: number) => {
      if (depth > 6) return
      if (path !== "") {
        const allowed =
          f.kind === "choice"
            ? (f.choices ?? []).join(", ")
            : f.kind === "list" && f.items?.kind === "choice"
              ? (f.items.choices ?? []).join(", ")
              : f.kind === "boolean"
                ? "true, false"
                : f.minimum !== undefined || f.maximum !== undefined
                  ? `${f.minimum ?? ""}–${f.maximum ?? ""}`
                  : ""
        rows.push(
          `| \`${path}\` | ${kindLabel(f)} | ${f.required ? "yes" : "no"} | ${mdEscape(allowed)} | ${mdEscape(f.description ?? "")} | ${f.sensitive ? "**yes**" : "no"} |`
        )
      }
      if (f.kind === "group")
        for (const c of f.fields ?? []) go(c, path === "" ? c.name : `${path}.${c.name}`, depth + 1)
      if (f.kind === "list" && f.items?.kind === "group") {
        for (const c of f.items.fields ?? []) go(c, `${path}[].${c.name}`, depth + 1)
      }
    }
    if (root.kind === "union") {
      for (const v of root.variants ?? []) {
        const tag = v.fields?.find((c) => c.name === "type" || c.name === "_tag")
        rows.push(`| *form: ${tag?.choices?.join(", ") ?? v.ref ?? "variant"}* | | | | | |`)
        for (const c of v.fields ?? []) go(c, c.name, 1)
      }
    } else go(root, "", 0)
    out.push(...rows, "")
  }
  return out.join("\n")
}

const kindLabel = Fields.kindLabel
