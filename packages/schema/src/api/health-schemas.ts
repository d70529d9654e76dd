import { Type } from '@sinclair/typebox';

/** `GET /healthz`: the process answers. */
export const Liveness = Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false });

/** `GET /readyz` of an API node, 200 or 503: the database answers, and Redis in cluster mode. */
export const Readiness = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    checks: Type.Object(
      {
        database: Type.Union([Type.Literal('ok'), Type.Literal('failing')]),
        /** Cluster mode only: the queue's Redis. */
        redis: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('failing')])),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const WorkerCheck = Type.Union([Type.Literal('ok'), Type.Literal('failing')]);

/** `GET /readyz` of a cluster worker's own health server (200 when ready, 503 when not). */
export const WorkerReadiness = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    checks: Type.Object(
      { database: WorkerCheck, redis: WorkerCheck, worker: WorkerCheck },
      { additionalProperties: false },
    ),
    concurrency: Type.Integer(),
  },
  { additionalProperties: false },
);
