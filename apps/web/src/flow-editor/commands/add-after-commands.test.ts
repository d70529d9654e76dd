import { describe, expect, it } from 'vitest';
import { emptySource } from '@baton/schema';
import { kindSpec, newNodeOfKind } from '../kinds/kind-catalog';
import { addNodeAfter } from './add-after-commands';
import { addNode } from './node-commands';

describe('addNodeAfter', () => {
  it('adds a node wired from the first free output of the selected one', () => {
    const trigger = newNodeOfKind('trigger', 'n_t', []);
    const start = addNode(emptySource(), { node: trigger, position: { x: 0, y: 0 } });
    const mapping = newNodeOfKind('mapping', 'n_m', start.nodes);
    const next = addNodeAfter(start, {
      node: mapping,
      position: { x: 280, y: 0 },
      afterId: 'n_t',
      edgeId: 'e_1',
      specOf: kindSpec,
    });
    expect(next.nodes.map((n) => n.id)).toEqual(['n_t', 'n_m']);
    expect(next.edges).toEqual([
      expect.objectContaining({
        id: 'e_1',
        source: { node: 'n_t', port: 'out' },
        target: { node: 'n_m', port: 'in' },
      }),
    ]);
    // The trigger's only output is taken now: the next node is added unconnected.
    const log = newNodeOfKind('log', 'n_l', next.nodes);
    const third = addNodeAfter(next, {
      node: log,
      position: { x: 0, y: 200 },
      afterId: 'n_t',
      edgeId: 'e_2',
      specOf: kindSpec,
    });
    expect(third.nodes).toHaveLength(3);
    expect(third.edges).toHaveLength(1);
  });
});
