import { defineProject } from "vitest/config"

export default defineProject({
  resolve: { conditions: ["@homeward/source"] },
  ssr: { resolve: { conditions: ["@homeward/source"] } },
  test: {
    name: "validate",
    // a mutation run (scripts/mutation.mjs) tests one module against its own test files
    include: process.env.HOMEWARD_MUTATION_TESTS?.split(",") ?? ["test/**/*.test.ts"],
    // pins fast-check's seed when HOMEWARD_FC_SEED is set (mutation runs): see the file
    setupFiles: ["../../scripts/fc-seed.setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
