import { Type, type Static } from '@sinclair/typebox';
import { Timestamp, NullableString } from './common-schemas.js';

export const AuditEntrySchema = Type.Object(
  {
    seq: Type.Integer(),
    at: Timestamp,
    actor: Type.String(),
    action: Type.String(),
    targetKind: Type.String(),
    targetId: Type.String(),
    beforeHash: NullableString,
    afterHash: NullableString,
    reason: NullableString,
    details: Type.Record(Type.String(), Type.Unknown()),
    prevHash: Type.String(),
    hash: Type.String(),
  },
  { $id: 'AuditEntry', additionalProperties: false },
);

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    targetKind: Type.Optional(Type.String({ maxLength: 100 })),
    targetId: Type.Optional(Type.String({ maxLength: 300 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    /** Entries older than this `seq` (the previous page's `nextCursor`). */
    cursor: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditList = Type.Object(
  { items: Type.Array(AuditEntrySchema), nextCursor: Type.Union([Type.Integer(), Type.Null()]) },
  { additionalProperties: false },
);

export const AuditVerifyResponse = Type.Object(
  {
    ok: Type.Boolean(),
    entries: Type.Integer(),
    brokenAt: Type.Union([Type.Integer(), Type.Null()]),
    problem: NullableString,
    headHash: NullableString,
  },
  { additionalProperties: false },
);

/** `GET /api/audit.csv`: the filtered entries as a CSV file. */
export const AuditCsv = Type.String({ description: 'text/csv' });
