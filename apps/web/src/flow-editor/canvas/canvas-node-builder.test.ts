import { describe, expect, it } from 'vitest';
import { emptySource, type FlowSource } from '@baton/schema';
import { createCanvasEdgeBuilder, createCanvasNodeBuilder } from './to-react-flow';
import { matchesPaletteQuery } from '../palette/palette';
import { paletteKinds } from '../kinds/kind-catalog';

const source: FlowSource = {
  ...emptySource(),
  nodes: [
    { id: 'n_a', kind: 'trigger', kindVersion: 1, label: 'A', config: {} },
    { id: 'n_b', kind: 'log', kindVersion: 1, label: 'B', config: {} },
  ],
  layout: { nodes: { n_a: { x: 0, y: 0 }, n_b: { x: 100, y: 0 } } },
};
const none = { nodes: [], edges: [] };

describe('canvas node builder', () => {
  it('hands back the same object for every node that did not change', () => {
    const build = createCanvasNodeBuilder();
    const first = build(source, {}, {}, none);
    const dragging = build(source, { n_b: { x: 150, y: 10 } }, {}, none);
    expect(dragging[0]).toBe(first[0]);
    expect(dragging[1]).not.toBe(first[1]);
    expect(dragging[1]?.position).toEqual({ x: 150, y: 10 });
    const selected = build(source, { n_b: { x: 150, y: 10 } }, {}, { nodes: ['n_a'], edges: [] });
    expect(selected[0]?.selected).toBe(true);
    expect(selected[1]).toBe(dragging[1]);
  });

  it('hides every node the view sketch does not keep, and shows them again after it', () => {
    const build = createCanvasNodeBuilder();
    const before = build(source, {}, {}, none);
    const sketching = build(source, {}, {}, none, new Set(['n_b']));
    expect(sketching[0]?.hidden).toBe(true);
    expect(sketching[1]).toBe(before[1]);
    expect(sketching[1]?.hidden).toBeUndefined();
    const after = build(source, {}, {}, none, null);
    expect(after[0]?.hidden).toBeUndefined();
    expect(after[0]?.position).toEqual(before[0]?.position);
  });
});

describe('canvas edge builder', () => {
  const edges: FlowSource['edges'] = [
    {
      id: 'e_1',
      source: { node: 'n_a', port: 'out' },
      target: { node: 'n_b', port: 'in' },
      contract: null,
      raci: null,
    },
    {
      id: 'e_2',
      source: { node: 'n_b', port: 'out' },
      target: { node: 'n_c', port: 'in' },
      contract: null,
      raci: null,
    },
  ];

  it('hands back the same object for every edge whose document edge and selection did not change', () => {
    const build = createCanvasEdgeBuilder();
    const first = build(edges, none);
    const again = build([...edges], none);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    const selected = build(edges, { nodes: [], edges: ['e_2'] });
    expect(selected[0]).toBe(first[0]);
    expect(selected[1]).not.toBe(first[1]);
    expect(selected[1]?.selected).toBe(true);
    const edited = { ...edges[0]!, target: { node: 'n_c', port: 'in' } };
    const after = build([edited, edges[1]!], { nodes: [], edges: ['e_2'] });
    expect(after[0]).not.toBe(first[0]);
    expect(after[0]).toMatchObject({ id: 'e_1', target: 'n_c', targetHandle: 'in' });
    expect(after[1]).toBe(selected[1]);
  });
});

describe('palette search', () => {
  it('filters kinds by title, id, description or group, ignoring case', () => {
    const titles = (q: string) => paletteKinds.filter((s) => matchesPaletteQuery(s, q)).map((s) => s.kind);
    expect(titles('')).toHaveLength(paletteKinds.length);
    expect(titles('VALID')).toEqual(['validation']);
    expect(titles('zzz')).toEqual([]);
  });
});
