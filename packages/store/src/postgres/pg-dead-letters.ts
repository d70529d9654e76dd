import type { DeadLetter, DeadLetterRepository } from '../dead-letters.js';
import type { PgContext } from './pg-context.js';
import { type DeadLetterRow, toDeadLetter, deadLetterParams } from '../rows/dead-letters-rows.js';

const COLUMNS = 'run_id, flow_id, version, record_key, error, attempts, created_at, retried_by, retried_at';

export class PgDeadLetters implements DeadLetterRepository {
  constructor(private readonly sql: PgContext) {}

  async add(entry: Omit<DeadLetter, 'retriedBy' | 'retriedAt'>): Promise<void> {
    await this.sql.run(
      `INSERT INTO dead_letters (run_id, flow_id, version, record_key, error, attempts, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (run_id) DO NOTHING`,
      deadLetterParams(entry),
    );
  }

  async get(runId: string): Promise<DeadLetter | null> {
    const row = await this.sql.one<DeadLetterRow>(`SELECT ${COLUMNS} FROM dead_letters WHERE run_id = $1`, [
      runId,
    ]);
    return row ? toDeadLetter(row) : null;
  }

  async listOpen(query: { flowId?: string; limit: number }): Promise<DeadLetter[]> {
    const rows =
      query.flowId === undefined
        ? await this.sql.rows<DeadLetterRow>(
            `SELECT ${COLUMNS} FROM dead_letters WHERE retried_by IS NULL ORDER BY created_at DESC LIMIT $1`,
            [query.limit],
          )
        : await this.sql.rows<DeadLetterRow>(
            `SELECT ${COLUMNS} FROM dead_letters WHERE retried_by IS NULL AND flow_id = $1
             ORDER BY created_at DESC LIMIT $2`,
            [query.flowId, query.limit],
          );
    return rows.map(toDeadLetter);
  }

  async markRetried(runId: string, retryRunId: string, at: string): Promise<boolean> {
    // The row lock of the UPDATE makes two concurrent retries of one dead letter yield one winner.
    return (
      (await this.sql.run(
        'UPDATE dead_letters SET retried_by = $1, retried_at = $2 WHERE run_id = $3 AND retried_by IS NULL',
        [retryRunId, at, runId],
      )) > 0
    );
  }
}
