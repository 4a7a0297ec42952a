/**
 * The decision corpus: at least 100,000 case states replayed through the
 * decider from the testing kit's generators (fixed seeds), each evaluated by
 * the four core decisions (eligibility, best-interest checks, next step,
 * monitoring status) under several profiles and as-of dates. Its digest
 * (sha256 per block of states) and a small full sample are the committed
 * fixture `test/fixtures/decision-snapshot.json`; `DecisionSnapshot.test.ts`
 * recomputes and compares them, so a change to the rules' internals that
 * alters any outcome, reason, citation or message fails.
 *
 * Regenerate (only when a decision is meant to change, and say so in the
 * changeset): `pnpm --filter @homeward/core snapshot:update`.
 */
import { createHash, type Hash } from "node:crypto"
import * as fc from "fast-check"
import {
  BestInterestChecks,
  CaseState,
  Decider,
  Eligibility,
  Monitoring,
  Phase,
  type PolicyProfile,
  Profiles
} from "../src/index.js"
import * as Arbitraries from "../src/testing/Arbitraries.js"

/** States per digest block. */
export const BLOCK = 1000
/** Minimum corpus size. */
export const MIN_STATES = 100_000
const DAY = 86_400_000

const profiles: ReadonlyArray<PolicyProfile.PolicyProfile> = Object.keys(Profiles.builtIn)
  .sort()
  .map((id) => Profiles.builtIn[id]!)

/** One evaluation: a state, a profile and an as-of date. */
export interface Evaluation {
  readonly state: CaseState.CaseState
  readonly profile: PolicyProfile.PolicyProfile
  readonly asOf: Date
}

/**
 * The corpus states, in a fixed order: every state after each accepted
 * command of each scenario (lifecycle scenarios, then random command
 * sequences), until `MIN_STATES` is reached.
 */
export const corpusStates = (
  count: number = MIN_STATES
): ReadonlyArray<{
  readonly state: CaseState.CaseState
  readonly profile: PolicyProfile.PolicyProfile
  readonly on: Date
}> => {
  const out: Array<{ state: CaseState.CaseState; profile: PolicyProfile.PolicyProfile; on: Date }> = []
  let seed = 20261202
  while (out.length < count) {
    const scenarios = [
      ...fc.sample(Arbitraries.lifecycle({ noise: 6 }), { numRuns: 300, seed }),
      ...fc.sample(Arbitraries.scenario({ minLength: 10, maxLength: 80 }), { numRuns: 100, seed: seed + 1 })
    ]
    seed += 2
    for (const sc of scenarios) {
      let s = CaseState.initial(sc.caseId)
      for (const c of sc.commands) {
        const r = Decider.decide(s, c, sc.profile, c.occurredOn)
        if (!r.ok) continue
        for (const e of r.events) s = Decider.evolve(s, e)
        out.push({ state: s, profile: sc.profile, on: c.occurredOn })
        if (out.length >= count) return out
      }
    }
  }
  return out
}

/**
 * The evaluation of the `i`-th corpus state, one of three kinds in turn: its
 * own profile a few days after its last command; another profile months
 * later (stale assessments, views and determinations; monitoring due); its
 * own profile a few days before its last command, at a time of day (records
 * dated after `asOf` ignored).
 */
export const evaluationOf = (
  i: number,
  x: { readonly state: CaseState.CaseState; readonly profile: PolicyProfile.PolicyProfile; readonly on: Date }
): Evaluation => {
  const t = x.on.getTime()
  switch (i % 3) {
    case 0:
      return { state: x.state, profile: x.profile, asOf: new Date(t + ((i * 7) % 20) * DAY) }
    case 1:
      return {
        state: x.state,
        profile: profiles[(i >> 1) % profiles.length]!,
        asOf: new Date(t + (150 + ((i * 13) % 500)) * DAY)
      }
    default:
      return { state: x.state, profile: x.profile, asOf: new Date(t - (i % 30) * DAY + ((i * 37) % DAY)) }
  }
}

