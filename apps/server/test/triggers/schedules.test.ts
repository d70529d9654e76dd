import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowSource } from '@baton/schema';
import { runScheduleTick } from '../../src/triggers/index.js';
import { exampleSourceWritingTo, startTestApp, type TestApp } from '../test-app.js';
import { publishDirect, startEndpoint, type Endpoint } from '../support/reliability.js';

const order = (seq: number) => ({
  seq,
  order_id: `SO-${40000 + seq}`,
  account_number: 'AB-100001',
  customer_tier: 'Gold',
  order_date: '2026-03-15',
  total: 10 + seq,
});

/** The example flow, started by a schedule that never fires on its own during a test (1 Jan). */
function scheduledSource(source: Record<string, unknown>, cron = '0 0 1 1 *'): FlowSource {
  const flow = exampleSourceWritingTo('scheduled_orders');
  const trigger = flow.nodes.find((n) => n.kind === 'trigger')!;
  trigger.config = { mode: 'schedule', schedule: { cron, source } };
  return flow;
}

interface Status {
  configured: boolean;
  active: boolean;
  nextRuns: string[];
  cursor: unknown;
  lastStarted: number;
  totalStarted: number;
  lastError: string | null;
  lastTickAt: string | null;
}

async function runsOf(t: TestApp, flowId: string): Promise<Array<{ status: string }>> {
  // Ticks dispatch their runs right away; waiting for them to finish keeps counts stable.
  for (;;) {
    const items = (await t.app.inject({ url: `/api/runs?flowId=${flowId}&limit=200` })).json<{
      items: Array<{ status: string }>;
    }>().items;
    if (items.every((r) => r.status !== 'queued' && r.status !== 'running')) return items;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('schedule trigger with a SQL source (embedded SQLite)', () => {
  let t: TestApp;
  afterEach(async () => t?.close());

  function sourceDb(dataDir: string): Database.Database {
    const db = new Database(join(dataDir, 'source.sqlite'));
    db.exec(
      'CREATE TABLE IF NOT EXISTS orders (seq INTEGER PRIMARY KEY, order_id TEXT, account_number TEXT, customer_tier TEXT, order_date TEXT, total REAL)',
    );
    return db;
  }
  const insert = (db: Database.Database, seqs: number[]) => {
    const stmt = db.prepare(
      'INSERT INTO orders VALUES (@seq, @order_id, @account_number, @customer_tier, @order_date, @total)',
    );
    for (const seq of seqs) stmt.run(order(seq));
  };

  it('starts one run per new row, moves the cursor, and neither skips nor repeats across a restart', async () => {
    t = await startTestApp();
    const db = sourceDb(t.config.dataDir);
    insert(db, [1, 2, 3]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'src', kind: 'sqlite-embedded', config: { file: 'source.sqlite' } },
    });
    expect(created.statusCode).toBe(201);
    await publishDirect(
      t.app,
      'sched',
      scheduledSource({
        kind: 'sql',
        connection: 'src',
        query: 'SELECT * FROM orders',
        cursorColumn: 'seq',
        limit: 2,
      }),
    );
    await t.app.schedules.sync('sched');

    const before = (await t.app.inject({ url: '/api/flows/sched/schedule' })).json<Status>();
    expect(before).toMatchObject({ configured: true, active: true, cursor: null, totalStarted: 0 });
    expect(before.nextRuns).toHaveLength(3);
    expect(before.nextRuns[0]).toMatch(/-01-01T/);

    // The limit is 2: the first tick takes rows 1-2, the second row 3, the third nothing.
    const first = await t.app.inject({ method: 'POST', url: '/api/flows/sched/schedule/run-now' });
    expect(first.json()).toEqual({ started: 2, skipped: 0, cursor: 2 });
    const second = await t.app.inject({ method: 'POST', url: '/api/flows/sched/schedule/run-now' });
    expect(second.json()).toEqual({ started: 1, skipped: 0, cursor: 3 });
    const third = await t.app.inject({ method: 'POST', url: '/api/flows/sched/schedule/run-now' });
    expect(third.json()).toEqual({ started: 0, skipped: 0, cursor: 3 });
    expect(await runsOf(t, 'sched')).toHaveLength(3);

    insert(db, [4]);
    db.close();
    await t.close({ keepData: true });
    t = await startTestApp({ dataDir: t.config.dataDir });
    const after = await t.app.inject({ method: 'POST', url: '/api/flows/sched/schedule/run-now' });
    expect(after.json()).toEqual({ started: 1, skipped: 0, cursor: 4 });
    expect(await runsOf(t, 'sched')).toHaveLength(4);
    const status = (await t.app.inject({ url: '/api/flows/sched/schedule' })).json<Status>();
    expect(status).toMatchObject({ cursor: 4, lastStarted: 1, totalStarted: 4, lastError: null });
  });

  it('never enqueues a row twice when two ticks overlap (the cursor is compared and set)', async () => {
    t = await startTestApp();
    const db = sourceDb(t.config.dataDir);
    insert(db, [1, 2, 3, 4, 5]);
    db.close();
    await t.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'src', kind: 'sqlite-embedded', config: { file: 'source.sqlite' } },
    });
    await publishDirect(
      t.app,
      'sched',
      scheduledSource({
        kind: 'sql',
        connection: 'src',
        query: 'SELECT * FROM orders',
        cursorColumn: 'seq',
        limit: 100,
      }),
    );
    const definition = (await t.app.store.versions.get('sched', 1))!.definition;
    const target = { flowId: 'sched', nodeId: definition.nodes.find((n) => n.kind === 'trigger')!.id };
    // Two processes ticking at once: both read rows 1-5 from cursor null; one commits, one rolls back.
    const results = await Promise.allSettled([
      runScheduleTick(t.app.scheduleTickDeps, target),
      runScheduleTick(t.app.scheduleTickDeps, target),
    ]);
    const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.started] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code?: string }] : []));
    expect(started).toEqual([5]);
    expect(refused.map((e) => e.code)).toEqual(['schedule_tick_busy']);
    expect(await runsOf(t, 'sched')).toHaveLength(5);

    // In one process, a second run-now while a tick runs is refused outright.
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: '/api/flows/sched/schedule/run-now' }),
      t.app.inject({ method: 'POST', url: '/api/flows/sched/schedule/run-now' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('stops when the published version no longer has a schedule, and reports flows without one', async () => {
    t = await startTestApp();
    await publishDirect(
      t.app,
      'sched',
      scheduledSource({ kind: 'http', url: 'https://example.invalid/orders', cursorField: 'seq', limit: 10 }),
    );
    await t.app.schedules.sync('sched');
    expect(t.app.schedules.status('sched').active).toBe(true);

    // A new version with a webhook trigger supersedes the scheduled one.
    const webhook = exampleSourceWritingTo('scheduled_orders');
    const { compile } = await import('@baton/compiler');
    const now = new Date().toISOString();
    await t.app.store.transaction(async (tx) => {
      const v = await tx.versions.create({
        flowId: 'sched',
        source: webhook,
        definition: compile(webhook).definition!,
        changeNote: { reason: 'test', acceptanceCheck: 'test', risk: 'none' },
        now,
      });
      await tx.versions.publish('sched', v.version, now);
    });
    await t.app.schedules.sync('sched');
    const status = (await t.app.inject({ url: '/api/flows/sched/schedule' })).json<Status>();
    expect(status).toMatchObject({ configured: false, active: false, nextRuns: [] });
    const runNow = await t.app.inject({ method: 'POST', url: '/api/flows/sched/schedule/run-now' });
    expect(runNow.statusCode).toBe(409);
    expect(runNow.json()).toMatchObject({ code: 'schedule_not_configured' });
    expect((await t.app.inject({ url: '/api/flows/nope/schedule' })).statusCode).toBe(404);

    // Rolling back to the scheduled version starts it again, with no sync call from the test.
    const rollback = await t.app.inject({
      method: 'POST',
      url: '/api/flows/sched/rollback',
      payload: { version: 1, reason: 'the schedule was right' },
    });
    expect(rollback.statusCode, rollback.body).toBe(200);
    while (!t.app.schedules.status('sched').active) await new Promise((r) => setTimeout(r, 10));
    const back = (await t.app.inject({ url: '/api/flows/sched/schedule' })).json<Status>();
    expect(back).toMatchObject({ configured: true, active: true });
  });

  it('previews cron expressions with croner', async () => {
    t = await startTestApp();
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/schedules/preview',
      payload: { cron: '*/15 * * * *', timezone: 'Europe/Amsterdam' },
    });
    expect(ok.json<{ valid: boolean; nextRuns: string[] }>().nextRuns).toHaveLength(3);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/schedules/preview',
      payload: { cron: '61 * * * *' },
    });
    // In the words of the trigger's diagnostic, not croner's.
    expect(bad.json()).toEqual({ valid: false, nextRuns: [], error: '"61" is not a valid minute' });
    const zone = await t.app.inject({
      method: 'POST',
      url: '/api/schedules/preview',
      payload: { cron: '*/15 * * * *', timezone: 'Mars/Olympus' },
    });
    expect(zone.json()).toMatchObject({ valid: false, nextRuns: [] });
  });
});

