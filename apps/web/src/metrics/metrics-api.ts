import { ApiError, type Problem } from '../api/api-error';
import { csrfHeader, request } from '../api/http';

export type TargetState = 'met' | 'on-track' | 'not-met' | 'no-baseline';
export type FactStatus = 'succeeded' | 'flagged' | 'rejected' | 'failed';

export interface Figures {
  ttvP50Ms: number | null;
  reworkRate: number | null;
  slaAdherence: number | null;
}

export interface MetricsSummary {
  flowId: string;
  from: string;
  to: string;
  count: number;
  ttv: { p50Ms: number | null; p90Ms: number | null; meanMs: number | null };
  reworkRate: number | null;
  slaAdherence: number | null;
  slaTargetMs: number | null;
  baseline: Figures | null;
  targets: { ttv: TargetState; rework: TargetState; sla: TargetState };
}

export interface DayBucket {
  day: string;
  count: number;
  ttvP50Ms: number | null;
  ttvP90Ms: number | null;
  ttvMeanMs: number | null;
  reworkRate: number | null;
  slaAdherence: number | null;
  byStatus: Record<FactStatus, number>;
}

export interface BaselineInfo {
  source: 'csv' | 'manual';
  recordCount: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface MetricsReport {
  summary: MetricsSummary;
  version: number | null;
  bucket: 'day';
  demo: boolean;
  hasDemo: boolean;
  change: { ttvP50Pct: number | null; reworkPct: number | null; slaPct: number | null };
  baselineInfo: BaselineInfo | null;
  days: DayBucket[];
  byStatus: Record<FactStatus, number>;
  resent: number;
  reworkByRule: Array<{ rule: string; count: number; rate: number | null }>;
  reworkByField: Array<{ field: string; count: number; rate: number | null }>;
  topFailingFields: Array<{ field: string; count: number; ownerId: string | null; ownerName: string | null }>;
}

export interface PortfolioRow extends Figures {
  flowId: string;
  name: string;
  count: number;
  slaTargetMs: number | null;
  baseline: Figures | null;
  change: MetricsReport['change'];
  targets: MetricsSummary['targets'];
  demo: boolean;
}

export interface MetricsPeriodQuery {
  from?: string | undefined;
  to?: string | undefined;
  version?: number | undefined;
}

/** A rejected baseline CSV: the server lists its problems by line. */
export interface CsvLineError {
  line: number;
  message: string;
}

const flowPath = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}`;

export function metricsCsvUrl(flowId: string, q: MetricsPeriodQuery): string {
  const params = new URLSearchParams({ format: 'csv' });
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.version) params.set('version', String(q.version));
  return `${flowPath(flowId)}/metrics?${params.toString()}`;
}

export const metricsApi = {
  report: (flowId: string, q: MetricsPeriodQuery, signal?: AbortSignal) =>
    request<MetricsReport>(`${flowPath(flowId)}/metrics`, {
      query: { from: q.from, to: q.to, version: q.version, bucket: 'day' },
      ...(signal && { signal }),
    }),
  portfolio: (q: { from?: string; to?: string }, signal?: AbortSignal) =>
    request<{ from: string; to: string; items: PortfolioRow[] }>('/api/metrics/portfolio', {
      query: q,
      ...(signal && { signal }),
    }),
  setSlaTarget: (flowId: string, slaTargetMs: number | null) =>
    request(`${flowPath(flowId)}/metrics/settings`, { method: 'PUT', body: { slaTargetMs } }),
  clearDemo: (flowId: string) =>
    request<{ removed: number }>(`${flowPath(flowId)}/metrics/demo`, { method: 'DELETE' }),
  setManualBaseline: (flowId: string, figures: Figures) =>
    request(`${flowPath(flowId)}/baseline`, { method: 'PUT', body: figures }),
  removeBaseline: (flowId: string) => request(`${flowPath(flowId)}/baseline`, { method: 'DELETE' }),
  /** Sends the file as it is (`text/csv`): the server parses it as a stream. */
  async importBaseline(flowId: string, file: Blob): Promise<{ imported: number }> {
    const response = await fetch(`${flowPath(flowId)}/baseline`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json', ...csrfHeader() },
      credentials: 'same-origin',
      body: file,
    });
    const data = (await response.json().catch(() => ({}))) as Problem & { imported?: number };
    if (!response.ok) throw new ApiError(response.status, data);
    return { imported: data.imported ?? 0 };
  },
};

/** The line-numbered problems of a refused CSV, if the error carries them. */
export function csvLineErrors(error: unknown): CsvLineError[] {
  if (!(error instanceof ApiError)) return [];
  const errors = (error.problem as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is { line: number; message: string } => typeof (e as { line?: unknown }).line === 'number')
    .map((e) => ({ line: e.line, message: e.message }));
}
