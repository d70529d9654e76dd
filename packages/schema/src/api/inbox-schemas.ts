import { Type, type Static } from '@sinclair/typebox';
import { DELIVERY_STATES, INBOX_KINDS } from '../enums.js';
import { NullableTimestamp, Timestamp } from './common-schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const InboxItemView = Type.Object(
  {
    id: Type.String(),
    ownerId: Type.String(),
    kind: Type.Union(INBOX_KINDS.map((k) => Type.Literal(k))),
    runId: Type.String(),
    flowId: Type.String(),
    edgeId: Nullable(Type.String()),
    nodeId: Nullable(Type.String()),
    field: Nullable(Type.String()),
    rule: Nullable(Type.String()),
    message: Type.String(),
    record: Type.Record(Type.String(), Type.Unknown()),
    status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
    createdAt: Timestamp,
    closedAt: NullableTimestamp,
  },
  { $id: 'InboxItem', additionalProperties: false },
);

export const InboxList = Type.Object({ items: Type.Array(InboxItemView) }, { additionalProperties: false });

export const InboxQuery = Type.Object(
  {
    ownerId: Type.Optional(Type.String({ minLength: 1 })),
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
    kind: Type.Optional(Type.Union(INBOX_KINDS.map((k) => Type.Literal(k)))),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;

export const InboxItemParams = Type.Object({ itemId: Type.String({ minLength: 1 }) });
export type InboxItemParams = Static<typeof InboxItemParams>;

export const DeliveryView = Type.Object(
  {
    id: Type.String(),
    ownerId: Type.String(),
    url: Type.String(),
    state: Type.Union(DELIVERY_STATES.map((s) => Type.Literal(s))),
    attempts: Type.Integer(),
    nextAttemptAt: Timestamp,
    lastError: Nullable(Type.String()),
    createdAt: Timestamp,
  },
  { additionalProperties: false },
);
export const DeliveryList = Type.Object({ items: Type.Array(DeliveryView) }, { additionalProperties: false });
export const DeliveryQuery = Type.Object(
  {
    ownerId: Type.Optional(Type.String({ minLength: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);
export type DeliveryQuery = Static<typeof DeliveryQuery>;
