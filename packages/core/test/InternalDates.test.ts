/**
 * The day helpers the rules use on their hot path give exactly what the
 * plain versions give: `isoDay` is `toISOString().slice(0, 10)`, and
 * `addMonthsMs` is `addMonths` on milliseconds (month ends clamped, 29 February).
 */
import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { addMonths, addMonthsMs, isoDay } from "../src/internal/dates.js"

const moment = fc.integer({ min: Date.UTC(-50, 0, 1), max: Date.UTC(12000, 0, 1) })

describe("internal day helpers", () => {
  test.prop([moment], { numRuns: 2000 })("isoDay(d) is d.toISOString().slice(0, 10)", (t) => {
    const d = new Date(t)
    expect(isoDay(d)).toBe(d.toISOString().slice(0, 10))
  })

  test.prop([moment, fc.integer({ min: -240, max: 240 })], { numRuns: 2000 })(
    "addMonthsMs(t, n) is addMonths(new Date(t), n).getTime()",
    (t, n) => {
      expect(addMonthsMs(t, n)).toBe(addMonths(new Date(t), n).getTime())
    }
  )

  it("month ends are clamped (31 January + 1 month, 29 February + 12 months), the time of day kept", () => {
    expect(new Date(addMonthsMs(Date.UTC(2020, 0, 31, 9), 1)).toISOString()).toBe("2020-02-29T09:00:00.000Z")
    expect(new Date(addMonthsMs(Date.UTC(2021, 0, 31), 1)).toISOString()).toBe("2021-02-28T00:00:00.000Z")
    expect(new Date(addMonthsMs(Date.UTC(2020, 1, 29), 12)).toISOString()).toBe("2021-02-28T00:00:00.000Z")
    expect(new Date(addMonthsMs(Date.UTC(2020, 1, 29), 48)).toISOString()).toBe("2024-02-29T00:00:00.000Z")
    expect(isoDay(new Date(Date.UTC(2024, 1, 29, 23, 59)))).toBe("2024-02-29")
  })

  it("years 0 to 99 are those years, not 1900 to 1999 (Date.UTC's two-digit years)", () => {
    const t = new Date("0050-01-31T06:00:00.000Z").getTime()
    expect(new Date(addMonthsMs(t, 1)).toISOString()).toBe("0050-02-28T06:00:00.000Z")
    expect(addMonths(new Date(t), 1).toISOString()).toBe("0050-02-28T06:00:00.000Z")
    expect(new Date(addMonthsMs(new Date("0099-12-31T00:00:00.000Z").getTime(), 2)).toISOString()).toBe(
      "0100-02-28T00:00:00.000Z"
    )
  })
})
