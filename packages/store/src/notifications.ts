import type { InboxKind, DeliveryState } from '@baton/schema';
// Moved to @baton/schema so the browser-safe API schemas can name them; re-exported unchanged.
export { INBOX_KINDS, DELIVERY_STATES, type InboxKind, type DeliveryState } from '@baton/schema';

export interface InboxItem {
  id: string;
  ownerId: string;
  kind: InboxKind;
  runId: string;
  flowId: string;
  edgeId: string | null;
  nodeId: string | null;
  field: string | null;
  rule: string | null;
  message: string;
  /** The record as it arrived at the failing step, with pii fields masked. */
  record: Record<string, unknown>;
  status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
}

export type NewInboxItem = Omit<InboxItem, 'status' | 'closedAt'>;

export interface InboxQuery {
  ownerId?: string;
  status?: 'open' | 'closed';
  kind?: InboxKind;
  limit: number;
}

/** One outbound webhook notification; retried with back-off until delivered or out of attempts. */
export interface WebhookDelivery {
  id: string;
  ownerId: string;
  url: string;
  body: Record<string, unknown>;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
}

export interface FieldFailure {
  runId: string;
  flowId: string;
  field: string;
  rule: string | null;
  message: string;
  kind: InboxKind;
  createdAt: string;
}

export interface NotificationRepository {
  /**
   * Runs that ended rejected, flagged or failed and were not processed yet, oldest first. Marking a run
   * processed and adding its items happen in one unit of work, so a crash repeats none.
   */
  pendingRuns(limit: number): Promise<string[]>;
  markRunProcessed(runId: string, now: string): Promise<void>;
  addItems(items: readonly NewInboxItem[]): Promise<void>;
  listItems(query: InboxQuery): Promise<InboxItem[]>;
  getItem(id: string): Promise<InboxItem | null>;
  setItemStatus(id: string, status: 'open' | 'closed', now: string): Promise<InboxItem | null>;
  /** Failures recorded for an owner's fields, newest first (for My fields). */
  recentFailures(ownerId: string, limit: number): Promise<FieldFailure[]>;
  addDeliveries(deliveries: readonly WebhookDelivery[]): Promise<void>;
  /** Pending deliveries due at `now`. */
  dueDeliveries(now: string, limit: number): Promise<WebhookDelivery[]>;
  recordAttempt(
    id: string,
    result: { state: DeliveryState; nextAttemptAt: string; error: string | null },
  ): Promise<void>;
  listDeliveries(ownerId: string | null, limit: number): Promise<WebhookDelivery[]>;
  /** Distinct rejected runs per edge of a flow since `since` (from the rejection notices). */
  rejectionsByEdge(flowId: string, since: string): Promise<Array<{ edgeId: string; rejections: number }>>;
}
