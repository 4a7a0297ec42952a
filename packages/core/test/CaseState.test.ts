import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { type CaseEvent, CaseState, Decider } from "../src/index.js"
import { Arbitraries } from "../src/testing/index.js"

/** Two streams merged in an arbitrary order, each keeping its own order. */
const interleaved = fc
  .tuple(Arbitraries.anyEvents("case-1", 30), Arbitraries.anyEvents("case-2", 30), fc.array(fc.boolean()))
  .map(([own, other, picks]) => {
    const mixed: Array<CaseEvent.CaseEvent> = []
    let i = 0
    let j = 0
    let k = 0
    while (i < own.length || j < other.length) {
      const takeOwn = j >= other.length || (i < own.length && (picks[k++ % Math.max(1, picks.length)] ?? true))
      mixed.push(takeOwn ? own[i++]! : other[j++]!)
    }
    return { own, other, mixed }
  })

const ANOTHER = "event of another case"

describe("CaseState.replay(caseId, events)", () => {
  test.prop([Arbitraries.anyEvents("case-1", 40)], { numRuns: 100 })(
    "is the fold of evolve from initial(caseId)",
    (events) => {
      expect(CaseState.replay("case-1", events)).toEqual(events.reduce(CaseState.evolve, CaseState.initial("case-1")))
    }
  )

  test.prop([interleaved], { numRuns: 100 })(
    "an event of another case is recorded as an anomaly and not folded in",
    ({ own, other, mixed }) => {
      const s = CaseState.replay("case-1", mixed)
      const foreign = s.anomalies.filter((a) => a.problem === ANOTHER)
      expect(foreign).toEqual(other.map((e) => ({ eventId: e.eventId, type: e.type, problem: ANOTHER })))
      // Without those anomalies, the state is that of the case's own events.
      expect({ ...s, anomalies: s.anomalies.filter((a) => a.problem !== ANOTHER) }).toEqual(
        CaseState.replay("case-1", own)
      )
      expect(s.caseId).toBe("case-1")
      expect(s.version).toBe(own.length)
    }
  )

  test.prop([Arbitraries.anyEvents("case-2", 20)], { numRuns: 50 })(
    "a stream read for the wrong case id gives an empty case whose anomalies say so, not a later error",
    (events) => {
      const s = CaseState.replay("case-1", events)
      expect(s.opened).toBe(false)
      expect(s.version).toBe(0)
      expect(s.anomalies).toHaveLength(events.length)
      for (const a of s.anomalies) expect(a.problem).toBe(ANOTHER)
    }
  )

  it("an empty stream is the initial state of the case", () => {
    expect(CaseState.replay("case-9", [])).toEqual(CaseState.initial("case-9"))
  })

  it("is the only replay: Decider re-exports evolve and initial, not replay", () => {
    expect(Object.keys(Decider)).not.toContain("replay")
    expect(Decider.evolve).toBe(CaseState.evolve)
    expect(Decider.initial).toBe(CaseState.initial)
  })
})
