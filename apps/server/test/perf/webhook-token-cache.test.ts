import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from '../support/auth.js';
import { exampleSourceWritingTo, publishFlow, startTestApp, type TestApp } from '../test-app.js';

const order = (n: number) => ({
  order_id: `SO-${String(n).padStart(5, '0')}`,
  account_number: 'AC-123456',
  customer_tier: 'gold',
  order_date: '2026-03-15',
  total: '10.00',
});

/**
 * Webhook bearer tokens are remembered for a few seconds (one lookup per token instead of two
 * queries per request); a revocation or a disabled user must still take effect at once.
 */
describe('webhook token cache', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await publishFlow(t.app, 'orders', exampleSourceWritingTo('token_cache_orders'));
    admin = await authHeaders(t.app, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const hook = (authorization: string, n: number) =>
    t.app.inject({
      method: 'POST',
      url: '/hooks/orders',
      headers: { 'content-type': 'application/json', authorization },
      payload: order(n),
    });

  it('refuses a revoked token on the very next request', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin,
      payload: { name: 'integration' },
    });
    const { token, id } = created.json<{ token: string; id: string }>();
    expect((await hook(`Bearer ${token}`, 1)).statusCode).toBe(200);
    expect((await hook(`Bearer ${token}`, 2)).statusCode).toBe(200); // served from the cache

    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: admin });
    expect(revoked.statusCode).toBeLessThan(300);
    const after = await hook(`Bearer ${token}`, 3);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses the token of a user disabled a moment ago', async () => {
    const analyst = await authHeaders(t.app, 'analyst', { username: 'cache-analyst' });
    expect((await hook(analyst.authorization!, 4)).statusCode).toBe(200);
    const user = (await t.app.store.auth.userForLogin('cache-analyst'))!.user;
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await hook(analyst.authorization!, 5)).statusCode).toBe(401);
  });
});
