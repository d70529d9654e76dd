import type { Migration } from './migrations.js';

/**
 * Metrics (issue 6): a projection of finished runs, one row each (`run_facts`), daily rollups of
 * their counts and of the checks that failed or flagged them, the flow's SLA target and the
 * pre-pilot baseline. Periods are whole UTC days (`day` is the `YYYY-MM-DD` prefix of
 * `received_at`). No foreign key to `runs`: facts outlive retention and the run log's layout.
 * Plain SQL (no JSON, no STRICT-only types in queries) so the PostgreSQL port is a transcription.
 */
export const METRICS_MIGRATION: Migration = {
  id: 10,
  name: 'metrics: run facts, SLA targets, baselines',
  sql: `
    CREATE TABLE run_facts (
      run_id TEXT PRIMARY KEY,
      flow_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      record_key TEXT,
      status TEXT NOT NULL CHECK (status IN ('succeeded', 'flagged', 'rejected', 'failed')),
      entered_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      day TEXT NOT NULL,
      committed_at TEXT,
      ttv_ms REAL,
      reworked INTEGER NOT NULL CHECK (reworked IN (0, 1)),
      resent INTEGER NOT NULL CHECK (resent IN (0, 1)),
      demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
    ) STRICT;
    -- Percentiles read a day's TTVs already in order from this index, never the table.
    CREATE INDEX run_facts_flow_day_ttv ON run_facts(flow_id, day, ttv_ms, version)
      WHERE ttv_ms IS NOT NULL;
    -- Re-sends after a rejection: earlier rejected facts of the same key.
    CREATE INDEX run_facts_flow_key ON run_facts(flow_id, record_key, received_at)
      WHERE record_key IS NOT NULL;
    CREATE INDEX run_facts_demo ON run_facts(flow_id) WHERE demo = 1;

    -- Counts are additive, so they are kept per day as facts arrive: a period's counts read a
    -- few hundred rows, not every fact. Demo facts have their own rows, so clearing them is exact.
    CREATE TABLE run_fact_days (
      flow_id TEXT NOT NULL,
      day TEXT NOT NULL,
      version INTEGER NOT NULL,
      status TEXT NOT NULL,
      demo INTEGER NOT NULL,
      count INTEGER NOT NULL,
      reworked INTEGER NOT NULL,
      PRIMARY KEY (flow_id, day, version, status, demo)
    ) STRICT, WITHOUT ROWID;

    -- Failed and flagging checks per day, rule and field ('' when the check has no field).
    CREATE TABLE run_fact_issue_days (
      flow_id TEXT NOT NULL,
      day TEXT NOT NULL,
      version INTEGER NOT NULL,
      rule TEXT NOT NULL,
      field TEXT NOT NULL,
      result TEXT NOT NULL CHECK (result IN ('fail', 'flag')),
      demo INTEGER NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (flow_id, day, version, rule, field, result, demo)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE flow_metric_settings (
      flow_id TEXT PRIMARY KEY,
      sla_target_ms REAL CHECK (sla_target_ms IS NULL OR sla_target_ms > 0),
      updated_at TEXT NOT NULL
    ) STRICT;

    -- One row: where the projector resumes scanning finished runs.
    CREATE TABLE metric_projection (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      watermark TEXT NOT NULL
    ) STRICT;

    CREATE TABLE flow_baselines (
      flow_id TEXT PRIMARY KEY,
      source TEXT NOT NULL CHECK (source IN ('csv', 'manual')),
      ttv_p50_ms REAL,
      rework_rate REAL,
      sla_adherence REAL,
      record_count INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT;

    CREATE TABLE baseline_records (
      flow_id TEXT NOT NULL REFERENCES flow_baselines(flow_id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      record_key TEXT NOT NULL,
      entered_at TEXT NOT NULL,
      completed_at TEXT NOT NULL,
      ttv_ms REAL NOT NULL,
      reworked INTEGER NOT NULL CHECK (reworked IN (0, 1)),
      PRIMARY KEY (flow_id, line)
    ) STRICT;
  `,
};
