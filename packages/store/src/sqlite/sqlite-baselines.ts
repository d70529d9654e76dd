import type { Baseline, BaselineRecord, BaselineRepository } from '../baselines.js';
import type { SqlContext } from './sql-context.js';
import { type BaselineRow, toBaseline } from '../rows/baselines-rows.js';

const UPSERT = `INSERT INTO flow_baselines (flow_id, source, ttv_p50_ms, rework_rate, sla_adherence,
    record_count, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (flow_id) DO UPDATE SET source = excluded.source, ttv_p50_ms = excluded.ttv_p50_ms,
    rework_rate = excluded.rework_rate, sla_adherence = excluded.sla_adherence,
    record_count = excluded.record_count, updated_at = excluded.updated_at,
    updated_by = excluded.updated_by`;

export class SqliteBaselines implements BaselineRepository {
  constructor(private readonly sql: SqlContext) {}

  get(flowId: string): Promise<Baseline | null> {
    return this.sql.gate(() => {
      const row = this.sql.stmt('SELECT * FROM flow_baselines WHERE flow_id = ?').get(flowId) as
        BaselineRow | undefined;
      if (!row) return null;
      return toBaseline(row);
    });
  }

  records(flowId: string): Promise<Array<Pick<BaselineRecord, 'ttvMs' | 'reworked'>>> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt('SELECT ttv_ms, reworked FROM baseline_records WHERE flow_id = ? ORDER BY line')
          .all(flowId) as Array<{ ttv_ms: number; reworked: number }>
      ).map((r) => ({ ttvMs: r.ttv_ms, reworked: r.reworked === 1 })),
    );
  }

  importRecords(
    flowId: string,
    records: readonly BaselineRecord[],
    meta: { updatedAt: string; updatedBy: string | null },
  ): Promise<void> {
    return this.sql.gate(() => {
      const insert = this.sql.stmt(
        `INSERT INTO baseline_records (flow_id, line, record_key, entered_at, completed_at, ttv_ms, reworked)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      this.sql.db.transaction(() => {
        this.sql.stmt('DELETE FROM baseline_records WHERE flow_id = ?').run(flowId);
        this.sql
          .stmt(UPSERT)
          .run(flowId, 'csv', null, null, null, records.length, meta.updatedAt, meta.updatedBy);
        for (const r of records) {
          insert.run(flowId, r.line, r.recordKey, r.enteredAt, r.completedAt, r.ttvMs, r.reworked ? 1 : 0);
        }
      })();
    });
  }

  setManual(b: Omit<Baseline, 'source' | 'recordCount'>): Promise<void> {
    return this.sql.gate(() => {
      this.sql.db.transaction(() => {
        this.sql.stmt('DELETE FROM baseline_records WHERE flow_id = ?').run(b.flowId);
        this.sql
          .stmt(UPSERT)
          .run(b.flowId, 'manual', b.ttvP50Ms, b.reworkRate, b.slaAdherence, 0, b.updatedAt, b.updatedBy);
      })();
    });
  }

  remove(flowId: string): Promise<boolean> {
    return this.sql.gate(
      () => this.sql.stmt('DELETE FROM flow_baselines WHERE flow_id = ?').run(flowId).changes > 0,
    );
  }
}
