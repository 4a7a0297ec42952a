/** Shared helpers (private). */
import type { PolicyProfile } from "@homeward/core"

export const DAY = 86_400_000

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10)

export const dayOf = (d: Date): number => Math.floor(d.getTime() / DAY)

export const citationText = (c: PolicyProfile.Citation): string =>
  [c.document, String(c.year), c.section, c.note].filter((x) => x !== undefined && x !== "").join(", ")
