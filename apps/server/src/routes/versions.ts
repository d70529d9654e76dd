import type { FastifyInstance } from 'fastify';
import { compile } from '@baton/compiler';
import {
  FlowIdParams,
  problems,
  PublishResponse,
  SubmitVersionBody,
  SubmitVersionResponse,
  VersionDetail,
  VersionList,
  VersionParams,
} from '@baton/schema/api';
import { callerOf } from '../auth/auth-plugin.js';
import { auditedChange } from '../governance/record-audit.js';
import { requiredSignOffs } from '../governance/sign-offs.js';
import { assertContentIntact, gateError, versionOr404 } from '../governance/version-gate.js';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../problems.js';

/**
 * Versions: immutable snapshots of the draft with their compiled plan, going through the gate
 * (in_review → approved | rejected → published → superseded; see routes/approvals.ts).
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
      // Owners are consulted on what changes against what runs now (or the latest version).
      const baselineSummary =
        (await app.store.versions.published(flowId)) ?? (await app.store.versions.list(flowId))[0];
      const baseline = baselineSummary ? await app.store.versions.get(flowId, baselineSummary.version) : null;
      const signOffs = requiredSignOffs(baseline?.source ?? null, draft.source);
      const version = await auditedChange(app, request, async (tx) => {
        const created = await tx.versions.create({
          flowId,
          source: draft.source,
          definition,
          changeNote: request.body.changeNote,
          now: app.clock.now().toISOString(),
          author: callerOf(request).user.username,
          requiredSignOffs: signOffs,
        });
        return {
          result: created,
          audit: {
            action: 'version.submit',
            targetKind: 'version',
            targetId: `${flowId}@${created.version}`,
            beforeHash: baseline?.contentHash ?? null,
            afterHash: created.contentHash,
            reason: request.body.changeNote.reason,
            details: { changeNote: request.body.changeNote, requiredSignOffs: created.requiredSignOffs },
          },
        };
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
        response: { 200: PublishResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id: flowId, n } = request.params;
      const target = await versionOr404(app, flowId, n);
      if (target.state === 'superseded') {
        throw new ConflictProblem(
          'version_state_conflict',
          `version ${n} was published before; roll back to it instead`,
          {
            state: target.state,
          },
        );
      }
      if (target.state !== 'published' && target.state !== 'approved') {
        throw new ConflictProblem(
          'version_state_conflict',
          `version ${n} is ${target.state}; only an approved version can be published`,
          {
            state: target.state,
          },
        );
      }
      if (target.state === 'approved') {
        assertContentIntact(target);
        if (target.approvedHash !== target.contentHash) {
          throw new ConflictProblem(
            'version_content_changed',
            `version ${n} is not the content that was approved`,
          );
        }
      }
      try {
        const { published, superseded } = await auditedChange(app, request, async (tx) => {
          // Read in the transaction: the entry's "before" is what this publish replaced.
          const before = await tx.versions.published(flowId);
          const result = await tx.versions.publish(flowId, n, app.clock.now().toISOString(), {
            from: ['approved'],
            by: callerOf(request).user.username,
          });
          // The runbook ships with the version: record the revision current now (first pin wins).
          await tx.playbook.pinRunbook(flowId, result.published.version, app.clock.now().toISOString());
          // Publishing the version that is already published changes nothing: no entry.
          const changed = result.superseded !== null || before?.version !== n;
          return {
            result,
            audit: changed
              ? {
                  action: 'version.publish',
                  targetKind: 'version',
                  targetId: `${flowId}@${n}`,
                  beforeHash: before?.contentHash ?? null,
                  afterHash: result.published.contentHash,
                  details: { supersededVersion: result.superseded },
                }
              : null,
          };
        });
        return {
          version: published.version,
          state: 'published' as const,
          publishedAt: published.publishedAt!,
          supersededVersion: superseded,
        };
      } catch (error) {
        throw gateError(error, flowId, n, 'publish');
      }
    },
  );
}
