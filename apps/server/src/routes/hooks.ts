import type { FastifyInstance } from 'fastify';
import type { Check } from '@baton/schema';
import {
  HookHeaders,
  HookQuery,
  problems,
  WebhookAccepted,
  WebhookBody,
  WebhookParams,
  WebhookQueued,
} from '@baton/schema/api';
import { Problem, UnprocessableProblem } from '../problems.js';
import { strictValidators } from '../strict-validators.js';

/** 422 `record_rejected` with the failed checks, as `{field, rule, result, message}`. */
function rejection(
  runId: string,
  version: number,
  recordKey: string | null,
  checks: readonly Check[],
  extra: Record<string, unknown>,
): UnprocessableProblem {
  return new UnprocessableProblem(
    'record_rejected',
    "the record broke the flow's contract or rules; nothing was written",
    {
      runId,
      ...extra,
      version,
      recordKey,
      checks: checks
        .filter((c) => c.result === 'fail')
        .map((c) => ({
          field: c.field ?? null,
          rule: c.rule,
          result: c.result,
          message: c.message ?? c.rule,
        })),
    },
  );
}

/**
 * `POST /hooks/:flowId`: one record through the flow's published version. The answer comes
 * after the commit that records the run with its outcome (`?async=1`: with it queued); see
 * `Runner.receive` for when the request is committed before it runs.
 */
export async function hookRoutes(app: FastifyInstance): Promise<void> {
  app.post<{
    Params: WebhookParams;
    Body: Record<string, unknown>;
    Headers: HookHeaders;
    Querystring: HookQuery;
  }>(
    '/hooks/:flowId',
    {
      schema: {
        tags: ['hooks'],
        summary: 'Run the published version of a flow on one JSON record',
        params: WebhookParams,
        headers: HookHeaders,
        querystring: HookQuery,
        body: WebhookBody,
        response: {
          200: WebhookAccepted,
          202: WebhookQueued,
          ...problems(400, 401, 403, 404, 409, 413, 415, 422, 429, 502, 503),
        },
      },
      // A JSON array or string is valid JSON but not a record: say so with its own code.
      validatorCompiler: strictValidators(
        { params: WebhookParams, headers: HookHeaders, querystring: HookQuery, body: WebhookBody },
        { body: 'invalid_record' },
      ),
    },
    async (request, reply) => {
      // Back-pressure: refuse before committing anything, so a 503 never hides a queued record.
      const retryAfter = app.runner.backPressure();
      if (retryAfter > 0) {
        void reply.header('retry-after', String(retryAfter));
        throw new Problem(
          503,
          'overloaded',
          `more than ${app.runner.depth - 1} runs are waiting; retry later`,
          {
            retryAfter,
          },
        );
      }
      const wait = request.query.async !== '1' && request.query.async !== 'true';
      const outcome = await app.runner.receive(
        {
          flowId: request.params.flowId,
          record: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        },
        wait,
      );

      if (outcome.kind === 'accepted') {
        return reply
          .code(202)
          .send({ runId: outcome.runId, status: 'queued' as const, version: outcome.version });
      }

      if (outcome.kind === 'duplicate') {
        const { original } = outcome;
        if (original.status === 'rejected') {
          // The earlier result is returned: a resent rejected record is rejected again, not "OK".
          const steps = (await app.store.runs.get(original.id))?.steps ?? [];
          throw rejection(
            outcome.runId,
            original.version,
            original.recordKey,
            steps.flatMap((s) => s.checks),
            {
              runStatus: 'duplicate',
              duplicateOf: original.id,
              originalStatus: original.status,
            },
          );
        }
        return {
          runId: outcome.runId,
          status: 'duplicate' as const,
          version: original.version,
          recordKey: original.recordKey,
          duplicateOf: original.id,
          originalStatus: original.status,
        };
      }

      const { run } = outcome;
      switch (run.status) {
        case 'succeeded':
        case 'flagged':
          return {
            runId: run.runId,
            status: run.status,
            version: run.version,
            recordKey: run.recordKey,
            ...(run.status === 'flagged' && { checks: run.checks }),
          };
        case 'rejected':
          throw rejection(run.runId, run.version, run.recordKey, run.checks, { runStatus: run.status });
        case 'failed':
          request.log.warn({ runId: run.runId, error: run.error }, 'run failed');
          throw new Problem(502, 'run_failed', run.error ?? 'the run failed', {
            runId: run.runId,
            runStatus: run.status,
            version: run.version,
          });
      }
    },
  );
}
