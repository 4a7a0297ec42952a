import { packageConfig } from "../../tsup.shared.js"

export default packageConfig(["src/index.ts", "src/testing/index.ts", "src/adapter/index.ts"], {
  external: ["effect", "fast-check", "vitest"]
})
