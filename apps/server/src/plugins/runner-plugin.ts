import fp from 'fastify-plugin';
import type { Clock } from '@baton/nodes';
import { Runner } from '../runner/runner.js';

declare module 'fastify' {
  interface FastifyInstance {
    runner: Runner;
    clock: Clock;
  }
}

export interface RunnerPluginOptions {
  clock: Clock;
}

/**
 * The in-process runner. When the app is ready it first finishes runs a crash left behind
 * (their records were acknowledged, so they must complete), then the app starts answering.
 */
export const runnerPlugin = fp<RunnerPluginOptions>(
  async (app, options) => {
    const runner = new Runner({ store: app.store, targets: app.downstream, clock: options.clock });
    app.decorate('clock', options.clock);
    app.decorate('runner', runner);
    app.addHook('onReady', async () => {
      const recovered = await runner.recover();
      if (recovered > 0) app.log.info({ recovered }, 'finished runs left unfinished by the last shutdown');
    });
  },
  { name: 'baton-runner', fastify: '5.x', dependencies: ['baton-store', 'baton-downstream'] },
);
