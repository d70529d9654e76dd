import type { FastifyInstance } from 'fastify';
import type { Role } from '@baton/store';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../../src/auth/credentials.js';
import { UNUSABLE_PASSWORD_HASH } from '../../src/auth/passwords.js';

export type Headers = Record<string, string>;

export interface TestUserOptions {
  /** Username; `test-<role>` by default. */
  username?: string;
  /** For owners: the owners-directory id they speak for; `crm-admin` (the example's CRM fields) by default. */
  ownerId?: string | null;
}

const cache = new WeakMap<FastifyInstance, Map<string, Headers>>();

/**
 * Headers that authenticate as a user of `role`: `Authorization: Bearer <API token>`. The user
 * (`test-<role>`, or `options.username`) is created directly in the store on first use, with a
 * password that never verifies, and a token; both are cached per app. Bearer requests need no
 * CSRF token. For the session (cookie + CSRF) path, use `loginHeaders`.
 */
export async function authHeaders(
  app: FastifyInstance,
  role: Role,
  options: TestUserOptions = {},
): Promise<Headers> {
  const username = options.username ?? `test-${role}`;
  const perApp = cache.get(app) ?? new Map<string, Headers>();
  cache.set(app, perApp);
  const cached = perApp.get(username);
  if (cached) return cached;
  const now = new Date().toISOString();
  // A restarted app on the same data folder finds its test users there already.
  const user =
    (await app.store.auth.userForLogin(username))?.user ??
    (await app.store.auth.createUser({
      id: `u_${username}`,
      username,
      displayName: username,
      role,
      ownerId: options.ownerId !== undefined ? options.ownerId : role === 'owner' ? 'crm-admin' : null,
      passwordHash: UNUSABLE_PASSWORD_HASH,
      now,
    }));
  const token = newSecret(API_TOKEN_PREFIX);
  await app.store.auth.createToken({
    id: `tok_${newSecret().slice(0, 12)}`,
    userId: user.id,
    name: 'test',
    prefix: token.slice(0, 9),
    tokenHash: sha256(token),
    now,
  });
  const headers = { authorization: `Bearer ${token}` };
  perApp.set(username, headers);
  return headers;
}

/**
 * Signs in through `POST /api/auth/login` and answers the session's headers: `cookie` and
 * `x-csrf-token` (needed on state-changing requests).
 */
export async function loginHeaders(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<Headers> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${username}: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}
