import type { FastifyInstance } from 'fastify';
import {
  DeadLetterList,
  DeadLettersQuery,
  problems,
  RetryManyBody,
  RetryManyResult,
  RetryResult,
  RunIdParams,
} from '@baton/schema/api';
import { Problem } from '../problems.js';

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
          200: DeadLetterList,
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
