import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Problem } from '../problems.js';
import { problems } from '../schemas/common-schemas.js';
import { RunIdParams } from '../schemas/run-schemas.js';

const DeadLetterView = Type.Object(
  {
    runId: Type.String(),
    flowId: Type.String(),
    version: Type.Integer(),
    recordKey: Type.Union([Type.String(), Type.Null()]),
    error: Type.String(),
    attempts: Type.Array(
      Type.Object(
        { runId: Type.String(), at: Type.String(), error: Type.String() },
        { additionalProperties: false },
      ),
    ),
    createdAt: Type.String(),
    retriedBy: Type.Union([Type.String(), Type.Null()]),
    retriedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

const DeadLettersQuery = Type.Object(
  {
    flowId: Type.Optional(Type.String({ minLength: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);
type DeadLettersQuery = Static<typeof DeadLettersQuery>;

const RetryResult = Type.Object(
  {
    runId: Type.String(),
    retryOf: Type.String(),
    status: Type.String(),
    version: Type.Integer(),
    recordKey: Type.Union([Type.String(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

const RetryManyBody = Type.Object(
  { runIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);
type RetryManyBody = Static<typeof RetryManyBody>;

const RetryManyResult = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          retryOf: Type.String(),
          runId: Type.Union([Type.String(), Type.Null()]),
          status: Type.String(),
          code: Type.Optional(Type.String()),
          error: Type.Union([Type.String(), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Dead letters (failed runs waiting for a person) and retrying them, one or many. */
export async function deadLetterRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: DeadLettersQuery }>(
    '/api/dead-letters',
    {
      schema: {
        tags: ['runs'],
        summary: 'Failed runs not yet retried, newest first',
        querystring: DeadLettersQuery,
        response: {
          200: Type.Object({ items: Type.Array(DeadLetterView) }, { additionalProperties: false }),
        },
      },
    },
    async (request) => ({
      items: await app.store.deadLetters.listOpen({
        limit: request.query.limit,
        ...(request.query.flowId !== undefined && { flowId: request.query.flowId }),
      }),
    }),
  );

  app.post<{ Params: RunIdParams }>(
    '/api/runs/:id/retry',
    {
      schema: {
        tags: ['runs'],
        summary: 'Retry a failed (dead-lettered) run as a new run of the same record and version',
        params: RunIdParams,
        response: { 200: RetryResult, ...problems(404, 409) },
      },
    },
    async (request) => {
      const { run, runId, retryOf } = await app.runner.retry(request.params.id);
      return {
        runId,
        retryOf,
        status: run?.status ?? 'queued',
        version: run?.version ?? 0,
        recordKey: run?.recordKey ?? null,
        error: run?.error ?? null,
      };
    },
  );

  app.post<{ Body: RetryManyBody }>(
    '/api/dead-letters/retry',
    {
      schema: {
        tags: ['runs'],
        summary: 'Retry several failed runs; each answers on its own',
        body: RetryManyBody,
        response: { 200: RetryManyResult, ...problems(400) },
      },
    },
    async (request) => {
      const items = await Promise.all(
        [...new Set(request.body.runIds)].map(async (id) => {
          try {
            const { run, runId } = await app.runner.retry(id);
            return { retryOf: id, runId, status: run?.status ?? 'queued', error: run?.error ?? null };
          } catch (error) {
            if (!(error instanceof Problem)) throw error;
            return { retryOf: id, runId: null, status: 'refused', code: error.code, error: error.message };
          }
        }),
      );
      return { items };
    },
  );
}
