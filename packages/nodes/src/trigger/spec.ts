import { Type, type Static } from '@sinclair/typebox';
import type { KindSpec } from '../kind-definition.js';

export const TRIGGER_MODES = ['webhook', 'manual', 'schedule', 'batch'] as const;
/** Modes the runtime can start. Every mode is; the set stays so callers can keep asking. */
export const SUPPORTED_TRIGGER_MODES: ReadonlySet<string> = new Set(TRIGGER_MODES);

/** Pulls rows with `SELECT … WHERE <cursorColumn> > :cursor ORDER BY <cursorColumn> LIMIT :limit`. */
export const SqlScheduleSource = Type.Object(
  {
    kind: Type.Literal('sql'),
    /** A named connection of kind `postgres` or `sqlite-embedded`. */
    connection: Type.String({ minLength: 1, maxLength: 100 }),
    /**
     * A SELECT whose rows are the records; the server wraps it as a sub-query and adds the cursor
     * condition, order and limit, so the query itself needs none of them.
     */
    query: Type.String({ minLength: 1, maxLength: 10_000 }),
    /** An increasing, unique column (an id, a sequence, a timestamp with a tie-breaker). */
    cursorColumn: Type.String({ minLength: 1, maxLength: 63, pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);

/** GETs a JSON array of records; only those whose `cursorField` is above the stored cursor start runs. */
export const HttpScheduleSource = Type.Object(
  {
    kind: Type.Literal('http'),
    url: Type.String({ minLength: 1, maxLength: 2000 }),
    cursorField: Type.String({ minLength: 1, maxLength: 200 }),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);

export const ScheduleSource = Type.Union([SqlScheduleSource, HttpScheduleSource]);
export type ScheduleSource = Static<typeof ScheduleSource>;

export const ScheduleSettings = Type.Object(
  {
    /** Five fields (minute precision) or six (seconds first), croner syntax; `@hourly` and friends too. */
    cron: Type.String({ minLength: 1, maxLength: 200 }),
    /** An IANA time zone the cron is read in; the server's when absent. */
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    source: ScheduleSource,
  },
  { additionalProperties: false },
);
export type ScheduleSettings = Static<typeof ScheduleSettings>;

export const TriggerConfig = Type.Object(
  {
    mode: Type.Union(
      TRIGGER_MODES.map((m) => Type.Literal(m)),
      { default: 'webhook' },
    ),
    /** Only for `mode: 'schedule'`; optional so every flow saved before schedules stays valid. */
    schedule: Type.Optional(ScheduleSettings),
  },
  { additionalProperties: false },
);
export type TriggerConfig = Static<typeof TriggerConfig>;

export const triggerSpec: KindSpec<typeof TriggerConfig> = {
  kind: 'trigger',
  version: 1,
  title: 'Trigger',
  description:
    'Starts a run for each record: a webhook POST, a manual run, a schedule that pulls new rows, or a batch file.',
  palette: { group: 'Start', order: 1, glyph: 'zap' },
  inputs: [],
  outputs: [{ id: 'out', label: 'Record' }],
  configSchema: TriggerConfig,
  defaultConfig: () => ({ mode: 'webhook' }),
  migrations: [],
};
