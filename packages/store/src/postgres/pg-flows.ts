import type { FlowSource } from '@baton/schema';
import { StoreConflictError, StoreNotFoundError } from '../errors.js';
import type { Draft, FlowRepository, FlowSummary, NewFlow } from '../flows.js';
import { parseJson, type PgContext } from './pg-context.js';
import { type FlowRow, toSummary } from '../rows/flows-rows.js';

// Kept apart from SQLite's: COUNT(*) is BIGINT here (pg reads it as a string), so ::int keeps
// run_count the number the shared FlowRow expects.
const SUMMARY = `
  SELECT f.id, f.name, f.description, f.created_at, f.updated_at,
    (SELECT v.version FROM versions v WHERE v.flow_id = f.id AND v.state = 'published') AS published_version,
    (SELECT MAX(v.version) FROM versions v WHERE v.flow_id = f.id) AS latest_version,
    (SELECT COUNT(*)::int FROM runs r WHERE r.flow_id = f.id) AS run_count
  FROM flows f`;

export class PgFlows implements FlowRepository {
  constructor(private readonly sql: PgContext) {}

  async create(flow: NewFlow): Promise<FlowSummary> {
    await this.sql.atomic(async (sql) => {
      // ON CONFLICT instead of catching the error: a failed INSERT would abort the transaction.
      const inserted = await sql.run(
        `INSERT INTO flows (id, name, description, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (id) DO NOTHING`,
        [flow.id, flow.name, flow.description, flow.now],
      );
      if (inserted === 0) throw new StoreConflictError(`flow ${flow.id} exists`);
      await sql.run('INSERT INTO drafts (flow_id, source, updated_at) VALUES ($1, $2, $3)', [
        flow.id,
        JSON.stringify(flow.draft),
        flow.now,
      ]);
    });
    return (await this.get(flow.id))!;
  }

  async get(id: string): Promise<FlowSummary | null> {
    const row = await this.sql.one<FlowRow>(`${SUMMARY} WHERE f.id = $1`, [id]);
    return row ? toSummary(row) : null;
  }

  async list(): Promise<FlowSummary[]> {
    return (await this.sql.rows<FlowRow>(`${SUMMARY} ORDER BY f.name, f.id`)).map(toSummary);
  }

  async count(): Promise<number> {
    return (await this.sql.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM flows'))!.n;
  }

  async getDraft(flowId: string): Promise<Draft | null> {
    const row = await this.sql.one<{ source: string; updated_at: string }>(
      'SELECT source, updated_at FROM drafts WHERE flow_id = $1',
      [flowId],
    );
    return row ? { flowId, source: parseJson<FlowSource>(row.source), updatedAt: row.updated_at } : null;
  }

  async saveDraft(flowId: string, source: FlowSource, now: string): Promise<Draft> {
    await this.sql.atomic(async (sql) => {
      const touched = await sql.run('UPDATE flows SET updated_at = $1 WHERE id = $2', [now, flowId]);
      if (touched === 0) throw new StoreNotFoundError(`flow ${flowId} not found`);
      await sql.run(
        `INSERT INTO drafts (flow_id, source, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (flow_id) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at`,
        [flowId, JSON.stringify(source), now],
      );
    });
    return { flowId, source, updatedAt: now };
  }
}
