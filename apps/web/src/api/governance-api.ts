import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';
import type { PublishResponse, RollbackResponse, VersionDetail, VersionSummary } from './api-types';
import { request } from './http';

// Derived from the server's schemas (see api-types.ts).
export type RequiredSignOff = Static<typeof Api.RequiredSignOff>;
export type SignOff = Static<typeof Api.SignOff>;
/**
 * A version as the gate's actions see it: who wrote, signed, approved, published it. Both a
 * version summary and an approval item are one; an approval item has no `publishedAt`.
 */
export type ReviewedVersion = Omit<VersionSummary, 'publishedAt'>;
/** What sign-off, approve and reject answer: the version's gate state now. */
export type ReviewResponse = Static<typeof Api.ReviewResponse>;
export type { VersionDetail };
export type ApprovalItem = Static<typeof Api.ApprovalItem>;
export type VersionDiff = Static<typeof Api.DiffResponse>;
export type ChangeStatus = VersionDiff['nodes'][number]['status'];
export type AuditEntry = Static<typeof Api.AuditEntrySchema>;
/** The audit list's filters; paging (`limit`, `cursor`) stays with the caller. */
export type AuditFilter = Omit<Static<typeof Api.AuditQuery>, 'limit'>;
export type AuditVerification = Static<typeof Api.AuditVerifyResponse>;

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;
const versionPath = (id: string, n: number) => `${flowPath(id)}/versions/${n}`;

export const governanceApi = {
  versions: (flowId: string, signal?: AbortSignal) =>
    request<Static<typeof Api.VersionList>>(`${flowPath(flowId)}/versions`, signal ? { signal } : {}),
  version: (flowId: string, n: number, signal?: AbortSignal) =>
    request<VersionDetail>(versionPath(flowId, n), signal ? { signal } : {}),
  approvals: (signal?: AbortSignal) =>
    request<Static<typeof Api.ApprovalList>>('/api/approvals', signal ? { signal } : {}),
  signOff: (flowId: string, n: number) =>
    request<ReviewResponse>(`${versionPath(flowId, n)}/sign-off`, { method: 'POST' }),
  approve: (flowId: string, n: number, contentHash: string) =>
    request<ReviewResponse>(`${versionPath(flowId, n)}/approve`, { method: 'POST', body: { contentHash } }),
  reject: (flowId: string, n: number, reason: string) =>
    request<ReviewResponse>(`${versionPath(flowId, n)}/reject`, { method: 'POST', body: { reason } }),
  publish: (flowId: string, n: number) =>
    request<PublishResponse>(`${versionPath(flowId, n)}/publish`, { method: 'POST', body: {} }),
  rollback: (flowId: string, version: number, reason: string) =>
    request<RollbackResponse>(`${flowPath(flowId)}/rollback`, { method: 'POST', body: { version, reason } }),
  diff: (flowId: string, a: number, b: number, signal?: AbortSignal) =>
    request<VersionDiff>(`${versionPath(flowId, a)}/diff/${b}`, signal ? { signal } : {}),
  audit: (filter: AuditFilter, signal?: AbortSignal) =>
    request<Static<typeof Api.AuditList>>('/api/audit', {
      query: { ...filter },
      ...(signal ? { signal } : {}),
    }),
  verifyAudit: () => request<AuditVerification>('/api/audit/verify'),
};

export function auditCsvUrl(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return `/api/audit.csv${qs ? `?${qs}` : ''}`;
}
