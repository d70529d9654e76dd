import fp from 'fastify-plugin';
import type { Store } from '@baton/store';

const DAY_MS = 86_400_000;
const BATCH = 500;

/**
 * Purges the input and steps of runs received more than `days` ago, in batches (one short
 * transaction each, so webhooks are not held up). Run rows and ledger entries stay: metrics and
 * the movement ledger outlive the traces. Answers how many runs were purged.
 */
export async function purgeExpiredRuns(store: Store, days: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - days * DAY_MS).toISOString();
  let total = 0;
  for (;;) {
    const purged = await store.runs.purge(before, now.toISOString(), BATCH);
    total += purged;
    if (purged < BATCH) return total;
  }
}

export interface RetentionPluginOptions {
  /** Null: keep runs forever, no job. */
  days: number | null;
  /** How often the job runs (hourly by default). */
  intervalMs?: number;
}

/** The retention job: once when the app is ready, then every `intervalMs`. */
export const retentionPlugin = fp<RetentionPluginOptions>(
  async (app, options) => {
    const { days } = options;
    if (days === null) return;
    let timer: NodeJS.Timeout | null = null;
    const purge = async () => {
      try {
        const purged = await purgeExpiredRuns(app.store, days, app.clock.now());
        if (purged > 0) app.log.info({ purged, days }, 'run retention: purged inputs and steps');
      } catch (error) {
        app.log.error({ err: error }, 'run retention failed; it runs again at the next interval');
      }
    };
    app.addHook('onReady', async () => {
      await purge();
      timer = setInterval(() => void purge(), options.intervalMs ?? 3_600_000);
      timer.unref();
    });
    app.addHook('onClose', () => {
      if (timer) clearInterval(timer);
    });
  },
  { name: 'baton-run-retention', fastify: '5.x', dependencies: ['baton-store', 'baton-runner'] },
);
