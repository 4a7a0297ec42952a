/**
 * The validator page in a real headless Chromium (Debian `chromium`, driven
 * by playwright-core), loaded from disk (`file://`): a messy NGO export with
 * mistakes across rows, a Khmer-named workbook, the Khmer page, the
 * downloads, the attacker who hides names and phones in bad cells, and
 * 100,000 rows. Every test fails on any network request and any console
 * error or warning.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { gzipSync } from "node:zlib"
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import * as PageModule from "../src/Page.js"
import * as F from "./fixtures.js"

const PKG = join(import.meta.dirname, "..")
const OUT = join(import.meta.dirname, "__output__")
const HTML = join(PKG, "dist", "validator.html")
const CHROMIUM = "/usr/bin/chromium"
const AS_OF = "2024-06-30"

let browser: Browser
let url: string

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  // the page under test is built from the current sources
  execFileSync(process.execPath, [join(PKG, "scripts", "build.mjs")], { stdio: "inherit" })
  url = pathToFileURL(HTML).href
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
})

interface Watched {
  readonly context: BrowserContext
  readonly page: Page
  /** Requests other than the page itself and the page's own blob: URLs (the worker, the downloads). */
  readonly requests: Array<string>
  readonly errors: Array<string>
}

const open = async (): Promise<Watched> => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1400 }, acceptDownloads: true })
  const requests: Array<string> = []
  const errors: Array<string> = []
  const own = (u: string) => u === url || u.startsWith("blob:") || u.startsWith("data:")
  // every request but the page is recorded and refused
  await context.route("**/*", (route) => {
    const u = route.request().url()
    if (u === url) return route.continue()
    requests.push(u)
    return route.abort()
  })
  const page = await context.newPage()
  page.on("request", (r) => {
    if (!own(r.url())) requests.push(r.url())
  })
  page.on("requestfailed", (r) => {
    if (!own(r.url())) requests.push(`failed ${r.url()}`)
  })
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text())
  })
  page.on("pageerror", (e) => errors.push(String(e)))
  await page.goto(url, { waitUntil: "load" })
  await page.waitForFunction(() => document.body.dataset["state"] === "idle")
  return { context, page, requests, errors }
}

const close = async (w: Watched): Promise<void> => {
  expect(w.errors).toEqual([])
  expect(w.requests).toEqual([])
  await w.context.close()
}

const check = async (page: Page, timeout = 120_000): Promise<void> => {
  await page.fill("#asof", AS_OF)
  await page.click("#check")
  await page.waitForFunction(
    () => document.body.dataset["state"] === "done" || document.getElementById("status")?.className === "error",
    undefined,
    { timeout }
  )
  const status = await page.textContent("#status")
  expect(status).toBe("")
}

const counts = (page: Page) =>
  page.$$eval("#counts .count", (els) =>
    Object.fromEntries(
      els.map((e) => [(e as HTMLElement).dataset["count"], Number(e.querySelector(".n")?.textContent)])
    )
  )

const tableRows = (page: Page) =>
  page.$$eval("#problems tbody tr", (trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))
  )

const downloadText = async (page: Page, button: string): Promise<{ name: string; text: string }> => {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(button)])
  const path = await dl.path()
  return { name: dl.suggestedFilename(), text: readFileSync(path, "utf8") }
}

