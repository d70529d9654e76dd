import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { FlowSource } from '@baton/schema';
import type { Role } from '@baton/store';
import { buildApp, type AppDeps } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { authHeaders } from './support/auth.js';

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
      // Seeding users costs a password hash; only tests that sign in as a seeded user need it.
      seedUsers: overrides.seedPassword !== undefined,
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

export interface TestAppOptions {
  /**
   * The role `app.inject` acts as when a request carries no `authorization` or `cookie` header
   * (`admin` by default, so tests about something else need not repeat credentials); `null`
   * leaves requests anonymous, for tests about authentication itself.
   */
  as?: Role | null;
}

/** Wraps `inject` so requests without credentials carry `role`'s bearer token. */
function injectAs(app: FastifyInstance, role: Role): void {
  const inject = app.inject.bind(app);
  const withAuth = async (options: string | InjectOptions) => {
    const opts: InjectOptions = typeof options === 'string' ? { url: options } : { ...options };
    const headers = { ...(opts.headers as Record<string, string> | undefined) };
    if (headers.authorization === undefined && headers.cookie === undefined) {
      Object.assign(headers, await authHeaders(app, role));
    }
    return inject({ ...opts, headers });
  };
  app.inject = withAuth as typeof app.inject;
}

export async function startTestApp(
  overrides: Partial<Config> = {},
  deps: AppDeps = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const config = testConfig(overrides);
  const app = await buildApp(config, deps);
  await app.ready();
  const role = options.as === undefined ? 'admin' : options.as;
  if (role !== null) injectAs(app, role);
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

async function must(
  app: FastifyInstance,
  step: InjectOptions & { url: string },
): Promise<Record<string, unknown>> {
  const res = await app.inject(step);
  if (res.statusCode >= 300)
    throw new Error(`${String(step.method)} ${step.url}: ${res.statusCode} ${res.body}`);
  return res.body ? res.json<Record<string, unknown>>() : {};
}

/**
 * Takes an `in_review` version through the gate: every owner it waits on signs off (as a
 * `test-owner-<ownerId>` user), then an admin who is not its author approves it.
 */
export async function approveVersion(app: FastifyInstance, flowId: string, n: number): Promise<void> {
  const version = await must(app, { method: 'GET', url: `/api/flows/${flowId}/versions/${n}` });
  for (const { ownerId } of version.requiredSignOffs as Array<{ ownerId: string }>) {
    const headers = await authHeaders(app, 'owner', { username: `test-owner-${ownerId}`, ownerId });
    await must(app, { method: 'POST', url: `/api/flows/${flowId}/versions/${n}/sign-off`, headers });
  }
  const approver = version.author === 'test-reviewer' ? 'test-reviewer-2' : 'test-reviewer';
  const headers = await authHeaders(app, 'admin', { username: approver });
  await must(app, {
    method: 'POST',
    url: `/api/flows/${flowId}/versions/${n}/approve`,
    headers,
    payload: {},
  });
}

/** Creates a flow with the given draft, submits it as a version, has it approved and publishes it. */
export async function publishFlow(app: FastifyInstance, id: string, source: FlowSource): Promise<void> {
  await must(app, { method: 'POST', url: '/api/flows', payload: { id, name: id } });
  await must(app, { method: 'PUT', url: `/api/flows/${id}/draft`, payload: source });
  const { version } = await must(app, {
    method: 'POST',
    url: `/api/flows/${id}/versions`,
    payload: { changeNote },
  });
  await approveVersion(app, id, version as number);
  await must(app, { method: 'POST', url: `/api/flows/${id}/versions/${String(version)}/publish` });
}
