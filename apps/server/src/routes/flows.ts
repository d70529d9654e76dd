import type { FastifyInstance } from 'fastify';
import { emptySource } from '@baton/schema';
import { StoreConflictError } from '@baton/store';
import { CreateFlowBody, FlowDetail, FlowIdParams, FlowList, FlowSummary, problems } from '@baton/schema/api';
import { flowIdFromName } from '../flow-id.js';
import { auditedChange } from '../governance/record-audit.js';
import { BadRequestProblem, ConflictProblem, NotFoundProblem } from '../problems.js';
import { findTemplate, instantiateTemplate } from './templates.js';

export interface FlowRoutesOptions {
  /** Where `examples/templates/` lives, for `POST /api/flows` with a `templateId`. */
  examplesDir?: string;
}

export async function flowRoutes(app: FastifyInstance, options: FlowRoutesOptions = {}): Promise<void> {
  app.get('/api/flows', { schema: { tags: ['flows'], response: { 200: FlowList } } }, async () => ({
    items: await app.store.flows.list(),
  }));

  app.post<{ Body: CreateFlowBody }>(
    '/api/flows',
    {
      schema: {
        tags: ['flows'],
        body: CreateFlowBody,
        response: { 201: FlowSummary, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      const { name, templateId } = request.body;
      const template =
        templateId === undefined || options.examplesDir === undefined
          ? null
          : await findTemplate(options.examplesDir, templateId);
      if (templateId !== undefined && !template)
        throw new BadRequestProblem('template_not_found', `no template ${templateId}`, { templateId });
      const description = request.body.description ?? template?.source.meta.description ?? '';
      // From a template the name is often the template's own, so a taken slug gets a suffix
      // instead of a 409; an explicit id (or a plain create) still conflicts as before.
      const id =
        request.body.id ?? (template ? await freeFlowId(app, flowIdFromName(name)) : flowIdFromName(name));
      try {
        const draft = template ? instantiateTemplate(template.source) : emptySource();
        const flow = await auditedChange(app, request, async (tx) => {
          const created = await tx.flows.create({
            id,
            name: name.trim(),
            description,
            draft,
            now: app.clock.now().toISOString(),
          });
          return {
            result: created,
            audit: {
              action: 'flow.create',
              targetKind: 'flow',
              targetId: id,
              details: templateId ? { name: created.name, templateId } : { name: created.name },
            },
          };
        });
        return reply.code(201).header('location', `/api/flows/${id}`).send(flow);
      } catch (error) {
        if (error instanceof StoreConflictError)
          throw new ConflictProblem('flow_exists', `a flow with id ${id} exists`, { id });
        throw error;
      }
    },
  );

  app.get<{ Params: FlowIdParams }>(
    '/api/flows/:id',
    { schema: { tags: ['flows'], params: FlowIdParams, response: { 200: FlowDetail, ...problems(404) } } },
    async (request) => {
      const flow = await app.store.flows.get(request.params.id);
      if (!flow) throw new NotFoundProblem('flow_not_found', `no flow ${request.params.id}`);
      const versions = await app.store.versions.list(flow.id);
      return { ...flow, versions };
    },
  );
}

/** `base`, else `base-2`, `base-3`… the first id no flow has yet (kept within the id pattern). */
async function freeFlowId(app: FastifyInstance, base: string): Promise<string> {
  if (!(await app.store.flows.get(base))) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base.slice(0, 62 - String(n).length)}-${n}`;
    if (!(await app.store.flows.get(candidate))) return candidate;
  }
}
