import fp from 'fastify-plugin';
import { Notifier } from './notifier.js';
import type { FetchLike } from './webhook-sender.js';

declare module 'fastify' {
  interface FastifyInstance {
    notifier: Notifier;
  }
}

export interface NotificationsPluginOptions {
  /** How often finished runs are checked and deliveries sent; 0 disables the timer (tests tick). */
  intervalMs?: number;
  retryBaseMs?: number;
  fetch?: FetchLike;
}

/** Inbox items and signed outbound webhooks for rejected, flagged and failed runs (see `Notifier`). */
export const notificationsPlugin = fp<NotificationsPluginOptions>(
  async (app, options) => {
    const notifier = new Notifier({
      store: app.store,
      clock: app.clock,
      log: app.log,
      secrets: app.secretBox,
      ...(options.fetch && { fetch: options.fetch }),
      ...(options.retryBaseMs !== undefined && { retryBaseMs: options.retryBaseMs }),
    });
    app.decorate('notifier', notifier);
    const interval = options.intervalMs ?? 1000;
    if (interval > 0) app.addHook('onReady', async () => notifier.start(interval));
    app.addHook('onClose', async () => notifier.stop());
  },
  {
    name: 'baton-notifications',
    fastify: '5.x',
    dependencies: ['baton-store', 'baton-runner', 'baton-connections'],
  },
);
