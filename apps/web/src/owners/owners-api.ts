import type { Contract } from '@baton/schema';
import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';
import { request } from '../api/http';

// Derived from the server's schemas (see api/api-types.ts).
export type Owner = Static<typeof Api.OwnerView>;
/** The owner form's values: a patch (everything optional), plus the `id` of a new owner. */
export type OwnerInput = OwnerPatch & { id?: string };
/** What PATCH /api/owners/:id accepts: no `id` (an owner's id never changes). */
export type OwnerPatch = Static<typeof Api.OwnerPatchBody>;
export type NewOwner = Static<typeof Api.NewOwnerBody>;
export type LookupEntry = Static<typeof Api.LookupEntry>;
export type IssueCategory = LookupEntry['category'];
export type FieldFailure = Static<typeof Api.FieldFailureView>;
export type OwnedField = Static<typeof Api.OwnedField>;
export type FieldRulesPatch = Static<typeof Api.FieldRulesPatch>;
export type InboxItem = Static<typeof Api.InboxItemView>;
export type ContractChange = Static<typeof Api.ContractChangeView>;
export type ChangeReport = Static<typeof Api.ContractChangeReportView>;
type LookupList = Static<typeof Api.LookupList>;
/** The inbox's filters; `limit` has a server default. */
type InboxQuery = Omit<Static<typeof Api.InboxQuery>, 'limit'>;

const enc = encodeURIComponent;
const edgePath = (flowId: string, edgeId: string) =>
  `/api/flows/${enc(flowId)}/edges/${enc(edgeId)}/contract`;

export const ownersApi = {
  list: () => request<Static<typeof Api.OwnerList>>('/api/owners'),
  create: (body: NewOwner) => request<Owner>('/api/owners', { method: 'POST', body }),
  update: (id: string, body: OwnerPatch) =>
    request<Owner>(`/api/owners/${enc(id)}`, { method: 'PATCH', body }),
  remove: (id: string) => request<void>(`/api/owners/${enc(id)}`, { method: 'DELETE' }),
  lookup: () => request<LookupList>('/api/owner-lookup'),
  setLookup: (category: IssueCategory, ownerId: string | null) =>
    request<LookupList>(`/api/owner-lookup/${category}`, { method: 'PUT', body: { ownerId } }),
  fields: (ownerId: string) =>
    request<Static<typeof Api.OwnedFieldList>>(`/api/owners/${enc(ownerId)}/fields`),
  patchField: (ownerId: string, flowId: string, edgeId: string, field: string, body: FieldRulesPatch) =>
    request<Static<typeof Api.FieldPatchResponse>>(
      `/api/owners/${enc(ownerId)}/fields/${enc(flowId)}/${enc(edgeId)}/${enc(field)}`,
      { method: 'PATCH', body },
    ),
};

export const inboxApi = {
  list: (query: InboxQuery) => request<Static<typeof Api.InboxList>>('/api/inbox', { query }),
  close: (id: string) => request<InboxItem>(`/api/inbox/${enc(id)}/close`, { method: 'POST', body: {} }),
  reopen: (id: string) => request<InboxItem>(`/api/inbox/${enc(id)}/reopen`, { method: 'POST', body: {} }),
};

export const contractsApi = {
  infer: (sample: Record<string, unknown>) =>
    request<Static<typeof Api.ContractResponse>>('/api/contracts/infer', {
      method: 'POST',
      body: { sample },
    }),
  classify: (before: Contract | null, after: Contract | null) =>
    request<ChangeReport>('/api/contracts/classify', { method: 'POST', body: { before, after } }),
  changes: (flowId: string, edgeId: string) =>
    request<Static<typeof Api.ChangesResponse>>(`${edgePath(flowId, edgeId)}/changes`),
  importPreview: (flowId: string, edgeId: string, format: 'json-schema' | 'odcs', document: unknown) =>
    request<Static<typeof Api.ImportResponse>>(`${edgePath(flowId, edgeId)}/import`, {
      method: 'POST',
      body: { format, document },
    }),
  exportUrl: (flowId: string, edgeId: string, format: 'json-schema' | 'odcs') =>
    `${edgePath(flowId, edgeId)}/${format}`,
  edgeStats: (flowId: string) =>
    request<Static<typeof Api.EdgeStats>>(`/api/flows/${enc(flowId)}/edge-stats`),
};
