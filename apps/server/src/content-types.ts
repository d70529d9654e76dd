import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received (JSON bodies): webhook signatures are computed over it. */
    rawBody: string | undefined;
  }
}

/**
 * Bodies are JSON or nothing. Fastify parses `text/plain` by default; dropping that parser makes
 * any non-JSON body a 415 instead of a string handed to a route that expects a record. Media
 * types with a `+json` suffix (e.g. `application/vnd.crm.order+json`) are JSON too.
 */
export function registerJsonOnly(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // `fetch(url, {method: 'POST', headers: {'content-type': 'application/json'}})` with no body is
  // common for action routes (publish); an empty body is "no body", and routes that need one
  // say so through their schema. Anything else must parse.
  const parser: typeof parseJson = (request, body, done) => {
    request.rawBody = String(body);
    return body === '' || (Buffer.isBuffer(body) && body.length === 0)
      ? done(null, undefined)
      : parseJson(request, body, done);
  };
  app.decorateRequest('rawBody', undefined);
  app.removeContentTypeParser(['text/plain', 'application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parser);
  app.addContentTypeParser(/^application\/[a-z0-9.!#$&^_-]+\+json$/i, { parseAs: 'string' }, parser);
}
