/**
 * The in-memory store's test hook, kept off the store object: `EventStore`
 * registers each memory store's corruption hook here and the adapter toolkit
 * (`Adapter.corruptMemoryEvent`) looks it up.
 */

/** Overwrite the stored text of one event of a memory store. */
export type CorruptHook = (caseId: string, version: number, raw: string) => void

/** Memory store → its corruption hook. */
export const memoryHooks = new WeakMap<object, CorruptHook>()
