/**
 * The core rules for fp-ts code. Every rule that can say "no" returns an
 * `Either` whose **both sides are the full `Decision`** (outcome, reasons,
 * policy id and version, `asOf`): `Right` when the rule is satisfied, `Left`
 * when it is not. Nothing is lost (reasons explain both answers), and
 * `E.fold`, `E.chain` or `pipe` pick the happy path. "Is there one?"
 * questions (next phase, latest assessment, target household) return an
 * `Option`. Thin: every function calls `@homeward/core`.
 *
 * @since 0.1.0
 */
import {
  type Assessment,
  BestInterestChecks,
  Blockers,
  type CaseEvent,
  CaseState,
  Closure,
  Consent,
  type Decision,
  Eligibility,
  type Household,
  Monitoring,
  Phase,
  type PolicyProfile
} from "@homeward/core"
import * as E from "fp-ts/lib/Either.js"
import * as O from "fp-ts/lib/Option.js"

type State = CaseState.CaseState
type Profile = PolicyProfile.PolicyProfile

/**
 * A decision split by whether its rule is satisfied: `Right` when it is,
 * `Left` when it is not; both carry the whole decision.
 *
 * @since 0.1.0
 */
export type Judged<Bad, Good = Bad> = E.Either<Decision.Decision<Bad>, Decision.Decision<Good>>

/**
 * Split any decision with a refinement of its outcome.
 *
 * @example
 * ```ts
 * import { Rules } from "@homeward/fp-ts"
 *
 * const judge = Rules.judge((o: { ok: boolean }) => o.ok)
 * ```
 *
 * @since 0.1.0
 */
export function judge<A, B extends A>(ok: (outcome: A) => outcome is B): (d: Decision.Decision<A>) => Judged<A, B>
export function judge<A>(ok: (outcome: A) => boolean): (d: Decision.Decision<A>) => Judged<A>
export function judge<A>(ok: (outcome: A) => boolean) {
  return (d: Decision.Decision<A>): Judged<A> => (ok(d.outcome) ? E.right(d) : E.left(d))
}

/**
 * The outcome of a reintegration assessment that allows a return.
 *
 * @since 0.1.0
 */
export type ReadyOutcome = Extract<Eligibility.Outcome, { readonly kind: "ready" }>

/**
 * `Eligibility.assessReintegration` as an `Either`: `Right` when the outcome
 * is `ready` (typed as {@link ReadyOutcome}), `Left` with the decision
 * (`not-yet`, `contraindicated` or `alternative`, and its reasons) otherwise.
 *
 * @example
 * ```ts
 * import { CaseState, Profiles } from "@homeward/core"
 * import { Rules } from "@homeward/fp-ts"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * const r = Rules.assessReintegration(CaseState.initial("c-1"), Profiles.azizasPlace, new Date("2018-01-01"))
 * E.isLeft(r) // true: the child record is missing, the family not traced, ...
 * ```
 *
 * @since 0.1.0
 */
export const assessReintegration = (
  state: State,
  profile: Profile,
  asOf: Date,
  context?: Eligibility.Context
): Judged<Eligibility.Outcome, ReadyOutcome> =>
  judge((o: Eligibility.Outcome): o is ReadyOutcome => o.kind === "ready")(
    Eligibility.assessReintegration(state, profile, asOf, context)
  )

/**
 * `BestInterestChecks.bestInterestChecks` as an `Either`: `Right` when there
 * is no blocker (warnings may remain in the reasons), `Left` otherwise.
 *
 * @example
 * ```ts
 * import { CaseState, Profiles } from "@homeward/core"
 * import { Rules } from "@homeward/fp-ts"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * const r = Rules.bestInterestChecks(CaseState.initial("c-1"), Profiles.azizasPlace, new Date("2018-01-01"))
 * E.isLeft(r) // true: views not heard, no best-interest determination, ...
 * ```
 *
 * @since 0.1.0
 */
export const bestInterestChecks = (
  state: State,
  profile: Profile,
  asOf: Date,
  context?: BestInterestChecks.Context
): Judged<BestInterestChecks.Findings> =>
  judge((o: BestInterestChecks.Findings) => o.blockers === 0)(
    BestInterestChecks.bestInterestChecks(state, profile, asOf, context)
  )

/**
 * Readiness that allows advancing (the next position is known).
 *
 * @since 0.1.0
 */
export type Ready = Phase.Readiness & { readonly ready: true; readonly next: Phase.PhaseRef }

/**
 * `Phase.canAdvance` as an `Either`: `Right` when the case may advance (the
 * outcome names `next`), `Left` with the blocking reasons otherwise.
 *
 * @example
 * ```ts
 * import { CaseState, Profiles } from "@homeward/core"
 * import { Rules } from "@homeward/fp-ts"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * E.isLeft(Rules.canAdvance(CaseState.initial("c1"), Profiles.azizasPlace, new Date("2018-01-01"))) // true
 * ```
 *
 * @since 0.1.0
 */
export const canAdvance = (
  state: State,
  profile: Profile,
  asOf: Date,
  options?: Phase.CanAdvanceOptions
): Judged<Phase.Readiness, Ready> =>
  judge((o: Phase.Readiness): o is Ready => o.ready && o.next !== undefined)(
    Phase.canAdvance(state, profile, asOf, options)
  )

