import { randomUUID } from 'node:crypto';
import { runPlan } from '@baton/engine';
import { createExpressionRunner, type Clock, type WriteTargets } from '@baton/nodes';
import type { Plan, Trace } from '@baton/schema';
import type { Repositories, RunOutcome, RunRecord, Store } from '@baton/store';
import { piiFieldsOfVersion } from '../masking/mask-run.js';
import { maskStep } from '../masking/mask-trace.js';
import { NotFoundProblem, Problem } from '../problems.js';
import { newRunId } from '../run-id.js';
import { GroupCommit } from './group-commit.js';
import { PlanCache } from './plan-cache.js';
import { executedRun, executeRun, ledgerOf, type ExecutedRun, type ExecutorDeps } from './run-executor.js';
import {
  assertRecordDepth,
  decideIntake,
  queuedRecord,
  type IntakeDecision,
  type IntakeRequest,
} from './webhook-intake.js';
import type { RunInputVault } from './run-input-vault.js';
import { WorkerPool } from './worker-pool.js';

export type WebhookOutcome =
  | { kind: 'executed'; run: ExecutedRun }
  | { kind: 'accepted'; runId: string; version: number }
  | { kind: 'duplicate'; runId: string; original: RunRecord };

export interface RunnerOptions {
  workers: number;
  maxQueueDepth: number;
  leaseMs: number;
  idempotencyWindowMs: number;
}

export interface RunnerDeps {
  store: Store;
  targets: WriteTargets;
  clock: Clock;
  options: RunnerOptions;
  /** Opens the sealed input of a run to execute it; seals the input of a retry. */
  inputs: RunInputVault;
  onError?: (error: unknown, context: string) => void;
  /**
   * Cluster mode (apps/server/src/cluster): committed runs go to workers elsewhere instead of
   * this process's pool. Without `wait` nobody reads the answer.
   */
  dispatcher?: {
    dispatch(job: { run: RunRecord; retryOf: string | null }, wait: boolean): Promise<ExecutedRun>;
  };
}

interface Job {
  run: RunRecord;
  /** The failed run this one retries, whose attempt history it continues. */
  retryOf: string | null;
}

interface Finished {
  job: Job;
  outcome: RunOutcome;
}

/**
 * Runs records through published plans, in process: intake group-commits requests, a worker
 * pool executes them, a finisher group-commits outcomes (steps, ledger, dead letter) in one
 * transaction per group. Every queued run carries a lease; a reconciler re-claims runs whose
 * lease ran out (a worker that died or hung), and start-up claims all that a crash left.
 */
export class Runner {
  /** This process's lease owner id. */
  readonly instanceId = `w_${randomUUID().slice(0, 12)}`;
  private readonly plans: PlanCache;
  private readonly executor: Omit<ExecutorDeps, 'store'>;
  /** One group commit for intakes and outcomes: a commit carries both. */
  private readonly commits: GroupCommit;
  private readonly pool: WorkerPool<Job>;
  private readonly completions = new Map<
    string,
    Array<{ resolve: (r: ExecutedRun) => void; reject: (e: unknown) => void }>
  >();
  private pendingIntakes = 0;
  private reconciler: NodeJS.Timeout | null = null;

  constructor(private readonly deps: RunnerDeps) {
    const { store, clock, options } = deps;
    this.plans = new PlanCache(store);
    this.executor = { targets: deps.targets, clock, expressions: createExpressionRunner({ clock }) };
    this.commits = new GroupCommit(store);
    this.pool = new WorkerPool(
      options.workers,
      (job) => this.work(job),
      (error, job) => {
        // The run stays queued with its lease; the reconciler finishes it once the lease runs out.
        this.settle(job.run.id, undefined, error);
        deps.onError?.(error, `run ${job.run.id}`);
      },
    );
  }

  /** Runs queued or executing in this process. */
  get depth(): number {
    return this.pool.depth + this.pendingIntakes;
  }

  /** Seconds a caller should wait when the queue is full, or 0 when there is room. */
  backPressure(): number {
    return this.depth >= this.deps.options.maxQueueDepth ? 1 : 0;
  }

