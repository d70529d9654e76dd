import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium-args.js';

// E2E_PORT / E2E_DATA_DIR / E2E_SERVER_CLI let several checkouts (or builds) run side by side.
const PORT = Number(process.env['E2E_PORT'] ?? 4391);
// A fresh data folder per run: the seed runs on first start, so the example is always there.
const DATA_DIR = process.env['E2E_DATA_DIR'] ?? join(tmpdir(), 'baton-e2e-data');
const SERVER_CLI = process.env['E2E_SERVER_CLI'] ?? '../apps/server/dist/cli.js';
export const SEED_PASSWORD = process.env['BATON_SEED_PASSWORD'] ?? 'baton-e2e-seed-password';
// Set E2E_BASE_URL to drive an already running Baton (e.g. `vite` dev) instead of the built one.
const external = process.env['E2E_BASE_URL'];

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results/artifacts',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: external ?? `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', ...CHROMIUM_ARGS],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  ...(external
    ? {}
    : {
        webServer: {
          command: `rm -rf "${DATA_DIR}" && node "${SERVER_CLI}" start`,
          url: `http://127.0.0.1:${PORT}/readyz`,
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
          env: {
            ...(process.env as Record<string, string>),
            BATON_PORT: String(PORT),
            BATON_HOST: '127.0.0.1',
            BATON_DATA_DIR: DATA_DIR,
            BATON_LOG_LEVEL: 'warn',
            // Known to the specs, so they can sign in as the seeded users.
            BATON_SEED_PASSWORD: SEED_PASSWORD,
          },
        },
      }),
});
