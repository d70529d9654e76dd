import type { FastifyInstance } from 'fastify';
import { compile } from '@baton/compiler';
import { canonicalJson, FlowSource } from '@baton/schema';
import type { Store } from '@baton/store';
import {
  CompileResponse,
  DraftSaved,
  FlowIdParams,
  problems,
  TestRunBody,
  TestRunResponse,
} from '@baton/schema/api';
import { sha256 } from '../auth/credentials.js';
import { callerOf } from '../auth/auth-plugin.js';
import { auditedChange } from '../governance/record-audit.js';
import { ownerEditViolation } from '../governance/sign-offs.js';
import { NotFoundProblem, Problem, UnprocessableProblem } from '../problems.js';
import { strictValidators } from '../strict-validators.js';
import { maskTrace, piiFieldsOf } from '../masking/mask-trace.js';

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
        response: { 200: DraftSaved, ...problems(400, 401, 403, 404, 415) },
      },
      validatorCompiler: strictValidators(
        { params: FlowIdParams, body: FlowSource },
        { body: 'invalid_source' },
      ),
    },
    async (request) => {
      const before = await draftOf(app.store, request.params.id);
      const { user } = callerOf(request);
      // Object level: a field owner changes only the rules of the contract fields they own.
      if (
        user.role === 'owner' &&
        (!user.ownerId || ownerEditViolation(before.source, request.body, user.ownerId))
      ) {
        throw new Problem(
          403,
          'not_field_owner',
          'owners may change only the rules of the contract fields they own',
          {
            ownerId: user.ownerId,
          },
        );
      }
      // Hashed before the transaction: canonicalising a large draft need not hold the database.
      const beforeHash = sha256(canonicalJson(before.source));
      const afterHash = sha256(canonicalJson(request.body));
      const saved = await auditedChange(app, request, async (tx) => ({
        result: await tx.flows.saveDraft(request.params.id, request.body, app.clock.now().toISOString()),
        audit: {
          action: 'draft.save',
          targetKind: 'flow',
          targetId: request.params.id,
          beforeHash,
          afterHash,
        },
      }));
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
      // Masked like stored runs: the trigger's input and every step (masking/mask-trace.ts).
      return { ...maskTrace(trace, piiFieldsOf(definition.edges)), diagnostics };
    },
  );
}
