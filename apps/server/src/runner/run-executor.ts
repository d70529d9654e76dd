import type { Clock, ExpressionRunner, WriteTargets } from '@baton/nodes';
import { runPlan } from '@baton/engine';
import type { Check, Plan, Trace } from '@baton/schema';
import type { LedgerRecord, RunOutcome, RunRecord, Store } from '@baton/store';

export interface ExecutorDeps {
  store: Store;
  targets: WriteTargets;
  clock: Clock;
  expressions: ExpressionRunner;
}

export type FinishedStatus = RunOutcome['status'];

/** What a finished run looks like to the code that answers the webhook. */
export interface ExecutedRun {
  runId: string;
  version: number;
  status: FinishedStatus;
  recordKey: string | null;
  /** Checks that did not pass (failed or flagged), in step order. */
  checks: Check[];
  error: string | null;
}

const FINISHED = new Set<string>(['succeeded', 'flagged', 'rejected', 'failed']);

function outcomeOf(trace: Trace, durationMs: number): RunOutcome {
  const error = trace.steps.find((s) => s.error !== undefined)?.error ?? null;
  if (!FINISHED.has(trace.status)) {
    // The engine decides among these four; anything else is a bug, recorded as a failure.
    return {
      ...outcomeOf({ ...trace, status: 'failed' }, durationMs),
      error: `engine returned status ${trace.status}`,
    };
  }
  return {
    status: trace.status as FinishedStatus,
    recordKey: trace.recordKey,
    startedAt: trace.startedAt,
    finishedAt: trace.finishedAt,
    durationMs,
    error,
    steps: trace.steps,
  };
}

/**
 * Executes a run that intake has already committed as `queued` and answers its outcome; it
 * persists nothing (the finisher commits outcomes in groups). Safe to call again for the same
 * run (crash recovery): writes are idempotent upserts and `finish` never finishes a run twice.
 */
export async function executeRun(
  run: RunRecord,
  plan: Plan | null,
  deps: Omit<ExecutorDeps, 'store'>,
): Promise<RunOutcome> {
  const started = performance.now();
  const failed = (error: string): RunOutcome => {
    const now = deps.clock.now().toISOString();
    return {
      status: 'failed',
      recordKey: null,
      startedAt: now,
      finishedAt: now,
      durationMs: 0,
      error,
      steps: [],
    };
  };
  if (!plan) return failed(`version ${run.version} of flow ${run.flowId} has no plan`);
  try {
    const trace = await runPlan(
      plan,
      run.input,
      { clock: deps.clock, targets: deps.targets, expressions: deps.expressions },
      { flowId: run.flowId, version: run.version, runId: run.id, dryRun: false },
    );
    return outcomeOf(trace, performance.now() - started);
  } catch (error) {
    // runPlan throws only for a broken plan; the run still ends, as failed, with the reason.
    return failed(error instanceof Error ? error.message : String(error));
  }
}

/** The movement-ledger rows a run's log steps produced. */
export function ledgerOf(run: RunRecord, outcome: RunOutcome): LedgerRecord[] {
  return outcome.steps.flatMap((step) =>
    step.ledger
      ? [
          {
            flowId: run.flowId,
            version: run.version,
            runId: run.id,
            nodeId: step.ledger.nodeId,
            recordKey: step.ledger.recordKey,
            status: step.ledger.status,
            at: step.ledger.at,
            payload: step.ledger.payload,
          },
        ]
      : [],
  );
}

export function executedRun(run: RunRecord, outcome: RunOutcome): ExecutedRun {
  return {
    runId: run.id,
    version: run.version,
    status: outcome.status,
    recordKey: outcome.recordKey,
    checks: outcome.steps.flatMap((s) => s.checks.filter((c) => c.result !== 'pass')),
    error: outcome.error,
  };
}
