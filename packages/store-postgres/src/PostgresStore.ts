/**
 * The PostgreSQL event store, for programmes that outgrow one machine: a `pg`
 * Pool, migrations with a version table (run under an advisory lock),
 * `UNIQUE(case_id, version)`, append-only enforced by triggers, each append
 * one transaction. Concurrent appends are resolved by the database: the
 * unique constraint decides which writer gets a version, and a
 * transaction-level advisory lock serialises position assignment so global
 * positions become visible in order (a reader never skips an event that
 * commits later with a smaller position).
 *
 * @since 0.1.0
 */
import { EventStore } from "@homeward/core"
import { Result } from "effect"
import pg from "pg"

type CaseEvent = Parameters<EventStore.CaseEventStore["append"]>[2][number]

/**
 * Options for {@link openPostgresStore}.
 *
 * @since 0.1.0
 */
export interface PostgresStoreOptions {
  /** A connection string (`postgres://user@host:port/db`), or give `pool`. */
  readonly connectionString?: string
  /** An existing pool (not closed by `close()`). */
  readonly pool?: pg.Pool
  /** Schema to keep the tables in (default `homeward`). Letters, digits and `_` only. */
  readonly schema?: string
  /** Pool size when the store creates the pool (default 10). */
  readonly max?: number
}

/**
 * The PostgreSQL store: the core port plus the pool for maintenance.
 *
 * @since 0.1.0
 */
export interface PostgresEventStore extends EventStore.CaseEventStore {
  readonly pool: pg.Pool
  readonly schema: string
  /** Every case's versions are contiguous from 1. */
  readonly integrityCheck: () => Promise<boolean>
}

const LOCK_MIGRATE = 7_204_001
const LOCK_APPEND = 7_204_002

/**
 * Migrations, applied in order and recorded in `<schema>.schema_migrations`.
 *
 * @since 0.1.0
 */
export const migrations = (schema: string): ReadonlyArray<{ readonly version: number; readonly sql: string }> => [
  {
    version: 1,
    sql: `
CREATE TABLE ${schema}.events (
  position  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id   TEXT    NOT NULL,
  version   INTEGER NOT NULL CHECK (version >= 1),
  type      TEXT    NOT NULL,
  event_id  TEXT    NOT NULL UNIQUE,
  json      TEXT    NOT NULL,
  UNIQUE (case_id, version)
);
CREATE FUNCTION ${schema}.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'homeward events are append-only: % is not allowed', TG_OP; END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON ${schema}.events
  FOR EACH ROW EXECUTE FUNCTION ${schema}.reject_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${schema}.events
  FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.reject_change();
`
  }
]

