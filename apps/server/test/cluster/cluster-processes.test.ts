import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, type Store } from '@baton/store';
import { serverBundleEntries } from '../../bundle-entries.js';
import { authHeaders } from '../support/auth.js';
import { order, publishDirect } from '../support/reliability.js';
import { downstreamRows, EXAMPLES_DIR, exampleSourceWritingTo, tempDir } from '../test-app.js';
import { clusterEnv, clusterNames, DATABASE_URL, dropCluster, eventually } from './cluster-support.js';

/**
 * The cluster test: one API process and two worker processes of the real CLI, on this
 * machine's PostgreSQL and Redis. 2,000 webhook records (10% resent duplicates); one worker is
 * SIGKILLed mid-way and restarted. Every acknowledged record must be written exactly once and
 * no run may stay unfinished. `BATON_CLUSTER_CLI` may point at a built `cli.js` (else one is
 * bundled for the run).
 */
const serverDir = join(import.meta.dirname, '../..');
let CLI = process.env['BATON_CLUSTER_CLI'];
const API_PORT = 4410;
const names = clusterNames();
const dataDir = tempDir('baton-cluster-');
const children = new Set<ChildProcessWithoutNullStreams>();
let store: Store;

/** The CLI bundled once per run (as `tsup` does for dist/), so four processes start without tsx. */
async function bundleCli(): Promise<string> {
  // Under apps/server/node_modules so the bundle resolves the server's npm dependencies.
  const outDir = join(serverDir, 'node_modules', '.cache', `baton-cluster-test-${process.pid}`);
  await build({
    config: false,
    entry: serverBundleEntries(serverDir),
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    outDir,
    silent: true,
    noExternal: [/^@baton\//],
    // npm dependencies stay external, resolved from apps/server/node_modules like dist/'s.
    external: Object.keys(serverPackage.dependencies).filter((name) => !name.startsWith('@baton/')),
    banner: {
      js: "import { createRequire as __batonCreateRequire } from 'node:module';\nconst require = __batonCreateRequire(import.meta.url);",
    },
  });
  bundleDir = outDir;
  return join(outDir, 'cli.js');
}
let bundleDir: string | null = null;
const serverPackage = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

function baton(args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [CLI!, ...args], {
    cwd: serverDir,
    env: {
      ...process.env,
      ...clusterEnv(names),
      BATON_DATA_DIR: dataDir,
      BATON_LOG_LEVEL: 'warn',
      BATON_SEED: 'false',
      BATON_SEED_USERS: 'false',
      BATON_EXAMPLES_DIR: EXAMPLES_DIR,
      BATON_WEB_DIR: join(dataDir, 'no-web'),
      // A lease shorter than the default so the relay's periodic pass is exercised too.
      BATON_LEASE_MS: '10000',
      ...env,
    },
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Resolves with the output once `pattern` appears in it; rejects if the process exits first. */
function waitFor(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) resolve(out);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited (${code}) before ${pattern}:\n${out}`)));
  });
}

function worker(healthPort: number) {
  const child = baton(['worker'], {
    BATON_WORKER_CONCURRENCY: '8',
    BATON_WORKER_HEALTH_PORT: String(healthPort),
  });
  return { child, running: waitFor(child, /Baton worker running/) };
}

beforeAll(async () => {
  CLI ??= await bundleCli();
  const migrate = baton(['migrate'], {});
  const migrated = await new Promise<number | null>((resolve) => migrate.on('exit', resolve));
  expect(migrated).toBe(0);
  store = await openPostgresStore({ connectionString: DATABASE_URL, schema: names.schema, migrate: false });
  // The helpers only use `app.store`: the test reaches the cluster's database directly.
  const asApp = { store } as unknown as FastifyInstance;
  await publishDirect(asApp, 'orders', exampleSourceWritingTo('cluster_load'));
  headers = { ...(await authHeaders(asApp, 'admin')), 'content-type': 'application/json' };
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await store?.close();
  await dropCluster(names);
  rmSync(dataDir, { recursive: true, force: true });
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
}, 60_000);

let headers: Record<string, string> = {};

describe('cluster: one API process, two workers, a worker killed mid-way', () => {
  it('writes every acknowledged record exactly once and leaves no run unfinished', async () => {
    const api = baton(['start'], { BATON_PORT: String(API_PORT) });
    const w1 = worker(4411);
    const w2 = worker(4412);
    await Promise.all([waitFor(api, /Baton listening on/), w1.running, w2.running]);
    const url = `http://127.0.0.1:${API_PORT}`;

    // 1,800 distinct records, and 200 resends of earlier ones (same body, so the same key).
    const total = 2000;
    const records = Array.from({ length: total }, (_, i) => {
      const n = i % 10 === 9 ? i - 5 : i;
      return order(`SO-${70000 + n}`, { total: `${n}.50` });
    });
    const acknowledged = new Map<string, number>(); // order id → total
    const answers = new Map<number, number>();
    let sent = 0;
    let restarted: ReturnType<typeof worker> | null = null;
    const send = async (record: (typeof records)[number]) => {
      const res = await fetch(`${url}/hooks/orders?async=1`, {
        method: 'POST',
        headers,
        body: JSON.stringify(record),
      });
      answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
      // 202: queued; 200: a duplicate of a finished run. 409 (the original still running) is
      // not an acknowledgement: the sender would retry it.
      if (res.status === 202 || res.status === 200) {
        // The example's mapping trims the id and writes the total in cents.
        acknowledged.set(record.order_id.trim(), Math.round(Number(record.total) * 100));
      }
      await res.arrayBuffer();
    };
    const lanes = Array.from({ length: 16 }, async () => {
      while (sent < total) {
        const record = records[sent++]!;
        if (sent === total / 2) {
          // Mid-way, with runs in flight: the worker dies without a chance to clean up.
          w1.child.kill('SIGKILL');
          restarted = worker(4413);
        }
        await send(record);
      }
    });
    await Promise.all(lanes);
    await restarted!.running;
    expect(answers.get(202)).toBeGreaterThan(1500);

    // Every acknowledged record finishes: the killed worker's jobs go back to the queue when
    // their lock lapses and the other workers run them.
    await eventually(async () => (await store.runs.unfinished()).length === 0, 90_000, 500);
    const counts = await store.runs.counts({ flowId: 'orders' });
    expect(counts.byStatus.succeeded).toBe(acknowledged.size);
    expect(counts.byStatus.failed ?? 0).toBe(0);

    const rows = downstreamRows(dataDir, 'cluster_load');
    expect(rows).toHaveLength(acknowledged.size);
    const checksum = (entries: Array<[string, number]>) =>
      createHash('sha256')
        .update(JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b))))
        .digest('hex');
    expect(checksum(rows.map((row) => [String(row['order_id']), Number(row['total_cents'])]))).toBe(
      checksum([...acknowledged]),
    );

    // SIGTERM drains: the API node and both workers close their queues and databases and exit 0.
    const exits = [api, w2.child, restarted!.child].map(
      (child) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
    );
    for (const child of [api, w2.child, restarted!.child]) child.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0, 0]);
  }, 240_000);
});
