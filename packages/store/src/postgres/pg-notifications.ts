import type {
  DeliveryState,
  FieldFailure,
  InboxItem,
  InboxQuery,
  NewInboxItem,
  NotificationRepository,
  WebhookDelivery,
} from '../notifications.js';
import { chunks, valuesList, type PgContext } from './pg-context.js';
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

export class PgNotifications implements NotificationRepository {
  constructor(private readonly sql: PgContext) {}

  async pendingRuns(limit: number): Promise<string[]> {
    return (
      await this.sql.rows<{ id: string }>(
        `SELECT r.id FROM runs r LEFT JOIN notified_runs n ON n.run_id = r.id
         WHERE r.status IN ('rejected', 'flagged', 'failed') AND n.run_id IS NULL
         ORDER BY r.finished_at, r.id LIMIT $1`,
        [limit],
      )
    ).map((r) => r.id);
  }

  async markRunProcessed(runId: string, now: string): Promise<void> {
    await this.sql.run(
      'INSERT INTO notified_runs (run_id, at) VALUES ($1, $2) ON CONFLICT (run_id) DO NOTHING',
      [runId, now],
    );
  }

  async addItems(items: readonly NewInboxItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.sql.atomic(async (sql) => {
      for (const part of chunks(items)) {
        await sql.run(
          `INSERT INTO inbox_items (id, owner_id, kind, run_id, flow_id, edge_id, node_id, field, rule, message,
             record, status, created_at)
           VALUES ${valuesList(part.length, 13)}`,
          part.flatMap((i) => [
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
            'open',
            i.createdAt,
          ]),
        );
      }
    });
  }

  async listItems(query: InboxQuery): Promise<InboxItem[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const filters = [
      ['owner_id', query.ownerId],
      ['status', query.status],
      ['kind', query.kind],
    ] as const;
    for (const [column, value] of filters) {
      if (value === undefined) continue;
      args.push(value);
      where.push(`${column} = $${args.length}`);
    }
    args.push(query.limit);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    return (
      await this.sql.rows<ItemRow>(
        `SELECT ${ITEM_COLUMNS} FROM inbox_items ${clause} ORDER BY created_at DESC, id DESC LIMIT $${args.length}`,
        args,
      )
    ).map(toItem);
  }

  async getItem(id: string): Promise<InboxItem | null> {
    const row = await this.sql.one<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM inbox_items WHERE id = $1`, [id]);
    return row ? toItem(row) : null;
  }

  async setItemStatus(id: string, status: 'open' | 'closed', now: string): Promise<InboxItem | null> {
    const row = await this.sql.one<ItemRow>(
      `UPDATE inbox_items SET status = $1, closed_at = $2 WHERE id = $3 RETURNING ${ITEM_COLUMNS}`,
      [status, status === 'closed' ? now : null, id],
    );
    return row ? toItem(row) : null;
  }

  async recentFailures(ownerId: string, limit: number): Promise<FieldFailure[]> {
    const rows = await this.sql.rows<FailureRow>(
      `SELECT run_id, flow_id, field, rule, message, kind, created_at FROM inbox_items
       WHERE owner_id = $1 AND field IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT $2`,
      [ownerId, limit],
    );
    return rows.map(toFailure);
  }

  async addDeliveries(deliveries: readonly WebhookDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.sql.atomic(async (sql) => {
      for (const part of chunks(deliveries)) {
        await sql.run(
          `INSERT INTO webhook_deliveries (${DELIVERY_COLUMNS}) VALUES ${valuesList(part.length, 9)}`,
          part.flatMap((d) => deliveryParams(d)),
        );
      }
    });
  }

  async dueDeliveries(now: string, limit: number): Promise<WebhookDelivery[]> {
    return (
      await this.sql.rows<DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
         WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2`,
        [now, limit],
      )
    ).map(toDelivery);
  }

  async recordAttempt(
    id: string,
    result: { state: DeliveryState; nextAttemptAt: string; error: string | null },
  ): Promise<void> {
    await this.sql.run(
      `UPDATE webhook_deliveries SET state = $1, attempts = attempts + 1, next_attempt_at = $2, last_error = $3
       WHERE id = $4`,
      [result.state, result.nextAttemptAt, result.error, id],
    );
  }

  async listDeliveries(ownerId: string | null, limit: number): Promise<WebhookDelivery[]> {
    const rows =
      ownerId === null
        ? await this.sql.rows<DeliveryRow>(
            `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries ORDER BY created_at DESC, id DESC LIMIT $1`,
            [limit],
          )
        : await this.sql.rows<DeliveryRow>(
            `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE owner_id = $1
             ORDER BY created_at DESC, id DESC LIMIT $2`,
            [ownerId, limit],
          );
    return rows.map(toDelivery);
  }

  async rejectionsByEdge(
    flowId: string,
    since: string,
  ): Promise<Array<{ edgeId: string; rejections: number }>> {
    return this.sql.rows<{ edgeId: string; rejections: number }>(
      `SELECT edge_id AS "edgeId", COUNT(DISTINCT run_id)::int AS rejections FROM inbox_items
       WHERE flow_id = $1 AND kind = 'rejected' AND edge_id IS NOT NULL AND created_at >= $2
       GROUP BY edge_id ORDER BY edge_id`,
      [flowId, since],
    );
  }
}
