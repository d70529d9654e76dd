import type { FlowSource } from '@baton/schema';
import type {
  ChangeNote,
  CompileResponse,
  CreateFlowRequest,
  FlowDetail,
  FlowList,
  FlowSummary,
  PublishResponse,
  SaveDraftResponse,
  SubmitVersionResponse,
  TestRunResponse,
} from './api-types';
import { request } from './http';

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

export const flowsApi = {
  list: (signal?: AbortSignal) => request<FlowList>('/api/flows', signal ? { signal } : {}),
  get: (id: string, signal?: AbortSignal) => request<FlowDetail>(flowPath(id), signal ? { signal } : {}),
  create: (body: CreateFlowRequest) => request<FlowSummary>('/api/flows', { method: 'POST', body }),
  getDraft: (id: string, signal?: AbortSignal) =>
    request<FlowSource>(`${flowPath(id)}/draft`, signal ? { signal } : {}),
  saveDraft: (id: string, source: FlowSource) =>
    request<SaveDraftResponse>(`${flowPath(id)}/draft`, { method: 'PUT', body: source }),
  compile: (id: string) => request<CompileResponse>(`${flowPath(id)}/compile`, { method: 'POST', body: {} }),
  testRun: (id: string, record: unknown) =>
    request<TestRunResponse>(`${flowPath(id)}/test-run`, { method: 'POST', body: { record } }),
  submitVersion: (id: string, changeNote: ChangeNote) =>
    request<SubmitVersionResponse>(`${flowPath(id)}/versions`, { method: 'POST', body: { changeNote } }),
  publishVersion: (id: string, version: number) =>
    request<PublishResponse>(`${flowPath(id)}/versions/${version}/publish`, { method: 'POST', body: {} }),
};

/** The webhook URL of a flow, as an outside system would call it. */
export function webhookUrl(flowId: string, origin: string = window.location.origin): string {
  return `${origin}/hooks/${encodeURIComponent(flowId)}`;
}
