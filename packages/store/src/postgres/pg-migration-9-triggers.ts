import { jsonCheck, T } from './pg-migration-sql.js';
import type { PgMigration } from './pg-migrations.js';

/** PostgreSQL twin of `sqlite/migration-9-triggers.ts`; the connections CHECK changes in place. */
export const PG_TRIGGERS_MIGRATION: PgMigration = {
  id: 9,
  name: 'schedule cursors, batches and jsonl-file connections',
  sql: `
    CREATE TABLE schedules (
      flow_id ${T} NOT NULL,
      node_id ${T} NOT NULL,
      cursor TEXT CHECK (cursor IS NULL OR (cursor)::json IS NOT NULL),
      last_tick_at ${T},
      last_started INTEGER NOT NULL DEFAULT 0,
      total_started INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      last_error_at ${T},
      updated_at ${T} NOT NULL,
      PRIMARY KEY (flow_id, node_id)
    );

    CREATE TABLE batches (
      id ${T} PRIMARY KEY,
      flow_id ${T} NOT NULL,
      version INTEGER NOT NULL,
      format ${T} NOT NULL CHECK (format IN ('csv', 'jsonl')),
      file_name TEXT,
      state ${T} NOT NULL CHECK (state IN ('receiving', 'running', 'done', 'interrupted')),
      counts TEXT NOT NULL ${jsonCheck('counts')},
      bytes BIGINT NOT NULL DEFAULT 0,
      created_by ${T},
      created_at ${T} NOT NULL,
      finished_at ${T},
      error TEXT
    );
    CREATE INDEX batches_flow ON batches(flow_id, created_at);

    CREATE TABLE batch_rejects (
      batch_id ${T} NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      reason ${T} NOT NULL,
      error TEXT NOT NULL,
      raw TEXT NOT NULL,
      run_id ${T},
      PRIMARY KEY (batch_id, line)
    );

    ALTER TABLE connections DROP CONSTRAINT connections_kind_check;
    ALTER TABLE connections ADD CONSTRAINT connections_kind_check
      CHECK (kind IN ('sqlite-embedded', 'postgres', 'http', 'jsonl-file'));
  `,
};
