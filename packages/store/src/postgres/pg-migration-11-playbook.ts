import { BACKLOG_STATUSES, RISK_STATUSES } from '../playbook-repository.js';
import { sqlList, T } from './pg-migration-sql.js';
import type { PgMigration } from './pg-migrations.js';

/** PostgreSQL twin of `sqlite/migration-11-playbook.ts`. */
export const PG_PLAYBOOK_MIGRATION: PgMigration = {
  id: 11,
  name: 'pilot playbook: candidates, risks, runbooks, retrospectives, backlog',
  sql: `
    CREATE TABLE playbook_candidates (
      id ${T} PRIMARY KEY,
      name ${T} NOT NULL,
      system_from ${T} NOT NULL,
      system_to ${T} NOT NULL,
      frequency_per_week DOUBLE PRECISION NOT NULL CHECK (frequency_per_week >= 0),
      impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
      notes TEXT NOT NULL,
      rationale TEXT NOT NULL,
      -- No foreign key: a flow deleted later leaves the candidate's history readable.
      flow_id ${T},
      created_at ${T} NOT NULL,
      updated_at ${T} NOT NULL
    );

    CREATE TABLE playbook_risks (
      id ${T} PRIMARY KEY,
      flow_id ${T} NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
      risk TEXT NOT NULL,
      likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
      impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
      mitigation TEXT NOT NULL,
      owner_id ${T},
      status ${T} NOT NULL CHECK (status IN (${sqlList(RISK_STATUSES)})),
      created_at ${T} NOT NULL,
      updated_at ${T} NOT NULL
    );
    CREATE INDEX playbook_risks_flow ON playbook_risks(flow_id);

    -- Append-only: a save adds the next revision, so a published version's runbook never moves.
    CREATE TABLE runbook_revisions (
      flow_id ${T} NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL CHECK (revision >= 1),
      body TEXT NOT NULL,
      author ${T},
      created_at ${T} NOT NULL,
      PRIMARY KEY (flow_id, revision)
    );

    CREATE TABLE runbook_version_pins (
      flow_id ${T} NOT NULL,
      version INTEGER NOT NULL,
      revision INTEGER,
      pinned_at ${T} NOT NULL,
      PRIMARY KEY (flow_id, version),
      FOREIGN KEY (flow_id, version) REFERENCES versions(flow_id, version) ON DELETE CASCADE
    );

    CREATE TABLE retrospectives (
      id ${T} PRIMARY KEY,
      flow_id ${T} NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
      went_well TEXT NOT NULL,
      went_badly TEXT NOT NULL,
      author ${T},
      created_at ${T} NOT NULL
    );
    CREATE INDEX retrospectives_flow ON retrospectives(flow_id, created_at);

    CREATE TABLE backlog_items (
      id ${T} PRIMARY KEY,
      retrospective_id ${T} NOT NULL REFERENCES retrospectives(id) ON DELETE CASCADE,
      flow_id ${T} NOT NULL,
      title TEXT NOT NULL,
      frequency INTEGER NOT NULL CHECK (frequency BETWEEN 1 AND 5),
      impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
      status ${T} NOT NULL CHECK (status IN (${sqlList(BACKLOG_STATUSES)})),
      created_at ${T} NOT NULL,
      updated_at ${T} NOT NULL
    );
    CREATE INDEX backlog_items_flow ON backlog_items(flow_id);
  `,
};
