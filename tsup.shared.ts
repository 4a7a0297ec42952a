import { defineConfig, type Options } from "tsup"

/**
 * The one tsup configuration every package builds with: ESM + .d.ts for
 * Node >= 20.19. Each package's tsup.config.ts names its entries.
 */
export const packageConfig = (entry: ReadonlyArray<string>, extra: Options = {}) =>
  defineConfig({
    entry: [...entry],
    format: ["esm"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    splitting: true,
    treeshake: true,
    ...extra
  })