  /**
   * A webhook request: durable intake (acknowledged only once committed), then execution.
   * `wait`: answer with the outcome; otherwise as soon as the run is queued.
   */
  async receive(request: IntakeRequest, wait = true): Promise<WebhookOutcome> {
    assertRecordDepth(request.record);
    this.pendingIntakes++;
    let decision: IntakeDecision;
    try {
      const now = this.deps.clock.now();
      decision = await this.commits.submit((tx) =>
        decideIntake(request, tx, {
          now,
          lease: this.lease(now),
          keysSince: new Date(now.getTime() - this.deps.options.idempotencyWindowMs).toISOString(),
          inputs: this.deps.inputs,
        }),
      );
    } finally {
      this.pendingIntakes--;
    }
    if (decision.kind === 'duplicate') return decision;
    const done = this.enqueue({ run: decision.run, retryOf: decision.retryOf }, wait);
    if (!wait) {
      done.catch(() => undefined); // the reconciler finishes it; nobody waits here
      return { kind: 'accepted', runId: decision.run.id, version: decision.run.version };
    }
    return { kind: 'executed', run: await done };
  }

  /**
   * Retries a failed (dead-lettered) run as a new run of the same record and version; the
   * failed run stays as it was. A second retry of the same failure is refused.
   */
  async retry(
    runId: string,
    wait = true,
  ): Promise<{ run: ExecutedRun | null; runId: string; retryOf: string }> {
    const original = await this.deps.store.runs.get(runId);
    if (!original) throw new NotFoundProblem('run_not_found', `no run ${runId}`);
    if (original.status !== 'failed') {
      throw new Problem(
        409,
        'run_not_retryable',
        `run ${runId} is ${original.status}; only failed runs are retried`,
      );
    }
    const now = this.deps.clock.now();
    const queued = await this.deps.store.transaction(async (tx) => {
      const letter = await tx.deadLetters.get(runId);
      const latest = await tx.runs.latestByKey(original.flowId, original.idempotencyKey);
      const retriedBy = letter?.retriedBy ?? (latest && latest.id !== runId ? latest.id : null);
      if (retriedBy) {
        throw new Problem(409, 'run_already_retried', `run ${runId} was retried by run ${retriedBy}`, {
          retriedBy,
        });
      }
      // Sealed again (a row from before sealing gets sealed too); the job executes the opened input.
      const input = this.deps.inputs.open(original);
      const run = queuedRecord({
        ...original,
        ...(await this.deps.inputs.sealFor(tx.versions, original, input)),
        id: newRunId(now),
        receivedAt: now.toISOString(),
      });
      await tx.runs.insert({ ...run, status: 'queued', duplicateOf: null, lease: this.lease(now) });
      await tx.deadLetters.markRetried(runId, run.id, run.receivedAt);
      return run;
    });
    const done = this.enqueue({ run: queued, retryOf: runId }, wait);
    if (!wait) {
      done.catch(() => undefined);
      return { run: null, runId: queued.id, retryOf: runId };
    }
    return { run: await done, runId: queued.id, retryOf: runId };
  }

  /**
   * Start-up: finishes every run a crash left unfinished (this is the only process on its
   * database, so their owner is gone whatever the lease says), then starts the reconciler.
   */
  async recover(): Promise<number> {
    const now = this.deps.clock.now();
    const runs = await this.deps.store.runs.claimUnfinished({
      owner: this.instanceId,
      now: now.toISOString(),
      until: this.lease(now).expiresAt,
      ignoreLeases: true,
      limit: 1_000_000,
    });
    await Promise.allSettled(runs.map((run) => this.enqueue({ run, retryOf: null })));
    this.startReconciler();
    return runs.length;
  }

  /** Stops the reconciler and waits (up to `timeoutMs`) for queued runs to finish. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.reconciler) clearInterval(this.reconciler);
    this.reconciler = null;
    const deadline = Date.now() + timeoutMs;
    while (this.depth > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  /** One reconciler pass: claims runs whose lease expired and executes those not already here. */
  async reconcile(): Promise<number> {
    const now = this.deps.clock.now();
    const claimed = await this.deps.store.runs.claimUnfinished({
      owner: this.instanceId,
      now: now.toISOString(),
      until: this.lease(now).expiresAt,
      limit: 500,
    });
    // Claiming a run this process is still executing only extends its lease.
    const orphans = claimed.filter((run) => !this.completions.has(run.id));
    for (const run of orphans) this.enqueue({ run, retryOf: null }).catch(() => undefined);
    return orphans.length;
  }

