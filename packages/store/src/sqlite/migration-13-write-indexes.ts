import type { Migration } from './migrations.js';

/**
 * Fewer index pages written per run. Keys hashed or chosen by senders land on random B-tree
 * pages, so each such index costs a page per run in a group commit (most of the bytes a commit
 * writes and syncs: measured, a group of 25 runs wrote 628 KB of WAL with two indexes on the
 * hashed default key, 355 KB with sequential keys). `runs_flow_payload` serves no query (the
 * body hash became the default idempotency key, looked up through `runs_flow_idempotency`);
 * `runs_idempotency_key` only served the runs search, which now probes
 * `runs_flow_idempotency` once per flow; the rework lookup on `run_facts` only asks for
 * rejections, so its index keeps only those.
 */
export const WRITE_INDEXES_MIGRATION: Migration = {
  id: 13,
  name: 'fewer index writes per run',
  sql: `
    DROP INDEX IF EXISTS runs_flow_payload;
    DROP INDEX IF EXISTS runs_idempotency_key;
    DROP INDEX IF EXISTS run_facts_flow_key;
    CREATE INDEX run_facts_rejected_key ON run_facts(flow_id, record_key, received_at)
      WHERE status = 'rejected';
  `,
};
