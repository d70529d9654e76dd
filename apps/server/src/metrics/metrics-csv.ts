import { toCsv } from '../routes/csv.js';
import type { FlowMetricsReport } from './flow-metrics.js';

const COLUMNS = [
  'day',
  'records',
  'ttv_p50_ms',
  'ttv_p90_ms',
  'ttv_mean_ms',
  'rework_rate',
  'sla_adherence',
  'succeeded',
  'flagged',
  'rejected',
  'failed',
] as const;

/** The daily buckets as CSV (one row per day), with the period total as the last row. */
export function metricsCsv(report: FlowMetricsReport): string {
  const { summary, byStatus } = report;
  const rows = report.days.map((d) => [
    d.day,
    d.count,
    d.ttvP50Ms,
    d.ttvP90Ms,
    d.ttvMeanMs,
    d.reworkRate,
    d.slaAdherence,
    d.byStatus.succeeded,
    d.byStatus.flagged,
    d.byStatus.rejected,
    d.byStatus.failed,
  ]);
  rows.push([
    'total',
    summary.count,
    summary.ttv.p50Ms,
    summary.ttv.p90Ms,
    summary.ttv.meanMs,
    summary.reworkRate,
    summary.slaAdherence,
    byStatus.succeeded,
    byStatus.flagged,
    byStatus.rejected,
    byStatus.failed,
  ]);
  return toCsv(COLUMNS, rows);
}
