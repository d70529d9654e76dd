import { join } from 'node:path';
import { openSqliteStore } from '@baton/store';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';

const USAGE = `Usage: baton <command>

Commands:
  start     open the database (migrating it), seed the example on first start, finish
            runs left unfinished, and serve the API, webhooks and web app
  migrate   bring the database to the latest migration and exit

Configuration (environment): BATON_PORT (4310), BATON_HOST (127.0.0.1), BATON_DATA_DIR (./data),
BATON_LOG_LEVEL (info), BATON_BODY_LIMIT (1MiB), BATON_WEB_DIR, BATON_EXAMPLES_DIR, BATON_SEED (true),
BATON_WORKERS (64), BATON_MAX_QUEUE (2000), BATON_LEASE_MS (60000), BATON_IDEMPOTENCY_WINDOW (24 h),
BATON_SECRET_KEY / BATON_SECRET_KEY_FILE (<data dir>/secret.key), BATON_EGRESS_ALLOW.`;

async function start(config: Config): Promise<void> {
  const app = await buildApp(config);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // close() stops accepting connections, lets in-flight requests finish, then the onClose
    // hooks close both databases; a run cut short stays queued and is finished on next start.
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Baton listening on http://${host}:${port}`);
  console.log(`Data folder: ${config.dataDir}`);
}

async function migrate(config: Config): Promise<void> {
  const store = await openSqliteStore({ file: join(config.dataDir, 'baton.sqlite') });
  const { current, appliedNow } = store.migration;
  await store.close();
  console.log(
    appliedNow.length > 0
      ? `Applied migrations ${appliedNow.join(', ')}; database at migration ${current}`
      : `Database already at migration ${current}`,
  );
}

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 1 : 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  switch (command) {
    case 'start':
      await start(config);
      return -1; // keep running until a signal
    case 'migrate':
      await migrate(config);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
