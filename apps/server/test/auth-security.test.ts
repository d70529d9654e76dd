import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../src/auth/webhook-signature.js';
import { SEED_CREDENTIALS_FILE } from '../src/governance/seed-users.js';
import { loginHeaders } from './support/auth.js';
import { startTestApp, tempDir, type TestApp } from './test-app.js';

const PASSWORD = 'correct horse battery staple';

/** Every log line the app writes, to grep for secrets. */
function captureLogs(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('sign-in, sessions, CSRF, API tokens, and secrets kept out of answers and logs', () => {
  let t: TestApp;
  const logs = captureLogs();
  const secrets: string[] = [];
  const answers: string[] = [];

  const inject = async (options: InjectOptions) => {
    const res = await t.app.inject(options);
    answers.push(JSON.stringify(res.headers) + res.body);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp(
      { seed: true, seedPassword: PASSWORD, logLevel: 'trace' },
      { logStream: logs.stream },
      { as: null },
    );
    secrets.push(PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 to the API without a session or token, except login, health and the OpenAPI document', async () => {
    expect((await inject({ url: '/api/flows' })).statusCode).toBe(401);
    expect((await inject({ url: '/api/flows' })).json().code).toBe('unauthenticated');
    expect((await inject({ url: '/api/me' })).statusCode).toBe(401);
    expect((await inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    expect(
      (await inject({ url: '/api/flows', headers: { authorization: 'Bearer bt_not-a-real-token' } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await inject({ url: '/api/flows', headers: { cookie: 'baton_session=forged' } })).statusCode,
    ).toBe(401);
  });

  it('signs in with the seeded password: an httpOnly SameSite cookie and a CSRF token', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'owner', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      csrfToken: expect.any(String),
      user: { username: 'owner', role: 'owner', ownerId: 'crm-admin' },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^baton_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+/);
    secrets.push(cookie.split(';')[0]!.split('=')[1]!);
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'owner', password: 'wrong' },
        })
      ).json().code,
    ).toBe('invalid_credentials');
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'wrong' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('needs X-CSRF-Token for state-changing requests made with the session cookie', async () => {
    const session = await loginHeaders(t.app, 'analyst', PASSWORD);
    secrets.push(session.cookie!.split('=')[1]!, session['x-csrf-token']!);
    const { cookie } = session;
    expect((await inject({ url: '/api/me', headers: { cookie: cookie! } })).json()).toMatchObject({
      via: 'session',
      user: { username: 'analyst' },
    });
    const without = await inject({
      method: 'POST',
      url: '/api/flows',
      headers: { cookie: cookie! },
      payload: { name: 'No CSRF' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_token_invalid');
    const wrong = await inject({
      method: 'POST',
      url: '/api/flows',
      headers: { cookie: cookie!, 'x-csrf-token': 'nope' },
      payload: { name: 'Wrong CSRF' },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await inject({
      method: 'POST',
      url: '/api/flows',
      headers: session,
      payload: { name: 'With CSRF' },
    });
    expect(right.statusCode).toBe(201);
    const out = await inject({ method: 'POST', url: '/api/auth/logout', headers: session });
    expect(out.statusCode).toBe(204);
    expect((await inject({ url: '/api/me', headers: { cookie: cookie! } })).statusCode).toBe(401);
  });

  it('creates an API token shown once and stored hashed; a revoked token stops working', async () => {
    const session = await loginHeaders(t.app, 'admin', PASSWORD);
    secrets.push(session.cookie!.split('=')[1]!, session['x-csrf-token']!);
    const created = await inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session,
      payload: { name: 'script' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json<{ token: string; id: string; prefix: string }>();
    secrets.push(token);
    expect(token.startsWith(prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${token}` };
    // No CSRF token needed with a bearer token.
    expect(
      (await inject({ method: 'POST', url: '/api/flows', headers: bearer, payload: { name: 'By token' } }))
        .statusCode,
    ).toBe(201);
    const listed = (await inject({ url: '/api/tokens', headers: bearer })).json().items as Array<
      Record<string, unknown>
    >;
    expect(listed.find((x) => x.id === id)).toMatchObject({ name: 'script', lastUsedAt: expect.any(String) });
    expect(JSON.stringify(listed)).not.toContain(token);
    const db = new Database(join(t.config.dataDir, 'baton.sqlite'), { readonly: true });
    try {
      expect(JSON.stringify(db.prepare('SELECT * FROM api_tokens').all())).not.toContain(token);
      const hashes = db.prepare('SELECT password_hash FROM users').all() as Array<{ password_hash: string }>;
      for (const { password_hash } of hashes) {
        expect(password_hash).toMatch(/^scrypt\$8192\$8\$10\$/);
        secrets.push(password_hash);
      }
    } finally {
      db.close();
    }
    expect((await inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bearer })).statusCode).toBe(
      204,
    );
    expect((await inject({ url: '/api/me', headers: bearer })).statusCode).toBe(401);
  });

  it('rate limits sign-in attempts per user and address', async () => {
    let last = 0;
    for (let i = 0; i < 12; i += 1) {
      last = (
        await inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'admin', password: `guess-${i}` },
        })
      ).statusCode;
    }
    expect(last).toBe(429);
    const limited = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lets an admin manage users; a disabled user cannot sign in', async () => {
    const admin = { authorization: `Bearer ${await adminToken()}` };
    const created = await inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { username: 'vera', role: 'viewer', password: 'vera-password-1' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toMatch(/password/i);
    secrets.push('vera-password-1');
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/users',
          headers: admin,
          payload: { username: 'vera', role: 'viewer', password: 'another-pass' },
        })
      ).json().code,
    ).toBe('username_taken');
    const users = (await inject({ url: '/api/users', headers: admin })).body;
    expect(users).not.toMatch(/scrypt|password/i);
    const vera = created.json<{ id: string }>();
    expect(
      (
        await inject({
          method: 'PATCH',
          url: `/api/users/${vera.id}`,
          headers: admin,
          payload: { disabled: true },
        })
      ).statusCode,
    ).toBe(200);
    const refused = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vera', password: 'vera-password-1' },
    });
    expect(refused.statusCode).toBe(401);
  });

  async function adminToken(): Promise<string> {
    // Straight from the store: the login limiter is exhausted for admin by now.
    const { authHeaders } = await import('./support/auth.js');
    const headers = await authHeaders(t.app, 'admin', { username: 'root' });
    const token = headers.authorization!.slice('Bearer '.length);
    secrets.push(token);
    return token;
  }

  it('authenticates webhooks by HMAC signature within the tolerance window, or by bearer token', async () => {
    const admin = { authorization: `Bearer ${await adminToken()}` };
    const secretRes = await inject({ url: '/api/flows/order-to-fulfillment/webhook-secret', headers: admin });
    const { secret, header } = secretRes.json<{ secret: string; header: string }>();
    secrets.push(secret);
    const body = JSON.stringify({
      order_id: 'SO-54321',
      account_number: 'AC-123456',
      order_date: '2026-03-01',
      total: '5',
    });
    const now = Math.floor(Date.now() / 1000);
    const post = (headers: Record<string, string>) =>
      inject({
        method: 'POST',
        url: '/hooks/order-to-fulfillment',
        headers: { 'content-type': 'application/json', ...headers },
        payload: body,
      });
    expect((await post({})).statusCode).toBe(401);
    const signed = await post({ [header]: signWebhook(secret, body, now) });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({
      runId: expect.any(String),
      status: expect.stringMatching(/succeeded|flagged/),
    });
    const stale = await post({ [header]: signWebhook(secret, body, now - 3600) });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('invalid_signature');
    const otherBody = await post({ [header]: signWebhook(secret, `${body} `, now) });
    expect(otherBody.statusCode).toBe(401);
    expect((await post({ [header]: signWebhook('whsec_wrong', body, now) })).statusCode).toBe(401);
    // Rotating the secret retires the old one.
    const rotated = (
      await inject({ method: 'POST', url: '/api/flows/order-to-fulfillment/webhook-secret', headers: admin })
    ).json<{ secret: string }>();
    secrets.push(rotated.secret);
    expect((await post({ [header]: signWebhook(secret, body, now) })).statusCode).toBe(401);
    expect((await post({ [header]: signWebhook(rotated.secret, body, now) })).statusCode).toBe(200);
    expect((await post(admin)).statusCode).toBe(200);
  });

  it('never puts a token, password, session, CSRF token, webhook secret or password hash in an answer or a log line', () => {
    const logText = logs.text();
    expect(logText.length).toBeGreaterThan(1000);
    const leaks = secrets.flatMap((secret) => [
      ...(logText.includes(secret) ? [`log: ${secret.slice(0, 12)}…`] : []),
    ]);
    expect(leaks).toEqual([]);
    // Answers may carry only the secrets they exist to hand out (login's CSRF token, a new token, the webhook secret).
    const everyAnswer = answers.join('\n');
    expect(everyAnswer).not.toMatch(/scrypt\$/);
    expect(everyAnswer).not.toContain(PASSWORD);
  });
});

describe('first start seeds the users', () => {
  it('with a random password, printed once and written to the data folder', async () => {
    const dataDir = tempDir();
    const t = await startTestApp({ dataDir, seedUsers: true }, {}, { as: null });
    try {
      const text = readFileSync(join(dataDir, SEED_CREDENTIALS_FILE), 'utf8');
      const password = text.trim().split('\n').at(-1)!;
      expect(password.length).toBeGreaterThanOrEqual(16);
      for (const username of ['admin', 'analyst', 'owner']) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password },
        });
        expect(res.statusCode, username).toBe(200);
      }
    } finally {
      await t.close();
    }
  });
});
