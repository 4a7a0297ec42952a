/**
 * Mappings shipped for the exports NGOs have: OSCaR's client list (the case
 * management system of Cambodian NGOs, Children in Families) and Primero's
 * case export (UNICEF's child-protection information system). Each preset
 * names the public source files its column headers were taken from (its
 * `source`), and checks only what the export holds: the records are
 * partial, columns the preset does not name are skipped.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import * as Mapping from "./Mapping.js"
import oscar from "./presets/oscar.json" with { type: "json" }
import primero from "./presets/primero.json" with { type: "json" }

/**
 * Preset names.
 *
 * @since 0.1.0
 */
export const names = ["oscar", "primero"] as const

/**
 * The name of a preset mapping (`"oscar"` or `"primero"`).
 *
 * @since 0.1.0
 */
export type Name = (typeof names)[number]

/**
 * The mapping files of the presets, as JSON (to print, copy and adapt).
 *
 * @since 0.1.0
 */
export const files: Readonly<Record<Name, unknown>> = { oscar, primero }

/**
 * Whether a string names a preset.
 *
 * @example
 * ```ts
 * import { Presets } from "@homeward/validate"
 *
 * Presets.isName("oscar") // true
 * Presets.isName("excel") // false
 * ```
 *
 * @since 0.1.0
 */
export const isName = (s: string): s is Name => (names as ReadonlyArray<string>).includes(s)

/**
 * The checked mapping of a preset.
 *
 * @example
 * ```ts
 * import { Presets } from "@homeward/validate"
 *
 * Presets.get("oscar").records.map((r) => r.name) // ["child", "household"]
 * ```
 *
 * @since 0.1.0
 */
export const get = (name: Name): Mapping.DatasetMapping => {
  const r = Mapping.datasetFromJson(files[name])
  if (Result.isFailure(r)) throw new Error(`preset ${name} is invalid: ${r.failure.join("; ")}`)
  return r.success
}
