import type { Clock } from '@baton/nodes';

/**
 * A clock that starts at `startIso` and moves `stepMs` forward on every reading, so step
 * durations are non-zero yet the same on every run: traces become byte-for-byte comparable.
 */
export function createFixedClock(startIso: string, stepMs = 1): Clock {
  const start = Date.parse(startIso);
  if (Number.isNaN(start)) throw new RangeError(`Not an ISO timestamp: ${startIso}`);
  let readings = 0;
  return { now: () => new Date(start + stepMs * readings++) };
}

/** The wall clock, for the server. */
export const systemClock: Clock = { now: () => new Date() };
