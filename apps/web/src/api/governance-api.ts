import type { FlowSource } from '@baton/schema';
import type { ChangeNote, PublishResponse, VersionSummary } from './api-types';
import { request } from './http';

export interface RequiredSignOff {
  ownerId: string;
  fields: string[];
}

export interface SignOff {
  ownerId: string;
  by: string;
  at: string;
  contentHash: string;
}

/** A version as the gate sees it: who wrote, signed, approved, published it. */
export interface ReviewedVersion extends VersionSummary {
  author: string | null;
  requiredSignOffs: RequiredSignOff[];
  signOffs: SignOff[];
  approvedBy: string | null;
  approvedAt: string | null;
  approvedHash: string | null;
  rejectedBy: string | null;
  rejectedAt: string | null;
  reviewNote: string | null;
  publishedBy: string | null;
}

export interface VersionDetail extends ReviewedVersion {
  flowId: string;
  source: FlowSource;
}

export interface ApprovalItem extends ReviewedVersion {
  flowId: string;
  flowName: string;
  changeNote: ChangeNote;
  pendingSignOffs: RequiredSignOff[];
  canApprove: boolean;
  cannotApproveReason: string | null;
  awaitingMySignOff: string[];
}

export type ChangeStatus = 'added' | 'removed' | 'changed';

export interface VersionDiff {
  flowId: string;
  from: { version: number; contentHash: string; state: string };
  to: { version: number; contentHash: string; state: string };
  breaking: boolean;
  summary: Record<
    | 'nodesAdded'
    | 'nodesRemoved'
    | 'nodesChanged'
    | 'edgesAdded'
    | 'edgesRemoved'
    | 'edgesChanged'
    | 'breakingChanges',
    number
  >;
  nodes: Array<{
    id: string;
    kind: string;
    label: string;
    status: ChangeStatus;
    changes: Array<{ path: string; before: unknown; after: unknown }>;
  }>;
  edges: Array<{
    id: string;
    status: ChangeStatus;
    rewired: boolean;
    contract: {
      breaking: boolean;
      changes: Array<{ field: string | null; change: string; breaking: boolean; detail?: string }>;
    };
    raci: Array<{ row: string; role: string; before: string[]; after: string[] }>;
  }>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  targetKind: string;
  targetId: string;
  beforeHash: string | null;
  afterHash: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetKind?: string;
  targetId?: string;
  from?: string;
  to?: string;
  cursor?: number;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  brokenAt: number | null;
  problem: string | null;
  headHash: string | null;
}

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;
const versionPath = (id: string, n: number) => `${flowPath(id)}/versions/${n}`;

export const governanceApi = {
  versions: (flowId: string, signal?: AbortSignal) =>
    request<{ items: ReviewedVersion[] }>(`${flowPath(flowId)}/versions`, signal ? { signal } : {}),
  version: (flowId: string, n: number, signal?: AbortSignal) =>
    request<VersionDetail>(versionPath(flowId, n), signal ? { signal } : {}),
  approvals: (signal?: AbortSignal) =>
    request<{ items: ApprovalItem[] }>('/api/approvals', signal ? { signal } : {}),
  signOff: (flowId: string, n: number) =>
    request<ReviewedVersion>(`${versionPath(flowId, n)}/sign-off`, { method: 'POST' }),
  approve: (flowId: string, n: number, contentHash: string) =>
    request<ReviewedVersion>(`${versionPath(flowId, n)}/approve`, { method: 'POST', body: { contentHash } }),
  reject: (flowId: string, n: number, reason: string) =>
    request<ReviewedVersion>(`${versionPath(flowId, n)}/reject`, { method: 'POST', body: { reason } }),
  publish: (flowId: string, n: number) =>
    request<PublishResponse>(`${versionPath(flowId, n)}/publish`, { method: 'POST', body: {} }),
  rollback: (flowId: string, version: number, reason: string) =>
    request<PublishResponse>(`${flowPath(flowId)}/rollback`, { method: 'POST', body: { version, reason } }),
  diff: (flowId: string, a: number, b: number, signal?: AbortSignal) =>
    request<VersionDiff>(`${versionPath(flowId, a)}/diff/${b}`, signal ? { signal } : {}),
  audit: (filter: AuditFilter, signal?: AbortSignal) =>
    request<{ items: AuditEntry[]; nextCursor: number | null }>('/api/audit', {
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
