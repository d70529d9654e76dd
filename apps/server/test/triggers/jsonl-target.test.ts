import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpsertRequest } from '@baton/nodes';
import { JsonlTarget, jsonlPath } from '../../src/targets/jsonl-target.js';
import { exampleSourceWritingTo, sampleRecords, startTestApp, tempDir, type TestApp } from '../test-app.js';
import { publishDirect } from '../support/reliability.js';

const write = (key: string, row: Record<string, unknown>): UpsertRequest => ({
  target: { connection: 'out', table: 'orders' },
  keyFields: ['id'],
  row,
  onConflict: 'update',
  columns: [],
  idempotencyKey: key,
});

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('JSONL file target', () => {
  it('appends one line per key; a retry of the same key appends nothing, also after reopening', async () => {
    const file = join(tempDir(), 'orders.jsonl');
    const target = new JsonlTarget(file);
    expect(await target.upsert(write('k1', { id: 1 }))).toEqual({ action: 'inserted' });
    expect(await target.upsert(write('k2', { id: 2 }))).toEqual({ action: 'inserted' });
    expect(await target.upsert(write('k1', { id: 1 }))).toEqual({ action: 'skipped' });
    expect(await target.preview(write('k3', { id: 3 }))).toEqual({ action: 'inserted' });
    target.close();

    const reopened = new JsonlTarget(file);
    expect(await reopened.upsert(write('k2', { id: 2 }))).toEqual({ action: 'skipped' });
    expect(await reopened.upsert(write('k3', { id: 3 }))).toEqual({ action: 'inserted' });
    reopened.close();
    expect(lines(file)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('drops a line a crash appended without committing its key, so the retry writes it once', async () => {
    const file = join(tempDir(), 'orders.jsonl');
    const target = new JsonlTarget(file);
    await target.upsert(write('k1', { id: 1 }));
    target.close();
    // What a crash between the append and the key commit leaves: a (possibly torn) tail.
    appendFileSync(file, '{"id":2}\n{"id":');
    const reopened = new JsonlTarget(file);
    await reopened.upsert(write('k2', { id: 2 }));
    reopened.close();
    expect(lines(file)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('keeps the lines of a file that existed before Baton wrote to it', async () => {
    const file = join(tempDir(), 'existing.jsonl');
    writeFileSync(file, '{"legacy":true}\n');
    const target = new JsonlTarget(file);
    await target.upsert(write('k1', { id: 1 }));
    target.close();
    expect(lines(file)).toEqual([{ legacy: true }, { id: 1 }]);
  });

  it.each(['../escape.jsonl', '/etc/passwd.jsonl', 'sub/dir.jsonl', 'orders.json', '..jsonl/x.jsonl'])(
    'refuses the file name %s',
    (name) => {
      expect(() => jsonlPath('/data', name)).toThrow();
    },
  );
});

describe('JSONL file connection in a flow', () => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('writes each record once, even when the same record is sent again', async () => {
    t = await startTestApp();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'out', kind: 'jsonl-file', config: { file: '../out.jsonl' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_connection' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'out', kind: 'jsonl-file', config: { file: 'orders-out.jsonl' } },
    });
    expect(created.statusCode).toBe(201);

    const source = exampleSourceWritingTo('orders');
    const writeNode = source.nodes.find((n) => n.kind === 'write')!;
    writeNode.config = { ...writeNode.config, connection: 'out' };
    await publishDirect(t.app, 'to-file', source);
    const record = sampleRecords()[1]!;
    const first = await t.app.inject({ method: 'POST', url: '/hooks/to-file', payload: record });
    expect(first.statusCode).toBe(200);
    // A new request with another Idempotency-Key: the run executes again, the write key is the same.
    const again = await t.app.inject({
      method: 'POST',
      url: '/hooks/to-file',
      headers: { 'idempotency-key': 'another-request' },
      payload: record,
    });
    expect(again.statusCode).toBe(200);
    const written = lines(join(t.config.dataDir, 'orders-out.jsonl'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ order_id: 'SO-10043' });
  });
});
