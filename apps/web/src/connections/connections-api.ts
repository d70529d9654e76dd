import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';
import { request } from '../api/http';

// Derived from the server's schemas (see api/api-types.ts).
export type ConnectionKind = Static<typeof Api.ConnectionKindSchema>;
export type Connection = Static<typeof Api.ConnectionView>;
export type ConnectionSecret = Static<typeof Api.ConnectionSecret>;
/** `secret` omitted: keep the stored secret; `null` removes it. */
export type ConnectionInput = Static<typeof Api.ConnectionInput>;
export type RetryAnswer = Static<typeof Api.RetryResult>;

export const connectionsApi = {
  list: (signal?: AbortSignal) =>
    request<Static<typeof Api.ConnectionList>>('/api/connections', signal ? { signal } : {}).then(
      (r) => r.items,
    ),
  put: (name: string, input: ConnectionInput) =>
    request<Connection>(`/api/connections/${encodeURIComponent(name)}`, { method: 'PUT', body: input }),
  remove: (name: string) =>
    request<void>(`/api/connections/${encodeURIComponent(name)}`, { method: 'DELETE' }),
  test: (name: string) =>
    request<Static<typeof Api.ConnectionTestResult>>(`/api/connections/${encodeURIComponent(name)}/test`, {
      method: 'POST',
    }),
  retryRun: (runId: string) =>
    request<RetryAnswer>(`/api/runs/${encodeURIComponent(runId)}/retry`, { method: 'POST' }),
};
