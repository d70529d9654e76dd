import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchCounts } from '@baton/store';
import {
  EXAMPLES_DIR,
  exampleSourceWritingTo,
  downstreamRows,
  startTestApp,
  type TestApp,
} from '../test-app.js';
import { publishDirect } from '../support/reliability.js';

const SAMPLE = readFileSync(join(EXAMPLES_DIR, 'order-to-fulfillment', 'sample-records.jsonl'), 'utf8');
const SAMPLE_ROWS = SAMPLE.split('\n').filter((l) => l.trim() !== '').length;

/** A CSV of example orders with three bad lines: too few cells, too many cells, an unclosed quote at the end. */
const CSV = [
  'order_id,account_number,customer_tier,order_date,total,email',
  'SO-20001,AB-100001,Gold,2026-03-15,10.5,a@example.com',
  'SO-20002,AB-100002',
  'SO-20003,AB-100003,silver,2026-03-16,20,b@example.com',
  'SO-20004,AB-100004,Gold,2026-03-16,30,c@example.com,extra',
  'SO-20005,AB-100005,bronze,2026-03-17,"1,250.00",d@example.com',
  '',
].join('\n');

interface BatchAnswer {
  id: string;
  state: string;
  version: number;
  counts: BatchCounts;
  finished: number;
  rejects: number;
  error: string | null;
}

