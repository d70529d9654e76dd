import type {
  ReplayAgainst,
  ReplayResult,
  Run,
  RunCounts,
  RunFilter,
  RunPage,
  VersionDetail,
  WhatIfBody,
  WhatIfReport,
} from './api-types';
import { request } from './http';

/** A filter as query-string values (what the list, counts and CSV export share). */
function filterQuery(filter: RunFilter): Record<string, string | number | undefined> {
  return { ...filter };
}

export const runsApi = {
  list: (filter: RunFilter = {}, signal?: AbortSignal) =>
    request<RunPage>('/api/runs', {
      query: filterQuery(filter),
      ...(signal ? { signal } : {}),
    }),
  counts: (filter: Omit<RunFilter, 'limit' | 'cursor'> = {}, signal?: AbortSignal) =>
    request<RunCounts>('/api/runs/counts', { query: filterQuery(filter), ...(signal ? { signal } : {}) }),
  get: (id: string, signal?: AbortSignal) =>
    request<Run>(`/api/runs/${encodeURIComponent(id)}`, signal ? { signal } : {}),
  replay: (id: string, version: ReplayAgainst, signal?: AbortSignal) =>
    request<ReplayResult>(`/api/runs/${encodeURIComponent(id)}/replay`, {
      method: 'POST',
      body: { version },
      ...(signal ? { signal } : {}),
    }),
  whatIf: (flowId: string, body: WhatIfBody) =>
    request<WhatIfReport>(`/api/flows/${encodeURIComponent(flowId)}/what-if`, { method: 'POST', body }),
  /** The source graph of a version, for the replay canvas (the exact version a run used). */
  versionSource: (flowId: string, version: number, signal?: AbortSignal) =>
    request<VersionDetail>(
      `/api/flows/${encodeURIComponent(flowId)}/versions/${version}`,
      signal ? { signal } : {},
    ),
  exportUrl: (id: string) => `/api/runs/${encodeURIComponent(id)}/export`,
  csvUrl: (filter: Omit<RunFilter, 'limit' | 'cursor'>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter))
      if (value !== undefined && value !== '') params.set(key, String(value));
    const qs = params.toString();
    return qs ? `/api/runs/export.csv?${qs}` : '/api/runs/export.csv';
  },
  eventsUrl: (flowId?: string) =>
    flowId ? `/api/runs/events?flowId=${encodeURIComponent(flowId)}` : '/api/runs/events',
};
