import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { MigrationState, Repositories, Store } from '../store.js';
import { StoreTransactionStuckError } from '../errors.js';
import { applyMigrations, currentMigration, LATEST_MIGRATION } from './migrations.js';
import { SqlContext, type Gate } from './sql-context.js';
import { SqliteAudit } from './sqlite-audit.js';
import { SqliteAuth } from './sqlite-auth.js';
import { SqliteBatches } from './sqlite-batches.js';
import { SqliteConnections } from './sqlite-connections.js';
import { SqliteDeadLetters } from './sqlite-dead-letters.js';
import { SqliteFlows } from './sqlite-flows.js';
import { SqliteLedger } from './sqlite-ledger.js';
import { SqliteBaselines } from './sqlite-baselines.js';
import { SqliteMetrics } from './sqlite-metrics.js';
import { SqliteNotifications } from './sqlite-notifications.js';
import { SqliteOwners } from './sqlite-owners.js';
import { SqlitePlaybook } from './sqlite-playbook.js';
import { SqliteRuns } from './sqlite-runs.js';
import { SqliteSchedules } from './sqlite-schedules.js';
import { SqliteVersions } from './sqlite-versions.js';

export interface SqliteStoreOptions {
  /** Path of the database file; its folder is created when missing. */
  file: string;
  /** Milliseconds to wait for another connection's write lock before failing. */
  busyTimeoutMs?: number;
  /** Stop migrating at this migration (tests use it to make an "old" file). */
  migrateTo?: number;
  /**
   * Calls waiting for a transaction fail after it has been open this long (ms; default 30 s):
   * see `StoreTransactionStuckError`. Units of work take milliseconds; 30 s is never legitimate.
   */
  stuckTransactionMs?: number;
}

const DEFAULT_STUCK_TRANSACTION_MS = 30_000;

function repositories(sql: SqlContext): Repositories {
  return {
    flows: new SqliteFlows(sql),
    versions: new SqliteVersions(sql),
    runs: new SqliteRuns(sql),
    ledger: new SqliteLedger(sql),
    auth: new SqliteAuth(sql),
    audit: new SqliteAudit(sql),
    connections: new SqliteConnections(sql),
    deadLetters: new SqliteDeadLetters(sql),
    owners: new SqliteOwners(sql),
    notifications: new SqliteNotifications(sql),
    schedules: new SqliteSchedules(sql),
    batches: new SqliteBatches(sql),
    metrics: new SqliteMetrics(sql),
    baselines: new SqliteBaselines(sql),
    playbook: new SqlitePlaybook(sql),
  };
}

/**
 * better-sqlite3 is synchronous, but callers `await` between statements, and one connection
 * has one transaction. While a unit of work is open, anything else that reaches the
 * connection would silently join it; so every call outside the transaction waits at a gate
 * until the transaction has ended. Calls inside it use the transaction's own repositories.
 */
class SqliteStore implements Store {
  readonly flows;
  readonly versions;
  readonly runs;
  readonly ledger;
  readonly auth;
  readonly audit;
  readonly connections;
  readonly deadLetters;
  readonly owners;
  readonly notifications;
  readonly schedules;
  readonly batches;
  readonly metrics;
  readonly baselines;
  readonly playbook;
  private readonly tx: Repositories;
  /**
   * The open transaction: resolves when it ends, or rejects with `StoreTransactionStuckError`
   * once it has been open `stuckTransactionMs` (everything waiting for it then fails).
   */
  private busy: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    readonly migration: MigrationState,
    private readonly stuckTransactionMs: number = DEFAULT_STUCK_TRANSACTION_MS,
  ) {
    const gated: Gate = async (op) => {
      // Checked and acted on in one continuation: a helper awaited here would add a tick in which
      // a transaction could begin, and `op` would silently join it.
      while (this.busy) await this.busy;
      return op();
    };
    const direct: Gate = async (op) => op();
    const sql = new SqlContext(db, gated);
    ({
      flows: this.flows,
      versions: this.versions,
      runs: this.runs,
      ledger: this.ledger,
      auth: this.auth,
      audit: this.audit,
      connections: this.connections,
      deadLetters: this.deadLetters,
      owners: this.owners,
      notifications: this.notifications,
      schedules: this.schedules,
      batches: this.batches,
      metrics: this.metrics,
      baselines: this.baselines,
      playbook: this.playbook,
    } = repositories(sql));
    this.tx = repositories(sql.withGate(direct));
  }

  async transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    // The last check and the claim below run in one continuation (see `gated`); a waiter behind a
    // stuck transaction throws here (see `busy`).
    while (this.busy) await this.busy;
    let release!: () => void;
    let fail!: (error: Error) => void;
    const busy = new Promise<void>((resolve, reject) => {
      release = resolve;
      fail = reject;
    });
    // Only waiters should see the rejection; with none waiting it must not be "unhandled".
    busy.catch(() => undefined);
    this.busy = busy;
    // One timer per transaction, not per waiter: the runner's group commits are hot.
    const watchdog = setTimeout(
      () => fail(new StoreTransactionStuckError(this.stuckTransactionMs)),
      this.stuckTransactionMs,
    );
    watchdog.unref();
    try {
      // IMMEDIATE takes the write lock now, so a concurrent writer (another process) waits at
      // BEGIN under busy_timeout instead of failing half-way through the unit of work.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      clearTimeout(watchdog);
      this.busy = null;
      release();
    }
  }

  async ping(): Promise<void> {
    while (this.busy) await this.busy;
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.busy) await this.busy;
    this.closed = true;
    this.db.close();
  }
}

/** Opens (creating if needed) Baton's SQLite database and brings it to the latest migration. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the webhook is acknowledged (durable intake).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    // better-sqlite3 builds SQLite with a 16 MB page cache per connection, which fills (and stays
    // resident) under webhook load; 4 MiB keeps the hot index pages, the OS page cache the rest.
    db.pragma('cache_size = -4096');
    const appliedNow = applyMigrations(db, options.migrateTo ?? LATEST_MIGRATION);
    return new SqliteStore(db, { current: currentMigration(db), appliedNow }, options.stuckTransactionMs);
  } catch (error) {
    db.close();
    throw error;
  }
}
