import { join } from 'node:path';
import fp from 'fastify-plugin';
import { openSqliteStore, type Store } from '@baton/store';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

export interface StorePluginOptions {
  dataDir: string;
}

/** Baton's own database (`baton.sqlite` in the data dir), migrated on open, closed with the app. */
export const storePlugin = fp<StorePluginOptions>(
  async (app, options) => {
    const store = await openSqliteStore({ file: join(options.dataDir, 'baton.sqlite') });
    if (store.migration.appliedNow.length > 0) {
      app.log.info({ migrations: store.migration.appliedNow }, 'database migrated');
    }
    app.decorate('store', store);
    app.addHook('onClose', async () => store.close());
  },
  { name: 'baton-store', fastify: '5.x' },
);
