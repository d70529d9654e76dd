import fp from 'fastify-plugin';
import { EgressGuard } from '../targets/ssrf-guard.js';
import type { Redis } from 'ioredis';
import { BatchLiveness, TrackedBatchService } from '../cluster/batch-liveness.js';
import type { BatchService } from './batch-service.js';
import { ScheduleManager } from './schedule-manager.js';
import type { ScheduleTickDeps } from './schedule-tick.js';

declare module 'fastify' {
  interface FastifyInstance {
    schedules: ScheduleManager;
    /** What `runScheduleTick` needs; cluster mode's job scheduler calls it with these. */
    scheduleTickDeps: ScheduleTickDeps;
    batches: BatchService;
  }
}

export interface TriggersPluginOptions {
  dataDir: string;
  egressAllow: readonly string[];
  idempotencyWindowMs: number;
  batchLimit: number;
  batchConcurrency: number;
  /** Cluster mode: no in-process cron (BullMQ's scheduler fires ticks) and queued runs go out through the relay. */
  cluster: boolean;
  /** Cluster mode: where live batches are marked, so start-up leaves other nodes' batches alone. */
  clusterRedis?: { redisUrl: string; queuePrefix: string } | undefined;
  /** Seconds between passes that re-check every flow's schedule (deleted flows, other processes' publishes). */
  resyncSeconds?: number;
}

/** Routes after which a flow's published version may have changed, so its schedule is re-synced. */
const PUBLISHING_ROUTES = new Set([
  'POST /api/flows/:id/versions/:n/publish',
  'POST /api/flows/:id/rollback',
  'DELETE /api/flows/:id',
]);

/**
 * Schedule and batch triggers. Schedules follow the published version: they start, change and
 * stop as versions are published or rolled back and flows deleted.
 */
export const triggersPlugin = fp<TriggersPluginOptions>(
  async (app, options) => {
    const deps: ScheduleTickDeps = {
      store: app.store,
      clock: app.clock,
      inputs: app.runInputs,
      connections: app.connections,
      guard: new EgressGuard({ allow: options.egressAllow }),
      dataDir: options.dataDir,
      idempotencyWindowMs: options.idempotencyWindowMs,
      // Embedded: claim the just-committed runs now instead of at the reconciler's next pass.
      dispatch: options.cluster ? async () => undefined : async () => void (await app.runner.reconcile()),
    };
    const schedules = new ScheduleManager(deps, app.log, !options.cluster);
    app.decorate('schedules', schedules);
    app.decorate('scheduleTickDeps', deps);
    const batches = new TrackedBatchService({
      store: app.store,
      runner: app.runner,
      clock: app.clock,
      options: { maxBytes: options.batchLimit, concurrency: options.batchConcurrency },
    });
    // One retry, not the default twenty: an unreachable Redis must not stall start-up or uploads.
    // ioredis is imported in cluster mode only: an embedded Baton never loads it.
    const redis: Redis | null = options.clusterRedis
      ? new (await import('ioredis')).Redis(options.clusterRedis.redisUrl, { maxRetriesPerRequest: 1 })
      : null;
    redis?.on('error', (err: Error) => app.log.debug({ err }, 'redis connection error'));
    const liveness =
      redis && options.clusterRedis ? new BatchLiveness(redis, options.clusterRedis.queuePrefix) : null;
    if (liveness) batches.useLiveness(liveness);
    app.decorate('batches', batches);

    let resync: NodeJS.Timeout | null = null;
    app.addHook('onReady', async () => {
      // Cluster mode: batches other live nodes are streaming are theirs, not a crash's leftovers.
      // Without Redis we cannot tell them apart, so nothing is interrupted (a later start will).
      const keep = liveness ? await liveness.liveIds().catch(() => null) : [];
      if (keep === null) {
        app.log.warn('Redis unreachable at start-up: unfinished batches left as they are');
      } else {
        const at = app.clock.now().toISOString();
        const interrupted = await app.store.batches.interruptUnfinished(at, keep);
        if (interrupted > 0) app.log.warn({ interrupted }, 'batches cut off by the last shutdown');
      }
      await schedules.syncAll();
      resync = setInterval(
        () =>
          void schedules.syncAll().catch((err: unknown) => app.log.warn({ err }, 'schedule resync failed')),
        (options.resyncSeconds ?? 60) * 1000,
      );
      resync.unref();
    });
    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode >= 300) return;
      if (!PUBLISHING_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)) return;
      const flowId = (request.params as { id?: string }).id;
      if (flowId)
        await schedules
          .sync(flowId)
          .catch((err: unknown) => app.log.warn({ err, flowId }, 'schedule sync failed'));
    });
    app.addHook('onClose', async () => {
      if (resync) clearInterval(resync);
      schedules.stop();
      redis?.disconnect();
    });
  },
  {
    name: 'baton-triggers',
    fastify: '5.x',
    dependencies: ['baton-store', 'baton-connections', 'baton-run-inputs', 'baton-runner'],
  },
);
