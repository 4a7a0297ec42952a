/**
 * The event store's typed errors, declared in `EventStore` (where users see
 * them) and re-exported here for the adapter toolkit (`Adapter`).
 */
export { Conflict, CorruptEvent, InvalidEvent, StoreError } from "../EventStore.js"
