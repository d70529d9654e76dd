import type { ConnectionRecord, ConnectionRepository } from '../connections.js';
import type { SqlContext } from './sql-context.js';
import { type ConnectionRow, toRecord } from '../rows/connections-rows.js';

export class SqliteConnections implements ConnectionRepository {
  constructor(private readonly sql: SqlContext) {}

  list(): Promise<ConnectionRecord[]> {
    return this.sql.gate(() =>
      (this.sql.stmt('SELECT * FROM connections ORDER BY name').all() as ConnectionRow[]).map(toRecord),
    );
  }

  get(name: string): Promise<ConnectionRecord | null> {
    return this.sql.gate(() => {
      const row = this.sql.stmt('SELECT * FROM connections WHERE name = ?').get(name) as
        ConnectionRow | undefined;
      return row ? toRecord(row) : null;
    });
  }

  put(c: ConnectionRecord): Promise<boolean> {
    return this.sql.gate(() => {
      const existed = this.sql.stmt('SELECT 1 FROM connections WHERE name = ?').get(c.name) !== undefined;
      this.sql
        .stmt(
          `INSERT INTO connections (name, kind, config, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, config = excluded.config,
             secret = excluded.secret, updated_at = excluded.updated_at`,
        )
        .run(c.name, c.kind, JSON.stringify(c.config), c.secret, c.createdAt, c.updatedAt);
      return !existed;
    });
  }

  delete(name: string): Promise<boolean> {
    return this.sql.gate(() => this.sql.stmt('DELETE FROM connections WHERE name = ?').run(name).changes > 0);
  }

  countWithSecrets(): Promise<number> {
    return this.sql.gate(
      () =>
        (
          this.sql.stmt('SELECT COUNT(*) AS n FROM connections WHERE secret IS NOT NULL').get() as {
            n: number;
          }
        ).n,
    );
  }
}
