import { request } from '../api/http';

export type ConnectionKind = 'sqlite-embedded' | 'jsonl-file' | 'postgres' | 'http';

export interface Connection {
  name: string;
  kind: ConnectionKind;
  config: Record<string, unknown>;
  hasSecret: boolean;
  createdAt: string;
  updatedAt: string;
  breaker?: 'closed' | 'open' | 'half-open';
}

export interface ConnectionSecret {
  password?: string;
  headers?: Record<string, string>;
}

export interface ConnectionInput {
  kind: ConnectionKind;
  config: Record<string, unknown>;
  /** Omitted: keep the stored secret. */
  secret?: ConnectionSecret | null;
}

export interface RetryAnswer {
  runId: string;
  retryOf: string;
  status: string;
  error: string | null;
}

export const connectionsApi = {
  list: (signal?: AbortSignal) =>
    request<{ items: Connection[] }>('/api/connections', signal ? { signal } : {}).then((r) => r.items),
  put: (name: string, input: ConnectionInput) =>
    request<Connection>(`/api/connections/${encodeURIComponent(name)}`, { method: 'PUT', body: input }),
  remove: (name: string) =>
    request<void>(`/api/connections/${encodeURIComponent(name)}`, { method: 'DELETE' }),
  test: (name: string) =>
    request<{ ok: boolean; message: string }>(`/api/connections/${encodeURIComponent(name)}/test`, {
      method: 'POST',
    }),
  retryRun: (runId: string) =>
    request<RetryAnswer>(`/api/runs/${encodeURIComponent(runId)}/retry`, { method: 'POST' }),
};
