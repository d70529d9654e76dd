import type { FastifyInstance } from 'fastify';
import {
  ConnectionInput,
  ConnectionList,
  ConnectionParams,
  ConnectionTestResult,
  ConnectionView,
  NewConnection,
  NoContent,
  problems,
} from '@baton/schema/api';

/**
 * Named downstream connections (`sqlite-embedded`, `postgres`, `http`) that write nodes name in
 * `connection`. Credentials go in `secret`, are stored encrypted and are never answered.
 */
export async function connectionRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/connections',
    { schema: { tags: ['connections'], response: { 200: ConnectionList } } },
    async () => ({ items: await app.connections.list() }),
  );

  app.post<{ Body: NewConnection }>(
    '/api/connections',
    {
      schema: {
        tags: ['connections'],
        body: NewConnection,
        response: { 201: ConnectionView, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      const { name, ...input } = request.body;
      const { view } = await app.connections.put(name, input, true);
      return reply.code(201).send(view);
    },
  );

  app.get<{ Params: ConnectionParams }>(
    '/api/connections/:name',
    {
      schema: {
        tags: ['connections'],
        params: ConnectionParams,
        response: { 200: ConnectionView, ...problems(404) },
      },
    },
    async (request) => app.connections.get(request.params.name),
  );

  app.put<{ Params: ConnectionParams; Body: ConnectionInput }>(
    '/api/connections/:name',
    {
      schema: {
        tags: ['connections'],
        summary: 'Create or replace a connection; an omitted `secret` keeps the stored one',
        params: ConnectionParams,
        body: ConnectionInput,
        response: { 200: ConnectionView, 201: ConnectionView, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      const { view, created } = await app.connections.put(request.params.name, request.body, false);
      return reply.code(created ? 201 : 200).send(view);
    },
  );

  app.delete<{ Params: ConnectionParams }>(
    '/api/connections/:name',
    {
      schema: {
        tags: ['connections'],
        params: ConnectionParams,
        response: { 204: NoContent, ...problems(404) },
      },
    },
    async (request, reply) => {
      await app.connections.delete(request.params.name);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: ConnectionParams }>(
    '/api/connections/:name/test',
    {
      schema: {
        tags: ['connections'],
        summary: 'Try the connection without writing',
        params: ConnectionParams,
        response: { 200: ConnectionTestResult, ...problems(404) },
      },
    },
    async (request) => app.connections.test(request.params.name),
  );
}
