/** One execution of a run that ended `failed`. */
export interface DeadLetterAttempt {
  runId: string;
  at: string;
  error: string;
}

/**
 * A failed run waiting for a person: the error and the attempts so far. Retrying it starts a
 * new run (finished runs never change) and records that run here as `retriedBy`.
 */
export interface DeadLetter {
  runId: string;
  flowId: string;
  version: number;
  recordKey: string | null;
  error: string;
  attempts: DeadLetterAttempt[];
  createdAt: string;
  retriedBy: string | null;
  retriedAt: string | null;
}

export interface DeadLetterRepository {
  /** Records a failed run; `attempts` carries the history of earlier runs it retried. */
  add(entry: Omit<DeadLetter, 'retriedBy' | 'retriedAt'>): Promise<void>;
  get(runId: string): Promise<DeadLetter | null>;
  /** Open (not yet retried) dead letters, newest first. */
  listOpen(query: { flowId?: string; limit: number }): Promise<DeadLetter[]>;
  /** Marks the dead letter retried by `retryRunId`; false when it already was (two clicks, one retry). */
  markRetried(runId: string, retryRunId: string, at: string): Promise<boolean>;
}
