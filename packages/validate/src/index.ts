/**
 * @homeward/validate: validation of NGO case data against Homeward record
 * types, without I/O (runs in a browser, a server or the CLI): CSV parsing
 * and UTF-8 decoding in chunks, mappings from an NGO's own headers and codes
 * (several records per row), record checks compiled from the Schemas, checks
 * across rows, records and files, and presets for OSCaR and Primero exports.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Bytes from "./Bytes.js"
/**
 * @since 0.1.0
 */
export * as Checks from "./Checks.js"
/**
 * @since 0.1.0
 */
export * as Csv from "./Csv.js"
/**
 * @since 0.1.0
 */
export * as Dataset from "./Dataset.js"
/**
 * @since 0.1.0
 */
export * as Fields from "./Fields.js"
/**
 * @since 0.1.0
 */
export * as Mapping from "./Mapping.js"
/**
 * @since 0.1.0
 */
export * as Presets from "./Presets.js"
/**
 * @since 0.1.0
 */
export * as Report from "./Report.js"
/**
 * @since 0.1.0
 */
export * as Rows from "./Rows.js"
/**
 * @since 0.1.0
 */
export * as Unusable from "./Unusable.js"
/**
 * @since 0.1.0
 */
export * as Validator from "./Validator.js"
