import { defineProject } from "vitest/config"

export default defineProject({
  resolve: { conditions: ["@homeward/source"] },
  ssr: { resolve: { conditions: ["@homeward/source"] } },
  // Property tests replay whole case lives; the CI box is a loaded 2-core machine: generous, explicit timeouts.
  test: { name: "core", include: ["test/**/*.test.ts"], testTimeout: 180_000 }
})
