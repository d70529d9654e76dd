import fp from 'fastify-plugin';
import type { Clock } from '@baton/nodes';
import { Runner, type RunnerOptions } from '../runner/runner.js';
import { TargetRouter } from '../targets/target-router.js';

declare module 'fastify' {
  interface FastifyInstance {
    runner: Runner;
    clock: Clock;
  }
}

export interface RunnerPluginOptions {
  clock: Clock;
  runner: RunnerOptions;
}

/**
 * The in-process runner. When the app is ready it first finishes runs a crash left behind
 * (their records were acknowledged, so they must complete), then the app starts answering.
 * On close it lets queued runs finish before the databases close.
 */
export const runnerPlugin = fp<RunnerPluginOptions>(
  async (app, options) => {
    const runner = new Runner({
      store: app.store,
      targets: new TargetRouter(app.downstream, app.connections),
      clock: options.clock,
      options: options.runner,
      inputs: app.runInputs,
      onError: (err, context) => app.log.error({ err, context }, 'runner error'),
    });
    app.decorate('clock', options.clock);
    app.decorate('runner', runner);
    app.addHook('onReady', async () => {
      const recovered = await runner.recover();
      if (recovered > 0) app.log.info({ recovered }, 'finished runs left unfinished by the last shutdown');
    });
    app.addHook('onClose', async () => runner.stop());
  },
  {
    name: 'baton-runner',
    fastify: '5.x',
    dependencies: ['baton-store', 'baton-downstream', 'baton-connections', 'baton-run-inputs'],
  },
);
