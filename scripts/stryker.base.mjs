// Shared StrykerJS configuration of `pnpm test:mutation` (see DEVELOPERS.md, "Mutation testing").
// Each package's stryker.config.mjs calls `strykerConfig(import.meta.url, modules)`; scripts/mutation.mjs runs
// Stryker from the package's folder, re-checks every reported survivor and records the scores.
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")

/** Seed of fast-check in mutation runs (scripts/fc-seed.setup.ts reads it). */
export const FC_SEED = "20260101"

/**
 * @param {string} configUrl `import.meta.url` of the package's stryker.config.mjs
 * @param {ReadonlyArray<{ file: string, tests: ReadonlyArray<string> }>} modules the package's rule modules, relative
 *   to the package (`src/Closure.ts`), each with the test files (globs) it is mutation-tested against
 */
export const strykerConfig = (configUrl, modules) => {
  const pkgDir = dirname(fileURLToPath(configUrl))
  const pkg = relative(join(root, "packages"), pkgDir)
  // the property tests name their seed: it must be the same in the dry run and in every mutant run,
  // or Stryker selects no property test for a mutant it covers (and reports killed mutants as survivors)
  process.env.HOMEWARD_FC_SEED ??= FC_SEED
  return {
    $schema: "../../node_modules/@stryker-mutator/core/schema/stryker-schema.json",
    packageManager: "pnpm",
    testRunner: "vitest",
    // Stryker runs from the package's folder, whose node_modules does not hold the runner: name it by path
    plugins: [fileURLToPath(import.meta.resolve("@stryker-mutator/vitest-runner"))],
    vitest: { configFile: "vitest.config.ts", related: true },
    coverageAnalysis: "perTest",
    mutate: modules.map((m) => m.file),
    // tests import the other packages through the `@homeward/source` export condition, which resolves
    // through node_modules to the real packages: a sandbox copy would be bypassed, so mutate in place
    inPlace: true,
    incremental: true,
    incrementalFile: join(root, "mutation", `${pkg}.incremental.json`),
    reporters: ["json", "clear-text", "progress"],
    jsonReporter: { fileName: join(root, "mutation", "reports", `${pkg}.json`) },
    clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
    tempDirName: join(root, "mutation", ".stryker-tmp", pkg),
    cleanTempDir: "always",
    dryRunTimeoutMinutes: 30,
    timeoutMS: 60_000,
    timeoutFactor: 3,
    concurrency: 1,
    thresholds: { high: 90, low: 90, break: null },
    // not `true`: in place, Stryker would write `// @ts-nocheck` into every source and test file of the package
    disableTypeChecks: false
  }
}
