import type * as Api from '@baton/schema/api';
import type { Static } from '@baton/schema/api';
import { request } from '../api/http';

// Derived from the server's schemas (see api/api-types.ts).
export type Candidate = Static<typeof Api.CandidateView>;
export type Quadrant = Candidate['quadrant'];
/** The candidate form's state: every field the server takes, filled in. */
export type CandidateInput = Pick<
  Candidate,
  'name' | 'systemFrom' | 'systemTo' | 'frequencyPerWeek' | 'impact' | 'notes' | 'rationale'
>;
export type CandidateList = Static<typeof Api.CandidateList>;
export type Risk = Static<typeof Api.RiskView>;
export type RiskStatus = Risk['status'];
export type RiskInput = Static<typeof Api.RiskPatchBody>;
export type Runbook = Static<typeof Api.RunbookView>;
export type OwnerLookupRow = Runbook['ownerLookup'][number];
export type RunbookRevisionSummary = Static<typeof Api.RunbookRevisionList>['items'][number];
export type StatusReport = Static<typeof Api.StatusReportView>;
export type BacklogItem = Static<typeof Api.BacklogItemView>;
export type BacklogStatus = BacklogItem['status'];

export type Retrospective = Static<typeof Api.RetrospectiveView>;
/** The retrospective form's state: both texts always present (the server takes them optional). */
export type NewRetrospective = Required<Static<typeof Api.NewRetrospectiveBody>>;

// The pickers' lists. Not imported from @baton/schema at runtime: that would pull the whole schema
// module (TypeBox, ~49 kB) into the playbook chunk. Keyed records instead, so a status the server
// adds is a compile error here until it is listed.
const RISK_STATUS_KEYS: Record<RiskStatus, true> = { open: true, mitigated: true, closed: true };
const BACKLOG_STATUS_KEYS: Record<BacklogStatus, true> = {
  open: true,
  planned: true,
  in_progress: true,
  done: true,
  dropped: true,
};
export const RISK_STATUSES = Object.keys(RISK_STATUS_KEYS) as readonly RiskStatus[];
export const BACKLOG_STATUSES = Object.keys(BACKLOG_STATUS_KEYS) as readonly BacklogStatus[];

const enc = encodeURIComponent;
const flow = (id: string) => `/api/flows/${enc(id)}`;

export const playbookApi = {
  candidates: () => request<CandidateList>('/api/playbook/candidates'),
  createCandidate: (body: Static<typeof Api.NewCandidateBody>) =>
    request<Candidate>('/api/playbook/candidates', { method: 'POST', body }),
  updateCandidate: (id: string, body: Static<typeof Api.CandidatePatchBody>) =>
    request<Candidate>(`/api/playbook/candidates/${enc(id)}`, { method: 'PATCH', body }),
  deleteCandidate: (id: string) => request<void>(`/api/playbook/candidates/${enc(id)}`, { method: 'DELETE' }),
  createFlow: (id: string) =>
    request<Static<typeof Api.CreateFlowFromCandidateResponse>>(`/api/playbook/candidates/${enc(id)}/flow`, {
      method: 'POST',
      body: {},
    }),

  risks: (flowId: string) => request<Static<typeof Api.RiskList>>(`${flow(flowId)}/risks`),
  createRisk: (flowId: string, body: Static<typeof Api.NewRiskBody>) =>
    request<Risk>(`${flow(flowId)}/risks`, { method: 'POST', body }),
  updateRisk: (flowId: string, id: string, body: RiskInput) =>
    request<Risk>(`${flow(flowId)}/risks/${enc(id)}`, { method: 'PATCH', body }),
  deleteRisk: (flowId: string, id: string) =>
    request<void>(`${flow(flowId)}/risks/${enc(id)}`, { method: 'DELETE' }),

  runbook: (flowId: string, version?: number) =>
    request<Runbook>(`${flow(flowId)}/runbook`, { query: { version } }),
  saveRunbook: (flowId: string, body: string) =>
    request<Runbook>(`${flow(flowId)}/runbook`, { method: 'PUT', body: { body } }),
  runbookRevisions: (flowId: string) =>
    request<Static<typeof Api.RunbookRevisionList>>(`${flow(flowId)}/runbook/revisions`),

  statusReport: (flowId: string, week?: string) =>
    request<StatusReport>(`${flow(flowId)}/status-report`, {
      method: 'POST',
      body: week ? { week } : {},
    }),

  retrospectives: (flowId: string) =>
    request<Static<typeof Api.RetrospectiveList>>(`${flow(flowId)}/retrospectives`),
  createRetrospective: (flowId: string, body: Static<typeof Api.NewRetrospectiveBody>) =>
    request<Retrospective>(`${flow(flowId)}/retrospectives`, { method: 'POST', body }),
  backlog: (flowId?: string) =>
    request<Static<typeof Api.BacklogList>>('/api/playbook/backlog', { query: { flowId } }),
  setBacklogStatus: (id: string, status: BacklogStatus) =>
    request<BacklogItem>(`/api/playbook/backlog/${enc(id)}`, { method: 'PATCH', body: { status } }),
};

/** Words as the server's status generator counts them (tokens with a letter or digit). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Viewers read the playbook; everyone else keeps it (mirrors the server's access table). */
export function canEditPlaybook(role: string): boolean {
  return role !== 'viewer';
}
