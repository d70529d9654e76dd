import type { RunSummary, Store } from '@baton/store';

export type RunListener = (run: RunSummary) => void;

export interface RunFeedOptions {
  /** How often the store is read while someone listens. */
  intervalMs?: number;
  /** How many of the newest runs each poll compares. */
  window?: number;
}

/**
 * Tells listeners about new runs and runs whose status changed. It polls the store's newest
 * runs instead of hooking the runner, because in cluster mode runs finish in other processes;
 * one poll serves every listener, and none runs while nobody listens. A burst larger than
 * `window` between two polls is reported only in part: clients treat an event as "reload",
 * so they still converge.
 */
export class RunFeed {
  private readonly listeners = new Set<RunListener>();
  private seen: Map<string, string> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private readonly intervalMs: number;
  private readonly window: number;

  constructor(
    private readonly store: Store,
    options: RunFeedOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.window = options.window ?? 100;
  }

  subscribe(listener: RunListener): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => void this.poll(), this.intervalMs);
      void this.poll();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.seen = null;
  }

  private async poll(): Promise<void> {
    if (this.polling) return; // a slow read: skip a beat rather than pile up
    this.polling = true;
    try {
      const { items } = await this.store.runs.list({ limit: this.window });
      const next = new Map(items.map((r) => [r.id, r.status as string]));
      // The first poll only learns what is there: listeners want what happens from now on.
      if (this.seen) {
        const previous = this.seen;
        const changed = items.filter((r) => previous.get(r.id) !== r.status).reverse();
        for (const run of changed) for (const listener of this.listeners) listener(run);
      }
      if (this.timer) this.seen = next;
    } catch {
      // The store is closing or busy; the next beat tries again.
    } finally {
      this.polling = false;
    }
  }
}
