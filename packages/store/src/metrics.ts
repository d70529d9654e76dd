/**
 * Metrics read a projection of finished runs (`run_facts`), never the runs table itself: run
 * inputs and steps are purged by retention and the run log's layout belongs to the runner, while
 * a fact is small, indexed for period queries, and kept as long as the flow exists.
 */
export const FACT_STATUSES = ['succeeded', 'flagged', 'rejected', 'failed'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

/** A rule or contract check that failed (`fail`, the record was rejected) or flagged it. */
export interface FactIssue {
  rule: string;
  field: string | null;
  result: 'fail' | 'flag';
}

/** One finished record, as metrics see it. */
export interface RunFact {
  runId: string;
  flowId: string;
  version: number;
  recordKey: string | null;
  status: FactStatus;
  /** The record's entry time (its entry-timestamp field), else its receipt time. */
  enteredAt: string;
  receivedAt: string;
  /** When the write committed (the run finished `succeeded` or `flagged`); null otherwise. */
  committedAt: string | null;
  /** committedAt − enteredAt; null when nothing was committed. */
  ttvMs: number | null;
  /** Synthetic history seeded for the example flow (never mixed silently with real runs). */
  demo: boolean;
  issues: FactIssue[];
}

/** A period of one flow in whole UTC days (`YYYY-MM-DD`, both inclusive). */
export interface FactQuery {
  flowId: string;
  fromDay: string;
  toDay: string;
  version?: number | undefined;
}

/** Counts of one day (UTC, `YYYY-MM-DD`) of a period. */
export interface FactDay {
  day: string;
  count: number;
  /** Rejected or flagged, or re-sent after a rejection of the same record key. */
  reworked: number;
  byStatus: Record<FactStatus, number>;
  /** Demo facts among `count`. */
  demo: number;
}

export interface IssueCount {
  rule: string;
  field: string | null;
  result: 'fail' | 'flag';
  count: number;
}

/** Per-flow counts over a period, for the portfolio. */
export interface FlowFactTotals {
  flowId: string;
  count: number;
  reworked: number;
  demo: number;
}

export interface MetricSettings {
  flowId: string;
  /** The flow's SLA target for Time-to-Value; null when none is set. */
  slaTargetMs: number | null;
  updatedAt: string;
}

export interface MetricsRepository {
  /**
   * Stores facts (and their issues) once each: a run already projected is skipped, so catching
   * up twice is harmless. Marks a fact `resent` when an earlier rejected fact of the same flow
   * has its record key. Answers how many were new.
   */
  record(facts: readonly RunFact[]): Promise<number>;
  /** Of these run ids, those that have a fact already. */
  projected(runIds: readonly string[]): Promise<Set<string>>;
  /** Counts per day of the period (days without facts are absent), oldest first. */
  days(query: FactQuery): Promise<FactDay[]>;
  /** The TTVs (ms) of the period's committed records, per day, each ascending. */
  ttvs(query: FactQuery): Promise<Map<string, Float64Array>>;
  /** Failed and flagging checks of the period, most frequent first. */
  issues(query: FactQuery): Promise<IssueCount[]>;
  /** Counts per flow over a period of whole days (flows without facts are absent). */
  totals(fromDay: string, toDay: string): Promise<FlowFactTotals[]>;
  /** Whether the flow has demo facts. */
  hasDemo(flowId: string): Promise<boolean>;
  /** Removes the flow's demo facts; answers how many went. */
  clearDemo(flowId: string): Promise<number>;
  settings(flowId: string): Promise<MetricSettings | null>;
  saveSettings(settings: MetricSettings): Promise<void>;
  /** Where the projector resumes scanning finished runs (a `receivedAt`), null before the first scan. */
  watermark(): Promise<string | null>;
  setWatermark(at: string): Promise<void>;
}
