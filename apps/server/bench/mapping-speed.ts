import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createExpressionRunner, mappingKind, type ExecuteContext } from '@baton/nodes';
import type { MappingConfig } from '@baton/nodes';
import { handoffSource } from './handoff-flow.js';

const clock = { now: () => new Date('2026-03-15T09:30:00Z') };

function contextFor(): ExecuteContext {
  return {
    flowId: 'bench',
    version: 1,
    runId: 'run_bench',
    dryRun: true,
    clock,
    expressions: createExpressionRunner({ clock }),
    targets: {
      upsert: () => Promise.reject(new Error('no writes in this bench')),
      preview: () => Promise.reject(new Error('no writes in this bench')),
    },
    nodeId: 'n_map',
    nodeLabel: 'map',
    incomingEdge: null,
    recordKey: () => null,
    statusSoFar: () => 'succeeded',
  };
}

async function timePerRecord(
  config: MappingConfig,
  record: Record<string, unknown>,
  budgetMs: number,
): Promise<number> {
  const ctx = contextFor();
  for (let i = 0; i < 1000; i++) await mappingKind.execute(config, record, ctx); // JIT warm-up
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs) {
    for (let i = 0; i < 500; i++) await mappingKind.execute(config, record, ctx);
    n += 500;
  }
  return ((performance.now() - t0) * 1000) / n;
}

/**
 * The hand-off mapping per record: declarative (compiled once per config to a plain function;
 * the budget is 5 µs) and, for comparison, the same six fields plus one JSONata
 * computed field, which takes the general path.
 */
export async function benchMapping(seconds: number, peerDir: string) {
  const source = handoffSource(join(peerDir, 'contract.schema.json'));
  const config = source.nodes.find((n) => n.kind === 'mapping')!.config as MappingConfig;
  const body = readFileSync(join(peerDir, 'body.json'), 'utf8').replace('[<id>]', '1');
  const record = JSON.parse(body) as Record<string, unknown>;
  const budget = Math.max(300, (seconds / 5) * 1000);
  const declarative = await timePerRecord(config, record, budget);
  const withJsonata = await timePerRecord(
    { ...config, computed: [{ to: 'amount_cents', expression: 'amount * 100' }] },
    record,
    budget,
  );
  return { declarative, withJsonata };
}
