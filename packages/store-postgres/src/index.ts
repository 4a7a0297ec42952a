/**
 * @homeward/store-postgres: the PostgreSQL event store for Homeward cases.
 *
 * @since 0.1.0
 */
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  layer,
  migrations,
  openPostgresStore,
  type PostgresEventStore,
  type PostgresStoreOptions
} from "./PostgresStore.js"
