import type { FlowSource, SourceEdge, SourceNode } from '@baton/schema';

const edge = (id: string, from: string, port: string, to: string): SourceEdge => ({
  id,
  source: { node: from, port },
  target: { node: to, port: 'in' },
  contract: null,
  raci: null,
});

/**
 * A valid chain of `n` nodes (n ≥ 3) for benchmarks: trigger → mapping/validation pairs →
 * write → log. Every mapping and rule carries a JSONata expression, so the compiler parses real
 * expressions, not empty configs.
 */
export function makeSyntheticSource(n: number): FlowSource {
  const count = Math.max(3, Math.floor(n));
  const nodes: SourceNode[] = [
    { id: 'n_0', kind: 'trigger', kindVersion: 1, label: 'Trigger', config: { mode: 'webhook' } },
  ];
  const edges: SourceEdge[] = [];
  const layout: FlowSource['layout'] = { nodes: { n_0: { x: 0, y: 0 } } };
  let previous = { id: 'n_0', port: 'out' };
  const link = (node: SourceNode, port: string): void => {
    nodes.push(node);
    edges.push(edge(`e_${nodes.length - 1}`, previous.id, previous.port, node.id));
    layout.nodes[node.id] = { x: (nodes.length - 1) * 240, y: 0 };
    previous = { id: node.id, port };
  };
  for (let i = 1; i < count - 2; i++) {
    const id = `n_${i}`;
    if (i % 2 === 1) {
      link(
        {
          id,
          kind: 'mapping',
          kindVersion: 1,
          label: `Mapping ${i}`,
          config: {
            fields: [
              { to: 'id', from: 'id', transforms: [{ op: 'trim' }] },
              { to: 'amount', from: 'amount', transforms: [{ op: 'number', decimalSeparator: '.' }] },
            ],
            computed: [{ to: 'step', expression: `$exists(step) ? step + 1 : ${i}` }],
            keepUnmapped: false,
          },
        },
        'out',
      );
    } else {
      link(
        {
          id,
          kind: 'validation',
          kindVersion: 1,
          label: `Rules ${i}`,
          config: {
            rules: [
              {
                id: `r_${i}`,
                name: `amount_positive_${i}`,
                field: 'amount',
                expression: 'amount > 0',
                message: 'amount must be positive',
                onFail: 'reject',
              },
            ],
          },
        },
        'pass',
      );
    }
  }
  const write = {
    id: `n_${count - 2}`,
    kind: 'write',
    kindVersion: 1,
    label: 'Write',
    config: { connection: 'downstream', table: 'synthetic', keyFields: ['id'], onConflict: 'update' },
  } as const;
  link({ ...write, config: { ...write.config, keyFields: [...write.config.keyFields] } }, 'done');
  link({ id: `n_${count - 1}`, kind: 'log', kindVersion: 1, label: 'Log', config: { mask: [] } }, 'out');
  return {
    schemaVersion: 1,
    nodes,
    edges,
    layout,
    meta: { description: `Synthetic chain of ${count} nodes` },
  };
}
