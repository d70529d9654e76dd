import { describe, expect, it } from 'vitest';
import { emptySource, type FlowSource } from '@baton/schema';
import { autoMapFields, mapField, unmapField, updateFieldMapping } from './mapping-commands';

function withMapping(fields: unknown[] = []): FlowSource {
  return {
    ...emptySource(),
    nodes: [
      {
        id: 'n_m',
        kind: 'mapping',
        kindVersion: 1,
        label: 'Map',
        config: { fields, computed: [], keepUnmapped: false },
      },
      { id: 'n_l', kind: 'log', kindVersion: 1, label: 'Log', config: {} },
    ],
  };
}

const fieldsOf = (s: FlowSource) => s.nodes[0]?.config['fields'];

describe('mapping commands', () => {
  it('mapField adds a line, re-points an existing one keeping its transforms, and no-ops on repeats', () => {
    let s = mapField(withMapping(), { nodeId: 'n_m', from: 'a', to: 'x' });
    expect(fieldsOf(s)).toEqual([{ to: 'x', from: 'a', transforms: [] }]);
    s = updateFieldMapping(s, {
      nodeId: 'n_m',
      to: 'x',
      field: { to: 'x', from: 'a', transforms: [{ op: 'trim' }] },
    });
    s = mapField(s, { nodeId: 'n_m', from: 'b', to: 'x' });
    expect(fieldsOf(s)).toEqual([{ to: 'x', from: 'b', transforms: [{ op: 'trim' }] }]);
    expect(mapField(s, { nodeId: 'n_m', from: 'b', to: 'x' })).toBe(s);
  });

  it('mapField turns an expression line back into a path line', () => {
    const s = withMapping([{ to: 'x', transforms: [], value: { kind: 'expression', source: 'a & b' } }]);
    expect(fieldsOf(mapField(s, { nodeId: 'n_m', from: 'a', to: 'x' }))).toEqual([
      { to: 'x', from: 'a', transforms: [] },
    ]);
  });

  it('unmapField removes a line and ignores unknown targets and other node kinds', () => {
    const s = withMapping([{ to: 'x', from: 'a', transforms: [] }]);
    expect(fieldsOf(unmapField(s, { nodeId: 'n_m', to: 'x' }))).toEqual([]);
    expect(unmapField(s, { nodeId: 'n_m', to: 'nope' })).toBe(s);
    expect(mapField(s, { nodeId: 'n_l', from: 'a', to: 'y' })).toBe(s);
  });

  it('autoMapFields adds all new pairs at once, skipping targets that have a line', () => {
    const s = withMapping([{ to: 'x', from: 'a', transforms: [] }]);
    const next = autoMapFields(s, {
      nodeId: 'n_m',
      pairs: [
        { to: 'x', from: 'x', transforms: [] },
        { to: 'y', from: 'y', transforms: [] },
      ],
    });
    expect(fieldsOf(next)).toEqual([
      { to: 'x', from: 'a', transforms: [] },
      { to: 'y', from: 'y', transforms: [] },
    ]);
    expect(autoMapFields(s, { nodeId: 'n_m', pairs: [] })).toBe(s);
  });

  it('fills in a missing config shape for a fresh mapping node', () => {
    const s: FlowSource = {
      ...emptySource(),
      nodes: [{ id: 'n_m', kind: 'mapping', kindVersion: 1, label: 'Map', config: {} }],
    };
    expect(mapField(s, { nodeId: 'n_m', from: 'a', to: 'x' }).nodes[0]?.config).toEqual({
      computed: [],
      keepUnmapped: false,
      fields: [{ to: 'x', from: 'a', transforms: [] }],
    });
  });
});
