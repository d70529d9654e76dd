import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Risk, RiskPatch } from '@baton/store';
import {
  FlowIdParams,
  NewRiskBody,
  problems,
  RiskList,
  RiskParams,
  RiskPatchBody,
  RiskView,
  NoContent,
} from '@baton/schema/api';
import { NotFoundProblem, UnprocessableProblem } from '../problems.js';
import { strictValidators } from '../strict-validators.js';

function riskView(risk: Risk): RiskView {
  return { ...risk, score: risk.likelihood * risk.impact };
}

/** The risk register of a flow, ranked by likelihood × impact. */
export async function playbookRiskRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['playbook'];
  const now = () => app.clock.now().toISOString();
  const flowOr404 = async (id: string) => {
    const flow = await app.store.flows.get(id);
    if (!flow) throw new NotFoundProblem('flow_not_found', `no flow ${id}`);
    return flow;
  };
  // An owner must be in the directory, so the register routes to someone who exists.
  const checkOwner = async (ownerId: string | null | undefined) => {
    if (ownerId && !(await app.store.owners.get(ownerId)))
      throw new UnprocessableProblem('owner_not_found', `no owner ${ownerId} in the owners directory`, {
        ownerId,
      });
  };
  const riskOr404 = async (flowId: string, riskId: string) => {
    const risk = await app.store.playbook.getRisk(riskId);
    if (!risk || risk.flowId !== flowId) throw new NotFoundProblem('risk_not_found', `no risk ${riskId}`);
    return risk;
  };

  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id/risks',
    { schema: { tags, params: FlowIdParams, response: { 200: RiskList, ...problems(404) } } },
    async (request) => {
      const flow = await flowOr404(request.params.id);
      return { items: (await app.store.playbook.listRisks(flow.id)).map(riskView) };
    },
  );

  app.post<{ Params: FlowIdParams; Body: NewRiskBody }>(
    '/api/flows/:id/risks',
    {
      schema: {
        tags,
        params: FlowIdParams,
        body: NewRiskBody,
        response: { 201: RiskView, ...problems(400, 404, 422) },
      },
      validatorCompiler: strictValidators({ params: FlowIdParams, body: NewRiskBody }),
    },
    async (request, reply) => {
      const flow = await flowOr404(request.params.id);
      const b = request.body;
      await checkOwner(b.ownerId);
      const risk = await app.store.playbook.createRisk(
        {
          id: `risk_${randomUUID().slice(0, 12)}`,
          flowId: flow.id,
          risk: b.risk.trim(),
          likelihood: b.likelihood,
          impact: b.impact,
          mitigation: b.mitigation ?? '',
          ownerId: b.ownerId ?? null,
          status: b.status ?? 'open',
        },
        now(),
      );
      return reply.code(201).send(riskView(risk));
    },
  );

  app.patch<{ Params: RiskParams; Body: RiskPatchBody }>(
    '/api/flows/:id/risks/:riskId',
    {
      schema: {
        tags,
        params: RiskParams,
        body: RiskPatchBody,
        response: { 200: RiskView, ...problems(400, 404, 422) },
      },
      validatorCompiler: strictValidators({ params: RiskParams, body: RiskPatchBody }),
    },
    async (request) => {
      const { id, riskId } = request.params;
      await riskOr404(id, riskId);
      await checkOwner(request.body.ownerId);
      const patch: RiskPatch = {};
      for (const [key, value] of Object.entries(request.body))
        if (value !== undefined) (patch as Record<string, unknown>)[key] = value;
      const updated = await app.store.playbook.updateRisk(riskId, patch, now());
      if (!updated) throw new NotFoundProblem('risk_not_found', `no risk ${riskId}`);
      return riskView(updated);
    },
  );

  app.delete<{ Params: RiskParams }>(
    '/api/flows/:id/risks/:riskId',
    { schema: { tags, params: RiskParams, response: { 204: NoContent, ...problems(404) } } },
    async (request, reply) => {
      await riskOr404(request.params.id, request.params.riskId);
      await app.store.playbook.deleteRisk(request.params.riskId);
      return reply.code(204).send();
    },
  );
}
