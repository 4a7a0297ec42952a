/**
 * The checks that look across fields, rows, records and files of a dataset,
 * each with its rule code, severity, a plain-language description and its
 * source: a policy-profile parameter (with the profile's citation) or a
 * Homeward default with its reasoning. The validation report lists which of
 * them ran and which were skipped (for example, references to institutions
 * are only checked when the dataset holds institution records).
 *
 * @since 0.1.0
 */
import { PolicyProfile } from "@homeward/core"

/**
 * A source: a document (law, guideline, form) or a Homeward default with its reasoning.
 *
 * @since 0.1.0
 */
export interface Source {
  readonly document: string
  readonly year: number
  readonly section?: string
  readonly note?: string
}

/**
 * One dataset check.
 *
 * @since 0.1.0
 */
export interface Check {
  /** The rule code problems carry. */
  readonly code: string
  readonly severity: "error" | "warning"
  /** What is checked, in one sentence. */
  readonly description: string
  readonly source: Source
}

const homewardDefault = (section: string, note: string): Source => ({
  document: "Homeward default (not law)",
  year: 2026,
  section,
  note
})

/**
 * Age above which a child's age on the as-of date is called implausible (a
 * warning): 30 years. Homeward default: children in care and care leavers in
 * after-care are under 25 in Cambodian practice, so an older age is usually a
 * mistyped year (1980 for 2008).
 *
 * @since 0.1.0
 */
export const plausibleMaxAge = 30

/**
 * The catalogue, for a policy profile (the adult age comes from it).
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Checks } from "@homeward/validate"
 *
 * Checks.catalogue(Profiles.cambodiaMosvy, new Date("2018-01-01")).map((c) => c.code) // ["duplicate-id", ...]
 * ```
 *
 * @since 0.1.0
 */
export const catalogue = (profile: PolicyProfile.PolicyProfile, asOf: Date): ReadonlyArray<Check> => [
  {
    code: "duplicate-id",
    severity: "error",
    description:
      'Every record of a type has its own id, within a file and across the files and sheets of the dataset (rows that share a record, such as a household, are declared in the mapping with "unique": false).',
    source: homewardDefault(
      "validate/duplicate-id",
      "A record is found by its id: two records with one id would be merged, or one of them lost, when the data is imported."
    )
  },
  {
    code: "unresolved-reference",
    severity: "error",
    description:
      "A reference names a record of the dataset: a case's child (childId), institution (institutionId, placement.institutionId) and household (placement.householdId, assessment and contact householdId), a consent's giver (a household member or the child) and a child's preferred people (household members). Checked only when the dataset holds records of the type referred to.",
    source: homewardDefault(
      "validate/unresolved-reference",
      "A reference to a record that is not in the export cannot be followed after import; it is usually a typo in an id or a row missing from the export. Siblings are not checked: brothers and sisters living at home have no record in a care export."
    )
  },
  {
    code: "dates-in-order",
    severity: "error",
    description:
      "A child's dates come in order: born ≤ admitted to care ≤ case opened ≤ visits (and any other event after birth), compared within a row and, for the earliest date of each kind, across rows, records and files.",
    source: homewardDefault(
      "validate/dates-in-order",
      "A child cannot be admitted before being born, nor visited at home before the case was opened; such a date is a typing mistake (day and month swapped, a wrong year)."
    )
  },
  {
    code: "date-after-as-of",
    severity: "error",
    description: "No date is after the as-of date (the day the export describes; by default today).",
    source: homewardDefault(
      "validate/date-after-as-of",
      "An export records what has happened; a date in the future is a typing mistake (2081 for 2018, month and day swapped)."
    )
  },
  {
    code: "adult-on-admission",
    severity: "error",
    description: `A child is under ${adultAge(profile, asOf).value} on the day of admission to care (eligibility.adultAge of the policy profile ${profile.id}).`,
    source: adultAge(profile, asOf).source
  },
  {
    code: "implausible-age",
    severity: "warning",
    description: `A child's age on the as-of date is at most ${plausibleMaxAge} years.`,
    source: homewardDefault(
      "validate/implausible-age",
      "Children in care and care leavers in after-care are under 25 in Cambodian practice; an older age is usually a mistyped year of birth."
    )
  }
]

/**
 * The adult age of a profile on a day (`eligibility.adultAge`) and its citation.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 * import { Checks } from "@homeward/validate"
 *
 * Checks.adultAge(Profiles.cambodiaMosvy, new Date("2018-01-01")).value // 18
 * ```
 *
 * @since 0.1.0
 */
export const adultAge = (
  profile: PolicyProfile.PolicyProfile,
  asOf: Date
): { readonly value: number; readonly source: Source } => {
  const v = PolicyProfile.valueAt(profile.parameters.eligibility.adultAge, asOf)
  return { value: v.value, source: v.source }
}

/**
 * A source as one line (`UN Convention on the Rights of the Child 1989, art. 1`).
 *
 * @example
 * ```ts
 * import { Checks } from "@homeward/validate"
 *
 * Checks.sourceLine({ document: "UN Convention on the Rights of the Child", year: 1989, section: "art. 1" })
 * // "UN Convention on the Rights of the Child 1989, art. 1"
 * ```
 *
 * @since 0.1.0
 */
export const sourceLine = (s: Source): string =>
  `${s.document} ${s.year}${s.section === undefined ? "" : `, ${s.section}`}`
