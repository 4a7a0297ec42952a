import { defineProject } from "vitest/config"

export default defineProject({
  resolve: { conditions: ["@homeward/source"] },
  ssr: { resolve: { conditions: ["@homeward/source"] } },
  test: {
    name: "validator-web",
    include: ["test/**/*.test.ts"],
    // per project, not only in the root config: a project run alone must not fall back to the 5 s default
    testTimeout: 300_000,
    hookTimeout: 120_000
  }
})
