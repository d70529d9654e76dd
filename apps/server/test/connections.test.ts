import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { exampleWritingVia, order, publishDirect } from './support/reliability.js';
import { startTestApp, testConfig, type TestApp } from './test-app.js';

const PG = { host: '127.0.0.1', port: 5432, database: 'test', user: 'postgres' };
const schema = `baton_t_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client(PG);

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
});
afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

const pgConnection = {
  name: 'warehouse',
  kind: 'postgres',
  config: { ...PG, schema },
  secret: { password: 'not-needed-with-trust-auth' },
};

describe('connections API', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('creates, lists, reads, replaces and deletes connections, never answering the secret', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/connections', payload: pgConnection });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'warehouse', kind: 'postgres', hasSecret: true });
    expect(created.body).not.toContain('not-needed');
    expect(created.json().config).toMatchObject({ port: 5432, ssl: false, schema });

    const again = await t.app.inject({ method: 'POST', url: '/api/connections', payload: pgConnection });
    expect(again.json()).toMatchObject({ status: 409, code: 'connection_exists' });

    const list = (await t.app.inject('/api/connections')).json();
    expect(list.items.map((c: { name: string }) => c.name)).toEqual(['warehouse']);

    // PUT without `secret` keeps the stored one.
    const replaced = await t.app.inject({
      method: 'PUT',
      url: '/api/connections/warehouse',
      payload: { kind: 'postgres', config: { ...PG, schema, port: 5432 } },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().hasSecret).toBe(true);

    const tested = await t.app.inject({ method: 'POST', url: '/api/connections/warehouse/test' });
    expect(tested.json()).toMatchObject({ ok: true, message: expect.stringContaining('PostgreSQL') });

    // Encrypted at rest: the raw database holds no plaintext credential.
    const raw = new Database(join(t.config.dataDir, 'baton.sqlite'), { readonly: true });
    const row = raw.prepare("SELECT secret FROM connections WHERE name = 'warehouse'").get() as {
      secret: string;
    };
    raw.close();
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain('not-needed');

    const temp = await t.app.inject({
      method: 'PUT',
      url: '/api/connections/scratch',
      payload: { kind: 'sqlite-embedded', config: { file: 'scratch.sqlite' } },
    });
    expect(temp.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/connections/scratch' })).statusCode).toBe(204);
    const gone = await t.app.inject('/api/connections/scratch');
    expect(gone.json()).toMatchObject({ status: 404, code: 'connection_not_found' });
  });

  it('rejects invalid configs with a problem per field, and unsafe URLs', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'x', kind: 'sqlite-embedded', config: { file: '../../etc/passwd' } },
    });
    expect(bad.json()).toMatchObject({ status: 400, code: 'invalid_connection' });
    expect(bad.json().errors[0].path).toBe('/config/file');
    const scheme = await t.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'y', kind: 'http', config: { url: 'file:///etc/passwd' } },
    });
    expect(scheme.json()).toMatchObject({ status: 400, code: 'invalid_connection' });
  });

  it('writes records into PostgreSQL with ON CONFLICT: a re-sent record updates, never duplicates', async () => {
    await publishDirect(t.app, 'orders-to-pg', exampleWritingVia('warehouse', 'orders'));
    const send = (body: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/hooks/orders-to-pg', payload: body });
    expect((await send(order('SO-20001'))).json()).toMatchObject({ status: 'succeeded' });
    expect((await send(order('SO-20002'))).json()).toMatchObject({ status: 'succeeded' });
    // A changed record with the same key: an update of the same row.
    expect((await send(order('SO-20001', { total: '99.00' }))).json()).toMatchObject({ status: 'succeeded' });
    const rows = await admin.query(`SELECT order_id, total_cents FROM ${schema}.orders ORDER BY order_id`);
    expect(rows.rows).toEqual([
      { order_id: 'SO-20001', total_cents: '9900' },
      { order_id: 'SO-20002', total_cents: '124950' },
    ]);
    const run = (await t.app.inject('/api/runs?flowId=orders-to-pg&limit=1')).json().items[0];
    const detail = (await t.app.inject(`/api/runs/${run.id}`)).json();
    expect(detail.steps.find((s: { kind: string }) => s.kind === 'write').write).toMatchObject({
      target: 'warehouse.orders',
      action: 'updated',
    });
  });
});

describe('the secret key', () => {
  it('refuses to start with encrypted credentials and no key, or the wrong key', async () => {
    const first = await startTestApp({ secretKey: 'ab'.repeat(32) });
    await first.app.inject({ method: 'POST', url: '/api/connections', payload: pgConnection });
    await first.close({ keepData: true });

    const dataDir = first.config.dataDir;
    await expect(buildApp(testConfig({ dataDir }))).rejects.toThrow(/encrypted credentials but no key/);

    await expect(buildApp(testConfig({ dataDir, secretKey: 'cd'.repeat(32) }))).rejects.toThrow(
      /does not decrypt/,
    );
    const rightKey = await startTestApp({ dataDir, secretKey: 'ab'.repeat(32) });
    expect((await rightKey.app.inject('/api/connections/warehouse')).json().hasSecret).toBe(true);
    await rightKey.close();
  });
});
