import type { RunStatus, Trace, TraceDiff } from '@baton/schema';

export type { CheckRef, FieldChange, StepDiff, StepSide, TraceDiff } from '@baton/schema';

// Shapes of the replay and what-if API (docs/architecture.md, "Replay").

export interface RunCounts {
  total: number;
  byStatus: Record<RunStatus, number>;
}

/** A version number, or the flow's current draft. */
export type ReplayAgainst = number | 'draft';

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
