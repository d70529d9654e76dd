import { describe, expect, it } from 'vitest';
import { emptySource, emptyRaci, type FlowSource, type SourceNode } from '@baton/schema';
import { addNode, moveNodes, removeNodes, renameNode, updateNodeConfig } from './node-commands';
import { connect, removeEdges, updateEdgeContract, updateEdgeRaci } from './edge-commands';
import { replaceSource } from './source-commands';
import { connectionProblem, type KindPorts } from './connection-rules';
import { newEdgeId, newNodeId } from './ids';

const node = (id: string, kind: SourceNode['kind'] = 'mapping'): SourceNode => ({
  id,
  kind,
  kindVersion: 1,
  label: id,
  config: {},
});

function twoNodes(): FlowSource {
  let s = emptySource();
  s = addNode(s, { node: node('n_a', 'trigger'), position: { x: 0, y: 0 } });
  s = addNode(s, { node: node('n_b', 'mapping'), position: { x: 200, y: 0 } });
  return s;
}

describe('addNode', () => {
  it('adds the node and its rounded position, leaving the input untouched', () => {
    const before = emptySource();
    const after = addNode(before, { node: node('n_1'), position: { x: 10.4, y: 20.6 } });
    expect(after.nodes.map((n) => n.id)).toEqual(['n_1']);
    expect(after.layout.nodes['n_1']).toEqual({ x: 10, y: 21 });
    expect(before.nodes).toEqual([]);
  });

  it('is a no-op for an id already present', () => {
    const s = twoNodes();
    expect(addNode(s, { node: node('n_a'), position: { x: 5, y: 5 } })).toBe(s);
  });
});

describe('moveNodes', () => {
  it('moves several nodes in one command and ignores unknown ids', () => {
    const s = moveNodes(twoNodes(), {
      positions: { n_a: { x: 50, y: 60 }, n_b: { x: 1, y: 2 }, n_zz: { x: 0, y: 0 } },
    });
    expect(s.layout.nodes).toEqual({ n_a: { x: 50, y: 60 }, n_b: { x: 1, y: 2 } });
  });

  it('returns the same document when nothing moved (no empty undo entry)', () => {
    const s = twoNodes();
    expect(moveNodes(s, { positions: { n_a: { x: 0, y: 0 } } })).toBe(s);
  });
});

describe('removeNodes', () => {
  it('removes nodes, their layout and every edge touching them', () => {
    let s = twoNodes();
    s = addNode(s, { node: node('n_c', 'log'), position: { x: 400, y: 0 } });
    s = connect(s, { id: 'e_1', source: { node: 'n_a', port: 'out' }, target: { node: 'n_b', port: 'in' } });
    s = connect(s, { id: 'e_2', source: { node: 'n_b', port: 'out' }, target: { node: 'n_c', port: 'in' } });
    const after = removeNodes(s, { ids: ['n_b'] });
    expect(after.nodes.map((n) => n.id)).toEqual(['n_a', 'n_c']);
    expect(after.edges).toEqual([]);
    expect(Object.keys(after.layout.nodes)).toEqual(['n_a', 'n_c']);
  });

  it('is a no-op for unknown ids', () => {
    const s = twoNodes();
    expect(removeNodes(s, { ids: ['n_x'] })).toBe(s);
  });
});

describe('renameNode and updateNodeConfig', () => {
  it('change only the named node', () => {
    const s = twoNodes();
    const renamed = renameNode(s, { id: 'n_b', label: 'Normalise order' });
    expect(renamed.nodes[1]?.label).toBe('Normalise order');
    expect(renamed.nodes[0]).toBe(s.nodes[0]);
    const config = { fields: [{ to: 'a', from: 'b', transforms: [] }], computed: [] };
    const configured = updateNodeConfig(renamed, { id: 'n_b', config });
    expect(configured.nodes[1]?.config).toBe(config);
    expect(renameNode(configured, { id: 'n_b', label: 'Normalise order' })).toBe(configured);
  });
});

describe('connect', () => {
  it('creates an edge with an empty contract that drops extra fields and no RACI', () => {
    const s = connect(twoNodes(), {
      id: 'e_1',
      source: { node: 'n_a', port: 'out' },
      target: { node: 'n_b', port: 'in' },
    });
    expect(s.edges).toEqual([
      {
        id: 'e_1',
        source: { node: 'n_a', port: 'out' },
        target: { node: 'n_b', port: 'in' },
        contract: { fields: [], extraFields: 'drop' },
        raci: null,
      },
    ]);
  });

  it('ignores duplicates and self-loops', () => {
    const once = connect(twoNodes(), {
      id: 'e_1',
      source: { node: 'n_a', port: 'out' },
      target: { node: 'n_b', port: 'in' },
    });
    expect(
      connect(once, { id: 'e_2', source: { node: 'n_a', port: 'out' }, target: { node: 'n_b', port: 'in' } }),
    ).toBe(once);
    expect(
      connect(once, { id: 'e_3', source: { node: 'n_b', port: 'out' }, target: { node: 'n_b', port: 'in' } }),
    ).toBe(once);
  });
});

