// `pnpm test:mutation report` (DEVELOPERS.md, "Mutation testing"): small-cell suppression of @homeward/report.
import { strykerConfig } from "../../scripts/stryker.base.mjs"

export const modules = [
  {
    file: "src/Suppression.ts",
    tests: ["test/Suppression.test.ts", "test/Suppression.*.test.ts", "test/Disclosure.test.ts", "test/Recount.test.ts"]
  }
]

export default strykerConfig(import.meta.url, modules)
