/**
 * Citations for rules that use no numeric parameter (so have no profile
 * parameter to cite), each naming its entry (`key`) of the repository's
 * docs/sources.md, and small pure day helpers for the eligibility,
 * best-interest, scoring and consent rules (private).
 */
import type { Citation } from "../PolicyProfile.js"

/**
 * One citation object per function and section: rules cite the same
 * sections on every call, so the objects are made once and shared (they are
 * read-only data).
 */
const memo = (make: (section: string) => Citation): ((section: string) => Citation) => {
  const made = new Map<string, Citation>()
  return (section) => {
    let c = made.get(section)
    if (c === undefined) {
      c = make(section)
      made.set(section, c)
    }
    return c
  }
}

const UNGL_DOC = "UN Guidelines for the Alternative Care of Children (A/RES/64/142)"
const UNGL_URL = "https://undocs.org/A/RES/64/142"

/** UN Guidelines paragraph citation. */
export const ungl = memo(
  (section: string): Citation => ({
    document: UNGL_DOC,
    year: 2009,
    section,
    url: UNGL_URL,
    key: "UNGL"
  })
)

/** Primero Cambodia configuration citation. */
export const prim = memo(
  (section: string): Citation => ({
    document:
      "MoSVY case-management forms as configured in Primero for Cambodia (repository ajit3190/cam_config, implementations/cambodia)",
    year: 2022,
    section,
    note: "Undated configuration; its repository's earliest commit is of 10 February 2022 (consulted in 2026).",
    key: "PRIM"
  })
)

/** OSCaR (MoSVY forms 1–6) citation. */
export const oscar = memo(
  (section: string): Citation => ({
    document: "OSCaR case management system, MoSVY forms 1–6 (repository Children-in-Families/oscar-web)",
    year: 2016,
    section,
    note: "Software in use since its version 1.0 of April 2016; the forms as configured were consulted in 2026.",
    key: "OSCAR"
  })
)

/** Inter-agency Guidelines on Children's Reintegration (2016). */
export const iag = memo(
  (section: string): Citation => ({
    document: "Inter-agency Guidelines on Children's Reintegration",
    year: 2016,
    section,
    key: "IAG"
  })
)

/** UNHCR Guidelines on Determining the Best Interests of the Child (2008). */
export const unhcr = memo(
  (section: string): Citation => ({
    document: "UNHCR Guidelines on Determining the Best Interests of the Child",
    year: 2008,
    section,
    key: "UNHCR08"
  })
)

/** UNICEF Siem Reap 2017 seed. */
export const unicefSiemReap = memo(
  (section: string): Citation => ({
    document:
      "UNICEF Cambodia, Fostering safe and successful reintegration of children in residential care in Cambodia through training key stakeholders (Siem Reap)",
    year: 2017,
    section,
    key: "UNICEF-SR"
  })
)

/** Aziza's Place seed. */
export const aziza = memo(
  (section: string): Citation => ({
    document: "Aziza's Place, Reintegration programme (Phnom Penh)",
    year: 2017,
    section,
    key: "AZIZA"
  })
)

/** Sub-decree 119 (2015) on residential care centres, as summarised by Better Care Network. */
export const subDecree119: Citation = {
  document: "Sub-decree 119 on the management of residential care centres (summary: Better Care Network)",
  year: 2015,
  section: "Minimum standards, MoSVY authorisation, annual inspection",
  key: "SD119"
}

/**
 * A Homeward design rule (not a legal source), e.g. for consent scope: an
 * `HR-…` entry of the repository's docs/sources.md.
 */
export const homeward = (key: string, section: string, note: string): Citation => ({
  document: "Homeward design rules, not law (docs/sources.md)",
  year: 2026,
  section,
  note,
  key
})

const MS_PER_DAY = 86_400_000

/** Whole calendar days from `a` to `b` (UTC; negative when `b` is earlier). */
export const daysFrom = (a: Date, b: Date): number =>
  Math.floor(b.getTime() / MS_PER_DAY) - Math.floor(a.getTime() / MS_PER_DAY)

/** The latest element with a date on or before `asOf` (input sorted or not). */
export const latestOnOrBefore = <T>(xs: ReadonlyArray<T>, asOf: Date, date: (t: T) => Date): T | undefined => {
  let best: T | undefined
  for (const x of xs) {
    const t = date(x).getTime()
    if (t > asOf.getTime()) continue
    if (best === undefined || t >= date(best).getTime()) best = x
  }
  return best
}
