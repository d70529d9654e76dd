import type { RunStatus, Trace } from '@baton/schema';

// Shapes of the replay and what-if API (docs/architecture.md, "Replay").

export interface RunCounts {
  total: number;
  byStatus: Record<RunStatus, number>;
}

/** A version number, or the flow's current draft. */
export type ReplayAgainst = number | 'draft';

export interface FieldChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface CheckRef {
  rule: string;
  field: string | null;
  result: string;
  message: string | null;
}

export interface StepSide {
  seq: number;
  status: string;
  port: string | null;
}

export interface StepDiff {
  nodeId: string;
  label: string;
  kind: string;
  before: StepSide | null;
  after: StepSide | null;
  fields: FieldChange[];
  startedFailing: CheckRef[];
  stoppedFailing: CheckRef[];
  write: { before: string | null; after: string | null } | null;
  changed: boolean;
}

export interface TraceDiff {
  outcome: { before: string; after: string; changed: boolean };
  recordKey: { before: string | null; after: string | null };
  steps: StepDiff[];
  identical: boolean;
}

export interface ReplayResult {
  runId: string;
  against: ReplayAgainst;
  ownVersion: boolean;
  original: Trace;
  replay: Trace;
  diff: TraceDiff;
}

export interface WhatIfReport {
  flowId: string;
  against: ReplayAgainst;
  generatedAt: string;
  selected: number;
  replayed: number;
  skipped: number;
  outcomeChanged: number;
  traceChanged: number;
  transitions: Array<{ from: RunStatus; to: RunStatus; count: number }>;
  fieldsChangingMost: Array<{ nodeId: string; label: string; field: string; count: number }>;
  rulesStartingToFail: Array<{ rule: string; field: string | null; count: number }>;
  rulesStoppingToFail: Array<{ rule: string; field: string | null; count: number }>;
  runs: Array<{
    runId: string;
    recordKey: string | null;
    before: RunStatus;
    after: RunStatus;
    outcomeChanged: boolean;
    changedFields: string[];
    link: string;
  }>;
}
