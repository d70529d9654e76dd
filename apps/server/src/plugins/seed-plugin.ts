import fp from 'fastify-plugin';
import { seedDemoHistory } from '../seed/demo-history.js';
import { seedExample } from '../seed/seed-example.js';

export interface SeedPluginOptions {
  examplesDir: string;
  /** Also seed the example flow's 30-day demo metrics history (labelled `demo`). */
  seedDemo?: boolean;
}

/** Seeds the example flow into an empty database, before the app answers its first request. */
export const seedPlugin = fp<SeedPluginOptions>(
  async (app, options) => {
    let result;
    try {
      result = await seedExample(app.store, options.examplesDir, app.clock);
    } catch (error) {
      // A bundle copied away from its examples still starts; it just has nothing to show yet.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      app.log.warn({ examplesDir: options.examplesDir }, 'example flow not found; nothing seeded');
      return;
    }
    if (!result.seeded) return;
    if (result.published) app.log.info('seeded and published the order-to-fulfillment example');
    else
      app.log.warn({ diagnostics: result.diagnostics }, 'seeded the example draft, but it does not compile');
    if (options.seedDemo) {
      const facts = await seedDemoHistory(app.store, app.clock);
      app.log.info({ facts }, "seeded the example flow's 30-day demo metrics history");
    }
  },
  { name: 'baton-seed', fastify: '5.x', dependencies: ['baton-store', 'baton-runner'] },
);
