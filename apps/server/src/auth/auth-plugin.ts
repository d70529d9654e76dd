import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Role, User } from '@baton/store';
import { Problem } from '../problems.js';
import { accessFor, WEBHOOK_ROLES } from './access-table.js';
import { API_TOKEN_PREFIX, readCookie, safeEqual, SESSION_COOKIE, sha256 } from './credentials.js';
import type { Redis } from 'ioredis';
import { rateLimiterFactory, type RateLimiterFactory } from './rate-limiter.js';
import { TokenCache } from './token-cache.js';
import { checkWebhookSignature, SIGNATURE_HEADER } from './webhook-signature.js';

/** Who is calling, and how they proved it. */
export interface Caller {
  user: User;
  via: 'session' | 'token';
  /** sha256 of the session cookie (to log out), for `via: 'session'`. */
  sessionHash?: string;
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyInstance {
    /** Every route registered after this plugin (all of the API), for the access-table test. */
    registeredRoutes: ReadonlyArray<{ method: string; url: string }>;
    /** Rate limiters for this mode: shared through Redis in cluster mode, in memory otherwise. */
    rateLimiters: RateLimiterFactory;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function unauthenticated(detail = 'sign in, or send Authorization: Bearer <API token>'): Problem {
  return new Problem(401, 'unauthenticated', detail);
}

export function forbidden(detail: string, extensions: Record<string, unknown> = {}): Problem {
  return new Problem(403, 'forbidden', detail, extensions);
}

/** The caller of a route whose access row is not `public` (the hook has checked it exists). */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthenticated();
  return request.caller;
}

async function identify(request: FastifyRequest, tokens?: TokenCache): Promise<Caller | null> {
  const app = request.server;
  const now = app.clock.now().toISOString();
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]?.startsWith(API_TOKEN_PREFIX))
      throw unauthenticated('the Authorization header is not a Baton API token');
    const hash = sha256(match[1]);
    const cached = tokens?.get(hash);
    if (cached) return { user: cached, via: 'token' };
    const generation = tokens?.mark() ?? 0;
    const found = await app.store.auth.useToken(hash, now);
    if (!found || found.user.disabled)
      throw unauthenticated('the API token is unknown, revoked or its user disabled');
    tokens?.set(hash, found.user, generation);
    return { user: found.user, via: 'token' };
  }
  const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (cookie === undefined) return null;
  const sessionHash = sha256(cookie);
  const found = await app.store.auth.sessionByHash(sessionHash, now);
  // An expired or unknown cookie is simply no session: the route decides whether that is a 401.
  if (!found || found.user.disabled) return null;
  return { user: found.user, via: 'session', sessionHash, csrfToken: found.session.csrfToken };
}

/**
 * Authentication and the route-level half of authorization, for every request, before its
 * body is read: a session cookie (with `X-CSRF-Token` on state-changing requests) or a bearer
 * API token. Webhooks are the exception: their signature covers the body, so `webhook-auth`
 * checks it after parsing.
 */
export interface AuthPluginOptions {
  /** Webhook requests per flow per minute. */
  hookRateLimit: number;
  /** Cluster mode: limits are counted in this Redis, so every API node shares them. */
  cluster?: { redisUrl: string; queuePrefix: string } | undefined;
}

