import type pg from 'pg';

type Serial = <T>(op: () => Promise<T>) => Promise<T>;

/** Runs operations one after another, in call order, whether or not earlier ones failed. */
function serialQueue(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(op: () => Promise<T>): Promise<T> => {
    const result = tail.then(op, op);
    tail = result.catch(() => undefined);
    return result;
  };
}

/**
 * What a PostgreSQL repository needs: somewhere to send queries and a way to make several
 * statements one unit. Outside `Store.transaction` queries go to the pool (any connection);
 * inside it they go to the transaction's one client, one call at a time: a caller may
 * `Promise.all` repository calls (harmless on SQLite), and on one client their statements would
 * otherwise interleave with each other's savepoints.
 */
export class PgContext {
  private constructor(
    private readonly pool: pg.Pool,
    /** The transaction's client, or null when not inside `Store.transaction`. */
    private readonly client: pg.PoolClient | null,
    /** Set on a transaction's top-level context; null inside an `atomic` (already serialised). */
    private readonly serial: Serial | null,
    private readonly savepoints: { count: number },
  ) {}

  static forPool(pool: pg.Pool): PgContext {
    return new PgContext(pool, null, null, { count: 0 });
  }

  static forTransaction(pool: pg.Pool, client: pg.PoolClient): PgContext {
    return new PgContext(pool, client, serialQueue(), { count: 0 });
  }

  private exec<T>(op: () => Promise<T>): Promise<T> {
    return this.serial ? this.serial(op) : op();
  }

  private query(sql: string, params: readonly unknown[]): Promise<pg.QueryResult> {
    return this.exec(() => (this.client ?? this.pool).query(sql, params as unknown[]));
  }

  async rows<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.query(sql, params)).rows as R[];
  }

  async one<R>(sql: string, params: readonly unknown[] = []): Promise<R | undefined> {
    return (await this.rows<R>(sql, params))[0];
  }

  /** Runs a statement and answers how many rows it touched. */
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  /**
   * Runs `fn` as one unit. Outside a transaction: BEGIN/COMMIT on a pooled client. Inside one:
   * a savepoint, because PostgreSQL aborts the whole transaction on any error, while callers
   * (like SQLite's nested transactions) expect a failed method to leave the unit of work usable.
   */
  atomic<T>(fn: (sql: PgContext) => Promise<T>): Promise<T> {
    const client = this.client;
    if (!client) {
      return inTransaction(this.pool, (c) => fn(new PgContext(this.pool, c, null, { count: 0 })));
    }
    return this.exec(async () => {
      const name = `baton_sp_${++this.savepoints.count}`;
      const inner = new PgContext(this.pool, client, null, this.savepoints);
      await client.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(inner);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    });
  }
}

/** BEGIN … COMMIT on one pooled client; ROLLBACK (and a discarded client if that fails) on error. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is unusable; release(error) destroys it instead of pooling it.
        broken = rollbackError as Error;
      }
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

// Re-exported so repositories that read JSON beside context helpers keep one import.
export { parseJson } from '../rows/parse-json.js';

/** `$1, $2, …` rows for a multi-row INSERT of `rows` rows of `width` values each. */
export function valuesList(rows: number, width: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(`$${r * width + c}`);
    tuples.push(`(${cells.join(', ')})`);
  }
  return tuples.join(', ');
}

/** Splits a batch so one INSERT stays well under PostgreSQL's 65,535 bind parameters. */
export function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