const migrate = async (pool: pg.Pool, schema: string): Promise<void> => {
  const c = await pool.connect()
  try {
    await c.query("BEGIN")
    await c.query("SELECT pg_advisory_xact_lock($1)", [LOCK_MIGRATE])
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    await c.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`
    )
    const done = new Set(
      (await c.query(`SELECT version FROM ${schema}.schema_migrations`)).rows.map((r) => Number(r.version))
    )
    for (const m of migrations(schema)) {
      if (done.has(m.version)) continue
      await c.query(m.sql)
      await c.query(`INSERT INTO ${schema}.schema_migrations (version) VALUES ($1)`, [m.version])
    }
    await c.query("COMMIT")
  } catch (e) {
    await c.query("ROLLBACK").catch(() => undefined)
    throw e
  } finally {
    c.release()
  }
}

const isUniqueViolation = (e: unknown): boolean =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505"

/**
 * Open (and create or migrate) a PostgreSQL event store.
 *
 * @example
 * ```ts
 * import { openPostgresStore } from "@homeward/store-postgres"
 *
 * const store = await openPostgresStore({ connectionString: process.env.DATABASE_URL ?? "" })
 * await store.version("case-1")
 * await store.close()
 * ```
 *
 * @since 0.1.0
 */
export const openPostgresStore = async (options: PostgresStoreOptions): Promise<PostgresEventStore> => {
  const schema = options.schema ?? "homeward"
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new EventStore.StoreError({
      operation: "open",
      cause: new Error("schema name: lower-case letters, digits and _ only")
    })
  }
  const ownPool = options.pool === undefined
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 })
  try {
    await migrate(pool, schema)
  } catch (cause) {
    if (ownPool) await pool.end().catch(() => undefined)
    throw new EventStore.StoreError({ operation: "open", cause })
  }
  const t = `${schema}.events`
  let closed = false
  const guard = (operation: string) => {
    if (closed) throw new EventStore.StoreError({ operation, cause: new Error("store is closed") })
  }
  const versionOf = async (q: pg.Pool | pg.PoolClient, caseId: string): Promise<number> =>
    Number((await q.query(`SELECT COALESCE(MAX(version), 0) AS v FROM ${t} WHERE case_id = $1`, [caseId])).rows[0].v)

  return {
    pool,
    schema,
    append: async (caseId, expectedVersion, events: ReadonlyArray<CaseEvent>) => {
      guard("append")
      const rows = EventStore.encodeBatch(caseId, expectedVersion, events)
      if (Result.isFailure(rows)) return rows.failure
      if (rows.success.length === 0) {
        const v = await versionOf(pool, caseId)
        return v === expectedVersion
          ? { _tag: "Appended", caseId, version: v }
          : new EventStore.Conflict({ caseId, expectedVersion, actualVersion: v })
      }
      const c = await pool.connect()
      try {
        // one round trip: BEGIN, then a transaction-level advisory lock so positions are assigned and
        // committed in order (readers never see a later position before an earlier one)
        await c.query(`BEGIN; SELECT pg_advisory_xact_lock(${LOCK_APPEND})`)
        const params: Array<unknown> = [caseId, expectedVersion]
        const values = rows.success.map((r, i) => {
          params.push(r.caseId, r.version, r.type, r.eventId, r.json)
          const b = 2 + i * 5
          return `($${b + 1}::text, $${b + 2}::int, $${b + 3}::text, $${b + 4}::text, $${b + 5}::text)`
        })
        // the expected-version check and the insert in one statement; UNIQUE(case_id, version) is the backstop
        const inserted = await c.query(
          `INSERT INTO ${t} (case_id, version, type, event_id, json)
           SELECT * FROM (VALUES ${values.join(", ")}) AS v(case_id, version, type, event_id, json)
           WHERE (SELECT COALESCE(MAX(version), 0) FROM ${t} WHERE case_id = $1::text) = $2::int`,
          params
        )
        if (inserted.rowCount !== rows.success.length) {
          await c.query("ROLLBACK")
          return new EventStore.Conflict({ caseId, expectedVersion, actualVersion: await versionOf(pool, caseId) })
        }
        await c.query("COMMIT")
        return { _tag: "Appended", caseId, version: expectedVersion + rows.success.length }
      } catch (e) {
        await c.query("ROLLBACK").catch(() => undefined)
        if (isUniqueViolation(e)) {
          return new EventStore.Conflict({ caseId, expectedVersion, actualVersion: await versionOf(pool, caseId) })
        }
        throw new EventStore.StoreError({ operation: "append", cause: e })
      } finally {
        c.release()
      }
    },
    read: async (caseId) => {
      guard("read")
      const r = await pool.query(`SELECT version, json FROM ${t} WHERE case_id = $1 ORDER BY version`, [caseId])
      return r.rows.map((row, i) => {
        EventStore.checkContiguous(caseId, i + 1, Number(row.version))
        return EventStore.decodeStoredOrThrow(caseId, Number(row.version), row.json)
      })
    },
    version: async (caseId) => {
      guard("version")
      return versionOf(pool, caseId)
    },
    readAll: (fromPosition = 0) => ({
      async *[Symbol.asyncIterator]() {
        guard("readAll")
        let next = Math.max(0, Math.ceil(fromPosition))
        for (;;) {
          const page = await pool.query(
            `SELECT position, case_id, version, json FROM ${t} WHERE position >= $1 ORDER BY position LIMIT 1000`,
            [next]
          )
          if (page.rows.length === 0) return
          for (const r of page.rows) {
            yield {
              position: Number(r.position),
              caseId: r.case_id as string,
              version: Number(r.version),
              event: EventStore.decodeStoredOrThrow(r.case_id, Number(r.version), r.json)
            }
          }
          next = Number(page.rows[page.rows.length - 1].position) + 1
        }
      }
    }),
    integrityCheck: async () => {
      const r = await pool.query(
        `SELECT COUNT(*) AS bad FROM (SELECT case_id FROM ${t} GROUP BY case_id HAVING COUNT(*) <> MAX(version) OR MIN(version) <> 1) x`
      )
      return Number(r.rows[0].bad) === 0
    },
    close: async () => {
      if (closed) return
      closed = true
      if (ownPool) await pool.end()
    }
  }
}

/**
 * The PostgreSQL store as an Effect Layer (`EventStore.Store`).
 *
 * @since 0.1.0
 */
export const layer = (options: PostgresStoreOptions) => EventStore.layer(() => openPostgresStore(options))
