import type { RunStatus, Step } from '@baton/schema';

/**
 * The run's status from its steps, by precedence: a rejection (nothing should have been
 * written) outranks a technical failure, which outranks flags.
 */
export function runStatusOf(
  steps: readonly Step[],
): Extract<RunStatus, 'succeeded' | 'flagged' | 'rejected' | 'failed'> {
  if (steps.some((s) => s.status === 'rejected')) return 'rejected';
  if (steps.some((s) => s.status === 'failed')) return 'failed';
  if (steps.some((s) => s.status === 'flagged' || s.checks.some((c) => c.result === 'flag')))
    return 'flagged';
  return 'succeeded';
}
