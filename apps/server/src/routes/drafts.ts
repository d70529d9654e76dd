import type { FastifyInstance } from 'fastify';
import { compile } from '@baton/compiler';
import { FlowSource } from '@baton/schema';
import type { Store } from '@baton/store';
import { NotFoundProblem, UnprocessableProblem } from '../problems.js';
import { FlowIdParams, problems } from '../schemas/common-schemas.js';
import { CompileResponse, DraftSaved, TestRunBody, TestRunResponse } from '../schemas/flow-schemas.js';
import { strictValidators } from '../strict-validators.js';

async function draftOf(store: Store, flowId: string) {
  const draft = await store.flows.getDraft(flowId);
  if (!draft) throw new NotFoundProblem('flow_not_found', `no flow ${flowId}`);
  return draft;
}

/** The draft: the canvas's document, saved as is, compiled and test-run on demand. */
export async function draftRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id/draft',
    { schema: { tags: ['drafts'], params: FlowIdParams, response: { 200: FlowSource, ...problems(404) } } },
    async (request) => (await draftOf(app.store, request.params.id)).source,
  );

  app.put<{ Params: FlowIdParams; Body: FlowSource }>(
    '/api/flows/:id/draft',
    {
      schema: {
        tags: ['drafts'],
        params: FlowIdParams,
        body: FlowSource,
        response: { 200: DraftSaved, ...problems(400, 404, 415) },
      },
      validatorCompiler: strictValidators(
        { params: FlowIdParams, body: FlowSource },
        { body: 'invalid_source' },
      ),
    },
    async (request) => {
      if (!(await app.store.flows.get(request.params.id))) {
        throw new NotFoundProblem('flow_not_found', `no flow ${request.params.id}`);
      }
      const saved = await app.store.flows.saveDraft(
        request.params.id,
        request.body,
        app.clock.now().toISOString(),
      );
      // Diagnostics come back with the save so the canvas can mark problems without a second call.
      return { savedAt: saved.updatedAt, diagnostics: compile(request.body).diagnostics };
    },
  );

  app.post<{ Params: FlowIdParams }>(
    '/api/flows/:id/compile',
    {
      schema: {
        tags: ['drafts'],
        params: FlowIdParams,
        response: { 200: CompileResponse, ...problems(404) },
      },
    },
    async (request) => compile((await draftOf(app.store, request.params.id)).source),
  );

  app.post<{ Params: FlowIdParams; Body: TestRunBody }>(
    '/api/flows/:id/test-run',
    {
      schema: {
        tags: ['drafts'],
        params: FlowIdParams,
        body: TestRunBody,
        response: { 200: TestRunResponse, ...problems(400, 404, 422) },
      },
    },
    async (request) => {
      const { source } = await draftOf(app.store, request.params.id);
      const { definition, diagnostics } = compile(source);
      if (!definition) {
        throw new UnprocessableProblem('draft_invalid', 'the draft has errors; fix them before a test run', {
          diagnostics,
        });
      }
      const trace = await app.runner.testRun(definition, request.body.record, request.params.id);
      return { ...trace, diagnostics };
    },
  );
}
