import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock } from '@baton/engine';
import { WorkerReadiness } from '@baton/schema/api';
import type { Config } from '../config.js';
import { createLogger } from '../logger.js';
import { connectionsPlugin } from '../plugins/connections-plugin.js';
import { downstreamPlugin } from '../plugins/downstream-plugin.js';
import { runInputsPlugin } from '../plugins/run-inputs-plugin.js';
import { storePlugin } from '../plugins/store-plugin.js';
import { Runner } from '../runner/runner.js';
import { TargetRouter } from '../targets/target-router.js';
import { EgressGuard } from '../targets/ssrf-guard.js';
import { scheduleTickWorker } from './cluster-schedules.js';
import { ClusterWorker } from './cluster-worker.js';
import { OutboxRelay } from './outbox-relay.js';
import { checkRedisDurability, pingRedis, probeConnection, queueConnection } from './redis-connection.js';
import { RedisTargetThrottle } from './redis-target-throttle.js';
import { RunQueue } from './run-queue.js';

export interface WorkerProcess {
  /** The health server (`/healthz`, `/readyz`); listening once `start` resolved. */
  app: FastifyInstance;
  /** Graceful: stops taking jobs, finishes (or after the timeout releases) the active ones, closes. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * `baton worker`: the same store, targets and input key as an API node, and a BullMQ consumer
 * instead of routes. Its own small HTTP server answers health on `BATON_WORKER_HEALTH_PORT`.
 */
export async function startWorker(config: Config): Promise<WorkerProcess> {
  if (!config.redisUrl || !config.databaseUrl) {
    throw new Error('baton worker needs BATON_DATABASE_URL and BATON_REDIS_URL (cluster mode)');
  }
  const app = Fastify({ loggerInstance: createLogger(config.logLevel) });
  await app.register(storePlugin, {
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
  });
  await app.register(downstreamPlugin, { dataDir: config.dataDir });
  // Connection rate limits count in Redis, so they hold across every worker process.
  const throttleRedis = queueConnection(config.redisUrl);
  await app.register(connectionsPlugin, {
    throttle: new RedisTargetThrottle(throttleRedis, config.queuePrefix),
    dataDir: config.dataDir,
    secretKey: config.secretKey,
    secretKeyFile: config.secretKeyFile,
    egressAllow: config.egressAllow,
    clock: systemClock,
  });
  await app.register(runInputsPlugin, {
    dataDir: config.dataDir,
    secretKey: config.secretKey,
    secretKeyFile: config.secretKeyFile,
  });

  const connection = queueConnection(config.redisUrl);
  const probe = probeConnection(config.redisUrl);
  for (const redis of [connection, probe, throttleRedis]) {
    redis.on('error', (error: Error) => app.log.debug({ err: error }, 'redis connection error'));
  }
  const runner = new Runner({
    store: app.store,
    targets: new TargetRouter(app.downstream, app.connections),
    clock: systemClock,
    options: {
      workers: config.workerConcurrency,
      maxQueueDepth: Number.MAX_SAFE_INTEGER,
      leaseMs: config.leaseMs,
      idempotencyWindowMs: config.idempotencyWindowMs,
    },
    inputs: app.runInputs,
    onError: (err, context) => app.log.error({ err, context }, 'runner error'),
  });
  const queue = new RunQueue(connection, config.queuePrefix);
  const relay = new OutboxRelay({
    store: app.store,
    enqueue: (data) => queue.enqueue(data),
    leaseMs: config.leaseMs,
    onError: (error) => app.log.error({ err: error }, 'outbox relay error'),
  });
  const consumer = new ClusterWorker({
    connection,
    prefix: config.queuePrefix,
    store: app.store,
    runner,
    concurrency: config.workerConcurrency,
    onError: (error) => app.log.error({ err: error }, 'worker error'),
  });

  const ticks = scheduleTickWorker({
    connection,
    prefix: config.queuePrefix,
    deps: {
      store: app.store,
      clock: systemClock,
      inputs: app.runInputs,
      idempotencyWindowMs: config.idempotencyWindowMs,
      connections: app.connections,
      guard: new EgressGuard({ allow: config.egressAllow }),
      dataDir: config.dataDir,
    },
    enqueue: (runId) => queue.enqueue({ runId, retryOf: null }),
    onError: (error) => app.log.error({ err: error }, 'schedule worker error'),
  });

  app.get('/healthz', async () => ({ status: 'ok' as const }));
  app.get(
    '/readyz',
    { schema: { response: { 200: WorkerReadiness, 503: WorkerReadiness } } },
    async (_request, reply) => {
      const state = (ping: () => Promise<unknown>) =>
        ping().then(
          () => 'ok' as const,
          () => 'failing' as const,
        );
      const [database, redis] = await Promise.all([
        state(() => app.store.ping()),
        state(() => pingRedis(probe)),
      ]);
      const worker =
        consumer.worker.isRunning() && !consumer.worker.closing ? ('ok' as const) : ('failing' as const);
      const ready = database === 'ok' && redis === 'ok' && worker === 'ok';
      return reply.code(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        checks: { database, redis, worker },
        concurrency: config.workerConcurrency,
      });
    },
  );

  for (const warning of await checkRedisDurability(probe)) app.log.warn(warning);
  relay.start().catch((error: unknown) => app.log.error({ err: error }, 'outbox relay could not start'));
  await app.listen({ port: config.workerHealthPort, host: config.host });

  let stopping: Promise<void> | null = null;
  const stop = (timeoutMs = 30_000) =>
    (stopping ??= (async () => {
      await relay.stop();
      await Promise.all([consumer.close(timeoutMs), ticks.close()]);
      await runner.stop(timeoutMs);
      await queue.close();
      connection.disconnect();
      probe.disconnect();
      throttleRedis.disconnect();
      await app.close();
    })());
  return { app, stop };
}
