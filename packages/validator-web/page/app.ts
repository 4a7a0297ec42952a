/**
 * The validator page (main thread): the form, the summary, the problems
 * table with its filters, the downloads and the language switch. The work
 * is done in a Web Worker made from a `blob:` URL of the inlined worker
 * code, so that a large file never freezes the page. Every text the file
 * gives (the report's columns, messages, the file's name) is written with
 * `textContent`, never as HTML.
 */
import type { Report } from "@homeward/validate"
import * as Messages from "../src/Messages.js"
import type { DateOrder, Request, Response } from "./protocol.js"

declare const WORKER_SOURCE: string

type Lang = Messages.Language

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id)
  if (el === null) throw new Error(`missing #${id}`)
  return el as T
}

const PAGE = 200

interface State {
  lang: Lang
  file: File | undefined
  mappingFile: File | undefined
  report: Report.ValidationReport | undefined
  shown: number
  worker: Worker | undefined
}

const state: State = {
  lang: "en",
  file: undefined,
  mappingFile: undefined,
  report: undefined,
  shown: PAGE,
  worker: undefined
}

const L = (key: Messages.Label, values?: Readonly<Record<string, string | number>>): string =>
  Messages.label(key, state.lang, values)

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Readonly<Record<string, string>> = {}
): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag)
  if (text !== undefined) e.textContent = text
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  return e
}

const today = (): string => {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

// ------------------------------------------------------------------ language

const translate = (): void => {
  document.documentElement.lang = state.lang
  document.title = L("title")
  for (const node of document.querySelectorAll<HTMLElement>("[data-l10n]")) {
    node.textContent = L(node.dataset["l10n"] as Messages.Label)
  }
  for (const node of document.querySelectorAll<HTMLOptionElement>("option[data-type]")) {
    node.textContent = Messages.recordTypes[node.dataset["type"] as keyof typeof Messages.recordTypes][state.lang]
  }
  for (const node of document.querySelectorAll<HTMLOptGroupElement>("optgroup[data-l10n-label]")) {
    node.label = L(node.dataset["l10nLabel"] as Messages.Label)
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-lang]")) {
    b.setAttribute("aria-pressed", String(b.dataset["lang"] === state.lang))
  }
  showFile()
  if (state.report !== undefined) render(state.report)
}

const showFile = (): void => {
  $("chosen").textContent = state.file === undefined ? "" : L("chosen", { name: state.file.name })
}

// ------------------------------------------------------------------ results

const setStatus = (text: string, kind: "" | "error" | "busy"): void => {
  const s = $("status")
  s.textContent = text
  s.className = kind
}

const problemsOf = (r: Report.ValidationReport): ReadonlyArray<Report.Problem> => {
  const column = $<HTMLSelectElement>("f-column").value
  const rule = $<HTMLSelectElement>("f-rule").value
  const severity = $<HTMLSelectElement>("f-severity").value
  const text = $<HTMLInputElement>("f-text").value.trim().toLowerCase()
  return r.problems.filter(
    (p) =>
      (column === "" || p.column === column) &&
      (rule === "" || p.rule === rule) &&
      (severity === "" || p.severity === severity) &&
      (text === "" ||
        Messages.problemMessage(p, state.lang, r.asOf).toLowerCase().includes(text) ||
        Messages.ruleTitle(p.rule, state.lang).toLowerCase().includes(text))
  )
}

const fillSelect = (id: string, values: ReadonlyArray<string>, show: (v: string) => string): void => {
  const s = $<HTMLSelectElement>(id)
  const keep = s.value
  s.replaceChildren(el("option", L("all"), { value: "" }), ...values.map((v) => el("option", show(v), { value: v })))
  s.value = values.includes(keep) ? keep : ""
}

