import fp from 'fastify-plugin';
import { MetricsProjector } from './run-projector.js';

declare module 'fastify' {
  interface FastifyInstance {
    metricsProjector: MetricsProjector;
  }
}

export interface MetricsPluginOptions {
  /**
   * How often finished runs are projected (10 s by default; 0 disables the timer, for tests). The
   * metrics routes catch up before answering, so this only bounds how stale the facts table gets
   * between requests; a shorter beat would re-list the overlap window more often under load.
   */
  intervalMs?: number;
}

/**
 * Keeps `run_facts` up to date: starts catching up once the app is ready (runs a crash finished
 * but did not project), then polls. Polling the store rather than hooking the runner keeps metrics off
 * the run's hot path and sees runs finished by any process.
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
        app.log.error({ err: error }, 'metrics projection failed; it runs again at the next interval');
      }
    };
    app.addHook('onReady', async () => {
      // Not awaited: catching up after an upgrade may read many runs, and readiness must not wait
      // for metrics. The metrics routes join the pass in progress before they answer.
      void tick();
      const interval = options.intervalMs ?? 10_000;
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
