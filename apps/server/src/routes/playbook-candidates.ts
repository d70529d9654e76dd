import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CandidatePatch } from '@baton/store';
import {
  CandidateList,
  CandidateParams,
  CandidatePatchBody,
  CandidateView,
  CreateFlowFromCandidateBody,
  CreateFlowFromCandidateResponse,
  NewCandidateBody,
  problems,
  NoContent,
} from '@baton/schema/api';
import { candidateView, SCOPING_THRESHOLDS } from '../playbook/scoping.js';
import { ConflictProblem, NotFoundProblem, Problem } from '../problems.js';
import { strictValidators } from '../strict-validators.js';

/** The scoping grid: candidate hand-offs, and turning one into a flow. */
export async function playbookCandidateRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['playbook'];
  const now = () => app.clock.now().toISOString();
  const candidateOr404 = async (id: string) => {
    const candidate = await app.store.playbook.getCandidate(id);
    if (!candidate) throw new NotFoundProblem('candidate_not_found', `no candidate ${id}`);
    return candidate;
  };

  app.get('/api/playbook/candidates', { schema: { tags, response: { 200: CandidateList } } }, async () => ({
    items: (await app.store.playbook.listCandidates()).map(candidateView),
    thresholds: { ...SCOPING_THRESHOLDS },
  }));

  app.post<{ Body: NewCandidateBody }>(
    '/api/playbook/candidates',
    {
      schema: { tags, body: NewCandidateBody, response: { 201: CandidateView, ...problems(400) } },
      // Strict: the shared Ajv would coerce "3" into 3 and drop unknown members silently.
      validatorCompiler: strictValidators({ body: NewCandidateBody }),
    },
    async (request, reply) => {
      const b = request.body;
      const candidate = await app.store.playbook.createCandidate(
        {
          id: `cand_${randomUUID().slice(0, 12)}`,
          name: b.name.trim(),
          systemFrom: b.systemFrom.trim(),
          systemTo: b.systemTo.trim(),
          frequencyPerWeek: b.frequencyPerWeek,
          impact: b.impact,
          notes: b.notes ?? '',
          rationale: b.rationale ?? '',
        },
        now(),
      );
      return reply.code(201).send(candidateView(candidate));
    },
  );

  app.get<{ Params: CandidateParams }>(
    '/api/playbook/candidates/:candidateId',
    { schema: { tags, params: CandidateParams, response: { 200: CandidateView, ...problems(404) } } },
    async (request) => candidateView(await candidateOr404(request.params.candidateId)),
  );

  app.patch<{ Params: CandidateParams; Body: CandidatePatchBody }>(
    '/api/playbook/candidates/:candidateId',
    {
      schema: {
        tags,
        params: CandidateParams,
        body: CandidatePatchBody,
        response: { 200: CandidateView, ...problems(400, 404) },
      },
      validatorCompiler: strictValidators({ params: CandidateParams, body: CandidatePatchBody }),
    },
    async (request) => {
      const patch: CandidatePatch = {};
      for (const [key, value] of Object.entries(request.body))
        if (value !== undefined) (patch as Record<string, unknown>)[key] = value;
      const updated = await app.store.playbook.updateCandidate(request.params.candidateId, patch, now());
      if (!updated)
        throw new NotFoundProblem('candidate_not_found', `no candidate ${request.params.candidateId}`);
      return candidateView(updated);
    },
  );

  app.delete<{ Params: CandidateParams }>(
    '/api/playbook/candidates/:candidateId',
    { schema: { tags, params: CandidateParams, response: { 204: NoContent, ...problems(404) } } },
    async (request, reply) => {
      if (!(await app.store.playbook.deleteCandidate(request.params.candidateId)))
        throw new NotFoundProblem('candidate_not_found', `no candidate ${request.params.candidateId}`);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: CandidateParams; Body: CreateFlowFromCandidateBody }>(
    '/api/playbook/candidates/:candidateId/flow',
    {
      schema: {
        tags,
        params: CandidateParams,
        body: CreateFlowFromCandidateBody,
        response: { 201: CreateFlowFromCandidateResponse, ...problems(400, 404, 409) },
      },
      validatorCompiler: strictValidators({ params: CandidateParams, body: CreateFlowFromCandidateBody }),
    },
    async (request, reply) => {
      const candidate = await candidateOr404(request.params.candidateId);
      if (candidate.flowId !== null)
        throw new ConflictProblem(
          'candidate_has_flow',
          `flow ${candidate.flowId} was made from this candidate`,
          {
            flowId: candidate.flowId,
          },
        );
      // Through `POST /api/flows` itself, with the caller's own credentials: the same access
      // rule, validation, id derivation and audit entry as any other new flow, no second copy.
      const created = await app.inject({
        method: 'POST',
        url: '/api/flows',
        headers: forwardedCredentials(request.headers),
        payload: {
          name: request.body.name ?? candidate.name,
          ...(request.body.id !== undefined && { id: request.body.id }),
          // A flow description holds at most 2000 characters; a long rationale is cut, not refused.
          description: `${candidate.systemFrom} → ${candidate.systemTo}. ${candidate.rationale}`
            .trim()
            .slice(0, 2000),
        },
      });
      if (created.statusCode !== 201) {
        const problem = created.json<{ code: ConstructorParameters<typeof Problem>[1]; detail: string }>();
        throw new Problem(created.statusCode, problem.code, problem.detail, created.json());
      }
      const flowId = created.json<{ id: string }>().id;
      const linked = await app.store.playbook.linkCandidate(candidate.id, flowId, now());
      return reply.code(201).send({ flowId, candidate: candidateView(linked!) });
    },
  );
}

function forwardedCredentials(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['authorization', 'cookie', 'x-csrf-token', 'x-request-id']) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}