const render = (r: Report.ValidationReport): void => {
  $("results").hidden = false
  const counts: Array<[Messages.Label, number, string]> = [
    ["rows", r.rows, "rows"],
    ["valid", r.validRows, "valid"],
    ["invalid", r.invalidRows, "invalid"],
    ["errors", r.errors, "errors"],
    ["warnings", r.warnings, "warnings"]
  ]
  $("counts").replaceChildren(
    ...counts.map(([k, n, id]) => {
      const d = el("div", undefined, { class: "count", "data-count": id })
      d.append(el("span", String(n), { class: "n" }), el("span", L(k), { class: "k" }))
      return d
    })
  )
  const verdict = $("verdict")
  verdict.textContent = r.ok ? L("ok") : L("notOk")
  verdict.className = r.ok ? "ok" : "bad"
  $("truncated").textContent = r.truncated ? L("truncated", { kept: r.problems.length }) : ""

  const head = el("tr")
  head.append(el("th", L("column")), el("th", L("rule")), el("th", L("severity")), el("th", L("count")))
  const thead = el("thead")
  thead.append(head)
  const tbody = el("tbody")
  for (const line of r.summary) {
    const tr = el("tr")
    tr.append(
      el("td", line.column),
      el("td", Messages.ruleTitle(line.rule, state.lang), { title: line.rule }),
      el("td", L(line.severity), { class: line.severity }),
      el("td", String(line.count), { class: "num" })
    )
    tbody.append(tr)
  }
  $("by-column").replaceChildren(thead, tbody)

  fillSelect("f-column", [...new Set(r.summary.map((s) => s.column))].sort(), (v) => v)
  fillSelect("f-rule", [...new Set(r.summary.map((s) => s.rule))].sort(), (v) => Messages.ruleTitle(v, state.lang))
  fillSelect("f-severity", ["error", "warning"], (v) => L(v as "error" | "warning"))
  renderProblems(r)
}

const renderProblems = (r: Report.ValidationReport): void => {
  // a file column only when the report names files (a dataset of several)
  const withFile = r.problems.some((p) => p.file !== undefined)
  const list = problemsOf(r)
  const shown = list.slice(0, state.shown)
  const table = $<HTMLTableElement>("problems")
  const head = el("tr")
  if (withFile) head.append(el("th", L("fileColumn")))
  head.append(el("th", L("row")), el("th", L("column")), el("th", L("rule")), el("th", L("message")))
  const thead = el("thead")
  thead.append(head)
  const tbody = el("tbody")
  for (const p of shown) {
    const tr = el("tr", undefined, { class: p.severity })
    if (withFile) tr.append(el("td", p.file ?? ""))
    tr.append(
      el("td", p.row === undefined ? "" : String(p.row), { class: "num" }),
      el("td", p.column),
      el("td", Messages.ruleTitle(p.rule, state.lang), { title: p.rule, "data-rule": p.rule }),
      el("td", Messages.problemMessage(p, state.lang, r.asOf))
    )
    tbody.append(tr)
  }
  table.replaceChildren(thead, tbody)
  $("none").hidden = list.length > 0
  $("showing").textContent = list.length === 0 ? "" : L("showing", { shown: shown.length, total: list.length })
  $("more").hidden = shown.length >= list.length
}

// ------------------------------------------------------------------ downloads

const csvCell = (s: string): string => {
  // a cell that a spreadsheet would run as a formula is written as text
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The problems shown (the filters apply), in the page's language; the rule stays a code, as in the JSON report. */
const problemsCsv = (r: Report.ValidationReport): string => {
  const header = [L("fileColumn"), L("row"), L("column"), L("rule"), L("severity"), L("message")]
  const rows = problemsOf(r).map((p) => [
    p.file ?? r.file,
    p.row === undefined ? "" : String(p.row),
    p.column,
    p.rule,
    L(p.severity),
    Messages.problemMessage(p, state.lang, r.asOf)
  ])
  // a byte-order mark, so that Excel reads the file as UTF-8 (Khmer)
  return `\uFEFF${[header, ...rows].map((l) => l.map(csvCell).join(",")).join("\r\n")}\r\n`
}

const download = (name: string, type: string, text: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = el("a", undefined, { href: url, download: name })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

const baseName = (r: Report.ValidationReport): string => r.file.replace(/\.[^.]*$/, "") || "data"

// ------------------------------------------------------------------ running

const worker = (): Worker => {
  if (state.worker === undefined) {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }))
    state.worker = new Worker(url)
    state.worker.onmessage = (e: MessageEvent<Response>) => onResponse(e.data)
    state.worker.onerror = (e) => {
      e.preventDefault()
      running(false)
      setStatus(`${L("unusable")}${state.lang === "km" ? "៖" : ":"} ${e.message}`, "error")
    }
  }
  return state.worker
}

const running = (on: boolean): void => {
  $<HTMLButtonElement>("check").disabled = on
  $("progress").hidden = !on
  document.body.dataset["state"] = on ? "running" : state.report === undefined ? "idle" : "done"
}

