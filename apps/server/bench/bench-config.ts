import { join } from 'node:path';
import { loadConfig, type Config } from '../src/config.js';

/** The seeded admin's password in every in-process bench. */
export const BENCH_PASSWORD = 'bench-password-1';

/**
 * An in-process Baton for a bench: its own data folder, an OS-chosen port on loopback, quiet
 * logs, no web build, and no per-flow rate limit (the benches measure the run path, not it).
 */
export function benchConfig(dataDir: string): Config {
  return loadConfig(
    {},
    {
      dataDir,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'warn',
      seed: true,
      webDir: join(dataDir, 'no-web'),
      seedPassword: BENCH_PASSWORD,
      hookRateLimit: 100_000_000,
    },
  );
}
