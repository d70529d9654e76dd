import type { DeliveryState, FieldFailure, InboxItem, WebhookDelivery } from '../notifications.js';
import { parseJson } from './parse-json.js';

export interface ItemRow {
  id: string;
  owner_id: string;
  kind: InboxItem['kind'];
  run_id: string;
  flow_id: string;
  edge_id: string | null;
  node_id: string | null;
  field: string | null;
  rule: string | null;
  message: string;
  record: string;
  status: InboxItem['status'];
  created_at: string;
  closed_at: string | null;
}

export interface DeliveryRow {
  id: string;
  owner_id: string;
  url: string;
  body: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
}

export const ITEM_COLUMNS =
  'id, owner_id, kind, run_id, flow_id, edge_id, node_id, field, rule, message, record, status, created_at, closed_at';

export const DELIVERY_COLUMNS =
  'id, owner_id, url, body, state, attempts, next_attempt_at, last_error, created_at';

export function toItem(row: ItemRow): InboxItem {
  return {
    id: row.id,
    ownerId: row.owner_id,
    kind: row.kind,
    runId: row.run_id,
    flowId: row.flow_id,
    edgeId: row.edge_id,
    nodeId: row.node_id,
    field: row.field,
    rule: row.rule,
    message: row.message,
    record: parseJson<Record<string, unknown>>(row.record),
    status: row.status,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    ownerId: row.owner_id,
    url: row.url,
    body: parseJson<Record<string, unknown>>(row.body),
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

/** The columns `recentFailures` reads: a failure is an inbox item that names a field. */
export interface FailureRow {
  run_id: string;
  flow_id: string;
  field: string;
  rule: string | null;
  message: string;
  kind: InboxItem['kind'];
  created_at: string;
}

export function toFailure(r: FailureRow): FieldFailure {
  return {
    runId: r.run_id,
    flowId: r.flow_id,
    field: r.field,
    rule: r.rule,
    message: r.message,
    kind: r.kind,
    createdAt: r.created_at,
  };
}

/** A delivery's values in DELIVERY_COLUMNS order, as both backends insert them. */
export function deliveryParams(d: WebhookDelivery): unknown[] {
  return [
    d.id,
    d.ownerId,
    d.url,
    JSON.stringify(d.body),
    d.state,
    d.attempts,
    d.nextAttemptAt,
    d.lastError,
    d.createdAt,
  ];
}
