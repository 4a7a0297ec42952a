/**
 * ODK XForms (the XML form format of ODK Collect, ODK Web Forms, ODK Central,
 * KoboToolbox and Enketo: https://getodk.github.io/xforms-spec/) for
 * Homeward record types, written from the record's {@link CollectionForm}:
 *
 * - a primary instance (`<data id="homeward_child" version="…">`) with one
 *   element per question, `jr:template` repeats and the submission metadata
 *   `orx:meta/orx:instanceID` (filled with a `uuid:` by the client);
 * - a `<bind>` per question with its type, `required`, `relevant`,
 *   `constraint`, `jr:constraintMsg` and `jr:requiredMsg`;
 * - choice lists as secondary instances used by `itemset`s;
 * - every label, hint and message in English and Khmer through `itext`
 *   (English the default);
 * - a body of `input`, `select1`, `select`, `group` and `repeat` controls
 *   (`jr:count` for lists with a minimum or maximum number of items).
 *
 * Pure: the XML is built as text, no DOM needed.
 *
 * @since 0.1.0
 */
import type { Registry } from "@homeward/core"
import * as CollectionForm from "./CollectionForm.js"
import * as FormLabels from "./FormLabels.js"

/**
 * XML namespaces of an ODK XForm.
 *
 * @since 0.1.0
 */
export const namespaces = {
  xforms: "http://www.w3.org/2002/xforms",
  h: "http://www.w3.org/1999/xhtml",
  ev: "http://www.w3.org/2001/xml-events",
  jr: "http://openrosa.org/javarosa",
  odk: "http://www.opendatakit.org/xforms",
  orx: "http://openrosa.org/xforms",
  xsd: "http://www.w3.org/2001/XMLSchema"
} as const

/**
 * Text escaped for XML element content.
 *
 * @example
 * ```ts
 * import { XForm } from "@homeward/cli"
 *
 * XForm.escapeText("age < 18 & in care") // "age &lt; 18 &amp; in care"
 * ```
 *
 * @since 0.1.0
 */
export const escapeText = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/**
 * Text escaped for a double-quoted XML attribute (tabs and line breaks as
 * character references, so attribute normalisation keeps them).
 *
 * @example
 * ```ts
 * import { XForm } from "@homeward/cli"
 *
 * XForm.escapeAttr('say "yes"') // "say &quot;yes&quot;"
 * ```
 *
 * @since 0.1.0
 */
export const escapeAttr = (s: string): string =>
  escapeText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;")

/**
 * The absolute path of a question (`/data/birth/date`).
 *
 * @example
 * ```ts
 * import { XForm } from "@homeward/cli"
 *
 * XForm.absolutePath(["birth", "date"]) // "/data/birth/date"
 * ```
 *
 * @since 0.1.0
 */
export const absolutePath = (path: ReadonlyArray<string>): string => `/${[CollectionForm.rootName, ...path].join("/")}`

const attrs = (a: Record<string, string | undefined>): string =>
  Object.entries(a)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join("")

/**
 * The XForm of a form, as XML text.
 *
 * @example
 * ```ts
 * import { CollectionForm, XForm } from "@homeward/cli"
 *
 * const xml = XForm.fromForm(CollectionForm.make("child"))
 * xml.startsWith("<?xml") // true
 * ```
 *
 * @since 0.1.0
 */
