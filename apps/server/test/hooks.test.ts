import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  downstreamRows,
  exampleSourceWritingTo,
  publishFlow,
  sampleRecords,
  startTestApp,
  type TestApp,
} from './test-app.js';

const order = (id: string, extra: Record<string, unknown> = {}) => ({
  order_id: id,
  account_number: 'AC-123456',
  customer_tier: 'gold',
  order_date: '2026-03-15',
  total: '10.00',
  ...extra,
});

describe('POST /hooks/:flowId', () => {
  let t: TestApp;
  const post = (flowId: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/hooks/${flowId}`,
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  beforeAll(async () => {
    t = await startTestApp({ bodyLimit: 32 * 1024 });
    await publishFlow(t.app, 'orders', exampleSourceWritingTo('hook_orders'));
    await t.app.inject({
      method: 'POST',
      url: '/api/flows',
      payload: { id: 'unpublished', name: 'Not yet' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs the sample records: 200 for succeeded and flagged, 422 with checks for rejected', async () => {
    const seen = new Set<number>();
    for (const record of sampleRecords()) {
      const res = await post('orders', record);
      seen.add(res.statusCode);
      expect([200, 422]).toContain(res.statusCode);
      expect(res.json().runId).toMatch(/^run_/);
    }
    expect(seen).toEqual(new Set([200, 422]));
  });

  it('answers a flagged run with its flags', async () => {
    const res = await post('orders', order('SO-30001', { customer_tier: 'mystery' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'flagged',
      recordKey: 'SO-30001',
      checks: [expect.objectContaining({ result: 'flag', field: 'tier' })],
    });
  });

  it('accepts +json media types and a charset', async () => {
    const vendor = await post('orders', order('SO-30002'), {
      'content-type': 'application/vnd.crm.order+json',
    });
    expect(vendor.statusCode).toBe(200);
    const charset = await post('orders', order('SO-30003'), {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(charset.statusCode).toBe(200);
  });

  it.each([
    ['text/plain', 'order_id=SO-1'],
    ['application/x-www-form-urlencoded', 'order_id=SO-1'],
    ['application/xml', '<order/>'],
  ])('answers 415 unsupported_media_type for %s', async (contentType, body) => {
    const res = await post('orders', body, { 'content-type': contentType });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type', status: 415 });
  });

  it('answers 415 for a body without a content type', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/hooks/orders', payload: Buffer.from('{"a":1}') });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
  });

  it('answers 400 malformed_json for broken JSON', async () => {
    const res = await post('orders', '{"order_id": "SO-1",');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'malformed_json',
      type: 'https://baton.dev/problems/malformed_json',
    });
  });

  it.each([['[1, 2]'], ['"a string"'], ['42'], ['']])('answers 400 invalid_record for %j', async (body) => {
    const res = await post('orders', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_record');
  });

  it('answers 413 payload_too_large over the body limit, and records nothing', async () => {
    const before = (await t.app.inject('/api/runs?flowId=orders&limit=200')).json().items.length;
    const res = await post('orders', order('SO-30004', { note: 'x'.repeat(40 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
    expect((await t.app.inject('/api/runs?flowId=orders&limit=200')).json().items.length).toBe(before);
  });

  it('answers 404 flow_not_found and flow_not_published', async () => {
    const unknown = await post('no-such-flow', order('SO-1'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('flow_not_found');
    const unpublished = await post('unpublished', order('SO-1'));
    expect(unpublished.statusCode).toBe(404);
    expect(unpublished.json().code).toBe('flow_not_published');
  });

  it('treats a resent body as a duplicate: same result, nothing executed again', async () => {
    const first = await post('orders', order('SO-30010'));
    expect(first.json().status).toBe('succeeded');
    // Same record, keys in another order: still the same payload.
    const { total, ...rest } = order('SO-30010');
    const again = await post('orders', { total, ...rest });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      status: 'duplicate',
      duplicateOf: first.json().runId,
      originalStatus: 'succeeded',
      recordKey: 'SO-30010',
    });
    expect(again.json().runId).not.toBe(first.json().runId);
    const run = (await t.app.inject(`/api/runs/${again.json().runId}`)).json();
    expect(run).toMatchObject({ status: 'duplicate', duplicateOf: first.json().runId, steps: [] });
  });

  it('answers a resent rejected record with the original rejection', async () => {
    const bad = order('SO-30011', { total: '0' });
    const first = await post('orders', bad);
    expect(first.statusCode).toBe(422);
    const again = await post('orders', bad);
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({
      code: 'record_rejected',
      runStatus: 'duplicate',
      duplicateOf: first.json().runId,
      originalStatus: 'rejected',
      checks: first.json().checks,
    });
  });

  it('follows Idempotency-Key: same key and body → duplicate; other body → 422', async () => {
    const key = { 'idempotency-key': 'crm-delivery-77' };
    const first = await post('orders', order('SO-30020'), key);
    expect(first.json().status).toBe('succeeded');
    const same = await post('orders', order('SO-30020'), key);
    expect(same.json()).toMatchObject({ status: 'duplicate', duplicateOf: first.json().runId });
    const other = await post('orders', order('SO-30021'), key);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused', originalRunId: first.json().runId });
    // The same body under a new key is a new request.
    const newKey = await post('orders', order('SO-30020'), { 'idempotency-key': 'crm-delivery-78' });
    expect(newKey.json().status).toBe('succeeded');
    const run = (await t.app.inject(`/api/runs/${first.json().runId}`)).json();
    expect(run.idempotencyKey).toBe('crm-delivery-77');
  });

  it('answers 409 while a request with the same key is still running', async () => {
    const body = order('SO-30030');
    const { payloadHashOf } = await import('../src/runner/webhook-intake.js');
    await t.app.store.runs.insert({
      id: 'run_inflight',
      flowId: 'orders',
      version: 1,
      status: 'queued',
      recordKey: null,
      idempotencyKey: 'in-flight',
      payloadHash: payloadHashOf(body),
      input: body,
      receivedAt: new Date().toISOString(),
      duplicateOf: null,
    });
    const res = await post('orders', body, { 'idempotency-key': 'in-flight' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'idempotency_key_in_progress', originalRunId: 'run_inflight' });
  });

  it('answers 502 run_failed for a failed write, and runs a resent failed record again', async () => {
    // A downstream table whose rows already collide on the key: the write cannot get its index.
    const db = new Database(join(t.config.dataDir, 'downstream.sqlite'));
    db.exec(
      "CREATE TABLE broken_orders (order_id TEXT); INSERT INTO broken_orders VALUES ('SO-1'), ('SO-1');",
    );
    db.close();
    await publishFlow(t.app, 'broken', exampleSourceWritingTo('broken_orders'));

    const first = await post('broken', order('SO-30040'));
    expect(first.statusCode).toBe(502);
    expect(first.json()).toMatchObject({
      code: 'run_failed',
      runStatus: 'failed',
      runId: expect.stringMatching(/^run_/),
    });
    const run = (await t.app.inject(`/api/runs/${first.json().runId}`)).json();
    expect(run.status).toBe('failed');
    expect(run.error).toContain('broken_orders');

    const db2 = new Database(join(t.config.dataDir, 'downstream.sqlite'));
    db2.exec('DELETE FROM broken_orders WHERE rowid = (SELECT MAX(rowid) FROM broken_orders)');
    db2.close();
    const retried = await post('broken', order('SO-30040'));
    expect(retried.statusCode).toBe(200);
    expect(retried.json().status).toBe('succeeded');
    expect(downstreamRows(t.config.dataDir, 'broken_orders').map((r) => r.order_id)).toEqual([
      'SO-1',
      'SO-30040',
    ]);
  });

  it('persists the run with its steps and ledger entries', async () => {
    const res = await post('orders', order('SO-30050', { email: ' Ada@Example.COM' }));
    const run = (await t.app.inject(`/api/runs/${res.json().runId}`)).json();
    expect(run).toMatchObject({ flowId: 'orders', version: 1, status: 'succeeded', recordKey: 'SO-30050' });
    expect(run.steps.map((s: { seq: number }) => s.seq)).toEqual([1, 2, 3, 4, 5]);
    for (const step of run.steps) {
      expect(step).toMatchObject({ nodeId: expect.any(String), status: 'ok', checks: expect.any(Array) });
      expect(step).toHaveProperty('input');
      expect(step).toHaveProperty('output');
    }
    const ledger = await t.app.store.ledger.listByRun(res.json().runId);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ flowId: 'orders', version: 1, recordKey: 'SO-30050' });
    expect(JSON.stringify(ledger[0]!.payload)).not.toContain('ada@example.com');
  });
});