describe('schedule trigger with an HTTP source', () => {
  let t: TestApp;
  let endpoint: Endpoint;
  beforeAll(async () => {
    endpoint = await startEndpoint((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify([order(3), order(1), order(2)]));
    });
  });
  afterAll(async () => endpoint.close());
  afterEach(async () => t?.close());

  it('refuses a loopback source through the egress guard and records the error', async () => {
    t = await startTestApp();
    await publishDirect(
      t.app,
      'pull',
      scheduledSource({ kind: 'http', url: `${endpoint.url}/orders`, cursorField: 'seq', limit: 10 }),
    );
    const res = await t.app.inject({ method: 'POST', url: '/api/flows/pull/schedule/run-now' });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'schedule_source_failed' });
    const status = (await t.app.inject({ url: '/api/flows/pull/schedule' })).json<Status>();
    expect(status.lastError).toMatch(/egress refused/);
    expect(status.cursor).toBeNull();
  });

  it('starts runs for the items after the cursor, in cursor order, when the address is allowed', async () => {
    t = await startTestApp({ egressAllow: ['127.0.0.1'] });
    await publishDirect(
      t.app,
      'pull',
      scheduledSource({ kind: 'http', url: `${endpoint.url}/orders`, cursorField: 'seq', limit: 2 }),
    );
    const first = await t.app.inject({ method: 'POST', url: '/api/flows/pull/schedule/run-now' });
    expect(first.json()).toEqual({ started: 2, skipped: 0, cursor: 2 });
    const second = await t.app.inject({ method: 'POST', url: '/api/flows/pull/schedule/run-now' });
    expect(second.json()).toEqual({ started: 1, skipped: 0, cursor: 3 });
    expect(await runsOf(t, 'pull')).toHaveLength(3);
  });
});

