// @ts-nocheck
import { configDefaults, defineProject } from "vitest/config"

export default defineProject({
  resolve: { conditions: ["@homeward/source"] },
  ssr: { resolve: { conditions: ["@homeward/source"] } },
  test: {
    name: "core",
    include: ["test/**/*.test.ts"],
    // pins fast-check's seed when HOMEWARD_FC_SEED is set (mutation runs): see the file
    setupFiles: ["../../scripts/fc-seed.setup.ts"],
    // a mutation run rewrites src/ in place: the test that scans the working tree's files is left out then
    exclude: [...configDefaults.exclude, ...(process.env.HOMEWARD_MUTATION === "1" ? ["test/Repository.test.ts"] : [])],
    // per project, not only in the root config: a project run alone (e.g. `vitest --project` or a mutation
    // run) must not fall back to the 5 s default on a busy machine
    testTimeout: 180_000,
    hookTimeout: 120_000
  }
})
