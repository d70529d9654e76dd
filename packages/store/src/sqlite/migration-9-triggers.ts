import type { Migration } from './migrations.js';

/**
 * Schedules (cursor per flow and trigger node), batches with their rejects, and the `jsonl-file`
 * connection kind (SQLite cannot change a CHECK in place, so `connections` is rebuilt).
 */
export const TRIGGERS_MIGRATION: Migration = {
  id: 9,
  name: 'schedule cursors, batches and jsonl-file connections',
  sql: `
    CREATE TABLE schedules (
      flow_id TEXT NOT NULL,
      node_id TEXT NOT NULL,
      cursor TEXT CHECK (cursor IS NULL OR json_valid(cursor)),
      last_tick_at TEXT,
      last_started INTEGER NOT NULL DEFAULT 0,
      total_started INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      last_error_at TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (flow_id, node_id)
    ) STRICT;

    CREATE TABLE batches (
      id TEXT PRIMARY KEY,
      flow_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('csv', 'jsonl')),
      file_name TEXT,
      state TEXT NOT NULL CHECK (state IN ('receiving', 'running', 'done', 'interrupted')),
      counts TEXT NOT NULL CHECK (json_valid(counts)),
      bytes INTEGER NOT NULL DEFAULT 0,
      created_by TEXT,
      created_at TEXT NOT NULL,
      finished_at TEXT,
      error TEXT
    ) STRICT;
    CREATE INDEX batches_flow ON batches(flow_id, created_at);

    CREATE TABLE batch_rejects (
      batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      reason TEXT NOT NULL,
      error TEXT NOT NULL,
      raw TEXT NOT NULL,
      run_id TEXT,
      PRIMARY KEY (batch_id, line)
    ) STRICT;

    CREATE TABLE connections_next (
      name TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('sqlite-embedded', 'postgres', 'http', 'jsonl-file')),
      config TEXT NOT NULL CHECK (json_valid(config)),
      secret TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO connections_next SELECT name, kind, config, secret, created_at, updated_at FROM connections;
    DROP TABLE connections;
    ALTER TABLE connections_next RENAME TO connections;
  `,
};
