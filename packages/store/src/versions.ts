import type { FlowSource, Plan } from '@baton/schema';

export const VERSION_STATES = ['in_review', 'approved', 'rejected', 'published', 'superseded'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

/** Why a version exists; required at submission so every change has a reason on record. */
export interface ChangeNote {
  reason: string;
  acceptanceCheck: string;
  risk: string;
}

export interface VersionSummary {
  flowId: string;
  version: number;
  state: VersionState;
  contentHash: string;
  changeNote: ChangeNote;
  createdAt: string;
  publishedAt: string | null;
}

/** A version with its immutable content: the source it was submitted from and the compiled plan. */
export interface VersionRecord extends VersionSummary {
  source: FlowSource;
  definition: Plan;
}

export interface NewVersion {
  flowId: string;
  source: FlowSource;
  /** The plan compiled from `source`; its `contentHash` becomes the version's. */
  definition: Plan;
  changeNote: ChangeNote;
  now: string;
}

export interface PublishResult {
  published: VersionSummary;
  /** The version that was published before and is now superseded, if any. */
  superseded: number | null;
}

/**
 * Versions are immutable snapshots (source + plan + hash); only their state moves. Numbers are
 * per flow, 1, 2, 3…, assigned by the store so two submissions cannot take the same number.
 */
export interface VersionRepository {
  /** Adds the next version of the flow in state `in_review`. Throws `StoreNotFoundError` for an unknown flow. */
  create(version: NewVersion): Promise<VersionSummary>;
  get(flowId: string, version: number): Promise<VersionRecord | null>;
  /** Newest first. */
  list(flowId: string): Promise<VersionSummary[]>;
  published(flowId: string): Promise<VersionSummary | null>;
  /**
   * Makes the version the published one and supersedes the previous published version.
   * Publishing the published version again is a no-op. Throws `StoreNotFoundError`.
   */
  publish(flowId: string, version: number, now: string): Promise<PublishResult>;
}
