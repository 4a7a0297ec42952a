import { fc, test } from "@fast-check/vitest"
import {
  BestInterestChecks,
  Blockers,
  type CaseEvent,
  CaseState,
  Closure,
  Consent,
  Decider as CoreDecider,
  type Decision,
  Eligibility,
  EventStore,
  Phase,
  Profiles
} from "@homeward/core"
import { Arbitraries } from "@homeward/core/testing"
import * as E from "fp-ts/lib/Either.js"
import * as O from "fp-ts/lib/Option.js"
import type * as TE from "fp-ts/lib/TaskEither.js"
import { describe, expect, expectTypeOf, it } from "vitest"
import { Decider, Decode, Rules, Store } from "../src/index.js"

/** Replay a generated scenario through the core decider, keeping accepted commands. */
const run = (s: Arbitraries.Scenario) => {
  let state = CaseState.initial(s.caseId)
  const events: Array<CaseEvent.CaseEvent> = []
  for (const cmd of s.commands) {
    const r = CoreDecider.decide(state, cmd, s.profile, cmd.occurredOn)
    if (r.ok) {
      for (const e of r.events) state = CaseState.evolve(state, e)
      events.push(...r.events)
    }
  }
  return { state, events, asOf: s.commands[s.commands.length - 1]?.occurredOn ?? new Date("2018-01-01") }
}

const asOf = new Date("2018-01-01")

describe("types", () => {
  it("rules return Either of decisions, Option for lookups, TaskEither for stores", () => {
    const s = CaseState.initial("c1")
    expectTypeOf(Rules.assessReintegration(s, Profiles.azizasPlace, asOf)).toEqualTypeOf<
      E.Either<Decision.Decision<Eligibility.Outcome>, Decision.Decision<Rules.ReadyOutcome>>
    >()
    expectTypeOf(Rules.canAdvance(s, Profiles.azizasPlace, asOf)).toEqualTypeOf<
      E.Either<Decision.Decision<Phase.Readiness>, Decision.Decision<Rules.Ready>>
    >()
    expectTypeOf(Rules.nextPhase(s, Profiles.azizasPlace, new Date("2018-01-01"))).toEqualTypeOf<
      O.Option<Phase.PhaseRef>
    >()
    expectTypeOf(Decider.decide).returns.toEqualTypeOf<
      E.Either<ReadonlyArray<Decision.Reason>, ReadonlyArray<CaseEvent.CaseEvent>>
    >()
    const store = Store.fromStore(EventStore.makeMemoryStore())
    expectTypeOf(store.read("c1")).toEqualTypeOf<TE.TaskEither<Store.ReadError, ReadonlyArray<CaseEvent.CaseEvent>>>()
    expectTypeOf(store.append).returns.toEqualTypeOf<TE.TaskEither<Store.AppendError, EventStore.Appended>>()
    // a Right from assessReintegration is narrowed to the ready outcome
    const r = Rules.assessReintegration(s, Profiles.azizasPlace, asOf)
    if (E.isRight(r)) expectTypeOf(r.right.outcome.kind).toEqualTypeOf<"ready">()
    expect(E.isLeft(r)).toBe(true)
  })
})

