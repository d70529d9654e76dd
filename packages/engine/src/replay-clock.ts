import type { Clock } from '@baton/nodes';
import type { Trace } from '@baton/schema';

/**
 * The clock readings a run took, in the order the engine took them, recovered from its trace:
 * the run's start, then per step its start, a log step's ledger time, its end, and the run's
 * end. The engine reads its clock nowhere else (expressions get their own clock, see
 * `replayRun`), so injecting these readings reproduces every timestamp and duration.
 * The determinism test fails if a node kind starts reading the clock elsewhere.
 */
export function clockReadingsOf(trace: Pick<Trace, 'startedAt' | 'finishedAt' | 'steps'>): number[] {
  const readings = [Date.parse(trace.startedAt)];
  for (const step of trace.steps) {
    const started = Date.parse(step.startedAt);
    readings.push(started);
    if (step.ledger) readings.push(Date.parse(step.ledger.at));
    readings.push(started + step.durationMs);
  }
  readings.push(Date.parse(trace.finishedAt));
  return readings;
}

/**
 * Answers the recorded readings in order; past the last one (a what-if plan with more steps)
 * it keeps moving 1 ms per reading, so durations stay non-negative and the answer is still
 * the same on every replay.
 */
export function createReplayClock(readings: readonly number[]): Clock {
  if (readings.length === 0 || readings.some((r) => Number.isNaN(r))) {
    throw new RangeError('A replay clock needs at least one valid reading');
  }
  let next = 0;
  const last = readings[readings.length - 1] as number;
  return {
    now: () => {
      const reading = readings[next] ?? last + (next - readings.length + 1);
      next++;
      return new Date(reading);
    },
  };
}
