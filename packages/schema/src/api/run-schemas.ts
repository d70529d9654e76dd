import { Type, type Static } from '@sinclair/typebox';
import { Check, RUN_STATUSES, RunStatus, Step } from '../index.js';
import { NullableTimestamp, Timestamp, NullableString } from './common-schemas.js';

const runSummaryProperties = {
  id: Type.String(),
  flowId: Type.String(),
  version: Type.Integer(),
  status: RunStatus,
  recordKey: NullableString,
  idempotencyKey: Type.String(),
  receivedAt: Timestamp,
  startedAt: NullableTimestamp,
  finishedAt: NullableTimestamp,
  durationMs: Type.Union([Type.Number(), Type.Null()]),
  duplicateOf: NullableString,
  error: NullableString,
  /** Set when retention removed the run's input and steps. */
  purgedAt: Type.Optional(Timestamp),
};

export const RunSummary = Type.Object(runSummaryProperties, {
  $id: 'RunSummary',
  additionalProperties: false,
});

export const RunPage = Type.Object(
  { items: Type.Array(RunSummary), nextCursor: NullableString },
  { additionalProperties: false },
);

export const RunDetail = Type.Object(
  { ...runSummaryProperties, input: Type.Unknown(), steps: Type.Array(Step) },
  { additionalProperties: false },
);

/** Filters shared by the runs list, its counts, its CSV export and bulk what-if. */
export const runFilterProperties = {
  flowId: Type.Optional(Type.String({ minLength: 1 })),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(Type.Union(RUN_STATUSES.map((s) => Type.Literal(s)))),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  /** Record key (exact or prefix) or idempotency key (exact). */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
};

export const RunFilterQuery = Type.Object(runFilterProperties, { additionalProperties: false });
export type RunFilterQuery = Static<typeof RunFilterQuery>;

export const RunCounts = Type.Object(
  {
    total: Type.Integer(),
    byStatus: Type.Object(
      Object.fromEntries(RUN_STATUSES.map((s) => [s, Type.Integer()])) as Record<
        (typeof RUN_STATUSES)[number],
        ReturnType<typeof Type.Integer>
      >,
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const RunsQuery = Type.Object(
  {
    ...runFilterProperties,
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);
export type RunsQuery = Static<typeof RunsQuery>;

export const RunIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
export type RunIdParams = Static<typeof RunIdParams>;

/** `GET /api/runs/events` (server-sent events): optionally one flow's runs only. */
export const RunEventsQuery = Type.Object(
  { flowId: Type.Optional(Type.String({ minLength: 1 })) },
  { additionalProperties: false },
);
export type RunEventsQuery = Static<typeof RunEventsQuery>;

/** A webhook record: any JSON object. */
export const WebhookBody = Type.Object({}, { additionalProperties: true });

export const WebhookParams = Type.Object({ flowId: Type.String({ minLength: 1, maxLength: 200 }) });
export type WebhookParams = Static<typeof WebhookParams>;

export const HookHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
});
export type HookHeaders = Static<typeof HookHeaders>;

export const HookQuery = Type.Object({
  /** `?async=1`: answer 202 once the record is durably queued, without waiting for the run. */
  async: Type.Optional(
    Type.Union([Type.Literal('1'), Type.Literal('true'), Type.Literal('0'), Type.Literal('false')]),
  ),
});
export type HookQuery = Static<typeof HookQuery>;

export const WebhookAccepted = Type.Object(
  {
    runId: Type.String(),
    status: Type.Union([Type.Literal('succeeded'), Type.Literal('flagged'), Type.Literal('duplicate')]),
    version: Type.Integer(),
    recordKey: NullableString,
    /** Flags raised on a `flagged` run. */
    checks: Type.Optional(Type.Array(Check)),
    /** For a duplicate: the run whose result this is, and that run's status. */
    duplicateOf: Type.Optional(Type.String()),
    originalStatus: Type.Optional(RunStatus),
  },
  { additionalProperties: false },
);

/** `?async=1`: the record is durably queued; the run comes later. */
export const WebhookQueued = Type.Object(
  { runId: Type.String(), status: Type.Literal('queued'), version: Type.Integer() },
  { additionalProperties: false },
);
