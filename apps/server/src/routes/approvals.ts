import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VersionSummary } from '@baton/store';
import {
  ApprovalList,
  ApproveBody,
  DiffParams,
  DiffResponse,
  FlowIdParams,
  problems,
  RejectBody,
  ReviewResponse,
  RollbackBody,
  RollbackResponse,
  VersionParams,
} from '@baton/schema/api';
import { callerOf } from '../auth/auth-plugin.js';
import { auditedChange } from '../governance/record-audit.js';
import { pendingSignOffs } from '../governance/sign-offs.js';
import { assertContentIntact, gateError, versionOr404 } from '../governance/version-gate.js';
import { diffSources } from '../governance/version-diff.js';
import { ConflictProblem, NotFoundProblem, Problem } from '../problems.js';

const review = (v: VersionSummary) => ({ ...v, pendingSignOffs: pendingSignOffs(v) });

/** Why this caller may not approve the version now (null when they may). */
function cannotApprove(request: FastifyRequest, v: VersionSummary): string | null {
  const { user } = callerOf(request);
  if (user.role !== 'admin') return 'only an admin approves';
  if (v.state !== 'in_review') return `the version is ${v.state}`;
  if (v.author === user.username) return 'you are its author: another admin must approve (four eyes)';
  const pending = pendingSignOffs(v);
  if (pending.length > 0) return `waiting for sign-off from ${pending.map((p) => p.ownerId).join(', ')}`;
  return null;
}

/**
 * The gate: owners sign off changes to their fields, a second admin approves (bound to the
 * content hash) or rejects, an admin publishes (routes/versions.ts) or rolls back. Every step is audited.
 */
