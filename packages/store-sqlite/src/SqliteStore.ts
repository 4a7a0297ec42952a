/**
 * The embedded event store: one SQLite file (better-sqlite3), WAL journal,
 * schema migrations with a version table, `UNIQUE(case_id, version)`, a
 * global position, append-only enforced by triggers, each append one
 * `BEGIN IMMEDIATE` transaction, events validated with the core Schemas
 * before they are written.
 *
 * @since 0.1.0
 */
import { EventStore } from "@homeward/core"
import {
  checkContiguous,
  decodeStoredOrThrow,
  type EncodedRow,
  encodeBatch,
  toStoreError
} from "@homeward/core/adapter"
import Database from "better-sqlite3"
import { Result } from "effect"

type CaseEvent = Parameters<EventStore.CaseEventStore["append"]>[2][number]

/**
 * Options for {@link openSqliteStore}.
 *
 * @since 0.1.0
 */
export interface SqliteStoreOptions {
  /** How long a writer waits for another process's lock, in ms (default 5000). */
  readonly busyTimeoutMs?: number
  /** `FULL` (default: an acknowledged append survives power loss) or `NORMAL` (faster; survives process crashes). */
  readonly synchronous?: "FULL" | "NORMAL"
  /**
   * Open read-only: nothing is ever written (no migration, no journal-mode
   * switch, no append), the file may be read-only, and a file that is not a
   * Homeward event store is refused with a `StoreError` (see
   * `assertHomewardStore` of `@homeward/store-sqlite/SqliteStore`).
   */
  readonly readonly?: boolean
}

/**
 * The SQLite store: the core port plus the raw database for maintenance.
 *
 * @since 0.1.0
 */
export interface SqliteEventStore extends EventStore.CaseEventStore {
  /** The file path (or `:memory:`). */
  readonly path: string
  /** `PRAGMA integrity_check` is `ok` and every case's versions are contiguous. */
  readonly integrityCheck: () => Promise<boolean>
  /** The underlying better-sqlite3 database (for maintenance and tests). */
  readonly db: Database.Database
}

/**
 * Migrations, applied in order; the applied ones are recorded in
 * `schema_migrations`.
 *
 * @since 0.1.0
 */
export const migrations: ReadonlyArray<{ readonly version: number; readonly sql: string }> = [
  {
    version: 1,
    sql: `
CREATE TABLE events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id     TEXT    NOT NULL,
  version     INTEGER NOT NULL CHECK (version >= 1),
  type        TEXT    NOT NULL,
  event_id    TEXT    NOT NULL UNIQUE,
  json        TEXT    NOT NULL,
  UNIQUE (case_id, version)
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'homeward events are append-only: UPDATE is not allowed'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'homeward events are append-only: DELETE is not allowed'); END;
`
  }
]

const migrate = (db: Database.Database): void => {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
  const applied = new Set(
    (db.prepare("SELECT version FROM schema_migrations").all() as Array<{ version: number }>).map((r) => r.version)
  )
  for (const m of migrations) {
    if (applied.has(m.version)) continue
    db.transaction(() => {
      // re-check inside the write lock: another process may have migrated meanwhile
      const done = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(m.version)
      if (done !== undefined) return
      db.exec(m.sql)
      db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(
        m.version,
        new Date().toISOString()
      )
    }).immediate()
  }
}

/**
 * Check, reading only, that an open database is a Homeward event store: an
 * SQLite database with the `events` table (and its columns) and the
 * `schema_migrations` table recording every known migration. Throws an
 * `EventStore.StoreError` (operation `open`) saying what is wrong: not an
 * SQLite database, not a Homeward event store, or migrations missing.
 *
 * @example
 * ```ts
 * import Database from "better-sqlite3"
 * import { assertHomewardStore, openSqliteStore } from "@homeward/store-sqlite/SqliteStore"
 *
 * await (await openSqliteStore("checked.sqlite")).close()
 * const db = new Database("checked.sqlite", { readonly: true })
 * assertHomewardStore(db) // no error: a Homeward event store
 * db.close()
 * ```
 *
 * @since 0.1.0
 */
export const assertHomewardStore = (db: Database.Database): void => {
  const fail = (message: string, cause?: unknown): never => {
    throw new EventStore.StoreError({
      operation: "open",
      cause: cause instanceof Error ? new Error(`${message} (${cause.message})`) : new Error(message)
    })
  }
  let tables: Set<string> = new Set()
  try {
    tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (r) => r.name
      )
    )
  } catch (cause) {
    fail("not an SQLite database", cause)
  }
  if (!tables.has("events") || !tables.has("schema_migrations"))
    fail("not a Homeward event store (no events and schema_migrations tables)")
  const columns = new Set(
    (db.prepare("SELECT name FROM pragma_table_info('events')").all() as Array<{ name: string }>).map((r) => r.name)
  )
  for (const c of ["position", "case_id", "version", "type", "event_id", "json"])
    if (!columns.has(c)) fail(`not a Homeward event store (the events table has no ${c} column)`)
  const applied = new Set(
    (db.prepare("SELECT version FROM schema_migrations").all() as Array<{ version: number }>).map((r) => r.version)
  )
  for (const m of migrations)
    if (!applied.has(m.version)) fail(`the Homeward event store misses migration ${m.version}; open it writable once`)
}

const isUniqueViolation = (e: unknown): boolean =>
  typeof e === "object" && e !== null && String((e as { code?: unknown }).code).startsWith("SQLITE_CONSTRAINT")

