import { describe, expect, it } from 'vitest';
import { emptySource, type FlowSource } from '@baton/schema';
import { createCanvasNodeBuilder } from './to-react-flow';
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
});

describe('palette search', () => {
  it('filters kinds by title, id, description or group, ignoring case', () => {
    const titles = (q: string) => paletteKinds.filter((s) => matchesPaletteQuery(s, q)).map((s) => s.kind);
    expect(titles('')).toHaveLength(paletteKinds.length);
    expect(titles('VALID')).toEqual(['validation']);
    expect(titles('zzz')).toEqual([]);
  });
});
