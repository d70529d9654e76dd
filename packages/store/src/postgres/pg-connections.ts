import type { ConnectionRecord, ConnectionRepository } from '../connections.js';
import type { PgContext } from './pg-context.js';
import { type ConnectionRow, toRecord } from '../rows/connections-rows.js';

const COLUMNS = 'name, kind, config, secret, created_at, updated_at';

export class PgConnections implements ConnectionRepository {
  constructor(private readonly sql: PgContext) {}

  async list(): Promise<ConnectionRecord[]> {
    return (await this.sql.rows<ConnectionRow>(`SELECT ${COLUMNS} FROM connections ORDER BY name`)).map(
      toRecord,
    );
  }

  async get(name: string): Promise<ConnectionRecord | null> {
    const row = await this.sql.one<ConnectionRow>(`SELECT ${COLUMNS} FROM connections WHERE name = $1`, [
      name,
    ]);
    return row ? toRecord(row) : null;
  }

  async put(c: ConnectionRecord): Promise<boolean> {
    // xmax = 0 only on a freshly inserted row: one statement answers "created?" without a race.
    const row = await this.sql.one<{ created: boolean }>(
      `INSERT INTO connections (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, config = excluded.config,
         secret = excluded.secret, updated_at = excluded.updated_at
       RETURNING (xmax = 0) AS created`,
      [c.name, c.kind, JSON.stringify(c.config), c.secret, c.createdAt, c.updatedAt],
    );
    return row!.created;
  }

  async delete(name: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM connections WHERE name = $1', [name])) > 0;
  }

  async countWithSecrets(): Promise<number> {
    return (await this.sql.one<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM connections WHERE secret IS NOT NULL',
    ))!.n;
  }
}
