import type { FastifyInstance } from 'fastify';
import { ISSUE_CATEGORIES, type IssueCategory, type Owner, type OwnerPatch } from '@baton/store';
import {
  LookupBody,
  LookupList,
  LookupParams,
  NewOwnerBody,
  OwnerIdParams,
  OwnerList,
  OwnerPatchBody,
  OwnerView,
  problems,
  NoContent,
} from '@baton/schema/api';
import { ConflictProblem, NotFoundProblem, UnprocessableProblem } from '../problems.js';
import { describeReferences, ownerReferences } from '../owners/owner-references.js';
import { sealOwnerSecret } from '../owners/owner-secrets.js';
import { strictValidators } from '../strict-validators.js';

const CATEGORY_LABELS: Record<IssueCategory, string> = {
  dataQuality: 'Data quality',
  connectivity: 'Connectivity',
  downstreamProcessing: 'Downstream processing',
  businessRule: 'Business rule',
};

export function ownerView(owner: Owner): OwnerView {
  const { webhookSecret, ...rest } = owner;
  return { ...rest, hasWebhookSecret: webhookSecret !== null && webhookSecret !== '' };
}

/** Every category, with its owner or null. */
async function lookupList(app: FastifyInstance) {
  const [entries, owners] = await Promise.all([app.store.owners.lookup(), app.store.owners.list()]);
  return {
    items: ISSUE_CATEGORIES.map((category) => {
      const ownerId = entries.find((e) => e.category === category)?.ownerId ?? null;
      return {
        category,
        label: CATEGORY_LABELS[category],
        ownerId,
        ownerName: owners.find((o) => o.id === ownerId)?.name ?? null,
      };
    }),
  };
}

/** The owners directory and the owner lookup (issue category → owner). */
export async function ownerRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['owners'];

  app.get('/api/owners', { schema: { tags, response: { 200: OwnerList } } }, async () => ({
    items: (await app.store.owners.list()).map(ownerView),
  }));

  app.post<{ Body: NewOwnerBody }>(
    '/api/owners',
    {
      schema: { tags, body: NewOwnerBody, response: { 201: OwnerView, ...problems(400, 409) } },
      // Strict: the shared Ajv would coerce a `null` e-mail or webhook into "".
      validatorCompiler: strictValidators({ body: NewOwnerBody }),
    },
    async (request, reply) => {
      const body = request.body;
      const created = await app.store.owners.create(
        {
          id: body.id,
          name: body.name,
          kind: body.kind ?? 'person',
          email: body.email ?? null,
          webhookUrl: body.webhookUrl ?? null,
          webhookSecret: sealOwnerSecret(app.secretBox, body.id, body.webhookSecret ?? null),
        },
        app.clock.now().toISOString(),
      );
      if (!created) throw new ConflictProblem('owner_exists', `an owner ${body.id} exists`);
      const owner = await app.store.owners.get(body.id);
      return reply.code(201).send(ownerView(owner!));
    },
  );

  app.get<{ Params: OwnerIdParams }>(
    '/api/owners/:ownerId',
    { schema: { tags, params: OwnerIdParams, response: { 200: OwnerView, ...problems(404) } } },
    async (request) => {
      const owner = await app.store.owners.get(request.params.ownerId);
      if (!owner) throw new NotFoundProblem('owner_not_found', `no owner ${request.params.ownerId}`);
      return ownerView(owner);
    },
  );

  app.patch<{ Params: OwnerIdParams; Body: OwnerPatchBody }>(
    '/api/owners/:ownerId',
    {
      schema: {
        tags,
        params: OwnerIdParams,
        body: OwnerPatchBody,
        response: { 200: OwnerView, ...problems(400, 404) },
      },
      validatorCompiler: strictValidators({ params: OwnerIdParams, body: OwnerPatchBody }),
    },
    async (request) => {
      const patch: OwnerPatch = {};
      for (const [key, value] of Object.entries(request.body)) {
        if (value !== undefined) (patch as Record<string, unknown>)[key] = value;
      }
      if (patch.webhookSecret !== undefined)
        patch.webhookSecret = sealOwnerSecret(app.secretBox, request.params.ownerId, patch.webhookSecret);
      const owner = await app.store.owners.update(
        request.params.ownerId,
        patch,
        app.clock.now().toISOString(),
      );
      if (!owner) throw new NotFoundProblem('owner_not_found', `no owner ${request.params.ownerId}`);
      return ownerView(owner);
    },
  );

  app.delete<{ Params: OwnerIdParams }>(
    '/api/owners/:ownerId',
    {
      schema: { tags, params: OwnerIdParams, response: { 204: NoContent, ...problems(404, 409) } },
    },
    async (request, reply) => {
      const { ownerId } = request.params;
      if (!(await app.store.owners.get(ownerId)))
        throw new NotFoundProblem('owner_not_found', `no owner ${ownerId}`);
      // Contracts and RACI rows keep plain ids: deleting a referenced owner would silently route
      // their failures nowhere, so the places are listed for the admin to reassign first.
      const references = await ownerReferences(app.store, ownerId);
      if (references.length > 0)
        throw new ConflictProblem(
          'owner_in_use',
          `${ownerId} is still referenced: ${describeReferences(references)}`,
          { references },
        );
      if (!(await app.store.owners.delete(ownerId)))
        throw new NotFoundProblem('owner_not_found', `no owner ${request.params.ownerId}`);
      return reply.code(204).send();
    },
  );

  app.get('/api/owner-lookup', { schema: { tags, response: { 200: LookupList } } }, async () =>
    lookupList(app),
  );

  app.put<{ Params: LookupParams; Body: LookupBody }>(
    '/api/owner-lookup/:category',
    {
      schema: {
        tags,
        params: LookupParams,
        body: LookupBody,
        response: { 200: LookupList, ...problems(400, 422) },
      },
    },
    async (request) => {
      const { ownerId } = request.body;
      if (ownerId !== null && !(await app.store.owners.get(ownerId)))
        throw new UnprocessableProblem('owner_not_found', `no owner ${ownerId}`);
      await app.store.owners.setLookup(request.params.category, ownerId);
      return lookupList(app);
    },
  );
}
