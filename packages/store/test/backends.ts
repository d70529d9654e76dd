import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openPostgresStore } from '../src/postgres/postgres-store.js';
import { openSqliteStore } from '../src/sqlite/sqlite-store.js';
import type { Store } from '../src/store.js';

/**
 * A store implementation as the shared suites see it. Every suite written against this runs
 * on SQLite and on PostgreSQL alike; call a factory at a test file's top level (it registers
 * its own clean-up).
 */
export interface TestBackend {
  name: string;
  /** A store on an empty database of its own. */
  open: () => Promise<Store>;
  /** Another store on the same database as `store` (a restart, or a second process). */
  reopen: (store: Store) => Promise<Store>;
}

export function sqliteBackend(): TestBackend {
  const root = mkdtempSync(join(tmpdir(), 'baton-store-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const files = new WeakMap<Store, string>();
  let counter = 0;
  const openFile = async (file: string) => {
    const store = await openSqliteStore({ file });
    files.set(store, file);
    return store;
  };
  return {
    name: 'SQLite',
    open: () => openFile(join(root, `db-${++counter}`, 'baton.sqlite')),
    reopen: (store) => openFile(files.get(store)!),
  };
}

/** The test server's PostgreSQL (trust auth); `BATON_TEST_PG_URL` points elsewhere. */
export const TEST_PG_URL = process.env.BATON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test (or helper sharing the database) uses. */
export const randomSchema = () => `baton_t_${randomBytes(6).toString('hex')}`;

/** Drops the schemas a test file made, when it ends. */
export function schemaJanitor(): (schema: string) => string {
  const schemas: string[] = [];
  afterAll(async () => {
    if (schemas.length === 0) return;
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schemas.join(', ')} CASCADE`);
    } finally {
      await client.end();
    }
  }, 60_000);
  return (schema) => {
    schemas.push(schema);
    return schema;
  };
}

/**
 * Empties a migrated schema back to what the migrations left in it (seed rows included): far
 * cheaper than migrating a new schema for every test. Snapshots on first use.
 */
class SchemaReset {
  private seed: Array<{ table: string; rows: string }> | null = null;
  private tables: string[] = [];

  constructor(private readonly schema: string) {}

  private async withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${this.schema}`);
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  snapshot(): Promise<void> {
    return this.withClient(async (client) => {
      const tables = await client.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'`,
        [this.schema],
      );
      this.tables = tables.rows.map((r) => r.tablename);
      this.seed = [];
      for (const table of this.tables) {
        const { rows } = await client.query<{ rows: string | null }>(
          `SELECT json_agg(t)::text AS rows FROM ${table} t`,
        );
        if (rows[0]?.rows) this.seed.push({ table, rows: rows[0].rows });
      }
    });
  }

  restore(): Promise<void> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      // DELETE, not TRUNCATE (which makes new files for every table: slow on a busy machine);
      // replica mode skips the triggers, the audit log's append-only guard and foreign keys alike.
      await client.query('SET LOCAL session_replication_role = replica');
      for (const table of this.tables) await client.query(`DELETE FROM ${table}`);
      for (const { table, rows } of this.seed ?? []) {
        await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1)`, [
          rows,
        ]);
      }
      await client.query('COMMIT');
    });
  }

  get ready(): boolean {
    return this.seed !== null;
  }
}

/**
 * One schema `baton_t_<random>` per test file, dropped when the file ends; every `open()` gives
 * a store on it emptied back to its freshly migrated state, so each test starts clean.
 */
export function postgresBackend(): TestBackend {
  const schema = schemaJanitor()(randomSchema());
  const reset = new SchemaReset(schema);
  const connect = () => openPostgresStore({ connectionString: TEST_PG_URL, schema, poolSize: 4 });
  return {
    name: 'PostgreSQL',
    open: async () => {
      if (reset.ready) {
        await reset.restore();
        return connect();
      }
      const store = await connect();
      await reset.snapshot();
      return store;
    },
    reopen: () => connect(),
  };
}
