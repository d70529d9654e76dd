import { Type, type Static } from '@sinclair/typebox';
import { NullableString } from './common-schemas.js';

/** Dead letters (failed runs waiting for a person) and retrying them, one or many. */
export const DeadLetterView = Type.Object(
  {
    runId: Type.String(),
    flowId: Type.String(),
    version: Type.Integer(),
    recordKey: NullableString,
    error: Type.String(),
    attempts: Type.Array(
      Type.Object(
        { runId: Type.String(), at: Type.String(), error: Type.String() },
        { additionalProperties: false },
      ),
    ),
    createdAt: Type.String(),
    retriedBy: NullableString,
    retriedAt: NullableString,
  },
  { additionalProperties: false },
);

export const DeadLetterList = Type.Object(
  { items: Type.Array(DeadLetterView) },
  { additionalProperties: false },
);

export const DeadLettersQuery = Type.Object(
  {
    flowId: Type.Optional(Type.String({ minLength: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);
export type DeadLettersQuery = Static<typeof DeadLettersQuery>;

export const RetryResult = Type.Object(
  {
    runId: Type.String(),
    retryOf: Type.String(),
    status: Type.String(),
    version: Type.Integer(),
    recordKey: NullableString,
    error: NullableString,
  },
  { additionalProperties: false },
);

export const RetryManyBody = Type.Object(
  { runIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);
export type RetryManyBody = Static<typeof RetryManyBody>;

export const RetryManyResult = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          retryOf: Type.String(),
          runId: NullableString,
          status: Type.String(),
          code: Type.Optional(Type.String()),
          error: NullableString,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
