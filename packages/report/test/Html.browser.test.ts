/**
 * The HTML report in a real headless Chromium (Debian `chromium`, driven by
 * playwright-core): no console errors, no network request at all, charts that
 * are not blank, and an A4 PDF.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { Profiles } from "@homeward/core"
import fc from "fast-check"
import { type Browser, chromium } from "playwright-core"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import * as Html from "../src/Html.js"
import * as Report from "../src/Report.js"
import { d, decodePng, eventsOf, institutions, programme } from "./helpers.js"

const OUT = join(import.meta.dirname, "__output__")
const CHROMIUM = "/usr/bin/chromium"

const report = () => {
  const [gs] = fc.sample(programme(120, 120), { seed: 20171117, numRuns: 1 })
  return Report.aggregate({
    events: eventsOf(gs!),
    institutions,
    profile: Profiles.unicefSiemReap2017,
    asOf: d("2017-11-17"),
    since: d("2016-01-01"),
    title: "Siem Reap reintegration programme (synthetic data)"
  })
}

/** Share of pixels in a PNG that are not (near) white. */
const inkShare = (png: Uint8Array): { share: number; colours: number } => {
  const img = decodePng(png)
  let ink = 0
  const colours = new Set<number>()
  for (let i = 0; i < img.width * img.height; i++) {
    const [r, g, b] = [img.rgba[i * 4]!, img.rgba[i * 4 + 1]!, img.rgba[i * 4 + 2]!]
    if (r < 235 || g < 235 || b < 235) ink++
    colours.add((r >> 4) * 256 + (g >> 4) * 16 + (b >> 4))
  }
  return { share: ink / (img.width * img.height), colours: colours.size }
}

describe("[Browser] the HTML report in headless Chromium", () => {
  let browser: Browser
  const html = Html.render(report())
  mkdirSync(OUT, { recursive: true })
  const file = join(OUT, "report.html")
  writeFileSync(file, html)
  const url = pathToFileURL(file).href

  // playwright-core launches with a fresh temporary user-data dir and removes it on close.
  beforeAll(async () => {
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
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  test("loads with no console error, no network request, charts not blank; prints to A4", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } })
    const requests: Array<string> = []
    const failed: Array<string> = []
    const errors: Array<string> = []
    // Block every network request; only the report file itself may load.
    await context.route("**/*", (route) => {
      const u = route.request().url()
      if (u === url) return route.continue()
      requests.push(u)
      return route.abort()
    })
    const page = await context.newPage()
    page.on("request", (r) => {
      if (r.url() !== url) requests.push(r.url())
    })
    page.on("requestfailed", (r) => failed.push(r.url()))
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(m.text())
    })
    page.on("pageerror", (e) => errors.push(String(e)))
    await page.goto(url, { waitUntil: "load" })

    expect(await page.title()).toContain("Siem Reap")
    const charts = await page.locator("figure.chart-box").count()
    expect(charts).toBeGreaterThanOrEqual(8)
    // Charts fit the page width.
    const widths = await page.$$eval("svg.chart", (els) =>
      els.map((e) => [e.getBoundingClientRect().width, e.ownerDocument.body.clientWidth])
    )
    for (const [w, body] of widths) expect(w!).toBeLessThanOrEqual(body! + 1)

    const shot = await page.screenshot({ fullPage: true, path: join(OUT, "report.png") })
    expect(shot.length).toBeGreaterThan(10_000)
    for (const id of ["progress-target", "progress", "placements", "pipeline", "province"]) {
      const chart = page.locator(`figure[data-chart="${id}"] svg`)
      const box = await chart.boundingBox()
      expect(box!.width * box!.height).toBeGreaterThan(5_000)
      const png = await chart.screenshot({ path: join(OUT, `chart-${id}.png`) })
      const { share, colours } = inkShare(png)
      expect({ id, inked: share > 0.03, colourful: colours >= 3 }).toEqual({ id, inked: true, colourful: true })
    }

    await page.emulateMedia({ media: "print" })
    const pdf = await page.pdf({ format: "A4", printBackground: true, path: join(OUT, "report.pdf") })
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-")
    // One page per section at least (page breaks between sections).
    const pages = (
      Buffer.from(pdf)
        .toString("latin1")
        .match(/\/Type\s*\/Page[^s]/g) ?? []
    ).length
    expect(pages).toBeGreaterThanOrEqual(7)

    expect(errors).toEqual([])
    expect(requests).toEqual([])
    expect(failed).toEqual([])
    await context.close()
  }, 120_000)
})
