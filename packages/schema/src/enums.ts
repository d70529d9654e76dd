/**
 * Closed sets of values that both the store (column values) and the HTTP API schemas (./api/)
 * name. They live here, not in @baton/store, so the browser-safe API schemas can use them without
 * pulling in the store; @baton/store re-exports them unchanged.
 */

export const ROLES = ['admin', 'analyst', 'owner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const VERSION_STATES = ['in_review', 'approved', 'rejected', 'published', 'superseded'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

/** Kinds of downstream connection a write node can name. */
export const CONNECTION_KINDS = ['sqlite-embedded', 'postgres', 'http', 'jsonl-file'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/**
 * `rejected`: a record stopped at a hand-off the owner answers for (informational);
 * `follow_up`: a record went on flagged and the owner has something to look at and close;
 * `failed`: a run failed technically (target error after retries, dead-lettered).
 */
export const INBOX_KINDS = ['rejected', 'follow_up', 'failed'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Issue categories the owner lookup routes problems by (PRODUCT.md "RACI"). */
export const ISSUE_CATEGORIES = [
  'dataQuality',
  'connectivity',
  'downstreamProcessing',
  'businessRule',
] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];

export const OWNER_KINDS = ['person', 'team'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export const RISK_STATUSES = ['open', 'mitigated', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const BACKLOG_STATUSES = ['open', 'planned', 'in_progress', 'done', 'dropped'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];
