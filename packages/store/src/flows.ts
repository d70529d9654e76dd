import type { FlowSource } from '@baton/schema';

/** A flow as lists show it: its identity plus where its versions and runs stand. */
export interface FlowSummary {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  publishedVersion: number | null;
  latestVersion: number | null;
  runCount: number;
}

export interface NewFlow {
  id: string;
  name: string;
  description: string;
  /** The draft the flow starts with; every flow has exactly one draft. */
  draft: FlowSource;
  now: string;
}

export interface Draft {
  flowId: string;
  source: FlowSource;
  updatedAt: string;
}

/** Flows and their drafts: a draft is the mutable side of a flow, so the two live together. */
export interface FlowRepository {
  /** Creates the flow and its draft. Throws `StoreConflictError` when the id is taken. */
  create(flow: NewFlow): Promise<FlowSummary>;
  get(id: string): Promise<FlowSummary | null>;
  /** All flows, by name. */
  list(): Promise<FlowSummary[]>;
  count(): Promise<number>;
  getDraft(flowId: string): Promise<Draft | null>;
  /** Replaces the draft and touches the flow's `updatedAt`. Throws `StoreNotFoundError` for an unknown flow. */
  saveDraft(flowId: string, source: FlowSource, now: string): Promise<Draft>;
}
