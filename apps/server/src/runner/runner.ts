import { randomUUID } from 'node:crypto';
import { runPlan } from '@baton/engine';
import { createExpressionRunner, type Clock, type WriteTargets } from '@baton/nodes';
import type { Plan, Trace } from '@baton/schema';
import type { Repositories, RunOutcome, RunRecord, Store } from '@baton/store';
import { maskRecord } from '@baton/contracts';
import { piiFieldsOfVersion } from '../masking/mask-run.js';
import { RunFactRecorder } from '../metrics/run-fact-recorder.js';
import { maskStep } from '../masking/mask-trace.js';
import { ConflictProblem, NotFoundProblem, Problem } from '../problems.js';
import { newRunId } from '../run-id.js';
import { GroupCommit } from './group-commit.js';
import { PlanCache } from './plan-cache.js';
import { executedRun, executeRun, ledgerOf, type ExecutedRun, type ExecutorDeps } from './run-executor.js';
import {
  assertRecordDepth,
  decideIntake,
  payloadHashOf,
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
  /** With a dispatcher: how long a waited-for request waits before it is answered as queued. */
  syncWaitMs?: number;
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
  /**
   * Executed before it is stored (a waited-for webhook, see `receive`): the commit that
   * finishes it also records it, and its input is the raw one.
   */
  unstored?: boolean;
}

export interface ReceiveOptions {
  /**
   * Commit the request as `queued` before executing it even when the caller waits (batches:
   * an upload's rows must survive a restart). Otherwise a waited-for request executes first
   * and is stored once, finished.
   */
  intakeFirst?: boolean;
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
  /**
   * Idempotency keys (`flowId NUL key`) with a request between its duplicate check and the
   * commit that makes it visible to the next check, and the run id holding each: a second
   * request with the key meanwhile is answered 409 instead of executing alongside.
   */
  private readonly claims = new Map<string, string>();
  private readonly facts = new RunFactRecorder();
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
   * A webhook request, acknowledged only once committed. `wait`: answer with the outcome;
   * otherwise as soon as the run is queued.
   *
   * A waited-for request in an embedded Baton executes first and is stored once, finished,
   * with its outcome, steps and metrics fact: one commit (and one row write) per run instead of
   * an intake and a finish. Nothing is acknowledged before that commit, so a crash in between
   * loses only an unacknowledged request, which the sender re-sends (its write is an idempotent
   * upsert). Anything else (`?async=1`, batches, cluster mode) commits the request as `queued`
   * first and a worker finishes it, recovered by lease after a crash.
   */
  async receive(request: IntakeRequest, wait = true, options: ReceiveOptions = {}): Promise<WebhookOutcome> {
    assertRecordDepth(request.record);
    const payloadHash = payloadHashOf(request.record);
    const idempotencyKey = request.idempotencyKey ?? `sha256:${payloadHash}`;
    const claim = `${request.flowId}\u0000${idempotencyKey}`;
    const holder = this.claims.get(claim);
    if (holder) {
      throw new ConflictProblem(
        'idempotency_key_in_progress',
        `run ${holder} with this key is still running`,
        {
          originalRunId: holder,
        },
      );
    }
    const now = this.deps.clock.now();
    const runId = newRunId(now);
    this.claims.set(claim, runId);
    // Only this request's own claim: once released, another request may hold the key.
    const release = () => {
      if (this.claims.get(claim) === runId) this.claims.delete(claim);
    };
    const claimed = { ...request, payloadHash, runId, now };
    try {
      if (wait && !options.intakeFirst && !this.deps.dispatcher) {
        const executed = await this.executeFirst(claimed, idempotencyKey);
        if (executed) return executed;
      }
      return await this.intakeFirst(claimed, wait, release);
    } finally {
      release();
    }
  }

