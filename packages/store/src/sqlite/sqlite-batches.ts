import type { BatchRecord, BatchReject, BatchRepository } from '../batches.js';
import type { SqlContext } from './sql-context.js';
import { type BatchRow, type RejectRow, toBatch, toReject, batchParams } from '../rows/batches-rows.js';

export class SqliteBatches implements BatchRepository {
  constructor(private readonly sql: SqlContext) {}

  create(batch: BatchRecord): Promise<void> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          `INSERT INTO batches (id, flow_id, version, format, file_name, state, counts, bytes, created_by,
             created_at, finished_at, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...batchParams(batch));
    });
  }

  get(id: string): Promise<BatchRecord | null> {
    return this.sql.gate(() => {
      const row = this.sql.stmt('SELECT * FROM batches WHERE id = ?').get(id) as BatchRow | undefined;
      return row ? toBatch(row) : null;
    });
  }

  listByFlow(flowId: string, limit: number): Promise<BatchRecord[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt('SELECT * FROM batches WHERE flow_id = ? ORDER BY created_at DESC, id DESC LIMIT ?')
          .all(flowId, limit) as BatchRow[]
      ).map(toBatch),
    );
  }

  update(
    id: string,
    patch: Partial<Pick<BatchRecord, 'counts' | 'state' | 'bytes' | 'error' | 'finishedAt'>>,
  ): Promise<void> {
    return this.sql.gate(() => {
      // COALESCE keeps what the patch does not mention; the statement stays one cached shape.
      this.sql
        .stmt(
          `UPDATE batches SET counts = COALESCE(?, counts), state = COALESCE(?, state),
             bytes = COALESCE(?, bytes), error = COALESCE(?, error), finished_at = COALESCE(?, finished_at)
           WHERE id = ?`,
        )
        .run(
          patch.counts ? JSON.stringify(patch.counts) : null,
          patch.state ?? null,
          patch.bytes ?? null,
          patch.error ?? null,
          patch.finishedAt ?? null,
          id,
        );
    });
  }

  addRejects(rejects: readonly BatchReject[]): Promise<void> {
    return this.sql.gate(() => {
      const insert = this.sql.stmt(
        `INSERT OR IGNORE INTO batch_rejects (batch_id, line, reason, error, raw, run_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const r of rejects) insert.run(r.batchId, r.line, r.reason, r.error, r.raw, r.runId);
    });
  }

  rejects(batchId: string, afterLine: number, limit: number): Promise<BatchReject[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt('SELECT * FROM batch_rejects WHERE batch_id = ? AND line > ? ORDER BY line LIMIT ?')
          .all(batchId, afterLine, limit) as RejectRow[]
      ).map(toReject),
    );
  }

  interruptUnfinished(at: string, keep: readonly string[] = []): Promise<number> {
    return this.sql.gate(
      () =>
        this.sql
          .stmt(
            `UPDATE batches SET state = 'interrupted', finished_at = ?,
               error = COALESCE(error, 'the server stopped before the batch finished')
             WHERE state IN ('receiving', 'running')
               AND id NOT IN (SELECT value FROM json_each(?))`,
          )
          .run(at, JSON.stringify(keep)).changes,
    );
  }
}
