/**
 * Opening the embedded SQLite event store (`@homeward/store-sqlite`) behind
 * the core port `EventStore.CaseEventStore`. The opener is looked up by name
 * so that the CLI follows that package's API; when the package cannot be
 * loaded the caller is told (and the demo falls back to the in-memory
 * reference store, saying so).
 */
import { type CaseEvent, CaseState, EventStore } from "@homeward/core"

/** A store and what it is. */
export interface OpenedStore {
  readonly store: EventStore.CaseEventStore
  readonly kind: "sqlite" | "memory"
  /** Why SQLite could not be used (when kind is memory). */
  readonly note?: string
}

type Opener = (
  path: string,
  options?: { readonly readonly?: boolean }
) => EventStore.CaseEventStore | Promise<EventStore.CaseEventStore>

const OPENERS = ["openSqliteStore", "open", "openStore", "makeSqliteStore", "make"] as const

const findOpener = async (): Promise<Opener | string> => {
  try {
    const mod = (await import("@homeward/store-sqlite")) as Record<string, unknown>
    for (const name of OPENERS) if (typeof mod[name] === "function") return mod[name] as Opener
    for (const ns of Object.values(mod))
      if (ns !== null && typeof ns === "object")
        for (const name of OPENERS)
          if (typeof (ns as Record<string, unknown>)[name] === "function")
            return (ns as Record<string, unknown>)[name] as Opener
    return "@homeward/store-sqlite has no store opener yet"
  } catch (e) {
    return `@homeward/store-sqlite could not be loaded (${e instanceof Error ? e.message.split("\n")[0] : "error"})`
  }
}

/** Open the SQLite store at `path`, or fail with the reason. */
export const openSqlite = async (path: string): Promise<EventStore.CaseEventStore> => {
  const open = await findOpener()
  if (typeof open === "string") throw new Error(open)
  return await open(path)
}

/**
 * Open the SQLite store at `path` read-only: nothing is written, and a file
 * that is not a Homeward event store is refused (a `StoreError`).
 */
export const openSqliteReadOnly = async (path: string): Promise<EventStore.CaseEventStore> => {
  const open = await findOpener()
  if (typeof open === "string") throw new Error(open)
  return await open(path, { readonly: true })
}

/** Every stored event, in store order (the report folds them up to its day). */
export const readEvents = async (store: EventStore.CaseEventStore): Promise<Array<CaseEvent.CaseEvent>> => {
  const out: Array<CaseEvent.CaseEvent> = []
  for await (const e of store.readAll()) out.push(e.event)
  return out
}

/** Open the SQLite store at `path`; when SQLite is unavailable, an in-memory store with a note. */
export const openOrMemory = async (path: string): Promise<OpenedStore> => {
  const open = await findOpener()
  if (typeof open === "string") return { store: EventStore.makeMemoryStore(), kind: "memory", note: open }
  return { store: await open(path), kind: "sqlite" }
}

/** Read every case back from a store and fold it. */
export const readCases = async (
  store: EventStore.CaseEventStore
): Promise<{ cases: ReadonlyArray<CaseState.CaseState>; events: number }> => {
  const byCase = new Map<string, Array<CaseEvent.CaseEvent>>()
  let events = 0
  for await (const e of store.readAll()) {
    events++
    const xs = byCase.get(e.caseId) ?? []
    byCase.set(e.caseId, xs)
    xs.push(e.event)
  }
  const ids = [...byCase.keys()].sort()
  return { cases: ids.map((id) => CaseState.replay(id, byCase.get(id)!)), events }
}
