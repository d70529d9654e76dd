import type { FlowSource, Plan, VersionState } from '@baton/schema';
// Moved to @baton/schema so the browser-safe API schemas can name them; re-exported unchanged.
export { VERSION_STATES, type VersionState } from '@baton/schema';

/** Why a version exists; required at submission so every change has a reason on record. */
export interface ChangeNote {
  reason: string;
  acceptanceCheck: string;
  risk: string;
  /** A bulk what-if report (`POST /api/flows/:id/what-if`) attached for the approver; stored as given. */
  whatIf?: Record<string, unknown>;
}

/** An owner whose fields a version changes: they are Consulted and must sign off. */
export interface RequiredSignOff {
  ownerId: string;
  fields: string[];
}

export interface SignOff {
  ownerId: string;
  /** Username of who signed for the owner. */
  by: string;
  at: string;
  /** The content hash signed off: a sign-off is for exactly what was submitted. */
  contentHash: string;
}

/** Who did what to a version on its way through the gate (usernames; null until it happens). */
export interface VersionReview {
  author: string | null;
  requiredSignOffs: RequiredSignOff[];
  signOffs: SignOff[];
  approvedBy: string | null;
  approvedAt: string | null;
  /** The content hash the approver saw; publishing checks it still matches. */
  approvedHash: string | null;
  rejectedBy: string | null;
  rejectedAt: string | null;
  reviewNote: string | null;
  publishedBy: string | null;
}

export interface VersionSummary extends VersionReview {
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
  /** Username of who submitted it. */
  author?: string;
  requiredSignOffs?: RequiredSignOff[];
}

/**
 * One step through the gate: the version must be in `from` (else `StoreStateError`), then
 * moves to `to` with the review fields given.
 */
export interface ReviewTransition {
  from: readonly VersionState[];
  to: VersionState;
  patch: Partial<
    Pick<
      VersionReview,
      'signOffs' | 'approvedBy' | 'approvedAt' | 'approvedHash' | 'rejectedBy' | 'rejectedAt' | 'reviewNote'
    >
  >;
}

export interface PublishOptions {
  /** States the version may be published from; anything else throws `StoreStateError`. */
  from?: readonly VersionState[];
  by?: string;
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
  publish(flowId: string, version: number, now: string, options?: PublishOptions): Promise<PublishResult>;
  /** Moves a version through the review gate atomically. Throws `StoreNotFoundError`, `StoreStateError`. */
  review(flowId: string, version: number, transition: ReviewTransition): Promise<VersionSummary>;
}
