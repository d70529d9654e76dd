import type { Contract, ContractField, Diagnostic } from '@baton/schema';
import { request } from '../api/http';

export interface Owner {
  id: string;
  name: string;
  kind: 'person' | 'team';
  email: string | null;
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface OwnerInput {
  id?: string;
  name?: string;
  kind?: 'person' | 'team';
  email?: string | null;
  webhookUrl?: string | null;
  webhookSecret?: string | null;
}

export type IssueCategory = 'dataQuality' | 'connectivity' | 'downstreamProcessing' | 'businessRule';

export interface LookupEntry {
  category: IssueCategory;
  label: string;
  ownerId: string | null;
  ownerName: string | null;
}

export interface FieldFailure {
  runId: string;
  flowId: string;
  field: string;
  rule: string | null;
  message: string;
  kind: string;
  createdAt: string;
}

export interface OwnedField {
  flowId: string;
  flowName: string;
  edgeId: string;
  edgeLabel: string;
  field: ContractField;
  failures: FieldFailure[];
}

export type FieldRulesPatch = Partial<{
  [
    K in
      | 'required'
      | 'allowed'
      | 'pattern'
      | 'min'
      | 'max'
      | 'minLength'
      | 'maxLength'
      | 'description'
      | 'onFail'
  ]: ContractField[K] | null;
}>;

export interface InboxItem {
  id: string;
  ownerId: string;
  kind: 'rejected' | 'follow_up' | 'failed';
  runId: string;
  flowId: string;
  edgeId: string | null;
  field: string | null;
  rule: string | null;
  message: string;
  record: Record<string, unknown>;
  status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
}

export interface ContractChange {
  field: string | null;
  change: string;
  breaking: boolean;
  detail?: string;
}

export interface ChangeReport {
  breaking: boolean;
  changes: ContractChange[];
}

const enc = encodeURIComponent;
const edgePath = (flowId: string, edgeId: string) =>
  `/api/flows/${enc(flowId)}/edges/${enc(edgeId)}/contract`;

export const ownersApi = {
  list: () => request<{ items: Owner[] }>('/api/owners'),
  create: (body: OwnerInput) => request<Owner>('/api/owners', { method: 'POST', body }),
  update: (id: string, body: OwnerInput) =>
    request<Owner>(`/api/owners/${enc(id)}`, { method: 'PATCH', body }),
  remove: (id: string) => request<void>(`/api/owners/${enc(id)}`, { method: 'DELETE' }),
  lookup: () => request<{ items: LookupEntry[] }>('/api/owner-lookup'),
  setLookup: (category: IssueCategory, ownerId: string | null) =>
    request<{ items: LookupEntry[] }>(`/api/owner-lookup/${category}`, { method: 'PUT', body: { ownerId } }),
  fields: (ownerId: string) => request<{ items: OwnedField[] }>(`/api/owners/${enc(ownerId)}/fields`),
  patchField: (ownerId: string, flowId: string, edgeId: string, field: string, body: FieldRulesPatch) =>
    request<{ field: ContractField; diagnostics: Diagnostic[] }>(
      `/api/owners/${enc(ownerId)}/fields/${enc(flowId)}/${enc(edgeId)}/${enc(field)}`,
      { method: 'PATCH', body },
    ),
};

export const inboxApi = {
  list: (query: { ownerId?: string; status?: string; kind?: string }) =>
    request<{ items: InboxItem[] }>('/api/inbox', { query }),
  close: (id: string) => request<InboxItem>(`/api/inbox/${enc(id)}/close`, { method: 'POST', body: {} }),
  reopen: (id: string) => request<InboxItem>(`/api/inbox/${enc(id)}/reopen`, { method: 'POST', body: {} }),
};

export const contractsApi = {
  infer: (sample: Record<string, unknown>) =>
    request<{ contract: Contract }>('/api/contracts/infer', { method: 'POST', body: { sample } }),
  classify: (before: Contract | null, after: Contract | null) =>
    request<ChangeReport>('/api/contracts/classify', { method: 'POST', body: { before, after } }),
  changes: (flowId: string, edgeId: string) =>
    request<{ against: number | null; report: ChangeReport }>(`${edgePath(flowId, edgeId)}/changes`),
  importPreview: (flowId: string, edgeId: string, format: 'json-schema' | 'odcs', document: unknown) =>
    request<{ contract: Contract; report: ChangeReport; diagnostics: Diagnostic[] }>(
      `${edgePath(flowId, edgeId)}/import`,
      {
        method: 'POST',
        body: { format, document },
      },
    ),
  exportUrl: (flowId: string, edgeId: string, format: 'json-schema' | 'odcs') =>
    `${edgePath(flowId, edgeId)}/${format}`,
  edgeStats: (flowId: string) =>
    request<{ items: Array<{ edgeId: string; rejections: number }> }>(`/api/flows/${enc(flowId)}/edge-stats`),
};
