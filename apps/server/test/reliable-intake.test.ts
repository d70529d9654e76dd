import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { payloadHashOf } from '../src/runner/webhook-intake.js';
import { EXAMPLE_FLOW_ID } from '../src/seed/seed-example.js';
import {
  exampleWritingVia,
  order,
  publishDirect,
  startEndpoint,
  type Endpoint,
} from './support/reliability.js';
import { downstreamRows, startTestApp, type TestApp } from './test-app.js';

const hook = (t: TestApp, body: unknown, options: { key?: string; query?: string; flow?: string } = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/hooks/${options.flow ?? EXAMPLE_FLOW_ID}${options.query ?? ''}`,
    payload: body as Record<string, unknown>,
    headers: options.key ? { 'idempotency-key': options.key } : {},
  });

async function settled(t: TestApp, runId: string): Promise<{ status: string }> {
  for (let i = 0; i < 200; i++) {
    const run = (await t.app.inject(`/api/runs/${runId}`)).json<{ status: string }>();
    if (run.status !== 'queued' && run.status !== 'running') return run;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`run ${runId} did not finish`);
}

describe('intake: async, idempotency, back-pressure', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ seed: true })));
  afterAll(() => t.close());

  it('answers 202 with the run id for ?async=1, and the run finishes on its own', async () => {
    const res = await hook(t, order('SO-30001'), { query: '?async=1' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ runId: expect.any(String), status: 'queued', version: 1 });
    expect(await settled(t, res.json().runId)).toMatchObject({ status: 'succeeded' });
    expect(downstreamRows(t.config.dataDir, 'fulfillment_queue').map((r) => r.order_id)).toContain(
      'SO-30001',
    );
  });

  it('follows Stripe: same key+body → original; other body → 422; while running → 409', async () => {
    const [a, b] = await Promise.all([
      hook(t, order('SO-30002'), { key: 'k-30002' }),
      hook(t, order('SO-30002'), { key: 'k-30002' }),
    ]);
    // Both arrive in one group commit: the second sees the first still queued.
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const conflict = [a, b].find((r) => r.statusCode === 409)!.json();
    expect(conflict).toMatchObject({
      code: 'idempotency_key_in_progress',
      originalRunId: expect.any(String),
    });

    const again = await hook(t, order('SO-30002'), { key: 'k-30002' });
    expect(again.json()).toMatchObject({ status: 'duplicate', originalStatus: 'succeeded' });
    const other = await hook(t, order('SO-30003'), { key: 'k-30002' });
    expect(other.json()).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    const rows = downstreamRows(t.config.dataDir, 'fulfillment_queue').filter(
      (r) => r.order_id === 'SO-30002',
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses non-JSON (415), malformed JSON (400) and oversized bodies (413) as problems', async () => {
    const plain = await t.app.inject({
      method: 'POST',
      url: `/hooks/${EXAMPLE_FLOW_ID}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'order SO-1',
    });
    expect(plain.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    const broken = await t.app.inject({
      method: 'POST',
      url: `/hooks/${EXAMPLE_FLOW_ID}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"order_id": ',
    });
    expect(broken.json()).toMatchObject({ status: 400, code: 'malformed_json' });
    const huge = await hook(t, { ...order('SO-30004'), blob: 'x'.repeat(1_100_000) });
    expect(huge.json()).toMatchObject({ status: 413, code: 'payload_too_large' });
  });
});

describe('back-pressure and dead letters over an HTTP target', () => {
  let t: TestApp;
  let endpoint: Endpoint;
  let mode: 'fail' | 'ok' | 'hold' = 'ok';
  const held: Array<() => void> = [];

  beforeAll(async () => {
    endpoint = await startEndpoint((_req, res) => {
      if (mode === 'fail') return void res.writeHead(503).end();
      if (mode === 'hold') return void held.push(() => res.writeHead(201).end());
      res.writeHead(201).end();
    });
    t = await startTestApp(
      { egressAllow: ['127.0.0.1'], workers: 1, maxQueueDepth: 3 },
      { sleep: async () => undefined },
    );
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: {
        name: 'fulfilment-api',
        kind: 'http',
        config: { url: `${endpoint.url}/orders`, maxAttempts: 3, breakerThreshold: 50 },
      },
    });
    expect(created.statusCode).toBe(201);
    await publishDirect(t.app, 'orders-to-api', exampleWritingVia('fulfilment-api', 'orders'));
  });
  afterAll(async () => {
    await t.close();
    await endpoint.close();
  });
  afterEach(() => {
    mode = 'ok';
    held.splice(0).forEach((release) => release());
  });

  it('answers 503 with Retry-After above the queue limit, and nothing is queued for it', async () => {
    mode = 'hold';
    const accepted = [];
    for (let i = 0; i < 3; i++) {
      accepted.push(await hook(t, order(`SO-3100${i}`), { flow: 'orders-to-api', query: '?async=1' }));
    }
    expect(accepted.map((r) => r.statusCode)).toEqual([202, 202, 202]);
    const refused = await hook(t, order('SO-31009'), { flow: 'orders-to-api' });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ code: 'overloaded' });
    const runs = (await t.app.inject('/api/runs?flowId=orders-to-api')).json().items;
    expect(runs).toHaveLength(3);
    mode = 'ok';
    held.splice(0).forEach((release) => release());
    for (const r of accepted) expect(await settled(t, r.json().runId)).toMatchObject({ status: 'succeeded' });
  });

  it('dead-letters a run that fails after its retries, and retries it once the target is fixed', async () => {
    mode = 'fail';
    const before = endpoint.requests.length;
    const failed = await hook(t, order('SO-32000'), { flow: 'orders-to-api' });
    expect(failed.statusCode).toBe(502);
    expect(failed.json()).toMatchObject({ code: 'run_failed', runId: expect.any(String) });
    expect(endpoint.requests.length - before).toBe(3); // the HTTP target's own retries
    const runId = failed.json().runId as string;

    const letters = (await t.app.inject('/api/dead-letters?flowId=orders-to-api')).json().items;
    expect(letters).toEqual([
      expect.objectContaining({
        runId,
        recordKey: 'SO-32000',
        retriedBy: null,
        attempts: [expect.objectContaining({ runId })],
      }),
    ]);
    expect(letters[0].error).toMatch(/after 3 attempts/);

    mode = 'ok';
    const retried = await t.app.inject({ method: 'POST', url: `/api/runs/${runId}/retry` });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ retryOf: runId, status: 'succeeded', recordKey: 'SO-32000' });
    const last = endpoint.requests.at(-1)!;
    expect(last.headers['idempotency-key']).toBe('orders-to-api:SO-32000');

    const twice = await t.app.inject({ method: 'POST', url: `/api/runs/${runId}/retry` });
    expect(twice.json()).toMatchObject({ status: 409, code: 'run_already_retried' });
    const notFailed = await t.app.inject({ method: 'POST', url: `/api/runs/${retried.json().runId}/retry` });
    expect(notFailed.json()).toMatchObject({ status: 409, code: 'run_not_retryable' });
    expect((await t.app.inject('/api/dead-letters?flowId=orders-to-api')).json().items).toEqual([]);
    // The original failure stays as it was: finished runs never change.
    expect((await t.app.inject(`/api/runs/${runId}`)).json().status).toBe('failed');
  });

  it('executes a waited-for request first and stores it once, finished, with its metrics fact', async () => {
    mode = 'hold';
    const first = hook(t, order('SO-34001'), { flow: 'orders-to-api', key: 'k-34001' });
    for (let i = 0; i < 500 && held.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(held).toHaveLength(1);
    // Executing, not stored: nothing acknowledged yet, so nothing to recover after a crash.
    const listed = (await t.app.inject('/api/runs?flowId=orders-to-api&q=SO-34001')).json().items;
    expect(listed).toEqual([]);
    // The key is claimed meanwhile: the same key, waited for or not, is refused, not executed.
    const again = await hook(t, order('SO-34001'), { flow: 'orders-to-api', key: 'k-34001' });
    const queued = await hook(t, order('SO-34001'), {
      flow: 'orders-to-api',
      key: 'k-34001',
      query: '?async=1',
    });
    for (const res of [again, queued]) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'idempotency_key_in_progress',
        originalRunId: expect.any(String),
      });
    }
    expect(again.json().originalRunId).toBe(queued.json().originalRunId);
    held.splice(0).forEach((release) => release());
    const done = await first;
    expect(done.statusCode).toBe(200);
    const runId = done.json().runId as string;
    expect(runId).toBe(again.json().originalRunId);
    expect(
      endpoint.requests.filter((r) => r.headers['idempotency-key'] === 'orders-to-api:SO-34001'),
    ).toHaveLength(1);
    const run = (await t.app.inject(`/api/runs/${runId}`)).json();
    expect(run).toMatchObject({ status: 'succeeded', idempotencyKey: 'k-34001', recordKey: 'SO-34001' });
    expect(run.steps.length).toBeGreaterThan(0);
    // The fact was committed with the run (no projector pass runs in between).
    expect([...(await t.app.store.metrics.projected([runId]))]).toEqual([runId]);
    const resent = await hook(t, order('SO-34001'), { flow: 'orders-to-api', key: 'k-34001' });
    expect(resent.json()).toMatchObject({ status: 'duplicate', duplicateOf: runId });
  });

  it('executes a resent failed record as the retry of its dead letter', async () => {
    mode = 'fail';
    const failed = await hook(t, order('SO-34002'), { flow: 'orders-to-api' });
    expect(failed.statusCode).toBe(502);
    mode = 'ok';
    const resent = await hook(t, order('SO-34002'), { flow: 'orders-to-api' });
    expect(resent.statusCode).toBe(200);
    const letters = (await t.app.inject('/api/dead-letters?flowId=orders-to-api')).json().items;
    expect(letters.find((l: { runId: string }) => l.runId === failed.json().runId)).toBeUndefined();
    const letter = await t.app.store.deadLetters.get(failed.json().runId as string);
    expect(letter).toMatchObject({ retriedBy: resent.json().runId });
  });

  it('retries many dead letters at once, each answering on its own', async () => {
    mode = 'fail';
    const ids: string[] = [];
    for (const id of ['SO-33001', 'SO-33002'])
      ids.push((await hook(t, order(id), { flow: 'orders-to-api' })).json().runId);
    mode = 'ok';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dead-letters/retry',
      payload: { runIds: [...ids, 'run_missing'] },
    });
    expect(res.json().items).toEqual([
      expect.objectContaining({ retryOf: ids[0], status: 'succeeded' }),
      expect.objectContaining({ retryOf: ids[1], status: 'succeeded' }),
      expect.objectContaining({ retryOf: 'run_missing', status: 'refused', code: 'run_not_found' }),
    ]);
  });
});

describe('idempotency key window', () => {
  it('forgets a key after the window: the same key then starts a new run', async () => {
    let now = Date.parse('2026-03-15T10:00:00Z');
    const t = await startTestApp(
      { seed: true, idempotencyWindowMs: 60_000 },
      { clock: { now: () => new Date(now) } },
    );
    const first = await hook(t, order('SO-35000'), { key: 'k-35000' });
    expect(first.json().status).toBe('succeeded');
    now += 30_000;
    expect((await hook(t, order('SO-35001'), { key: 'k-35000' })).json().code).toBe('idempotency_key_reused');
    now += 60_000;
    const later = await hook(t, order('SO-35001'), { key: 'k-35000' });
    expect(later.json()).toMatchObject({ status: 'succeeded', recordKey: 'SO-35001' });
    await t.close();
  });
});

describe('leases and recovery', () => {
  it('the reconciler finishes a run whose worker lost its lease, exactly once', async () => {
    const t = await startTestApp({ seed: true });
    const input = order('SO-34000');
    const past = new Date(Date.now() - 120_000).toISOString();
    await t.app.store.runs.insert({
      id: 'run_orphan',
      flowId: EXAMPLE_FLOW_ID,
      version: 1,
      status: 'queued',
      recordKey: null,
      idempotencyKey: `sha256:${payloadHashOf(input)}`,
      payloadHash: payloadHashOf(input),
      input,
      receivedAt: past,
      duplicateOf: null,
      lease: { owner: 'w_dead', expiresAt: past },
    });
    expect(await t.app.runner.reconcile()).toBe(1);
    expect(await settled(t, 'run_orphan')).toMatchObject({ status: 'succeeded' });
    expect(await t.app.runner.reconcile()).toBe(0);
    expect(
      downstreamRows(t.config.dataDir, 'fulfillment_queue').filter((r) => r.order_id === 'SO-34000'),
    ).toHaveLength(1);
    await t.close();
  });
});
