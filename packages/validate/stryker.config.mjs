// `pnpm test:mutation validate` (DEVELOPERS.md, "Mutation testing"): the check catalogue of @homeward/validate.
import { strykerConfig } from "../../scripts/stryker.base.mjs"

export const modules = [{ file: "src/Checks.ts", tests: ["test/Checks.test.ts", "test/Checks.*.test.ts"] }]

export default strykerConfig(import.meta.url, modules)