describe('edge edits', () => {
  const base = () =>
    connect(twoNodes(), {
      id: 'e_1',
      source: { node: 'n_a', port: 'out' },
      target: { node: 'n_b', port: 'in' },
    });

  it('removeEdges removes by id and is a no-op otherwise', () => {
    const s = base();
    expect(removeEdges(s, { ids: ['e_1'] }).edges).toEqual([]);
    expect(removeEdges(s, { ids: ['e_x'] })).toBe(s);
  });

  it('updateEdgeContract and updateEdgeRaci replace the slot', () => {
    const contract = {
      fields: [{ name: 'order_id', type: 'string' as const, required: true }],
      extraFields: 'drop' as const,
    };
    const s = updateEdgeRaci(updateEdgeContract(base(), { id: 'e_1', contract }), {
      id: 'e_1',
      raci: emptyRaci(),
    });
    expect(s.edges[0]?.contract).toBe(contract);
    expect(s.edges[0]?.raci?.rows).toHaveLength(3);
  });
});

describe('replaceSource', () => {
  it('returns the given document', () => {
    const next = twoNodes();
    expect(replaceSource(emptySource(), { source: next })).toBe(next);
  });
});

describe('connectionProblem', () => {
  const ports: Record<string, KindPorts> = {
    trigger: { inputs: [], outputs: [{ id: 'out' }] },
    mapping: { inputs: [{ id: 'in' }], outputs: [{ id: 'out' }] },
    validation: { inputs: [{ id: 'in' }], outputs: [{ id: 'pass' }, { id: 'reject' }] },
  };
  const portsOf = (kind: string) => ports[kind];

  it('accepts an output-to-input drag and refuses the rest', () => {
    const s = twoNodes();
    expect(
      connectionProblem(s, { node: 'n_a', port: 'out' }, { node: 'n_b', port: 'in' }, portsOf),
    ).toBeNull();
    expect(connectionProblem(s, { node: 'n_b', port: 'out' }, { node: 'n_a', port: 'in' }, portsOf)).toBe(
      'bad_target_port',
    );
    expect(connectionProblem(s, { node: 'n_a', port: 'pass' }, { node: 'n_b', port: 'in' }, portsOf)).toBe(
      'bad_source_port',
    );
    expect(connectionProblem(s, { node: 'n_a', port: 'out' }, { node: 'n_a', port: 'in' }, portsOf)).toBe(
      'self_loop',
    );
    expect(connectionProblem(s, { node: 'n_q', port: 'out' }, { node: 'n_a', port: 'in' }, portsOf)).toBe(
      'unknown_node',
    );
    const connected = connect(s, {
      id: 'e_1',
      source: { node: 'n_a', port: 'out' },
      target: { node: 'n_b', port: 'in' },
    });
    expect(
      connectionProblem(connected, { node: 'n_a', port: 'out' }, { node: 'n_b', port: 'in' }, portsOf),
    ).toBe('duplicate');
  });
});

describe('ids', () => {
  it('are opaque, prefixed and valid SourceNode/SourceEdge ids', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newNodeId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^n_[a-z0-9]{8}$/);
    expect(newEdgeId()).toMatch(/^e_[a-z0-9]{8}$/);
  });
});

describe('removeElements', () => {
  it('removes nodes and edges together', async () => {
    const { removeElements } = await import('./selection-commands');
    let s = twoNodes();
    s = addNode(s, { node: node('n_c', 'log'), position: { x: 400, y: 0 } });
    s = connect(s, { id: 'e_1', source: { node: 'n_a', port: 'out' }, target: { node: 'n_b', port: 'in' } });
    s = connect(s, { id: 'e_2', source: { node: 'n_b', port: 'out' }, target: { node: 'n_c', port: 'in' } });
    const after = removeElements(s, { nodeIds: ['n_c'], edgeIds: ['e_1'] });
    expect(after.nodes.map((n) => n.id)).toEqual(['n_a', 'n_b']);
    expect(after.edges).toEqual([]);
  });
});
