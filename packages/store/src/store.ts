import type { FlowRepository } from './flows.js';
import type { LedgerRepository } from './ledger.js';
import type { RunRepository } from './runs.js';
import type { VersionRepository } from './versions.js';

export interface Repositories {
  flows: FlowRepository;
  versions: VersionRepository;
  runs: RunRepository;
  ledger: LedgerRepository;
}

export interface MigrationState {
  /** Highest migration applied to the database. */
  current: number;
  /** Migrations applied when this store was opened (empty when it was up to date). */
  appliedNow: number[];
}

/**
 * Baton's own database. Every method returns a Promise so a PostgreSQL implementation can
 * follow without touching callers, even though SQLite does its work synchronously inside.
 */
export interface Store extends Repositories {
  readonly migration: MigrationState;
  /**
   * Unit of work: everything `fn` does through `tx` commits together or not at all. Inside `fn`
   * use only `tx` (the store's own repositories wait for the transaction to end, so using them
   * there would deadlock) and do no slow I/O: the transaction holds the database.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query; for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
