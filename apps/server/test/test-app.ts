import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { FlowSource } from '@baton/schema';
import { buildApp, type AppDeps } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

export function tempDir(prefix = 'baton-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Config for a test: a fresh data dir, quiet logs, no web build unless given. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      dataDir: tempDir(),
      logLevel: 'silent',
      port: 0,
      webDir: join(tmpdir(), 'baton-no-web-build'),
      examplesDir: EXAMPLES_DIR,
      seed: false,
      ...overrides,
    },
  );
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** Closes the app; removes the data dir unless `keepData`. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestApp(overrides: Partial<Config> = {}, deps: AppDeps = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const app = await buildApp(config, deps);
  await app.ready();
  return {
    app,
    config,
    async close(options = {}) {
      await app.close();
      if (!options.keepData) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

export function exampleSource(): FlowSource {
  return JSON.parse(
    readFileSync(join(EXAMPLES_DIR, 'order-to-fulfillment', 'flow.json'), 'utf8'),
  ) as FlowSource;
}

/** The example flow writing to another table, so tests do not depend on the seed's table. */
export function exampleSourceWritingTo(table: string): FlowSource {
  const source = exampleSource();
  const write = source.nodes.find((n) => n.kind === 'write');
  if (!write) throw new Error('example flow has no write node');
  write.config = { ...write.config, table };
  return source;
}

export function sampleRecords(): Array<Record<string, unknown>> {
  return readFileSync(join(EXAMPLES_DIR, 'order-to-fulfillment', 'sample-records.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Rows of a downstream table, read through a separate connection (what another system would see). */
export function downstreamRows(dataDir: string, table: string): Array<Record<string, unknown>> {
  const db = new Database(join(dataDir, 'downstream.sqlite'), { readonly: true });
  try {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    return exists
      ? (db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Array<Record<string, unknown>>)
      : [];
  } finally {
    db.close();
  }
}

export const changeNote = { reason: 'test', acceptanceCheck: 'rows arrive once', risk: 'none' };

/** Creates a flow with the given draft, submits it as a version and publishes it. */
export async function publishFlow(app: FastifyInstance, id: string, source: FlowSource): Promise<void> {
  const steps = [
    { method: 'POST' as const, url: '/api/flows', payload: { id, name: id } },
    { method: 'PUT' as const, url: `/api/flows/${id}/draft`, payload: source },
    { method: 'POST' as const, url: `/api/flows/${id}/versions`, payload: { changeNote } },
    { method: 'POST' as const, url: `/api/flows/${id}/versions/1/publish` },
  ];
  for (const step of steps) {
    const res = await app.inject(step);
    if (res.statusCode >= 300) throw new Error(`${step.method} ${step.url}: ${res.statusCode} ${res.body}`);
  }
}
