import { RUN_STATUSES } from '@baton/schema';
import { VERSION_STATES } from '../versions.js';
import { PG_GOVERNANCE_MIGRATION } from './pg-migration-3-governance.js';
import { PG_OWNERS_MIGRATION } from './pg-migration-5-owners.js';
import { PG_TRIGGERS_MIGRATION } from './pg-migration-9-triggers.js';
import { PG_METRICS_MIGRATION } from './pg-migration-10-metrics.js';
import { PG_PLAYBOOK_MIGRATION } from './pg-migration-11-playbook.js';
import { jsonCheck, sqlList, T } from './pg-migration-sql.js';

export interface PgMigration {
  id: number;
  name: string;
  sql: string;
}

/**
 * The PostgreSQL twin of `sqlite/migrations.ts`: the same ids and names, the same tables and
 * columns, expressed in PostgreSQL. Forward-only: never edit one that has shipped. A test checks
 * the two lists carry the same ids.
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    id: 1,
    name: 'flows, drafts and versions',
    sql: `
      -- Raises the trigger's first argument: the append-only and immutability guards share it.
      CREATE FUNCTION baton_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
      END $$;

      CREATE TABLE flows (
        id ${T} PRIMARY KEY,
        name ${T} NOT NULL,
        description ${T} NOT NULL DEFAULT '',
        created_at ${T} NOT NULL,
        updated_at ${T} NOT NULL
      );

      CREATE TABLE drafts (
        flow_id ${T} PRIMARY KEY REFERENCES flows(id) ON DELETE CASCADE,
        source TEXT NOT NULL ${jsonCheck('source')},
        updated_at ${T} NOT NULL
      );

      CREATE TABLE versions (
        flow_id ${T} NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 1),
        state ${T} NOT NULL CHECK (state IN (${sqlList(VERSION_STATES)})),
        source TEXT NOT NULL ${jsonCheck('source')},
        definition TEXT NOT NULL ${jsonCheck('definition')},
        content_hash ${T} NOT NULL,
        change_note TEXT NOT NULL ${jsonCheck('change_note')},
        created_at ${T} NOT NULL,
        published_at ${T},
        PRIMARY KEY (flow_id, version)
      );

      -- At most one published version per flow: publishing supersedes the previous one.
      CREATE UNIQUE INDEX versions_one_published ON versions(flow_id) WHERE state = 'published';

      -- A version is an immutable snapshot; only its state and publication time move.
      CREATE TRIGGER versions_immutable
      BEFORE UPDATE OF flow_id, version, source, definition, content_hash, change_note, created_at ON versions
      FOR EACH ROW EXECUTE FUNCTION baton_refuse('version content is immutable');
    `,
  },
  {
    id: 2,
    name: 'runs, run steps and the movement ledger',
    sql: `
      CREATE TABLE runs (
        id ${T} PRIMARY KEY,
        flow_id ${T} NOT NULL,
        version INTEGER NOT NULL,
        status ${T} NOT NULL CHECK (status IN (${sqlList(RUN_STATUSES)})),
        record_key ${T},
        idempotency_key ${T} NOT NULL,
        payload_hash ${T} NOT NULL,
        input TEXT NOT NULL ${jsonCheck('input')},
        received_at ${T} NOT NULL,
        started_at ${T},
        finished_at ${T},
        duration_ms DOUBLE PRECISION,
        duplicate_of ${T} REFERENCES runs(id),
        error TEXT,
        FOREIGN KEY (flow_id, version) REFERENCES versions(flow_id, version)
      );

      -- The runs list: newest first, overall and per flow; (received_at, id) is the cursor.
      CREATE INDEX runs_received ON runs(received_at, id);
      CREATE INDEX runs_flow_received ON runs(flow_id, received_at, id);
      CREATE INDEX runs_status ON runs(status, received_at);
      -- Duplicate detection on every webhook request.
      CREATE INDEX runs_flow_idempotency ON runs(flow_id, idempotency_key, received_at);
      CREATE INDEX runs_flow_payload ON runs(flow_id, payload_hash);
      -- PostgreSQL does not index foreign keys by itself; duplicates point at their original.
      CREATE INDEX runs_duplicate_of ON runs(duplicate_of) WHERE duplicate_of IS NOT NULL;

      CREATE TABLE run_steps (
        run_id ${T} NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        node_id ${T} NOT NULL,
        kind ${T} NOT NULL,
        status ${T} NOT NULL,
        started_at ${T} NOT NULL,
        duration_ms DOUBLE PRECISION NOT NULL,
        step TEXT NOT NULL ${jsonCheck('step')},
        PRIMARY KEY (run_id, seq)
      );

      CREATE TABLE ledger (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        flow_id ${T} NOT NULL,
        version INTEGER NOT NULL,
        run_id ${T} NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        node_id ${T} NOT NULL,
        record_key ${T},
        status ${T} NOT NULL,
        at ${T} NOT NULL,
        payload TEXT NOT NULL ${jsonCheck('payload')}
      );

      CREATE INDEX ledger_run ON ledger(run_id);
      CREATE INDEX ledger_flow_at ON ledger(flow_id, at);
    `,
  },
  PG_GOVERNANCE_MIGRATION,
  {
    id: 4,
    name: 'connections, dead letters and run leases',
    sql: `
      -- Named downstream connections; secret is AES-256-GCM ciphertext made by the server.
      CREATE TABLE connections (
        name ${T} PRIMARY KEY,
        kind ${T} NOT NULL CONSTRAINT connections_kind_check CHECK (kind IN ('sqlite-embedded', 'postgres', 'http')),
        config TEXT NOT NULL ${jsonCheck('config')},
        secret TEXT,
        created_at ${T} NOT NULL,
        updated_at ${T} NOT NULL
      );

      CREATE TABLE dead_letters (
        run_id ${T} PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        flow_id ${T} NOT NULL,
        version INTEGER NOT NULL,
        record_key ${T},
        error TEXT NOT NULL,
        attempts TEXT NOT NULL ${jsonCheck('attempts')},
        created_at ${T} NOT NULL,
        retried_by ${T},
        retried_at ${T}
      );
      CREATE INDEX dead_letters_open ON dead_letters(created_at) WHERE retried_by IS NULL;

      -- Who executes an unfinished run, until when: a worker that dies loses its lease and the
      -- reconciler hands the run to another. attempts counts executions started.
      ALTER TABLE runs ADD COLUMN lease_owner ${T};
      ALTER TABLE runs ADD COLUMN lease_expires_at ${T};
      ALTER TABLE runs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX runs_unfinished ON runs(lease_expires_at) WHERE status IN ('queued', 'running');
    `,
  },
  PG_OWNERS_MIGRATION,
  {
    id: 6,
    name: 'run search, version filter and retention',
    sql: `
      ALTER TABLE runs ADD COLUMN purged_at ${T};
      CREATE INDEX runs_record_key ON runs(record_key);
      CREATE INDEX runs_idempotency_key ON runs(idempotency_key);
      CREATE INDEX runs_flow_version ON runs(flow_id, version, received_at);
    `,
  },
  {
    id: 7,
    name: 'sealed run input',
    sql: `
      ALTER TABLE runs ADD COLUMN input_sealed TEXT;
    `,
  },
  {
    id: 8,
    name: 'inbox items for failed runs',
    // PostgreSQL changes a CHECK in place; SQLite had to rebuild the table.
    sql: `
      ALTER TABLE inbox_items DROP CONSTRAINT inbox_items_kind_check;
      ALTER TABLE inbox_items ADD CONSTRAINT inbox_items_kind_check
        CHECK (kind IN ('rejected', 'follow_up', 'failed'));
      INSERT INTO notified_runs (run_id, at)
        SELECT id, COALESCE(finished_at, received_at) FROM runs WHERE status = 'failed'
        ON CONFLICT (run_id) DO NOTHING;
    `,
  },
  PG_TRIGGERS_MIGRATION,
  PG_METRICS_MIGRATION,
  PG_PLAYBOOK_MIGRATION,
  {
    id: 12,
    name: 'run steps as one document per run',
    // Text, not jsonb: the steps are part of the trace replay compares byte for byte.
    sql: `
      ALTER TABLE runs ADD COLUMN steps TEXT CHECK (steps IS NULL OR (steps)::json IS NOT NULL);
    `,
  },
  {
    id: 13,
    name: 'fewer index writes per run',
    // As sqlite/migration-13-write-indexes.ts: an unused index gone, the rework lookup's partial.
    sql: `
      DROP INDEX IF EXISTS runs_flow_payload;
      DROP INDEX IF EXISTS runs_idempotency_key;
      DROP INDEX IF EXISTS run_facts_flow_key;
      CREATE INDEX run_facts_rejected_key ON run_facts(flow_id, record_key, received_at)
        WHERE status = 'rejected';
    `,
  },
];

export const PG_LATEST_MIGRATION = Math.max(0, ...PG_MIGRATIONS.map((m) => m.id));