export const fromForm = (form: CollectionForm.Form): string => {
  const all = CollectionForm.questions(form)
  const translations: Record<FormLabels.Language, Array<string>> = { en: [], km: [] }
  const itext = (id: string, label: FormLabels.Label): string => {
    for (const lang of FormLabels.languageCodes) {
      translations[lang].push(`<text id="${escapeAttr(id)}"><value>${escapeText(label[lang])}</value></text>`)
    }
    return `jr:itext('${id}')`
  }
  const xpath = (from: ReadonlyArray<string>) => (expr: CollectionForm.Expr) =>
    CollectionForm.renderExpr(expr, (to) => CollectionForm.relativePath(from, to))

  // Binds (and the itext of their messages)
  const binds: Array<string> = []
  for (const q of all) {
    const ref = absolutePath(q.path)
    const rel = q.relevant === undefined ? undefined : xpath(q.path)(q.relevant)
    if (q.kind === "group" || q.kind === "repeat") {
      if (rel !== undefined) binds.push(`<bind${attrs({ nodeset: ref, relevant: rel })}/>`)
      continue
    }
    const required =
      q.required === undefined ? undefined : q.required.when === true ? "true()" : xpath(q.path)(q.required.when)
    binds.push(
      `<bind${attrs({
        nodeset: ref,
        type: q.kind === "input" ? q.type : "string",
        required,
        "jr:requiredMsg": q.required === undefined ? undefined : itext(`${ref}:requiredMsg`, q.required.message),
        relevant: rel,
        constraint:
          q.constraint === undefined
            ? undefined
            : q.constraint.and === undefined
              ? q.constraint.expr
              : `${q.constraint.expr} and ${xpath(q.path)(q.constraint.and)}`,
        "jr:constraintMsg": q.constraint === undefined ? undefined : itext(`${ref}:constraintMsg`, q.constraint.message)
      })}/>`
    )
  }
  binds.push(
    `<bind nodeset="${absolutePath(["orx:meta", "orx:instanceID"])}" type="string" readonly="true()" jr:preload="uid"/>`
  )

  // Primary instance
  const instance = (qs: ReadonlyArray<CollectionForm.Question>, indent: string): string =>
    qs
      .map((q) => {
        const sensitive = q.sensitive ? ' sensitive="true"' : ""
        if (q.kind === "group") {
          return `${indent}<${q.name}${sensitive}>\n${instance(q.children, `${indent}  `)}\n${indent}</${q.name}>`
        }
        if (q.kind === "repeat") {
          return `${indent}<${q.name} jr:template=""${sensitive}>\n${instance(q.children, `${indent}  `)}\n${indent}</${q.name}>`
        }
        return `${indent}<${q.name}${sensitive}/>`
      })
      .join("\n")

  // Body (and the itext of labels and hints)
  const labelAndHint = (q: CollectionForm.Question): string => {
    const ref = absolutePath(q.path)
    const label = `<label ref="${itext(`${ref}:label`, q.label)}"/>`
    return q.hint === undefined || q.kind === "group" || q.kind === "repeat"
      ? label
      : `${label}<hint ref="${itext(`${ref}:hint`, q.hint)}"/>`
  }
  const body = (qs: ReadonlyArray<CollectionForm.Question>, indent: string): string =>
    qs
      .map((q) => {
        const ref = absolutePath(q.path)
        switch (q.kind) {
          case "group":
            return `${indent}<group ref="${ref}">${labelAndHint(q)}\n${body(q.children, `${indent}  `)}\n${indent}</group>`
          case "repeat": {
            const count =
              q.count === undefined
                ? ""
                : ` jr:count="${escapeAttr(
                    q.path.length === 1 ? absolutePath(q.count) : CollectionForm.relativePath(q.path, q.count)
                  )}"`
            return `${indent}<group ref="${ref}">${labelAndHint(q)}\n${indent}  <repeat nodeset="${ref}"${count}>\n${body(q.children, `${indent}    `)}\n${indent}  </repeat>\n${indent}</group>`
          }
          case "input":
            return `${indent}<input ref="${ref}">${labelAndHint(q)}</input>`
          default:
            return `${indent}<${q.kind} ref="${ref}">${labelAndHint(q)}<itemset nodeset="instance('${q.list}')/root/item"><value ref="name"/><label ref="jr:itext(itextId)"/></itemset></${q.kind}>`
        }
      })
      .join("\n")

  const bodyXml = body(form.questions, "    ")
  const lists = form.lists.map((list) => {
    const items = list.choices
      .map((c, i) => {
        itext(`${list.name}-${i}`, c.label)
        return `<item><itextId>${escapeText(`${list.name}-${i}`)}</itextId><name>${escapeText(c.name)}</name></item>`
      })
      .join("")
    return `      <instance id="${escapeAttr(list.name)}"><root>${items}</root></instance>`
  })
  const itextXml = FormLabels.languageCodes
    .map(
      (lang, i) =>
        `        <translation lang="${escapeAttr(FormLabels.languages[lang])}"${i === 0 ? ' default="true()"' : ""}>\n${translations[lang].map((t) => `          ${t}`).join("\n")}\n        </translation>`
    )
    .join("\n")
  const ns = namespaces
  return `<?xml version="1.0" encoding="UTF-8"?>
<h:html xmlns="${ns.xforms}" xmlns:h="${ns.h}" xmlns:ev="${ns.ev}" xmlns:jr="${ns.jr}" xmlns:odk="${ns.odk}" xmlns:orx="${ns.orx}" xmlns:xsd="${ns.xsd}">
  <h:head>
    <h:title>${escapeText(form.title.en)}</h:title>
    <model odk:xforms-version="1.0.0">
      <itext>
${itextXml}
      </itext>
      <instance>
        <${CollectionForm.rootName} id="${escapeAttr(form.id)}" version="${escapeAttr(form.version)}">
${instance(form.questions, "          ")}
          <orx:meta>
            <orx:instanceID/>
          </orx:meta>
        </${CollectionForm.rootName}>
      </instance>
${lists.join("\n")}
${binds.map((b) => `      ${b}`).join("\n")}
    </model>
  </h:head>
  <h:body>
${bodyXml}
  </h:body>
</h:html>
`
}

/**
 * The XForm (XML text) of a record type's data collection form. Throws for
 * a union record type (see {@link CollectionForm.make}).
 *
 * @example
 * ```ts
 * import { XForm } from "@homeward/cli"
 *
 * const xml = XForm.xform("child") // "<?xml version=\"1.0\" ...<h:html ..."
 * ```
 *
 * @since 0.1.0
 */
export const xform = (type: Registry.RecordType): string => fromForm(CollectionForm.make(type))
