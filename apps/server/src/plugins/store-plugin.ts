import { join } from 'node:path';
import fp from 'fastify-plugin';
import { openPostgresStore, openSqliteStore, type Store } from '@baton/store';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

export interface StorePluginOptions {
  dataDir: string;
  /** Cluster mode: `BATON_DATABASE_URL` (and `BATON_DATABASE_SCHEMA`) put the state in PostgreSQL. */
  databaseUrl?: string | undefined;
  databaseSchema?: string | undefined;
}

/**
 * Baton's own database (`baton.sqlite` in the data dir, or PostgreSQL when `databaseUrl` is
 * set), migrated on open, closed with the app.
 */
export const storePlugin = fp<StorePluginOptions>(
  async (app, options) => {
    const store = options.databaseUrl
      ? await openPostgresStore({
          connectionString: options.databaseUrl,
          ...(options.databaseSchema !== undefined && { schema: options.databaseSchema }),
        })
      : await openSqliteStore({ file: join(options.dataDir, 'baton.sqlite') });
    if (store.migration.appliedNow.length > 0) {
      app.log.info({ migrations: store.migration.appliedNow }, 'database migrated');
    }
    app.decorate('store', store);
    app.addHook('onClose', async () => store.close());
  },
  { name: 'baton-store', fastify: '5.x' },
);
