/**
 * Exporting record types for other tools: JSON Schema (draft 2020-12),
 * XLSForm (KoboToolbox, ODK; the XForm is in {@link XForm}) and a Markdown
 * data dictionary for NGO staff.
 *
 * @since 0.1.0
 */
import { Registry } from "@homeward/core"
import * as CollectionForm from "./CollectionForm.js"
import * as Fields from "./Fields.js"
import * as FormLabels from "./FormLabels.js"

/**
 * One JSON Schema document (draft 2020-12) holding every record type:
 * `#/$defs/<type>` (e.g. `#/$defs/child`) is the record type, and the shared
 * definitions (`Id`, `IsoDate`, `Location` …) sit beside them once. A
 * definition that two types spell differently is kept per type as
 * `<type>.<Name>`.
 *
 * @example
 * ```ts
 * import { Export } from "@homeward/cli"
 *
 * const bundle = Export.jsonSchemaBundle()
 * Object.keys(bundle.$defs as object).includes("child") // true
 * ```
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

/**
 * An XLSForm-safe name from a field path: letters, digits and underscores,
 * starting with a letter (`birth.date` → `birth_date`).
 *
 * @example
 * ```ts
 * import { Export } from "@homeward/cli"
 *
 * Export.xlsName(["birth", "date"]) // "birth_date"
 * ```
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

const [EN, KM] = [FormLabels.languages.en, FormLabels.languages.km]

/**
 * Columns of the `survey` sheet, as the XLSForm specification
 * (https://xlsform.org/en/) names them: translated columns carry the
 * language after `::` (`label::Khmer (km)`); `instance::sensitive` adds a
 * `sensitive="true"` attribute to the question's element in the submission.
 *
 * @since 0.1.0
 */
export const surveyColumns = [
  "type",
  "name",
  `label::${EN}`,
  `label::${KM}`,
  `hint::${EN}`,
  `hint::${KM}`,
  "required",
  `required_message::${EN}`,
  `required_message::${KM}`,
  "constraint",
  `constraint_message::${EN}`,
  `constraint_message::${KM}`,
  "relevant",
  "repeat_count",
  "instance::sensitive"
] as const

/**
 * Columns of the `choices` sheet.
 *
 * @since 0.1.0
 */
export const choicesColumns = ["list_name", "name", `label::${EN}`, `label::${KM}`] as const

/**
 * Columns of the `settings` sheet.
 *
 * @since 0.1.0
 */
export const settingsColumns = ["form_title", "form_id", "version", "default_language"] as const

/**
 * A row of the `survey` sheet.
 *
 * @since 0.1.0
 */
export type SurveyRow = { readonly type: string; readonly name: string } & Partial<
  Record<(typeof surveyColumns)[number], string>
>

/**
 * A row of the `choices` sheet.
 *
 * @since 0.1.0
 */
export type ChoiceRow = Record<(typeof choicesColumns)[number], string>

const xlsType = (q: CollectionForm.Question): string => {
  switch (q.kind) {
    case "group":
      return "begin_group"
    case "repeat":
      return "begin_repeat"
    case "select1":
      return `select_one ${q.list}`
    case "select":
      return `select_multiple ${q.list}`
    default:
      return q.type === "int"
        ? "integer"
        : q.type === "decimal"
          ? "decimal"
          : q.type === "date"
            ? "date"
            : q.type === "dateTime"
              ? "datetime"
              : "text"
  }
}

const labelled = (
  column: "label" | "hint" | "required_message" | "constraint_message",
  l: FormLabels.Label | undefined
) => (l === undefined ? {} : { [`${column}::${EN}`]: l.en, [`${column}::${KM}`]: l.km })

/**
 * The rows of the XLSForm of a record type (written from its
 * {@link CollectionForm}, like the XForm). A question refers to another
 * as `${name}` when that name is unique in the form, otherwise by a
 * relative XPath path (`../health`), which XLSForm also accepts.
 *
 * @example
 * ```ts
 * import { Export } from "@homeward/cli"
 *
 * const { survey, choices } = Export.xlsFormRows("child")
 * survey.length // one row per question (and group begin/end)
 * ```
 *
 * @since 0.1.0
 */
