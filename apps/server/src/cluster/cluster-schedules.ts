import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Store } from '@baton/store';
import { Problem } from '../problems.js';
import { publishedSchedule, runScheduleTick, type ScheduleTickDeps } from '../triggers/schedule-tick.js';

// A top-level await, not a static import, so that an embedded Baton never loads bullmq: see run-queue.ts.
const bullmq = await import('bullmq');

/** The BullMQ queue schedule ticks go through in cluster mode. */
export const SCHEDULE_QUEUE = 'schedules';

export interface ScheduleJobData {
  flowId: string;
  nodeId: string;
  version: number;
}

const schedulerId = (flowId: string) => `schedule:${flowId}`;

/**
 * API nodes keep one BullMQ job scheduler per flow whose published version has a schedule
 * trigger (embedded mode runs croner in process instead). However many nodes upsert the same
 * scheduler, BullMQ keeps one and produces exactly one job per tick, which one worker takes.
 * A sync pass reads every flow, so publishes, rollbacks and deletions on any node show up here.
 */
export class ScheduleSync {
  readonly queue: Queue<ScheduleJobData>;

  constructor(
    connection: Redis,
    prefix: string,
    private readonly store: Store,
  ) {
    this.queue = new bullmq.Queue<ScheduleJobData>(SCHEDULE_QUEUE, {
      connection,
      prefix,
      // A tick that failed is not retried: the next tick reads from the same cursor anyway.
      defaultJobOptions: { attempts: 1, removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } },
    });
  }

  /** Upserts the scheduler of every published schedule and removes the others; answers the active flow ids. */
  async syncAll(): Promise<string[]> {
    const wanted = new Map<string, ScheduleJobData & { cron: string; timezone: string | undefined }>();
    for (const flow of await this.store.flows.list()) {
      try {
        const { version, nodeId, settings } = await publishedSchedule(this.store, flow.id);
        wanted.set(schedulerId(flow.id), {
          flowId: flow.id,
          nodeId,
          version,
          cron: settings.cron,
          timezone: settings.timezone,
        });
      } catch (error) {
        if (!(error instanceof Problem)) throw error; // not published, or no schedule trigger
      }
    }
    for (const [id, w] of wanted) {
      await this.queue.upsertJobScheduler(
        id,
        { pattern: w.cron, ...(w.timezone !== undefined && { tz: w.timezone }) },
        { name: 'tick', data: { flowId: w.flowId, nodeId: w.nodeId, version: w.version } },
      );
    }
    for (const existing of await this.queue.getJobSchedulers()) {
      if (!wanted.has(existing.key)) await this.queue.removeJobScheduler(existing.key);
    }
    return [...wanted.values()].map((w) => w.flowId);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

/**
 * A worker's consumer of schedule ticks: one tick runs `runScheduleTick` (the triggers' own
 * function: reads the rows after the cursor and commits a queued run per row and the cursor in
 * one transaction), then hands the new runs to the run queue instead of waiting for the relay.
 */
export function scheduleTickWorker(options: {
  connection: Redis;
  prefix: string;
  deps: Omit<ScheduleTickDeps, 'dispatch'>;
  enqueue: (runId: string) => Promise<unknown>;
  onError: (error: unknown) => void;
}): Worker<ScheduleJobData> {
  const worker = new bullmq.Worker<ScheduleJobData>(
    SCHEDULE_QUEUE,
    async (job) => {
      const deps: ScheduleTickDeps = {
        ...options.deps,
        dispatch: async (runIds) => void (await Promise.all(runIds.map((id) => options.enqueue(id)))),
      };
      return runScheduleTick(deps, { flowId: job.data.flowId, nodeId: job.data.nodeId });
    },
    // One tick at a time per worker; ticks of one flow cannot double-read (the cursor is compare-and-set).
    { connection: options.connection, prefix: options.prefix, concurrency: 1 },
  );
  worker.on('error', options.onError);
  return worker;
}
