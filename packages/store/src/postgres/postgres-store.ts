import type pg from 'pg';
import type { MigrationState, Repositories, Store } from '../store.js';
import { inTransaction, PgContext } from './pg-context.js';
import { PgAudit } from './pg-audit.js';
import { PgAuth } from './pg-auth.js';
import { PgBaselines } from './pg-baselines.js';
import { PgBatches } from './pg-batches.js';
import { PgConnections } from './pg-connections.js';
import { PgDeadLetters } from './pg-dead-letters.js';
import { PgFlows } from './pg-flows.js';
import { PgLedger } from './pg-ledger.js';
import { PgMetrics } from './pg-metrics.js';
import { applyPgMigrations, checkSchemaName, currentPgMigration } from './pg-migrate.js';
import { PG_LATEST_MIGRATION } from './pg-migrations.js';
import { PgNotifications } from './pg-notifications.js';
import { PgOwners } from './pg-owners.js';
import { PgPlaybook } from './pg-playbook.js';
import { PgRuns } from './pg-runs.js';
import { PgSchedules } from './pg-schedules.js';
import { PgVersions } from './pg-versions.js';

export interface PostgresStoreOptions {
  connectionString: string;
  /** schema to use (created if missing); default 'public' */
  schema?: string;
  poolSize?: number;
  /** run migrations on open (default true) */
  migrate?: boolean;
  /** Stop migrating at this migration (tests use it to make an "old" schema). */
  migrateTo?: number;
}

function repositories(sql: PgContext): Repositories {
  return {
    flows: new PgFlows(sql),
    versions: new PgVersions(sql),
    runs: new PgRuns(sql),
    ledger: new PgLedger(sql),
    auth: new PgAuth(sql),
    audit: new PgAudit(sql),
    connections: new PgConnections(sql),
    deadLetters: new PgDeadLetters(sql),
    owners: new PgOwners(sql),
    notifications: new PgNotifications(sql),
    schedules: new PgSchedules(sql),
    batches: new PgBatches(sql),
    metrics: new PgMetrics(sql),
    baselines: new PgBaselines(sql),
    playbook: new PgPlaybook(sql),
  };
}

/**
 * Every connection of the pool has the schema as its search_path (a startup parameter, so it
 * holds from the first query), which is how the repositories' unqualified SQL finds its tables.
 * `pg` is imported here, on first use, not with the package: an embedded (SQLite) Baton never
 * loads it (~15 MB of RSS).
 */
async function createPool(options: PostgresStoreOptions, schema: string): Promise<pg.Pool> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: Math.max(1, Math.trunc(options.poolSize ?? 10)),
    options: `-c search_path=${schema}`,
    application_name: 'baton',
  });
  // An idle client losing its connection (a server restart) must not crash the process; the
  // pool drops it and the next query opens a fresh one.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Outside `transaction`, each repository call takes any pooled connection (several at once run
 * in parallel, unlike SQLite's single writer); multi-statement methods open their own short
 * transaction. Inside `transaction`, the repositories are bound to its one client.
 */
class PostgresStore implements Store {
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
  private closed: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    readonly migration: MigrationState,
  ) {
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
    } = repositories(PgContext.forPool(pool)));
  }

  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (client) =>
      fn(repositories(PgContext.forTransaction(this.pool, client))),
    );
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }
}

async function migrateOn(
  pool: pg.Pool,
  schema: string,
  options: PostgresStoreOptions,
): Promise<MigrationState> {
  const migrate = options.migrate ?? true;
  const appliedNow = migrate ? await applyPgMigrations(pool, schema, options.migrateTo) : [];
  const current = await currentPgMigration(pool, schema);
  if (current > PG_LATEST_MIGRATION) {
    throw new Error(
      `database is at migration ${current}, newer than this Baton knows (${PG_LATEST_MIGRATION}); upgrade Baton`,
    );
  }
  return { current, appliedNow };
}

/**
 * Opens Baton's store on PostgreSQL and (unless `migrate: false`) brings the schema to the
 * latest migration. Several processes may open the same schema at once (cluster mode).
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const schema = checkSchemaName(options.schema ?? 'public');
  const pool = await createPool(options, schema);
  try {
    const migration = await migrateOn(pool, schema, options);
    return new PostgresStore(pool, migration);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** Brings the schema to the latest migration without keeping a store open (`baton migrate`). */
export async function migratePostgres(options: PostgresStoreOptions): Promise<MigrationState> {
  const schema = checkSchemaName(options.schema ?? 'public');
  const pool = await createPool({ ...options, poolSize: 1 }, schema);
  try {
    return await migrateOn(pool, schema, { ...options, migrate: true });
  } finally {
    await pool.end();
  }
}

export { PG_MIGRATIONS, PG_LATEST_MIGRATION } from './pg-migrations.js';
