import type { BatchRecord, BatchReject, BatchRepository } from '../batches.js';
import { chunks, valuesList, type PgContext } from './pg-context.js';
import { type BatchRow, type RejectRow, toBatch, toReject, batchParams } from '../rows/batches-rows.js';

// bytes is BIGINT (files past 2 GiB); as float8 it reads back as a JS number.
const BATCH_COLUMNS = `id, flow_id, version, format, file_name, state, counts, bytes::float8 AS bytes, created_by,
  created_at, finished_at, error`;

const REJECT_COLUMNS = 'batch_id, line, reason, error, raw, run_id';

export class PgBatches implements BatchRepository {
  constructor(private readonly sql: PgContext) {}

  async create(batch: BatchRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO batches (id, flow_id, version, format, file_name, state, counts, bytes, created_by,
         created_at, finished_at, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      batchParams(batch),
    );
  }

  async get(id: string): Promise<BatchRecord | null> {
    const row = await this.sql.one<BatchRow>(`SELECT ${BATCH_COLUMNS} FROM batches WHERE id = $1`, [id]);
    return row ? toBatch(row) : null;
  }

  async listByFlow(flowId: string, limit: number): Promise<BatchRecord[]> {
    return (
      await this.sql.rows<BatchRow>(
        `SELECT ${BATCH_COLUMNS} FROM batches WHERE flow_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
        [flowId, limit],
      )
    ).map(toBatch);
  }

  async update(
    id: string,
    patch: Partial<Pick<BatchRecord, 'counts' | 'state' | 'bytes' | 'error' | 'finishedAt'>>,
  ): Promise<void> {
    // COALESCE keeps what the patch does not mention.
    await this.sql.run(
      `UPDATE batches SET counts = COALESCE($1, counts), state = COALESCE($2, state),
         bytes = COALESCE($3::bigint, bytes), error = COALESCE($4, error), finished_at = COALESCE($5, finished_at)
       WHERE id = $6`,
      [
        patch.counts ? JSON.stringify(patch.counts) : null,
        patch.state ?? null,
        patch.bytes ?? null,
        patch.error ?? null,
        patch.finishedAt ?? null,
        id,
      ],
    );
  }

  async addRejects(rejects: readonly BatchReject[]): Promise<void> {
    if (rejects.length === 0) return;
    await this.sql.atomic(async (sql) => {
      for (const part of chunks(rejects)) {
        await sql.run(
          `INSERT INTO batch_rejects (${REJECT_COLUMNS}) VALUES ${valuesList(part.length, 6)}
           ON CONFLICT (batch_id, line) DO NOTHING`,
          part.flatMap((r) => [r.batchId, r.line, r.reason, r.error, r.raw, r.runId]),
        );
      }
    });
  }

  async rejects(batchId: string, afterLine: number, limit: number): Promise<BatchReject[]> {
    return (
      await this.sql.rows<RejectRow>(
        `SELECT ${REJECT_COLUMNS} FROM batch_rejects WHERE batch_id = $1 AND line > $2 ORDER BY line LIMIT $3`,
        [batchId, afterLine, limit],
      )
    ).map(toReject);
  }

  async interruptUnfinished(at: string, keep: readonly string[] = []): Promise<number> {
    return this.sql.run(
      `UPDATE batches SET state = 'interrupted', finished_at = $1,
         error = COALESCE(error, 'the server stopped before the batch finished')
       WHERE state IN ('receiving', 'running') AND NOT (id = ANY($2::text[]))`,
      [at, [...keep]],
    );
  }
}
