import type Database from 'better-sqlite3';
import { VERSION_STATES } from '../versions.js';
import { RUN_STATUSES } from '@baton/schema';
import { GOVERNANCE_MIGRATION } from './migration-3-governance.js';
import { OWNERS_MIGRATION } from './migration-5-owners.js';
import { RUN_SEARCH_MIGRATION } from './migration-6-run-search.js';
import { SEALED_INPUT_MIGRATION } from './migration-7-sealed-input.js';
import { FAILURE_NOTICES_MIGRATION } from './migration-8-failure-notices.js';
import { TRIGGERS_MIGRATION } from './migration-9-triggers.js';
import { METRICS_MIGRATION } from './migration-10-metrics.js';
import { PLAYBOOK_MIGRATION } from './migration-11-playbook.js';
import { RUN_STEPS_DOCUMENT_MIGRATION } from './migration-12-run-steps-document.js';
import { WRITE_INDEXES_MIGRATION } from './migration-13-write-indexes.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Forward-only, numbered migrations. Never edit one that has shipped: add the next number.
 * Tables are STRICT so a wrong type fails loudly instead of being stored as text.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'flows, drafts and versions',
    sql: `
      CREATE TABLE flows (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE drafts (
        flow_id TEXT PRIMARY KEY REFERENCES flows(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (json_valid(source)),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE versions (
        flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 1),
        state TEXT NOT NULL CHECK (state IN (${sqlList(VERSION_STATES)})),
        source TEXT NOT NULL CHECK (json_valid(source)),
        definition TEXT NOT NULL CHECK (json_valid(definition)),
        content_hash TEXT NOT NULL,
        change_note TEXT NOT NULL CHECK (json_valid(change_note)),
        created_at TEXT NOT NULL,
        published_at TEXT,
        PRIMARY KEY (flow_id, version)
      ) STRICT;

      -- At most one published version per flow: publishing supersedes the previous one.
      CREATE UNIQUE INDEX versions_one_published ON versions(flow_id) WHERE state = 'published';

      -- A version is an immutable snapshot; only its state and publication time move.
      CREATE TRIGGER versions_immutable
      BEFORE UPDATE OF flow_id, version, source, definition, content_hash, change_note, created_at ON versions
      BEGIN
        SELECT RAISE(ABORT, 'version content is immutable');
      END;
    `,
  },
  {
    id: 2,
    name: 'runs, run steps and the movement ledger',
    sql: `
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        flow_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN (${sqlList(RUN_STATUSES)})),
        record_key TEXT,
        idempotency_key TEXT NOT NULL,
        payload_hash TEXT NOT NULL,
        input TEXT NOT NULL CHECK (json_valid(input)),
        received_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        duration_ms REAL,
        duplicate_of TEXT REFERENCES runs(id),
        error TEXT,
        FOREIGN KEY (flow_id, version) REFERENCES versions(flow_id, version)
      ) STRICT;

      -- The runs list: newest first, overall and per flow; (received_at, id) is the cursor.
      CREATE INDEX runs_received ON runs(received_at, id);
      CREATE INDEX runs_flow_received ON runs(flow_id, received_at, id);
      CREATE INDEX runs_status ON runs(status, received_at);
      -- Duplicate detection on every webhook request.
      CREATE INDEX runs_flow_idempotency ON runs(flow_id, idempotency_key, received_at);
      CREATE INDEX runs_flow_payload ON runs(flow_id, payload_hash);

      CREATE TABLE run_steps (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        node_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        duration_ms REAL NOT NULL,
        step TEXT NOT NULL CHECK (json_valid(step)),
        PRIMARY KEY (run_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ledger (
        id INTEGER PRIMARY KEY,
        flow_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        record_key TEXT,
        status TEXT NOT NULL,
        at TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload))
      ) STRICT;

      CREATE INDEX ledger_run ON ledger(run_id);
      CREATE INDEX ledger_flow_at ON ledger(flow_id, at);
    `,
  },
  GOVERNANCE_MIGRATION,
  {
    id: 4,
    name: 'connections, dead letters and run leases',
    sql: `
      -- Named downstream connections; secret is AES-256-GCM ciphertext made by the server.
      CREATE TABLE connections (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('sqlite-embedded', 'postgres', 'http')),
        config TEXT NOT NULL CHECK (json_valid(config)),
        secret TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE dead_letters (
        run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        flow_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        record_key TEXT,
        error TEXT NOT NULL,
        attempts TEXT NOT NULL CHECK (json_valid(attempts)),
        created_at TEXT NOT NULL,
        retried_by TEXT,
        retried_at TEXT
      ) STRICT;
      CREATE INDEX dead_letters_open ON dead_letters(created_at) WHERE retried_by IS NULL;

      -- Who executes an unfinished run, until when: a worker that dies loses its lease and the
      -- reconciler hands the run to another. attempts counts executions started.
      ALTER TABLE runs ADD COLUMN lease_owner TEXT;
      ALTER TABLE runs ADD COLUMN lease_expires_at TEXT;
      ALTER TABLE runs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX runs_unfinished ON runs(lease_expires_at) WHERE status IN ('queued', 'running');
    `,
  },
  OWNERS_MIGRATION,
  RUN_SEARCH_MIGRATION,
  SEALED_INPUT_MIGRATION,
  FAILURE_NOTICES_MIGRATION,
  TRIGGERS_MIGRATION,
  METRICS_MIGRATION,
  PLAYBOOK_MIGRATION,
  RUN_STEPS_DOCUMENT_MIGRATION,
  WRITE_INDEXES_MIGRATION,
];

export const LATEST_MIGRATION = Math.max(0, ...MIGRATIONS.map((m) => m.id));

/** Highest migration recorded in the database (0 for a fresh file). */
export function currentMigration(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const row = db.prepare('SELECT MAX(id) AS id FROM schema_migrations').get() as { id: number | null };
  return row.id ?? 0;
}

/**
 * Applies the migrations after the database's current one, up to `upTo`, each in its own
 * transaction together with its `schema_migrations` row, so a crash leaves the file at a
 * migration boundary. Refuses a file migrated by a newer Baton.
 */
export function applyMigrations(db: Database.Database, upTo: number = LATEST_MIGRATION): number[] {
  const current = currentMigration(db);
  if (current > LATEST_MIGRATION) {
    throw new Error(
      `database is at migration ${current}, newer than this Baton knows (${LATEST_MIGRATION}); upgrade Baton`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  // Ids are reserved per piece of work and may land out of order (4 before 3): apply every one
  // not recorded yet, in id order, rather than only those above the highest.
  const done = new Set(
    (db.prepare('SELECT id FROM schema_migrations').all() as Array<{ id: number }>).map((r) => r.id),
  );
  const applied: number[] = [];
  for (const migration of [...MIGRATIONS].sort((a, b) => a.id - b.id)) {
    if (done.has(migration.id) || migration.id > upTo) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, migration.name, new Date().toISOString());
    }).immediate();
    applied.push(migration.id);
  }
  return applied;
}
