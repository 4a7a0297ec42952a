/**
 * The fan chart as a picture, in a real headless Chromium (Debian
 * `chromium`, driven by playwright-core): every text lies inside the
 * picture (the title is wrapped, never clipped at the left edge or
 * anywhere), no two texts overlap (title, subtitle, tick labels, legend,
 * labels in the plot, footnote), and the screenshot shows the title's first
 * glyph at the left margin and an inked plot. The tornado chart of the
 * sensitivity analysis is checked the same way.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { type Browser, chromium } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fanChartSvg } from "../src/Chart.js"
import * as Scenarios from "../src/Scenarios.js"
import { analyse, tornadoSvg } from "../src/Sensitivity.js"
import { makeRunner, simulateSync } from "../src/Simulate.js"
import { decodePng, small } from "./helpers.js"

const OUT = join(import.meta.dirname, "__output__")
const CHROMIUM = "/usr/bin/chromium"

interface Box {
  readonly text: string
  readonly role: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** The slice of the DOM these page functions use (the test project has no DOM types). */
interface SvgNode {
  getBBox(): { x: number; y: number; width: number; height: number }
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number }
  getAttribute(name: string): string | null
  readonly textContent: string | null
  readonly ownerSVGElement: SvgNode
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

const charts = async () => {
  const sr = simulateSync({ ...Scenarios.siemReap2017, runs: 30 })
  const runner = makeRunner({ workers: 1 })
  const sensitivity = await analyse(Scenarios.siemReap2017, { runs: 10, runner })
  return {
    // The tornado chart of the sensitivity analysis, drawn the same way.
    "siem-reap-tornado": tornadoSvg(sensitivity),
    // The built-in title is long: before the fix its centred line was clipped at both edges.
    "siem-reap-default": fanChartSvg(sr),
    "siem-reap-long-title": fanChartSvg(sr, {
      title:
        "Siem Reap provincial operational plan 2017–2018: share of the 2,147 children in residential care safely home with their families, 20 social workers, UNICEF Siem Reap 2017 profile, three years of follow-up"
    }),
    "national-narrow": fanChartSvg(simulateSync({ ...Scenarios.cambodiaNational2016, runs: 4 }), { width: 640 }),
    small: fanChartSvg(simulateSync(small({ runs: 12 })))
  }
}

describe("[Browser] the fan chart in headless Chromium", () => {
  let browser: Browser
  mkdirSync(OUT, { recursive: true })

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

  it("titles are not clipped, texts stay inside and do not collide, the screenshot is inked", async () => {
    for (const [name, svg] of Object.entries(await charts())) {
      const file = join(OUT, `${name}.svg`)
      writeFileSync(file, svg)
      const [, W, H] = svg.match(/viewBox="0 0 (\d+) (\d+)"/)!.map(Number) as [number, number, number]
      const context = await browser.newContext({ viewport: { width: W + 40, height: H + 40 } })
      const requests: Array<string> = []
      await context.route("**/*", (route) => {
        const u = route.request().url()
        if (u === pathToFileURL(file).href) return route.continue()
        requests.push(u)
        return route.abort()
      })
      const page = await context.newPage()
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" })
      const boxes: Array<Box> = await page.$$eval("text", (els) =>
        (els as unknown as Array<SvgNode>).map((e) => {
          const b = e.getBBox()
          const size = Number(e.getAttribute("font-size"))
          const role =
            e.getAttribute("font-weight") === "bold"
              ? "title"
              : size === 10.5
                ? "footnote"
                : e.getAttribute("transform") !== null
                  ? "y-title"
                  : size === 12 && e.getAttribute("fill") === "#444444"
                    ? "subtitle"
                    : "other"
          return { text: e.textContent ?? "", role, x: b.x, y: b.y, w: b.width, h: b.height }
        })
      )
      expect(requests, name).toEqual([])
      // Every text inside the picture (a rotated axis title is measured in its own frame, checked below).
      for (const b of boxes.filter((x) => x.role !== "y-title")) {
        expect({ name, text: b.text, inside: b.x >= 0 && b.x + b.w <= W && b.y >= 0 && b.y + b.h <= H }).toEqual({
          name,
          text: b.text,
          inside: true
        })
      }
      const rotated = await page.$$eval("text[transform]", (els) =>
        els.map((el) => {
          const e = el as unknown as SvgNode
          const r = e.getBoundingClientRect()
          const svg = e.ownerSVGElement.getBoundingClientRect()
          return { left: r.left - svg.left, top: r.top - svg.top, bottom: r.bottom - svg.top }
        })
      )
      for (const y of rotated) expect(y.left >= 0 && y.top >= 0 && y.bottom <= H, name).toBe(true)
      // No two texts overlap: title, subtitle, tick labels, legend, in-plot labels, footnote.
      expect(boxes.filter((b) => b.role === "title").length).toBeGreaterThan(0)
      const flat = boxes.filter((b) => b.role !== "y-title")
      for (const [i, a] of flat.entries())
        for (const b of flat.slice(i + 1))
          expect({ name, a: a.text, b: b.text, overlap: overlap(a, b) }).toMatchObject({ overlap: false })
      // The screenshot: the title's first glyph sits at the left margin (not cut off), the plot is inked.
      const png = decodePng(await page.locator("svg").screenshot({ path: join(OUT, `${name}.png`) }))
      const title = boxes.find((b) => b.role === "title")!
      let leftmost = png.width
      for (let y = Math.floor(title.y); y < Math.ceil(title.y + title.h); y++)
        for (let x = 0; x < png.width; x++) {
          const i = (y * png.width + x) * 4
          if (png.rgba[i]! < 128 && png.rgba[i + 1]! < 128 && png.rgba[i + 2]! < 128) {
            leftmost = Math.min(leftmost, x)
            break
          }
        }
      expect({ name, leftmost: leftmost >= 10 && leftmost <= 24 }).toEqual({ name, leftmost: true })
      let ink = 0
      for (let i = 0; i < png.width * png.height; i++)
        if (png.rgba[i * 4]! < 235 || png.rgba[i * 4 + 1]! < 235 || png.rgba[i * 4 + 2]! < 235) ink++
      expect(ink / (png.width * png.height)).toBeGreaterThan(0.03)
      await context.close()
    }
  }, 120_000)
})
