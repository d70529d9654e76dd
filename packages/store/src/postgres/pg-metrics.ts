import {
  type FactDay,
  type FactQuery,
  type FlowFactTotals,
  type IssueCount,
  type MetricSettings,
  type MetricsRepository,
  type RunFact,
} from '../metrics.js';
import { type FactDayRow, toFactDays } from '../rows/metrics-rows.js';
import type { PgContext } from './pg-context.js';

/** The period filter every aggregate shares: $1 flow, $2..$3 days, $4 version (or null). */
const PERIOD = 'flow_id = $1 AND day BETWEEN $2 AND $3 AND ($4::int IS NULL OR version = $4::int)';

const periodParams = (q: FactQuery) => [q.flowId, q.fromDay, q.toDay, q.version ?? null];

export class PgMetrics implements MetricsRepository {
  constructor(private readonly sql: PgContext) {}

  /**
   * Facts are inserted ON CONFLICT DO NOTHING and the daily rollups move only for a fact that was
   * new: two projectors catching up at once (two cluster nodes) count each run once.
   */
  record(facts: readonly RunFact[]): Promise<number> {
    return this.sql.atomic(async (sql) => {
      let added = 0;
      for (const f of facts) {
        const resent =
          f.recordKey !== null &&
          (await sql.one(
            `SELECT 1 FROM run_facts WHERE flow_id = $1 AND record_key = $2 AND status = 'rejected'
               AND received_at < $3 LIMIT 1`,
            [f.flowId, f.recordKey, f.receivedAt],
          )) !== undefined;
        const reworked = resent || f.status === 'rejected' || f.status === 'flagged' ? 1 : 0;
        const day = f.receivedAt.slice(0, 10);
        const demo = f.demo ? 1 : 0;
        const inserted = await sql.run(
          `INSERT INTO run_facts (run_id, flow_id, version, record_key, status, entered_at, received_at,
             day, committed_at, ttv_ms, reworked, resent, demo)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (run_id) DO NOTHING`,
          [
            f.runId,
            f.flowId,
            f.version,
            f.recordKey,
            f.status,
            f.enteredAt,
            f.receivedAt,
            day,
            f.committedAt,
            f.ttvMs,
            reworked,
            resent ? 1 : 0,
            demo,
          ],
        );
        if (inserted === 0) continue; // projected already: counted once
        added++;
        await sql.run(
          `INSERT INTO run_fact_days (flow_id, day, version, status, demo, count, reworked)
           VALUES ($1, $2, $3, $4, $5, 1, $6)
           ON CONFLICT (flow_id, day, version, status, demo) DO UPDATE SET
             count = run_fact_days.count + 1, reworked = run_fact_days.reworked + excluded.reworked`,
          [f.flowId, day, f.version, f.status, demo, reworked],
        );
        for (const i of f.issues) {
          await sql.run(
            `INSERT INTO run_fact_issue_days (flow_id, day, version, rule, field, result, demo, count)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
             ON CONFLICT (flow_id, day, version, rule, field, result, demo) DO UPDATE SET
               count = run_fact_issue_days.count + 1`,
            [f.flowId, day, f.version, i.rule, i.field ?? '', i.result, demo],
          );
        }
      }
      return added;
    });
  }

  async projected(runIds: readonly string[]): Promise<Set<string>> {
    if (runIds.length === 0) return new Set();
    const rows = await this.sql.rows<{ run_id: string }>(
      'SELECT run_id FROM run_facts WHERE run_id = ANY($1::text[])',
      [runIds],
    );
    return new Set(rows.map((r) => r.run_id));
  }

  async days(query: FactQuery): Promise<FactDay[]> {
    const rows = await this.sql.rows<FactDayRow>(
      `SELECT day, status, demo, SUM(count)::int AS count, SUM(reworked)::int AS reworked FROM run_fact_days
       WHERE ${PERIOD} GROUP BY day, status, demo ORDER BY day`,
      periodParams(query),
    );
    return toFactDays(rows);
  }

