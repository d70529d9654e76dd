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
import { parseJson, type SqlContext } from './sql-context.js';
import {
  type VersionRow,
  type VersionContentRow,
  SUMMARY_COLUMNS,
  REVIEW_COLUMNS,
  toSummary,
  newVersionParams,
} from '../rows/versions-rows.js';

export class SqliteVersions implements VersionRepository {
  constructor(private readonly sql: SqlContext) {}

  create(version: NewVersion): Promise<VersionSummary> {
    return this.sql.gate(() =>
      this.sql.db.transaction(() => {
        const flow = this.sql.stmt('SELECT id FROM flows WHERE id = ?').get(version.flowId);
        if (!flow) throw new StoreNotFoundError(`flow ${version.flowId} not found`);
        // Numbering inside the write transaction: no two submissions can read the same MAX.
        const { next } = this.sql
          .stmt('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM versions WHERE flow_id = ?')
          .get(version.flowId) as { next: number };
        this.sql
          .stmt(
            `INSERT INTO versions (flow_id, version, state, source, definition, content_hash, change_note, created_at,
               author, required_sign_offs)
             VALUES (?, ?, 'in_review', ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(...newVersionParams(version, next));
        return this.summary(version.flowId, next)!;
      })(),
    );
  }

  get(flowId: string, version: number): Promise<VersionRecord | null> {
    return this.sql.gate(() => {
      const row = this.sql
        .stmt(`SELECT ${SUMMARY_COLUMNS}, source, definition FROM versions WHERE flow_id = ? AND version = ?`)
        .get(flowId, version) as VersionContentRow | undefined;
      if (!row) return null;
      return {
        ...toSummary(row),
        source: parseJson<FlowSource>(row.source),
        definition: parseJson<Plan>(row.definition),
      };
    });
  }

  list(flowId: string): Promise<VersionSummary[]> {
    return this.sql.gate(() =>
      (
        this.sql
          .stmt(`SELECT ${SUMMARY_COLUMNS} FROM versions WHERE flow_id = ? ORDER BY version DESC`)
          .all(flowId) as VersionRow[]
      ).map(toSummary),
    );
  }

  published(flowId: string): Promise<VersionSummary | null> {
    return this.sql.gate(() => {
      const row = this.sql
        .stmt(`SELECT ${SUMMARY_COLUMNS} FROM versions WHERE flow_id = ? AND state = 'published'`)
        .get(flowId) as VersionRow | undefined;
      return row ? toSummary(row) : null;
    });
  }

  publish(
    flowId: string,
    version: number,
    now: string,
    options: PublishOptions = {},
  ): Promise<PublishResult> {
    return this.sql.gate(() =>
      this.sql.db.transaction((): PublishResult => {
        const target = this.summary(flowId, version);
        if (!target) throw new StoreNotFoundError(`version ${version} of flow ${flowId} not found`);
        if (target.state === 'published') return { published: target, superseded: null };
        if (options.from && !options.from.includes(target.state)) {
          throw new StoreStateError(`version ${version} of flow ${flowId} is ${target.state}`, target.state);
        }
        const previous = this.sql
          .stmt(`SELECT version FROM versions WHERE flow_id = ? AND state = 'published'`)
          .get(flowId) as { version: number } | undefined;
        // Supersede first: the partial unique index allows one published version per flow.
        this.sql
          .stmt(`UPDATE versions SET state = 'superseded' WHERE flow_id = ? AND state = 'published'`)
          .run(flowId);
        this.sql
          .stmt(
            `UPDATE versions SET state = 'published', published_at = ?, published_by = ? WHERE flow_id = ? AND version = ?`,
          )
          .run(now, options.by ?? null, flowId, version);
        this.sql.stmt('UPDATE flows SET updated_at = ? WHERE id = ?').run(now, flowId);
        return { published: this.summary(flowId, version)!, superseded: previous?.version ?? null };
      })(),
    );
  }

  review(flowId: string, version: number, transition: ReviewTransition): Promise<VersionSummary> {
    return this.sql.gate(() =>
      this.sql.db.transaction((): VersionSummary => {
        const target = this.summary(flowId, version);
        if (!target) throw new StoreNotFoundError(`version ${version} of flow ${flowId} not found`);
        if (!transition.from.includes(target.state)) {
          throw new StoreStateError(`version ${version} of flow ${flowId} is ${target.state}`, target.state);
        }
        const sets = ['state = ?'];
        const values: unknown[] = [transition.to];
        for (const [key, column] of Object.entries(REVIEW_COLUMNS)) {
          const value = transition.patch[key as keyof typeof REVIEW_COLUMNS];
          if (value === undefined) continue;
          sets.push(`${column} = ?`);
          values.push(Array.isArray(value) ? JSON.stringify(value) : value);
        }
        this.sql.db
          .prepare(`UPDATE versions SET ${sets.join(', ')} WHERE flow_id = ? AND version = ?`)
          .run(...values, flowId, version);
        return this.summary(flowId, version)!;
      })(),
    );
  }

  private summary(flowId: string, version: number): VersionSummary | null {
    const row = this.sql
      .stmt(`SELECT ${SUMMARY_COLUMNS} FROM versions WHERE flow_id = ? AND version = ?`)
      .get(flowId, version) as VersionRow | undefined;
    return row ? toSummary(row) : null;
  }
}
