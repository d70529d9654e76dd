import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DeliveryList,
  DeliveryQuery,
  InboxItemParams,
  InboxItemView,
  InboxList,
  InboxQuery,
  problems,
} from '@baton/schema/api';
import { NotFoundProblem, Problem } from '../problems.js';

/** The owner id an owner-role caller acts for; undefined for other roles (and without auth). */
function ownOwnerId(request: FastifyRequest): string | undefined {
  const user = request.caller?.user;
  return user?.role === 'owner' ? (user.ownerId ?? '') : undefined;
}

/** The owners' inbox: rejection notices and follow-ups for flagged records, closed by the owner. */
export async function inboxRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['inbox'];

  app.get<{ Querystring: InboxQuery }>(
    '/api/inbox',
    { schema: { tags, querystring: InboxQuery, response: { 200: InboxList, ...problems(400) } } },
    async (request) => {
      const { status, kind, limit } = request.query;
      // A field owner reads their own inbox; other roles may look at anyone's.
      const ownerId = ownOwnerId(request) ?? request.query.ownerId;
      return {
        items: await app.store.notifications.listItems({
          limit,
          ...(ownerId !== undefined && { ownerId }),
          ...(status !== undefined && { status }),
          ...(kind !== undefined && { kind }),
        }),
      };
    },
  );

  for (const [action, status] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const) {
    app.post<{ Params: InboxItemParams }>(
      `/api/inbox/:itemId/${action}`,
      { schema: { tags, params: InboxItemParams, response: { 200: InboxItemView, ...problems(403, 404) } } },
      async (request) => {
        const existing = await app.store.notifications.getItem(request.params.itemId);
        if (!existing)
          throw new NotFoundProblem('inbox_item_not_found', `no inbox item ${request.params.itemId}`);
        const own = ownOwnerId(request);
        if (own !== undefined && existing.ownerId !== own)
          throw new Problem(403, 'forbidden', `item ${existing.id} belongs to ${existing.ownerId}`);
        const item = await app.store.notifications.setItemStatus(
          request.params.itemId,
          status,
          app.clock.now().toISOString(),
        );
        if (!item)
          throw new NotFoundProblem('inbox_item_not_found', `no inbox item ${request.params.itemId}`);
        return item;
      },
    );
  }

  app.get<{ Querystring: DeliveryQuery }>(
    '/api/notifications/deliveries',
    { schema: { tags, querystring: DeliveryQuery, response: { 200: DeliveryList, ...problems(400) } } },
    async (request) => ({
      items: await app.store.notifications.listDeliveries(request.query.ownerId ?? null, request.query.limit),
    }),
  );
}
