import type { FastifyInstance } from 'fastify';
import type { RunbookRevision } from '@baton/store';
import {
  FlowIdParams,
  problems,
  RunbookQuery,
  RunbookRevisionList,
  RunbookView,
  SaveRunbookBody,
} from '@baton/schema/api';
import { callerOf } from '../auth/auth-plugin.js';
import { ownerLookupView } from '../playbook/owner-lookup-view.js';
import { NotFoundProblem } from '../problems.js';
import { strictValidators } from '../strict-validators.js';

/**
 * The runbook of a flow: markdown, every save a new revision; a version shows the revision that
 * was current when it was published (pinned by the publish route), so the runbook an operator
 * reads for a running version matches what shipped with it.
 */
export async function playbookRunbookRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['playbook'];
  const flowOr404 = async (id: string) => {
    const flow = await app.store.flows.get(id);
    if (!flow) throw new NotFoundProblem('flow_not_found', `no flow ${id}`);
    return flow;
  };

  /** The revision a version shipped with: its pin, else (published before pins) the one current then. */
  const revisionForVersion = async (flowId: string, n: number): Promise<RunbookRevision | null> => {
    const version = await app.store.versions.get(flowId, n);
    if (!version) throw new NotFoundProblem('version_not_found', `flow ${flowId} has no version ${n}`);
    const pin = await app.store.playbook.runbookPin(flowId, n);
    if (pin) return pin.revision === null ? null : app.store.playbook.runbook(flowId, pin.revision);
    const asOf = version.publishedAt ?? version.createdAt;
    const revisions = await app.store.playbook.runbookRevisions(flowId);
    return revisions.find((r) => r.createdAt <= asOf) ?? null;
  };

  app.get<{ Params: FlowIdParams; Querystring: RunbookQuery }>(
    '/api/flows/:id/runbook',
    {
      schema: {
        tags,
        params: FlowIdParams,
        querystring: RunbookQuery,
        response: { 200: RunbookView, ...problems(400, 404) },
      },
    },
    async (request) => {
      const flow = await flowOr404(request.params.id);
      const { version, revision } = request.query;
      let shown: RunbookRevision | null;
      if (revision !== undefined) {
        shown = await app.store.playbook.runbook(flow.id, revision);
        if (!shown)
          throw new NotFoundProblem(
            'runbook_revision_not_found',
            `flow ${flow.id} has no runbook revision ${revision}`,
          );
      } else if (version !== undefined) shown = await revisionForVersion(flow.id, version);
      else shown = await app.store.playbook.runbook(flow.id);
      const latest =
        revision === undefined && version === undefined ? shown : await app.store.playbook.runbook(flow.id);
      return {
        flowId: flow.id,
        revision: shown?.revision ?? null,
        body: shown?.body ?? '',
        author: shown?.author ?? null,
        savedAt: shown?.createdAt ?? null,
        version: version ?? null,
        latestRevision: latest?.revision ?? null,
        ownerLookup: await ownerLookupView(app),
      };
    },
  );

  app.put<{ Params: FlowIdParams; Body: SaveRunbookBody }>(
    '/api/flows/:id/runbook',
    {
      schema: {
        tags,
        params: FlowIdParams,
        body: SaveRunbookBody,
        response: { 200: RunbookView, ...problems(400, 404) },
      },
      validatorCompiler: strictValidators({ params: FlowIdParams, body: SaveRunbookBody }),
    },
    async (request) => {
      const flow = await flowOr404(request.params.id);
      const saved = await app.store.playbook.saveRunbook(
        flow.id,
        request.body.body,
        callerOf(request).user.username,
        app.clock.now().toISOString(),
      );
      return {
        flowId: flow.id,
        revision: saved.revision,
        body: saved.body,
        author: saved.author,
        savedAt: saved.createdAt,
        version: null,
        latestRevision: saved.revision,
        ownerLookup: await ownerLookupView(app),
      };
    },
  );

  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id/runbook/revisions',
    { schema: { tags, params: FlowIdParams, response: { 200: RunbookRevisionList, ...problems(404) } } },
    async (request) => {
      const flow = await flowOr404(request.params.id);
      const [revisions, versions] = await Promise.all([
        app.store.playbook.runbookRevisions(flow.id),
        app.store.versions.list(flow.id),
      ]);
      const pins = await Promise.all(versions.map((v) => app.store.playbook.runbookPin(flow.id, v.version)));
      return {
        items: revisions.map((r) => ({
          revision: r.revision,
          author: r.author,
          createdAt: r.createdAt,
          versions: pins.filter((p) => p?.revision === r.revision).map((p) => p!.version),
        })),
      };
    },
  );
}
