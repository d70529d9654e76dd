import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  migratePostgres,
  openPostgresStore,
  openSqliteStore,
  type MigrationState,
  type Store,
} from '@baton/store';
import { buildApp } from './app.js';
import { exportLines, importLines, type TransferLine } from './cluster/installation-transfer.js';
import { ConfigError, loadConfig, type Config } from './config.js';

const USAGE = `Usage: baton <command>

Commands:
  start                  open the database (migrating it), seed the example on first start, finish
                         runs left unfinished, and serve the API, webhooks and web app
  migrate                bring the database to the latest migration and exit
  worker                 cluster mode: execute runs from the queue (BATON_WORKER_CONCURRENCY at once)
                         with a health endpoint on BATON_WORKER_HEALTH_PORT; SIGTERM drains it
  export <file> [--with-runs]
                         write flows, versions, drafts, owners, users and connections (and runs)
                         of the configured database to a JSON Lines file
  import <file>          add an export's contents to the configured database (existing items kept)

Configuration (environment): BATON_PORT (4310), BATON_HOST (127.0.0.1), BATON_DATA_DIR (./data),
BATON_LOG_LEVEL (info), BATON_BODY_LIMIT (1MiB), BATON_WEB_DIR, BATON_EXAMPLES_DIR, BATON_SEED (true),
BATON_WORKERS (64), BATON_MAX_QUEUE (2000), BATON_LEASE_MS (60000), BATON_IDEMPOTENCY_WINDOW (24 h),
BATON_SECRET_KEY / BATON_SECRET_KEY_FILE (<data dir>/secret.key), BATON_EGRESS_ALLOW.
Cluster mode: BATON_DATABASE_URL (postgres://…), BATON_DATABASE_SCHEMA (public), BATON_REDIS_URL
(redis://…), BATON_QUEUE_PREFIX (baton), BATON_WORKER_CONCURRENCY (16), BATON_WORKER_HEALTH_PORT (4311).`;

function onSignals(shutdown: (signal: string) => void): void {
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

async function start(config: Config): Promise<void> {
  const app = await buildApp(config);
  let closing = false;
  onSignals((signal) => {
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
  });

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Baton listening on http://${host}:${port}`);
  console.log(
    config.databaseUrl
      ? `Database: PostgreSQL (${redactUrl(config.databaseUrl)})`
      : `Data folder: ${config.dataDir}`,
  );
  if (config.redisUrl)
    console.log(`Queue: Redis (${redactUrl(config.redisUrl)}); runs execute on baton worker`);
}

async function worker(config: Config): Promise<void> {
  // Imported here, not at the top: cluster mode's BullMQ and ioredis stay unloaded in `baton start`.
  const { startWorker } = await import('./cluster/worker-process.js');
  const running = await startWorker(config);
  let closing = false;
  onSignals((signal) => {
    if (closing) return;
    closing = true;
    running.app.log.info({ signal }, 'worker draining');
    // Finishes the active runs (or releases them after the timeout), then exits.
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  const address = running.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.workerHealthPort;
  console.log(
    `Baton worker running (concurrency ${config.workerConcurrency}); health on http://${config.host}:${port}/readyz`,
  );
}

/** The configured store: PostgreSQL with `BATON_DATABASE_URL`, else `baton.sqlite` in the data folder. */
function openStore(config: Config): Promise<Store> {
  return config.databaseUrl
    ? openPostgresStore({
        connectionString: config.databaseUrl,
        ...(config.databaseSchema !== undefined && { schema: config.databaseSchema }),
      })
    : openSqliteStore({ file: join(config.dataDir, 'baton.sqlite') });
}

async function migrate(config: Config): Promise<void> {
  let state: MigrationState;
  if (config.databaseUrl) {
    state = await migratePostgres({
      connectionString: config.databaseUrl,
      ...(config.databaseSchema !== undefined && { schema: config.databaseSchema }),
    });
  } else {
    const store = await openSqliteStore({ file: join(config.dataDir, 'baton.sqlite') });
    state = store.migration;
    await store.close();
  }
  const { current, appliedNow } = state;
  console.log(
    appliedNow.length > 0
      ? `Applied migrations ${appliedNow.join(', ')}; database at migration ${current}`
      : `Database already at migration ${current}`,
  );
}

async function exportTo(config: Config, file: string, withRuns: boolean): Promise<void> {
  const store = await openStore(config);
  const out = createWriteStream(file, { encoding: 'utf8', mode: 0o600 });
  const tally = new Map<string, number>();
  try {
    for await (const line of exportLines(store, { withRuns, now: new Date().toISOString() })) {
      tally.set(line.kind, (tally.get(line.kind) ?? 0) + 1);
      if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'finish');
    await store.close();
  }
  tally.delete('header');
  const summary = [...tally].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ');
  console.log(`Exported ${summary || 'nothing'} to ${file}`);
}

async function importFrom(config: Config, file: string): Promise<void> {
  const store = await openStore(config);
  try {
    const reader = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    async function* lines(): AsyncGenerator<TransferLine> {
      for await (const text of reader) if (text.trim() !== '') yield JSON.parse(text) as TransferLine;
    }
    const counts = await importLines(store, lines());
    console.log(
      `Imported ${counts.users} users, ${counts.owners} owners, ${counts.connections} connections, ` +
        `${counts.flows} flows (${counts.versions} versions), ${counts.runs} runs`,
    );
    if (counts.skipped.length > 0)
      console.log(`Kept as they were (already present): ${counts.skipped.join(', ')}`);
  } finally {
    await store.close();
  }
}

/** Connection URLs may carry a password: never print it. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
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
  const file = rest.find((arg) => !arg.startsWith('--'));
  switch (command) {
    case 'start':
      await start(config);
      return -1; // keep running until a signal
    case 'worker':
      if (!config.databaseUrl || !config.redisUrl) {
        console.error('baton worker needs cluster mode: set BATON_DATABASE_URL and BATON_REDIS_URL');
        return 1;
      }
      await worker(config);
      return -1;
    case 'migrate':
      await migrate(config);
      return 0;
    case 'export':
    case 'import':
      if (!file) {
        console.error(`baton ${command} needs a file.\n\n${USAGE}`);
        return 1;
      }
      if (command === 'export') await exportTo(config, file, rest.includes('--with-runs'));
      else await importFrom(config, file);
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
