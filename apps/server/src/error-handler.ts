import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StoreError } from '@baton/store';
import { Problem, problemDocument, type ProblemCode, type ProblemDocument } from './problems.js';

/** Fastify's own request errors, by code: bad input from the client, never a 5xx. */
const FASTIFY_CODES: Record<string, { status: number; code: ProblemCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
};

const STORE_CODES: Record<StoreError['code'], { status: number; code: ProblemCode }> = {
  not_found: { status: 404, code: 'not_found' },
  conflict: { status: 409, code: 'conflict' },
  invalid_cursor: { status: 400, code: 'invalid_cursor' },
  invalid_state: { status: 409, code: 'conflict' },
};

function toProblem(error: FastifyError, request: FastifyRequest): ProblemDocument {
  if (error instanceof Problem)
    return problemDocument(error.status, error.code, error.message, error.extensions);
  if (error.validation) {
    return problemDocument(400, 'validation_failed', error.message, {
      errors: error.validation.map((v) => ({
        in: error.validationContext ?? 'request',
        path: v.instancePath,
        message: v.message ?? 'is invalid',
      })),
    });
  }
  const known = FASTIFY_CODES[error.code];
  if (known) return problemDocument(known.status, known.code, error.message);
  if (error instanceof StoreError) {
    const mapped = STORE_CODES[error.code] ?? { status: 409, code: 'conflict' };
    return problemDocument(mapped.status, mapped.code, error.message);
  }
  // Any other client error Fastify raises (bad Content-Length, say) keeps its 4xx.
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return problemDocument(error.statusCode, 'bad_request', error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  // No internals in the answer: the log has them, keyed by the request id.
  return problemDocument(
    500,
    'internal_error',
    `unexpected error; see the server log for request ${request.id}`,
  );
}

export function sendProblem(reply: FastifyReply, problem: ProblemDocument): FastifyReply {
  // A problem that says when to retry says it in the header too (429, 503), for HTTP clients.
  const retryAfter = (problem as { retryAfter?: unknown }).retryAfter;
  if (typeof retryAfter === 'number' && !reply.hasHeader('retry-after'))
    void reply.header('retry-after', String(retryAfter));
  // Serialised here rather than by a route's response schema, which would strip extensions.
  return reply.code(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** One error handler for the whole app (unknown routes: see the web plugin's not-found handler). */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendProblem(reply, toProblem(error, request)));
}
