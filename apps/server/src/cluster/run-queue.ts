import type { Job, JobsOptions, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RunRecord } from '@baton/store';
import type { ExecutedRun } from '../runner/run-executor.js';

// Imported by a top-level await, not statically: bundled into dist/cli.js, a static import of a
// package is hoisted to the bundle's top and loads at every start. This module is itself only
// imported dynamically, in cluster mode, so an embedded Baton never loads bullmq.
const bullmq = await import('bullmq');

/** The BullMQ queue every committed run goes through in cluster mode. */
export const RUN_QUEUE = 'runs';

/**
 * A job carries only the run's id: the run (its sealed input, version, lease) is committed in
 * PostgreSQL first, and Redis never holds a record.
 */
export interface RunJobData {
  runId: string;
  /** The failed run this one retries, whose dead-letter history it continues. */
  retryOf: string | null;
}

/**
 * Retries with exponential back-off are for the worker's own transient failures (PostgreSQL
 * unreachable, a deadlock): a target's failures are already retried inside the run and end it
 * `failed` with a dead letter. Finished jobs are kept for a while so a re-enqueue of the same
 * run id (the relay, a redelivery) stays a no-op in Redis as well as in the database.
 */
export const RUN_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 50_000 },
  removeOnFail: { age: 24 * 3600 },
};

/** How long a waiting webhook request (`?async` not set) waits for a worker's outcome. */
const WAIT_TTL_MS = 5 * 60_000;

/**
 * The producer side: API nodes hand committed runs to workers. The job id is the run id, so
 * BullMQ itself refuses a second job for the same run while the first exists.
 */
export class RunQueue {
  readonly queue: Queue<RunJobData, ExecutedRun>;
  private events: Promise<{ events: QueueEvents; connection: Redis }> | null = null;

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {
    this.queue = new bullmq.Queue<RunJobData, ExecutedRun>(RUN_QUEUE, {
      connection,
      prefix,
      defaultJobOptions: RUN_JOB_OPTIONS,
    });
    // Every waiting webhook listens for the queue closing (BullMQ's waitUntilFinished); their
    // number is bounded by BATON_MAX_QUEUE, not by Node's default of 10 listeners.
    this.queue.setMaxListeners(0);
  }

  /** Enqueues the run unless a job for it exists; a job that ran out of attempts is retried. */
  async enqueue(data: RunJobData): Promise<Job<RunJobData, ExecutedRun>> {
    const job = await this.queue.add('run', data, { jobId: data.runId });
    if (await job.isFailed()) await job.retry('failed');
    return job;
  }

  /**
   * The Runner's dispatcher: hands a committed run to a worker. With `wait`, answers the run's
   * outcome; without, nobody reads the answer, so the promise only ever settles by failing to
   * hand over (the relay enqueues the run later anyway: it is committed).
   */
  async dispatch(job: { run: RunRecord; retryOf: string | null }, wait: boolean): Promise<ExecutedRun> {
    const added = await this.enqueue({ runId: job.run.id, retryOf: job.retryOf });
    if (!wait) return new Promise<ExecutedRun>(() => undefined);
    return added.waitUntilFinished(await this.queueEvents(), WAIT_TTL_MS);
  }

  async close(): Promise<void> {
    const opened = await this.events?.catch(() => null);
    await opened?.events.close();
    opened?.connection.disconnect();
    await this.queue.close();
  }

  /** Listening for job completions needs its own (blocking) connection: opened on first wait. */
  private async queueEvents(): Promise<QueueEvents> {
    this.events ??= (async () => {
      const connection = this.connection.duplicate();
      const events = new bullmq.QueueEvents(RUN_QUEUE, { connection, prefix: this.prefix });
      await events.waitUntilReady();
      return { events, connection };
    })();
    return (await this.events).events;
  }
}
