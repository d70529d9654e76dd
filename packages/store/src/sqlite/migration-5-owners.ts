import type { Migration } from './migrations.js';

/**
 * The owners directory, the owner lookup, the inbox (notifications and follow-ups) and the
 * webhook delivery queue. Seeds the example flow's owners so its contract and RACI resolve.
 */
export const OWNERS_MIGRATION: Migration = {
  id: 5,
  name: 'owners, owner lookup, inbox and webhook deliveries',
  sql: `
    CREATE TABLE owners (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('person', 'team')),
      email TEXT,
      webhook_url TEXT,
      webhook_secret TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE owner_lookup (
      category TEXT PRIMARY KEY
        CHECK (category IN ('dataQuality', 'connectivity', 'downstreamProcessing', 'businessRule')),
      owner_id TEXT NOT NULL REFERENCES owners(id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE inbox_items (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('rejected', 'follow_up')),
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
    CREATE INDEX inbox_owner ON inbox_items(owner_id, status, created_at);

    -- Which finished runs the notifier has handled: its outbox cursor, crash-safe.
    CREATE TABLE notified_runs (
      run_id TEXT PRIMARY KEY,
      at TEXT NOT NULL
    ) STRICT;
    -- Runs that ended before this migration are history, not news.
    INSERT INTO notified_runs (run_id, at)
      SELECT id, COALESCE(finished_at, received_at) FROM runs WHERE status IN ('rejected', 'flagged');

    CREATE TABLE webhook_deliveries (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL,
      url TEXT NOT NULL,
      body TEXT NOT NULL CHECK (json_valid(body)),
      state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE state = 'pending';

    INSERT INTO owners (id, name, kind, email, webhook_url, webhook_secret, created_at, updated_at) VALUES
      ('crm-admin', 'CRM admin', 'person', 'crm-admin@example.com', NULL, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
      ('ops-lead', 'Operations lead', 'person', 'ops-lead@example.com', NULL, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
      ('integration-team', 'Integration team', 'team', 'integration@example.com', NULL, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    INSERT INTO owner_lookup (category, owner_id) VALUES
      ('dataQuality', 'crm-admin'),
      ('connectivity', 'integration-team'),
      ('downstreamProcessing', 'ops-lead'),
      ('businessRule', 'ops-lead');
  `,
};
