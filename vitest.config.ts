import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@homeward/source"] },
  ssr: { resolve: { conditions: ["@homeward/source"] } },
  test: {
    projects: ["packages/*/vitest.config.ts", "examples/*/vitest.config.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
