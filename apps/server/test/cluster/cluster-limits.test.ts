import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_BATCH_COUNTS, type BatchRecord } from '@baton/store';
import { RedisRateLimiter } from '../../src/auth/rate-limiter.js';
import { BatchLiveness } from '../../src/cluster/batch-liveness.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { clusterOverrides, dropCluster, REDIS_URL, type ClusterNames } from './cluster-support.js';

const suffix = randomBytes(4).toString('hex');
const names: ClusterNames = { schema: `baton_l_${suffix}`, prefix: `baton-h11-${suffix}` };
const redis = new Redis(REDIS_URL);
let first: TestApp;
let second: TestApp | null = null;

beforeAll(async () => {
  first = await startTestApp({ ...clusterOverrides(names), hookRateLimit: 4 }, {}, { as: null });
}, 60_000);

afterAll(async () => {
  await second?.close();
  await first?.close();
  await dropCluster(names);
  redis.disconnect();
}, 60_000);

async function startSecond(): Promise<TestApp> {
  second = await startTestApp({ ...clusterOverrides(names), hookRateLimit: 4 }, {}, { as: null });
  return second;
}

describe('rate limiters shared through Redis', () => {
  it('two limiters on one Redis count one fixed window together, and reset clears it', async () => {
    const other = new Redis(REDIS_URL);
    try {
      const a = new RedisRateLimiter(redis, `${names.prefix}:ratelimit:unit`, 3, 60_000);
      const b = new RedisRateLimiter(other, `${names.prefix}:ratelimit:unit`, 3, 60_000);
      expect([await a.hit('k'), await b.hit('k'), await a.hit('k')]).toEqual([0, 0, 0]);
      const wait = await b.hit('k');
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
      expect(await a.hit('other-key')).toBe(0);
      await a.reset('k');
      expect(await b.hit('k')).toBe(0);
    } finally {
      other.disconnect();
    }
  });

  it('sign-in attempts are limited across API nodes', async () => {
    const node2 = await startSecond();
    const attempt = (app: TestApp) =>
      app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'mallory', password: 'wrong-password' },
      });
    // The per-user limit is 10 per window: five wrong guesses on each node use it up.
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt(first)).statusCode).toBe(401);
      expect((await attempt(node2)).statusCode).toBe(401);
    }
    const refused = await attempt(first);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(node2)).statusCode).toBe(429);
  }, 60_000);

  it('webhook requests per flow are limited across API nodes', async () => {
    const node2 = second ?? (await startSecond());
    const hook = (app: TestApp, flowId: string) =>
      app.app.inject({ method: 'POST', url: `/hooks/${flowId}`, payload: { a: 1 } });
    // hookRateLimit 4: two on each node; the fifth is refused whichever node takes it.
    const statuses = [
      (await hook(first, 'limited')).statusCode,
      (await hook(node2, 'limited')).statusCode,
      (await hook(first, 'limited')).statusCode,
      (await hook(node2, 'limited')).statusCode,
    ];
    expect(statuses).not.toContain(429);
    expect((await hook(node2, 'limited')).statusCode).toBe(429);
    expect((await hook(first, 'limited')).statusCode).toBe(429);
    // Another flow has its own window.
    expect((await hook(first, 'other-flow')).statusCode).not.toBe(429);
  }, 60_000);
});

describe('cluster start-up leaves other nodes’ batches alone', () => {
  function batch(id: string): BatchRecord {
    return {
      id,
      flowId: 'orders',
      version: 1,
      format: 'jsonl',
      fileName: null,
      state: 'running',
      counts: { ...EMPTY_BATCH_COUNTS },
      bytes: 0,
      createdBy: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
    };
  }

  it('interrupts an orphaned batch but not one a live node is streaming', async () => {
    const liveness = new BatchLiveness(redis, names.prefix);
    await first.app.store.batches.create(batch(`b_live_${suffix}`));
    await first.app.store.batches.create(batch(`b_orphan_${suffix}`));
    const release = await liveness.track(`b_live_${suffix}`);
    try {
      // A node starting now (a restart, a scale-out) runs the start-up sweep.
      const starting = await startTestApp({ ...clusterOverrides(names) }, {}, { as: null });
      await starting.close();
      expect((await first.app.store.batches.get(`b_live_${suffix}`))?.state).toBe('running');
      expect(await first.app.store.batches.get(`b_orphan_${suffix}`)).toMatchObject({
        state: 'interrupted',
        error: 'the server stopped before the batch finished',
      });
    } finally {
      await release();
    }
    expect(await liveness.liveIds()).not.toContain(`b_live_${suffix}`);
  }, 60_000);
});
