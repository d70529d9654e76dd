import type { Baseline, BaselineRecord, BaselineRepository } from '../baselines.js';
import { chunks, valuesList, type PgContext } from './pg-context.js';
import { type BaselineRow, toBaseline } from '../rows/baselines-rows.js';

const UPSERT = `INSERT INTO flow_baselines (flow_id, source, ttv_p50_ms, rework_rate, sla_adherence,
    record_count, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (flow_id) DO UPDATE SET source = excluded.source, ttv_p50_ms = excluded.ttv_p50_ms,
    rework_rate = excluded.rework_rate, sla_adherence = excluded.sla_adherence,
    record_count = excluded.record_count, updated_at = excluded.updated_at,
    updated_by = excluded.updated_by`;

export class PgBaselines implements BaselineRepository {
  constructor(private readonly sql: PgContext) {}

  async get(flowId: string): Promise<Baseline | null> {
    const row = await this.sql.one<BaselineRow>(
      `SELECT flow_id, source, ttv_p50_ms, rework_rate, sla_adherence, record_count, updated_at, updated_by
       FROM flow_baselines WHERE flow_id = $1`,
      [flowId],
    );
    if (!row) return null;
    return toBaseline(row);
  }

  async records(flowId: string): Promise<Array<Pick<BaselineRecord, 'ttvMs' | 'reworked'>>> {
    const rows = await this.sql.rows<{ ttv_ms: number; reworked: number }>(
      'SELECT ttv_ms, reworked FROM baseline_records WHERE flow_id = $1 ORDER BY line',
      [flowId],
    );
    return rows.map((r) => ({ ttvMs: r.ttv_ms, reworked: r.reworked === 1 }));
  }

  async importRecords(
    flowId: string,
    records: readonly BaselineRecord[],
    meta: { updatedAt: string; updatedBy: string | null },
  ): Promise<void> {
    await this.sql.atomic(async (sql) => {
      await sql.run('DELETE FROM baseline_records WHERE flow_id = $1', [flowId]);
      await sql.run(UPSERT, [
        flowId,
        'csv',
        null,
        null,
        null,
        records.length,
        meta.updatedAt,
        meta.updatedBy,
      ]);
      for (const part of chunks(records)) {
        await sql.run(
          `INSERT INTO baseline_records (flow_id, line, record_key, entered_at, completed_at, ttv_ms, reworked)
           VALUES ${valuesList(part.length, 7)}`,
          part.flatMap((r) => [
            flowId,
            r.line,
            r.recordKey,
            r.enteredAt,
            r.completedAt,
            r.ttvMs,
            r.reworked ? 1 : 0,
          ]),
        );
      }
    });
  }

  async setManual(b: Omit<Baseline, 'source' | 'recordCount'>): Promise<void> {
    await this.sql.atomic(async (sql) => {
      await sql.run('DELETE FROM baseline_records WHERE flow_id = $1', [b.flowId]);
      await sql.run(UPSERT, [
        b.flowId,
        'manual',
        b.ttvP50Ms,
        b.reworkRate,
        b.slaAdherence,
        0,
        b.updatedAt,
        b.updatedBy,
      ]);
    });
  }

  async remove(flowId: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM flow_baselines WHERE flow_id = $1', [flowId])) > 0;
  }
}
