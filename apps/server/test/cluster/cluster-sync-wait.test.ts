import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type WorkerProcess } from '../../src/cluster/worker-process.js';
import { order, publishDirect } from '../support/reliability.js';
import {
  downstreamRows,
  exampleSourceWritingTo,
  startTestApp,
  testConfig,
  type TestApp,
} from '../test-app.js';
import { clusterNames, clusterOverrides, dropCluster, eventually } from './cluster-support.js';

const names = clusterNames();
let api: TestApp;
let worker: WorkerProcess | null = null;

beforeAll(async () => {
  // No worker yet: the API node alone, with a short wait for outcomes.
  api = await startTestApp({ ...clusterOverrides(names), syncWaitMs: 300 });
  await publishDirect(api.app, 'orders', exampleSourceWritingTo('sync_wait_orders'));
}, 60_000);

afterAll(async () => {
  await worker?.stop(5_000);
  await api?.close();
  await dropCluster(names);
}, 60_000);

describe('cluster mode: a waiting webhook while no worker is up', () => {
  it('is answered 202 with the committed run after BATON_SYNC_WAIT_MS, which a later worker finishes', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/hooks/orders', payload: order('SO-57001') });
    expect(res.statusCode).toBe(202);
    const { runId, status } = res.json<{ runId: string; status: string }>();
    expect(status).toBe('queued');
    // Acknowledged, so committed: the run is in the shared store before any worker exists.
    expect((await api.app.store.runs.get(runId))?.status).toBe('queued');

    worker = await startWorker(
      testConfig({ ...clusterOverrides(names), dataDir: api.config.dataDir, workerHealthPort: 0 }),
    );
    await eventually(async () => (await api.app.store.runs.get(runId))?.status === 'succeeded');
    expect(downstreamRows(api.config.dataDir, 'sync_wait_orders').map((r) => r.order_id)).toEqual([
      'SO-57001',
    ]);
  }, 90_000);
});
