import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@baton/store';
import { accessFor, type Access } from '../src/auth/access-table.js';
import { authHeaders, type Headers } from './support/auth.js';
import { startTestApp, type TestApp } from './test-app.js';

const ROLES: Role[] = ['admin', 'analyst', 'owner', 'viewer'];

/** A concrete URL for a route pattern; ids that do not exist are fine (404 still proves access). */
function concrete(url: string): string {
  return url
    .replace(':id', 'order-to-fulfillment')
    .replace(':flowId', 'order-to-fulfillment')
    .replace(/:(n|a|b)\b/g, '1')
    .replace(/:[A-Za-z]+/g, 'x');
}

/** Routes whose answer is a never-ending stream: checked with a HEAD-free GET that is aborted. */
const STREAMS = new Set(['GET /api/runs/events']);

function expectedFor(access: Access, role: Role | null): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (role === null) return 401;
  if (access === 'signed-in') return 'allowed';
  if (access === 'webhook') return role === 'admin' || role === 'analyst' ? 'allowed' : 403;
  return access.includes(role) ? 'allowed' : 403;
}

describe('authorization: every route has a row, and each role gets what its row says', () => {
  let t: TestApp;
  const headers = new Map<Role, Headers>();

  beforeAll(async () => {
    t = await startTestApp({ seed: true }, {}, { as: null });
    for (const role of ROLES) headers.set(role, await authHeaders(t.app, role));
  });
  afterAll(async () => {
    await t.close();
  });

  const apiRoutes = () => t.app.registeredRoutes.filter((r) => r.method !== 'HEAD');

  it('finds a row for every registered API route', () => {
    const missing = t.app.registeredRoutes
      .filter((r) => r.method !== 'HEAD')
      .filter((r) => accessFor(r.method, r.url) === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(missing, 'add these to apps/server/src/auth/access-table.ts').toEqual([]);
    expect(t.app.registeredRoutes.length).toBeGreaterThan(30);
  });

  it('answers 401 without credentials, 403 for a role without the right, and lets allowed roles through', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const route of apiRoutes()) {
      const key = `${route.method} ${route.url}`;
      const access = accessFor(route.method, route.url)!;
      if (access === 'public' || STREAMS.has(key)) continue;
      for (const role of [null, ...ROLES] as const) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: role ? headers.get(role)! : {},
        });
        const want = expectedFor(access, role);
        checked += 1;
        const code =
          String(res.headers['content-type']).includes('json') && res.body
            ? res.json<{ code?: string }>().code
            : undefined;
        const got =
          res.statusCode === 401
            ? 401
            : res.statusCode === 403 && (code === 'forbidden' || code === 'access_rule_missing')
              ? 403
              : 'allowed';
        if (got !== want)
          problems.push(
            `${key} as ${role ?? 'anonymous'}: want ${want}, got ${res.statusCode} ${code ?? ''}`,
          );
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(5 * 40);
  }, 120_000);

  it('answers 401 to a stream without credentials', async () => {
    for (const key of STREAMS) {
      const [method, url] = key.split(' ') as [string, string];
      const res = await t.app.inject({ method: method as 'GET', url });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe('object level', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: true }, {}, { as: null });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets an owner change the rules of the fields they own, and nothing else', async () => {
    const owner = await authHeaders(t.app, 'owner'); // speaks for crm-admin, who owns the example's CRM fields
    const draftUrl = '/api/flows/order-to-fulfillment/draft';
    const draft = (await t.app.inject({ url: draftUrl, headers: owner })).json();
    const crm = draft.edges.find((e: { contract: { fields: Array<{ owner?: string }> } | null }) =>
      e.contract?.fields.some((f) => f.owner === 'crm-admin'),
    );
    const mine = crm.contract.fields.find((f: { owner?: string }) => f.owner === 'crm-admin');

    mine.description = 'edited by its owner';
    mine.pattern = '^\\s*SO-\\d{5,6}\\s*$';
    expect(
      (await t.app.inject({ method: 'PUT', url: draftUrl, headers: owner, payload: draft })).statusCode,
    ).toBe(200);

    const renamed = structuredClone(draft);
    renamed.nodes[0].label = 'Renamed by an owner';
    const refused = await t.app.inject({ method: 'PUT', url: draftUrl, headers: owner, payload: renamed });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('not_field_owner');

    const someoneElses = structuredClone(draft);
    const other = someoneElses.edges
      .flatMap(
        (e: { contract: { fields: Array<{ owner?: string; description?: string }> } | null }) =>
          e.contract?.fields ?? [],
      )
      .find((f: { owner?: string }) => f.owner !== 'crm-admin');
    if (other) {
      other.description = 'not mine';
      expect(
        (await t.app.inject({ method: 'PUT', url: draftUrl, headers: owner, payload: someoneElses }))
          .statusCode,
      ).toBe(403);
    }
    // The owner moved a node on the canvas: layout is not content, so that is allowed.
    const moved = structuredClone(draft);
    const first = Object.keys(moved.layout.nodes)[0]!;
    moved.layout.nodes[first].x += 40;
    expect(
      (await t.app.inject({ method: 'PUT', url: draftUrl, headers: owner, payload: moved })).statusCode,
    ).toBe(200);
  });

  it('keeps a viewer to reading: no test run, no draft, no webhook', async () => {
    const viewer = await authHeaders(t.app, 'viewer');
    expect((await t.app.inject({ url: '/api/flows/order-to-fulfillment', headers: viewer })).statusCode).toBe(
      200,
    );
    const testRun = await t.app.inject({
      method: 'POST',
      url: '/api/flows/order-to-fulfillment/test-run',
      headers: viewer,
      payload: { record: {} },
    });
    expect(testRun.statusCode).toBe(403);
    const hook = await t.app.inject({
      method: 'POST',
      url: '/hooks/order-to-fulfillment',
      headers: viewer,
      payload: { order_id: 'SO-12345' },
    });
    expect(hook.statusCode).toBe(403);
  });

  it('never lets an analyst publish, approve or roll back', async () => {
    const analyst = await authHeaders(t.app, 'analyst');
    for (const url of ['/versions/1/publish', '/versions/1/approve', '/rollback']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/flows/order-to-fulfillment${url}`,
        headers: analyst,
        payload: { version: 1, reason: 'x' },
      });
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden', role: 'analyst', allowedRoles: ['admin'] });
    }
  });
});
