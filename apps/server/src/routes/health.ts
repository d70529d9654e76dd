import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';

const Health = Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false });
const Ready = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    checks: Type.Object(
      { database: Type.Union([Type.Literal('ok'), Type.Literal('failing')]) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** Liveness (the process answers) and readiness (the database answers too). */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/readyz',
    { schema: { tags: ['health'], response: { 200: Ready, 503: Ready } } },
    async (request, reply) => {
      try {
        await app.store.ping();
        return { status: 'ready' as const, checks: { database: 'ok' as const } };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness: database not answering');
        return reply
          .code(503)
          .send({ status: 'not_ready' as const, checks: { database: 'failing' as const } });
      }
    },
  );
}
