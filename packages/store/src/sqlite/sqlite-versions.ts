import type { FlowSource, Plan } from '@baton/schema';
import { StoreNotFoundError } from '../errors.js';
import type {
  ChangeNote,
  NewVersion,
  PublishResult,
  VersionRecord,
  VersionRepository,
  VersionState,
  VersionSummary,
} from '../versions.js';
import { parseJson, type SqlContext } from './sql-context.js';

interface VersionRow {
  flow_id: string;
  version: number;
  state: VersionState;
  content_hash: string;
  change_note: string;
  created_at: string;
  published_at: string | null;
}

interface VersionContentRow extends VersionRow {
  source: string;
  definition: string;
}

const SUMMARY_COLUMNS = 'flow_id, version, state, content_hash, change_note, created_at, published_at';

function toSummary(row: VersionRow): VersionSummary {
  return {
    flowId: row.flow_id,
    version: row.version,
    state: row.state,
    contentHash: row.content_hash,
    changeNote: parseJson<ChangeNote>(row.change_note),
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}

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
            `INSERT INTO versions (flow_id, version, state, source, definition, content_hash, change_note, created_at)
             VALUES (?, ?, 'in_review', ?, ?, ?, ?, ?)`,
          )
          .run(
            version.flowId,
            next,
            JSON.stringify(version.source),
            JSON.stringify(version.definition),
            version.definition.contentHash,
            JSON.stringify(version.changeNote),
            version.now,
          );
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

  publish(flowId: string, version: number, now: string): Promise<PublishResult> {
    return this.sql.gate(() =>
      this.sql.db.transaction((): PublishResult => {
        const target = this.summary(flowId, version);
        if (!target) throw new StoreNotFoundError(`version ${version} of flow ${flowId} not found`);
        if (target.state === 'published') return { published: target, superseded: null };
        const previous = this.sql
          .stmt(`SELECT version FROM versions WHERE flow_id = ? AND state = 'published'`)
          .get(flowId) as { version: number } | undefined;
        // Supersede first: the partial unique index allows one published version per flow.
        this.sql
          .stmt(`UPDATE versions SET state = 'superseded' WHERE flow_id = ? AND state = 'published'`)
          .run(flowId);
        this.sql
          .stmt(`UPDATE versions SET state = 'published', published_at = ? WHERE flow_id = ? AND version = ?`)
          .run(now, flowId, version);
        this.sql.stmt('UPDATE flows SET updated_at = ? WHERE id = ?').run(now, flowId);
        return { published: this.summary(flowId, version)!, superseded: previous?.version ?? null };
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
