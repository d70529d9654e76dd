import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

/** Component names for schemas with an `$id`: `…/schema/flow-source.json` → `FlowSource`. */
function componentName(json: Record<string, unknown>, index: number): string {
  const id = typeof json.$id === 'string' ? json.$id : '';
  const last =
    id
      .split('/')
      .pop()
      ?.replace(/\.json$/, '') ?? '';
  const name = last.replace(/(^|[-_])([a-z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase());
  return /^[A-Za-z0-9._-]+$/.test(name) ? name : `Schema${index}`;
}

/**
 * OpenAPI 3 from the routes' own schemas, at `/api/openapi.json`, and a docs page at
 * `/api/docs`. Registered before the routes, since it collects them as they are added.
 */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Baton API',
          version: '0.1.0',
          description:
            'Flows, drafts, versions, runs and webhooks of Baton. Errors are application/problem+json.',
        },
        tags: [
          { name: 'flows' },
          { name: 'drafts' },
          { name: 'versions' },
          { name: 'runs' },
          { name: 'hooks' },
          { name: 'health' },
          { name: 'auth' },
          { name: 'users' },
          { name: 'audit' },
        ],
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => componentName(json, i) },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'baton-openapi', fastify: '5.x' },
);
