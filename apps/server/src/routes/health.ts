import type { FastifyInstance } from 'fastify';
import { Liveness, Readiness } from '@baton/schema/api';

/** Liveness (the process answers) and readiness (the database answers too, and Redis in cluster mode). */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: Liveness } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/readyz',
    { schema: { tags: ['health'], response: { 200: Readiness, 503: Readiness } } },
    async (request, reply) => {
      const check = async (name: string, ping: () => Promise<void>) =>
        ping().then(
          () => 'ok' as const,
          (error: unknown) => {
            request.log.warn({ err: error }, `readiness: ${name} not answering`);
            return 'failing' as const;
          },
        );
      const [database, redis] = await Promise.all([
        check('database', () => app.store.ping()),
        app.redisPing ? check('redis', app.redisPing) : undefined,
      ]);
      const checks = { database, ...(redis && { redis }) };
      if (database === 'ok' && redis !== 'failing') return { status: 'ready' as const, checks };
      return reply.code(503).send({ status: 'not_ready' as const, checks });
    },
  );
}
