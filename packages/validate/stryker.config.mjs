// `pnpm test:mutation validate` (DEVELOPERS.md, "Mutation testing"): the checks of @homeward/validate.
import { strykerConfig } from "../../scripts/stryker.base.mjs"

export const modules = ["src/Checks.ts"]

export default strykerConfig(import.meta.url, modules)