export const xlsFormRows = (
  type: Registry.RecordType
): {
  readonly survey: ReadonlyArray<SurveyRow>
  readonly choices: ReadonlyArray<ChoiceRow>
  readonly settings: Record<(typeof settingsColumns)[number], string>
} => {
  const form = CollectionForm.make(type)
  const all = CollectionForm.questions(form)
  const counts = new Map<string, number>()
  for (const q of all) counts.set(q.name, (counts.get(q.name) ?? 0) + 1)
  const refTo = (from: ReadonlyArray<string>) => (to: ReadonlyArray<string>) => {
    const name = to[to.length - 1] ?? ""
    return counts.get(name) === 1 ? `\${${name}}` : CollectionForm.relativePath(from, to)
  }
  const expr = (from: ReadonlyArray<string>, e: CollectionForm.Expr) => CollectionForm.renderExpr(e, refTo(from))
  const survey: Array<SurveyRow> = []
  const row = (q: CollectionForm.Question): void => {
    const common = {
      type: xlsType(q),
      name: q.name,
      ...labelled("label", q.label),
      ...(q.sensitive ? { "instance::sensitive": "true" } : {}),
      ...(q.relevant === undefined ? {} : { relevant: expr(q.path, q.relevant) })
    }
    if (q.kind === "group" || q.kind === "repeat") {
      survey.push({
        ...common,
        ...(q.kind === "repeat" && q.count !== undefined
          ? {
              repeat_count:
                q.path.length === 1 && counts.get(q.count[q.count.length - 1] ?? "") !== 1
                  ? `/${[CollectionForm.rootName, ...q.count].join("/")}`
                  : refTo(q.path)(q.count)
            }
          : {})
      })
      for (const c of q.children) row(c)
      survey.push({ type: q.kind === "group" ? "end_group" : "end_repeat", name: q.name })
      return
    }
    survey.push({
      ...common,
      ...labelled("hint", q.hint),
      ...(q.required === undefined
        ? {}
        : {
            required: q.required.when === true ? "yes" : expr(q.path, q.required.when),
            ...labelled("required_message", q.required.message)
          }),
      ...(q.constraint === undefined
        ? {}
        : {
            constraint:
              q.constraint.and === undefined
                ? q.constraint.expr
                : `${q.constraint.expr} and ${expr(q.path, q.constraint.and)}`,
            ...labelled("constraint_message", q.constraint.message)
          })
    })
  }
  for (const q of form.questions) row(q)
  const choices = form.lists.flatMap((list) =>
    list.choices.map((c) => ({
      list_name: list.name,
      name: c.name,
      [`label::${EN}`]: c.label.en,
      [`label::${KM}`]: c.label.km
    }))
  ) as Array<ChoiceRow>
  return {
    survey,
    choices,
    settings: { form_title: form.title.en, form_id: form.id, version: form.version, default_language: EN }
  }
}

/**
 * An XLSForm workbook (`survey`, `choices`, `settings`) for a record type,
 * as `.xlsx` bytes: the same questions, rules, messages and English and
 * Khmer labels as the XForm ({@link XForm.xform}). Sensitive questions carry
 * `[sensitive]` in their hint and `true` in the `instance::sensitive` column.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { Export } from "@homeward/cli"
 *
 * writeFileSync("child.xlsx", await Export.xlsForm("child"))
 * ```
 *
 * @since 0.1.0
 */
export const xlsForm = async (type: Registry.RecordType): Promise<Buffer> => {
  const { survey, choices, settings } = xlsFormRows(type)
  const { default: Excel } = await import("exceljs")
  const wb = new Excel.Workbook()
  const s = wb.addWorksheet("survey")
  s.addRow([...surveyColumns])
  for (const r of survey) s.addRow(surveyColumns.map((c) => r[c] ?? ""))
  const c = wb.addWorksheet("choices")
  c.addRow([...choicesColumns])
  for (const r of choices) c.addRow(choicesColumns.map((k) => r[k]))
  const st = wb.addWorksheet("settings")
  st.addRow([...settingsColumns])
  st.addRow(settingsColumns.map((k) => settings[k]))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const mdEscape = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ")

/**
 * A Markdown data dictionary of record types: field, type, required, allowed
 * values, description and whether the field is sensitive.
 *
 * @example
 * ```ts
 * import { Export } from "@homeward/cli"
 *
 * Export.markdown(["child"]).split("\n")[0] // "# Homeward data dictionary"
 * ```
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
