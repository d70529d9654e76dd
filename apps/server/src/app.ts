import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock } from '@baton/engine';
import type { Clock } from '@baton/nodes';
import type { Config } from './config.js';
import { authPlugin } from './auth/auth-plugin.js';
import { registerJsonOnly } from './content-types.js';
import { registerErrorHandler } from './error-handler.js';
import { seedUsersPlugin } from './governance/seed-users.js';
import { createLogger } from './logger.js';
import {
  notificationsPlugin,
  type NotificationsPluginOptions,
} from './notifications/notifications-plugin.js';
import { connectionsPlugin } from './plugins/connections-plugin.js';
import { downstreamPlugin } from './plugins/downstream-plugin.js';
import { openapiPlugin } from './plugins/openapi-plugin.js';
import { runInputsPlugin } from './plugins/run-inputs-plugin.js';
import { runnerPlugin } from './plugins/runner-plugin.js';
import { seedPlugin } from './plugins/seed-plugin.js';
import { storePlugin } from './plugins/store-plugin.js';
import { webPlugin } from './plugins/web-plugin.js';
import type { Sleep } from './targets/retry-policy.js';
import { approvalRoutes } from './routes/approvals.js';
import { contractRoutes } from './routes/contracts.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { connectionRoutes } from './routes/connections.js';
import { deadLetterRoutes } from './routes/dead-letters.js';
import { draftRoutes } from './routes/drafts.js';
import { flowRoutes } from './routes/flows.js';
import { templateRoutes } from './routes/templates.js';
import { healthRoutes } from './routes/health.js';
import { metricsPlugin } from './metrics/metrics-plugin.js';
import { baselineRoutes } from './routes/baselines.js';
import { metricsRoutes } from './routes/metrics.js';
import { hookRoutes } from './routes/hooks.js';
import { inboxRoutes } from './routes/inbox.js';
import { myFieldsRoutes } from './routes/my-fields.js';
import { ownerRoutes } from './routes/owners.js';
import { playbookRoutes } from './playbook/playbook-routes.js';
import { retentionPlugin } from './replay/run-retention.js';
import { replayRoutes } from './routes/replay.js';
import { runEventRoutes } from './routes/run-events.js';
import { runRoutes } from './routes/runs.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { versionRoutes } from './routes/versions.js';
import { webhookSecretRoutes } from './routes/webhook-secrets.js';
import { batchRoutes } from './routes/batches.js';
import { scheduleRoutes } from './routes/schedules.js';
import { triggersPlugin } from './triggers/triggers-plugin.js';

export interface AppDeps {
  /** Injected so tests can pin time; the wall clock otherwise. */
  clock?: Clock;
  /** Where log lines go (stdout by default); tests capture them to grep for secrets. */
  logStream?: NodeJS.WritableStream;
  /** Injected so tests run target retries and back-off without waiting. */
  sleep?: Sleep;
  /** Notifier timing and transport (tests tick it by hand and shorten the back-off). */
  notifications?: NotificationsPluginOptions;
}

/**
 * The composition root. Builds the app without listening (tests use `inject`, the CLI
 * listens). `ready()` opens and migrates the databases, seeds an empty one and finishes runs
 * a crash left behind.
 */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: createLogger(config.logLevel, deps.logStream),
    bodyLimit: config.bodyLimit,
    // Request ids in logs and problem details; a caller's X-Request-Id is kept.
    requestIdHeader: 'x-request-id',
  });

  registerJsonOnly(app);
  registerErrorHandler(app);

  // Infrastructure, in dependency order.
  await app.register(storePlugin, {
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
  });
  await app.register(downstreamPlugin, { dataDir: config.dataDir });
  await app.register(connectionsPlugin, {
    dataDir: config.dataDir,
    secretKey: config.secretKey,
    secretKeyFile: config.secretKeyFile,
    egressAllow: config.egressAllow,
    clock: deps.clock ?? systemClock,
    ...(deps.sleep && { sleep: deps.sleep }),
  });
  await app.register(runInputsPlugin, {
    dataDir: config.dataDir,
    secretKey: config.secretKey,
    secretKeyFile: config.secretKeyFile,
  });
  await app.register(runnerPlugin, {
    clock: deps.clock ?? systemClock,
    runner: {
      workers: config.workers,
      maxQueueDepth: config.maxQueueDepth,
      leaseMs: config.leaseMs,
      syncWaitMs: config.syncWaitMs,
      idempotencyWindowMs: config.idempotencyWindowMs,
    },
    cluster: config.redisUrl ? { redisUrl: config.redisUrl, queuePrefix: config.queuePrefix } : undefined,
  });
  if (config.seedUsers) {
    await app.register(seedUsersPlugin, { dataDir: config.dataDir, password: config.seedPassword });
  }
  await app.register(notificationsPlugin, deps.notifications ?? {});
  await app.register(triggersPlugin, {
    dataDir: config.dataDir,
    egressAllow: config.egressAllow,
    idempotencyWindowMs: config.idempotencyWindowMs,
    batchLimit: config.batchLimit,
    batchConcurrency: config.batchConcurrency,
    cluster: config.redisUrl !== undefined,
    clusterRedis: config.redisUrl
      ? { redisUrl: config.redisUrl, queuePrefix: config.queuePrefix }
      : undefined,
  });
  // Metrics facts (issue 6): projected from finished runs; BATON_SEED_DEMO=false skips the demo history.
  await app.register(metricsPlugin);
  if (config.seed) {
    await app.register(seedPlugin, {
      examplesDir: config.examplesDir,
      seedDemo: config.seedDemo,
    });
  }
  // Every route below is checked against the access table (auth/access-table.ts).
  await app.register(authPlugin, {
    hookRateLimit: config.hookRateLimit,
    cluster: config.redisUrl ? { redisUrl: config.redisUrl, queuePrefix: config.queuePrefix } : undefined,
  });

  // The API (documented as it is registered), webhooks, health.
  await app.register(openapiPlugin);
  await app.register(authRoutes);
  await app.register(tokenRoutes);
  await app.register(userRoutes);
  await app.register(flowRoutes, { examplesDir: config.examplesDir });
  await app.register(templateRoutes, { examplesDir: config.examplesDir });
  await app.register(draftRoutes);
  await app.register(versionRoutes);
  await app.register(approvalRoutes);
  await app.register(runRoutes);
  await app.register(runEventRoutes);
  await app.register(replayRoutes);
  await app.register(retentionPlugin, { days: config.runRetentionDays });
  await app.register(hookRoutes);
  await app.register(deadLetterRoutes);
  await app.register(connectionRoutes);
  await app.register(auditRoutes);
  await app.register(webhookSecretRoutes);
  await app.register(ownerRoutes);
  await app.register(myFieldsRoutes);
  await app.register(contractRoutes);
  await app.register(inboxRoutes);
  await app.register(scheduleRoutes);
  await app.register(batchRoutes);
  await app.register(playbookRoutes);
  await app.register(metricsRoutes);
  await app.register(baselineRoutes);
  await app.register(healthRoutes);

  // Last: the web app, and the not-found handler that tells API 404s from SPA routes.
  await app.register(webPlugin, { webDir: config.webDir });

  return app;
}
