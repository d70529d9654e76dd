import { join } from 'node:path';
import fp from 'fastify-plugin';
import { SqliteDownstream } from '../targets/sqlite-downstream.js';

declare module 'fastify' {
  interface FastifyInstance {
    downstream: SqliteDownstream;
  }
}

export interface DownstreamPluginOptions {
  dataDir: string;
}

/** The embedded downstream database (`downstream.sqlite`) that write nodes target. */
export const downstreamPlugin = fp<DownstreamPluginOptions>(
  async (app, options) => {
    const downstream = new SqliteDownstream(join(options.dataDir, 'downstream.sqlite'));
    app.decorate('downstream', downstream);
    app.addHook('onClose', async () => downstream.close());
  },
  { name: 'baton-downstream', fastify: '5.x' },
);
