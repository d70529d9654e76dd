import { Type, type Static } from '@sinclair/typebox';
import { NullableString } from './common-schemas.js';

const Cursor = Type.Union([Type.String(), Type.Number(), Type.Null()]);

/** `GET /api/flows/:id/schedule`: the published version's schedule and how it has been doing. */
export const ScheduleStatus = Type.Object(
  {
    flowId: Type.String(),
    /** False when the published version (if any) has no schedule trigger; the rest is then empty. */
    configured: Type.Boolean(),
    version: Type.Union([Type.Integer(), Type.Null()]),
    nodeId: NullableString,
    cron: NullableString,
    timezone: NullableString,
    source: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    /** Firing in this process (false in cluster mode, where BullMQ fires). */
    active: Type.Boolean(),
    /** A tick is reading or enqueuing right now. */
    running: Type.Boolean(),
    nextRuns: Type.Array(Type.String()),
    cursor: Cursor,
    lastTickAt: NullableString,
    lastStarted: Type.Integer(),
    totalStarted: Type.Integer(),
    lastError: NullableString,
    lastErrorAt: NullableString,
  },
  { additionalProperties: false },
);
export type ScheduleStatus = Static<typeof ScheduleStatus>;

export const ScheduleTickAnswer = Type.Object(
  { started: Type.Integer(), skipped: Type.Integer(), cursor: Cursor },
  { additionalProperties: false },
);

export const CronPreviewBody = Type.Object(
  {
    cron: Type.String({ minLength: 1, maxLength: 200 }),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type CronPreviewBody = Static<typeof CronPreviewBody>;

export const CronPreview = Type.Object(
  { valid: Type.Boolean(), nextRuns: Type.Array(Type.String()), error: NullableString },
  { additionalProperties: false },
);
