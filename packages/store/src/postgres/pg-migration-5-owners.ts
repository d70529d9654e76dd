import { jsonCheck, T } from './pg-migration-sql.js';
import type { PgMigration } from './pg-migrations.js';

/** PostgreSQL twin of `sqlite/migration-5-owners.ts`, with the same seeded owners. */
export const PG_OWNERS_MIGRATION: PgMigration = {
  id: 5,
  name: 'owners, owner lookup, inbox and webhook deliveries',
  sql: `
    CREATE TABLE owners (
      id ${T} PRIMARY KEY,
      name ${T} NOT NULL,
      kind ${T} NOT NULL CHECK (kind IN ('person', 'team')),
      email ${T},
      webhook_url TEXT,
      webhook_secret TEXT,
      created_at ${T} NOT NULL,
      updated_at ${T} NOT NULL
    );

    CREATE TABLE owner_lookup (
      category ${T} PRIMARY KEY
        CHECK (category IN ('dataQuality', 'connectivity', 'downstreamProcessing', 'businessRule')),
      owner_id ${T} NOT NULL REFERENCES owners(id) ON DELETE CASCADE
    );

    CREATE TABLE inbox_items (
      id ${T} PRIMARY KEY,
      owner_id ${T} NOT NULL,
      kind ${T} NOT NULL CONSTRAINT inbox_items_kind_check CHECK (kind IN ('rejected', 'follow_up')),
      run_id ${T} NOT NULL,
      flow_id ${T} NOT NULL,
      edge_id ${T},
      node_id ${T},
      field ${T},
      rule ${T},
      message TEXT NOT NULL,
      record TEXT NOT NULL ${jsonCheck('record')},
      status ${T} NOT NULL CHECK (status IN ('open', 'closed')),
      created_at ${T} NOT NULL,
      closed_at ${T}
    );
    CREATE INDEX inbox_owner ON inbox_items(owner_id, status, created_at);

    -- Which finished runs the notifier has handled: its outbox cursor, crash-safe.
    CREATE TABLE notified_runs (
      run_id ${T} PRIMARY KEY,
      at ${T} NOT NULL
    );
    -- Runs that ended before this migration are history, not news.
    INSERT INTO notified_runs (run_id, at)
      SELECT id, COALESCE(finished_at, received_at) FROM runs WHERE status IN ('rejected', 'flagged');

    CREATE TABLE webhook_deliveries (
      id ${T} PRIMARY KEY,
      owner_id ${T} NOT NULL,
      url TEXT NOT NULL,
      body TEXT NOT NULL ${jsonCheck('body')},
      state ${T} NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at ${T} NOT NULL,
      last_error TEXT,
      created_at ${T} NOT NULL
    );
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
