import { request } from '../api/http';

export type Quadrant = 'pilot' | 'high-impact' | 'frequent' | 'low';
export type RiskStatus = 'open' | 'mitigated' | 'closed';
export type BacklogStatus = 'open' | 'planned' | 'in_progress' | 'done' | 'dropped';
export const RISK_STATUSES: readonly RiskStatus[] = ['open', 'mitigated', 'closed'];
export const BACKLOG_STATUSES: readonly BacklogStatus[] = [
  'open',
  'planned',
  'in_progress',
  'done',
  'dropped',
];

export interface Candidate {
  id: string;
  name: string;
  systemFrom: string;
  systemTo: string;
  frequencyPerWeek: number;
  impact: number;
  notes: string;
  rationale: string;
  flowId: string | null;
  quadrant: Quadrant;
  createdAt: string;
  updatedAt: string;
}

export type CandidateInput = Pick<
  Candidate,
  'name' | 'systemFrom' | 'systemTo' | 'frequencyPerWeek' | 'impact' | 'notes' | 'rationale'
>;

export interface CandidateList {
  items: Candidate[];
  thresholds: { frequencyPerWeek: number; impact: number };
}

export interface Risk {
  id: string;
  flowId: string;
  risk: string;
  likelihood: number;
  impact: number;
  score: number;
  mitigation: string;
  ownerId: string | null;
  status: RiskStatus;
  createdAt: string;
  updatedAt: string;
}

export type RiskInput = Partial<
  Pick<Risk, 'risk' | 'likelihood' | 'impact' | 'mitigation' | 'ownerId' | 'status'>
>;

export interface OwnerLookupRow {
  category: string;
  label: string;
  ownerId: string | null;
  ownerName: string | null;
  contact: string | null;
  escalation: string;
}

export interface Runbook {
  flowId: string;
  revision: number | null;
  body: string;
  author: string | null;
  savedAt: string | null;
  version: number | null;
  latestRevision: number | null;
  ownerLookup: OwnerLookupRow[];
}

export interface RunbookRevisionSummary {
  revision: number;
  author: string | null;
  createdAt: string;
  versions: number[];
}

export interface StatusReport {
  flowId: string;
  flowName: string;
  week: { from: string; to: string };
  markdown: string;
  wordCount: number;
  figures: {
    shipped: Array<{ version: number; publishedAt: string; reason: string }>;
    openFollowUps: number;
    deadLetters: number;
    pendingApprovals: number;
    openRisks: number;
    metrics: {
      count: number;
      ttvP50Ms: number | null;
      reworkRate: number | null;
      slaAdherence: number | null;
      baseline: { ttvP50Ms: number | null; reworkRate: number | null; slaAdherence: number | null } | null;
      targets: { ttv: string; rework: string; sla: string };
    } | null;
  };
}

export interface BacklogItem {
  id: string;
  retrospectiveId: string;
  flowId: string;
  title: string;
  frequency: number;
  impact: number;
  score: number;
  status: BacklogStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Retrospective {
  id: string;
  flowId: string;
  wentWell: string;
  wentBadly: string;
  author: string | null;
  createdAt: string;
  items: BacklogItem[];
}

export interface NewRetrospective {
  wentWell: string;
  wentBadly: string;
  items: Array<{ title: string; frequency: number; impact: number }>;
}

const enc = encodeURIComponent;
const flow = (id: string) => `/api/flows/${enc(id)}`;

export const playbookApi = {
  candidates: () => request<CandidateList>('/api/playbook/candidates'),
  createCandidate: (body: CandidateInput) =>
    request<Candidate>('/api/playbook/candidates', { method: 'POST', body }),
  updateCandidate: (id: string, body: Partial<CandidateInput>) =>
    request<Candidate>(`/api/playbook/candidates/${enc(id)}`, { method: 'PATCH', body }),
  deleteCandidate: (id: string) => request<void>(`/api/playbook/candidates/${enc(id)}`, { method: 'DELETE' }),
  createFlow: (id: string) =>
    request<{ flowId: string; candidate: Candidate }>(`/api/playbook/candidates/${enc(id)}/flow`, {
      method: 'POST',
      body: {},
    }),

  risks: (flowId: string) => request<{ items: Risk[] }>(`${flow(flowId)}/risks`),
  createRisk: (flowId: string, body: RiskInput) =>
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
    request<{ items: RunbookRevisionSummary[] }>(`${flow(flowId)}/runbook/revisions`),

  statusReport: (flowId: string, week?: string) =>
    request<StatusReport>(`${flow(flowId)}/status-report`, {
      method: 'POST',
      body: week ? { week } : {},
    }),

  retrospectives: (flowId: string) => request<{ items: Retrospective[] }>(`${flow(flowId)}/retrospectives`),
  createRetrospective: (flowId: string, body: NewRetrospective) =>
    request<Retrospective>(`${flow(flowId)}/retrospectives`, { method: 'POST', body }),
  backlog: (flowId?: string) =>
    request<{ items: BacklogItem[] }>('/api/playbook/backlog', { query: { flowId } }),
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
