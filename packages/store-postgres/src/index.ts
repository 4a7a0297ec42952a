/**
 * @homeward/store-postgres: the PostgreSQL event store for Homeward cases.
 *
 * @since 0.1.0
 */
export {
  layer,
  migrations,
  openPostgresStore,
  type PostgresEventStore,
  type PostgresStoreOptions
} from "./PostgresStore.js"
