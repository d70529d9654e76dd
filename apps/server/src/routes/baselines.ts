import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  BaselineImported,
  BaselineView,
  FlowIdParams,
  ManualBaselineBody,
  problems,
  NoContent,
} from '@baton/schema/api';
import { auditedChange } from '../governance/record-audit.js';
import { parseBaselineCsv } from '../metrics/baseline-csv.js';
import { baselineFigures } from '../metrics/baseline-figures.js';
import { BadRequestProblem, NotFoundProblem } from '../problems.js';

/** A baseline file may be larger than a JSON body (historical hand-offs), but not unbounded. */
const CSV_BODY_LIMIT = 32 * 1024 * 1024;

async function mustFindFlow(app: FastifyInstance, flowId: string): Promise<void> {
  if (!(await app.store.flows.get(flowId))) throw new NotFoundProblem('flow_not_found', `no flow ${flowId}`);
}

async function figures(app: FastifyInstance, flowId: string) {
  const settings = await app.store.metrics.settings(flowId);
  return baselineFigures(app.store, flowId, settings?.slaTargetMs ?? null);
}

/** The pre-pilot baseline: a CSV of historical hand-offs, or three figures by hand. */
export async function baselineRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['metrics'];
  // Encapsulated: only these routes take CSV. The body stays a stream, parsed as it arrives.
  app.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { bodyLimit: CSV_BODY_LIMIT },
    (_req, payload, done) => done(null, payload),
  );

  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id/baseline',
    { schema: { tags, params: FlowIdParams, response: { 200: BaselineView, ...problems(404) } } },
    async (request) => {
      const { id } = request.params;
      await mustFindFlow(app, id);
      return { flowId: id, baseline: await figures(app, id) };
    },
  );

  app.post<{ Params: FlowIdParams }>(
    '/api/flows/:id/baseline',
    {
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Imports the baseline as CSV (`text/csv`; columns record_key, entered_at, completed_at, reworked); replaces the previous one',
        params: FlowIdParams,
        consumes: ['text/csv'],
        response: { 201: BaselineImported, ...problems(400, 404, 415) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await mustFindFlow(app, id);
      const body = request.body as Readable | string | undefined;
      if (body === undefined) {
        throw new BadRequestProblem('validation_failed', 'send the baseline as a text/csv body', {
          errors: [{ in: 'body', path: '', message: 'a CSV body is required' }],
        });
      }
      const { records, errors } = await parseBaselineCsv(body);
      if (errors.length > 0) {
        throw new BadRequestProblem(
          'validation_failed',
          `the baseline CSV has ${errors.length} problem(s); nothing was imported`,
          {
            errors: errors.map((e) => ({
              in: 'body',
              path: `line ${e.line}`,
              line: e.line,
              message: e.message,
            })),
          },
        );
      }
      // Parsed above, before the transaction: only the writes hold the database.
      await auditedChange(app, request, async (tx) => {
        await tx.baselines.importRecords(id, records, {
          updatedAt: app.clock.now().toISOString(),
          updatedBy: request.caller?.user.username ?? null,
        });
        return {
          result: undefined,
          audit: {
            action: 'baseline.import',
            targetKind: 'flow',
            targetId: id,
            details: { records: records.length },
          },
        };
      });
      return reply
        .code(201)
        .send({ flowId: id, imported: records.length, baseline: (await figures(app, id))! });
    },
  );

  app.put<{ Params: FlowIdParams; Body: ManualBaselineBody }>(
    '/api/flows/:id/baseline',
    {
      schema: {
        tags,
        summary:
          'Sets the three baseline figures by hand (rates are shares from 0 to 1); replaces the previous baseline',
        params: FlowIdParams,
        body: ManualBaselineBody,
        response: { 200: BaselineView, ...problems(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await mustFindFlow(app, id);
      await auditedChange(app, request, async (tx) => {
        await tx.baselines.setManual({
          flowId: id,
          ...request.body,
          updatedAt: app.clock.now().toISOString(),
          updatedBy: request.caller?.user.username ?? null,
        });
        return {
          result: undefined,
          audit: { action: 'baseline.set', targetKind: 'flow', targetId: id, details: { ...request.body } },
        };
      });
      return { flowId: id, baseline: await figures(app, id) };
    },
  );

  app.delete<{ Params: FlowIdParams }>(
    '/api/flows/:id/baseline',
    { schema: { tags, params: FlowIdParams, response: { 204: NoContent, ...problems(404) } } },
    async (request, reply) => {
      const { id } = request.params;
      await mustFindFlow(app, id);
      await auditedChange(app, request, async (tx) => {
        await tx.baselines.remove(id);
        return { result: undefined, audit: { action: 'baseline.remove', targetKind: 'flow', targetId: id } };
      });
      return reply.code(204).send();
    },
  );
}
