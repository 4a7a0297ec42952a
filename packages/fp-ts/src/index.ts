/**
 * @homeward/fp-ts: Homeward for case systems written with fp-ts. Thin: it
 * calls `@homeward/core` and re-implements nothing.
 *
 * @since 0.1.0
 */
export * as Decider from "./Decider.js"
export * as Decode from "./Decode.js"
export * as Rules from "./Rules.js"
export * as Store from "./Store.js"
