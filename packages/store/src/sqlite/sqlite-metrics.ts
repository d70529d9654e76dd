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
import type { SqlContext } from './sql-context.js';

const PERIOD =
  'flow_id = @flowId AND day BETWEEN @fromDay AND @toDay AND (@version IS NULL OR version = @version)';

function params(q: FactQuery) {
  return { flowId: q.flowId, fromDay: q.fromDay, toDay: q.toDay, version: q.version ?? null };
}

export class SqliteMetrics implements MetricsRepository {
  constructor(private readonly sql: SqlContext) {}

  record(facts: readonly RunFact[]): Promise<number> {
    return this.sql.gate(() => {
      const rejectedBefore = this.sql.stmt(
        `SELECT 1 FROM run_facts WHERE flow_id = ? AND record_key = ? AND status = 'rejected'
           AND received_at < ? LIMIT 1`,
      );
      const insert = this.sql.stmt(
        `INSERT INTO run_facts (run_id, flow_id, version, record_key, status, entered_at, received_at,
           day, committed_at, ttv_ms, reworked, resent, demo)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING`,
      );
      const addDay = this.sql.stmt(
        `INSERT INTO run_fact_days (flow_id, day, version, status, demo, count, reworked)
         VALUES (?, ?, ?, ?, ?, 1, ?)
         ON CONFLICT (flow_id, day, version, status, demo)
         DO UPDATE SET count = count + 1, reworked = reworked + excluded.reworked`,
      );
      const addIssue = this.sql.stmt(
        `INSERT INTO run_fact_issue_days (flow_id, day, version, rule, field, result, demo, count)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1)
         ON CONFLICT (flow_id, day, version, rule, field, result, demo) DO UPDATE SET count = count + 1`,
      );
      let added = 0;
      this.sql.db.transaction(() => {
        for (const f of facts) {
          const resent =
            f.recordKey !== null && rejectedBefore.get(f.flowId, f.recordKey, f.receivedAt) !== undefined;
          const reworked = resent || f.status === 'rejected' || f.status === 'flagged' ? 1 : 0;
          const day = f.receivedAt.slice(0, 10);
          const demo = f.demo ? 1 : 0;
          const { changes } = insert.run(
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
          );
          if (changes === 0) continue; // projected already: counted once
          added++;
          addDay.run(f.flowId, day, f.version, f.status, demo, reworked);
          for (const i of f.issues)
            addIssue.run(f.flowId, day, f.version, i.rule, i.field ?? '', i.result, demo);
        }
      })();
      return added;
    });
  }

  projected(runIds: readonly string[]): Promise<Set<string>> {
    return this.sql.gate(() => {
      const found = new Set<string>();
      const one = this.sql.stmt('SELECT 1 FROM run_facts WHERE run_id = ?');
      for (const id of runIds) if (one.get(id) !== undefined) found.add(id);
      return found;
    });
  }

  days(query: FactQuery): Promise<FactDay[]> {
    return this.sql.gate(() => {
      const rows = this.sql
        .stmt(
          `SELECT day, status, demo, SUM(count) AS count, SUM(reworked) AS reworked FROM run_fact_days
           WHERE ${PERIOD} GROUP BY day, status, demo ORDER BY day`,
        )
        .all(params(query)) as Array<FactDayRow>;
      return toFactDays(rows);
    });
  }

  ttvs(query: FactQuery): Promise<Map<string, Float64Array>> {
    return this.sql.gate(() => {
      const p = params(query);
      const days = this.sql
        .stmt(
          `SELECT DISTINCT day FROM run_fact_days WHERE ${PERIOD}
             AND status IN ('succeeded', 'flagged') ORDER BY day`,
        )
        .pluck(true)
        .all(p) as string[];
      // One query per day: each answers its TTVs in index order (already sorted), as bare
      // numbers; this is the one read that touches every committed record of the period.
      const ofDay = this.sql
        .stmt(
          `SELECT ttv_ms FROM run_facts WHERE flow_id = @flowId AND day = @day AND ttv_ms IS NOT NULL
             AND (@version IS NULL OR version = @version) ORDER BY ttv_ms`,
        )
        .pluck(true);
      const result = new Map<string, Float64Array>();
      for (const day of days) {
        result.set(
          day,
          Float64Array.from(ofDay.all({ flowId: p.flowId, day, version: p.version }) as number[]),
        );
      }
      return result;
    });
  }

