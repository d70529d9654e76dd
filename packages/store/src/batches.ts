export const BATCH_FORMATS = ['csv', 'jsonl'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

/** `receiving` while the file streams in, `running` until its runs finish, then `done`. */
export const BATCH_STATES = ['receiving', 'running', 'done', 'interrupted'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

/** Per-status counts of a batch's rows. */
export interface BatchCounts {
  /** Data rows read from the file (header excluded), malformed ones included. */
  rows: number;
  /** Rows turned into runs (durably queued). */
  queued: number;
  succeeded: number;
  flagged: number;
  /** Runs a rule or contract rejected. */
  rejected: number;
  failed: number;
  duplicate: number;
  /** Lines that could not be read as a record (bad CSV or JSON, not an object, too deep). */
  malformed: number;
}

export const EMPTY_BATCH_COUNTS: BatchCounts = {
  rows: 0,
  queued: 0,
  succeeded: 0,
  flagged: 0,
  rejected: 0,
  failed: 0,
  duplicate: 0,
  malformed: 0,
};

export interface BatchRecord {
  id: string;
  flowId: string;
  /** The published version when the batch started. */
  version: number;
  format: BatchFormat;
  fileName: string | null;
  state: BatchState;
  counts: BatchCounts;
  bytes: number;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Why the batch stopped early (the body was too large, the upload broke off). */
  error: string | null;
}

/** A row that did not make it: malformed, refused at intake, or rejected by the flow. */
export interface BatchReject {
  batchId: string;
  /** 1-based line of the file (CSV: the record's first line; the header is line 1). */
  line: number;
  /** `malformed`, `refused`, `rejected` or `failed`. */
  reason: string;
  error: string;
  /** The row as read (the raw line when it could not be parsed). */
  raw: string;
  runId: string | null;
}

export interface BatchRepository {
  create(batch: BatchRecord): Promise<void>;
  get(id: string): Promise<BatchRecord | null>;
  /** Newest first. */
  listByFlow(flowId: string, limit: number): Promise<BatchRecord[]>;
  /** Stores the latest counts (and state, bytes, error, finish time when given). */
  update(
    id: string,
    patch: Partial<Pick<BatchRecord, 'counts' | 'state' | 'bytes' | 'error' | 'finishedAt'>>,
  ): Promise<void>;
  addRejects(rejects: readonly BatchReject[]): Promise<void>;
  /** In line order, `limit` at a time after `afterLine` (downloads page through them). */
  rejects(batchId: string, afterLine: number, limit: number): Promise<BatchReject[]>;
  /**
   * Start-up: batches a crash or restart cut off become `interrupted`; answers how many.
   * `keep`: ids still streaming on another live node (cluster mode), left alone.
   */
  interruptUnfinished(at: string, keep?: readonly string[]): Promise<number>;
}
