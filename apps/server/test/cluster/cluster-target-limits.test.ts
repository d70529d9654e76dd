import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisTargetThrottle } from '../../src/cluster/redis-target-throttle.js';
import { startWorker, type WorkerProcess } from '../../src/cluster/worker-process.js';
import { TokenBucketThrottle } from '../../src/targets/target-throttle.js';
import { order, publishDirect } from '../support/reliability.js';
import { exampleSourceWritingTo, startTestApp, testConfig, type TestApp } from '../test-app.js';
import {
  clusterOverrides,
  dropCluster,
  eventually,
  REDIS_URL,
  type ClusterNames,
} from './cluster-support.js';

const suffix = randomBytes(4).toString('hex');
const names: ClusterNames = { schema: `baton_l_${suffix}`, prefix: `baton-h11-${suffix}` };
const redis = new Redis(REDIS_URL);
let api: TestApp;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  api = await startTestApp({ ...clusterOverrides(names) });
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop(5_000)));
  await api?.close();
  await dropCluster(names);
  redis.disconnect();
}, 60_000);

/** Groups admitted windows: window index → writes admitted in it. */
function perWindow(windows: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const w of windows) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

describe('per-target rate limits', () => {
  it('two throttles on one Redis never admit more than the limit in one window, and drop nothing', async () => {
    const other = new Redis(REDIS_URL);
    try {
      const a = new RedisTargetThrottle(redis, names.prefix);
      const b = new RedisTargetThrottle(other, names.prefix);
      const limit = { max: 3, perSeconds: 1 };
      const windows = await Promise.all(
        Array.from({ length: 14 }, (_, i) => (i % 2 === 0 ? a : b).acquire('unit-target', limit)),
      );
      const counts = perWindow(windows);
      expect(windows).toHaveLength(14);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(3);
      // 14 writes at 3 per window need at least five windows.
      expect(counts.size).toBeGreaterThanOrEqual(5);
      // Another connection has its own budget.
      expect(await a.acquire('other-target', limit)).toBeGreaterThan(0);
    } finally {
      other.disconnect();
    }
  }, 60_000);

  it('embedded mode: a token bucket lets a burst of max through, then one per refill', async () => {
    let now = 0;
    const slept: number[] = [];
    const bucket = new TokenBucketThrottle(
      () => now,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
    );
    const limit = { max: 2, perSeconds: 1 };
    const admitted: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () => bucket.acquire('t', limit).then(() => admitted.push(now))),
    );
    // Two at once, then one every 500 ms (the refill rate of 2 per second).
    expect(admitted).toEqual([0, 0, 500, 1000, 1500]);
  });

  it('rejects an invalid rate limit with a stable problem code', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: { name: 'bad-limit', kind: 'jsonl-file', config: { file: 'x.jsonl', rateLimit: { max: 0 } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_connection' });
  });

  it('two workers write every record to a limited connection', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: {
        name: 'limited',
        kind: 'sqlite-embedded',
        config: { file: 'limited.sqlite', rateLimit: { max: 4, perSeconds: 1 } },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ config: { rateLimit: { max: 4, perSeconds: 1 } } });
    const source = exampleSourceWritingTo('limited_orders');
    const write = source.nodes.find((n) => n.kind === 'write')!;
    write.config = { ...write.config, connection: 'limited' };
    await publishDirect(api.app, 'limited-orders', source);
    for (let i = 0; i < 2; i += 1) {
      workers.push(
        await startWorker(
          testConfig({ ...clusterOverrides(names), dataDir: api.config.dataDir, workerHealthPort: 0 }),
        ),
      );
    }
    const runIds: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await api.app.inject({
        method: 'POST',
        url: '/hooks/limited-orders?async=1',
        payload: order(`SO-7${String(i).padStart(4, '0')}`),
      });
      expect(res.statusCode).toBe(202);
      runIds.push(res.json<{ runId: string }>().runId);
    }
    await eventually(async () => {
      const runs = await Promise.all(runIds.map((id) => api.app.store.runs.get(id)));
      return runs.every((run) => run?.finishedAt != null);
    });
    const runs = await Promise.all(runIds.map((id) => api.app.store.runs.get(id)));
    expect(runs.map((run) => run?.status)).toEqual(runIds.map(() => 'succeeded'));
    const db = new Database(join(api.config.dataDir, 'limited.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM "limited_orders"').get()).toEqual({ n: 10 });
    } finally {
      db.close();
    }
    // The counters the workers shared: no window of the connection admitted more than 4.
    const keys = await redis.keys(`${names.prefix}:target-rate:limited:*`);
    const counts = await Promise.all(keys.map(async (key) => Number(await redis.get(key))));
    expect(keys.length).toBeGreaterThan(0);
    expect(counts.every((n) => n > 0)).toBe(true);
  }, 120_000);
});
