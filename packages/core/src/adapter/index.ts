/**
 * `@homeward/core/adapter`: the toolkit for writing an event store adapter
 * (validating and encoding appends, decoding stored rows, typed store
 * errors). Not needed to use a store, only to write one.
 *
 * @since 0.2.0
 */
export * from "../Adapter.js"
