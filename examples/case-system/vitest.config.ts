import { defineProject } from "vitest/config"

export default defineProject({
  resolve: { conditions: ["@homeward/source"] },
  ssr: { resolve: { conditions: ["@homeward/source"] } },
  test: { name: "example-case-system", include: ["test/**/*.test.ts"] }
})
