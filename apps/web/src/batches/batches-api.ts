import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';
import { ApiError, type Problem } from '../api/api-error';
import { csrfHeader, request } from '../api/http';

// Derived from the server's schemas (see api/api-types.ts).
export type Batch = Static<typeof Api.BatchView>;
export type BatchCounts = Batch['counts'];

/** The media type the server reads a file as, from its name (browsers leave .jsonl untyped). */
export function batchMediaType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'application/x-ndjson';
  return null;
}

export function newBatchId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `b_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const rejectsUrl = (batchId: string, format: 'csv' | 'jsonl') =>
  `/api/batches/${encodeURIComponent(batchId)}/rejects?format=${format}`;

export const batchesApi = {
  list: (flowId: string, signal?: AbortSignal) =>
    request<Static<typeof Api.BatchList>>(
      `/api/flows/${encodeURIComponent(flowId)}/batches`,
      signal ? { signal } : {},
    ).then((r) => r.items),
  get: (batchId: string, signal?: AbortSignal) =>
    request<Batch>(`/api/batches/${encodeURIComponent(batchId)}`, signal ? { signal } : {}),
  /**
   * Sends the file as the request body (the browser streams it); the id is chosen here so the page
   * can poll progress while the upload is still running. Resolves with the finished batch.
   */
  async upload(flowId: string, file: File, batchId: string): Promise<Batch> {
    const type = batchMediaType(file.name);
    if (!type)
      throw new ApiError(415, { code: 'unsupported_media_type', detail: 'Pick a .csv or .jsonl file.' });
    const query = new URLSearchParams({ id: batchId, fileName: file.name });
    let response: Response;
    try {
      response = await fetch(`/api/flows/${encodeURIComponent(flowId)}/batches?${query.toString()}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': type, ...csrfHeader() },
        body: file,
      });
    } catch {
      throw new ApiError(0, {
        title: 'Network error',
        detail: 'The upload broke off. Is the server running?',
      });
    }
    const data = (await response.json().catch(() => ({}))) as unknown;
    if (!response.ok) throw new ApiError(response.status, data as Problem);
    return data as Batch;
  },
};
