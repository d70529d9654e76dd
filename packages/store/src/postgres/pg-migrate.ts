import type pg from 'pg';
import { PG_LATEST_MIGRATION, PG_MIGRATIONS } from './pg-migrations.js';

/** A schema name we put into SQL and `search_path` as is: plain lower-case identifiers only. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name ${JSON.stringify(schema)}: use [a-z_][a-z0-9_]*`);
  }
  return schema;
}

async function appliedIds(client: pg.PoolClient): Promise<Set<number>> {
  const result = await client.query<{ id: number }>('SELECT id FROM schema_migrations');
  return new Set(result.rows.map((r) => r.id));
}

async function ensureBookkeeping(client: pg.PoolClient, schema: string): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
}

/** Highest migration recorded (0 for an empty schema); creates nothing. */
export async function currentPgMigration(pool: pg.Pool, schema: string): Promise<number> {
  const exists = await pool.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [
    `${schema}.schema_migrations`,
  ]);
  if (exists.rows[0]?.t == null) return 0;
  const row = await pool.query<{ id: number | null }>(
    `SELECT MAX(id) AS id FROM ${schema}.schema_migrations`,
  );
  return row.rows[0]?.id ?? 0;
}

/**
 * Applies every migration not recorded yet, in id order, each in its own transaction together
 * with its `schema_migrations` row. Cluster nodes start at the same time, so the whole run holds
 * a session advisory lock keyed by the schema: the second process waits, then finds everything
 * applied. Refuses a schema migrated by a newer Baton.
 */
export async function applyPgMigrations(
  pool: pg.Pool,
  schema: string,
  upTo: number = PG_LATEST_MIGRATION,
): Promise<number[]> {
  const client = await pool.connect();
  const lockKey = `baton:migrate:${schema}`;
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      await ensureBookkeeping(client, schema);
      await client.query(`SET search_path TO ${schema}`);
      const done = await appliedIds(client);
      const current = Math.max(0, ...done);
      if (current > PG_LATEST_MIGRATION) {
        throw new Error(
          `database is at migration ${current}, newer than this Baton knows (${PG_LATEST_MIGRATION}); upgrade Baton`,
        );
      }
      const applied: number[] = [];
      for (const migration of [...PG_MIGRATIONS].sort((a, b) => a.id - b.id)) {
        if (done.has(migration.id) || migration.id > upTo) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [
            migration.id,
            migration.name,
            new Date().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        applied.push(migration.id);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
      // The pooled client goes back with the pool's own search_path.
      await client.query('RESET search_path');
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // A client that saw an error is discarded rather than pooled with unknown session state.
    client.release(broken);
  }
}
