import { Type, type Static } from '@sinclair/typebox';
import { NullableString } from './common-schemas.js';

const Count = Type.Integer({ minimum: 0 });

export const BatchCountsView = Type.Object(
  {
    rows: Count,
    queued: Count,
    succeeded: Count,
    flagged: Count,
    rejected: Count,
    failed: Count,
    duplicate: Count,
    malformed: Count,
  },
  { additionalProperties: false },
);

export const BatchView = Type.Object(
  {
    id: Type.String(),
    flowId: Type.String(),
    version: Type.Integer(),
    format: Type.Union([Type.Literal('csv'), Type.Literal('jsonl')]),
    fileName: NullableString,
    state: Type.Union([
      Type.Literal('receiving'),
      Type.Literal('running'),
      Type.Literal('done'),
      Type.Literal('interrupted'),
    ]),
    counts: BatchCountsView,
    /** Runs finished so far (succeeded + flagged + rejected + failed + duplicate). */
    finished: Count,
    /** Rows that became rejects: malformed lines plus rejected and failed runs. */
    rejects: Count,
    bytes: Count,
    createdBy: NullableString,
    createdAt: Type.String(),
    finishedAt: NullableString,
    error: NullableString,
  },
  { additionalProperties: false },
);
export type BatchView = Static<typeof BatchView>;

export const BatchList = Type.Object({ items: Type.Array(BatchView) }, { additionalProperties: false });

export const BatchParams = Type.Object({ batchId: Type.String({ minLength: 1, maxLength: 100 }) });
export type BatchParams = Static<typeof BatchParams>;

export const BatchUploadQuery = Type.Object(
  {
    /** Chosen by the client so it can poll progress while the upload is still streaming. */
    id: Type.Optional(Type.String({ pattern: '^b_[A-Za-z0-9_-]{8,40}$' })),
    fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  },
  { additionalProperties: false },
);
export type BatchUploadQuery = Static<typeof BatchUploadQuery>;

export const BatchListQuery = Type.Object(
  { limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) },
  { additionalProperties: false },
);
export type BatchListQuery = Static<typeof BatchListQuery>;

export const RejectsQuery = Type.Object(
  { format: Type.Union([Type.Literal('csv'), Type.Literal('jsonl')], { default: 'csv' }) },
  { additionalProperties: false },
);
export type RejectsQuery = Static<typeof RejectsQuery>;

/** `GET /api/batches/:batchId/rejects`: the rejected rows as a file, in the format asked for. */
export const RejectsFile = Type.String({ description: 'text/csv or application/x-ndjson' });
