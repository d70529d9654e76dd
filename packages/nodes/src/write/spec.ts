import { Type, type Static } from '@sinclair/typebox';
import type { KindSpec } from '../kind-definition.js';

export const SQL_IDENTIFIER = '^[A-Za-z_][A-Za-z0-9_]*$';

export const WriteConfig = Type.Object(
  {
    /**
     * Where the row goes: `downstream` (the embedded `downstream.sqlite`) or the name of a connection
     * (`/api/connections`) of kind sqlite-embedded, postgres or http, resolved by the server at run time.
     */
    connection: Type.String({ minLength: 1, default: 'downstream' }),
    /** A plain SQL identifier: it is interpolated into DDL, so nothing else may pass. */
    table: Type.String({ minLength: 1, maxLength: 63, pattern: SQL_IDENTIFIER }),
    keyFields: Type.Array(Type.String({ minLength: 1, pattern: SQL_IDENTIFIER }), { minItems: 1 }),
    onConflict: Type.Union([Type.Literal('update'), Type.Literal('skip')], {
      default: 'update',
      // The inspector's label for it: the name config errors use (compiler's config-messages.ts).
      title: 'When the key exists',
    }),
  },
  { additionalProperties: false },
);
export type WriteConfig = Static<typeof WriteConfig>;

export const writeSpec: KindSpec<typeof WriteConfig> = {
  kind: 'write',
  version: 1,
  title: 'Write',
  description: 'Idempotent create-or-update into a downstream table, keyed by the record key.',
  palette: { group: 'Deliver', order: 4, glyph: 'database' },
  inputs: [{ id: 'in', label: 'Record' }],
  outputs: [
    { id: 'done', label: 'Written' },
    { id: 'failed', label: 'Failed', mayStayOpen: true },
  ],
  configSchema: WriteConfig,
  // The empty table is deliberate: a freshly dropped node asks for a table instead of guessing one.
  defaultConfig: () => ({ connection: 'downstream', table: '', keyFields: [], onConflict: 'update' }),
  migrations: [],
};
