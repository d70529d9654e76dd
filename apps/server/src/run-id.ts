import { pooledRandomBytes } from './random-pool.js';

/**
 * Run ids sort roughly by creation time (a millisecond timestamp in base 36, then 12 random
 * hex digits), which keeps log lines and database pages in arrival order.
 */
export function newRunId(now: Date): string {
  return `run_${now.getTime().toString(36).padStart(9, '0')}${pooledRandomBytes(6).toString('hex')}`;
}
