import type { Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RunDetail, Store } from '@baton/store';
import type { ExecutedRun } from '../runner/run-executor.js';
import type { Runner } from '../runner/runner.js';
import { RUN_QUEUE, type RunJobData } from './run-queue.js';

// A top-level await, not a static import, so that an embedded Baton never loads bullmq: see run-queue.ts.
const bullmq = await import('bullmq');

export interface ClusterWorkerOptions {
  connection: Redis;
  prefix: string;
  store: Store;
  /** Executes runs in this process (its pool, group commit of outcomes, masking, dead letters). */
  runner: Runner;
  concurrency: number;
  /** `BATON_WORKER_RATE_LIMIT`: at most this many runs per second across all workers, if set. */
  ratePerSecond?: number | undefined;
  onError?: (error: unknown) => void;
}

const UNFINISHED = new Set(['queued', 'running']);

/** The answer for a run some earlier delivery finished already: its stored outcome. */
export function storedOutcome(run: RunDetail): ExecutedRun {
  return {
    runId: run.id,
    version: run.version,
    status: run.status as ExecutedRun['status'],
    recordKey: run.recordKey,
    checks: run.steps.flatMap((s) => s.checks.filter((c) => c.result !== 'pass')),
    error: run.error,
  };
}

/**
 * A `baton worker`'s consumer. A job names a committed run; the worker reads it from
 * PostgreSQL and, only if it is still unfinished, executes it and commits the outcome. A job
 * delivered twice (a worker killed mid-run, its lock expired, BullMQ handing the job on; or the
 * relay enqueuing again) is therefore a no-op once the run finished, and two deliveries racing
 * each other still finish the run once (`runs.finish` answers false for the second) while the
 * write itself is an idempotent upsert by record key.
 */
export class ClusterWorker {
  readonly worker: Worker<RunJobData, ExecutedRun>;

  constructor(private readonly options: ClusterWorkerOptions) {
    this.worker = new bullmq.Worker<RunJobData, ExecutedRun>(RUN_QUEUE, (job) => this.process(job), {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      // A killed worker's jobs go back to the queue once their lock lapses: short enough that a
      // crash delays runs by seconds, long enough that a busy event loop renews it in time.
      lockDuration: 15_000,
      stalledInterval: 5_000,
      // Stalls mean a worker died, not that the run is bad: the run must still finish.
      maxStalledCount: 20,
      ...(options.ratePerSecond && { limiter: { max: options.ratePerSecond, duration: 1000 } }),
    });
    this.worker.on('error', (error) => options.onError?.(error));
  }

  /** Stops taking jobs and lets the active ones finish (or, after `timeoutMs`, releases them). */
  async close(timeoutMs = 30_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const graceful = this.worker.close();
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeoutMs);
    });
    const result = await Promise.race([graceful, expired]);
    clearTimeout(timer);
    // Forced: the active jobs' locks are not renewed any more, so another worker takes them
    // over once they lapse; their runs stay unfinished in the database until then.
    if (result === 'expired') await this.worker.close(true);
  }

  private async process(job: Job<RunJobData, ExecutedRun>): Promise<ExecutedRun> {
    const run = await this.options.store.runs.get(job.data.runId);
    // A job for a run this database does not have: retrying cannot help.
    if (!run) throw new bullmq.UnrecoverableError(`run ${job.data.runId} is not in the database`);
    if (!UNFINISHED.has(run.status)) return storedOutcome(run);
    return this.options.runner.execute(run, job.data.retryOf);
  }
}
