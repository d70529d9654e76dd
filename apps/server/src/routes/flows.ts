import type { FastifyInstance } from 'fastify';
import { emptySource } from '@baton/schema';
import { StoreConflictError } from '@baton/store';
import { flowIdFromName } from '../flow-id.js';
import { recordAudit } from '../governance/record-audit.js';
import { ConflictProblem, NotFoundProblem } from '../problems.js';
import { FlowIdParams, problems } from '../schemas/common-schemas.js';
import { CreateFlowBody, FlowDetail, FlowList, FlowSummary } from '../schemas/flow-schemas.js';

export async function flowRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/flows', { schema: { tags: ['flows'], response: { 200: FlowList } } }, async () => ({
    items: await app.store.flows.list(),
  }));

  app.post<{ Body: CreateFlowBody }>(
    '/api/flows',
    {
      schema: {
        tags: ['flows'],
        body: CreateFlowBody,
        response: { 201: FlowSummary, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      const { name, description = '' } = request.body;
      const id = request.body.id ?? flowIdFromName(name);
      try {
        const flow = await app.store.flows.create({
          id,
          name: name.trim(),
          description,
          draft: emptySource(),
          now: app.clock.now().toISOString(),
        });
        await recordAudit(app, request, {
          action: 'flow.create',
          targetKind: 'flow',
          targetId: id,
          details: { name: flow.name },
        });
        return reply.code(201).header('location', `/api/flows/${id}`).send(flow);
      } catch (error) {
        if (error instanceof StoreConflictError)
          throw new ConflictProblem('flow_exists', `a flow with id ${id} exists`, { id });
        throw error;
      }
    },
  );

  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id',
    { schema: { tags: ['flows'], params: FlowIdParams, response: { 200: FlowDetail, ...problems(404) } } },
    async (request) => {
      const flow = await app.store.flows.get(request.params.id);
      if (!flow) throw new NotFoundProblem('flow_not_found', `no flow ${request.params.id}`);
      const versions = await app.store.versions.list(flow.id);
      return { ...flow, versions };
    },
  );
}
