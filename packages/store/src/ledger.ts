/** One movement: what a log step recorded about a record crossing a hand-off. Append-only. */
export interface LedgerRecord {
  flowId: string;
  version: number;
  runId: string;
  nodeId: string;
  recordKey: string | null;
  status: string;
  at: string;
  payload: Record<string, unknown>;
}

export interface LedgerQuery {
  flowId: string;
  limit: number;
}

export interface LedgerRepository {
  append(entries: readonly LedgerRecord[]): Promise<void>;
  listByRun(runId: string): Promise<LedgerRecord[]>;
  /** Newest first. */
  listByFlow(query: LedgerQuery): Promise<LedgerRecord[]>;
}
