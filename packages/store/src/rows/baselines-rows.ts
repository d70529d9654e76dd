import type { Baseline } from '../baselines.js';

export interface BaselineRow {
  flow_id: string;
  source: 'csv' | 'manual';
  ttv_p50_ms: number | null;
  rework_rate: number | null;
  sla_adherence: number | null;
  record_count: number;
  updated_at: string;
  updated_by: string | null;
}

export function toBaseline(row: BaselineRow): Baseline {
  return {
    flowId: row.flow_id,
    source: row.source,
    ttvP50Ms: row.ttv_p50_ms,
    reworkRate: row.rework_rate,
    slaAdherence: row.sla_adherence,
    recordCount: row.record_count,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
