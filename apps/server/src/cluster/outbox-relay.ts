import { randomUUID } from 'node:crypto';
import type { Store } from '@baton/store';
import type { RunJobData } from './run-queue.js';

export interface OutboxRelayDeps {
  store: Store;
  /** Idempotent per run id (the job id is the run id), so enqueuing twice is harmless. */
  enqueue: (data: RunJobData) => Promise<unknown>;
  /** How long a claimed run is left alone before it is enqueued again (`BATON_LEASE_MS`). */
  leaseMs: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

/**
 * The transactional outbox's relay. Intake commits a `queued` run (the outbox entry is the run
 * row itself) and only then enqueues its job; a crash between the two leaves a committed run
 * without a job. The relay finds such runs and enqueues them:
 * - at start, every unfinished run (a restarted node does not know which hand-overs it missed;
 *   enqueuing a run that has a job is a no-op because the job id is the run id);
 * - then periodically, runs whose lease expired (a hand-over that failed, or a job lost with a
 *   Redis that keeps nothing on disk), claiming them so each is re-enqueued once per lease.
 * Every API node and worker runs one; they cannot double-execute a run because the worker
 * finishes a run only if it is unfinished (`runs.finish` answers false otherwise).
 */
export class OutboxRelay {
  readonly owner = `relay_${randomUUID().slice(0, 12)}`;
  private timer: NodeJS.Timeout | null = null;
  private passing: Promise<number> | null = null;

  constructor(private readonly deps: OutboxRelayDeps) {}

  /** Enqueues every unfinished run, then starts the periodic pass. Answers how many it enqueued. */
  async start(): Promise<number> {
    const runs = await this.deps.store.runs.unfinished();
    await this.enqueueAll(runs.map((run) => ({ runId: run.id, retryOf: null })));
    const every = Math.max(1000, Math.floor(this.deps.leaseMs / 2));
    this.timer = setInterval(() => {
      this.pass().catch((error: unknown) => this.deps.onError?.(error));
    }, every);
    this.timer.unref();
    return runs.length;
  }

  /** One periodic pass: claims runs whose lease expired and enqueues them. */
  pass(): Promise<number> {
    // Passes never overlap: a slow one (a large backlog) would otherwise claim the same runs twice.
    this.passing ??= this.claimAndEnqueue().finally(() => {
      this.passing = null;
    });
    return this.passing;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.passing?.catch(() => undefined);
  }

  private async claimAndEnqueue(): Promise<number> {
    const now = this.deps.now?.() ?? new Date();
    const claimed = await this.deps.store.runs.claimUnfinished({
      owner: this.owner,
      now: now.toISOString(),
      until: new Date(now.getTime() + this.deps.leaseMs).toISOString(),
      limit: 500,
    });
    await this.enqueueAll(claimed.map((run) => ({ runId: run.id, retryOf: null })));
    return claimed.length;
  }

  private async enqueueAll(jobs: RunJobData[]): Promise<void> {
    // A few hundred at a time: each is one Redis round trip, and a backlog may be large.
    for (let i = 0; i < jobs.length; i += 200) {
      await Promise.all(jobs.slice(i, i + 200).map((job) => this.deps.enqueue(job)));
    }
  }
}
