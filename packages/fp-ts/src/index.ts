/**
 * @homeward/fp-ts: Homeward for case systems written with fp-ts. Thin: it
 * calls `@homeward/core` and re-implements nothing.
 *
 * @since 0.1.0
 */
export * as Decode from "./Decode.js"
