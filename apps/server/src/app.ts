import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock } from '@baton/engine';
import type { Clock } from '@baton/nodes';
import type { Config } from './config.js';
import { registerJsonOnly } from './content-types.js';
import { registerErrorHandler } from './error-handler.js';
import { createLogger } from './logger.js';
import { downstreamPlugin } from './plugins/downstream-plugin.js';
import { openapiPlugin } from './plugins/openapi-plugin.js';
import { runnerPlugin } from './plugins/runner-plugin.js';
import { seedPlugin } from './plugins/seed-plugin.js';
import { storePlugin } from './plugins/store-plugin.js';
import { webPlugin } from './plugins/web-plugin.js';
import { draftRoutes } from './routes/drafts.js';
import { flowRoutes } from './routes/flows.js';
import { healthRoutes } from './routes/health.js';
import { hookRoutes } from './routes/hooks.js';
import { runRoutes } from './routes/runs.js';
import { versionRoutes } from './routes/versions.js';

export interface AppDeps {
  /** Injected so tests can pin time; the wall clock otherwise. */
  clock?: Clock;
}

/**
 * The composition root. Builds the app without listening (tests use `inject`, the CLI
 * listens). `ready()` opens and migrates the databases, seeds an empty one and finishes runs
 * a crash left behind.
 */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: createLogger(config.logLevel),
    bodyLimit: config.bodyLimit,
    // Request ids in logs and problem details; a caller's X-Request-Id is kept.
    requestIdHeader: 'x-request-id',
  });

  registerJsonOnly(app);
  registerErrorHandler(app);

  // Infrastructure, in dependency order.
  await app.register(storePlugin, { dataDir: config.dataDir });
  await app.register(downstreamPlugin, { dataDir: config.dataDir });
  await app.register(runnerPlugin, { clock: deps.clock ?? systemClock });
  if (config.seed) await app.register(seedPlugin, { examplesDir: config.examplesDir });

  // The API (documented as it is registered), webhooks, health.
  await app.register(openapiPlugin);
  await app.register(flowRoutes);
  await app.register(draftRoutes);
  await app.register(versionRoutes);
  await app.register(runRoutes);
  await app.register(hookRoutes);
  await app.register(healthRoutes);

  // Last: the web app, and the not-found handler that tells API 404s from SPA routes.
  await app.register(webPlugin, { webDir: config.webDir });

  return app;
}
