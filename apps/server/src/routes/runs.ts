import type { FastifyInstance } from 'fastify';
import { NotFoundProblem } from '../problems.js';
import { problems } from '../schemas/common-schemas.js';
import { RunDetail, RunIdParams, RunPage, RunsQuery } from '../schemas/run-schemas.js';

/** Timestamps are stored as `toISOString()`; bounds are normalised the same way so they compare as text. */
const iso = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

export async function runRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: RunsQuery }>(
    '/api/runs',
    { schema: { tags: ['runs'], querystring: RunsQuery, response: { 200: RunPage, ...problems(400) } } },
    async (request) => {
      const { flowId, status, from, to, limit, cursor } = request.query;
      return app.store.runs.list({
        limit,
        ...(flowId !== undefined && { flowId }),
        ...(status !== undefined && { status }),
        ...(from !== undefined && { from: iso(from) }),
        ...(to !== undefined && { to: iso(to) }),
        ...(cursor !== undefined && { cursor }),
      });
    },
  );

  app.get<{ Params: RunIdParams }>(
    '/api/runs/:id',
    { schema: { tags: ['runs'], params: RunIdParams, response: { 200: RunDetail, ...problems(404) } } },
    async (request) => {
      const run = await app.store.runs.get(request.params.id);
      if (!run) throw new NotFoundProblem('run_not_found', `no run ${request.params.id}`);
      return run;
    },
  );
}
