import type { Page, Run, RunFilter, RunSummary } from './api-types';
import { request } from './http';

export const runsApi = {
  list: (filter: RunFilter = {}, signal?: AbortSignal) =>
    request<Page<RunSummary>>('/api/runs', {
      query: { ...filter },
      ...(signal ? { signal } : {}),
    }),
  get: (id: string, signal?: AbortSignal) =>
    request<Run>(`/api/runs/${encodeURIComponent(id)}`, signal ? { signal } : {}),
};
