import type { Diagnostic, FlowSource, Plan, RunStatus, Step, Trace } from '@baton/schema';
import type { WhatIfReport } from './replay-types';

// Shapes of the HTTP API (docs/architecture.md). The web app may not import server code, so the
// response types live here, built from @baton/schema's document types.

export interface FlowSummary {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  publishedVersion: number | null;
  latestVersion: number | null;
  runCount: number;
}

export interface ChangeNote {
  reason: string;
  acceptanceCheck: string;
  risk: string;
  /** A bulk what-if report of the draft, attached at submission for the approver. */
  whatIf?: WhatIfReport;
}

export interface VersionSummary {
  version: number;
  /** `in_review`, `published`, … (the approval gate adds states later, hence a plain string). */
  state: string;
  contentHash: string;
  createdAt: string;
  publishedAt: string | null;
  changeNote: ChangeNote | null;
}

export interface FlowDetail extends FlowSummary {
  versions: VersionSummary[];
}

export interface CreateFlowRequest {
  id?: string;
  name: string;
  description?: string;
}

export interface SaveDraftResponse {
  savedAt: string;
  diagnostics: Diagnostic[];
}

export interface CompileResponse {
  definition: Plan | null;
  diagnostics: Diagnostic[];
}

export type TestRunResponse = Trace & { diagnostics?: Diagnostic[] };

export interface SubmitVersionResponse {
  version: number;
  state: string;
  contentHash: string;
}

export interface PublishResponse {
  version: number;
  state: string;
}

export interface RunSummary {
  id: string;
  flowId: string;
  version: number | null;
  status: RunStatus;
  recordKey: string | null;
  receivedAt: string;
  startedAt?: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  /** Technical error of a failed run (after retries). */
  error?: string | null;
  /** Set when retention removed the run's input and steps. */
  purgedAt?: string | null;
}

export interface Run extends RunSummary {
  idempotencyKey: string | null;
  input: unknown;
  steps: Step[];
  duplicateOf: string | null;
}

export interface RunFilter {
  flowId?: string;
  version?: number;
  status?: RunStatus;
  /** Record key (exact or prefix) or idempotency key. */
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export type { Diagnostic, FlowSource, Plan, Trace, Step };
export type {
  FieldChange,
  ReplayAgainst,
  ReplayResult,
  RunCounts,
  StepDiff,
  TraceDiff,
} from './replay-types';
export type { WhatIfReport };
