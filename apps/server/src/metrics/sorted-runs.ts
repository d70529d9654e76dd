/**
 * Order statistics over several ascending arrays (one per day) without merging them: a period's
 * percentiles are read from the days' sorted TTVs as they come from the index, which saves
 * copying and sorting every value of the period (the largest cost at a million records).
 */

/** How many of the ascending `sorted` values are below `x` (`orEqual`: at most `x`). */
export function countBelow(sorted: ArrayLike<number>, x: number, orEqual = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < x || (orEqual && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function total(runs: readonly ArrayLike<number>[], x: number, orEqual: boolean): number {
  let n = 0;
  for (const run of runs) n += countBelow(run, x, orEqual);
  return n;
}

/** The `k`-th smallest (1-based) value over all runs; null when there are fewer than `k` values. */
export function kthSmallest(runs: readonly ArrayLike<number>[], k: number): number | null {
  // The answer is some run's element x with (values < x) < k ≤ (values ≤ x); within one run the
  // ranks grow with the index, so a binary search per run finds it.
  for (const run of runs) {
    let lo = 0;
    let hi = run.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = run[mid]!;
      if (total(runs, x, true) < k) lo = mid + 1;
      else if (total(runs, x, false) >= k) hi = mid - 1;
      else return x;
    }
  }
  return null;
}

/** Nearest-rank percentile over ascending runs (see `nearestRank`). */
export function percentileOfRuns(runs: readonly ArrayLike<number>[], p: number): number | null {
  let n = 0;
  for (const run of runs) n += run.length;
  if (n === 0) return null;
  return kthSmallest(runs, Math.min(n, Math.max(1, Math.ceil((p / 100) * n))));
}

export function meanOfRuns(runs: readonly ArrayLike<number>[]): number | null {
  let n = 0;
  let sum = 0;
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) sum += run[i]!;
    n += run.length;
  }
  return n === 0 ? null : sum / n;
}
