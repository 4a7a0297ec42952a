/**
 * Facts of one case state on one day that several rules share (the latest
 * views and best-interest determination, the target household, the risk
 * findings for a household, the scored risk of an assessment), computed once
 * per state and day: the rules of one evaluation (eligibility, best-interest
 * checks, next step) ask for the same facts in a row, so a front cache keyed
 * by the state object and the day serves them. States are immutable (a new
 * object per event), so identity is a sound key. Loops, no intermediate
 * arrays (private).
 */
import type { Assessment, Domain } from "../Assessment.js"
import type { BestInterestDetermination } from "../BestInterest.js"
import type { CaseState } from "../CaseState.js"
import type { ChildViews } from "../ChildViews.js"
import type { Household } from "../Household.js"
import type { ResolvedParameters } from "../PolicyProfile.js"
import type { AssessmentRisk } from "../Scoring.js"

/** The latest element dated on or before `t` (the last one on ties), like `latestOnOrBefore`. */
export const latestDated = <T extends { readonly date: Date }>(xs: ReadonlyArray<T>, t: number): T | undefined => {
  let best: T | undefined
  let bestT = 0
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!
    const d = x.date.getTime()
    if (d > t) continue
    if (best === undefined || d >= bestT) {
      best = x
      bestT = d
    }
  }
  return best
}

/**
 * The latest assessment of a kind (any kind when `kind` is undefined) on or
 * before `t` for household `hid`: one naming no household, or naming `hid`.
 * With `anyWhenNoHousehold`, an undefined `hid` accepts every assessment;
 * without it, an undefined `hid` accepts only those naming no household.
 */
export const latestAssessment = (
  xs: ReadonlyArray<Assessment>,
  t: number,
  kind: Assessment["kind"] | undefined,
  hid: string | undefined,
  anyWhenNoHousehold: boolean
): Assessment | undefined => {
  let best: Assessment | undefined
  let bestT = 0
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!
    if (kind !== undefined && x.kind !== kind) continue
    if (!(x.householdId === undefined || x.householdId === hid || (anyWhenNoHousehold && hid === undefined))) continue
    const d = x.date.getTime()
    if (d > t) continue
    if (best === undefined || d >= bestT) {
      best = x
      bestT = d
    }
  }
  return best
}

/**
 * The household a return would target (see `Eligibility.targetHousehold`):
 * the traced household the determination names, else the traced birth
 * family (or unspecified kind) with the smallest id, else kinship, else any
 * traced household that is not foster.
 */
export const targetOf = (state: CaseState, bid: BestInterestDetermination | undefined): Household | undefined => {
  const named = bid?.householdId
  let byName: Household | undefined
  let birth: Household | undefined
  let kin: Household | undefined
  let other: Household | undefined
  const hs = state.households
  for (const key in hs) {
    const h = hs[key]!
    if (h.tracing !== "traced") continue
    const id = h.id
    if (named !== undefined && id === named && (byName === undefined || id < byName.id)) byName = h
    if ((h.kind === undefined || h.kind === "birth-family") && (birth === undefined || id < birth.id)) birth = h
    if (h.kind === "kinship" && (kin === undefined || id < kin.id)) kin = h
    if (h.kind !== "foster" && (other === undefined || id < other.id)) other = h
  }
  return byName ?? birth ?? kin ?? other
}

/** One risk factor of the latest assessment of a kind (see `Eligibility.riskFindings`). */
export interface Finding {
  readonly factor: Assessment["riskFactors"][number]["factor"]
  readonly mitigation: string
  readonly assessmentId: string
}

const KINDS = ["child", "family", "home", "readiness"] as const

/** Risk findings of the latest assessment of each kind for a household (or none named). */
export const findingsOf = (state: CaseState, hid: string | undefined, t: number): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  for (let k = 0; k < KINDS.length; k++) {
    const latest = latestAssessment(state.assessments, t, KINDS[k], hid, false)
    if (latest === undefined) continue
    const fs = latest.riskFactors
    for (let i = 0; i < fs.length; i++)
      out.push({ factor: fs[i]!.factor, mitigation: fs[i]!.mitigation, assessmentId: latest.id })
  }
  return out
}

/** Domains of material conditions (`Scoring.materialDomains` is this list). */
export const materialDomainList: ReadonlyArray<Domain> = ["economicCapacity"]

type Scoring = ResolvedParameters["scoring"]

/**
 * The risk of one assessment from its scores (see `Scoring.assessmentRisk`,
 * which returns this outcome with its reasons): no intermediate arrays.
 */
