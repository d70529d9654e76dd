import type pg from 'pg';
import type { ColumnSpec, UpsertRequest, WriteTargets } from '@baton/nodes';
import { realSleep, TargetError, withRetries, type RetryPolicy, type Sleep } from './retry-policy.js';

export interface PostgresTargetConfig {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string | undefined;
  /** Tables are created and written in this schema. */
  schema: string;
  ssl: boolean;
}

type Action = 'inserted' | 'updated' | 'skipped';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new TargetError(`"${name}" is not a valid SQL identifier`, false);
  return `"${name}"`;
}

function pgType(type: string | undefined): string {
  switch (type) {
    case 'integer':
      return 'bigint';
    case 'number':
      return 'double precision';
    case 'boolean':
      return 'boolean';
    default:
      return 'text';
  }
}

/** Values arrive as JSON; objects and arrays are stored as their JSON text. */
function toPgValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Failures a retry may cure: server restarting, too many clients, deadlock, two writers creating one table. */
const TRANSIENT = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P03',
  '53300',
  '40001',
  '40P01',
  '23505',
  '42P07',
]);

/**
 * A table in PostgreSQL, written with `INSERT … ON CONFLICT (key) DO UPDATE`: running a record
 * twice has the effect of running it once. Like the embedded target it creates the table (and a
 * UNIQUE index on the key) on first write and adds columns rows bring later.
 */
export class PostgresTarget implements WriteTargets {
  private readonly pool: pg.Pool;
  private readonly known = new Map<string, Set<string>>();

  /**
   * `pg` is imported here, when the first PostgreSQL connection is used, so that a Baton
   * without one never loads it (~15 MB of RSS).
   */
  static async open(
    config: PostgresTargetConfig,
    retry?: RetryPolicy,
    sleep?: Sleep,
  ): Promise<PostgresTarget> {
    const { default: driver } = await import('pg');
    return new PostgresTarget(driver, config, retry, sleep);
  }

  private constructor(
    driver: typeof pg,
    private readonly config: PostgresTargetConfig,
    private readonly retry: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2000 },
    private readonly sleep: Sleep = realSleep,
  ) {
    this.pool = new driver.Pool({
      host: config.host,
      port: config.port,
      database: config.database,
      user: config.user,
      password: config.password,
      ssl: config.ssl ? { rejectUnauthorized: true } : false,
      max: 4,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  upsert(request: UpsertRequest): Promise<{ action: Action }> {
    return withRetries(this.retry, () => this.write(request), { sleep: this.sleep });
  }

  async preview(request: UpsertRequest): Promise<{ action: Action }> {
    const table = `${ident(this.config.schema)}.${ident(request.target.table)}`;
    const where = request.keyFields.map((k, i) => `${ident(k)} = $${i + 1}`).join(' AND ');
    try {
      const res = await this.pool.query(
        `SELECT 1 FROM ${table} WHERE ${where} LIMIT 1`,
        request.keyFields.map((k) => toPgValue(request.row[k])),
      );
      if (res.rowCount === 0) return { action: 'inserted' };
      return { action: request.onConflict === 'skip' ? 'skipped' : 'updated' };
    } catch {
      return { action: 'inserted' }; // no table yet
    }
  }

  /** For the connection test: answers the server version. */
  async ping(): Promise<string> {
    const res = await this.pool.query<{ version: string }>('SELECT version()');
    return res.rows[0]?.version ?? 'unknown';
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async write(request: UpsertRequest): Promise<{ action: Action }> {
    const { keyFields, row } = request;
    const names = Object.keys(row);
    for (const name of [...names, ...keyFields]) ident(name);
    for (const key of keyFields) {
      if (row[key] === undefined || row[key] === null)
        throw new TargetError(`key field ${key} is missing`, false);
    }
    const client = await this.pool.connect().catch((error: NodeJS.ErrnoException) => {
      throw new TargetError(`cannot connect to PostgreSQL: ${error.message}`, true);
    });
    try {
      await this.ensureTable(client, request.target.table, keyFields, request.columns, names);
      const table = `${ident(this.config.schema)}.${ident(request.target.table)}`;
      const updates = names
        .filter((n) => !keyFields.includes(n))
        .map((n) => `${ident(n)} = EXCLUDED.${ident(n)}`);
      const conflict =
        request.onConflict === 'skip' || updates.length === 0
          ? 'DO NOTHING'
          : `DO UPDATE SET ${updates.join(', ')}`;
      // xmax = 0 on the returned row means the row was inserted, not updated.
      const res = await client.query<{ inserted: boolean }>(
        `INSERT INTO ${table} (${names.map(ident).join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (${keyFields.map(ident).join(', ')}) ${conflict} RETURNING (xmax = 0) AS inserted`,
        names.map((n) => toPgValue(row[n])),
      );
      const first = res.rows[0];
      if (!first) return { action: 'skipped' };
      return { action: first.inserted ? 'inserted' : 'updated' };
    } catch (error) {
      if (error instanceof TargetError) throw error;
      const code = (error as { code?: string }).code ?? '';
      this.known.delete(request.target.table);
      throw new TargetError(`PostgreSQL: ${(error as Error).message}`, TRANSIENT.has(code));
    } finally {
      client.release();
    }
  }

  private async ensureTable(
    client: pg.PoolClient,
    table: string,
    keyFields: readonly string[],
    columns: readonly ColumnSpec[],
    names: readonly string[],
  ): Promise<void> {
    const wanted = new Map<string, string | undefined>(columns.map((c) => [c.name, c.type]));
    for (const n of [...keyFields, ...names]) if (!wanted.has(n)) wanted.set(n, undefined);
    let present = this.known.get(table);
    if (present && [...wanted.keys()].every((n) => present!.has(n))) return;
    const qualified = `${ident(this.config.schema)}.${ident(table)}`;
    const defs = [...wanted].map(([n, t]) => `${ident(n)} ${pgType(t)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${qualified} (${defs.join(', ')})`);
    for (const def of defs) await client.query(`ALTER TABLE ${qualified} ADD COLUMN IF NOT EXISTS ${def}`);
    const index = ident(`${table}__key__${keyFields.join('__')}`.slice(0, 63));
    await client.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS ${index} ON ${qualified} (${keyFields.map(ident).join(', ')})`,
    );
    present = new Set(wanted.keys());
    this.known.set(table, present);
  }
}
