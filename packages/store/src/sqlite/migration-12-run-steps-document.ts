/*
 * NOTE for the PostgreSQL port ("pgstore"): this migration (id 12, reserved for the throughput
 * work) adds `runs.steps`, a JSON document with the run's steps, written by `finish` in the same
 * UPDATE that finishes the run. Port it as `ALTER TABLE runs ADD COLUMN steps JSONB` (or TEXT),
 * with pg-runs `finish` setting it instead of inserting `run_steps` rows, `get` reading it first
 * and falling back to `run_steps` when NULL, and `purge` setting it to NULL. See
 * docs/adr/0012-run-log-one-row-per-run.md.
 */
import type { Migration } from './migrations.js';

/**
 * A finished run's steps as one JSON document on its own row: finishing a run is one UPDATE
 * instead of an UPDATE plus one `run_steps` INSERT (and its primary-key index entry) per step.
 * `run_steps` stays for runs finished before this migration, which are read from there.
 */
export const RUN_STEPS_DOCUMENT_MIGRATION: Migration = {
  id: 12,
  name: 'run steps as one document per run',
  sql: `
    ALTER TABLE runs ADD COLUMN steps TEXT CHECK (steps IS NULL OR json_valid(steps));
  `,
};
