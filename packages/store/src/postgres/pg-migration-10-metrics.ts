import { T } from './pg-migration-sql.js';
import type { PgMigration } from './pg-migrations.js';

/**
 * PostgreSQL twin of `sqlite/migration-10-metrics.ts`. Flags stay 0/1 integers (not booleans)
 * so the aggregates SUM them exactly as on SQLite.
 */
export const PG_METRICS_MIGRATION: PgMigration = {
  id: 10,
  name: 'metrics: run facts, SLA targets, baselines',
  sql: `
    CREATE TABLE run_facts (
      run_id ${T} PRIMARY KEY,
      flow_id ${T} NOT NULL,
      version INTEGER NOT NULL,
      record_key ${T},
      status ${T} NOT NULL CHECK (status IN ('succeeded', 'flagged', 'rejected', 'failed')),
      entered_at ${T} NOT NULL,
      received_at ${T} NOT NULL,
      day ${T} NOT NULL,
      committed_at ${T},
      ttv_ms DOUBLE PRECISION,
      reworked INTEGER NOT NULL CHECK (reworked IN (0, 1)),
      resent INTEGER NOT NULL CHECK (resent IN (0, 1)),
      demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
    );
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
      flow_id ${T} NOT NULL,
      day ${T} NOT NULL,
      version INTEGER NOT NULL,
      status ${T} NOT NULL,
      demo INTEGER NOT NULL,
      count INTEGER NOT NULL,
      reworked INTEGER NOT NULL,
      PRIMARY KEY (flow_id, day, version, status, demo)
    );

    -- Failed and flagging checks per day, rule and field ('' when the check has no field).
    CREATE TABLE run_fact_issue_days (
      flow_id ${T} NOT NULL,
      day ${T} NOT NULL,
      version INTEGER NOT NULL,
      rule ${T} NOT NULL,
      field ${T} NOT NULL,
      result ${T} NOT NULL CHECK (result IN ('fail', 'flag')),
      demo INTEGER NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (flow_id, day, version, rule, field, result, demo)
    );

    CREATE TABLE flow_metric_settings (
      flow_id ${T} PRIMARY KEY,
      sla_target_ms DOUBLE PRECISION CHECK (sla_target_ms IS NULL OR sla_target_ms > 0),
      updated_at ${T} NOT NULL
    );

    -- One row: where the projector resumes scanning finished runs.
    CREATE TABLE metric_projection (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      watermark ${T} NOT NULL
    );

    CREATE TABLE flow_baselines (
      flow_id ${T} PRIMARY KEY,
      source ${T} NOT NULL CHECK (source IN ('csv', 'manual')),
      ttv_p50_ms DOUBLE PRECISION,
      rework_rate DOUBLE PRECISION,
      sla_adherence DOUBLE PRECISION,
      record_count INTEGER NOT NULL,
      updated_at ${T} NOT NULL,
      updated_by ${T}
    );

    CREATE TABLE baseline_records (
      flow_id ${T} NOT NULL REFERENCES flow_baselines(flow_id) ON DELETE CASCADE,
      line INTEGER NOT NULL,
      record_key ${T} NOT NULL,
      entered_at ${T} NOT NULL,
      completed_at ${T} NOT NULL,
      ttv_ms DOUBLE PRECISION NOT NULL,
      reworked INTEGER NOT NULL CHECK (reworked IN (0, 1)),
      PRIMARY KEY (flow_id, line)
    );
  `,
};
