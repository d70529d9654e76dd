import type { FastifyInstance, FastifyRequest } from 'fastify';
import { compile } from '@baton/compiler';
import type { ContractField, FlowSource } from '@baton/schema';
import {
  FieldParams,
  FieldPatchResponse,
  FieldRulesPatch,
  OwnedFieldList,
  OwnerIdParams,
  problems,
} from '@baton/schema/api';
import { NotFoundProblem, Problem } from '../problems.js';
import { strictValidators } from '../strict-validators.js';

function edgeLabel(source: FlowSource, edgeId: string): string {
  const edge = source.edges.find((e) => e.id === edgeId);
  if (!edge) return edgeId;
  const label = (id: string) => source.nodes.find((n) => n.id === id)?.label ?? id;
  return `${label(edge.source.node)} → ${label(edge.target.node)}`;
}

/**
 * A signed-in field owner acts for their own owner id only; admins and analysts may act for
 * any owner (they maintain the directory). Without a caller (no auth configured) nothing to check.
 */
function assertActsFor(request: FastifyRequest, ownerId: string): void {
  const user = request.caller?.user;
  if (user?.role === 'owner' && user.ownerId !== ownerId) {
    throw new Problem(
      403,
      'not_field_owner',
      `you act for owner ${user.ownerId ?? '(none)'}, not ${ownerId}`,
    );
  }
}

/** Applies a rules patch: a value sets the rule, null removes it, absent leaves it. */
function patchField(field: ContractField, patch: FieldRulesPatch): ContractField {
  const next: Record<string, unknown> = { ...field };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as ContractField;
}

/**
 * My fields: every contract field an owner owns across all flows' drafts, with recent failures,
 * and an edit that touches only the rules of one such field (the owner's part of the draft).
 */
export async function myFieldsRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['owners'];

  app.get<{ Params: OwnerIdParams }>(
    '/api/owners/:ownerId/fields',
    { schema: { tags, params: OwnerIdParams, response: { 200: OwnedFieldList, ...problems(404) } } },
    async (request) => {
      const { ownerId } = request.params;
      if (!(await app.store.owners.get(ownerId)))
        throw new NotFoundProblem('owner_not_found', `no owner ${ownerId}`);
      const failures = await app.store.notifications.recentFailures(ownerId, 500);
      const items = [];
      for (const flow of await app.store.flows.list()) {
        const draft = await app.store.flows.getDraft(flow.id);
        if (!draft) continue;
        for (const edge of draft.source.edges) {
          for (const field of edge.contract?.fields ?? []) {
            if (field.owner !== ownerId) continue;
            items.push({
              flowId: flow.id,
              flowName: flow.name,
              edgeId: edge.id,
              edgeLabel: edgeLabel(draft.source, edge.id),
              field,
              failures: failures.filter((f) => f.flowId === flow.id && f.field === field.name).slice(0, 5),
            });
          }
        }
      }
      return { items };
    },
  );

  app.patch<{ Params: FieldParams; Body: FieldRulesPatch }>(
    '/api/owners/:ownerId/fields/:flowId/:edgeId/:field',
    {
      schema: {
        tags,
        params: FieldParams,
        body: FieldRulesPatch,
        response: { 200: FieldPatchResponse, ...problems(400, 403, 404) },
      },
      // Strict: the shared Ajv coerces `null` (remove the rule) into 0 or "".
      validatorCompiler: strictValidators({ params: FieldParams, body: FieldRulesPatch }),
    },
    async (request) => {
      const { ownerId, flowId, edgeId, field: name } = request.params;
      assertActsFor(request, ownerId);
      const draft = await app.store.flows.getDraft(flowId);
      if (!draft) throw new NotFoundProblem('flow_not_found', `no flow ${flowId}`);
      const source = structuredClone(draft.source);
      const edge = source.edges.find((e) => e.id === edgeId);
      if (!edge) throw new NotFoundProblem('edge_not_found', `flow ${flowId} has no edge ${edgeId}`);
      const index = edge.contract?.fields.findIndex((f) => f.name === name) ?? -1;
      const current = index >= 0 ? edge.contract!.fields[index]! : undefined;
      if (!current)
        throw new NotFoundProblem('field_not_found', `edge ${edgeId} has no contract field ${name}`);
      if (current.owner !== ownerId)
        throw new Problem(
          403,
          'not_field_owner',
          `field ${name} is owned by ${current.owner ?? 'nobody'}, not ${ownerId}`,
        );
      const next = patchField(current, request.body);
      edge.contract!.fields[index] = next;
      await app.store.flows.saveDraft(flowId, source, app.clock.now().toISOString());
      const diagnostics = compile(source).diagnostics.filter((d) => d.edgeId === edgeId);
      return { field: next, diagnostics };
    },
  );
}
