/**
 * Options shared by the commands that check records and report problems
 * (`validate`, `import-submissions`): the day, the profile and the report's limits.
 */
import { Profiles } from "@homeward/core"
import { Option } from "effect"
import { Flag } from "effect/cli"
import { unusable } from "../commands/exit.js"
import * as Validate from "../Validate.js"

/** Parse a YYYY-MM-DD day (UTC), or undefined for anything else (29 February only in a leap year). */
export const parseDay = (s: string): Date | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (m === null) return undefined
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
    ? d
    : undefined
}

/** `--profile`: the policy profile of the age checks. */
export const profile = Flag.String("profile").pipe(
  Flag.withDescription(
    `Policy profile of the age checks: ${Object.keys(Profiles.builtIn).join(", ")} (default cambodia-mosvy)`
  ),
  Flag.optional
)

/** `--max-problems`: problems kept in full in the report. */
export const maxProblems = Flag.Int("max-problems").pipe(
  Flag.withDescription("Problems kept in full in the report, 0 to 100000 (counts stay exact)"),
  Flag.withDefault(1000)
)

/** `--show`: problems listed in the table. */
export const show = Flag.Int("show").pipe(Flag.withDescription("Problems listed in the table"), Flag.withDefault(20))

/**
 * Check `--max-problems`, `--show` and `--as-of`: the day (undefined when not given), or `false` after
 * saying what is wrong (exit code 2).
 */
export const checkReportOptions = (o: {
  readonly maxProblems: number
  readonly show: number
  readonly asOf: Option.Option<string>
}): { readonly asOf: Date | undefined } | false => {
  if (!Number.isInteger(o.maxProblems) || o.maxProblems < 0 || o.maxProblems > Validate.maxProblemsLimit) {
    unusable(`--max-problems must be a whole number from 0 to ${Validate.maxProblemsLimit}`)
    return false
  }
  if (!Number.isInteger(o.show) || o.show < 0 || o.show > Validate.maxProblemsLimit) {
    unusable(`--show must be a whole number from 0 to ${Validate.maxProblemsLimit}`)
    return false
  }
  if (Option.isNone(o.asOf)) return { asOf: undefined }
  const asOf = parseDay(o.asOf.value)
  if (asOf === undefined) {
    unusable("--as-of must be a real date written YYYY-MM-DD")
    return false
  }
  return { asOf }
}
