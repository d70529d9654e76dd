import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadClusterConfig, type ClusterConfig } from './cluster/cluster-config.js';
import { loadTriggersConfig, type TriggersConfig } from './triggers/triggers-config.js';
import { loadReliabilityConfig, type ReliabilityConfig } from './reliability-config.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config extends ReliabilityConfig, ClusterConfig, TriggersConfig {
  port: number;
  host: string;
  /** Absolute. Holds `baton.sqlite` (Baton's own state) and `downstream.sqlite` (the embedded target). */
  dataDir: string;
  logLevel: LogLevel;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** The web app's build (`apps/web/dist`); served on the same port when present. */
  webDir: string;
  /** Where `order-to-fulfillment/flow.json` is read from for the first-start seed. */
  examplesDir: string;
  /** Seed the example flow when the database has no flows. */
  seed: boolean;
  /** Create the users `admin`, `analyst`, `owner` when there are no users. */
  seedUsers: boolean;
  /** With the example, seed its labelled 30-day demo metrics history (`BATON_SEED_DEMO`). */
  seedDemo: boolean;
  /** Their password (`BATON_SEED_PASSWORD`); random, printed once and written to the data folder, when unset. */
  seedPassword: string | undefined;
  /** Webhook requests per flow per minute before 429 (`BATON_HOOK_RATE_LIMIT`). */
  hookRateLimit: number;
  /** Days a run keeps its input and steps (`BATON_RUN_RETENTION_DAYS`); null keeps them forever. */
  runRetentionDays: number | null;
}

function retentionDays(text: string | undefined, problems: string[]): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    problems.push(`BATON_RUN_RETENTION_DAYS must be a positive number of days, not "${text}"`);
    return null;
  }
  return Number(text);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

// This file sits in `src/` when run with tsx and is bundled into `dist/cli.js` for production;
// both are two levels below the repo's `apps/`, so the same relative paths work from either.
const here = dirname(fileURLToPath(import.meta.url));

function defaultExamplesDir(): string {
  // The build copies examples next to the bundle, so `dist/` works on its own; a checkout
  // run from source reads the repo's folder.
  const candidates = [join(here, 'examples'), resolve(here, '../../../examples')];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[1]!;
}

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1000,
  kib: 1024,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
};

function parseBytes(text: string): number | null {
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text);
  const unit = BYTE_UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  return match && unit !== undefined ? Number(match[1]) * unit : null;
}

/**
 * Reads Baton's configuration from environment variables (see docs/architecture.md), with
 * `overrides` winning (tests and the bench use them). Every problem is reported at once.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const problems: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };

  const portText = value('BATON_PORT') ?? '4310';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    problems.push(`BATON_PORT must be a port number (0-65535), not "${portText}"`);

  const logLevel = (value('BATON_LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`BATON_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  }

  const bodyLimitText = value('BATON_BODY_LIMIT') ?? '1MiB';
  const bodyLimit = parseBytes(bodyLimitText);
  if (bodyLimit === null || bodyLimit < 1024 || bodyLimit > 100 * 1024 ** 2) {
    problems.push(
      `BATON_BODY_LIMIT must be between 1KiB and 100MiB (e.g. 1048576 or 1MiB), not "${bodyLimitText}"`,
    );
  }

  const hookRateText = value('BATON_HOOK_RATE_LIMIT') ?? '60000';
  const hookRateLimit = /^\d+$/.test(hookRateText) && Number(hookRateText) > 0 ? Number(hookRateText) : null;
  if (hookRateLimit === null) {
    problems.push(
      `BATON_HOOK_RATE_LIMIT must be a positive number of requests per minute, not "${hookRateText}"`,
    );
  }

  const config: Config = {
    port,
    host: value('BATON_HOST') ?? '127.0.0.1',
    dataDir: resolve(value('BATON_DATA_DIR') ?? './data'),
    logLevel: logLevel as LogLevel,
    bodyLimit: bodyLimit ?? 0,
    webDir: resolve(value('BATON_WEB_DIR') ?? join(here, '../../web/dist')),
    examplesDir: resolve(value('BATON_EXAMPLES_DIR') ?? defaultExamplesDir()),
    seed: value('BATON_SEED') !== 'false',
    seedUsers: value('BATON_SEED_USERS') !== 'false',
    seedDemo: value('BATON_SEED_DEMO') !== 'false',
    seedPassword: env['BATON_SEED_PASSWORD'] || undefined,
    hookRateLimit: hookRateLimit ?? 0,
    ...loadReliabilityConfig(value, problems),
    ...loadClusterConfig(value, problems),
    ...loadTriggersConfig(value, problems),
    runRetentionDays: retentionDays(value('BATON_RUN_RETENTION_DAYS'), problems),
    ...overrides,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
