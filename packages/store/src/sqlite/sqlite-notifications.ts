import type {
  DeliveryState,
  FieldFailure,
  InboxItem,
  InboxQuery,
  NewInboxItem,
  NotificationRepository,
  WebhookDelivery,
} from '../notifications.js';
import { parseJson, type SqlContext } from './sql-context.js';

interface ItemRow {
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

interface DeliveryRow {
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

const ITEM_COLUMNS =
  'id, owner_id, kind, run_id, flow_id, edge_id, node_id, field, rule, message, record, status, created_at, closed_at';
const DELIVERY_COLUMNS = 'id, owner_id, url, body, state, attempts, next_attempt_at, last_error, created_at';

function toItem(row: ItemRow): InboxItem {
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

function toDelivery(row: DeliveryRow): WebhookDelivery {
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

export class SqliteNotifications implements NotificationRepository {
  constructor(private readonly sql: SqlContext) {}

  pendingRuns(limit: number): Promise<string[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(
            `SELECT r.id FROM runs r LEFT JOIN notified_runs n ON n.run_id = r.id
             WHERE r.status IN ('rejected', 'flagged', 'failed') AND n.run_id IS NULL
             ORDER BY r.finished_at, r.id LIMIT ?`,
          )
          .all(limit) as Array<{ id: string }>
      ).map((r) => r.id),
    );
  }

  markRunProcessed(runId: string, now: string): Promise<void> {
    return this.sql.gate(() => {
      this.sql.stmt('INSERT OR IGNORE INTO notified_runs (run_id, at) VALUES (?, ?)').run(runId, now);
    });
  }

  addItems(items: readonly NewInboxItem[]): Promise<void> {
    return this.sql.gate(() => {
      const insert = this.sql.stmt(
        `INSERT INTO inbox_items (${ITEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, NULL)`,
      );
      for (const i of items) {
        insert.run(
          i.id,
          i.ownerId,
          i.kind,
          i.runId,
          i.flowId,
          i.edgeId,
          i.nodeId,
          i.field,
          i.rule,
          i.message,
          JSON.stringify(i.record),
          i.createdAt,
        );
      }
    });
  }

  listItems(query: InboxQuery): Promise<InboxItem[]> {
    return this.sql.gate(() => {
      const where: string[] = [];
      const args: unknown[] = [];
      const filters = [
        ['owner_id', query.ownerId],
        ['status', query.status],
        ['kind', query.kind],
      ] as const;
      for (const [column, value] of filters) {
        if (value === undefined) continue;
        where.push(`${column} = ?`);
        args.push(value);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      return (
        this.sql
          .stmt(`SELECT ${ITEM_COLUMNS} FROM inbox_items ${clause} ORDER BY created_at DESC, id DESC LIMIT ?`)
          .all(...args, query.limit) as ItemRow[]
      ).map(toItem);
    });
  }

  getItem(id: string): Promise<InboxItem | null> {
    return this.sql.gate(() => {
      const row = this.sql.stmt(`SELECT ${ITEM_COLUMNS} FROM inbox_items WHERE id = ?`).get(id) as
        ItemRow | undefined;
      return row ? toItem(row) : null;
    });
  }

  setItemStatus(id: string, status: 'open' | 'closed', now: string): Promise<InboxItem | null> {
    return this.sql.gate(() => {
      this.sql
        .stmt('UPDATE inbox_items SET status = ?, closed_at = ? WHERE id = ?')
        .run(status, status === 'closed' ? now : null, id);
      const row = this.sql.stmt(`SELECT ${ITEM_COLUMNS} FROM inbox_items WHERE id = ?`).get(id) as
        ItemRow | undefined;
      return row ? toItem(row) : null;
    });
  }

  recentFailures(ownerId: string, limit: number): Promise<FieldFailure[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(
            `SELECT run_id, flow_id, field, rule, message, kind, created_at FROM inbox_items
             WHERE owner_id = ? AND field IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT ?`,
          )
          .all(ownerId, limit) as Array<{
          run_id: string;
          flow_id: string;
          field: string;
          rule: string | null;
          message: string;
          kind: InboxItem['kind'];
          created_at: string;
        }>
      ).map((r) => ({
        runId: r.run_id,
        flowId: r.flow_id,
        field: r.field,
        rule: r.rule,
        message: r.message,
        kind: r.kind,
        createdAt: r.created_at,
      })),
    );
  }

  addDeliveries(deliveries: readonly WebhookDelivery[]): Promise<void> {
    return this.sql.gate(() => {
      const insert = this.sql.stmt(
        `INSERT INTO webhook_deliveries (${DELIVERY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const d of deliveries) {
        insert.run(
          d.id,
          d.ownerId,
          d.url,
          JSON.stringify(d.body),
          d.state,
          d.attempts,
          d.nextAttemptAt,
          d.lastError,
          d.createdAt,
        );
      }
    });
  }

  dueDeliveries(now: string, limit: number): Promise<WebhookDelivery[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(
            `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
             WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
          )
          .all(now, limit) as DeliveryRow[]
      ).map(toDelivery),
    );
  }

  recordAttempt(
    id: string,
    result: { state: DeliveryState; nextAttemptAt: string; error: string | null },
  ): Promise<void> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          'UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
        )
        .run(result.state, result.nextAttemptAt, result.error, id);
    });
  }

  listDeliveries(ownerId: string | null, limit: number): Promise<WebhookDelivery[]> {
    return this.sql.gate(() =>
      (
        (ownerId === null
          ? this.sql
              .stmt(
                `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries ORDER BY created_at DESC, id DESC LIMIT ?`,
              )
              .all(limit)
          : this.sql
              .stmt(
                `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE owner_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
              )
              .all(ownerId, limit)) as DeliveryRow[]
      ).map(toDelivery),
    );
  }

  rejectionsByEdge(flowId: string, since: string): Promise<Array<{ edgeId: string; rejections: number }>> {
    return this.sql.gate(
      () =>
        this.sql
          .stmt(
            `SELECT edge_id AS edgeId, COUNT(DISTINCT run_id) AS rejections FROM inbox_items
             WHERE flow_id = ? AND kind = 'rejected' AND edge_id IS NOT NULL AND created_at >= ?
             GROUP BY edge_id ORDER BY edge_id`,
          )
          .all(flowId, since) as Array<{ edgeId: string; rejections: number }>,
    );
  }
}
