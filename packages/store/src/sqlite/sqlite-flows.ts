import type { FlowSource } from '@baton/schema';
import { StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { Draft, FlowRepository, FlowSummary, NewFlow } from '../flows.js';
import { isUniqueViolation, parseJson, type SqlContext } from './sql-context.js';
import { type FlowRow, toSummary } from '../rows/flows-rows.js';

const SUMMARY = `
  SELECT f.id, f.name, f.description, f.created_at, f.updated_at,
    (SELECT v.version FROM versions v WHERE v.flow_id = f.id AND v.state = 'published') AS published_version,
    (SELECT MAX(v.version) FROM versions v WHERE v.flow_id = f.id) AS latest_version,
    (SELECT COUNT(*) FROM runs r WHERE r.flow_id = f.id) AS run_count
  FROM flows f`;

export class SqliteFlows implements FlowRepository {
  constructor(private readonly sql: SqlContext) {}

  create(flow: NewFlow): Promise<FlowSummary> {
    return this.sql.gate(() => {
      const insert = this.sql.db.transaction(() => {
        this.sql
          .stmt('INSERT INTO flows (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(flow.id, flow.name, flow.description, flow.now, flow.now);
        this.sql
          .stmt('INSERT INTO drafts (flow_id, source, updated_at) VALUES (?, ?, ?)')
          .run(flow.id, JSON.stringify(flow.draft), flow.now);
      });
      try {
        insert();
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreConflictError(`flow ${flow.id} exists`);
        throw error;
      }
      return this.summary(flow.id)!;
    });
  }

  get(id: string): Promise<FlowSummary | null> {
    return this.sql.gate(() => this.summary(id));
  }

  list(): Promise<FlowSummary[]> {
    return this.sql.gate(() =>
      (this.sql.stmt(`${SUMMARY} ORDER BY f.name, f.id`).all() as FlowRow[]).map(toSummary),
    );
  }

  count(): Promise<number> {
    return this.sql.gate(() => (this.sql.stmt('SELECT COUNT(*) AS n FROM flows').get() as { n: number }).n);
  }

  getDraft(flowId: string): Promise<Draft | null> {
    return this.sql.gate(() => {
      const row = this.sql.stmt('SELECT source, updated_at FROM drafts WHERE flow_id = ?').get(flowId) as
        { source: string; updated_at: string } | undefined;
      return row ? { flowId, source: parseJson<FlowSource>(row.source), updatedAt: row.updated_at } : null;
    });
  }

  saveDraft(flowId: string, source: FlowSource, now: string): Promise<Draft> {
    return this.sql.gate(() => {
      const save = this.sql.db.transaction(() => {
        const touched = this.sql.stmt('UPDATE flows SET updated_at = ? WHERE id = ?').run(now, flowId);
        if (touched.changes === 0) throw new StoreNotFoundError(`flow ${flowId} not found`);
        this.sql
          .stmt(
            `INSERT INTO drafts (flow_id, source, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (flow_id) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at`,
          )
          .run(flowId, JSON.stringify(source), now);
      });
      save();
      return { flowId, source, updatedAt: now };
    });
  }

  private summary(id: string): FlowSummary | null {
    const row = this.sql.stmt(`${SUMMARY} WHERE f.id = ?`).get(id) as FlowRow | undefined;
    return row ? toSummary(row) : null;
  }
}
