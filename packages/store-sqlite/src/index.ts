/**
 * @homeward/store-sqlite: the embedded SQLite event store for Homeward cases.
 *
 * @since 0.1.0
 */
export { layer, migrations, openSqliteStore, type SqliteEventStore, type SqliteStoreOptions } from "./SqliteStore.js"
