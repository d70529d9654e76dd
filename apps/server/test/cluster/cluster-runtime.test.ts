import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { ScheduleSync } from '../../src/cluster/cluster-schedules.js';
import { startWorker, type WorkerProcess } from '../../src/cluster/worker-process.js';
import { RUN_QUEUE } from '../../src/cluster/run-queue.js';
import { decideIntake } from '../../src/runner/webhook-intake.js';
import { publishDirect, order } from '../support/reliability.js';
import {
  downstreamRows,
  exampleSourceWritingTo,
  startTestApp,
  testConfig,
  type TestApp,
} from '../test-app.js';
import { clusterNames, clusterOverrides, dropCluster, eventually, REDIS_URL } from './cluster-support.js';

const names = clusterNames();
let api: TestApp;
let worker: WorkerProcess | null = null;

beforeAll(async () => {
  api = await startTestApp({ ...clusterOverrides(names) });
  await publishDirect(api.app, 'orders', exampleSourceWritingTo('cluster_orders'));
  worker = await startClusterWorker();
}, 60_000);

afterAll(async () => {
  await worker?.stop(5_000);
  await api?.close();
  await dropCluster(names);
}, 60_000);

async function startClusterWorker(): Promise<WorkerProcess> {
  // Same data folder: the embedded downstream is a file both processes reach on one machine.
  return startWorker(
    testConfig({ ...clusterOverrides(names), dataDir: api.config.dataDir, workerHealthPort: 0 }),
  );
}

