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
  /** When retention removed the input and steps; the run row and ledger stay. */
  purgedAt?: string | null;
}

export interface RunRecord extends RunSummary {
  /** The input as shown (pii masked) when `inputSealed` is set; the raw input on older rows. */
  input: Record<string, unknown>;
  /** The raw input, sealed by the server; only execution and replay open it. */
  inputSealed?: string;
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
  /** The raw input, sealed by the server (then `input` is its masked copy). */
  inputSealed?: string | undefined;
  receivedAt: string;
  duplicateOf: string | null;
  /** The worker that will execute a queued run, and until when it holds it (see `claimUnfinished`). */
  lease?: RunLease;
}

/** A run recorded with its outcome in one go (see `RunRepository.insertFinished`). */
export interface FinishedRun extends Omit<NewRun, 'status' | 'lease' | 'duplicateOf'> {
  outcome: RunOutcome;
}

export interface RunLease {
  owner: string;
  expiresAt: string;
}

export interface ClaimQuery {
  /** The claiming worker; the claimed runs' lease passes to it until `until`. */
  owner: string;
  /** Runs whose lease expired before this instant (or that have none) are claimable. */
  now: string;
  until: string;
  /** Also take runs whose lease has not expired (start-up of the only process: their owner is gone). */
  ignoreLeases?: boolean;
  limit: number;
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
  /** Only with `flowId` in practice: versions are numbered per flow. */
  version?: number;
  status?: RunStatus;
  /** Exact record key or idempotency key, or a prefix of the record key. */
  search?: string;
  /** Inclusive lower bound on `receivedAt` (ISO 8601 UTC). */
  from?: string;
  /** Inclusive upper bound on `receivedAt` (ISO 8601 UTC). */
  to?: string;
  limit: number;
  /** Opaque, from a previous page's `nextCursor`. */
  cursor?: string;
}

/** The filters of a runs list without paging, for counts and exports. */
export type RunFilter = Omit<RunQuery, 'limit' | 'cursor'>;

/** Runs per status under a filter (its own `status` ignored, so every status shows its count). */
export interface RunCounts {
  total: number;
  byStatus: Partial<Record<RunStatus, number>>;
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
  /**
   * Stores a run that executed before it was recorded (the synchronous webhook path: the request
   * is acknowledged only after this commits), finished, in one row write: one insert instead of
   * an insert and an update, so each run index is written once.
   */
  insertFinished(run: FinishedRun): Promise<void>;
  get(runId: string): Promise<RunDetail | null>;
  /** Newest first (by `receivedAt`, then id), with a cursor to the next page. */
  list(query: RunQuery): Promise<RunPage>;
  /** How many runs per status match the filter (from the same indexes as `list`). */
  counts(filter: RunFilter): Promise<RunCounts>;
  /** The most recent run with this key that is not itself a duplicate: what a resend is compared to. */
  latestByKey(flowId: string, idempotencyKey: string, receivedSince?: string): Promise<RunRecord | null>;
  /**
   * Hands unfinished runs whose lease expired to `owner` (counting an attempt each), oldest
   * first, and answers them: the reconciler's way to finish what a dead worker left.
   */
  claimUnfinished(query: ClaimQuery): Promise<RunRecord[]>;
  /**
   * Retention: removes the input (replaced by `{}`) and the steps of up to `limit` finished runs
   * received before `before`, marking them purged at `now`; the run rows and the ledger stay.
   * Answers how many were purged (call again while it answers `limit`).
   */
  purge(before: string, now: string, limit: number): Promise<number>;
  /** Runs left `queued` or `running` (by a crash), oldest first. */
  unfinished(): Promise<RunRecord[]>;
  /** One run with a sealed input, if any: start-up checks the key opens it. */
  sealedInputSample(): Promise<{ flowId: string; inputSealed: string } | null>;
}
