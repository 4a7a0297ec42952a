/**
 * The four core decisions (eligibility, best-interest checks, next step,
 * monitoring status) over a corpus of 100,000 case states (testing kit
 * generators, fixed seeds; see decisionCorpus.ts) are exactly those of the
 * committed snapshot: every outcome, reason, citation and message. Rewriting
 * the rules' internals (for speed) must not change a single decision.
 * Regenerate with `pnpm --filter @homeward/core snapshot:update` only when a
 * decision is meant to change.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { computeSnapshot, MIN_STATES, type Snapshot } from "./decisionCorpus.js"

const committed = JSON.parse(
  readFileSync(join(import.meta.dirname, "fixtures", "decision-snapshot.json"), "utf8")
) as Snapshot

describe("decision snapshot", () => {
  // Count-sized (100,000 states); the timeout is only a generous safety net for a loaded machine.
  it("the decisions over 100,000 generated case states are those of the committed snapshot", {
    timeout: 900_000
  }, () => {
    const now = computeSnapshot()
    expect(now.states).toBeGreaterThanOrEqual(MIN_STATES)
    expect(now.states).toBe(committed.states)
    // The full sample first: on a difference it shows which reason changed.
    expect(now.sample).toEqual(committed.sample)
    const differing = now.digests.flatMap((d, i) => (committed.digests[i] === d ? [] : [i * now.block]))
    expect(differing, "first states of the blocks whose decisions differ").toEqual([])
  })

  it("the committed snapshot covers the whole corpus (one digest per block of states)", () => {
    expect(committed.digests.length).toBe(Math.ceil(committed.states / committed.block))
    expect(new Set(committed.digests).size).toBe(committed.digests.length)
    expect(committed.sample.length).toBeGreaterThan(10)
  })
})
