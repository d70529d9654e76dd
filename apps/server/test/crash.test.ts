import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_FLOW_ID } from '../src/seed/seed-example.js';
import { order } from './support/reliability.js';
import { EXAMPLES_DIR, tempDir } from './test-app.js';

/**
 * The crash harness: the real bundled server (tsup → cli.js start) under webhook load, killed
 * with SIGKILL at random moments and restarted. Every acknowledged record must end up written
 * exactly once, no run may stay unfinished, and both databases must pass integrity_check.
 * CRASH_ROUNDS (5 here; 20 for the full harness) sets how many kills.
 */
const serverDir = join(import.meta.dirname, '..');
// A private build inside the package, so externals (better-sqlite3, pg) resolve and a
// concurrent `pnpm build` of dist/ is not disturbed.
const buildDir = join(serverDir, 'node_modules', '.cache', 'baton-crash');
const dataDir = tempDir('baton-crash-');
const PORT = 4381;
const PASSWORD = 'crash-test-password';
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 5);

let server: ChildProcess | null = null;

function start(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(buildDir, 'cli.js'), 'start'], {
    env: {
      ...process.env,
      BATON_PORT: String(PORT),
      BATON_HOST: '127.0.0.1',
      BATON_DATA_DIR: dataDir,
      BATON_SEED_PASSWORD: PASSWORD,
      BATON_LOG_LEVEL: 'error',
      BATON_EXAMPLES_DIR: EXAMPLES_DIR,
      BATON_WEB_DIR: join(dataDir, 'no-web'),
      BATON_HOOK_RATE_LIMIT: '100000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) resolve(child);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function apiToken(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'crash' }),
  });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(() => {
  execFileSync('npx', ['tsup', '--out-dir', buildDir], { cwd: serverDir, stdio: 'ignore' });
}, 60_000);

afterAll(async () => {
  if (server) await kill(server, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const MIN_ACKS_PER_ROUND = 3;

describe('crash harness (SIGKILL under load)', () => {
  it(`loses and duplicates nothing acknowledged across ${ROUNDS} kills`, async () => {
    const base = `http://127.0.0.1:${PORT}`;
    await start();
    const headers = { authorization: `Bearer ${await apiToken(base)}`, 'content-type': 'application/json' };
    const acknowledged = new Set<string>();
    let next = 0;

    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) await start();
      let stop = false;
      let roundAcks = 0;
      const client = async () => {
        while (!stop) {
          const id = `SO-${String(60000 + next++).padStart(5, '0')}`;
          // A third asynchronously: 202 acknowledges a queued record just the same.
          const query = next % 3 === 0 ? '?async=1' : '';
          try {
            const res = await fetch(`${base}/hooks/${EXAMPLE_FLOW_ID}${query}`, {
              method: 'POST',
              headers: { ...headers, 'idempotency-key': `crash-${id}` },
              body: JSON.stringify(order(id)),
            });
            await res.arrayBuffer();
            if (res.status === 200 || res.status === 202) {
              acknowledged.add(id);
              roundAcks++;
            } else if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
          } catch (error) {
            if (!stop) throw error;
            return; // the server died under this request: not acknowledged, maybe persisted
          }
        }
      };
      const clients = Array.from({ length: 8 }, client);
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 600));
      // Kill only once this round acknowledged something, so the harness checks real work
      // however slow the machine is (a timed threshold would fail on a busy CI box instead).
      while (roundAcks < MIN_ACKS_PER_ROUND) await new Promise((r) => setTimeout(r, 20));
      stop = true; // from here a failed request is the kill's doing
      await kill(server!, 'SIGKILL');
      await Promise.all(clients);
    }

    // The last start recovers what the last kill left, before it listens.
    await start();
    await kill(server!, 'SIGTERM');

    expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS * MIN_ACKS_PER_ROUND);
    const baton = new Database(join(dataDir, 'baton.sqlite'), { readonly: true });
    const downstream = new Database(join(dataDir, 'downstream.sqlite'), { readonly: true });
    try {
      expect(baton.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(downstream.pragma('integrity_check', { simple: true })).toBe('ok');
      const unfinished = baton
        .prepare("SELECT COUNT(*) AS n FROM runs WHERE status IN ('queued', 'running')")
        .get();
      expect(unfinished).toEqual({ n: 0 });
      const rows = downstream
        .prepare('SELECT order_id, COUNT(*) AS n FROM fulfillment_queue GROUP BY order_id')
        .all() as Array<{ order_id: string; n: number }>;
      const written = new Map(rows.map((r) => [r.order_id, r.n]));
      const missing = [...acknowledged].filter((id) => !written.has(id));
      expect(missing).toEqual([]);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      // Each record ran to success once: one succeeded run and one ledger entry per order.
      const perOrder = baton
        .prepare(
          `SELECT r.record_key AS k, COUNT(DISTINCT r.id) AS runs, COUNT(l.id) AS ledger FROM runs r
           LEFT JOIN ledger l ON l.run_id = r.id WHERE r.status = 'succeeded' GROUP BY r.record_key`,
        )
        .all() as Array<{ k: string; runs: number; ledger: number }>;
      expect(perOrder.filter((r) => r.runs !== 1 || r.ledger !== 1)).toEqual([]);
      console.log(
        `crash harness: ${ROUNDS} SIGKILLs, ${acknowledged.size} acknowledged, ${rows.length} rows, none lost or doubled`,
      );
    } finally {
      baton.close();
      downstream.close();
    }
  }, 120_000);
});
