import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

export interface HeapTuning {
  /** Cap of one semi-space of the young generation, in MiB (V8's own cap is 16). */
  semiSpaceMiB: number;
  /** Old-generation headroom over the live size before a full GC, in per cent. */
  heapGrowingPercent: number;
}

export const SERVER_HEAP_TUNING: HeapTuning = { semiSpaceMiB: 4, heapGrowingPercent: 35 };

/** V8's default `--semi-space-growth-factor`. */
const GROWTH_FACTOR = 2;

/** True when the operator set any of these V8 flags on the command line or in NODE_OPTIONS. */
function operatorSet(flags: readonly string[]): boolean {
  const given = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)];
  return given.some((arg) => flags.some((flag) => arg.replaceAll('_', '-').startsWith(`--${flag}`)));
}

/**
 * Sizes V8's heap for a long-running server (issue 5: peak RSS under webhook load). Under load,
 * V8's defaults keep ~100 MB more resident than a server needs:
 *
 * - The old generation may grow to several times its live size before a full GC when GC looks
 *   cheap; request objects that outlive a scavenge (50 in flight, group commit) pile up there.
 *   35 % headroom keeps it near the live size, for ~10 % more CPU per request.
 * - The young generation grows each semi-space to 16 MiB (32 MiB resident) after the first busy
 *   scavenges; 4 MiB lets a request's garbage die young all the same (measured: same CPU per
 *   request as 8 MiB under the bench-peer load, ~8 MB less peak RSS).
 *
 * Both are set here, at run time, because `baton start` is usually run as `baton start` or
 * `node dist/cli.js start`, not with node options. `--heap-growing-percent` is read at every
 * GC, so `setFlagsFromString` works for it. `--max-semi-space-size` is read only when the isolate
 * is created (and a re-exec would keep a second node process resident), so the young generation
 * is capped another way: growth (`--semi-space-growth-factor`, read at each growth) is switched
 * off near the cap and on again if V8 shrinks it below (when idle), checked after each GC. Flags
 * the operator gave win: then the matching half is left alone. Called by the launcher (cli.ts)
 * before the rest of Baton is loaded; the function it returns is called once it is.
 */
export function tuneHeap(tuning: HeapTuning = SERVER_HEAP_TUNING): () => void {
  if (!operatorSet(['heap-growing-percent'])) {
    setFlagsFromString(`--heap-growing-percent=${tuning.heapGrowingPercent}`);
  }
  if (operatorSet(['max-semi-space-size', 'semi-space-growth-factor', 'min-semi-space-size'])) {
    return () => undefined;
  }
  // The new space's size is both semi-spaces.
  const cap = 2 * tuning.semiSpaceMiB * 1024 * 1024;
  let frozen = false;
  const freeze = (on: boolean) => {
    if (on === frozen) return;
    frozen = on;
    setFlagsFromString(`--semi-space-growth-factor=${on ? 1 : GROWTH_FACTOR}`);
  };
  // Growth stays on only while one more doubling fits under the cap: observers are told between
  // event-loop turns, so a turn with several scavenges could otherwise grow past it.
  const check = () => {
    const newSpace = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    freeze((newSpace?.space_size ?? 0) * GROWTH_FACTOR > cap);
  };
  // Loading Baton's modules is what first grows the new space, in one synchronous stretch no
  // observer can interrupt: growth is held until the caller says they are loaded.
  freeze(true);
  return () => {
    check();
    new PerformanceObserver(check).observe({ entryTypes: ['gc'] });
  };
}
