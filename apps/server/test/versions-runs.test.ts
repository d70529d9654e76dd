import { createFixedClock } from '@baton/engine';
import { emptySource } from '@baton/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveVersion,
  changeNote,
  exampleSourceWritingTo,
  startTestApp,
  type TestApp,
} from './test-app.js';

describe('versions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.inject({ method: 'POST', url: '/api/flows', payload: { id: 'orders', name: 'Orders' } });
    await t.app.inject({
      method: 'PUT',
      url: '/api/flows/orders/draft',
      payload: exampleSourceWritingTo('v_orders'),
    });
    await t.app.inject({ method: 'POST', url: '/api/flows', payload: { id: 'broken', name: 'Broken' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('submits the draft as version n, in review, with the plan hash', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows/orders/versions',
      payload: { changeNote },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/flows/orders/versions/1');
    const compiled = (await t.app.inject({ method: 'POST', url: '/api/flows/orders/compile' })).json();
    expect(res.json()).toEqual({
      version: 1,
      state: 'in_review',
      contentHash: compiled.definition.contentHash,
    });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/flows/orders/versions',
      payload: { changeNote },
    });
    expect(second.json().version).toBe(2);
  });

  it('reads a version with its source and definition', async () => {
    const res = await t.app.inject('/api/flows/orders/versions/1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      flowId: 'orders',
      version: 1,
      state: 'in_review',
      changeNote,
      publishedAt: null,
      source: exampleSourceWritingTo('v_orders'),
      definition: { schemaVersion: 1, entry: 'n_trigger' },
    });
  });

  it('lists versions newest first, and shows them on the flow', async () => {
    const list = (await t.app.inject('/api/flows/orders/versions')).json();
    expect(list.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(list.items[0]).not.toHaveProperty('flowId');
    const flow = (await t.app.inject('/api/flows/orders')).json();
    expect(flow).toMatchObject({
      latestVersion: 2,
      publishedVersion: null,
      versions: [{ version: 2 }, { version: 1 }],
    });
  });

  it('publishes a version, superseding the one published before', async () => {
    await approveVersion(t.app, 'orders', 1);
    await approveVersion(t.app, 'orders', 2);
    const first = await t.app.inject({ method: 'POST', url: '/api/flows/orders/versions/1/publish' });
    expect(first.json()).toEqual({
      version: 1,
      state: 'published',
      publishedAt: expect.any(String),
      supersededVersion: null,
    });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/flows/orders/versions/2/publish',
      headers: { 'content-type': 'application/json' },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ version: 2, state: 'published', supersededVersion: 1 });
    expect((await t.app.inject('/api/flows/orders/versions/1')).json().state).toBe('superseded');
    expect((await t.app.inject('/api/flows/orders')).json().publishedVersion).toBe(2);
  });

  it('answers 422 draft_invalid when the draft does not compile', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/flows/broken/draft', payload: emptySource() });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows/broken/versions',
      payload: { changeNote },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'draft_invalid',
      diagnostics: [expect.objectContaining({ severity: 'error' })],
    });
    expect((await t.app.inject('/api/flows/broken/versions')).json().items).toEqual([]);
  });

  it('answers 400 validation_failed without a complete change note', async () => {
    for (const payload of [
      {},
      { changeNote: { reason: 'x' } },
      { changeNote: { ...changeNote, risk: '' } },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/flows/orders/versions', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });

  it('answers 404 for unknown flows and versions, 400 for a version that is not a number', async () => {
    const cases: Array<[string, string, number, string]> = [
      ['GET', '/api/flows/orders/versions/9', 404, 'version_not_found'],
      ['POST', '/api/flows/orders/versions/9/publish', 404, 'version_not_found'],
      ['GET', '/api/flows/nope/versions', 404, 'flow_not_found'],
      ['GET', '/api/flows/orders/versions/one', 400, 'validation_failed'],
    ];
    for (const [method, url, status, code] of cases) {
      const res = await t.app.inject({ method: method as 'GET' | 'POST', url });
      expect(res.statusCode, url).toBe(status);
      expect(res.json().code, url).toBe(code);
    }
    const submit = await t.app.inject({
      method: 'POST',
      url: '/api/flows/nope/versions',
      payload: { changeNote },
    });
    expect(submit.json().code).toBe('flow_not_found');
  });
});

describe('runs', () => {
  let t: TestApp;
  const ids: string[] = [];
  beforeAll(async () => {
    const post = (payload: object) =>
      t.app
        .inject({ method: 'POST', url: '/hooks/order-to-fulfillment', payload })
        .then((r) => ids.push(r.json().runId));
    // A clock that moves a second per reading keeps "newest first" independent of machine speed.
    t = await startTestApp({ seed: true }, { clock: createFixedClock('2026-03-15T09:00:00Z', 1000) });
    for (let i = 0; i < 5; i++) {
      await post({
        order_id: `SO-4000${i}`,
        account_number: 'AC-000001',
        customer_tier: 'gold',
        order_date: '2026-01-02',
        total: 3,
      });
    }
    await post({
      order_id: 'SO-40009',
      account_number: 'AC-000001',
      customer_tier: 'gold',
      order_date: '2026-01-02',
      total: 0,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists runs newest first, with summaries only', async () => {
    const res = await t.app.inject('/api/runs');
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json();
    expect(items.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    expect(nextCursor).toBeNull();
    expect(items[0]).not.toHaveProperty('input');
    expect(items[0]).not.toHaveProperty('payloadHash');
    expect(items[0]).toMatchObject({ flowId: 'order-to-fulfillment', version: 1, status: 'rejected' });
  });

  it('filters by flow, status and time, and pages with a cursor', async () => {
    const rejected = (await t.app.inject('/api/runs?status=rejected')).json().items;
    expect(rejected.map((r: { id: string }) => r.id)).toEqual([ids[5]]);
    expect((await t.app.inject('/api/runs?flowId=other')).json().items).toEqual([]);
    expect((await t.app.inject('/api/runs?from=2999-01-01T00:00:00Z')).json().items).toEqual([]);
    expect((await t.app.inject('/api/runs?to=2000-01-01T00:00:00Z')).json().items).toEqual([]);
    const page1 = (await t.app.inject('/api/runs?limit=4')).json();
    expect(page1.items).toHaveLength(4);
    const page2 = (await t.app.inject(`/api/runs?limit=4&cursor=${page1.nextCursor}`)).json();
    expect([...page1.items, ...page2.items].map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    expect(page2.nextCursor).toBeNull();
  });

  it('answers 400 for a bad filter or cursor', async () => {
    const cases: Array<[string, string]> = [
      ['/api/runs?limit=201', 'validation_failed'],
      ['/api/runs?limit=0', 'validation_failed'],
      ['/api/runs?status=done', 'validation_failed'],
      ['/api/runs?from=yesterday', 'validation_failed'],
      ['/api/runs?cursor=bogus', 'invalid_cursor'],
    ];
    for (const [url, code] of cases) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe(code);
    }
  });

  it('reads one run with its steps', async () => {
    const res = await t.app.inject(`/api/runs/${ids[0]}`);
    expect(res.statusCode).toBe(200);
    const run = res.json();
    expect(run).toMatchObject({
      id: ids[0],
      flowId: 'order-to-fulfillment',
      version: 1,
      status: 'succeeded',
      recordKey: 'SO-40000',
      idempotencyKey: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      duplicateOf: null,
      input: { order_id: 'SO-40000' },
    });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(run.steps).toHaveLength(5);
    expect(run.steps[0]).toMatchObject({ seq: 1, kind: 'trigger', status: 'ok', port: 'out', checks: [] });
    expect(run.steps[3].write).toMatchObject({ action: 'inserted', dryRun: false });
  });

  it('answers 404 run_not_found', async () => {
    const res = await t.app.inject('/api/runs/run_nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('run_not_found');
  });
});
