import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';
import { ApiError, type Problem } from '../api/api-error';
import { csrfHeader, request } from '../api/http';

// Derived from the server's schemas (see api/api-types.ts).
export type MetricsReport = Static<typeof Api.MetricsReport>;
export type MetricsSummary = Static<typeof Api.MetricsSummary>;
export type TargetState = MetricsSummary['targets']['ttv'];
export type FactStatus = keyof MetricsReport['byStatus'];
export type Figures = NonNullable<MetricsSummary['baseline']>;
export type DayBucket = MetricsReport['days'][number];
export type BaselineInfo = NonNullable<MetricsReport['baselineInfo']>;
export type PortfolioRow = Static<typeof Api.PortfolioRow>;

/** A metrics report's period and version: the server's query without `bucket` and `format` (set here). */
export type MetricsPeriodQuery = Pick<Static<typeof Api.MetricsQuery>, 'from' | 'to' | 'version'>;

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
    request<Static<typeof Api.Portfolio>>('/api/metrics/portfolio', {
      query: q,
      ...(signal && { signal }),
    }),
  setSlaTarget: (flowId: string, slaTargetMs: number | null) =>
    request<Static<typeof Api.MetricSettingsView>>(`${flowPath(flowId)}/metrics/settings`, {
      method: 'PUT',
      body: { slaTargetMs } satisfies Static<typeof Api.MetricSettingsBody>,
    }),
  clearDemo: (flowId: string) =>
    request<Static<typeof Api.DemoCleared>>(`${flowPath(flowId)}/metrics/demo`, { method: 'DELETE' }),
  setManualBaseline: (flowId: string, figures: Figures) =>
    request<Static<typeof Api.BaselineView>>(`${flowPath(flowId)}/baseline`, {
      method: 'PUT',
      body: figures satisfies Static<typeof Api.ManualBaselineBody>,
    }),
  removeBaseline: (flowId: string) => request(`${flowPath(flowId)}/baseline`, { method: 'DELETE' }),
  /** Sends the file as it is (`text/csv`): the server parses it as a stream. */
  async importBaseline(flowId: string, file: Blob): Promise<{ imported: number }> {
    const response = await fetch(`${flowPath(flowId)}/baseline`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json', ...csrfHeader() },
      credentials: 'same-origin',
      body: file,
    });
    const data = (await response.json().catch(() => ({}))) as Problem &
      Partial<Static<typeof Api.BaselineImported>>;
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
