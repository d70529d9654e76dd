export * from './errors.js';
export * from './flows.js';
export * from './versions.js';
export * from './runs.js';
export * from './ledger.js';
export * from './store.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { MIGRATIONS, applyMigrations } from './sqlite/migrations.js';