  /**
   * The execute-first path; answers null when the request is not a new record (a duplicate, a
   * conflict, an unknown flow): the durable intake decides and records those.
   */
  private async executeFirst(
    request: IntakeRequest & { payloadHash: string; runId: string; now: Date },
    idempotencyKey: string,
  ): Promise<WebhookOutcome | null> {
    const { store, options } = this.deps;
    this.pendingIntakes++;
    let run: RunRecord;
    let retryOf: string | null;
    try {
      const keysSince = new Date(request.now.getTime() - options.idempotencyWindowMs).toISOString();
      const [published, previous] = await Promise.all([
        store.versions.published(request.flowId),
        store.runs.latestByKey(request.flowId, idempotencyKey, keysSince),
      ]);
      const retryable =
        !previous || (previous.status === 'failed' && previous.payloadHash === request.payloadHash);
      if (!published || !retryable) return null;
      retryOf = previous?.id ?? null;
      run = queuedRecord({
        id: request.runId,
        flowId: request.flowId,
        version: published.version,
        idempotencyKey,
        payloadHash: request.payloadHash,
        input: request.record,
        receivedAt: request.now.toISOString(),
      });
    } finally {
      this.pendingIntakes--;
    }
    return { kind: 'executed', run: await this.enqueue({ run, retryOf, unstored: true }) };
  }

  /** Durable intake (committed as `queued` or `duplicate`), then execution by a worker. */
  private async intakeFirst(
    request: IntakeRequest & { payloadHash: string; runId: string; now: Date },
    wait: boolean,
    committed: () => void,
  ): Promise<WebhookOutcome> {
    const { now } = request;
    this.pendingIntakes++;
    let decision: IntakeDecision;
    try {
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
    // Visible now: the next request with this key finds the run in the store.
    committed();
    if (decision.kind === 'duplicate') return decision;
    const done = this.enqueue({ run: decision.run, retryOf: decision.retryOf }, wait);
    const accepted = { kind: 'accepted' as const, runId: decision.run.id, version: decision.run.version };
    if (!wait) {
      done.catch(() => undefined); // the reconciler finishes it; nobody waits here
      return accepted;
    }
    const limit = this.deps.dispatcher ? this.deps.options.syncWaitMs : undefined;
    if (limit === undefined) return { kind: 'executed', run: await done };
    // Cluster mode: no worker may be up. The run is committed, so past the limit it is answered
    // as queued (202) and finishes when a worker takes it.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), limit)));
    try {
      const run = await Promise.race([done, late]);
      if (run) return { kind: 'executed', run };
      done.catch(() => undefined);
      return accepted;
    } finally {
      clearTimeout(timer);
    }
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
    const { run } = job;
    const plan = await this.plans.get(run.flowId, run.version);
    // Recovered and retried runs come from the store sealed; fresh intakes carry the raw input.
    const input = this.deps.inputs.open(run);
    const raw = await executeRun({ ...run, input }, plan, this.executor);
    // Steps and ledger are stored with pii masked, like the input: the raw values exist at rest
    // only sealed, and replay re-derives them from the sealed input.
    const pii = await piiFieldsOfVersion(this.deps.store, run.flowId, run.version);
    const outcome = { ...raw, steps: raw.steps.map((step) => maskStep(step, pii)) };
    const shown = pii.size > 0 ? maskRecord(input, pii) : input;
    await this.commits.submit((tx) => this.commitOutcome(tx, { job, outcome }, input, shown));
    this.settle(run.id, executedRun(run, outcome));
  }

  private settle(runId: string, result: ExecutedRun | undefined, error?: unknown): void {
    const waiting = this.completions.get(runId) ?? [];
    this.completions.delete(runId);
    for (const w of waiting) {
      if (result) w.resolve(result);
      else w.reject(error);
    }
  }

  /**
   * In the finisher's transaction: outcome, steps, ledger, metrics fact and, for a failure, the
   * dead letter; an unstored run is recorded here, finished, with its sealed input.
   */
  private async commitOutcome(
    tx: Repositories,
    { job, outcome }: Finished,
    input: Record<string, unknown>,
    shown: Record<string, unknown>,
  ): Promise<boolean> {
    const { run } = job;
    if (job.unstored) {
      const sealed = await this.deps.inputs.sealFor(tx.versions, run, input);
      await tx.runs.insertFinished({ ...run, ...sealed, outcome });
      // A resend of a failed record is its retry: the dead letter is settled by this run.
      if (job.retryOf) await tx.deadLetters.markRetried(job.retryOf, run.id, run.receivedAt);
    } else if (!(await tx.runs.finish(run.id, outcome))) {
      return false; // finished already: never twice
    }
    const ledger = ledgerOf(run, outcome);
    if (ledger.length > 0) await tx.ledger.append(ledger);
    await this.facts.record(tx, { ...run, ...outcome, input: shown, duplicateOf: null });
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
