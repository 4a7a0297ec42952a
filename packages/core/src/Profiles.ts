/**
 * Built-in policy profiles reproducing the sources:
 * - `cambodia-mosvy`: MoSVY case-management forms (scoring, high-risk rule,
 *   follow-up rating, Form 6 closure thresholds, response times);
 * - `unicef-siem-reap-2017`: the Siem Reap plan (3-year follow-up, 30% by end 2018);
 * - `azizas-place`: staged contact, 2-year monitoring, gradual tapering;
 * - `un-guidelines-2009`: the UN Guidelines' principles.
 * Every citation names its entry of the repository's docs/sources.md
 * (`source.key`); numbers no source sets are Homeward defaults
 * (`status: "default-not-law"`, `HD-…` entries, with their reasoning), and
 * no value takes effect before its source existed.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import * as data from "./internal/profileData.js"
import { decodeProfile, derive, type PolicyProfile as Profile, type ProfilePatch } from "./PolicyProfile.js"

const orThrow = (
  r: Result.Result<Profile, ReadonlyArray<{ pathString: string; message: string }>>,
  id: string
): Profile => {
  if (Result.isSuccess(r)) return r.success
  throw new Error(
    `built-in profile ${id} is invalid: ${r.failure.map((i) => `${i.pathString}: ${i.message}`).join("; ")}`
  )
}

/**
 * Cambodia MoSVY case-management forms.
 *
 * @since 0.1.0
 */
export const cambodiaMosvy: Profile = orThrow(decodeProfile(data.cambodiaMosvy), "cambodia-mosvy")

/**
 * UNICEF / DoSVY Siem Reap provincial plan 2017–2018.
 *
 * @since 0.1.0
 */
export const unicefSiemReap2017: Profile = orThrow(
  derive(cambodiaMosvy, data.unicefSiemReap2017Patch as ProfilePatch),
  "unicef-siem-reap-2017"
)

/**
 * Aziza's Place reintegration programme.
 *
 * @since 0.1.0
 */
export const azizasPlace: Profile = orThrow(
  derive(cambodiaMosvy, data.azizasPlacePatch as ProfilePatch),
  "azizas-place"
)

/**
 * UN Guidelines for the Alternative Care of Children (2009), principles.
 *
 * @since 0.1.0
 */
export const unGuidelines2009: Profile = orThrow(
  derive(cambodiaMosvy, data.unGuidelines2009Patch as ProfilePatch),
  "un-guidelines-2009"
)

/**
 * All built-in profiles by id.
 *
 * @since 0.1.0
 */
export const builtIn: Readonly<Record<string, Profile>> = {
  [cambodiaMosvy.id]: cambodiaMosvy,
  [unicefSiemReap2017.id]: unicefSiemReap2017,
  [azizasPlace.id]: azizasPlace,
  [unGuidelines2009.id]: unGuidelines2009
}

/**
 * Look up a built-in profile by id.
 *
 * @example
 * ```ts
 * import { Profiles } from "@homeward/core"
 *
 * Profiles.get("azizas-place")?.parameters.monitoring.durationMonths.value // 24
 * ```
 *
 * @since 0.1.0
 */
export const get = (id: string): Profile | undefined => builtIn[id]
