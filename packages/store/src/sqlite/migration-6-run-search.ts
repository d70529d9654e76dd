import type { Migration } from './migrations.js';

/**
 * Indexes for the runs page: search by record key (exact or prefix) or idempotency key across
 * flows, and the version filter within a flow. Counts per status reuse `runs_status` and
 * `runs_flow_received`. `purged_at`: when retention removed the run's input and steps (the run
 * row and its ledger entries stay, for metrics).
 */
export const RUN_SEARCH_MIGRATION: Migration = {
  id: 6,
  name: 'run search, version filter and retention',
  sql: `
    ALTER TABLE runs ADD COLUMN purged_at TEXT;
    CREATE INDEX runs_record_key ON runs(record_key);
    CREATE INDEX runs_idempotency_key ON runs(idempotency_key);
    CREATE INDEX runs_flow_version ON runs(flow_id, version, received_at);
  `,
};
