/**
 * `pnpm bench`: a first baseline for later issues to improve.
 *  (a) webhook runs per second through the seeded 5-node example flow, each run durably
 *      committed (intake and outcome group-committed, synchronous=FULL, every step stored), N
 *      concurrent clients over real HTTP with a bearer token and unique keys; then the same with
 *      the reliability mix (10% re-sent with the same key, 5% sent twice at once), counting lost
 *      and duplicated rows downstream;
 *  (b) compile time of a 200-node graph;
 *  (c) contract validations of a 20-field record per second;
 *  (d) the runs page's first screen (newest 50 + counts per status) on 100,000 stored runs
 *      (BENCH_RUNS to change the number).
 *  (g) the webhook's run path without HTTP: CPU per run and the WAL its commits write, by b-tree.
 * Tunable with BENCH_SECONDS (10), BENCH_CONCURRENCY (50), BENCH_COMPILE_RUNS (50).
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compile, makeSyntheticSource } from '@baton/compiler';
import { buildApp } from '../src/app.js';
import { benchContractValidation } from './contract-validation.js';
import { benchRunsPage } from './runs-page.js';
import { benchMetrics, metricsRows } from './metrics.js';
import { EXAMPLE_FLOW_ID } from '../src/seed/seed-example.js';
import { driveWebhook, percentile, type LoadResult } from './webhook-load.js';
import { benchPeerCompare, compareTable, peerCompareOptions } from './peer-compare.js';
import { benchMapping } from './mapping-speed.js';
import { benchCluster } from './cluster.js';
import { benchRunnerPath, runnerPathRows } from './runner-path.js';
import { BENCH_PASSWORD, benchConfig } from './bench-config.js';

/** A bearer API token of the seeded admin, as an integration would use. */
async function apiToken(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: BENCH_PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${baseUrl}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  });
  const { token } = (await res.json()) as { token?: string };
  if (!token) throw new Error(`could not create an API token: ${res.status}`);
  return token;
}

