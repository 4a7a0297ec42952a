/**
 * @homeward/cli: the `homeward` command and its programmatic API: validate
 * NGO files (CSV, JSON, JSON Lines, XLSX, folders of them) against Homeward
 * record types with `@homeward/validate`, export schemas (JSON Schema,
 * XLSForm, Markdown) and data collection forms for ODK and KoboToolbox
 * (XForm, XLSForm), and read their submissions back.
 *
 * @since 0.1.0
 */

/**
 * Moved to `@homeward/validate`; re-exported.
 *
 * @since 0.1.0
 */
export { Csv, Mapping, Presets, Rows } from "@homeward/validate"
/**
 * @since 0.1.0
 */
export * as CollectionForm from "./CollectionForm.js"
/**
 * @since 0.1.0
 */
export * as Export from "./Export.js"
/**
 * @since 0.1.0
 */
export * as Fields from "./Fields.js"
/**
 * @since 0.1.0
 */
export * as Format from "./Format.js"
/**
 * @since 0.1.0
 */
export * as FormLabels from "./FormLabels.js"
/**
 * @since 0.1.0
 */
export * as ImportSubmissions from "./ImportSubmissions.js"
export * as Input from "./Input.js"
/**
 * @since 0.1.0
 */
export * as Submissions from "./Submissions.js"
/**
 * @since 0.1.0
 */
export * as Validate from "./Validate.js"
/**
 * @since 0.1.0
 */
export { validateFile } from "./Validate.js"
/**
 * @since 0.1.0
 */
export * as XForm from "./XForm.js"
