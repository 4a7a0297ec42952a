/**
 * Testing kit for Homeward: domain generators and law helpers for property
 * tests, and the conformance suite every event store must pass.
 *
 * @since 0.1.0
 */
export * as Arbitraries from "./Arbitraries.js"
export * as Conformance from "./Conformance.js"