/**
 * Open (and create or migrate) a SQLite event store.
 *
 * @example
 * ```ts
 * import { openSqliteStore } from "@homeward/store-sqlite"
 *
 * const store = await openSqliteStore("programme.sqlite")
 * await store.version("case-1") // 0
 * await store.close()
 * ```
 *
 * @since 0.1.0
 */
export const openSqliteStore = async (path: string, options: SqliteStoreOptions = {}): Promise<SqliteEventStore> => {
  let db: Database.Database
  let opened: Database.Database | undefined
  try {
    db = new Database(path, {
      readonly: options.readonly === true,
      fileMustExist: options.readonly === true,
      timeout: options.busyTimeoutMs ?? 5000
    })
    opened = db
    if (options.readonly === true) assertHomewardStore(db)
    else {
      db.pragma("journal_mode = WAL")
      db.pragma(`synchronous = ${options.synchronous ?? "FULL"}`)
      db.pragma("foreign_keys = ON")
      migrate(db)
    }
  } catch (cause) {
    opened?.close()
    throw cause instanceof EventStore.StoreError ? cause : new EventStore.StoreError({ operation: "open", cause })
  }
  const currentVersion = db.prepare("SELECT COALESCE(MAX(version), 0) AS v FROM events WHERE case_id = ?").pluck()
  const insert =
    options.readonly === true
      ? undefined
      : db.prepare("INSERT INTO events (case_id, version, type, event_id, json) VALUES (?, ?, ?, ?, ?)")
  const readCase = db.prepare("SELECT version, json FROM events WHERE case_id = ? ORDER BY version")
  const readFrom = db.prepare(
    "SELECT position, case_id AS caseId, version, json FROM events WHERE position >= ? ORDER BY position LIMIT ?"
  )
  let closed = false
  const guard = (operation: string) => {
    if (closed) throw new EventStore.StoreError({ operation, cause: new Error("store is closed") })
  }
  const appendTx =
    insert === undefined
      ? undefined
      : db.transaction((caseId: string, expected: number, rows: ReadonlyArray<EncodedRow>) => {
          const actual = currentVersion.get(caseId) as number
          if (actual !== expected)
            return new EventStore.Conflict({ caseId, expectedVersion: expected, actualVersion: actual })
          for (const r of rows) insert.run(r.caseId, r.version, r.type, r.eventId, r.json)
          return undefined
        })

  const store: SqliteEventStore = {
    path,
    db,
    append: async (caseId, expectedVersion, events: ReadonlyArray<CaseEvent>) => {
      guard("append")
      if (appendTx === undefined)
        throw new EventStore.StoreError({ operation: "append", cause: new Error("read-only store") })
      const rows = encodeBatch(caseId, expectedVersion, events)
      if (Result.isFailure(rows)) return rows.failure
      try {
        const conflict = appendTx.immediate(caseId, expectedVersion, rows.success)
        if (conflict !== undefined) return conflict
      } catch (e) {
        if (isUniqueViolation(e)) {
          // the database, not the application, resolved the race: another writer holds this version
          let actualVersion: number
          try {
            actualVersion = currentVersion.get(caseId) as number
          } catch (cause) {
            throw toStoreError("append", cause)
          }
          return new EventStore.Conflict({ caseId, expectedVersion, actualVersion })
        }
        throw toStoreError("append", e)
      }
      return { _tag: "Appended", caseId, version: expectedVersion + rows.success.length }
    },
    read: async (caseId) => {
      guard("read")
      try {
        const rows = readCase.all(caseId) as Array<{ version: number; json: string }>
        return rows.map((r, i) => {
          checkContiguous(caseId, i + 1, r.version)
          return decodeStoredOrThrow(caseId, r.version, r.json)
        })
      } catch (e) {
        throw toStoreError("read", e)
      }
    },
    version: async (caseId) => {
      guard("version")
      try {
        return currentVersion.get(caseId) as number
      } catch (e) {
        throw toStoreError("version", e)
      }
    },
    readAll: (fromPosition = 0) => ({
      async *[Symbol.asyncIterator]() {
        guard("readAll")
        let next = Math.max(0, Math.ceil(fromPosition))
        for (;;) {
          let page: Array<{ position: number; caseId: string; version: number; json: string }>
          try {
            page = readFrom.all(next, 1000) as typeof page
          } catch (e) {
            throw toStoreError("readAll", e)
          }
          if (page.length === 0) return
          for (const r of page) {
            yield {
              position: r.position,
              caseId: r.caseId,
              version: r.version,
              event: decodeStoredOrThrow(r.caseId, r.version, r.json)
            }
          }
          next = page[page.length - 1]!.position + 1
        }
      }
    }),
    integrityCheck: async () => {
      const ok = db.pragma("integrity_check", { simple: true }) === "ok"
      const gaps = db
        .prepare(
          "SELECT COUNT(*) FROM (SELECT case_id, COUNT(*) AS n, MAX(version) AS m, MIN(version) AS lo FROM events GROUP BY case_id) WHERE n <> m OR lo <> 1"
        )
        .pluck()
        .get() as number
      return ok && gaps === 0
    },
    close: async () => {
      if (closed) return
      closed = true
      db.close()
    }
  }
  return store
}

/**
 * The SQLite store as an Effect Layer (`EventStore.Store`), closed with its scope.
 *
 * @example
 * ```ts
 * import { layer } from "@homeward/store-sqlite"
 *
 * const StoreLive = layer("programme.sqlite")
 * ```
 *
 * @since 0.1.0
 */
export const layer = (path: string, options?: SqliteStoreOptions) =>
  EventStore.layer(() => openSqliteStore(path, options))
