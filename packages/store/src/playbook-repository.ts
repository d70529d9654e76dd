/**
 * The pilot playbook kept beside the flows (issue 6): candidate hand-offs to scope, a risk
 * register and a runbook per flow, retrospectives whose items become a ranked backlog.
 */

import type { RiskStatus, BacklogStatus } from '@baton/schema';
// Moved to @baton/schema so the browser-safe API schemas can name them; re-exported unchanged.
export { RISK_STATUSES, BACKLOG_STATUSES, type RiskStatus, type BacklogStatus } from '@baton/schema';

/** A hand-off considered for the pilot; plotted frequency × impact on the scoping grid. */
export interface Candidate {
  id: string;
  name: string;
  systemFrom: string;
  systemTo: string;
  /** Hand-offs per week (may be fractional: 0.5 = every other week). */
  frequencyPerWeek: number;
  /** Business impact, 1 (minor) to 5 (critical). */
  impact: number;
  notes: string;
  rationale: string;
  /** The flow made from this candidate, once there is one. */
  flowId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewCandidate = Omit<Candidate, 'flowId' | 'createdAt' | 'updatedAt'>;
export type CandidatePatch = Partial<Omit<Candidate, 'id' | 'flowId' | 'createdAt' | 'updatedAt'>>;

export interface Risk {
  id: string;
  flowId: string;
  risk: string;
  likelihood: number;
  impact: number;
  mitigation: string;
  ownerId: string | null;
  status: RiskStatus;
  createdAt: string;
  updatedAt: string;
}

export type NewRisk = Omit<Risk, 'createdAt' | 'updatedAt'>;
export type RiskPatch = Partial<Omit<Risk, 'id' | 'flowId' | 'createdAt' | 'updatedAt'>>;

/** One saved state of a flow's runbook; revisions count from 1 per flow and never change. */
export interface RunbookRevision {
  flowId: string;
  revision: number;
  body: string;
  author: string | null;
  createdAt: string;
}

/** The runbook revision that was current when a version was published (null: none yet). */
export interface RunbookPin {
  flowId: string;
  version: number;
  revision: number | null;
  pinnedAt: string;
}

export interface BacklogItem {
  id: string;
  retrospectiveId: string;
  flowId: string;
  title: string;
  /** How often the problem bites, 1–5. */
  frequency: number;
  /** How much it hurts when it does, 1–5. */
  impact: number;
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
  id: string;
  flowId: string;
  wentWell: string;
  wentBadly: string;
  author: string | null;
  items: Array<{ id: string; title: string; frequency: number; impact: number }>;
}

export interface PlaybookRepository {
  listCandidates(): Promise<Candidate[]>;
  getCandidate(id: string): Promise<Candidate | null>;
  createCandidate(candidate: NewCandidate, now: string): Promise<Candidate>;
  updateCandidate(id: string, patch: CandidatePatch, now: string): Promise<Candidate | null>;
  /** Records the flow made from the candidate. */
  linkCandidate(id: string, flowId: string, now: string): Promise<Candidate | null>;
  deleteCandidate(id: string): Promise<boolean>;

  /** A flow's risks, highest likelihood × impact first. */
  listRisks(flowId: string): Promise<Risk[]>;
  getRisk(id: string): Promise<Risk | null>;
  createRisk(risk: NewRisk, now: string): Promise<Risk>;
  updateRisk(id: string, patch: RiskPatch, now: string): Promise<Risk | null>;
  deleteRisk(id: string): Promise<boolean>;

  /** The latest revision (or a given one); null when the flow has no runbook (or no such revision). */
  runbook(flowId: string, revision?: number): Promise<RunbookRevision | null>;
  /** Every revision, newest first, bodies included (runbooks are small). */
  runbookRevisions(flowId: string): Promise<RunbookRevision[]>;
  /** Appends a revision (the next number) and answers it. */
  saveRunbook(flowId: string, body: string, author: string | null, now: string): Promise<RunbookRevision>;
  /**
   * Records the flow's current runbook revision against a version. The first pin of a version
   * wins: republishing (rollback) keeps the runbook it shipped with.
   */
  pinRunbook(flowId: string, version: number, now: string): Promise<RunbookPin>;
  runbookPin(flowId: string, version: number): Promise<RunbookPin | null>;

  listRetrospectives(flowId: string): Promise<Retrospective[]>;
  createRetrospective(retro: NewRetrospective, now: string): Promise<Retrospective>;
  /** Backlog items (of one flow, or all), highest frequency × impact first. */
  listBacklog(flowId?: string): Promise<BacklogItem[]>;
  setBacklogStatus(id: string, status: BacklogStatus, now: string): Promise<BacklogItem | null>;
}
