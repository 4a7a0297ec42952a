/** Calendar dates as numbers `yyyymmdd` (ordered like the dates), without `Date` objects. */

/** `yyyymmdd` of a real calendar date `YYYY-MM-DD` (1900–2200), or 0. */
export const dateKey = (s: unknown): number => {
  if (typeof s !== "string" || s.length !== 10) return 0
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return 0
  let y = 0
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return 0
    y = y * 10 + c
  }
  const m1 = s.charCodeAt(5) - 48
  const m2 = s.charCodeAt(6) - 48
  const d1 = s.charCodeAt(8) - 48
  const d2 = s.charCodeAt(9) - 48
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return 0
  const m = m1 * 10 + m2
  const d = d1 * 10 + d2
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return 0
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const last = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
  return d > last ? 0 : y * 10000 + m * 100 + d
}

/** `yyyymmdd` of a `Date` (its UTC day). */
export const keyOfDate = (d: Date): number => d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate()

/** `YYYY-MM-DD` of a key. */
export const keyText = (k: number): string => {
  const y = Math.floor(k / 10000)
  const m = Math.floor(k / 100) % 100
  const d = k % 100
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
}

/**
 * Whole years from `born` to `on` (both keys), as `Child.ageOn` counts them:
 * the birthday counts on the day itself.
 */
export const ageOn = (born: number, on: number): number => {
  const years = Math.floor(on / 10000) - Math.floor(born / 10000)
  return on % 10000 < born % 10000 ? years - 1 : years
}
