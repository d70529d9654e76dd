import { describe, expect, it } from 'vitest';
import { emptySource, type FlowSource } from '@baton/schema';
import { toCanvasEdges, toCanvasNodes } from './to-react-flow';

const source: FlowSource = {
  ...emptySource(),
  nodes: [
    { id: 'n_a', kind: 'trigger', kindVersion: 1, label: 'Webhook', config: {} },
    { id: 'n_b', kind: 'mapping', kindVersion: 1, label: 'Map', config: {} },
  ],
  edges: [
    {
      id: 'e_1',
      source: { node: 'n_a', port: 'out' },
      target: { node: 'n_b', port: 'in' },
      contract: null,
      raci: null,
    },
  ],
  layout: { nodes: { n_a: { x: 10, y: 20 } } },
};

describe('toCanvasNodes', () => {
  it('uses the live drag position over the saved one, and keeps measured sizes and selection', () => {
    const nodes = toCanvasNodes(
      source,
      { n_a: { x: 99, y: 98 } },
      { n_a: { width: 200, height: 80 } },
      { nodes: ['n_b'], edges: [] },
    );
    expect(nodes[0]).toMatchObject({
      id: 'n_a',
      type: 'trigger',
      position: { x: 99, y: 98 },
      measured: { width: 200, height: 80 },
      selected: false,
    });
    expect(nodes[1]).toMatchObject({ id: 'n_b', type: 'mapping', selected: true });
    expect(nodes[1]?.position).toBeDefined();
    expect(nodes[1]?.measured).toBeUndefined();
  });
});

describe('toCanvasEdges', () => {
  it('maps ports to handles', () => {
    expect(toCanvasEdges(source.edges, { nodes: [], edges: ['e_1'] })[0]).toMatchObject({
      id: 'e_1',
      source: 'n_a',
      sourceHandle: 'out',
      target: 'n_b',
      targetHandle: 'in',
      selected: true,
    });
  });
});
