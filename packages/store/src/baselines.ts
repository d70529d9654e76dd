/** One historical hand-off from before the pilot, as imported from a CSV. */
export interface BaselineRecord {
  /** 1-based line number in the imported file (the header is line 1). */
  line: number;
  recordKey: string;
  enteredAt: string;
  completedAt: string;
  ttvMs: number;
  reworked: boolean;
}

/**
 * The pre-pilot baseline of a flow: either imported records (figures derived from them, so a
 * later SLA target applies to the baseline too) or three figures entered by hand.
 */
export interface Baseline {
  flowId: string;
  source: 'csv' | 'manual';
  /** Hand-entered figures (null for a CSV baseline: they come from its records). */
  ttvP50Ms: number | null;
  reworkRate: number | null;
  slaAdherence: number | null;
  recordCount: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface BaselineRepository {
  get(flowId: string): Promise<Baseline | null>;
  /** TTV and rework of a CSV baseline's records, for its figures. */
  records(flowId: string): Promise<Array<Pick<BaselineRecord, 'ttvMs' | 'reworked'>>>;
  /** Replaces the flow's baseline with imported records. */
  importRecords(
    flowId: string,
    records: readonly BaselineRecord[],
    meta: { updatedAt: string; updatedBy: string | null },
  ): Promise<void>;
  /** Replaces the flow's baseline with hand-entered figures. */
  setManual(baseline: Omit<Baseline, 'source' | 'recordCount'>): Promise<void>;
  /** Removes the flow's baseline; false when there was none. */
  remove(flowId: string): Promise<boolean>;
}
