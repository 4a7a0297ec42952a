/**
 * A converter from XLSForm to ODK XForm for the subset of XLSForm that
 * Homeward's export uses, written from the XLSForm specification
 * (https://xlsform.org/en/) and pyxform's output conventions, independently
 * of Homeward's own XForm writer: it reads only the workbook's sheets. It
 * refuses anything outside that subset (an unknown question type or column),
 * so a change to the export that leaves the subset shows up here.
 *
 * Where pyxform has a choice, this converter takes the other one where it is
 * allowed, so that both forms of the ODK XForms specification are loaded in
 * ODK's engine: choices are written inline (`<item>` in the control) rather
 * than as itemsets, and the metadata is `meta/instanceID` without the `orx`
 * namespace, as pyxform writes it.
 */

export type Row = Readonly<Record<string, string>>

export interface Workbook {
  readonly survey: ReadonlyArray<Row>
  readonly choices: ReadonlyArray<Row>
  readonly settings: ReadonlyArray<Row>
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
const escAttr = (s: string) =>
  esc(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;")

/** The XLSForm types of the subset (XLSForm specification, "Question types" and "Grouping questions"). */
const TYPES: Readonly<Record<string, string>> = {
  text: "string",
  integer: "int",
  decimal: "decimal",
  date: "date",
  datetime: "dateTime"
}

/** Survey columns of the subset (XLSForm specification: "Columns", "Multiple language support"). */
export const knownColumn = (c: string): boolean =>
  ["type", "name", "required", "constraint", "relevant", "repeat_count"].includes(c) ||
  /^(label|hint|required_message|constraint_message)::.+ \([a-z]{2,3}\)$/.test(c) ||
  /^instance::[A-Za-z_][A-Za-z0-9_.-]*$/.test(c)

/** Languages of a sheet, from its `label::Language (code)` columns, in column order. */
export const languagesOf = (rows: ReadonlyArray<Row>): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (const r of rows)
    for (const k of Object.keys(r)) {
      const m = /^label::(.+)$/.exec(k)
      if (m?.[1] !== undefined && !out.includes(m[1])) out.push(m[1])
    }
  return out
}

interface Node {
  readonly row: Row
  readonly kind: "input" | "select1" | "select" | "group" | "repeat"
  readonly name: string
  readonly path: ReadonlyArray<string>
  /** Path of the innermost repeat holding the question (empty: none). */
  readonly repeat: ReadonlyArray<string>
  readonly list?: string
  readonly children: Array<Node>
}

export const convert = (wb: Workbook): string => {
  const settings = wb.settings[0] ?? {}
  const formId = settings["form_id"] ?? ""
  if (formId === "") throw new Error("settings: form_id is missing")
  const languages = languagesOf(wb.survey)
  const defaultLanguage = settings["default_language"] ?? ""
  if (!languages.includes(defaultLanguage))
    throw new Error(`settings: default_language ${defaultLanguage} has no labels`)

  // The question tree (begin_/end_ rows nest; pyxform checks they balance).
  const root: Array<Node> = []
  const stack: Array<Node> = []
  for (const row of wb.survey) {
    for (const k of Object.keys(row)) if (!knownColumn(k)) throw new Error(`survey: unknown column ${k}`)
    const type = (row["type"] ?? "").trim()
    const name = (row["name"] ?? "").trim()
    const parent = stack[stack.length - 1]
    const siblings = parent === undefined ? root : parent.children
    const path = [...(parent?.path ?? []), name]
    const repeat = parent === undefined ? [] : parent.kind === "repeat" ? parent.path : parent.repeat
    if (type === "end_group" || type === "end_repeat") {
      const open = stack.pop()
      if (open === undefined || open.kind !== (type === "end_group" ? "group" : "repeat")) {
        throw new Error(`survey: ${type} without its begin`)
      }
      continue
    }
    if (!/^[A-Za-z_][A-Za-z0-9._-]*$/.test(name)) throw new Error(`survey: invalid name ${JSON.stringify(name)}`)
    if (siblings.some((s) => s.name === name)) throw new Error(`survey: duplicate name ${name} in the same group`)
    let node: Node
    if (type === "begin_group" || type === "begin_repeat") {
      node = { row, kind: type === "begin_group" ? "group" : "repeat", name, path, repeat, children: [] }
      siblings.push(node)
      stack.push(node)
      continue
    }
    const sel = /^select_(one|multiple) ([A-Za-z_][A-Za-z0-9._-]*)$/.exec(type)
    if (sel !== null) {
      node = {
        row,
        kind: sel[1] === "one" ? "select1" : "select",
        name,
        path,
        repeat,
        list: sel[2] ?? "",
        children: []
      }
    } else if (TYPES[type] !== undefined) {
      node = { row, kind: "input", name, path, repeat, children: [] }
    } else throw new Error(`survey: question type ${JSON.stringify(type)} is outside the subset`)
    siblings.push(node)
  }
  if (stack.length > 0) throw new Error("survey: a group or repeat is not ended")

  const all: Array<Node> = []
  const walk = (ns: ReadonlyArray<Node>) => {
    for (const n of ns) {
      all.push(n)
      walk(n.children)
    }
  }
  walk(root)
  const abs = (path: ReadonlyArray<string>) => `/data/${path.join("/")}`

  // ${name} → a path (XLSForm specification: "Referencing other questions"; pyxform
  // writes an absolute path, or a relative one between questions of the same repeat).
  const resolve = (expr: string, from: Node): string =>
    expr.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      const targets = all.filter((n) => n.name === name)
      if (targets.length !== 1) throw new Error(`\${${name}} must name exactly one question (found ${targets.length})`)
      const to = targets[0] as Node
      if (from.repeat.length > 0 && to.path.slice(0, from.repeat.length).join("/") === from.repeat.join("/")) {
        let k = 0
        while (k < from.path.length && k < to.path.length && from.path[k] === to.path[k]) k++
        return [...Array.from({ length: from.path.length - k }, () => ".."), ...to.path.slice(k)].join("/")
      }
      return abs(to.path)
    })

  // itext: one text per question label/hint/message per language; choice labels
  const texts = new Map<string, Array<string>>(languages.map((l) => [l, []]))
  const itext = (id: string, column: string, row: Row): string | undefined => {
    const present = languages.some((l) => (row[`${column}::${l}`] ?? "") !== "")
    if (!present) return undefined
    for (const l of languages) {
      // pyxform writes "-" for a translation left empty
      texts.get(l)?.push(`<text id="${escAttr(id)}"><value>${esc(row[`${column}::${l}`] || "-")}</value></text>`)
    }
    return `jr:itext('${id}')`
  }

  const binds: Array<string> = []
  for (const n of all) {
    const r = n.row
    const attrs: Array<string> = [`nodeset="${abs(n.path)}"`]
    if (n.kind === "input") attrs.push(`type="${TYPES[(r["type"] ?? "").trim()]}"`)
    if (n.kind === "select1" || n.kind === "select") attrs.push(`type="string"`)
    const req = (r["required"] ?? "").trim()
    if (req !== "") attrs.push(`required="${escAttr(req === "yes" || req === "true" ? "true()" : resolve(req, n))}"`)
    const reqMsg = itext(`${abs(n.path)}:jr:requiredMsg`, "required_message", r)
    if (reqMsg !== undefined) attrs.push(`jr:requiredMsg="${reqMsg}"`)
    const rel = (r["relevant"] ?? "").trim()
    if (rel !== "") attrs.push(`relevant="${escAttr(resolve(rel, n))}"`)
    const con = r["constraint"] ?? ""
    if (con !== "") attrs.push(`constraint="${escAttr(resolve(con, n))}"`)
    const conMsg = itext(`${abs(n.path)}:jr:constraintMsg`, "constraint_message", r)
    if (conMsg !== undefined) attrs.push(`jr:constraintMsg="${conMsg}"`)
    if (n.kind === "group" || n.kind === "repeat") {
      if (rel !== "") binds.push(`<bind nodeset="${abs(n.path)}" relevant="${escAttr(resolve(rel, n))}"/>`)
      continue
    }
    binds.push(`<bind ${attrs.join(" ")}/>`)
  }
  binds.push(`<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>`)

  const instanceAttrs = (r: Row) =>
    Object.entries(r)
      .filter(([k, v]) => k.startsWith("instance::") && v !== "")
      .map(([k, v]) => ` ${k.slice("instance::".length)}="${escAttr(v)}"`)
      .join("")
  const instance = (ns: ReadonlyArray<Node>): string =>
    ns
      .map((n) =>
        n.kind === "group" || n.kind === "repeat"
          ? `<${n.name}${n.kind === "repeat" ? ' jr:template=""' : ""}${instanceAttrs(n.row)}>${instance(n.children)}</${n.name}>`
          : `<${n.name}${instanceAttrs(n.row)}/>`
      )
      .join("")

  const choiceRows = (list: string) => {
    const rows = wb.choices.filter((c) => c["list_name"] === list)
    if (rows.length === 0) throw new Error(`choices: no list ${list}`)
    return rows
  }
  const label = (n: Node) => {
    const id = itext(`${abs(n.path)}:label`, "label", n.row)
    if (id === undefined) throw new Error(`survey: ${n.name} has no label`)
    const hint = itext(`${abs(n.path)}:hint`, "hint", n.row)
    return `<label ref="${id}"/>${hint === undefined ? "" : `<hint ref="${hint}"/>`}`
  }
  const body = (ns: ReadonlyArray<Node>): string =>
    ns
      .map((n) => {
        const ref = abs(n.path)
        switch (n.kind) {
          case "group":
            return `<group ref="${ref}">${label(n)}${body(n.children)}</group>`
          case "repeat": {
            const count = (n.row["repeat_count"] ?? "").trim()
            const jrCount = count === "" ? "" : ` jr:count="${escAttr(resolve(count, n))}"`
            return `<group ref="${ref}">${label(n)}<repeat nodeset="${ref}"${jrCount}>${body(n.children)}</repeat></group>`
          }
          case "input":
            return `<input ref="${ref}">${label(n)}</input>`
          default: {
            const items = choiceRows(n.list ?? "")
              .map((c) => {
                const id = itext(`${ref}/${c["name"]}:label`, "label", c)
                return `<item><label ref="${id}"/><value>${esc(c["name"] ?? "")}</value></item>`
              })
              .join("")
            return `<${n.kind} ref="${ref}">${label(n)}${items}</${n.kind}>`
          }
        }
      })
      .join("")
  const bodyXml = body(root)
  const itextXml = languages
    .map(
      (l) =>
        `<translation lang="${escAttr(l)}"${l === defaultLanguage ? ' default="true()"' : ""}>${(texts.get(l) ?? []).join("")}</translation>`
    )
    .join("")
  return `<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:ev="http://www.w3.org/2001/xml-events" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms" xmlns:orx="http://openrosa.org/xforms" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><h:head><h:title>${esc(settings["form_title"] ?? formId)}</h:title><model odk:xforms-version="1.0.0"><itext>${itextXml}</itext><instance><data id="${escAttr(formId)}"${settings["version"] ? ` version="${escAttr(settings["version"])}"` : ""}>${instance(root)}<meta><instanceID/></meta></data></instance>${binds.join("")}</model></h:head><h:body>${bodyXml}</h:body></h:html>`
}
