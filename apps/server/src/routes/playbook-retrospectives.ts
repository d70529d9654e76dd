import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BacklogItem, Retrospective } from '@baton/store';
import {
  BacklogItemView,
  BacklogList,
  BacklogParams,
  BacklogPatchBody,
  BacklogQuery,
  FlowIdParams,
  NewRetrospectiveBody,
  problems,
  RetrospectiveList,
  RetrospectiveView,
} from '@baton/schema/api';
import { callerOf } from '../auth/auth-plugin.js';
import { NotFoundProblem } from '../problems.js';
import { strictValidators } from '../strict-validators.js';

function backlogView(item: BacklogItem): BacklogItemView {
  return { ...item, score: item.frequency * item.impact };
}

function retroView(retro: Retrospective) {
  return { ...retro, items: retro.items.map(backlogView) };
}

/** Post-mortems per flow; their items are the backlog, ranked by frequency × impact. */
export async function playbookRetrospectiveRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['playbook'];
  const flowOr404 = async (id: string) => {
    const flow = await app.store.flows.get(id);
    if (!flow) throw new NotFoundProblem('flow_not_found', `no flow ${id}`);
    return flow;
  };

  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id/retrospectives',
    { schema: { tags, params: FlowIdParams, response: { 200: RetrospectiveList, ...problems(404) } } },
    async (request) => {
      const flow = await flowOr404(request.params.id);
      return { items: (await app.store.playbook.listRetrospectives(flow.id)).map(retroView) };
    },
  );

  app.post<{ Params: FlowIdParams; Body: NewRetrospectiveBody }>(
    '/api/flows/:id/retrospectives',
    {
      schema: {
        tags,
        params: FlowIdParams,
        body: NewRetrospectiveBody,
        response: { 201: RetrospectiveView, ...problems(400, 404) },
      },
      validatorCompiler: strictValidators({ params: FlowIdParams, body: NewRetrospectiveBody }),
    },
    async (request, reply) => {
      const flow = await flowOr404(request.params.id);
      const b = request.body;
      const retro = await app.store.playbook.createRetrospective(
        {
          id: `retro_${randomUUID().slice(0, 12)}`,
          flowId: flow.id,
          wentWell: b.wentWell ?? '',
          wentBadly: b.wentBadly ?? '',
          author: callerOf(request).user.username,
          items: b.items.map((i) => ({
            id: `bl_${randomUUID().slice(0, 12)}`,
            title: i.title.trim(),
            frequency: i.frequency,
            impact: i.impact,
          })),
        },
        app.clock.now().toISOString(),
      );
      return reply.code(201).send(retroView(retro));
    },
  );

  app.get<{ Querystring: BacklogQuery }>(
    '/api/playbook/backlog',
    { schema: { tags, querystring: BacklogQuery, response: { 200: BacklogList, ...problems(400) } } },
    async (request) => ({
      items: (await app.store.playbook.listBacklog(request.query.flowId)).map(backlogView),
    }),
  );

  app.patch<{ Params: BacklogParams; Body: BacklogPatchBody }>(
    '/api/playbook/backlog/:itemId',
    {
      schema: {
        tags,
        params: BacklogParams,
        body: BacklogPatchBody,
        response: { 200: BacklogItemView, ...problems(400, 404) },
      },
      validatorCompiler: strictValidators({ params: BacklogParams, body: BacklogPatchBody }),
    },
    async (request) => {
      const item = await app.store.playbook.setBacklogStatus(
        request.params.itemId,
        request.body.status,
        app.clock.now().toISOString(),
      );
      if (!item)
        throw new NotFoundProblem('backlog_item_not_found', `no backlog item ${request.params.itemId}`);
      return backlogView(item);
    },
  );
}