  /**
   * Dry run of a plan (a draft's): nothing is persisted, and writes only say what they would do.
   * Routing `upsert` to `preview` guarantees a test run can never write, whatever a kind does.
   */
  testRun(plan: Plan, record: unknown, flowId: string): Promise<Trace> {
    const { targets } = this.deps;
    const previewOnly: WriteTargets = {
      upsert: (r) => targets.preview(r),
      preview: (r) => targets.preview(r),
    };
    return runPlan(
      plan,
      record,
      { clock: this.deps.clock, targets: previewOnly, expressions: this.executor.expressions },
      { flowId, version: null, runId: `test_${randomUUID()}`, dryRun: true },
    );
  }

  private startReconciler(): void {
    if (this.reconciler) return;
    const every = Math.max(1000, Math.floor(this.deps.options.leaseMs / 2));
    this.reconciler = setInterval(() => {
      this.reconcile().catch((error: unknown) => this.deps.onError?.(error, 'reconciler'));
    }, every);
    this.reconciler.unref();
  }

  private lease(now: Date) {
    return {
      owner: this.instanceId,
      expiresAt: new Date(now.getTime() + this.deps.options.leaseMs).toISOString(),
    };
  }

  /** Executes a run committed elsewhere in this process's pool (a cluster worker's job). */
  execute(run: RunRecord, retryOf: string | null): Promise<ExecutedRun> {
    return this.enqueue({ run, retryOf });
  }

  private enqueue(job: Job, wait = true): Promise<ExecutedRun> {
    if (this.deps.dispatcher) return this.deps.dispatcher.dispatch(job, wait);
    return new Promise<ExecutedRun>((resolve, reject) => {
      const waiting = this.completions.get(job.run.id);
      if (waiting) return void waiting.push({ resolve, reject });
      this.completions.set(job.run.id, [{ resolve, reject }]);
      this.pool.push(job);
    });
  }

  private async work(job: Job): Promise<void> {
    const plan = await this.plans.get(job.run.flowId, job.run.version);
    // Recovered and retried runs come from the store sealed; fresh intakes carry the raw input.
    const raw = await executeRun({ ...job.run, input: this.deps.inputs.open(job.run) }, plan, this.executor);
    // Steps and ledger are stored with pii masked, like the input: the raw values exist at rest
    // only sealed, and replay re-derives them from the sealed input.
    const pii = await piiFieldsOfVersion(this.deps.store, job.run.flowId, job.run.version);
    const outcome = { ...raw, steps: raw.steps.map((step) => maskStep(step, pii)) };
    await this.commits.submit((tx) => this.commitOutcome(tx, { job, outcome }));
    this.settle(job.run.id, executedRun(job.run, outcome));
  }

  private settle(runId: string, result: ExecutedRun | undefined, error?: unknown): void {
    const waiting = this.completions.get(runId) ?? [];
    this.completions.delete(runId);
    for (const w of waiting) {
      if (result) w.resolve(result);
      else w.reject(error);
    }
  }

  /** In the finisher's transaction: outcome, steps, ledger and, for a failure, the dead letter. */
  private async commitOutcome(tx: Repositories, { job, outcome }: Finished): Promise<boolean> {
    const { run } = job;
    if (!(await tx.runs.finish(run.id, outcome))) return false; // finished already: never twice
    const ledger = ledgerOf(run, outcome);
    if (ledger.length > 0) await tx.ledger.append(ledger);
    if (outcome.status === 'failed') {
      const earlier = job.retryOf ? await tx.deadLetters.get(job.retryOf) : null;
      const error = outcome.error ?? 'the run failed';
      await tx.deadLetters.add({
        runId: run.id,
        flowId: run.flowId,
        version: run.version,
        recordKey: outcome.recordKey,
        error,
        attempts: [...(earlier?.attempts ?? []), { runId: run.id, at: outcome.finishedAt, error }],
        createdAt: outcome.finishedAt,
      });
    }
    return true;
  }
}
