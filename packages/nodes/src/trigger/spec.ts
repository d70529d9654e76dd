import { Type } from '@sinclair/typebox';
import type { KindSpec } from '../kind-definition.js';

export const TRIGGER_MODES = ['webhook', 'manual', 'schedule', 'batch'] as const;
/** Modes the runtime can start today; the others are reserved in the schema so flows can name them. */
export const SUPPORTED_TRIGGER_MODES: ReadonlySet<string> = new Set(['webhook', 'manual']);

export const TriggerConfig = Type.Object(
  {
    mode: Type.Union(
      TRIGGER_MODES.map((m) => Type.Literal(m)),
      { default: 'webhook' },
    ),
  },
  { additionalProperties: false },
);

export const triggerSpec: KindSpec<typeof TriggerConfig> = {
  kind: 'trigger',
  version: 1,
  title: 'Trigger',
  description: 'Starts a run for each record: a webhook POST or a manual run from the editor.',
  palette: { group: 'Start', order: 1, glyph: 'zap' },
  inputs: [],
  outputs: [{ id: 'out', label: 'Record' }],
  configSchema: TriggerConfig,
  defaultConfig: () => ({ mode: 'webhook' }),
  migrations: [],
};
