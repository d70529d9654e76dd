import type { FastifyInstance } from 'fastify';
import { compile } from '@baton/compiler';
import { StoreNotFoundError } from '@baton/store';
import { NotFoundProblem, UnprocessableProblem } from '../problems.js';
import { FlowIdParams, VersionParams, problems } from '../schemas/common-schemas.js';
import {
  PublishResponse,
  SubmitVersionBody,
  SubmitVersionResponse,
  VersionDetail,
  VersionList,
} from '../schemas/flow-schemas.js';

/**
 * Versions: immutable snapshots of the draft with their compiled plan. Publishing is plain
 * for now (any version, no approval); the governance gate will sit in front of it.
 */
export async function versionRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id/versions',
    {
      schema: { tags: ['versions'], params: FlowIdParams, response: { 200: VersionList, ...problems(404) } },
    },
    async (request) => {
      if (!(await app.store.flows.get(request.params.id))) {
        throw new NotFoundProblem('flow_not_found', `no flow ${request.params.id}`);
      }
      return { items: await app.store.versions.list(request.params.id) };
    },
  );

  app.post<{ Params: FlowIdParams; Body: SubmitVersionBody }>(
    '/api/flows/:id/versions',
    {
      schema: {
        tags: ['versions'],
        params: FlowIdParams,
        body: SubmitVersionBody,
        response: { 201: SubmitVersionResponse, ...problems(400, 404, 422) },
      },
    },
    async (request, reply) => {
      const flowId = request.params.id;
      const draft = await app.store.flows.getDraft(flowId);
      if (!draft) throw new NotFoundProblem('flow_not_found', `no flow ${flowId}`);
      const { definition, diagnostics } = compile(draft.source);
      if (!definition) {
        throw new UnprocessableProblem('draft_invalid', 'the draft has errors; a version must compile', {
          diagnostics,
        });
      }
      const version = await app.store.versions.create({
        flowId,
        source: draft.source,
        definition,
        changeNote: request.body.changeNote,
        now: app.clock.now().toISOString(),
      });
      return reply
        .code(201)
        .header('location', `/api/flows/${flowId}/versions/${version.version}`)
        .send({ version: version.version, state: 'in_review', contentHash: version.contentHash });
    },
  );

  app.get<{ Params: VersionParams }>(
    '/api/flows/:id/versions/:n',
    {
      schema: {
        tags: ['versions'],
        params: VersionParams,
        response: { 200: VersionDetail, ...problems(400, 404) },
      },
    },
    async (request) => {
      const version = await app.store.versions.get(request.params.id, request.params.n);
      if (!version) {
        throw new NotFoundProblem(
          'version_not_found',
          `no version ${request.params.n} of flow ${request.params.id}`,
        );
      }
      return version;
    },
  );

  app.post<{ Params: VersionParams }>(
    '/api/flows/:id/versions/:n/publish',
    {
      schema: {
        tags: ['versions'],
        params: VersionParams,
        response: { 200: PublishResponse, ...problems(400, 404) },
      },
    },
    async (request) => {
      try {
        const { published, superseded } = await app.store.versions.publish(
          request.params.id,
          request.params.n,
          app.clock.now().toISOString(),
        );
        return {
          version: published.version,
          state: 'published' as const,
          publishedAt: published.publishedAt!,
          supersededVersion: superseded,
        };
      } catch (error) {
        if (error instanceof StoreNotFoundError) {
          throw new NotFoundProblem(
            'version_not_found',
            `no version ${request.params.n} of flow ${request.params.id}`,
          );
        }
        throw error;
      }
    },
  );
}