/**
 * `Blockers.whatBlocks` as an `Either`: `Right` when nothing blocks the case
 * (no blocker among eligibility, the best-interest checks and the next step),
 * `Left` with the merged reasons (one per code, with the checks that raised
 * it) otherwise.
 *
 * @example
 * ```ts
 * import { CaseState, Profiles } from "@homeward/core"
 * import { Rules } from "@homeward/fp-ts"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * const r = Rules.whatBlocks(CaseState.initial("c1"), Profiles.cambodiaMosvy, new Date("2018-01-01"))
 * E.isLeft(r) && r.left.outcome.blockers // ["child-record-missing", …]
 * ```
 *
 * @since 0.2.0
 */
export const whatBlocks = (
  state: State,
  profile: Profile,
  asOf: Date,
  options?: Blockers.Options
): E.Either<Blockers.WhatBlocks, Blockers.WhatBlocks> => {
  const d = Blockers.whatBlocks(state, profile, asOf, options)
  return d.outcome.blocked ? E.left(d) : E.right(d)
}

/**
 * `Consent.consentCovers` as an `Either`: `Right` when caregiver consent (and
 * the child's assent when required) covers the purpose and agency.
 *
 * @example
 * ```ts
 * import { CaseState, Profiles } from "@homeward/core"
 * import { Rules } from "@homeward/fp-ts"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * const r = Rules.consentCovers(CaseState.initial("c-1"), Profiles.azizasPlace, new Date("2018-01-01"), "services", "agency-1")
 * E.isLeft(r) // true: no consent recorded
 * ```
 *
 * @since 0.1.0
 */
export const consentCovers = (
  state: State,
  profile: Profile,
  asOf: Date,
  purpose: Consent.Purpose,
  agency: string
): Judged<Consent.Coverage> =>
  judge((o: Consent.Coverage) => o.covered)(Consent.consentCovers(state, profile, asOf, purpose, agency))

/**
 * `Closure.closureEligibility` as an `Either`: `Right` when the case may be
 * closed for the reason.
 *
 * @example
 * ```ts
 * import { CaseState, Profiles } from "@homeward/core"
 * import { Rules } from "@homeward/fp-ts"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * const r = Rules.closureEligibility(CaseState.initial("c-1"), Profiles.azizasPlace, new Date("2018-01-01"))
 * E.isLeft(r) // true: the child was never reunified
 * ```
 *
 * @since 0.1.0
 */
export const closureEligibility = (
  state: State,
  profile: Profile,
  asOf: Date,
  reason?: CaseEvent.CaseClosureReason
): Judged<Closure.ClosureOutcome> =>
  judge((o: Closure.ClosureOutcome) => o.eligible)(Closure.closureEligibility(state, profile, asOf, reason))

/**
 * `Monitoring.monitoringStatus` as an `Either`: `Right` when nothing needs
 * escalating (no missed visit), `Left` when an escalation is due.
 *
 * @example
 * ```ts
 * import { CaseState, Profiles } from "@homeward/core"
 * import { Rules } from "@homeward/fp-ts"
 * import * as E from "fp-ts/lib/Either.js"
 *
 * const r = Rules.monitoringStatus(CaseState.initial("c-1"), Profiles.azizasPlace, new Date("2018-01-01"))
 * E.isRight(r) // no escalation for a case not yet reunified
 * ```
 *
 * @since 0.1.0
 */
export const monitoringStatus = (state: State, profile: Profile, asOf: Date): Judged<Monitoring.MonitoringStatus> =>
  judge((o: Monitoring.MonitoringStatus) => o.escalation === undefined)(
    Monitoring.monitoringStatus(state, profile, asOf)
  )

/**
 * The next position on the pathway (`Phase.next`), `None` at the end.
 *
 * @example
 * ```ts
 * import { CaseState, Profiles } from "@homeward/core"
 * import { Rules } from "@homeward/fp-ts"
 *
 * Rules.nextPhase(CaseState.initial("c1"), Profiles.azizasPlace, new Date("2018-01-01")) // some({ phase: "assessment" })
 * ```
 *
 * @since 0.1.0
 */
export const nextPhase = (state: State, profile: Profile, asOf: Date): O.Option<Phase.PhaseRef> =>
  O.fromNullable(Phase.next(state, profile, asOf))

/**
 * The latest assessment of a kind (`CaseState.latestAssessment`).
 *
 * @example
 * ```ts
 * import * as O from "fp-ts/lib/Option.js"
 * import { Decider, Rules } from "@homeward/fp-ts"
 *
 * O.isNone(Rules.latestAssessment(Decider.initial("case-1"), "family")) // true
 * ```
 *
 * @since 0.1.0
 */
export const latestAssessment = (state: State, kind: Assessment.Assessment["kind"]): O.Option<Assessment.Assessment> =>
  O.fromNullable(CaseState.latestAssessment(state, kind))

/**
 * The household a return would target (`Eligibility.targetHousehold`).
 *
 * @example
 * ```ts
 * import { CaseState } from "@homeward/core"
 * import { Rules } from "@homeward/fp-ts"
 * import * as O from "fp-ts/lib/Option.js"
 *
 * O.isNone(Rules.targetHousehold(CaseState.initial("c-1"), new Date("2018-01-01"))) // true
 * ```
 *
 * @since 0.1.0
 */
export const targetHousehold = (state: State, asOf: Date): O.Option<Household.Household> =>
  O.fromNullable(Eligibility.targetHousehold(state, asOf))
