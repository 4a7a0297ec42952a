// `pnpm test:mutation core[/Module]` (DEVELOPERS.md, "Mutation testing"): the rule modules of @homeward/core, each
// tested against its own test files (and the boundary tables of every source).
import { strykerConfig } from "../../scripts/stryker.base.mjs"

const own = (name, ...more) => ({
  file: `src/${name}.ts`,
  tests: [`test/${name}.test.ts`, `test/${name}.*.test.ts`, "test/Boundaries.test.ts", ...more]
})

export const modules = [
  own("Closure"),
  own("Scoring"),
  own("Consent"),
  own("Support"),
  own("Eligibility"),
  own("BestInterestChecks"),
  own("Phase"),
  own("Monitoring"),
  own("Decider"),
  own("CaseState", "test/Decider.test.ts", "test/Projection.test.ts")
]

export default strykerConfig(import.meta.url, modules)
