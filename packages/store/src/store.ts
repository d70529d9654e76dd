import type { ConnectionRepository } from './connections.js';
import type { DeadLetterRepository } from './dead-letters.js';
import type { AuditReader, AuditRepository } from './audit.js';
import type { BatchRepository } from './batches.js';
import type { ScheduleRepository } from './schedules.js';
import type { BaselineRepository } from './baselines.js';
import type { FlowRepository } from './flows.js';
import type { MetricsRepository } from './metrics.js';
import type { LedgerRepository } from './ledger.js';
import type { NotificationRepository } from './notifications.js';
import type { OwnerRepository } from './owners.js';
import type { PlaybookRepository } from './playbook-repository.js';
import type { RunRepository } from './runs.js';
import type { AuthRepository } from './users.js';
import type { VersionRepository } from './versions.js';

export interface Repositories {
  flows: FlowRepository;
  versions: VersionRepository;
  runs: RunRepository;
  ledger: LedgerRepository;
  auth: AuthRepository;
  audit: AuditRepository;
  connections: ConnectionRepository;
  deadLetters: DeadLetterRepository;
  owners: OwnerRepository;
  notifications: NotificationRepository;
  schedules: ScheduleRepository;
  batches: BatchRepository;
  metrics: MetricsRepository;
  baselines: BaselineRepository;
  playbook: PlaybookRepository;
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
export interface Store extends Omit<Repositories, 'audit'> {
  /** Read-only here: entries are appended through a transaction's `tx.audit`, with their change. */
  readonly audit: AuditReader;
  readonly migration: MigrationState;
  /**
   * Unit of work: everything `fn` does through `tx` commits together or not at all. Inside `fn`
   * use only `tx` (the store's own repositories wait for the transaction to end, so a call through
   * them there waits for itself: on SQLite it fails with `StoreTransactionStuckError` after 30 s and
   * the unit of work rolls back) and do no slow I/O: the transaction holds the database.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query; for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