  async ttvs(query: FactQuery): Promise<Map<string, Float64Array>> {
    const params = periodParams(query);
    const days = await this.sql.rows<{ day: string }>(
      `SELECT DISTINCT day FROM run_fact_days WHERE ${PERIOD} AND status IN ('succeeded', 'flagged') ORDER BY day`,
      params,
    );
    // One read of the period's TTVs in (day, ttv) order, from the partial index.
    const rows = await this.sql.rows<{ day: string; ttv_ms: number }>(
      `SELECT day, ttv_ms FROM run_facts WHERE ${PERIOD} AND ttv_ms IS NOT NULL ORDER BY day, ttv_ms`,
      params,
    );
    const byDay = new Map<string, number[]>();
    for (const row of rows) {
      const list = byDay.get(row.day);
      if (list) list.push(row.ttv_ms);
      else byDay.set(row.day, [row.ttv_ms]);
    }
    const result = new Map<string, Float64Array>();
    for (const { day } of days) result.set(day, Float64Array.from(byDay.get(day) ?? []));
    return result;
  }

  async issues(query: FactQuery): Promise<IssueCount[]> {
    const rows = await this.sql.rows<Omit<IssueCount, 'field'> & { field: string }>(
      `SELECT rule, field, result, SUM(count)::int AS count FROM run_fact_issue_days WHERE ${PERIOD}
       GROUP BY rule, field, result ORDER BY count DESC, rule, field`,
      periodParams(query),
    );
    return rows.map((r) => ({ ...r, field: r.field === '' ? null : r.field }));
  }

  async totals(fromDay: string, toDay: string): Promise<FlowFactTotals[]> {
    const rows = await this.sql.rows<{ flow_id: string; count: number; reworked: number; demo: number }>(
      `SELECT flow_id, SUM(count)::int AS count, SUM(reworked)::int AS reworked,
         SUM(CASE WHEN demo = 1 THEN count ELSE 0 END)::int AS demo
       FROM run_fact_days WHERE day BETWEEN $1 AND $2 GROUP BY flow_id ORDER BY flow_id`,
      [fromDay, toDay],
    );
    return rows.map((r) => ({ flowId: r.flow_id, count: r.count, reworked: r.reworked, demo: r.demo }));
  }

  async hasDemo(flowId: string): Promise<boolean> {
    return (
      (await this.sql.one('SELECT 1 FROM run_facts WHERE flow_id = $1 AND demo = 1 LIMIT 1', [flowId])) !==
      undefined
    );
  }

  clearDemo(flowId: string): Promise<number> {
    return this.sql.atomic(async (sql) => {
      await sql.run('DELETE FROM run_fact_days WHERE flow_id = $1 AND demo = 1', [flowId]);
      await sql.run('DELETE FROM run_fact_issue_days WHERE flow_id = $1 AND demo = 1', [flowId]);
      return sql.run('DELETE FROM run_facts WHERE flow_id = $1 AND demo = 1', [flowId]);
    });
  }

  async settings(flowId: string): Promise<MetricSettings | null> {
    const row = await this.sql.one<{ flow_id: string; sla_target_ms: number | null; updated_at: string }>(
      'SELECT flow_id, sla_target_ms, updated_at FROM flow_metric_settings WHERE flow_id = $1',
      [flowId],
    );
    return row ? { flowId: row.flow_id, slaTargetMs: row.sla_target_ms, updatedAt: row.updated_at } : null;
  }

  async saveSettings(s: MetricSettings): Promise<void> {
    await this.sql.run(
      `INSERT INTO flow_metric_settings (flow_id, sla_target_ms, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (flow_id) DO UPDATE SET sla_target_ms = excluded.sla_target_ms, updated_at = excluded.updated_at`,
      [s.flowId, s.slaTargetMs, s.updatedAt],
    );
  }

  async watermark(): Promise<string | null> {
    const row = await this.sql.one<{ watermark: string }>(
      'SELECT watermark FROM metric_projection WHERE id = 1',
    );
    return row?.watermark ?? null;
  }

  async setWatermark(at: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO metric_projection (id, watermark) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET watermark = excluded.watermark`,
      [at],
    );
  }
}
