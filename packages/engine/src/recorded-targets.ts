import type { UpsertRequest, WriteTargets } from '@baton/nodes';
import type { Step } from '@baton/schema';

type Recorded =
  { kind: 'done'; action: 'inserted' | 'updated' | 'skipped' } | { kind: 'threw'; reason: string };

export interface RecordedTargetsOptions {
  /** Asked when a write has no recorded answer (a what-if version writes somewhere new); never writes. */
  fallback?: WriteTargets;
}

const targetOf = (request: UpsertRequest) => `${request.target.connection}.${request.target.table}`;

/**
 * Write targets that answer each write with what the original run's write to the same target
 * got (inserted/updated/skipped, or the same failure), in order, and never write anything: the
 * world as the run saw it, so a replay is faithful and side-effect free. A write without a
 * recorded answer goes to `fallback.preview` (or fails when there is none).
 */
export function createRecordedTargets(
  steps: readonly Step[],
  options: RecordedTargetsOptions = {},
): WriteTargets {
  const queues = new Map<string, Recorded[]>();
  for (const step of steps) {
    if (step.kind !== 'write') continue;
    const target = step.write?.target ?? /^Write to (\S+) failed: /.exec(step.error ?? '')?.[1];
    if (target === undefined) continue;
    const recorded: Recorded = step.write
      ? { kind: 'done', action: step.write.action }
      : { kind: 'threw', reason: (step.error ?? '').slice(`Write to ${target} failed: `.length) };
    const queue = queues.get(target) ?? [];
    queue.push(recorded);
    queues.set(target, queue);
  }
  const answer = async (request: UpsertRequest) => {
    const recorded = queues.get(targetOf(request))?.shift();
    if (!recorded) {
      if (!options.fallback) throw new Error(`no recorded answer for a write to ${targetOf(request)}`);
      return options.fallback.preview(request);
    }
    if (recorded.kind === 'threw') throw new Error(recorded.reason);
    return { action: recorded.action };
  };
  return { upsert: answer, preview: answer };
}
