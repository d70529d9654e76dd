import type { BacklogItem, BacklogStatus, Candidate, Risk, RunbookRevision } from '../playbook-repository.js';

export interface CandidateRow {
  id: string;
  name: string;
  system_from: string;
  system_to: string;
  frequency_per_week: number;
  impact: number;
  notes: string;
  rationale: string;
  flow_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface RiskRow {
  id: string;
  flow_id: string;
  risk: string;
  likelihood: number;
  impact: number;
  mitigation: string;
  owner_id: string | null;
  status: Risk['status'];
  created_at: string;
  updated_at: string;
}

export interface RevisionRow {
  flow_id: string;
  revision: number;
  body: string;
  author: string | null;
  created_at: string;
}

export interface RetroRow {
  id: string;
  flow_id: string;
  went_well: string;
  went_badly: string;
  author: string | null;
  created_at: string;
}

export interface BacklogRow {
  id: string;
  retrospective_id: string;
  flow_id: string;
  title: string;
  frequency: number;
  impact: number;
  status: BacklogStatus;
  created_at: string;
  updated_at: string;
}

export const CANDIDATE_COLUMNS =
  'id, name, system_from, system_to, frequency_per_week, impact, notes, rationale, flow_id, created_at, updated_at';

export const RISK_COLUMNS =
  'id, flow_id, risk, likelihood, impact, mitigation, owner_id, status, created_at, updated_at';

export const BACKLOG_COLUMNS =
  'id, retrospective_id, flow_id, title, frequency, impact, status, created_at, updated_at';

// Highest score first; ties oldest first so the order is stable while editing inline.
export const BY_RISK_SCORE = 'ORDER BY likelihood * impact DESC, created_at, id';

export const BY_BACKLOG_SCORE = 'ORDER BY frequency * impact DESC, created_at, id';

export function toCandidate(r: CandidateRow): Candidate {
  return {
    id: r.id,
    name: r.name,
    systemFrom: r.system_from,
    systemTo: r.system_to,
    frequencyPerWeek: r.frequency_per_week,
    impact: r.impact,
    notes: r.notes,
    rationale: r.rationale,
    flowId: r.flow_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toRisk(r: RiskRow): Risk {
  return {
    id: r.id,
    flowId: r.flow_id,
    risk: r.risk,
    likelihood: r.likelihood,
    impact: r.impact,
    mitigation: r.mitigation,
    ownerId: r.owner_id,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toRevision(r: RevisionRow): RunbookRevision {
  return { flowId: r.flow_id, revision: r.revision, body: r.body, author: r.author, createdAt: r.created_at };
}

export function toBacklog(r: BacklogRow): BacklogItem {
  return {
    id: r.id,
    retrospectiveId: r.retrospective_id,
    flowId: r.flow_id,
    title: r.title,
    frequency: r.frequency,
    impact: r.impact,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
