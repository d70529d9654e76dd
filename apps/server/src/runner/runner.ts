import { randomUUID } from 'node:crypto';
import { runPlan } from '@baton/engine';
import { createExpressionRunner, type Clock, type ExpressionRunner, type WriteTargets } from '@baton/nodes';
import type { Plan, Trace } from '@baton/schema';
import type { RunRecord, Store } from '@baton/store';
import { PlanCache } from './plan-cache.js';
import { executeQueuedRun, type ExecutedRun, type ExecutorDeps } from './run-executor.js';
import { intake, type IntakeRequest } from './webhook-intake.js';

export type WebhookOutcome =
  { kind: 'executed'; run: ExecutedRun } | { kind: 'duplicate'; runId: string; original: RunRecord };

export interface RunnerDeps {
  store: Store;
  targets: WriteTargets;
  clock: Clock;
}

/**
 * Runs records through published plans, in process (the embedded mode's queue is the event
 * loop). One shared expression runner keeps compiled JSONata across runs.
 */
export class Runner {
  private readonly plans: PlanCache;
  private readonly executor: ExecutorDeps;

  constructor(private readonly deps: RunnerDeps) {
    this.plans = new PlanCache(deps.store);
    const expressions: ExpressionRunner = createExpressionRunner({ clock: deps.clock });
    this.executor = { ...deps, expressions };
  }

  /** A webhook request: durable intake, then execution; answers once the outcome is committed. */
  async receive(request: IntakeRequest): Promise<WebhookOutcome> {
    const decision = await intake(request, this.deps.store, this.deps.clock);
    if (decision.kind === 'duplicate') return decision;
    const plan = await this.plans.get(decision.run.flowId, decision.run.version);
    return { kind: 'executed', run: await executeQueuedRun(decision.run, plan, this.executor) };
  }

  /** Finishes runs a crash left `queued` or `running`, oldest first. Answers how many. */
  async recover(): Promise<number> {
    const unfinished = await this.deps.store.runs.unfinished();
    for (const run of unfinished) {
      await executeQueuedRun(run, await this.plans.get(run.flowId, run.version), this.executor);
    }
    return unfinished.length;
  }

  /**
   * Dry run of a plan (a draft's): nothing is persisted, and writes only say what they would do.
   * The engine already previews in a dry run; routing `upsert` to `preview` as well guarantees
   * a test run can never write, whatever a node kind does.
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
}