  issues(query: FactQuery): Promise<IssueCount[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(
            `SELECT rule, field, result, SUM(count) AS count FROM run_fact_issue_days WHERE ${PERIOD}
             GROUP BY rule, field, result ORDER BY count DESC, rule, field`,
          )
          .all(params(query)) as Array<Omit<IssueCount, 'field'> & { field: string }>
      ).map((r) => ({ ...r, field: r.field === '' ? null : r.field })),
    );
  }

  totals(fromDay: string, toDay: string): Promise<FlowFactTotals[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(
            `SELECT flow_id, SUM(count) AS count, SUM(reworked) AS reworked,
               SUM(CASE WHEN demo = 1 THEN count ELSE 0 END) AS demo
             FROM run_fact_days WHERE day BETWEEN ? AND ? GROUP BY flow_id ORDER BY flow_id`,
          )
          .all(fromDay, toDay) as Array<{ flow_id: string; count: number; reworked: number; demo: number }>
      ).map((r) => ({ flowId: r.flow_id, count: r.count, reworked: r.reworked, demo: r.demo })),
    );
  }

  hasDemo(flowId: string): Promise<boolean> {
    return this.sql.gate(
      () =>
        this.sql.stmt('SELECT 1 FROM run_facts WHERE flow_id = ? AND demo = 1 LIMIT 1').get(flowId) !==
        undefined,
    );
  }

  clearDemo(flowId: string): Promise<number> {
    return this.sql.gate(() =>
      this.sql.db.transaction(() => {
        this.sql.stmt('DELETE FROM run_fact_days WHERE flow_id = ? AND demo = 1').run(flowId);
        this.sql.stmt('DELETE FROM run_fact_issue_days WHERE flow_id = ? AND demo = 1').run(flowId);
        return this.sql.stmt('DELETE FROM run_facts WHERE flow_id = ? AND demo = 1').run(flowId).changes;
      })(),
    );
  }

  settings(flowId: string): Promise<MetricSettings | null> {
    return this.sql.gate(() => {
      const row = this.sql
        .stmt('SELECT flow_id, sla_target_ms, updated_at FROM flow_metric_settings WHERE flow_id = ?')
        .get(flowId) as { flow_id: string; sla_target_ms: number | null; updated_at: string } | undefined;
      return row ? { flowId: row.flow_id, slaTargetMs: row.sla_target_ms, updatedAt: row.updated_at } : null;
    });
  }

  saveSettings(s: MetricSettings): Promise<void> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          `INSERT INTO flow_metric_settings (flow_id, sla_target_ms, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (flow_id) DO UPDATE SET sla_target_ms = excluded.sla_target_ms,
             updated_at = excluded.updated_at`,
        )
        .run(s.flowId, s.slaTargetMs, s.updatedAt);
    });
  }

  watermark(): Promise<string | null> {
    return this.sql.gate(() => {
      const row = this.sql.stmt('SELECT watermark FROM metric_projection WHERE id = 1').get() as
        { watermark: string } | undefined;
      return row?.watermark ?? null;
    });
  }

  setWatermark(at: string): Promise<void> {
    return this.sql.gate(() => {
      this.sql
        .stmt(
          `INSERT INTO metric_projection (id, watermark) VALUES (1, ?)
           ON CONFLICT (id) DO UPDATE SET watermark = excluded.watermark`,
        )
        .run(at);
    });
  }
}
