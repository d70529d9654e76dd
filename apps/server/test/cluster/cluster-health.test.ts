import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import {
  checkRedisDurability,
  durabilityWarnings,
  parseRedisInfo,
  probeConnection,
} from '../../src/cluster/redis-connection.js';
import { loadConfig } from '../../src/config.js';
import { startTestApp } from '../test-app.js';
import { clusterNames, clusterOverrides, dropCluster, REDIS_URL } from './cluster-support.js';

const names = clusterNames();
afterAll(() => dropCluster(names), 30_000);

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('cluster configuration', () => {
  it('reads the cluster variables and refuses a queue without a shared database', () => {
    const config = loadConfig({
      BATON_DATABASE_URL: 'postgres://u@db/baton',
      BATON_REDIS_URL: 'redis://cache:6379',
      BATON_WORKER_CONCURRENCY: '8',
      BATON_WORKER_HEALTH_PORT: '4412',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@db/baton',
      redisUrl: 'redis://cache:6379',
      workerConcurrency: 8,
      workerHealthPort: 4412,
      queuePrefix: 'baton',
    });
    expect(() => loadConfig({ BATON_REDIS_URL: 'redis://cache:6379' })).toThrow(/needs BATON_DATABASE_URL/);
    expect(() => loadConfig({ BATON_DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(() => loadConfig({ BATON_WORKER_CONCURRENCY: '0' })).toThrow(/BATON_WORKER_CONCURRENCY/);
    // Neither set: embedded mode, exactly as before.
    expect(loadConfig({})).toMatchObject({ databaseUrl: undefined, redisUrl: undefined });
  });
});

describe('Redis durability', () => {
  it('warns unless Redis is noeviction with AOF on', () => {
    expect(durabilityWarnings({ maxmemoryPolicy: 'noeviction', appendOnly: true })).toEqual([]);
    const lossy = durabilityWarnings(
      parseRedisInfo('# Memory\r\nmaxmemory_policy:allkeys-lru\r\n# Persistence\r\naof_enabled:0\r\n'),
    );
    expect(lossy).toHaveLength(2);
    expect(lossy[0]).toMatch(/allkeys-lru.*noeviction/);
    expect(lossy[1]).toMatch(/appendonly/);
  });

  it("warns at start about this machine's Redis, which keeps nothing on disk, and still starts", async () => {
    const probe = probeConnection(REDIS_URL);
    try {
      // Read from the real server: this machine's Redis runs without AOF.
      const warnings = await checkRedisDurability(probe);
      expect(warnings.some((w) => /appendonly is off/.test(w))).toBe(true);
    } finally {
      probe.disconnect();
    }
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const t = await startTestApp({ ...clusterOverrides(names), logLevel: 'warn' }, { logStream });
    try {
      const deadline = Date.now() + 10_000;
      while (!lines.some((l) => l.includes('appendonly is off')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(lines.find((l) => l.includes('appendonly is off'))).toContain('"level":40');
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('answers sign-in and webhooks 503 dependency_unavailable with Retry-After while Redis is unreachable', async () => {
    const port = await closedPort();
    const t = await startTestApp({ ...clusterOverrides(names), redisUrl: `redis://127.0.0.1:${port}` });
    try {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: 'whatever-password' },
      });
      const hook = await t.app.inject({
        method: 'POST',
        url: '/hooks/orders',
        payload: { order_id: 'SO-1' },
      });
      for (const res of [login, hook]) {
        expect(res.statusCode).toBe(503);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.headers['retry-after']).toBe('5');
        expect(res.json()).toMatchObject({ status: 503, code: 'dependency_unavailable', retryAfter: 5 });
      }
      // The server stays up: what does not need Redis still answers.
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('/readyz answers 503 with redis failing when Redis is unreachable', async () => {
    const port = await closedPort();
    const t = await startTestApp({ ...clusterOverrides(names), redisUrl: `redis://127.0.0.1:${port}` });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'not_ready', checks: { database: 'ok', redis: 'failing' } });
    } finally {
      await t.close();
    }
  }, 60_000);
});