describe("rules agree with core [Homeward]", () => {
  it("[seed: Aziza's Place] a new case is not ready and cannot advance; next phase is assessment", () => {
    const s = CaseState.initial("c1")
    const r = Rules.assessReintegration(s, Profiles.azizasPlace, asOf)
    expect(E.isLeft(r) && r.left.outcome.kind).toBe("not-yet")
    expect(E.isLeft(Rules.canAdvance(s, Profiles.azizasPlace, asOf))).toBe(true)
    expect(E.isLeft(Rules.bestInterestChecks(s, Profiles.cambodiaMosvy, asOf))).toBe(true)
    expect(Rules.nextPhase(s, Profiles.azizasPlace, new Date("2018-01-01"))).toEqual(O.some({ phase: "assessment" }))
    expect(Rules.latestAssessment(s, "family")).toEqual(O.none)
    expect(Rules.targetHousehold(s, asOf)).toEqual(O.none)
  })

  test.prop([Arbitraries.scenario({ maxLength: 25 })], { numRuns: 40 })(
    "every Either carries exactly the core decision, on the side its outcome says",
    (sc) => {
      const { state, asOf: on } = run(sc)
      const p = sc.profile
      const same = <A>(
        e: E.Either<Decision.Decision<A>, Decision.Decision<A>>,
        d: Decision.Decision<A>,
        ok: boolean
      ) => {
        expect(E.isRight(e)).toBe(ok)
        expect(E.isRight(e) ? e.right : e.left).toEqual(d)
      }
      const el = Eligibility.assessReintegration(state, p, on)
      same(Rules.assessReintegration(state, p, on), el, el.outcome.kind === "ready")
      const ca = Phase.canAdvance(state, p, on)
      same(Rules.canAdvance(state, p, on), ca, ca.outcome.ready && ca.outcome.next !== undefined)
      const bi = BestInterestChecks.bestInterestChecks(state, p, on)
      same(Rules.bestInterestChecks(state, p, on), bi, bi.outcome.blockers === 0)
      const cc = Consent.consentCovers(state, p, on, "services", "AG-1")
      same(Rules.consentCovers(state, p, on, "services", "AG-1"), cc, cc.outcome.covered)
      const cl = Closure.closureEligibility(state, p, on)
      same(Rules.closureEligibility(state, p, on), cl, cl.outcome.eligible)
      expect(O.toUndefined(Rules.nextPhase(state, p, on))).toEqual(Phase.next(state, p, on))
      const wb = Blockers.whatBlocks(state, p, on)
      same(Rules.whatBlocks(state, p, on), wb, !wb.outcome.blocked)
    }
  )

  test.prop([Arbitraries.scenario({ maxLength: 25 })], { numRuns: 40 })(
    "decide is Right(events) exactly when the core accepts, Left(reasons) otherwise; replay agrees",
    (sc) => {
      let state = Decider.initial(sc.caseId)
      const events: Array<CaseEvent.CaseEvent> = []
      for (const cmd of sc.commands) {
        const core = CoreDecider.decide(state, cmd, sc.profile, cmd.occurredOn)
        const r = Decider.decide(state, cmd, sc.profile, cmd.occurredOn)
        expect(r).toEqual(core.ok ? E.right(core.events) : E.left(core.reasons))
        if (E.isRight(r)) {
          for (const e of r.right) state = Decider.evolve(state, e)
          events.push(...r.right)
        }
      }
      expect(CaseState.replay(sc.caseId, events)).toEqual(state)
    }
  )
})

describe("Store [Homeward]", () => {
  test.prop([Arbitraries.scenario({ maxLength: 20 })], { numRuns: 15 })(
    "handle() through the memory store yields the same history as the core decider",
    async (sc) => {
      const store = Store.fromStore(EventStore.makeMemoryStore())
      for (const cmd of sc.commands) {
        const r = await store.handle(sc.caseId, cmd, sc.profile, cmd.occurredOn)()
        if (E.isLeft(r)) expect(r.left._tag).toBe("Rejected")
      }
      const expected = run(sc)
      const read = await store.read(sc.caseId)()
      expect(read).toEqual(E.right(expected.events))
      const all = await store.readAll()()
      expect(E.isRight(all) && all.right.length).toBe(expected.events.length)
      expect(await store.version(sc.caseId)()).toEqual(E.right(expected.events.length))
      expect(await store.close()()).toEqual(E.right(undefined))
    }
  )

  it("append at a stale version is Left(Conflict); a closed store gives Left(StoreError)", async () => {
    const [sc] = fc.sample(Arbitraries.scenario({ minLength: 1, maxLength: 1 }), { numRuns: 1, seed: 7 })
    if (sc === undefined) throw new Error("no scenario")
    const { events } = run({ ...sc, commands: sc.commands.slice(0, 1) })
    expect(events.length).toBeGreaterThan(0)
    const store = Store.fromStore(EventStore.makeMemoryStore())
    expect(await store.append(sc.caseId, 0, events)()).toEqual(
      E.right(expect.objectContaining({ _tag: "Appended", version: events.length }))
    )
    const stale = await store.append(sc.caseId, 0, events)()
    expect(E.isLeft(stale) && stale.left._tag).toBe("Conflict")
    await store.close()()
    const closed = await store.read(sc.caseId)()
    expect(E.isLeft(closed) && closed.left._tag).toBe("StoreError")
    const append = await store.append(sc.caseId, events.length, events)()
    expect(E.isLeft(append) && append.left._tag).toBe("StoreError")
  })

  it("a rejected command is Left(Rejected) with blocker reasons and appends nothing", async () => {
    const store = Store.fromStore(EventStore.makeMemoryStore())
    const r = await store.handle(
      "c1",
      {
        type: "AssignWorker",
        actor: { id: "m1", role: "manager" },
        recordedAt: new Date("2018-01-02T08:00:00Z"),
        socialWorkerId: "sw2"
      },
      Profiles.azizasPlace,
      new Date("2018-01-02")
    )()
    expect(E.isLeft(r) && r.left._tag).toBe("Rejected")
    expect(E.isLeft(r) && r.left._tag === "Rejected" && r.left.reasons.every((x) => x.severity === "blocker")).toBe(
      true
    )
    expect(await store.version("c1")()).toEqual(E.right(0))
  })
})

describe("Decode", () => {
  it("rejects an invalid child without echoing the value", () => {
    const r = Decode.decoderFor("child")({ id: 5, name: "Sokha Secret" })
    expect(E.isLeft(r)).toBe(true)
    expect(JSON.stringify(r)).not.toContain("Sokha Secret")
  })
})