describe('schedule trigger with a SQL source (PostgreSQL)', () => {
  const table = `baton_sched_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  let t: TestApp;
  beforeAll(async () => {
    await client.connect();
    await client.query(
      `CREATE TABLE ${table} (id BIGINT PRIMARY KEY, order_id TEXT, account_number TEXT, customer_tier TEXT, order_date TEXT, total NUMERIC, created_at TIMESTAMPTZ DEFAULT now())`,
    );
    for (const seq of [10, 20, 30]) {
      const o = order(seq);
      await client.query(
        `INSERT INTO ${table} (id, order_id, account_number, customer_tier, order_date, total) VALUES ($1, $2, $3, $4, $5, $6)`,
        [seq, o.order_id, o.account_number, o.customer_tier, o.order_date, o.total],
      );
    }
  });
  afterAll(async () => {
    await t?.close();
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  });

  it('pulls rows above the cursor from a named postgres connection', async () => {
    t = await startTestApp();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: {
        name: 'pgsrc',
        kind: 'postgres',
        config: { host: '127.0.0.1', port: 5432, database: 'test', user: 'postgres' },
      },
    });
    expect(created.statusCode).toBe(201);
    await publishDirect(
      t.app,
      'pgpull',
      scheduledSource({
        kind: 'sql',
        connection: 'pgsrc',
        query: `SELECT * FROM ${table} WHERE id > 10`,
        cursorColumn: 'id',
        limit: 100,
      }),
    );
    const first = await t.app.inject({ method: 'POST', url: '/api/flows/pgpull/schedule/run-now' });
    // BIGINT comes back from pg as text: the cursor is the string "30", compared as text next time.
    expect(first.json()).toEqual({ started: 2, skipped: 0, cursor: '30' });
    await client.query(`INSERT INTO ${table} (id, order_id) VALUES (40, 'SO-40040')`);
    const second = await t.app.inject({ method: 'POST', url: '/api/flows/pgpull/schedule/run-now' });
    expect(second.json()).toEqual({ started: 1, skipped: 0, cursor: '40' });
    expect(await runsOf(t, 'pgpull')).toHaveLength(3);
  });
});