/**
 * The four decisions of one evaluation. The only place that calls the rules,
 * so a change of their public signatures is adapted here.
 */
export const decisionsOf = (e: Evaluation) => {
  const eligibility = Eligibility.assessReintegration(e.state, e.profile, e.asOf)
  const bestInterest = BestInterestChecks.bestInterestChecks(e.state, e.profile, e.asOf)
  const next = Phase.canAdvance(e.state, e.profile, e.asOf, { eligibility })
  const monitoring = Monitoring.monitoringStatus(e.state, e.profile, e.asOf)
  return { eligibility, bestInterest, next, monitoring }
}

/**
 * Canonical text of a value: object keys sorted, `undefined` properties kept
 * (`householdId: undefined` differs from no `householdId`), dates as ISO
 * text, numbers exactly (`-0`, `NaN` and infinities distinguished).
 * Citations (the `source` of a reason) are interned: the first occurrence in
 * a digest stream is written in full with its number, later ones by number
 * only (the same content gets the same number, whatever object holds it).
 */
export class Canonical {
  private readonly byObject = new WeakMap<object, string>()
  private readonly numbers = new Map<string, number>()

  text(u: unknown): string {
    if (u === undefined) return "~"
    if (u === null) return "null"
    switch (typeof u) {
      case "string":
        return JSON.stringify(u)
      case "number":
        return Object.is(u, -0) ? "-0" : String(u)
      case "boolean":
        return u ? "true" : "false"
      case "object":
        break
      default:
        return `?${typeof u}`
    }
    if (u instanceof Date) return `@${Number.isNaN(u.getTime()) ? "NaN" : u.toISOString()}`
    if (Array.isArray(u)) {
      let out = "["
      for (let i = 0; i < u.length; i++) out += (i > 0 ? "," : "") + this.text(u[i])
      return `${out}]`
    }
    const o = u as Record<string, unknown>
    const keys = Object.keys(o).sort()
    let out = "{"
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!
      const v = o[k]
      out += `${i > 0 ? "," : ""}${JSON.stringify(k)}:${k === "source" && typeof v === "object" && v !== null ? this.citation(v) : this.text(v)}`
    }
    return `${out}}`
  }

  private citation(c: object): string {
    let text = this.byObject.get(c)
    if (text === undefined) {
      text = this.text(c)
      this.byObject.set(c, text)
    }
    const n = this.numbers.get(text)
    if (n !== undefined) return `#${n}`
    this.numbers.set(text, this.numbers.size)
    return `#${this.numbers.size - 1}=${text}`
  }
}

/** The committed fixture. */
export interface Snapshot {
  readonly states: number
  readonly block: number
  /** sha256 (hex) of the canonical decisions of each block of `block` states. */
  readonly digests: ReadonlyArray<string>
  /** Full decisions (canonical text) of a few states spread over the corpus. */
  readonly sample: ReadonlyArray<{ readonly state: number; readonly decisions: string }>
}

/** Every `SAMPLE_EVERY`-th state is kept in full in the sample. */
const SAMPLE_EVERY = 5_003

/** Compute the snapshot of the whole corpus (or of its first `count` states, to check quickly while working). */
export const computeSnapshot = (count: number = MIN_STATES): Snapshot => {
  const states = corpusStates(count)
  const digests: Array<string> = []
  const sample: Array<{ state: number; decisions: string }> = []
  let hash: Hash = createHash("sha256")
  const canonical = new Canonical()
  // The sample's texts have their citations in full.
  const full = () => new Canonical()
  for (let i = 0; i < states.length; i++) {
    const decisions = decisionsOf(evaluationOf(i, states[i]!))
    hash.update(canonical.text(decisions))
    hash.update("\n")
    if (i % SAMPLE_EVERY === 0) sample.push({ state: i, decisions: full().text(decisions) })
    if ((i + 1) % BLOCK === 0 || i === states.length - 1) {
      digests.push(hash.digest("hex"))
      hash = createHash("sha256")
    }
  }
  return { states: states.length, block: BLOCK, digests, sample }
}
