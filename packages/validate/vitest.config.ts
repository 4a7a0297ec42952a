import { defineProject } from "vitest/config"

export default defineProject({
  resolve: { conditions: ["@homeward/source"] },
  ssr: { resolve: { conditions: ["@homeward/source"] } },
  test: { name: "validate", include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 }
})