export const authPlugin = fp<AuthPluginOptions>(
  async (app, options) => {
    // ioredis is imported in cluster mode only: an embedded Baton never loads it.
    const redis: Redis | null = options.cluster
      ? new (await import('ioredis')).Redis(options.cluster.redisUrl, { maxRetriesPerRequest: 1 })
      : null;
    redis?.on('error', (err: Error) => app.log.debug({ err }, 'redis connection error'));
    if (redis) app.addHook('onClose', async () => redis.disconnect());
    const rateLimiters = rateLimiterFactory(
      redis && options.cluster ? { client: redis, prefix: options.cluster.queuePrefix } : null,
    );
    app.decorate('rateLimiters', rateLimiters);
    const hookLimiter = rateLimiters('hook', options.hookRateLimit, 60_000);
    // Webhook callers only; a state-changing API request may revoke or demote, so it clears it.
    const webhookTokens = new TokenCache();
    // onSend: the change has committed and the caller has not been answered yet.
    app.addHook('onSend', async (request, _reply, payload) => {
      if (!SAFE_METHODS.has(request.method) && !request.url.startsWith('/hooks/')) webhookTokens.clear();
      return payload;
    });
    app.decorateRequest('caller', null);
    const routes: Array<{ method: string; url: string }> = [];
    app.decorate('registeredRoutes', routes);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    });
    app.addHook('onRequest', async (request, reply) => {
      const url = request.routeOptions.url;
      if (url === undefined) return; // no route: the not-found handler answers
      const access = accessFor(request.method, url);
      if (access === undefined) {
        throw new Problem(
          403,
          'access_rule_missing',
          `${request.method} ${url} has no row in the access table`,
        );
      }
      if (access === 'public') return;
      if (access === 'webhook') {
        const flowId = (request.params as { flowId?: string }).flowId ?? '';
        const wait = await hookLimiter.hit(flowId);
        if (wait > 0) {
          reply.header('retry-after', String(wait));
          throw new Problem(429, 'rate_limited', `flow ${flowId} is receiving too many requests`, {
            retryAfter: wait,
          });
        }
        // A bearer token is checked here; a signed request is checked once its body is parsed.
        if (request.headers.authorization === undefined && request.headers[SIGNATURE_HEADER] === undefined) {
          throw unauthenticated(
            `sign the request (${SIGNATURE_HEADER}) or send Authorization: Bearer <API token>`,
          );
        }
        if (request.headers.authorization !== undefined) {
          const caller = await identify(request, webhookTokens);
          if (caller && !WEBHOOK_ROLES.includes(caller.user.role)) {
            throw forbidden(`role ${caller.user.role} may not run flows`, { role: caller.user.role });
          }
          request.caller = caller;
        }
        return;
      }
      const caller = await identify(request);
      if (!caller) throw unauthenticated();
      if (caller.via === 'session' && !SAFE_METHODS.has(request.method)) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !caller.csrfToken || !safeEqual(sent, caller.csrfToken)) {
          throw new Problem(
            403,
            'csrf_token_invalid',
            'state-changing requests with a session need X-CSRF-Token',
          );
        }
      }
      request.caller = caller;
      if (access !== 'signed-in' && !access.includes(caller.user.role)) {
        throw forbidden(`role ${caller.user.role} may not ${request.method} ${url}`, {
          role: caller.user.role,
          allowedRoles: access,
        });
      }
    });

    // Signed webhooks: the HMAC covers the raw body, so this waits for the body to be read.
    app.addHook('preValidation', async (request) => {
      const url = request.routeOptions.url;
      if (url === undefined || accessFor(request.method, url) !== 'webhook' || request.caller) return;
      const header = request.headers[SIGNATURE_HEADER];
      const flowId = (request.params as { flowId?: string }).flowId ?? '';
      const secret = await app.store.auth.webhookSecret(flowId);
      if (typeof header !== 'string' || secret === null) {
        throw new Problem(
          401,
          'invalid_signature',
          'the flow has no webhook secret or the signature is missing',
        );
      }
      const check = checkWebhookSignature(
        header,
        secret,
        request.rawBody ?? '',
        Math.floor(app.clock.now().getTime() / 1000),
      );
      if (!check.ok) throw new Problem(401, 'invalid_signature', check.reason);
    });
  },
  { name: 'baton-auth', fastify: '5.x', dependencies: ['baton-store'] },
);

export function hasRole(request: FastifyRequest, ...roles: Role[]): boolean {
  return request.caller !== null && roles.includes(request.caller.user.role);
}