describe('cluster mode in one process (API node + worker over PostgreSQL and BullMQ)', () => {
  it('acknowledges a record at once, and a worker executes it', async () => {
    const accepted = await api.app.inject({
      method: 'POST',
      url: '/hooks/orders?async=1',
      payload: order('SO-50001'),
    });
    expect(accepted.statusCode).toBe(202);
    const { runId } = accepted.json<{ runId: string }>();
    await eventually(async () => (await api.app.store.runs.get(runId))?.finishedAt != null);
    const run = await api.app.store.runs.get(runId);
    expect(run, JSON.stringify(run?.steps.map((s) => s.checks))).toMatchObject({ status: 'succeeded' });
    expect(downstreamRows(api.config.dataDir, 'cluster_orders')).toHaveLength(1);
  }, 60_000);

  it('answers a waiting webhook with the outcome the worker committed', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/hooks/orders', payload: order('SO-50002') });
    expect(res.json()).toMatchObject({ status: 'succeeded', version: 1 });
    expect(res.statusCode).toBe(200);
    const again = await api.app.inject({ method: 'POST', url: '/hooks/orders', payload: order('SO-50002') });
    expect(again.json()).toMatchObject({
      status: 'duplicate',
      duplicateOf: res.json<{ runId: string }>().runId,
    });
  }, 60_000);

  it('outbox: a run committed but never enqueued (crash in between) is enqueued by the relay on restart', async () => {
    // Exactly the state a crash right after intake's commit leaves: a queued run, no job.
    const now = new Date();
    const decision = await api.app.store.transaction((tx) =>
      decideIntake({ flowId: 'orders', record: order('SO-50003'), idempotencyKey: undefined }, tx, {
        now,
        lease: { owner: 'crashed-node', expiresAt: new Date(now.getTime() + 60_000).toISOString() },
        keysSince: new Date(0).toISOString(),
        inputs: api.app.runInputs,
      }),
    );
    if (decision.kind !== 'queued') throw new Error('expected a queued run');
    const queue = new Queue(RUN_QUEUE, { connection: { url: REDIS_URL }, prefix: names.prefix });
    try {
      expect(await queue.getJob(decision.run.id)).toBeUndefined();
      // A restarted worker (its relay runs at start) finds the committed run and enqueues it.
      await worker?.stop(5_000);
      worker = await startClusterWorker();
      await eventually(async () => (await api.app.store.runs.get(decision.run.id))?.status === 'succeeded');
      expect(await queue.getJob(decision.run.id)).toBeDefined();
    } finally {
      await queue.close();
    }
    const keys = downstreamRows(api.config.dataDir, 'cluster_orders').map((row) => row['order_id']);
    expect(keys).toEqual(['SO-50001', 'SO-50002', 'SO-50003']);
  }, 60_000);

  it('a redelivered job of a finished run is a no-op', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/hooks/orders', payload: order('SO-50004') });
    const { runId } = res.json<{ runId: string }>();
    const before = await api.app.store.runs.get(runId);
    const queue = new Queue(RUN_QUEUE, { connection: { url: REDIS_URL }, prefix: names.prefix });
    try {
      // A second job for the same run (as after a lost acknowledgement): same outcome, nothing re-run.
      const job = await queue.add('run', { runId, retryOf: null }, { jobId: `${runId}-again` });
      await eventually(async () => (await job.isCompleted()) === true);
      expect((await queue.getJob(job.id!))?.returnvalue).toMatchObject({ runId, status: 'succeeded' });
    } finally {
      await queue.close();
    }
    expect(await api.app.store.runs.get(runId)).toEqual(before);
    expect(downstreamRows(api.config.dataDir, 'cluster_orders')).toHaveLength(4);
  }, 60_000);

  it('/readyz reports the database and Redis; the worker has its own health', async () => {
    const ready = await api.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
    const address = worker!.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const health = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ready',
      checks: { database: 'ok', redis: 'ok', worker: 'ok' },
    });
  }, 30_000);

  it('schedules: one BullMQ job scheduler however many nodes sync it; each new row runs once', async () => {
    const db = new Database(join(api.config.dataDir, 'source.sqlite'));
    db.exec(
      'CREATE TABLE orders (seq INTEGER PRIMARY KEY, order_id TEXT, account_number TEXT, customer_tier TEXT, order_date TEXT, total REAL)',
    );
    const insert = db.prepare(
      'INSERT INTO orders (order_id, account_number, customer_tier, order_date, total) VALUES (?, ?, ?, ?, ?)',
    );
    for (const id of ['SO-51001', 'SO-51002', 'SO-51003'])
      insert.run(id, 'AC-123456', 'Gold', '2026-03-15', 10);
    db.close();
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'src', kind: 'sqlite-embedded', config: { file: 'source.sqlite' } },
    });
    expect(created.statusCode).toBe(201);
    const flow = exampleSourceWritingTo('scheduled_orders');
    const trigger = flow.nodes.find((n) => n.kind === 'trigger')!;
    trigger.config = {
      mode: 'schedule',
      // Every second, so the test sees several ticks.
      schedule: {
        cron: '* * * * * *',
        source: { kind: 'sql', connection: 'src', query: 'SELECT * FROM orders', cursorColumn: 'seq' },
      },
    };
    await publishDirect(api.app, 'scheduled', flow);

    // Two API nodes syncing the same published schedule.
    const connections = [
      new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
      new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
    ];
    const nodes = connections.map((c) => new ScheduleSync(c, names.prefix, api.app.store));
    try {
      expect(await nodes[0]!.syncAll()).toEqual(['scheduled']);
      expect(await nodes[1]!.syncAll()).toEqual(['scheduled']);
      expect(await nodes[0]!.queue.getJobSchedulers()).toHaveLength(1);

      const runs = async () => (await api.app.store.runs.list({ flowId: 'scheduled', limit: 100 })).items;
      await eventually(async () => (await runs()).filter((r) => r.status === 'succeeded').length === 3);
      // Later ticks find no new rows: still one run per row.
      const ticked = await nodes[0]!.queue.getCompletedCount();
      await eventually(async () => (await nodes[0]!.queue.getCompletedCount()) >= ticked + 2);
      expect((await runs()).map((r) => r.recordKey).sort()).toEqual(['SO-51001', 'SO-51002', 'SO-51003']);

      // Unpublished (here: the flow's trigger no longer a schedule) → the scheduler is removed.
      await api.app.store.transaction(async (tx) => {
        const webhook = exampleSourceWritingTo('scheduled_orders');
        const { compile } = await import('@baton/compiler');
        const { definition } = compile(webhook);
        const v = await tx.versions.create({
          flowId: 'scheduled',
          source: webhook,
          definition: definition!,
          changeNote: { reason: 't', acceptanceCheck: 't', risk: 'none' },
          now: new Date().toISOString(),
        });
        await tx.versions.publish('scheduled', v.version, new Date().toISOString(), { from: ['in_review'] });
      });
      expect(await nodes[1]!.syncAll()).toEqual([]);
      expect(await nodes[0]!.queue.getJobSchedulers()).toHaveLength(0);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
      for (const c of connections) c.disconnect();
    }
  }, 90_000);
});
