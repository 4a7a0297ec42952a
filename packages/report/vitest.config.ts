import { defineProject } from "vitest/config"

export default defineProject({
  resolve: { conditions: ["@homeward/source"] },
  ssr: { resolve: { conditions: ["@homeward/source"] } },
  test: {
    name: "report",
    // a mutation run (scripts/mutation.mjs) tests one module against its own test files
    include: process.env.HOMEWARD_MUTATION_TESTS?.split(",") ?? ["test/**/*.test.ts"],
    // pins fast-check's seed when HOMEWARD_FC_SEED is set (mutation runs): see the file
    setupFiles: ["../../scripts/fc-seed.setup.ts"],
    // per project, not only in the root config: a project run alone (e.g. `vitest --project` or a mutation
    // run) must not fall back to the 5 s default on a busy machine
    testTimeout: 300_000,
    hookTimeout: 120_000
  }
})
