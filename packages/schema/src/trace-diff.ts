import type { Check, Step } from './trace.js';

// Shapes of a what-if/replay comparison of two traces: produced by the server's `diffTraces`,
// rendered by the web app. Defined once here so the two cannot drift.

export interface FieldChange {
  /** Dot path of the field (`address.city`); `''` when the whole value changed kind. */
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface StepSide {
  seq: number;
  status: Step['status'];
  port: string | null;
}

export interface CheckRef {
  rule: string;
  field: string | null;
  result: Check['result'];
  message: string | null;
}

export interface StepDiff {
  nodeId: string;
  label: string;
  kind: Step['kind'];
  /** Null when the record did not reach this node in that trace. */
  before: StepSide | null;
  after: StepSide | null;
  /** Output fields that differ. */
  fields: FieldChange[];
  /** Checks that fail or flag now and did not before, and the reverse. */
  startedFailing: CheckRef[];
  stoppedFailing: CheckRef[];
  /** The write's action (inserted/updated/skipped) before → after, when it changed. */
  write: { before: string | null; after: string | null } | null;
  changed: boolean;
}

export interface TraceDiff {
  outcome: { before: string; after: string; changed: boolean };
  recordKey: { before: string | null; after: string | null };
  steps: StepDiff[];
  identical: boolean;
}
