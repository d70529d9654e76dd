import { Type, type Static } from '@sinclair/typebox';
import { CONNECTION_KINDS } from '../enums.js';

/**
 * At most `max` writes per `perSeconds` to one connection, across every process that writes to
 * it (cluster mode counts in Redis; embedded mode in the process). Writes over it wait.
 */
export const TargetRateLimit = Type.Object(
  {
    max: Type.Integer({ minimum: 1, maximum: 100_000 }),
    perSeconds: Type.Integer({ minimum: 1, maximum: 3600 }),
  },
  { additionalProperties: false },
);
export type TargetRateLimit = Static<typeof TargetRateLimit>;

export const SqliteConnectionConfig = Type.Object(
  {
    rateLimit: Type.Optional(TargetRateLimit),
    /** A file in the data folder; no paths, so a connection cannot reach outside it. */
    file: Type.String({ pattern: '^[A-Za-z0-9_-]+\\.sqlite$', maxLength: 100 }),
  },
  { additionalProperties: false },
);

/** A JSON Lines file in the data folder, one line appended per record (no paths: see jsonl-target.ts). */
export const JsonlConnectionConfig = Type.Object(
  {
    file: Type.String({ pattern: '^[A-Za-z0-9_-]+\\.jsonl$', maxLength: 100 }),
    rateLimit: Type.Optional(TargetRateLimit),
  },
  { additionalProperties: false },
);

export const PostgresConnectionConfig = Type.Object(
  {
    host: Type.String({ minLength: 1, maxLength: 255 }),
    port: Type.Integer({ minimum: 1, maximum: 65535, default: 5432 }),
    database: Type.String({ minLength: 1, maxLength: 63 }),
    user: Type.String({ minLength: 1, maxLength: 63 }),
    schema: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: 63, default: 'public' }),
    ssl: Type.Boolean({ default: false }),
    rateLimit: Type.Optional(TargetRateLimit),
  },
  { additionalProperties: false },
);

export const HttpConnectionConfig = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: '`{table}` is replaced by the write node table',
    }),
    method: Type.Union([Type.Literal('POST'), Type.Literal('PUT')], { default: 'POST' }),
    timeoutMs: Type.Integer({ minimum: 100, maximum: 120_000, default: 10_000 }),
    maxAttempts: Type.Integer({ minimum: 1, maximum: 10, default: 5 }),
    baseDelayMs: Type.Integer({ minimum: 0, maximum: 60_000, default: 200 }),
    maxDelayMs: Type.Integer({ minimum: 0, maximum: 300_000, default: 10_000 }),
    breakerThreshold: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
    breakerResetMs: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 30_000 }),
    headers: Type.Record(Type.String({ pattern: '^[A-Za-z0-9-]+$' }), Type.String({ maxLength: 2000 }), {
      default: {},
    }),
    rateLimit: Type.Optional(TargetRateLimit),
  },
  { additionalProperties: false },
);

/** Credentials; stored sealed (AES-256-GCM), never answered by the API. */
export const ConnectionSecret = Type.Object(
  {
    password: Type.Optional(Type.String({ maxLength: 1000 })),
    /** Extra headers for HTTP connections that are secret (e.g. Authorization). */
    headers: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Za-z0-9-]+$' }), Type.String({ maxLength: 4000 })),
    ),
  },
  { additionalProperties: false },
);
export type ConnectionSecret = Static<typeof ConnectionSecret>;

export const ConnectionKindSchema = Type.Union(CONNECTION_KINDS.map((k) => Type.Literal(k)));

export const ConnectionName = Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' });

export const ConnectionInput = Type.Object(
  {
    kind: ConnectionKindSchema,
    config: Type.Record(Type.String(), Type.Unknown()),
    /** Omitted on update: the stored secret is kept. `null` removes it. */
    secret: Type.Optional(Type.Union([ConnectionSecret, Type.Null()])),
  },
  { additionalProperties: false },
);
export type ConnectionInput = Static<typeof ConnectionInput>;

export const NewConnection = Type.Object(
  { name: ConnectionName, ...ConnectionInput.properties },
  { additionalProperties: false },
);
export type NewConnection = Static<typeof NewConnection>;

export const ConnectionView = Type.Object(
  {
    name: Type.String(),
    kind: ConnectionKindSchema,
    config: Type.Record(Type.String(), Type.Unknown()),
    hasSecret: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    /** HTTP connections: the circuit breaker's state in this process. */
    breaker: Type.Optional(
      Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half-open')]),
    ),
  },
  { additionalProperties: false },
);
export type ConnectionView = Static<typeof ConnectionView>;

export const ConnectionList = Type.Object(
  { items: Type.Array(ConnectionView) },
  { additionalProperties: false },
);

export const ConnectionParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });
export type ConnectionParams = Static<typeof ConnectionParams>;

export const ConnectionTestResult = Type.Object(
  { ok: Type.Boolean(), message: Type.String() },
  { additionalProperties: false },
);