describe("[Browser] the validator page in headless Chromium, from file://", () => {
  test("a messy NGO export with its mapping file: summary, problems across rows, filters, Khmer, the CSV and JSON downloads", async () => {
    const w = await open()
    const { page } = w
    await page.setInputFiles("#file", F.messyCsv)
    await page.selectOption("#kind", "own")
    await page.setInputFiles("#mapping", F.messyMapping)
    await check(page)

    expect(await counts(page)).toEqual({ rows: 9, valid: 2, invalid: 7, errors: 13, warnings: 1 })
    expect(await page.textContent("#verdict")).toBe(
      "The file has errors: correct them in the spreadsheet, then check it again."
    )
    const rows = await tableRows(page)
    expect(rows).toHaveLength(14)
    expect(rows).toContainEqual([
      "4",
      "Child code",
      "Duplicate id",
      "Another child record already has this id (row 3, column Child code)"
    ])
    expect(rows).toContainEqual(["5", "Family ref", "Reference not found", "No household in the dataset has this id"])
    expect(rows).toContainEqual([
      "6",
      "Since",
      "Dates out of order",
      "This date is before the date of birth (row 6, column DOB); the order must be born ≤ admitted ≤ case opened ≤ visits"
    ])
    expect(rows).toContainEqual([
      "7",
      "Since",
      "Adult on admission",
      "The child was 22 on this admission date (date of birth: row 7, column DOB); a child in care is under 18"
    ])
    expect(rows).toContainEqual(["8", "Status", "Not one of the choices", "Expected one of: Active, Exited"])
    // the summary by column and rule
    const summary = await page.$$eval("#by-column tbody tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))
    )
    expect(summary).toContainEqual(["Since", "Dates out of order", "error", "2"])
    expect(summary).toContainEqual(["DOB", "Implausible age", "warning", "1"])

    // filters: one rule, then one column, then text
    await page.selectOption("#f-rule", "duplicate-id")
    expect(await tableRows(page)).toEqual([
      ["4", "Child code", "Duplicate id", "Another child record already has this id (row 3, column Child code)"]
    ])
    await page.selectOption("#f-rule", "")
    await page.selectOption("#f-column", "Case opened")
    expect((await tableRows(page)).map((r) => r[0])).toEqual(["3", "6", "9"])
    await page.selectOption("#f-column", "")
    await page.fill("#f-text", "as-of")
    expect((await tableRows(page)).map((r) => [r[0], r[2]])).toEqual([
      ["7", "Implausible age"],
      ["9", "Date after the as-of date"]
    ])
    await page.fill("#f-text", "")
    await page.screenshot({ path: join(OUT, "page-en.png"), fullPage: true })

    // Khmer: every label and message, with the embedded Khmer font
    await page.click("button[data-lang=km]")
    expect(await page.getAttribute("html", "lang")).toBe("km")
    expect(await page.textContent("#verdict")).toBe("ឯកសារនេះមានកំហុស៖ សូមកែវានៅក្នុងតារាង រួចពិនិត្យម្តងទៀត។")
    expect(await page.textContent("#check")).toBe("ពិនិត្យឯកសារ")
    const km = await tableRows(page)
    expect(km).toHaveLength(14)
    expect(km).toContainEqual([
      "4",
      "Child code",
      "លេខសម្គាល់ស្ទួន",
      "កំណត់ត្រាមួយទៀតនៃប្រភេទនេះមានលេខសម្គាល់នេះរួចហើយ។ (សូមមើលជួរដេក 3 ជួរឈរ «Child code»)"
    ])
    expect(km).toContainEqual([
      "8",
      "Status",
      "មិនមែនជាជម្រើសក្នុងបញ្ជី",
      "តម្លៃនេះមិនមែនជាជម្រើសដែលអនុញ្ញាតទេ។ (ជម្រើស៖ Active, Exited)"
    ])
    // no English sentence is left in the Khmer table (columns and codes are the file's)
    for (const r of km) expect(r[3]).toMatch(/^[\u1780-\u17ff]/)
    // biome-ignore lint/performance/useDomNodeTextContent: the text shown, not the scripts
    const visible = await page.evaluate(() => document.body.innerText)
    for (const english of ["Summary", "Problems by column and rule", "Download the problems", "Rows with errors"])
      expect(visible).not.toContain(english)
    const font = await page.evaluate(async () => {
      await document.fonts.ready
      return {
        family: getComputedStyle(document.querySelector("#verdict") as Element).fontFamily,
        loaded: [...document.fonts].filter((f) => f.family.includes("Homeward Khmer")).map((f) => f.status),
        check: document.fonts.check('16px "Homeward Khmer"', "ក")
      }
    })
    expect(font.family.startsWith('"Homeward Khmer"')).toBe(true)
    expect(font.loaded).toEqual(["loaded"])
    expect(font.check).toBe(true)
    await page.screenshot({ path: join(OUT, "page-km.png"), fullPage: true })

    // the problems as CSV, in Khmer (a byte-order mark for Excel), and the JSON report
    const csv = await downloadText(page, "#dl-csv")
    expect(csv.name).toBe("messy-ngo-problems.csv")
    expect(csv.text.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.text.slice(1).trimEnd().split("\r\n")
    expect(lines[0]).toBe("ឯកសារ,ជួរដេក,ជួរឈរ,ច្បាប់,កម្រិត,សារ")
    expect(lines).toHaveLength(15)
    expect(lines).toContain(
      "messy-ngo.csv,4,Child code,duplicate-id,កំហុស,កំណត់ត្រាមួយទៀតនៃប្រភេទនេះមានលេខសម្គាល់នេះរួចហើយ។ (សូមមើលជួរដេក 3 ជួរឈរ «Child code»)"
    )
    const json = await downloadText(page, "#dl-json")
    expect(json.name).toBe("messy-ngo-report.json")
    const report = JSON.parse(json.text)
    expect([report.version, report.rows, report.errors, report.warnings, report.asOf]).toEqual([1, 9, 13, 1, AS_OF])
    await close(w)
  })

  test("a Khmer-named workbook (OSCaR preset, Khmer in cells and in the sheet name, Excel dates)", async () => {
    const path = join(OUT, F.khmerXlsxName)
    writeFileSync(path, await F.khmerXlsx())
    const w = await open()
    const { page } = w
    await page.click("button[data-lang=km]")
    await page.setInputFiles("#file", path)
    expect(await page.textContent("#chosen")).toBe(`ឯកសារ៖ ${F.khmerXlsxName}`)
    await page.selectOption("#kind", "oscar")
    await check(page)
    expect(await counts(page)).toEqual({ rows: 5, valid: 2, invalid: 3, errors: 4, warnings: 0 })
    const rows = await tableRows(page)
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ["4", "ID", "លេខសម្គាល់ស្ទួន"],
      ["5", "Gender", "មិនមែនជាជម្រើសក្នុងបញ្ជី"],
      ["5", "Initial Referral Date", "កាលបរិច្ឆេទក្រោយកាលបរិច្ឆេទគោល"],
      ["6", "Has the client lived in an orphanage", "បាទ/ចាស ឬទេ"]
    ])
    // the sheet is named by its position: its name may be a child's
    expect(await page.evaluate(() => (document.getElementById("results") as HTMLElement).textContent)).not.toContain(
      "កុមារ"
    )
    const json = JSON.parse((await downloadText(page, "#dl-json")).text)
    expect([json.file, json.format, json.sheet]).toEqual([F.khmerXlsxName, "xlsx", "sheet 1"])
    await page.screenshot({ path: join(OUT, "page-xlsx-km.png"), fullPage: true })
    await close(w)
  })

  test("attacker: names and phones hidden in bad cells never reach the page, the CSV or the JSON report", async () => {
    const path = join(OUT, "attack.csv")
    writeFileSync(path, F.attackCsv())
    const w = await open()
    const { page } = w
    await page.setInputFiles("#file", path)
    await page.selectOption("#kind", "own")
    await page.setInputFiles("#mapping", F.messyMapping)
    await check(page)
    const rules = (await tableRows(page)).map((r) => r[2])
    // the cells were read and refused (so the secrets were in the problems' way)
    expect(rules).toEqual(expect.arrayContaining(["Unknown column", "Sensitive text", "Id", "Duplicate id"]))
    const texts: Record<string, string> = {}
    for (const lang of ["en", "km"]) {
      await page.click(`button[data-lang=${lang}]`)
      texts[`dom-${lang}`] = await page.content()
      texts[`csv-${lang}`] = (await downloadText(page, "#dl-csv")).text
    }
    texts["json"] = (await downloadText(page, "#dl-json")).text
    for (const [where, text] of Object.entries(texts))
      for (const s of F.secrets) expect({ where, leaks: text.includes(s) }).toEqual({ where, leaks: false })
    await close(w)
  })

  test("a JSON file dropped on the page (records of one type)", async () => {
    const w = await open()
    const { page } = w
    const records = [
      { id: "CH-1", birth: { date: "2010-05-01", estimated: false }, sex: "female", school: "enrolled" },
      { id: "CH-1", birth: { date: "2011-02-30", estimated: false }, sex: "male", school: "enrolled" }
    ]
    const dropped = await page.evaluateHandle((text) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], "children.json", { type: "application/json" }))
      return dt
    }, JSON.stringify(records))
    await page.dispatchEvent("#drop", "drop", { dataTransfer: dropped })
    expect(await page.textContent("#chosen")).toBe("File: children.json")
    await page.selectOption("#kind", "type:child")
    await check(page)
    // the second record repeats the first one's id and has no 30 February
    expect(await counts(page)).toEqual({ rows: 2, valid: 1, invalid: 1, errors: 2, warnings: 0 })
    expect((await tableRows(page)).map((r) => [r[0], r[1], r[2]]).sort()).toEqual([
      ["2", "birth.date", "Date"],
      ["2", "id", "Duplicate id"]
    ])
    await close(w)
  })

  test("a file that cannot be used: one clear reason, in the page's language, and no results", async () => {
    const fake = join(OUT, "children.xlsx")
    writeFileSync(fake, "id,birth.date\nCH-1,2010-01-01\n")
    const w = await open()
    const { page } = w
    await page.click("#check")
    expect(await page.textContent("#status")).toBe("Choose a data file first.")
    await page.setInputFiles("#file", fake)
    await page.selectOption("#kind", "own")
    await page.click("#check")
    expect(await page.textContent("#status")).toBe("Choose your mapping file first.")
    await page.selectOption("#kind", "type:child")
    await page.click("button[data-lang=km]")
    await page.click("#check")
    await page.waitForFunction(() => document.getElementById("status")?.className === "error")
    expect(await page.textContent("#status")).toBe("មិនអាចពិនិត្យឯកសារនេះបានទេ៖ ឯកសារនេះខូច ឬមិនមែនជាទម្រង់ដែលឈ្មោះរបស់វាបញ្ជាក់។")
    expect(await page.isHidden("#results")).toBe(true)
    await close(w)
  })

  test("no network: the CSP forbids connections, and a fetch from the page is refused", async () => {
    const html = readFileSync(HTML, "utf8")
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]
    expect(csp).toBe(PageModule.contentSecurityPolicy)
    expect(csp).toContain("connect-src 'none'")
    expect(csp).toContain("default-src 'none'")
    // nothing in the page names a remote address
    expect(html).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//i)
    const w = await open()
    const refused = await w.page.evaluate(async () => {
      const tries = [
        () => fetch("https://example.org/x"),
        () => fetch("http://127.0.0.1:9/x"),
        () =>
          new Promise((_, reject) => {
            const s = new WebSocket("ws://127.0.0.1:9")
            s.onerror = () => reject(new Error("refused"))
          })
      ]
      const out: Array<boolean> = []
      for (const t of tries) {
        try {
          await t()
          out.push(false)
        } catch {
          out.push(true)
        }
      }
      return out
    })
    expect(refused).toEqual([true, true, true])
    // the CSP reports its refusals as console errors: those are expected here, and no request left
    expect(w.requests).toEqual([])
    await w.context.close()
  })

  test("page weight: at most 400 KB gzip, spreadsheet reader and Khmer font included", () => {
    const html = readFileSync(HTML)
    const gzip = gzipSync(html, { level: 9 }).length
    writeFileSync(join(OUT, "weight.json"), JSON.stringify({ bytes: html.length, gzip }))
    expect(gzip).toBeLessThanOrEqual(400_000)
  })

  test("100,000 rows validated in the page in under 10 s, the page responsive meanwhile", async () => {
    const path = join(OUT, "children-100k.csv")
    writeFileSync(path, F.bigCsv(100_000))
    const w = await open()
    const { page } = w
    await page.setInputFiles("#file", path)
    await page.selectOption("#kind", "type:child")
    await page.fill("#asof", AS_OF)
    const started = Date.now()
    await page.click("#check")
    // the main thread answers while the worker reads: the language switch works mid-run
    await page.waitForFunction(() => document.body.dataset["state"] === "running")
    const midRun = await page.evaluate(() => {
      const t0 = performance.now()
      ;(document.querySelector("button[data-lang=km]") as HTMLButtonElement).click()
      ;(document.querySelector("button[data-lang=en]") as HTMLButtonElement).click()
      return { ms: performance.now() - t0, state: document.body.dataset["state"] }
    })
    // progress: the bar moves and the rows read are counted
    await page.waitForFunction(
      () =>
        document.body.dataset["state"] === "done" ||
        (Number((document.getElementById("bar") as HTMLProgressElement).value) > 0 &&
          /^Checking… [1-9]\d* rows read$/.test(document.getElementById("status")?.textContent ?? "")),
      undefined,
      { timeout: 120_000, polling: 20 }
    )
    const sawProgress = await page.evaluate(() => document.body.dataset["state"] === "running")
    await page.waitForFunction(() => document.body.dataset["state"] === "done", undefined, { timeout: 120_000 })
    const wall = Date.now() - started
    const inWorker = Number(await page.evaluate(() => document.body.dataset["millis"]))
    expect(await counts(page)).toEqual({ rows: 100_000, valid: 99_000, invalid: 1_000, errors: 1_000, warnings: 0 })
    const result = {
      rows: 100_000,
      wallMs: wall,
      workerMs: inWorker,
      rowsPerSecond: Math.round(100_000 / (inWorker / 1000)),
      midRun
    }
    writeFileSync(join(OUT, "bench-100k.json"), JSON.stringify(result, null, 2))
    console.log(`validator page: ${JSON.stringify(result)}`)
    expect(midRun.state).toBe("running")
    expect(sawProgress).toBe(true)
    expect(wall).toBeLessThan(10_000)
    await close(w)
  })
})
