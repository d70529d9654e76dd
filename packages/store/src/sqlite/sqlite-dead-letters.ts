import type { DeadLetter, DeadLetterRepository } from '../dead-letters.js';
import type { SqlContext } from './sql-context.js';
import { type DeadLetterRow, toDeadLetter, deadLetterParams } from '../rows/dead-letters-rows.js';

export class SqliteDeadLetters implements DeadLetterRepository {
  constructor(private readonly sql: SqlContext) {}

  add(entry: Omit<DeadLetter, 'retriedBy' | 'retriedAt'>): Promise<void> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          `INSERT OR IGNORE INTO dead_letters (run_id, flow_id, version, record_key, error, attempts, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...deadLetterParams(entry));
    });
  }

  get(runId: string): Promise<DeadLetter | null> {
    return this.sql.gate(() => {
      const row = this.sql.stmt('SELECT * FROM dead_letters WHERE run_id = ?').get(runId) as
        DeadLetterRow | undefined;
      return row ? toDeadLetter(row) : null;
    });
  }

  listOpen(query: { flowId?: string; limit: number }): Promise<DeadLetter[]> {
    return this.sql.gate(() => {
      const rows =
        query.flowId === undefined
          ? this.sql
              .stmt('SELECT * FROM dead_letters WHERE retried_by IS NULL ORDER BY created_at DESC LIMIT ?')
              .all(query.limit)
          : this.sql
              .stmt(
                `SELECT * FROM dead_letters WHERE retried_by IS NULL AND flow_id = ?
                 ORDER BY created_at DESC LIMIT ?`,
              )
              .all(query.flowId, query.limit);
      return (rows as DeadLetterRow[]).map(toDeadLetter);
    });
  }

  markRetried(runId: string, retryRunId: string, at: string): Promise<boolean> {
    return this.sql.gate(
      () =>
        this.sql
          .stmt(
            'UPDATE dead_letters SET retried_by = ?, retried_at = ? WHERE run_id = ? AND retried_by IS NULL',
          )
          .run(retryRunId, at, runId).changes > 0,
    );
  }
}
