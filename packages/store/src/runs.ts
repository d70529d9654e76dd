import type { RunStatus, Step } from '@baton/schema';

export interface RunSummary {
  id: string;
  flowId: string;
  version: number;
  status: RunStatus;
  recordKey: string | null;
  /** The key duplicates are detected by: the caller's Idempotency-Key, else one derived from the body. */
  idempotencyKey: string;
  /** sha256 of the canonical JSON of the input. */
  payloadHash: string;
  receivedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  duplicateOf: string | null;
  error: string | null;
}

export interface RunRecord extends RunSummary {
  input: Record<string, unknown>;
}

export interface RunDetail extends RunRecord {
  steps: Step[];
}

/** A run as intake records it: `queued` before it executes, or `duplicate` (finished at once). */
export interface NewRun {
  id: string;
  flowId: string;
  version: number;
  status: Extract<RunStatus, 'queued' | 'duplicate'>;
  recordKey: string | null;
  idempotencyKey: string;
  payloadHash: string;
  input: Record<string, unknown>;
  receivedAt: string;
  duplicateOf: string | null;
}

/** What execution decided, stored in one go with the run's steps. */
export interface RunOutcome {
  status: Extract<RunStatus, 'succeeded' | 'flagged' | 'rejected' | 'failed'>;
  recordKey: string | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  error: string | null;
  steps: Step[];
}

export interface RunQuery {
  flowId?: string;
  status?: RunStatus;
  /** Inclusive lower bound on `receivedAt` (ISO 8601 UTC). */
  from?: string;
  /** Inclusive upper bound on `receivedAt` (ISO 8601 UTC). */
  to?: string;
  limit: number;
  /** Opaque, from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface RunPage {
  items: RunSummary[];
  nextCursor: string | null;
}

/** Runs and their steps. A run's steps are written once, with its outcome. */
export interface RunRepository {
  insert(run: NewRun): Promise<void>;
  /**
   * Stores the outcome and steps of a `queued` or `running` run. Answers false (and changes
   * nothing) when the run is already finished, so a run is never finished twice.
   */
  finish(runId: string, outcome: RunOutcome): Promise<boolean>;
  get(runId: string): Promise<RunDetail | null>;
  /** Newest first (by `receivedAt`, then id), with a cursor to the next page. */
  list(query: RunQuery): Promise<RunPage>;
  /** The most recent run with this key that is not itself a duplicate: what a resend is compared to. */
  latestByKey(flowId: string, idempotencyKey: string): Promise<RunRecord | null>;
  /** Runs left `queued` or `running` (by a crash), oldest first. */
  unfinished(): Promise<RunRecord[]>;
}
