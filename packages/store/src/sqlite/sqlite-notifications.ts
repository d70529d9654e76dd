import type {
  DeliveryState,
  FieldFailure,
  InboxItem,
  InboxQuery,
  NewInboxItem,
  NotificationRepository,
  WebhookDelivery,
} from '../notifications.js';
import type { SqlContext } from './sql-context.js';
import {
  type ItemRow,
  type DeliveryRow,
  ITEM_COLUMNS,
  DELIVERY_COLUMNS,
  toItem,
  toDelivery,
  type FailureRow,
  toFailure,
  deliveryParams,
} from '../rows/notifications-rows.js';

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
          .all(ownerId, limit) as Array<FailureRow>
      ).map(toFailure),
    );
  }

  addDeliveries(deliveries: readonly WebhookDelivery[]): Promise<void> {
    return this.sql.gate(() => {
      const insert = this.sql.stmt(
        `INSERT INTO webhook_deliveries (${DELIVERY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const d of deliveries) {
        insert.run(...deliveryParams(d));
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
