/**
 * `pnpm bench`: a first baseline for later issues to improve.
 *  (a) webhook runs per second through the seeded 5-node example flow, each run durably
 *      committed (intake + outcome, synchronous=FULL), N concurrent clients over real HTTP;
 *  (b) compile time of a 200-node graph.
 * Tunable with BENCH_SECONDS (10), BENCH_CONCURRENCY (20), BENCH_COMPILE_RUNS (50).
 */
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compile, makeSyntheticSource } from '@baton/compiler';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { EXAMPLE_FLOW_ID } from '../src/seed/seed-example.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const compileRuns = Number(process.env.BENCH_COMPILE_RUNS ?? 50);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

async function benchWebhook(baseUrl: string) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();

  async function client(): Promise<void> {
    while (performance.now() < deadline) {
      const n = next++;
      const body = JSON.stringify({
        order_id: ` SO-${String(n % 100000).padStart(5, '0')}`,
        account_number: ' ac-123456 ',
        customer_tier: 'Gold ',
        order_date: '03/15/2026',
        total: '1,249.50',
        email: ' Ada@Example.COM',
        entered_at: '2026-03-15T09:30:00Z',
      });
      const t0 = performance.now();
      // A unique key per request: every request is a real run, never a duplicate.
      const res = await fetch(`${baseUrl}/hooks/${EXAMPLE_FLOW_ID}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${n}` },
        body,
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  }

  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    runs: latencies.length,
    elapsed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses: [...statuses].map(([s, n]) => `${s}×${n}`).join(' '),
  };
}

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

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  const config = loadConfig(
    {},
    { dataDir, port: 0, host: '127.0.0.1', logLevel: 'warn', seed: true, webDir: join(dataDir, 'no-web') },
  );
  const app = await buildApp(config);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    console.log(
      `Benchmarking on ${dataDir}: ${concurrency} clients for ${seconds}s, then ${compileRuns} compiles…`,
    );

    const webhook = await benchWebhook(`http://127.0.0.1:${address.port}`);
    const stored = await app.store.runs.list({ flowId: EXAMPLE_FLOW_ID, limit: 1 });
    if (stored.items.length === 0) throw new Error('no runs were stored');
    const c = benchCompile();

    console.table([
      {
        benchmark: 'webhook runs/s (5-node flow, durable)',
        result: round(webhook.perSecond, 1),
        unit: 'runs/s',
        detail: `${webhook.runs} runs in ${round(webhook.elapsed, 1)}s, ${concurrency} concurrent; p50 ${round(webhook.p50)} ms, p99 ${round(webhook.p99)} ms; HTTP ${webhook.statuses}`,
      },
      {
        benchmark: `compile ${c.nodes}-node graph (mean of ${compileRuns})`,
        result: round(c.mean, 3),
        unit: 'ms',
        detail: `p50 ${round(c.p50, 3)} ms, max ${round(c.max, 3)} ms`,
      },
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
