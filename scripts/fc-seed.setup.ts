/**
 * Vitest setup file: pins fast-check's seed when `HOMEWARD_FC_SEED` is set.
 *
 * `@fast-check/vitest` puts the seed into each property test's name
 * (`name (with seed=…)`). A mutation run (`pnpm test:mutation`) records which
 * tests cover which mutant in a dry run and then selects tests by name: with
 * a fresh seed per run the names no longer match, the property tests are not
 * run against the mutant, and killed mutants are reported as survivors. A
 * fixed seed keeps the names (and the generated cases) identical between the
 * dry run and every mutant run. Unset (the default), nothing changes.
 *
 * Also handy by hand: `HOMEWARD_FC_SEED=42 pnpm exec vitest run ...`
 * replays the same generated cases.
 */
import { fc } from "@fast-check/vitest"

const raw = process.env.HOMEWARD_FC_SEED
if (raw !== undefined && raw !== "") {
  const seed = Number(raw)
  if (!Number.isInteger(seed)) throw new Error(`HOMEWARD_FC_SEED must be an integer, got ${JSON.stringify(raw)}`)
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed })
}
