import type { Migration } from './migrations.js';

/**
 * The run's raw input, sealed (AES-256-GCM, by the server) so pii in it is not readable from the
 * database file; `input` then holds the pii-masked copy the API shows. Rows from before keep a
 * plaintext `input` and a NULL `input_sealed`, and are read as before.
 */
export const SEALED_INPUT_MIGRATION: Migration = {
  id: 7,
  name: 'sealed run input',
  sql: `
    ALTER TABLE runs ADD COLUMN input_sealed TEXT;
  `,
};
