import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { RunFact, Store } from '@baton/store';
import { RunFactRecorder } from './run-fact-recorder.js';
import { factOfRun, isFactStatus } from './run-facts.js';

/**
 * Runs received this long before the watermark are scanned again: receipt times are taken before
 * the intake commits, so a run can become visible after a later-stamped one (and in cluster
 * mode several API nodes stamp them). Each pass re-lists this window, so it also sets the cost
 * of a pass.
 */
const OVERLAP_MS = 20_000;
const PAGE = 200;
const BATCH = 100;

/**
 * Backfills `run_facts` with the facts of finished runs that have none: runs stored before each
 * finisher wrote its fact in the run's own transaction (see `RunFactRecorder`), or copied in by
 * a transfer. It reads runs only through the store's public run API (list and get) and keeps a
 * watermark: the receipt time before which every run is finished and projected. Each pass lists
 * runs from the watermark, projects the finished ones without a fact (oldest first, so a re-send
 * sees the rejection before it) and moves the watermark to the oldest unfinished run. Facts are
 * written once per run id, so a pass and a finisher may meet on the same run.
 */
export class MetricsProjector {
  private readonly facts = new RunFactRecorder();
  private running: Promise<number> | null = null;

  constructor(private readonly store: Store) {}

  /** One pass; concurrent callers share the pass in progress. Answers how many facts were added. */
  catchUp(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves once no pass is in progress (before the store closes, before a metrics read). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<number> {
    const watermark = await this.store.metrics.watermark();
    const from = watermark ? new Date(new Date(watermark).getTime() - OVERLAP_MS).toISOString() : undefined;
    const missing: Array<{ id: string; receivedAt: string }> = [];
    let oldestUnfinished: string | null = null;
    let newest: string | null = null;
    let cursor: string | undefined;
    do {
      const page = await this.store.runs.list({
        limit: PAGE,
        ...(from && { from }),
        ...(cursor && { cursor }),
      });
      const finished = page.items.filter((r) => isFactStatus(r.status) && r.finishedAt !== null);
      const done = await this.store.metrics.projected(finished.map((r) => r.id));
      for (const run of page.items) {
        if (newest === null || run.receivedAt > newest) newest = run.receivedAt;
        if (run.status === 'queued' || run.status === 'running') {
          if (oldestUnfinished === null || run.receivedAt < oldestUnfinished)
            oldestUnfinished = run.receivedAt;
        }
      }
      for (const run of finished) if (!done.has(run.id)) missing.push(run);
      cursor = page.nextCursor ?? undefined;
      // SQLite answers synchronously: without this a long catch-up would hold the event loop
      // (and every webhook waiting on it) until it ends.
      await yieldToIo();
    } while (cursor);

    missing.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
    let added = 0;
    for (let i = 0; i < missing.length; i += BATCH) {
      const facts: RunFact[] = [];
      for (const { id } of missing.slice(i, i + BATCH)) {
        const run = await this.store.runs.get(id);
        if (!run) continue;
        const fact = factOfRun(run, await this.facts.entryFieldsOf(this.store, run.flowId, run.version));
        if (fact) facts.push(fact);
      }
      added += await this.store.metrics.record(facts);
      await yieldToIo();
    }
    const next = oldestUnfinished ?? newest;
    if (next !== null && next !== watermark) await this.store.metrics.setWatermark(next);
    return added;
  }
}
