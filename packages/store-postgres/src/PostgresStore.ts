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
import { checkContiguous, decodeStoredOrThrow, encodeBatch, toStoreError } from "@homeward/core/adapter"
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
  /**
   * An existing pool (not closed by `close()`). The store adds an `error`
   * listener to it (removed by `close()`) so that an idle connection lost by
   * the server does not crash the process; the timeouts below are then the
   * pool's own (`connectionTimeoutMillis`, `statement_timeout`, `query_timeout`).
   */
  readonly pool?: pg.Pool
  /** Schema to keep the tables in (default `homeward`). Letters, digits and `_` only. */
  readonly schema?: string
  /** Pool size when the store creates the pool (default 10). */
  readonly max?: number
  /**
   * How long to wait for a connection, in ms (default 10 000): connecting to
   * the server (also one that accepts and never answers) or waiting for a
   * free pooled connection. Opening the store, or an operation, then fails
   * with a `StoreError` instead of hanging.
   */
  readonly connectTimeoutMs?: number
  /**
   * How long one statement may run, in ms (default 30 000): the server
   * cancels it (`statement_timeout`) and the client stops waiting for an
   * answer one second later (`query_timeout`: a server or network that went
   * silent), so the operation fails with a `StoreError` instead of hanging.
   * Waiting for another append's lock counts.
   */
  readonly statementTimeoutMs?: number
  /**
   * Called with the error when the server ends an idle pooled connection
   * (restart, failover, `pg_terminate_backend`). The connection is discarded
   * and the next operation opens a new one; by default nothing else happens.
   */
  readonly onIdleError?: (error: Error) => void
}

/**
 * The default connect timeout (ms) of {@link openPostgresStore}.
 *
 * @since 0.2.0
 */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000

/**
 * The default statement timeout (ms) of {@link openPostgresStore}.
 *
 * @since 0.2.0
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000

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
 * @example
 * ```ts
 * import { migrations } from "@homeward/store-postgres"
 *
 * for (const m of migrations("homeward")) console.log(`-- migration ${m.version}\n${m.sql}`)
 * ```
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

/**
 * Run `f` on a pooled connection. While the connection is checked out an
 * `error` listener is attached (a connection lost between two statements
 * emits `error` on the client, which would otherwise crash the process), and
 * a connection that failed in any way is discarded rather than returned to
 * the pool (it may be dead, or still running a statement that timed out on
 * the client side).
 */
const withClient = async <A>(pool: pg.Pool, f: (c: pg.PoolClient) => Promise<A>): Promise<A> => {
  const c = await pool.connect()
  let failure: Error | undefined
  const onError = (e: Error) => {
    failure ??= e
  }
  c.on("error", onError)
  try {
    return await f(c)
  } catch (e) {
    failure ??= e instanceof Error ? e : new Error(String(e))
    throw e
  } finally {
    c.off("error", onError)
    c.release(failure ?? false)
  }
}

const migrate = async (pool: pg.Pool, schema: string): Promise<void> =>
  withClient(pool, async (c) => {
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
  })

const isUniqueViolation = (e: unknown): boolean =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505"

/** The largest version the `INTEGER` column holds: an append beyond it can only be a Conflict. */
const MAX_VERSION = 2_147_483_647

const positiveMs = (name: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) return fallback
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new EventStore.StoreError({
      operation: "open",
      cause: new Error(`${name} must be a positive number of milliseconds`)
    })
  }
  return Math.ceil(value)
}