describe('batch uploads', () => {
  let t: TestApp;
  afterEach(async () => t?.close());

  async function withPublishedFlow(overrides = {}) {
    t = await startTestApp(overrides);
    await publishDirect(t.app, 'orders', exampleSourceWritingTo('batch_orders'));
  }

  it('runs every JSONL row of the sample file through the published version', async () => {
    await withPublishedFlow();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows/orders/batches?id=b_sample0001&fileName=sample-records.jsonl',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: SAMPLE,
    });
    expect(res.statusCode).toBe(201);
    const batch = res.json<BatchAnswer>();
    expect(batch).toMatchObject({ id: 'b_sample0001', state: 'done', version: 1, error: null });
    const c = batch.counts;
    expect(c.rows).toBe(SAMPLE_ROWS);
    expect(c.malformed).toBe(0);
    expect(c.succeeded + c.flagged + c.rejected + c.failed + c.duplicate).toBe(SAMPLE_ROWS);
    expect(batch.finished).toBe(SAMPLE_ROWS);
    // Every run is a real run of the flow, and written rows are in the downstream table.
    const runs = await t.app.inject({ url: '/api/runs?flowId=orders&limit=100' });
    expect(runs.json<{ items: unknown[] }>().items).toHaveLength(SAMPLE_ROWS);
    expect(downstreamRows(t.config.dataDir, 'batch_orders')).toHaveLength(c.succeeded + c.flagged);

    // Rejected rows come back with their error, pii fields (the example's email) masked.
    const rejects = await t.app.store.batches.rejects('b_sample0001', 0, 100);
    expect(rejects.length).toBe(c.rejected + c.failed);
    expect(rejects.every((r) => r.reason === 'rejected' || r.reason === 'failed')).toBe(true);
    expect(rejects.every((r) => r.error.length > 0 && r.runId !== null)).toBe(true);
    const emails = [...SAMPLE.matchAll(/"email":"\s*([^"]+)"/g)].map((m) => m[1]!.trim());
    for (const r of rejects) for (const email of emails) expect(r.raw).not.toContain(email);

    const got = await t.app.inject({ url: '/api/batches/b_sample0001' });
    expect(got.json()).toEqual(batch);
    const list = await t.app.inject({ url: '/api/flows/orders/batches' });
    expect(list.json<{ items: BatchAnswer[] }>().items.map((b) => b.id)).toEqual(['b_sample0001']);

    // The same file again: every row is a duplicate of its first run, nothing is written twice.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/flows/orders/batches',
      headers: { 'content-type': 'application/jsonl' },
      payload: SAMPLE,
    });
    expect(again.statusCode).toBe(201);
    const second = again.json<BatchAnswer>().counts;
    expect(second.duplicate + second.failed).toBe(SAMPLE_ROWS);
    expect(downstreamRows(t.config.dataDir, 'batch_orders')).toHaveLength(c.succeeded + c.flagged);
  });

  it('counts malformed CSV lines as rejects with their line numbers, and serves them as CSV and JSONL', async () => {
    await withPublishedFlow();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows/orders/batches?id=b_csvbad0001',
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      payload: CSV,
    });
    expect(res.statusCode).toBe(201);
    const batch = res.json<BatchAnswer>();
    expect(batch.counts.rows).toBe(5);
    expect(batch.counts.malformed).toBe(2);
    expect(batch.counts.queued).toBe(3);
    expect(batch.finished).toBe(3);

    const jsonl = await t.app.inject({ url: '/api/batches/b_csvbad0001/rejects?format=jsonl' });
    expect(jsonl.statusCode).toBe(200);
    expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
    const rejects = jsonl.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; reason: string; error: string; raw: string });
    const malformed = rejects.filter((r) => r.reason === 'malformed');
    expect(malformed.map((r) => r.line)).toEqual([3, 5]);
    expect(malformed[0]!.raw).toBe('SO-20002,AB-100002');
    expect(rejects).toHaveLength(batch.rejects);

    const csv = await t.app.inject({ url: '/api/batches/b_csvbad0001/rejects?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('b_csvbad0001-rejects.csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('line,reason,error,runId,raw');
    expect(lines).toHaveLength(1 + batch.rejects);
    expect(lines[1]).toMatch(/^3,malformed,/);
  });

  it('reads bad JSON lines and non-object lines as rejects, not the end of the batch', async () => {
    await withPublishedFlow();
    const body = ['{"order_id":"SO-1"', '[1,2]', SAMPLE.split('\n')[1], 'not json at all'].join('\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows/orders/batches?id=b_jsonbad001',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: body,
    });
    const batch = res.json<BatchAnswer>();
    expect(batch.counts).toMatchObject({ rows: 4, malformed: 3, queued: 1 });
    const rejects = await t.app.store.batches.rejects('b_jsonbad001', 0, 10);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [1, 'malformed'],
      [2, 'malformed'],
      [4, 'malformed'],
    ]);
  });

  it('waits when the queue is deep instead of refusing the batch', async () => {
    await withPublishedFlow({ maxQueueDepth: 1, workers: 1 });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows/orders/batches',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: SAMPLE,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<BatchAnswer>().finished).toBe(SAMPLE_ROWS);
  });

  it('stops at BATON_BATCH_LIMIT with 413 and keeps the rows it already ran', async () => {
    await withPublishedFlow({ batchLimit: 1024 });
    const big = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({
        order_id: `SO-${30000 + i}`,
        account_number: 'AB-100001',
        customer_tier: 'Gold',
        order_date: '2026-03-15',
        total: 1,
      }),
    ).map((line) => `${line}\n`);
    // Streamed line by line, as a socket would deliver it: the limit trips part-way through.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/flows/orders/batches?id=b_toolarge01',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: Readable.from(big),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large', batchId: 'b_toolarge01' });
    const batch = (await t.app.store.batches.get('b_toolarge01'))!;
    expect(batch.state).toBe('done');
    expect(batch.error).toContain('BATON_BATCH_LIMIT');
    expect(batch.counts.rows).toBeGreaterThan(0);
    expect(batch.counts.rows).toBeLessThan(40);
  });

  it('refuses a flow without a published version (409), other media types (415) and unknown batches (404)', async () => {
    t = await startTestApp();
    await t.app.inject({
      method: 'POST',
      url: '/api/flows',
      payload: { id: 'draft-only', name: 'Draft only' },
    });
    const unpublished = await t.app.inject({
      method: 'POST',
      url: '/api/flows/draft-only/batches',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b\n1,2\n',
    });
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json()).toMatchObject({ code: 'flow_not_published' });

    const json = await t.app.inject({
      method: 'POST',
      url: '/api/flows/draft-only/batches',
      headers: { 'content-type': 'application/json' },
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ code: 'unsupported_media_type' });

    const missing = await t.app.inject({ url: '/api/batches/b_nothere0001' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'batch_not_found' });
  });

  it('lets viewers read progress but not upload or download rejects', async () => {
    await withPublishedFlow();
    const { authHeaders } = await import('../support/auth.js');
    const viewer = await authHeaders(t.app, 'viewer');
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/flows/orders/batches',
      headers: { ...viewer, 'content-type': 'application/x-ndjson' },
      payload: SAMPLE,
    });
    expect(upload.statusCode).toBe(403);
    const list = await t.app.inject({ url: '/api/flows/orders/batches', headers: viewer });
    expect(list.statusCode).toBe(200);
  });
});
