import type { FlowSource, Plan } from '@baton/schema';
import { StoreNotFoundError, StoreStateError } from '../errors.js';
import type {
  NewVersion,
  PublishOptions,
  PublishResult,
  ReviewTransition,
  VersionRecord,
  VersionRepository,
  VersionSummary,
} from '../versions.js';
import { parseJson, type PgContext } from './pg-context.js';
import {
  type VersionRow,
  type VersionContentRow,
  SUMMARY_COLUMNS,
  REVIEW_COLUMNS,
  toSummary,
  newVersionParams,
} from '../rows/versions-rows.js';

async function summary(sql: PgContext, flowId: string, version: number, lock = false) {
  const row = await sql.one<VersionRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM versions WHERE flow_id = $1 AND version = $2${lock ? ' FOR UPDATE' : ''}`,
    [flowId, version],
  );
  return row ? toSummary(row) : null;
}

/**
 * Writers of one flow's versions lock the flow row first (`FOR UPDATE`): numbering, publishing
 * and review then happen one at a time per flow across every process sharing the database.
 */
async function lockFlow(sql: PgContext, flowId: string): Promise<boolean> {
  return (await sql.one('SELECT id FROM flows WHERE id = $1 FOR UPDATE', [flowId])) !== undefined;
}

export class PgVersions implements VersionRepository {
  constructor(private readonly sql: PgContext) {}

  create(version: NewVersion): Promise<VersionSummary> {
    return this.sql.atomic(async (sql) => {
      if (!(await lockFlow(sql, version.flowId))) {
        throw new StoreNotFoundError(`flow ${version.flowId} not found`);
      }
      const { next } = (await sql.one<{ next: number }>(
        'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM versions WHERE flow_id = $1',
        [version.flowId],
      ))!;
      await sql.run(
        `INSERT INTO versions (flow_id, version, state, source, definition, content_hash, change_note, created_at,
           author, required_sign_offs)
         VALUES ($1, $2, 'in_review', $3, $4, $5, $6, $7, $8, $9)`,
        newVersionParams(version, next),
      );
      return (await summary(sql, version.flowId, next))!;
    });
  }

  async get(flowId: string, version: number): Promise<VersionRecord | null> {
    const row = await this.sql.one<VersionContentRow>(
      `SELECT ${SUMMARY_COLUMNS}, source, definition FROM versions WHERE flow_id = $1 AND version = $2`,
      [flowId, version],
    );
    if (!row) return null;
    return {
      ...toSummary(row),
      source: parseJson<FlowSource>(row.source),
      definition: parseJson<Plan>(row.definition),
    };
  }

  async list(flowId: string): Promise<VersionSummary[]> {
    return (
      await this.sql.rows<VersionRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM versions WHERE flow_id = $1 ORDER BY version DESC`,
        [flowId],
      )
    ).map(toSummary);
  }

  async published(flowId: string): Promise<VersionSummary | null> {
    const row = await this.sql.one<VersionRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM versions WHERE flow_id = $1 AND state = 'published'`,
      [flowId],
    );
    return row ? toSummary(row) : null;
  }

  publish(
    flowId: string,
    version: number,
    now: string,
    options: PublishOptions = {},
  ): Promise<PublishResult> {
    return this.sql.atomic(async (sql): Promise<PublishResult> => {
      await lockFlow(sql, flowId);
      const target = await summary(sql, flowId, version);
      if (!target) throw new StoreNotFoundError(`version ${version} of flow ${flowId} not found`);
      if (target.state === 'published') return { published: target, superseded: null };
      if (options.from && !options.from.includes(target.state)) {
        throw new StoreStateError(`version ${version} of flow ${flowId} is ${target.state}`, target.state);
      }
      const previous = await sql.one<{ version: number }>(
        `SELECT version FROM versions WHERE flow_id = $1 AND state = 'published'`,
        [flowId],
      );
      // Supersede first: the partial unique index allows one published version per flow.
      await sql.run(`UPDATE versions SET state = 'superseded' WHERE flow_id = $1 AND state = 'published'`, [
        flowId,
      ]);
      await sql.run(
        `UPDATE versions SET state = 'published', published_at = $1, published_by = $2
         WHERE flow_id = $3 AND version = $4`,
        [now, options.by ?? null, flowId, version],
      );
      await sql.run('UPDATE flows SET updated_at = $1 WHERE id = $2', [now, flowId]);
      return { published: (await summary(sql, flowId, version))!, superseded: previous?.version ?? null };
    });
  }

  review(flowId: string, version: number, transition: ReviewTransition): Promise<VersionSummary> {
    return this.sql.atomic(async (sql): Promise<VersionSummary> => {
      const target = await summary(sql, flowId, version, true);
      if (!target) throw new StoreNotFoundError(`version ${version} of flow ${flowId} not found`);
      if (!transition.from.includes(target.state)) {
        throw new StoreStateError(`version ${version} of flow ${flowId} is ${target.state}`, target.state);
      }
      const values: unknown[] = [transition.to];
      const sets = ['state = $1'];
      for (const [key, column] of Object.entries(REVIEW_COLUMNS)) {
        const value = transition.patch[key as keyof typeof REVIEW_COLUMNS];
        if (value === undefined) continue;
        values.push(Array.isArray(value) ? JSON.stringify(value) : value);
        sets.push(`${column} = $${values.length}`);
      }
      values.push(flowId, version);
      // Built from the fixed column names above; values are bound.
      await sql.run(
        `UPDATE versions SET ${sets.join(', ')} WHERE flow_id = $${values.length - 1} AND version = $${values.length}`,
        values,
      );
      return (await summary(sql, flowId, version))!;
    });
  }
}
