import type { Migration } from './migrations.js';

/**
 * Failed runs notify too (issue 3: technical failures reach the incident-response R and A).
 * The inbox gains the `failed` kind; SQLite cannot change a CHECK in place, so the table is
 * rebuilt. Runs that failed before this migration are marked notified: history, not news.
 */
export const FAILURE_NOTICES_MIGRATION: Migration = {
  id: 8,
  name: 'inbox items for failed runs',
  sql: `
    CREATE TABLE inbox_items_next (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('rejected', 'follow_up', 'failed')),
      run_id TEXT NOT NULL,
      flow_id TEXT NOT NULL,
      edge_id TEXT,
      node_id TEXT,
      field TEXT,
      rule TEXT,
      message TEXT NOT NULL,
      record TEXT NOT NULL CHECK (json_valid(record)),
      status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      created_at TEXT NOT NULL,
      closed_at TEXT
    ) STRICT;
    INSERT INTO inbox_items_next SELECT
      id, owner_id, kind, run_id, flow_id, edge_id, node_id, field, rule, message, record, status,
      created_at, closed_at
    FROM inbox_items;
    DROP TABLE inbox_items;
    ALTER TABLE inbox_items_next RENAME TO inbox_items;
    CREATE INDEX inbox_owner ON inbox_items(owner_id, status, created_at);

    INSERT OR IGNORE INTO notified_runs (run_id, at)
      SELECT id, COALESCE(finished_at, received_at) FROM runs WHERE status = 'failed';
  `,
};
