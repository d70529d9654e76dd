import { writeFileSync } from 'node:fs';
import type { FlowSource, SourceEdge, SourceNode } from '../../packages/schema/src/index.ts';

/**
 * A large flow for the canvas benchmark: `chains` hand-offs of five nodes (trigger → mapping →
 * validation → write → log), each with a reject branch to its log and a failure branch to the
 * next chain's log. 100 chains = 500 nodes and 600 edges. Positions are set (a 10 × 10 grid of
 * chains), so the benchmark measures the canvas, not the auto-layout.
 */
export function largeFlow(chains = 100): FlowSource {
  const nodes: SourceNode[] = [];
  const edges: SourceEdge[] = [];
  const layout: Record<string, { x: number; y: number }> = {};
  const id = (chain: number, step: string) => `n_${step}${chain}`;
  const edge = (n: number, from: string, fromPort: string, to: string): SourceEdge => ({
    id: `e_${n}`,
    source: { node: from, port: fromPort },
    target: { node: to, port: 'in' },
    contract: null,
    raci: null,
  });
  for (let c = 0; c < chains; c += 1) {
    const steps: [string, SourceNode['kind'], Record<string, unknown>][] = [
      ['t', 'trigger', { mode: 'webhook' }],
      [
        'm',
        'mapping',
        {
          fields: [{ to: 'id', from: 'id', transforms: [{ op: 'trim' }] }],
          computed: [],
          keepUnmapped: false,
        },
      ],
      ['v', 'validation', { rules: [] }],
      [
        'w',
        'write',
        { connection: 'downstream', table: `bench_${c}`, keyFields: ['id'], onConflict: 'update' },
      ],
      ['l', 'log', { mask: [] }],
    ];
    steps.forEach(([step, kind, config], i) => {
      nodes.push({ id: id(c, step), kind, kindVersion: 1, label: `${kind} ${c}`, config });
      layout[id(c, step)] = { x: (c % 10) * 1400 + i * 260, y: Math.floor(c / 10) * 260 + (i % 2) * 90 };
    });
    const base = edges.length;
    edges.push(
      edge(base, id(c, 't'), 'out', id(c, 'm')),
      edge(base + 1, id(c, 'm'), 'out', id(c, 'v')),
      edge(base + 2, id(c, 'v'), 'pass', id(c, 'w')),
      edge(base + 3, id(c, 'w'), 'done', id(c, 'l')),
      edge(base + 4, id(c, 'v'), 'reject', id(c, 'l')),
      edge(base + 5, id(c, 'w'), 'failed', id((c + 1) % chains, 'l')),
    );
  }
  return {
    schemaVersion: 1,
    nodes,
    edges,
    layout: { nodes: layout },
    meta: { description: 'Canvas benchmark graph' },
  };
}

// `tsx e2e/bench/generate-large-flow.ts out.json` writes the graph for a look or an import.
if (process.argv[1]?.endsWith('generate-large-flow.ts') && process.argv[2]) {
  writeFileSync(process.argv[2], `${JSON.stringify(largeFlow(), null, 2)}\n`);
  console.log(`wrote ${process.argv[2]}`);
}