export const riskOf = (assessment: Assessment, v: Scoring): AssessmentRisk => {
  let scoredHighRisk = false
  let nonMaterialHigh = false
  const triggers: Array<Domain> = []
  const any = v.highRiskAnyDomainAtOrBelow
  const poorScore = v.highRiskPoorScore
  const more = v.highRiskPoorDomainsMoreThan
  for (let s = 0; s < 2; s++) {
    const set = (s === 0 ? assessment.childWellbeing : assessment.familyCapacity) as
      | Readonly<Record<string, number>>
      | undefined
    if (set === undefined) continue
    let veryPoor = 0
    let poor = 0
    let nmVeryPoor = 0
    let nmPoor = 0
    for (const d in set) {
      const x = set[d]!
      const material = materialDomainList.includes(d as Domain)
      if (x <= any) {
        veryPoor++
        if (!material) nmVeryPoor++
      }
      if (x === poorScore) {
        poor++
        if (!material) nmPoor++
      }
    }
    const manyPoor = poor > more
    if (veryPoor > 0 || manyPoor) {
      scoredHighRisk = true
      for (const d in set) if (set[d]! <= any && !triggers.includes(d as Domain)) triggers.push(d as Domain)
      if (manyPoor)
        for (const d in set) if (set[d]! === poorScore && !triggers.includes(d as Domain)) triggers.push(d as Domain)
    }
    if (nmVeryPoor > 0 || nmPoor > more) nonMaterialHigh = true
  }
  const recorded = assessment.riskLevel
  const level = scoredHighRisk ? "high" : recorded
  const mismatch = scoredHighRisk && recorded !== "high"
  const materialOnly = scoredHighRisk && !nonMaterialHigh && recorded !== "high"
  return {
    scoredHighRisk,
    ...(recorded === undefined ? {} : { recordedLevel: recorded }),
    ...(level === undefined ? {} : { level }),
    mismatch,
    triggerDomains: triggers,
    materialOnly
  }
}

/** Shared facts of one state on one moment (`t`, ms), computed on first use. */
export class Facts {
  private viewsDone = false
  private views_: ChildViews | undefined
  private bidDone = false
  private bid_: BestInterestDetermination | undefined
  private targetDone = false
  private target_: Household | undefined
  private findingsHid: Array<string | undefined> = []
  private findings_: Array<ReadonlyArray<Finding>> = []
  private riskKeys: Array<Assessment> = []
  private riskScoring: Array<Scoring> = []
  private risks: Array<AssessmentRisk> = []

  constructor(
    readonly state: CaseState,
    readonly t: number
  ) {}

  /** The latest views heard on or before the day. */
  views(): ChildViews | undefined {
    if (!this.viewsDone) {
      this.views_ = latestDated(this.state.views, this.t)
      this.viewsDone = true
    }
    return this.views_
  }

  /** The latest best-interest determination on or before the day. */
  bid(): BestInterestDetermination | undefined {
    if (!this.bidDone) {
      this.bid_ = latestDated(this.state.determinations, this.t)
      this.bidDone = true
    }
    return this.bid_
  }

  /** The target household (see {@link targetOf}). */
  target(): Household | undefined {
    if (!this.targetDone) {
      this.target_ = targetOf(this.state, this.bid())
      this.targetDone = true
    }
    return this.target_
  }

  /** Risk findings for a household (see {@link findingsOf}). */
  findings(hid: string | undefined): ReadonlyArray<Finding> {
    for (let i = 0; i < this.findingsHid.length; i++) if (this.findingsHid[i] === hid) return this.findings_[i]!
    const f = findingsOf(this.state, hid, this.t)
    this.findingsHid.push(hid)
    this.findings_.push(f)
    return f
  }

  /** The scored risk of an assessment under the given scoring values. */
  risk(a: Assessment, v: Scoring): AssessmentRisk {
    for (let i = 0; i < this.riskKeys.length; i++)
      if (this.riskKeys[i] === a && this.riskScoring[i] === v) return this.risks[i]!
    const r = riskOf(a, v)
    this.riskKeys.push(a)
    this.riskScoring.push(v)
    this.risks.push(r)
    return r
  }
}

let last: Facts | undefined

/** The shared facts of `state` on `asOf` (a one-entry front cache: the rules of one evaluation share them). */
export const factsOf = (state: CaseState, asOf: Date): Facts => {
  const t = asOf.getTime()
  if (last !== undefined && last.state === state && last.t === t) return last
  last = new Facts(state, t)
  return last
}
