import { BACKLOG_STATUSES, RISK_STATUSES } from '../playbook-repository.js';
import type { Migration } from './migrations.js';

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The pilot playbook: scoping candidates, risk registers, runbook revisions (and the revision
 * each published version shipped with), retrospectives and their backlog. Plain portable SQL
 * (no SQLite-only functions) so the PostgreSQL port can reuse the shapes.
 */
export const PLAYBOOK_MIGRATION: Migration = {
  id: 11,
  name: 'pilot playbook: candidates, risks, runbooks, retrospectives, backlog',
  sql: `
    CREATE TABLE playbook_candidates (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      system_from TEXT NOT NULL,
      system_to TEXT NOT NULL,
      frequency_per_week REAL NOT NULL CHECK (frequency_per_week >= 0),
      impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
      notes TEXT NOT NULL,
      rationale TEXT NOT NULL,
      -- No foreign key: a flow deleted later leaves the candidate's history readable.
      flow_id TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE playbook_risks (
      id TEXT PRIMARY KEY,
      flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
      risk TEXT NOT NULL,
      likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
      impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
      mitigation TEXT NOT NULL,
      owner_id TEXT,
      status TEXT NOT NULL CHECK (status IN (${sqlList(RISK_STATUSES)})),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX playbook_risks_flow ON playbook_risks(flow_id);

    -- Append-only: a save adds the next revision, so a published version's runbook never moves.
    CREATE TABLE runbook_revisions (
      flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL CHECK (revision >= 1),
      body TEXT NOT NULL,
      author TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (flow_id, revision)
    ) STRICT;

    CREATE TABLE runbook_version_pins (
      flow_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      revision INTEGER,
      pinned_at TEXT NOT NULL,
      PRIMARY KEY (flow_id, version),
      FOREIGN KEY (flow_id, version) REFERENCES versions(flow_id, version) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE retrospectives (
      id TEXT PRIMARY KEY,
      flow_id TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
      went_well TEXT NOT NULL,
      went_badly TEXT NOT NULL,
      author TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX retrospectives_flow ON retrospectives(flow_id, created_at);

    CREATE TABLE backlog_items (
      id TEXT PRIMARY KEY,
      retrospective_id TEXT NOT NULL REFERENCES retrospectives(id) ON DELETE CASCADE,
      flow_id TEXT NOT NULL,
      title TEXT NOT NULL,
      frequency INTEGER NOT NULL CHECK (frequency BETWEEN 1 AND 5),
      impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
      status TEXT NOT NULL CHECK (status IN (${sqlList(BACKLOG_STATUSES)})),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX backlog_items_flow ON backlog_items(flow_id);
  `,
};
