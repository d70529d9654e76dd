import type { FastifyInstance } from 'fastify';
import { LoginBody, LoginResponse, MeResponse, problems, NoContent } from '@baton/schema/api';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from '../auth/passwords.js';
import { callerOf } from '../auth/auth-plugin.js';
import { newSecret, sessionCookie, SESSION_TTL_MS, sha256 } from '../auth/credentials.js';
import { auditedChange } from '../governance/record-audit.js';
import { Problem } from '../problems.js';

/** Failed and successful attempts both count, so guessing slowly across users from one address is capped too. */
const PER_USER = { limit: 10, windowMs: 15 * 60 * 1000 };
const PER_ADDRESS = { limit: 50, windowMs: 15 * 60 * 1000 };

/** Login (session cookie + CSRF token), logout and "who am I". */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const perUser = app.rateLimiters('login-user', PER_USER.limit, PER_USER.windowMs);
  const perAddress = app.rateLimiters('login-address', PER_ADDRESS.limit, PER_ADDRESS.windowMs);

  app.post<{ Body: LoginBody }>(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an httpOnly session cookie and answers the CSRF token',
        body: LoginBody,
        response: { 200: LoginResponse, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const userKey = `${request.ip}|${username.toLowerCase()}`;
      const wait = Math.max(await perUser.hit(userKey), await perAddress.hit(request.ip));
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new Problem(429, 'rate_limited', `too many sign-in attempts; try again in ${wait} s`, {
          retryAfter: wait,
        });
      }
      const found = await app.store.auth.userForLogin(username);
      // Verify against a dummy hash for unknown users: the answer takes as long either way.
      const ok = await verifyPassword(password, found?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
      if (!found || !ok || found.user.disabled) {
        request.log.info({ username }, 'sign-in refused');
        throw new Problem(401, 'invalid_credentials', 'wrong username or password');
      }
      await perUser.reset(userKey);
      const cookie = newSecret();
      const csrfToken = newSecret();
      const now = app.clock.now();
      await auditedChange(app, found.user.username, async (tx) => {
        await tx.auth.createSession({
          tokenHash: sha256(cookie),
          userId: found.user.id,
          csrfToken,
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
        });
        return {
          result: undefined,
          audit: { action: 'auth.login', targetKind: 'user', targetId: found.user.username },
        };
      });
      reply.header(
        'set-cookie',
        sessionCookie(cookie, { secure: request.protocol === 'https', maxAgeSeconds: SESSION_TTL_MS / 1000 }),
      );
      return { csrfToken, user: found.user };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 204: NoContent, ...problems(401, 403) } } },
    async (request, reply) => {
      const caller = callerOf(request);
      await auditedChange(app, request, async (tx) => {
        if (caller.sessionHash) await tx.auth.deleteSession(caller.sessionHash);
        return {
          result: undefined,
          audit: { action: 'auth.logout', targetKind: 'user', targetId: caller.user.username },
        };
      });
      reply.header(
        'set-cookie',
        sessionCookie('', { secure: request.protocol === 'https', maxAgeSeconds: 0 }),
      );
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], response: { 200: MeResponse, ...problems(401) } } },
    async (request) => {
      const caller = callerOf(request);
      return { user: caller.user, via: caller.via, csrfToken: caller.csrfToken ?? null };
    },
  );
}
