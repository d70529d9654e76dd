import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compile } from '@baton/compiler';
import type { FlowSource, Plan, RunStatus } from '@baton/schema';
import { openSqliteStore, type Store } from '@baton/store';

const exampleFlowSource = (): FlowSource =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../../examples/order-to-fulfillment/flow.json'), 'utf8'),
  ) as FlowSource;

const STATUSES: RunStatus[] = [
  'succeeded',
  'succeeded',
  'succeeded',
  'flagged',
  'rejected',
  'failed',
  'duplicate',
];

/**
 * The runs page's first screen on a store holding `total` runs (3 flows): the newest 50 plus the
 * counts per status, unfiltered, filtered by flow and status, and searched by record key; the
 * median and p90 of `repeats` loads each. The budget is 300 ms for the first screen.
 */
export async function benchRunsPage(total = 100_000, repeats = 20) {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-runs-'));
  const store = await openSqliteStore({ file: join(dir, 'baton.sqlite') });
  try {
    await seed(store, total);
    const screens = {
      'all runs': {},
      'one flow, rejected': { flowId: 'flow-1', status: 'rejected' as const },
      'search by record key': { search: 'SO-04242' },
    };
    const rows = [];
    for (const [name, filter] of Object.entries(screens)) {
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const t0 = performance.now();
        await Promise.all([store.runs.list({ ...filter, limit: 50 }), store.runs.counts(filter)]);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      rows.push({
        name,
        p50: times[Math.floor(times.length / 2)] ?? 0,
        p90: times[Math.floor(times.length * 0.9)] ?? 0,
      });
    }
    return { total, rows };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seed(store: Store, total: number): Promise<void> {
  const source = exampleFlowSource();
  const plan = compile(source).definition as Plan;
  const at = '2026-01-01T00:00:00.000Z';
  for (let f = 0; f < 3; f++) {
    const id = `flow-${f}`;
    await store.flows.create({ id, name: id, description: '', draft: source, now: at });
    await store.versions.create({
      flowId: id,
      source,
      definition: plan,
      changeNote: { reason: 'bench', acceptanceCheck: '-', risk: '-' },
      now: at,
    });
  }
  const start = Date.parse(at);
  for (let batch = 0; batch < total; batch += 5000) {
    await store.transaction(async (tx) => {
      for (let i = batch; i < Math.min(total, batch + 5000); i++) {
        const id = `run_${String(i).padStart(7, '0')}`;
        const status = STATUSES[i % STATUSES.length] as RunStatus;
        const receivedAt = new Date(start + i * 1000).toISOString();
        await tx.runs.insert({
          id,
          flowId: `flow-${i % 3}`,
          version: 1,
          status: 'queued',
          recordKey: null,
          idempotencyKey: `key-${i}`,
          payloadHash: `hash-${i}`,
          input: { order_id: `SO-${String(i % 100_000).padStart(5, '0')}` },
          receivedAt,
          duplicateOf: null,
        });
        if (status !== 'duplicate') {
          await tx.runs.finish(id, {
            status: status as 'succeeded',
            recordKey: `SO-${String(i % 100_000).padStart(5, '0')}`,
            startedAt: receivedAt,
            finishedAt: receivedAt,
            durationMs: 2,
            error: null,
            steps: [],
          });
        }
      }
    });
  }
}
