import fp from 'fastify-plugin';
import { MetricsProjector } from './run-projector.js';

declare module 'fastify' {
  interface FastifyInstance {
    metricsProjector: MetricsProjector;
  }
}

export interface MetricsPluginOptions {
  /**
   * A periodic catch-up pass, off by default: every finisher writes its run's fact in the
   * transaction that finishes the run, so the pass only finds runs stored by an older Baton
   * (or copied in by a transfer). 0 disables it.
   */
  intervalMs?: number;
}

/**
 * Backfills `run_facts` once the app is ready: facts of runs finished before facts were written
 * with the run (an upgrade), which a pass finds by listing runs from the watermark. Runs
 * finished from then on carry their fact already, so no pass runs on the webhook's hot path.
 */
export const metricsPlugin = fp<MetricsPluginOptions>(
  async (app, options) => {
    const projector = new MetricsProjector(app.store);
    app.decorate('metricsProjector', projector);
    let timer: NodeJS.Timeout | null = null;
    const tick = async () => {
      try {
        await projector.catchUp();
      } catch (error) {
        app.log.error({ err: error }, 'metrics backfill failed; it runs again at the next start');
      }
    };
    app.addHook('onReady', async () => {
      // Not awaited: a backfill after an upgrade may read many runs, and readiness must not wait
      // for metrics. The metrics routes wait for a pass in progress before they answer.
      void tick();
      const interval = options.intervalMs ?? 0;
      if (interval > 0) {
        timer = setInterval(() => void tick(), interval);
        timer.unref();
      }
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await projector.idle();
    });
  },
  { name: 'baton-metrics', fastify: '5.x', dependencies: ['baton-store'] },
);