/**
 * Open (and create or migrate) a PostgreSQL event store.
 *
 * The store survives connection loss: when the server ends a connection
 * (restart, failover, `pg_terminate_backend`) an idle one is discarded, an
 * operation in flight fails with a `StoreError` (an `append` is then written
 * completely or not at all: re-read the case; retrying at the same
 * `expectedVersion` is safe), and later operations open new connections.
 * Connecting and every statement are bounded by `connectTimeoutMs` and
 * `statementTimeoutMs`.
 *
 * The example needs a PostgreSQL server: it is typechecked, not run.
 *
 * @example
 * ```ts no-run
 * import { openPostgresStore } from "@homeward/store-postgres"
 *
 * const store = await openPostgresStore({
 *   connectionString: process.env.DATABASE_URL ?? "",
 *   connectTimeoutMs: 5_000,
 *   statementTimeoutMs: 15_000
 * })
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
  const connectTimeoutMs = positiveMs("connectTimeoutMs", options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS)
  const statementTimeoutMs = positiveMs("statementTimeoutMs", options.statementTimeoutMs, DEFAULT_STATEMENT_TIMEOUT_MS)
  const ownPool = options.pool === undefined
  let pool: pg.Pool
  try {
    pool =
      options.pool ??
      new pg.Pool({
        connectionString: options.connectionString,
        max: options.max ?? 10,
        connectionTimeoutMillis: connectTimeoutMs,
        statement_timeout: statementTimeoutMs,
        query_timeout: statementTimeoutMs + 1_000,
        keepAlive: true
      })
  } catch (cause) {
    throw new EventStore.StoreError({ operation: "open", cause })
  }
  // an idle pooled connection ended by the server emits `error` on the pool: without a listener, the
  // process would crash. The pool has already discarded the connection; the next operation reconnects.
  const onPoolError = (error: Error) => {
    try {
      options.onIdleError?.(error)
    } catch {
      // a throwing callback must not turn a handled connection loss into a crash
    }
  }
  pool.on("error", onPoolError)
  try {
    await migrate(pool, schema)
  } catch (cause) {
    if (ownPool) await pool.end().catch(() => undefined)
    else pool.off("error", onPoolError)
    throw new EventStore.StoreError({ operation: "open", cause })
  }
  const t = `${schema}.events`
  let closed = false
  const guard = (operation: string) => {
    if (closed) throw new EventStore.StoreError({ operation, cause: new Error("store is closed") })
  }
  const versionOf = async (caseId: string): Promise<number> =>
    Number((await pool.query(`SELECT COALESCE(MAX(version), 0) AS v FROM ${t} WHERE case_id = $1`, [caseId])).rows[0].v)

  return {
    pool,
    schema,
    append: async (caseId, expectedVersion, events: ReadonlyArray<CaseEvent>) => {
      guard("append")
      const rows = encodeBatch(caseId, expectedVersion, events)
      if (Result.isFailure(rows)) return rows.failure
      const n = rows.success.length
      try {
        if (n === 0 || expectedVersion + n > MAX_VERSION) {
          const v = await versionOf(caseId)
          return v === expectedVersion && n === 0
            ? { _tag: "Appended", caseId, version: v }
            : new EventStore.Conflict({ caseId, expectedVersion, actualVersion: v })
        }
        const written = await withClient(pool, async (c) => {
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
            if (inserted.rowCount !== n) {
              await c.query("ROLLBACK")
              return false
            }
            await c.query("COMMIT")
            return true
          } catch (e) {
            if (!isUniqueViolation(e)) throw e // the connection is discarded: the server rolls the transaction back
            await c.query("ROLLBACK")
            return false
          }
        })
        return written
          ? { _tag: "Appended", caseId, version: expectedVersion + n }
          : new EventStore.Conflict({ caseId, expectedVersion, actualVersion: await versionOf(caseId) })
      } catch (e) {
        throw toStoreError("append", e)
      }
    },
    read: async (caseId) => {
      guard("read")
      try {
        const r = await pool.query(`SELECT version, json FROM ${t} WHERE case_id = $1 ORDER BY version`, [caseId])
        return r.rows.map((row, i) => {
          checkContiguous(caseId, i + 1, Number(row.version))
          return decodeStoredOrThrow(caseId, Number(row.version), row.json)
        })
      } catch (e) {
        throw toStoreError("read", e)
      }
    },
    version: async (caseId) => {
      guard("version")
      try {
        return await versionOf(caseId)
      } catch (e) {
        throw toStoreError("version", e)
      }
    },
    readAll: (fromPosition = 0) => ({
      async *[Symbol.asyncIterator]() {
        guard("readAll")
        let next = Math.max(0, Math.ceil(fromPosition))
        for (;;) {
          let page: pg.QueryResult
          try {
            page = await pool.query(
              `SELECT position, case_id, version, json FROM ${t} WHERE position >= $1 ORDER BY position LIMIT 1000`,
              [next]
            )
          } catch (e) {
            throw toStoreError("readAll", e)
          }
          if (page.rows.length === 0) return
          for (const r of page.rows) {
            yield {
              position: Number(r.position),
              caseId: r.case_id as string,
              version: Number(r.version),
              event: decodeStoredOrThrow(r.case_id, Number(r.version), r.json)
            }
          }
          next = Number(page.rows[page.rows.length - 1].position) + 1
        }
      }
    }),
    integrityCheck: async () => {
      try {
        const r = await pool.query(
          `SELECT COUNT(*) AS bad FROM (SELECT case_id FROM ${t} GROUP BY case_id HAVING COUNT(*) <> MAX(version) OR MIN(version) <> 1) x`
        )
        return Number(r.rows[0].bad) === 0
      } catch (e) {
        throw toStoreError("integrityCheck", e)
      }
    },
    close: async () => {
      if (closed) return
      closed = true
      if (!ownPool) {
        pool.off("error", onPoolError)
        return
      }
      try {
        await pool.end()
      } catch (e) {
        throw toStoreError("close", e)
      }
    }
  }
}

/**
 * The PostgreSQL store as an Effect Layer (`EventStore.Store`).
 *
 * The example needs a PostgreSQL server: it is typechecked, not run.
 *
 * @example
 * ```ts no-run
 * import { Effect } from "effect"
 * import { EventStore } from "@homeward/core"
 * import { layer } from "@homeward/store-postgres"
 *
 * const StoreLive = layer({ connectionString: process.env.DATABASE_URL ?? "" })
 * const program = Effect.gen(function* () {
 *   const store = yield* EventStore.Store
 *   return yield* store.version("case-1")
 * })
 * await Effect.runPromise(Effect.provide(program, StoreLive))
 * ```
 *
 * @since 0.1.0
 */
export const layer = (options: PostgresStoreOptions) => EventStore.layer(() => openPostgresStore(options))