const onResponse = (m: Response): void => {
  if (m.kind === "progress") {
    $<HTMLProgressElement>("bar").value = m.fraction
    setStatus(L("reading", { rows: m.rows }), "busy")
    return
  }
  running(false)
  if (m.kind === "unusable") {
    // in Khmer the reason by its code (the detail of the English message names things in English)
    const reason = state.lang === "km" ? Messages.unusableReasons[m.code].km : m.message
    setStatus(`${L("unusable")}${state.lang === "km" ? "៖" : ":"} ${reason}`, "error")
    return
  }
  state.report = m.report
  state.shown = PAGE
  document.body.dataset["millis"] = String(Math.round(m.millis))
  setStatus("", "")
  render(m.report)
  document.body.dataset["state"] = "done"
}

const start = (): void => {
  const kind = $<HTMLSelectElement>("kind").value
  if (state.file === undefined) {
    setStatus(L("needFile"), "error")
    return
  }
  if (kind === "own" && state.mappingFile === undefined) {
    setStatus(L("needMapping"), "error")
    return
  }
  const dates = $<HTMLSelectElement>("dates").value
  const req: Request = {
    kind: "validate",
    file: state.file,
    ...(kind === "oscar" || kind === "primero" ? { preset: kind } : {}),
    ...(kind === "own" && state.mappingFile !== undefined ? { mappingFile: state.mappingFile } : {}),
    ...(kind.startsWith("type:") ? { recordType: kind.slice(5) } : {}),
    ...(dates === "" ? {} : { dates: dates as DateOrder }),
    asOf: $<HTMLInputElement>("asof").value || today()
  }
  state.report = undefined
  $("results").hidden = true
  $<HTMLProgressElement>("bar").value = 0
  setStatus(L("reading", { rows: 0 }), "busy")
  running(true)
  worker().postMessage(req)
}

// ------------------------------------------------------------------ wiring

const chooseFile = (f: File | undefined): void => {
  state.file = f
  showFile()
}

const init = (): void => {
  const kind = $<HTMLSelectElement>("kind")
  const types = $("types")
  for (const type of Object.keys(Messages.recordTypes)) {
    if (type === "policy-profile") continue
    types.append(el("option", undefined, { value: `type:${type}`, "data-type": type }))
  }
  kind.value = "type:child"
  const showMapping = () => {
    $("mapping-row").hidden = kind.value !== "own"
  }
  kind.addEventListener("change", showMapping)
  showMapping()
  $<HTMLInputElement>("asof").value = today()
  $<HTMLInputElement>("file").addEventListener("change", (e) =>
    chooseFile((e.target as HTMLInputElement).files?.[0] ?? undefined)
  )
  $<HTMLInputElement>("mapping").addEventListener("change", (e) => {
    state.mappingFile = (e.target as HTMLInputElement).files?.[0] ?? undefined
  })
  const drop = $("drop")
  for (const ev of ["dragenter", "dragover"]) {
    drop.addEventListener(ev, (e) => {
      e.preventDefault()
      drop.classList.add("over")
    })
  }
  drop.addEventListener("dragleave", () => drop.classList.remove("over"))
  drop.addEventListener("drop", (e) => {
    e.preventDefault()
    drop.classList.remove("over")
    chooseFile((e as DragEvent).dataTransfer?.files[0] ?? undefined)
  })
  // a file dropped outside the zone is not opened by the browser (it would leave the page)
  window.addEventListener("dragover", (e) => e.preventDefault())
  window.addEventListener("drop", (e) => e.preventDefault())
  $("check").addEventListener("click", start)
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-lang]")) {
    b.addEventListener("click", () => {
      state.lang = b.dataset["lang"] as Lang
      translate()
    })
  }
  for (const id of ["f-column", "f-rule", "f-severity"]) {
    $(id).addEventListener("change", () => {
      state.shown = PAGE
      if (state.report !== undefined) renderProblems(state.report)
    })
  }
  $("f-text").addEventListener("input", () => {
    state.shown = PAGE
    if (state.report !== undefined) renderProblems(state.report)
  })
  $("more").addEventListener("click", () => {
    state.shown += PAGE
    if (state.report !== undefined) renderProblems(state.report)
  })
  $("dl-csv").addEventListener("click", () => {
    if (state.report !== undefined)
      download(`${baseName(state.report)}-problems.csv`, "text/csv;charset=utf-8", problemsCsv(state.report))
  })
  $("dl-json").addEventListener("click", () => {
    if (state.report !== undefined)
      download(`${baseName(state.report)}-report.json`, "application/json", JSON.stringify(state.report, null, 2))
  })
  translate()
  // the worker is made now, so that its code is compiled before the first file is chosen
  worker()
  document.body.dataset["state"] = "idle"
}

init()
