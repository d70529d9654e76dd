import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from './support/auth.js';
import {
  exampleSourceWritingTo,
  publishFlow,
  sampleRecords,
  startTestApp,
  type TestApp,
} from './test-app.js';

/** A local receiver: answers 500 to its first `failFirst` requests, then 200, and keeps every request. */
function receiver(failFirst: number) {
  const received: Array<{
    headers: Record<string, string | string[] | undefined>;
    body: string;
    status: number;
  }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const status = received.length < failFirst ? 500 : 200;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  return {
    received,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`),
        ),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const FLOW = 'orders-inbox';
const records = sampleRecords();
const valid = records[0]!;
const platinum = records[5]!; // flagged: unknown customer tier
const badEmail = records[7]!; // flagged: email

describe('owners directory and owner lookup', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({}, { notifications: { intervalMs: 0 } })));
  afterAll(() => t.close());

  it('lists the seeded owners and lookup, never the webhook secret', async () => {
    const owners = await t.app.inject({ method: 'GET', url: '/api/owners' });
    expect(owners.json().items.map((o: { id: string }) => o.id)).toEqual([
      'crm-admin',
      'integration-team',
      'ops-lead',
    ]);
    const lookup = await t.app.inject({ method: 'GET', url: '/api/owner-lookup' });
    expect(lookup.json().items).toContainEqual({
      category: 'dataQuality',
      label: 'Data quality',
      ownerId: 'crm-admin',
      ownerName: 'CRM admin',
    });
  });

  it('creates, updates, maps and deletes an owner with stable problem codes', async () => {
    const body = {
      id: 'qa-team',
      name: 'QA',
      kind: 'team',
      email: 'qa@example.com',
      webhookUrl: 'http://127.0.0.1:4369/x',
      webhookSecret: 'super-secret',
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/owners', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'qa-team', hasWebhookSecret: true });
    expect(created.body).not.toContain('super-secret');
    expect((await t.app.inject({ method: 'POST', url: '/api/owners', payload: body })).json().code).toBe(
      'owner_exists',
    );
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/owners/qa-team',
      payload: { name: 'Quality', webhookSecret: null },
    });
    expect(patched.json()).toMatchObject({ name: 'Quality', hasWebhookSecret: false });
    const mapped = await t.app.inject({
      method: 'PUT',
      url: '/api/owner-lookup/connectivity',
      payload: { ownerId: 'qa-team' },
    });
    expect(mapped.json().items).toContainEqual(
      expect.objectContaining({ category: 'connectivity', ownerId: 'qa-team' }),
    );
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/owner-lookup/connectivity',
      payload: { ownerId: 'ghost' },
    });
    expect(unknown.statusCode).toBe(422);
    // Still the connectivity owner: refused, with the place named.
    const inUse = await t.app.inject({ method: 'DELETE', url: '/api/owners/qa-team' });
    expect([inUse.statusCode, inUse.json().code]).toEqual([409, 'owner_in_use']);
    expect(inUse.json().references).toEqual([
      { flowId: null, in: null, edgeId: null, where: 'lookup:connectivity' },
    ]);
    expect(inUse.json().detail).toContain('lookup:connectivity');
    await t.app.inject({
      method: 'PUT',
      url: '/api/owner-lookup/connectivity',
      payload: { ownerId: null },
    });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/owners/qa-team' })).statusCode).toBe(204);
    const gone = await t.app.inject({ method: 'GET', url: '/api/owners/qa-team' });
    expect([gone.statusCode, gone.json().code]).toEqual([404, 'owner_not_found']);
    const again = await t.app.inject({ method: 'DELETE', url: '/api/owners/qa-team' });
    expect(again.statusCode).toBe(404);
  });

  it('lets only admins change the directory', async () => {
    const headers = await authHeaders(t.app, 'owner');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/owners',
      headers,
      payload: { id: 'x1', name: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('notifications: reject, flag, inbox, follow-ups, signed webhooks', () => {
  let t: TestApp;
  const hook = receiver(2);
  beforeAll(async () => {
    const url = await hook.listen();
    t = await startTestApp({}, { notifications: { intervalMs: 0, retryBaseMs: 20 } });
    const source = exampleSourceWritingTo('inbox_queue');
    // Data quality on the CRM edge: R crm-admin, A ops-lead, so a reject reaches both.
    const row = source.edges.find((e) => e.id === 'e_crm')!.raci!.rows.find((r) => r.id === 'dataQuality')!;
    row.responsible = ['crm-admin'];
    row.accountable = ['ops-lead'];
    await publishFlow(t.app, FLOW, source);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/owners/ops-lead',
      payload: { webhookUrl: url, webhookSecret: 'hook-secret-1' },
    });
  });
  afterAll(async () => {
    await t.close();
    await hook.close();
  });

  const send = (record: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/hooks/${FLOW}`, payload: record });

  it('notifies R and A of the data-quality row when a contract rejects a record', async () => {
    const { order_id: _dropped, ...noOrderId } = valid;
    const res = await send(noOrderId);
    expect(res.statusCode).toBe(422);
    const runId = res.json().runId as string;
    await t.app.notifier.tick();
    const items = (await t.app.inject({ method: 'GET', url: `/api/inbox?kind=rejected` }))
      .json()
      .items.filter((i: { runId: string }) => i.runId === runId);
    expect(items.map((i: { ownerId: string }) => i.ownerId).sort()).toEqual(['crm-admin', 'ops-lead']);
    expect(items[0]).toMatchObject({ field: 'order_id', edgeId: 'e_crm', status: 'open' });
    expect(items[0].record.email).toBe('***');
    const stats = await t.app.inject({ method: 'GET', url: `/api/flows/${FLOW}/edge-stats` });
    expect(stats.json().items).toEqual([{ edgeId: 'e_crm', rejections: 1 }]);
  });

  it('opens a follow-up for the owner of a flagged field; the owner closes it', async () => {
    const res = await send(badEmail);
    expect(res.json().status).toBe('flagged');
    await t.app.notifier.tick();
    const open = (await t.app.inject({ method: 'GET', url: '/api/inbox?kind=follow_up&status=open' }))
      .json()
      .items.filter((i: { runId: string }) => i.runId === res.json().runId);
    expect(open).toHaveLength(1);
    const owner = await authHeaders(t.app, 'owner');
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/inbox/${open[0].id}/close`,
      headers: owner,
    });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await t.app.inject({ method: 'POST', url: '/api/inbox/nope/close' })).json().code).toBe(
      'inbox_item_not_found',
    );
  });

  it('sends signed webhooks, retried with back-off until the receiver takes them', async () => {
    await send(platinum);
    // Earlier tests' notifications share the receiver (its first two answers are 500s), so
    // which delivery took the retries depends on timing: wait until all are delivered.
    type Delivery = { state: string; attempts: number };
    const deliveries = async (): Promise<Delivery[]> =>
      (await t.app.inject({ method: 'GET', url: '/api/notifications/deliveries?ownerId=ops-lead' })).json<{
        items: Delivery[];
      }>().items;
    await t.app.notifier.tick();
    for (let i = 0; i < 100 && (await deliveries()).some((d) => d.state !== 'delivered'); i++) {
      await new Promise((r) => setTimeout(r, 30));
      await t.app.notifier.tick();
    }
    const all = await deliveries();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((d) => d.state === 'delivered')).toBe(true);
    expect(hook.received.filter((r) => r.status === 500)).toHaveLength(2);
    // Every request the receiver saw was one counted attempt, and the refused ones were retried.
    expect(all.reduce((n, d) => n + d.attempts, 0)).toBe(hook.received.length);
    expect(all.some((d) => d.attempts > 1)).toBe(true);
    const ok = hook.received.filter((r) => r.status === 200);
    const { headers, body } = ok[0]!;
    const [t1, v1] = String(headers['x-baton-signature']).split(',');
    const ts = t1!.slice(2);
    expect(v1!.slice(3)).toBe(createHmac('sha256', 'hook-secret-1').update(`${ts}.${body}`).digest('hex'));
    expect(JSON.parse(body).item.ownerId).toBe('ops-lead');
  });

  it('answers the webhook before notifications go out (a dead receiver never blocks a run)', async () => {
    // A receiver that accepts the connection and never answers: if the run waited for its
    // notification, the webhook could not answer until the sender gave up on it.
    let hangingRequests = 0;
    const hanging = createServer(() => void hangingRequests++);
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    try {
      const { port } = hanging.address() as AddressInfo;
      await t.app.inject({
        method: 'PATCH',
        url: '/api/owners/ops-lead',
        payload: { webhookUrl: `http://127.0.0.1:${port}/hangs` },
      });
      const res = await send({ ...platinum, order_id: 'SO-20001' });
      expect(res.json().status).toBe('flagged');
      // Answered, and no notification to the hanging receiver has completed (none can).
      expect(hangingRequests).toBeLessThanOrEqual(1);
    } finally {
      hanging.closeAllConnections();
      await new Promise((r) => hanging.close(r));
    }
  });

  it('masks pii in GET /api/runs/:id, the trigger input included', async () => {
    const res = await send({ ...valid, order_id: 'SO-30001' });
    const run = (await t.app.inject({ method: 'GET', url: `/api/runs/${res.json().runId}` })).json();
    expect(run.input.email).toBe('***');
    expect(run.steps[0].input.email).toBe('***');
    expect(JSON.stringify(run)).not.toContain('Ada@Example.COM');
    expect(JSON.stringify(run)).not.toContain('ada@example.com');
  });

  it('masks pii in a test run', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/flows/${FLOW}/test-run`,
      payload: { record: valid },
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(res.json())).not.toMatch(/ada@example\.com/i);
  });
});
