import { Type, type Static } from '@sinclair/typebox';
import type { KindSpec } from '../kind-definition.js';

export const LogConfig = Type.Object(
  {
    /** Top-level fields whose values the ledger stores as `***`. */
    mask: Type.Array(Type.String({ minLength: 1 }), { default: [] }),
  },
  { additionalProperties: false },
);
export type LogConfig = Static<typeof LogConfig>;

export const MASK = '***';

export const logSpec: KindSpec<typeof LogConfig> = {
  kind: 'log',
  version: 1,
  title: 'Log',
  description:
    'Records what moved, when, by which flow version, in the movement ledger; masks chosen fields.',
  palette: { group: 'Record', order: 5, glyph: 'scroll-text' },
  inputs: [{ id: 'in', label: 'Record' }],
  // A log is the natural end of a hand-off, so its output may stay unconnected without a warning.
  outputs: [{ id: 'out', label: 'Record', mayStayOpen: true }],
  configSchema: LogConfig,
  defaultConfig: () => ({ mask: [] }),
  migrations: [],
};