/** Order ids repeat every 100,000 requests; the bench stays below that, so rows = distinct orders. */
function downstreamCount(dataDir: string): number {
  const db = new Database(join(dataDir, 'downstream.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM fulfillment_queue').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const statusText = (r: LoadResult) => [...r.statuses].map(([s, n]) => `${s}×${n}`).join(' ');

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const compileRuns = Number(process.env.BENCH_COMPILE_RUNS ?? 50);

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

function benchCompile() {
  const source = makeSyntheticSource(200);
  for (let i = 0; i < 5; i++) compile(source); // warm up the JIT and caches
  const times: number[] = [];
  for (let i = 0; i < compileRuns; i++) {
    const t0 = performance.now();
    const { definition } = compile(source);
    times.push(performance.now() - t0);
    if (!definition) throw new Error('the synthetic 200-node graph does not compile');
  }
  times.sort((a, b) => a - b);
  return {
    nodes: source.nodes.length,
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    p50: percentile(times, 50),
    max: times.at(-1)!,
  };
}

/** Baton beside the bench-peer (Node-RED) under the same wrk load; BENCH_PEER_COMPARE=0 skips it. */
async function sideBySide(): Promise<void> {
  const options = peerCompareOptions();
  console.log(
    `Side by side with the peer (${options.peerDir}): ${options.rounds} alternating round(s)${options.withPeer ? '' : ', Baton only'}…`,
  );
  const result = await benchPeerCompare(options);
  const table = compareTable(result);
  console.table(table.rows);
  console.table(table.targets);
  for (const d of result.durability) {
    console.log(
      `durability: ${d.acknowledged} measured 2xx, ${d.rows} rows downstream, ${d.runs} succeeded runs stored (rows ≥ 2xx: warm-up and smoke requests count too)`,
    );
  }
}

async function main(): Promise<void> {
  if (process.env['BENCH_PEER_COMPARE'] !== '0') await sideBySide();
  if (process.env['BENCH_ONLY_PEER'] === '1') return;
  // (f) cluster mode with 1, 2 and 4 worker processes vs embedded (PostgreSQL + Redis); BENCH_CLUSTER=0 skips it.
  if (process.env['BENCH_CLUSTER'] !== '0') await benchCluster({ seconds, concurrency });
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  const config = benchConfig(dataDir);
  const app = await buildApp(config);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    console.log(
      `Benchmarking on ${dataDir}: ${concurrency} clients for ${seconds}s, then ${compileRuns} compiles…`,
    );

    const baseUrl = `http://127.0.0.1:${address.port}`;
    const headers = { authorization: `Bearer ${await apiToken(baseUrl)}` };
    const url = `${baseUrl}/hooks/${EXAMPLE_FLOW_ID}`;
    // Warm-up (JIT, statement caches, table creation), not measured; its orders count downstream.
    const warm = await driveWebhook({ url, headers, seconds: 1, concurrency, first: 90_000 });
    const cpu0 = process.cpuUsage();
    const webhook = await driveWebhook({ url, headers, seconds, concurrency });
    const cpu = process.cpuUsage(cpu0);
    const mixed = await driveWebhook({
      url,
      headers,
      seconds,
      concurrency,
      first: webhook.requests + 1,
      resendShare: 0.1,
      concurrentTwinShare: 0.05,
    });
    const stored = await app.store.runs.list({ flowId: EXAMPLE_FLOW_ID, limit: 1 });
    if (stored.items.length === 0) throw new Error('no runs were stored');
    const rows = downstreamCount(dataDir);
    const acknowledged = new Set([...warm.acknowledged, ...webhook.acknowledged, ...mixed.acknowledged]);
    const c = benchCompile();
    const v = benchContractValidation(seconds);
    const mapping = await benchMapping(seconds, peerCompareOptions().peerDir);
    // (g) the run path without HTTP: CPU per run and the b-trees its commits write.
    const runnerPath = await benchRunnerPath(peerCompareOptions().peerDir);
    const runsPage = await benchRunsPage(Number(process.env['BENCH_RUNS'] ?? 100_000));
    // (e) metrics over 1,000,000 projected runs (BENCH_METRICS_FACTS to change the number).
    const metrics = await benchMetrics(Number(process.env['BENCH_METRICS_FACTS'] ?? 1_000_000));

    console.table([
      {
        benchmark: 'webhook runs/s (5-node flow, durable, unique keys)',
        result: round(webhook.perSecond, 1),
        unit: 'req/s',
        detail: `${webhook.requests} in ${round(webhook.elapsed, 1)}s, ${concurrency} clients; p50 ${round(webhook.p50)} ms, p99 ${round(webhook.p99)} ms; CPU ${round((cpu.user + cpu.system) / webhook.requests, 0)} µs/req (load generator included); HTTP ${statusText(webhook)}`,
      },
      {
        benchmark: 'webhook, 10% re-sent + 5% concurrent twins',
        result: round(mixed.perSecond, 1),
        unit: 'req/s',
        detail: `p50 ${round(mixed.p50)} ms, p99 ${round(mixed.p99)} ms; HTTP ${statusText(mixed)}; ${rows} rows downstream for ${acknowledged.size} acknowledged orders (missing ${Math.max(0, acknowledged.size - rows)}, extra ${Math.max(0, rows - acknowledged.size)})`,
      },
      {
        benchmark: 'peak RSS (server + load generator)',
        result: round(process.resourceUsage().maxRSS / 1024, 1),
        unit: 'MB',
        detail: 'one process',
      },
      {
        benchmark: `compile ${c.nodes}-node graph (mean of ${compileRuns})`,
        result: round(c.mean, 3),
        unit: 'ms',
        detail: `p50 ${round(c.p50, 3)} ms, max ${round(c.max, 3)} ms`,
      },
      {
        benchmark: 'contract validation, 20-field record',
        result: Math.round(v.perSecond),
        unit: 'records/s',
        detail: `${v.records} validations in ${round(v.elapsed, 2)}s (compiled once, one extra field dropped)`,
      },
      {
        benchmark: 'hand-off mapping, declarative (compiled once per version)',
        result: round(mapping.declarative, 2),
        unit: 'µs/record',
        detail: `budget 5 µs; with one JSONata computed field ${round(mapping.withJsonata, 1)} µs/record`,
      },
      ...runnerPathRows(runnerPath),
      ...runsPage.rows.map((r) => ({
        benchmark: `runs page first screen, ${r.name} (${runsPage.total} runs)`,
        result: round(r.p50, 2),
        unit: 'ms',
        detail: `p50 of list(50) + counts; p90 ${round(r.p90, 2)} ms (budget 300 ms)`,
      })),
      ...metricsRows(metrics),
    ]);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
