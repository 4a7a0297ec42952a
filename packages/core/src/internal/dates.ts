/** Pure UTC calendar-day helpers shared by the rules (private). */

/** Milliseconds in a day. */
export const MS_PER_DAY = 86_400_000

/** The calendar day (00:00 UTC) of a moment. */
export const dayOf = (d: Date): Date => new Date(Math.floor(d.getTime() / MS_PER_DAY) * MS_PER_DAY)

/** Day number since the epoch (UTC). */
export const dayNumber = (d: Date): number => Math.floor(d.getTime() / MS_PER_DAY)

/** `d` plus `n` days. */
export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * MS_PER_DAY)

/** Days in 400 Gregorian years: the calendar repeats exactly after them. */
const CYCLE_MS = 146_097 * MS_PER_DAY

/**
 * `Date.UTC(y, m, d)` for every year: `Date.UTC` reads the years 0 to 99 as 1900 to 1999, so the day is
 * computed 400 years later (the same calendar) and moved back.
 */
const utc = (y: number, m: number, d: number): number => Date.UTC(y + 400, m, d) - CYCLE_MS

/**
 * `d` plus `n` calendar months, clamped to the last day of the target month
 * (31 January + 1 month = 28 or 29 February).
 */
export const addMonths = (d: Date, n: number): Date => {
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + n
  const target = new Date(utc(y, m, 1))
  const last = new Date(utc(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  return new Date(
    utc(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)) +
      (d.getTime() - dayOf(d).getTime())
  )
}

/**
 * {@link addMonths} on a time in milliseconds, without making dates: the
 * same result, `addMonthsMs(t, n) === addMonths(new Date(t), n).getTime()`.
 */
export const addMonthsMs = (t: number, n: number): number => {
  const dayStart = Math.floor(t / MS_PER_DAY) * MS_PER_DAY
  const d = new Date(t)
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + n
  const y = Math.floor(total / 12)
  const m = total - y * 12
  const last = (utc(y, m + 1, 1) - utc(y, m, 1)) / MS_PER_DAY
  return utc(y, m, Math.min(d.getUTCDate(), last)) + (t - dayStart)
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/** The ISO day `YYYY-MM-DD` of a date (as `toISOString().slice(0, 10)`, without formatting the time). */
export const isoDay = (d: Date): string => {
  const y = d.getUTCFullYear()
  if (y < 1000 || y > 9999) return d.toISOString().slice(0, 10)
  return `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}