export async function approvalRoutes(app: FastifyInstance): Promise<void> {
  const target = (flowId: string, n: number) => `${flowId}@${n}`;

  app.post<{ Params: VersionParams }>(
    '/api/flows/:id/versions/:n/sign-off',
    {
      schema: {
        tags: ['versions'],
        summary: 'A field owner signs off the changes to their fields',
        params: VersionParams,
        response: { 200: ReviewResponse, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id: flowId, n } = request.params;
      const { user } = callerOf(request);
      const version = await versionOr404(app, flowId, n);
      const mine = version.requiredSignOffs.find((r) => r.ownerId === user.ownerId);
      if (!user.ownerId || !mine) {
        throw new Problem(
          403,
          'sign_off_not_needed',
          `version ${n} does not change fields owned by ${user.ownerId ?? 'you'}`,
          {
            requiredSignOffs: version.requiredSignOffs,
          },
        );
      }
      const signOff = {
        ownerId: mine.ownerId,
        by: user.username,
        at: app.clock.now().toISOString(),
        contentHash: version.contentHash,
      };
      try {
        // Read and write the sign-offs in one unit of work: two owners signing at once both count.
        const updated = await auditedChange(app, request, async (tx) => {
          const current = (await tx.versions.get(flowId, n))?.signOffs ?? [];
          const signOffs = [...current.filter((s) => s.ownerId !== mine.ownerId), signOff];
          return {
            result: await tx.versions.review(flowId, n, {
              from: ['in_review'],
              to: 'in_review',
              patch: { signOffs },
            }),
            audit: {
              action: 'version.sign_off',
              targetKind: 'version',
              targetId: target(flowId, n),
              afterHash: version.contentHash,
              details: { ownerId: mine.ownerId, fields: mine.fields },
            },
          };
        });
        return review(updated);
      } catch (error) {
        throw gateError(error, flowId, n, 'sign off');
      }
    },
  );

  app.post<{ Params: VersionParams; Body: ApproveBody }>(
    '/api/flows/:id/versions/:n/approve',
    {
      schema: {
        tags: ['versions'],
        summary: 'Approve (an admin who is not the author, after every owner signed off)',
        params: VersionParams,
        body: ApproveBody,
        response: { 200: ReviewResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id: flowId, n } = request.params;
      const { user } = callerOf(request);
      const version = await versionOr404(app, flowId, n);
      // No bypass, not even for admins: the author never approves their own version.
      if (version.author === user.username) {
        throw new Problem(
          403,
          'self_approval_forbidden',
          `you submitted version ${n}; another admin must approve it`,
          {
            author: version.author,
          },
        );
      }
      if (version.state !== 'in_review') {
        throw new ConflictProblem(
          'version_state_conflict',
          `cannot approve version ${n}: it is ${version.state}`,
          {
            state: version.state,
          },
        );
      }
      const seen = request.body?.contentHash;
      if (seen !== undefined && seen !== version.contentHash) {
        throw new ConflictProblem(
          'version_content_changed',
          `you reviewed ${seen}, but version ${n} is ${version.contentHash}`,
          {
            contentHash: version.contentHash,
            reviewedHash: seen,
          },
        );
      }
      assertContentIntact(version);
      const pending = pendingSignOffs(version);
      if (pending.length > 0) {
        const users = await app.store.auth.listUsers();
        throw new ConflictProblem(
          'sign_off_pending',
          `waiting for sign-off from ${pending.map((p) => `${p.ownerId} (${p.fields.join(', ')})`).join('; ')}`,
          {
            pending: pending.map((p) => ({
              ...p,
              users: users.filter((u) => u.ownerId === p.ownerId && !u.disabled).map((u) => u.username),
            })),
          },
        );
      }
      try {
        const now = app.clock.now().toISOString();
        const updated = await auditedChange(app, request, async (tx) => ({
          result: await tx.versions.review(flowId, n, {
            from: ['in_review'],
            to: 'approved',
            patch: {
              approvedBy: user.username,
              approvedAt: now,
              approvedHash: version.contentHash,
              reviewNote: request.body?.note ?? null,
            },
          }),
          audit: {
            action: 'version.approve',
            targetKind: 'version',
            targetId: target(flowId, n),
            afterHash: version.contentHash,
            reason: request.body?.note ?? null,
          },
        }));
        return review(updated);
      } catch (error) {
        throw gateError(error, flowId, n, 'approve');
      }
    },
  );

  app.post<{ Params: VersionParams; Body: RejectBody }>(
    '/api/flows/:id/versions/:n/reject',
    {
      schema: {
        tags: ['versions'],
        params: VersionParams,
        body: RejectBody,
        response: { 200: ReviewResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id: flowId, n } = request.params;
      const version = await versionOr404(app, flowId, n);
      try {
        const updated = await auditedChange(app, request, async (tx) => ({
          result: await tx.versions.review(flowId, n, {
            from: ['in_review', 'approved'],
            to: 'rejected',
            patch: {
              rejectedBy: callerOf(request).user.username,
              rejectedAt: app.clock.now().toISOString(),
              reviewNote: request.body.reason,
            },
          }),
          audit: {
            action: 'version.reject',
            targetKind: 'version',
            targetId: target(flowId, n),
            afterHash: version.contentHash,
            reason: request.body.reason,
          },
        }));
        return review(updated);
      } catch (error) {
        throw gateError(error, flowId, n, 'reject');
      }
    },
  );

  app.post<{ Params: FlowIdParams; Body: RollbackBody }>(
    '/api/flows/:id/rollback',
    {
      schema: {
        tags: ['versions'],
        summary: 'Republish an earlier (superseded) version, with a reason',
        params: FlowIdParams,
        body: RollbackBody,
        response: { 200: RollbackResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const flowId = request.params.id;
      const n = request.body.version;
      const version = await versionOr404(app, flowId, n);
      assertContentIntact(version);
      try {
        const { published, superseded } = await auditedChange(app, request, async (tx) => {
          // Read in the transaction: the entry's "before" is what this rollback replaced.
          const before = await tx.versions.published(flowId);
          // Only a version that was approved and published before can come back without a new review.
          const result = await tx.versions.publish(flowId, n, app.clock.now().toISOString(), {
            from: ['superseded'],
            by: callerOf(request).user.username,
          });
          return {
            result,
            audit: {
              action: 'version.rollback',
              targetKind: 'version',
              targetId: target(flowId, n),
              beforeHash: before?.contentHash ?? null,
              afterHash: result.published.contentHash,
              reason: request.body.reason,
              details: { from: before?.version ?? null, to: n },
            },
          };
        });
        return {
          version: n,
          state: 'published' as const,
          publishedAt: published.publishedAt!,
          supersededVersion: superseded,
        };
      } catch (error) {
        throw gateError(error, flowId, n, 'roll back to');
      }
    },
  );

  app.get(
    '/api/approvals',
    {
      schema: {
        tags: ['versions'],
        summary: 'Versions in review or approved, with who they wait on and whether you can approve',
        response: { 200: ApprovalList, ...problems(401) },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const items = [];
      for (const flow of await app.store.flows.list()) {
        for (const v of await app.store.versions.list(flow.id)) {
          // In review (sign-off, approve) and approved (publish): everything the gate still holds.
          if (v.state !== 'in_review' && v.state !== 'approved') continue;
          const pending = pendingSignOffs(v);
          const reason = cannotApprove(request, v);
          items.push({
            ...v,
            flowName: flow.name,
            pendingSignOffs: pending,
            canApprove: reason === null,
            cannotApproveReason: reason,
            awaitingMySignOff: pending.find((p) => p.ownerId === user.ownerId)?.fields ?? [],
          });
        }
      }
      return { items: items.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
    },
  );

  app.get<{ Params: DiffParams }>(
    '/api/flows/:id/versions/:a/diff/:b',
    {
      schema: {
        tags: ['versions'],
        summary: 'Graph and contract diff from version a to version b, with breaking changes',
        params: DiffParams,
        response: { 200: DiffResponse, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const { id: flowId, a, b } = request.params;
      if (!(await app.store.flows.get(flowId)))
        throw new NotFoundProblem('flow_not_found', `no flow ${flowId}`);
      const [from, to] = [await versionOr404(app, flowId, a), await versionOr404(app, flowId, b)];
      const pick = (v: typeof from) => ({ version: v.version, contentHash: v.contentHash, state: v.state });
      return { flowId, from: pick(from), to: pick(to), ...diffSources(from.source, to.source) };
    },
  );
}
