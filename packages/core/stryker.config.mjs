// @ts-nocheck
// `pnpm test:mutation core` (DEVELOPERS.md, "Mutation testing"): the rule modules of @homeward/core.
import { strykerConfig } from "../../scripts/stryker.base.mjs"

export const modules = [
  "src/Closure.ts",
  "src/Scoring.ts",
  "src/Consent.ts",
  "src/Support.ts",
  "src/Eligibility.ts",
  "src/BestInterestChecks.ts",
  "src/Phase.ts",
  "src/Monitoring.ts",
  "src/Decider.ts",
  "src/CaseState.ts"
]

export default strykerConfig(import.meta.url, modules)
