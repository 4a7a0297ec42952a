/**
 * @homeward/validator-web: the validator page for NGO data officers, one
 * self-contained HTML file that checks a CSV, Excel or JSON file against
 * Homeward record types entirely in the browser (no upload, no network),
 * in English and Khmer; and the page's wording in both languages.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Messages from "./Messages.js"
/**
 * @since 0.1.0
 */
export * as Page from "./Page.js"
