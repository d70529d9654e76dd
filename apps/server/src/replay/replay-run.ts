import {
  clockReadingsOf,
  createFixedClock,
  createRecordedTargets,
  createReplayClock,
  runPlan,
} from '@baton/engine';
import { createExpressionRunner, type WriteTargets } from '@baton/nodes';
import type { Plan, Trace } from '@baton/schema';
import type { RunDetail } from '@baton/store';

export interface ReplayOptions {
  /**
   * Against the run's own version: false, so the trace is byte-identical to the original.
   * A what-if against another version or the draft: true, its writes say what they *would* do.
   */
  dryRun: boolean;
  /** The version replayed against (null for the draft). */
  version: number | null;
  /** Asked (preview only) for writes the original run has no recorded answer for. */
  fallbackTargets?: WriteTargets;
}

/** The original trace of a stored run (a run that never executed has none). */
export function traceOf(run: RunDetail): Trace | null {
  if (run.startedAt === null || run.finishedAt === null) return null;
  if (run.status === 'queued' || run.status === 'running' || run.status === 'duplicate') return null;
  return {
    status: run.status,
    recordKey: run.recordKey,
    steps: run.steps,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

/**
 * Re-runs a logged run through a plan with the run's own ids, its recorded clock readings and
 * its recorded write answers: nothing is written (the targets only answer), nothing is
 * persisted and nobody is notified. Expressions get a clock frozen at the run's start so
 * `$now()` cannot shift the engine's own readings.
 */
export function replayRun(
  run: RunDetail,
  original: Trace,
  plan: Plan,
  options: ReplayOptions,
): Promise<Trace> {
  const clock = createReplayClock(clockReadingsOf(original));
  const targets = createRecordedTargets(
    original.steps,
    options.fallbackTargets ? { fallback: options.fallbackTargets } : {},
  );
  const expressions = createExpressionRunner({ clock: createFixedClock(original.startedAt, 0) });
  return runPlan(
    plan,
    run.input,
    { clock, targets, expressions },
    { flowId: run.flowId, version: options.version, runId: run.id, dryRun: options.dryRun },
  );
}
