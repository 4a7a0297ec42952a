// `pnpm test:mutation report` (DEVELOPERS.md, "Mutation testing"): small-cell suppression of @homeward/report.
import { strykerConfig } from "../../scripts/stryker.base.mjs"

export const modules = ["src/Suppression.ts"]

export default strykerConfig(import.meta.url, modules)
