import { CaseState, Decider, type Phase, Profiles } from "@homeward/core"
import { Arbitraries } from "@homeward/core/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as PolicyFacts from "../src/PolicyFacts.js"

const DAY = 86_400_000

describe("PolicyFacts", () => {
  it.each(Object.keys(Profiles.builtIn))(
    "[%s] facts learned from Phase.canAdvance and Monitoring.monitoringPlan match the profile",
    (id) => {
      const profile = Profiles.get(id)!
      const f = PolicyFacts.derive(profile, new Date("2018-01-01"))
      const steps = profile.parameters.phases.contactSteps.value
      expect(f.steps.map((s) => s.id)).toEqual(steps.map((s) => s.id))
      expect(f.pathway[0]).toBe("intake")
      expect(f.pathway.at(-1)).toBe("closed")
      expect(f.assessmentNeedsTracedFamily).toBe(true)
      expect(f.preparationNeedsEligibility).toBe(true)
      // Monitoring lasts the profile's duration in months (± month lengths).
      const months = profile.parameters.monitoring.durationMonths.value
      expect(Math.abs(f.monitoringDays - months * 30.44)).toBeLessThan(4)
      expect(f.monitoringVisitDays.at(-1)).toBeLessThanOrEqual(f.monitoringDays)
      expect([...f.monitoringVisitDays].sort((a, b) => a - b)).toEqual(f.monitoringVisitDays)
    }
  )

  it("the core decider never lets a case leave a contact step sooner than the learned minimum dwell (recorded lifecycles)", () => {
    let checked = 0
    for (const h of fc.sample(Arbitraries.lifecycle(), { numRuns: 40, seed: 21 })) {
      let state = CaseState.initial(h.caseId)
      for (const cmd of h.commands) {
        const r = Decider.decide(state, cmd, h.profile, cmd.occurredOn)
        if (!r.ok) continue
        for (const e of r.events) {
          if (
            e.type === "PhaseAdvanced" &&
            e.override === undefined &&
            state.phase.phase === "gradual-contact" &&
            state.phaseSince !== undefined
          ) {
            const facts = PolicyFacts.cached(h.profile, e.occurredOn)
            const step = facts.steps.find((s) => s.id === (state.phase as Phase.PhaseRef).step)
            if (step !== undefined) {
              checked++
              expect((e.occurredOn.getTime() - state.phaseSince.getTime()) / DAY).toBeGreaterThanOrEqual(
                step.minDwellDays
              )
            }
          }
          state = CaseState.evolve(state, e)
        }
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})
