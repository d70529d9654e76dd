import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '@baton/store';
import { ScheduleSync } from './cluster-schedules.js';
import { OutboxRelay } from './outbox-relay.js';
import { checkRedisDurability, pingRedis, probeConnection, queueConnection } from './redis-connection.js';
import { RunQueue } from './run-queue.js';

export interface ClusterProducerOptions {
  redisUrl: string;
  queuePrefix: string;
  store: Store;
  leaseMs: number;
  log: FastifyBaseLogger;
}

/**
 * What an API/webhook node (`baton start` in cluster mode) runs: the run queue it hands
 * committed runs to, the outbox relay and the Redis checks. Nothing here blocks start-up on
 * Redis: a node whose Redis is down still starts, answers `/readyz` 503 and acknowledges
 * records (they are committed to PostgreSQL; the relay enqueues them once Redis is back).
 */
export class ClusterProducer {
  readonly queue: RunQueue;
  private readonly connection;
  private readonly probe;
  private readonly relay: OutboxRelay;
  private readonly schedules: ScheduleSync;
  private scheduleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ClusterProducerOptions) {
    this.connection = queueConnection(options.redisUrl);
    this.probe = probeConnection(options.redisUrl);
    // ioredis reports connection errors as events; without a listener they would be thrown.
    for (const redis of [this.connection, this.probe]) {
      redis.on('error', (error: Error) => options.log.debug({ err: error }, 'redis connection error'));
    }
    this.queue = new RunQueue(this.connection, options.queuePrefix);
    this.queue.queue.on('error', (error) => options.log.warn({ err: error }, 'run queue error'));
    this.schedules = new ScheduleSync(this.connection, options.queuePrefix, options.store);
    this.schedules.queue.on('error', (error) => options.log.debug({ err: error }, 'schedule queue error'));
    this.relay = new OutboxRelay({
      store: options.store,
      enqueue: (data) => this.queue.enqueue(data),
      leaseMs: options.leaseMs,
      onError: (error) => options.log.error({ err: error }, 'outbox relay error'),
    });
  }

  /**
   * Warns about Redis settings that lose jobs, relays what earlier nodes left and keeps the
   * schedules' job schedulers in step with published versions (all in the background).
   */
  start(): void {
    const syncSchedules = () =>
      this.schedules
        .syncAll()
        .catch((error: unknown) => this.options.log.warn({ err: error }, 'schedule sync failed'));
    void syncSchedules();
    this.scheduleTimer = setInterval(() => void syncSchedules(), 15_000);
    this.scheduleTimer.unref();
    void checkRedisDurability(this.probe).then((warnings) => {
      for (const warning of warnings) this.options.log.warn(warning);
    });
    this.relay.start().then(
      (enqueued) => {
        if (enqueued > 0) this.options.log.info({ enqueued }, 'enqueued unfinished runs for the workers');
      },
      (error: unknown) => this.options.log.error({ err: error }, 'outbox relay could not start'),
    );
  }

  /** Readiness: Redis answers. */
  ping(): Promise<void> {
    return pingRedis(this.probe);
  }

  async close(): Promise<void> {
    if (this.scheduleTimer) clearInterval(this.scheduleTimer);
    await this.relay.stop();
    await this.schedules.close();
    await this.queue.close();
    this.connection.disconnect();
    this.probe.disconnect();
  }
}
