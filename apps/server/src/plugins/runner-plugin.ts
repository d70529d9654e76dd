import fp from 'fastify-plugin';
import type { Clock } from '@baton/nodes';
import type { ClusterProducer } from '../cluster/cluster-producer.js';
import { Runner, type RunnerOptions } from '../runner/runner.js';
import { TargetRouter } from '../targets/target-router.js';

declare module 'fastify' {
  interface FastifyInstance {
    runner: Runner;
    clock: Clock;
    /** Cluster mode: resolves when Redis answers (for `/readyz`); null in embedded mode. */
    redisPing: (() => Promise<void>) | null;
  }
}

export interface RunnerPluginOptions {
  clock: Clock;
  runner: RunnerOptions;
  /** Cluster mode (`BATON_REDIS_URL`): runs are executed by `baton worker` processes through BullMQ. */
  cluster?: { redisUrl: string; queuePrefix: string } | undefined;
}

/**
 * The in-process runner. When the app is ready it first finishes runs a crash left behind
 * (their records were acknowledged, so they must complete), then the app starts answering.
 * On close it lets queued runs finish before the databases close.
 */
export const runnerPlugin = fp<RunnerPluginOptions>(
  async (app, options) => {
    // Imported in cluster mode only: it brings BullMQ and ioredis (~30 MB of RSS).
    const cluster: ClusterProducer | null = options.cluster
      ? new (await import('../cluster/cluster-producer.js')).ClusterProducer({
          ...options.cluster,
          store: app.store,
          leaseMs: options.runner.leaseMs,
          log: app.log,
        })
      : null;
    const runner = new Runner({
      store: app.store,
      targets: new TargetRouter(app.downstream, app.connections),
      clock: options.clock,
      options: options.runner,
      inputs: app.runInputs,
      onError: (err, context) => app.log.error({ err, context }, 'runner error'),
      ...(cluster && { dispatcher: cluster.queue }),
    });
    app.decorate('clock', options.clock);
    app.decorate('runner', runner);
    app.decorate('redisPing', cluster ? () => cluster.ping() : null);
    app.addHook('onReady', async () => {
      // Other nodes share the database: their runs are not ours to claim. The relay enqueues
      // what a crash left, and workers execute it.
      if (cluster) return cluster.start();
      const recovered = await runner.recover();
      if (recovered > 0) app.log.info({ recovered }, 'finished runs left unfinished by the last shutdown');
    });
    app.addHook('onClose', async () => {
      await runner.stop();
      await cluster?.close();
    });
  },
  {
    name: 'baton-runner',
    fastify: '5.x',
    dependencies: ['baton-store', 'baton-downstream', 'baton-connections', 'baton-run-inputs'],
  },
);
