import { describe, expect, it } from 'vitest';
import { Position, type InternalNode, type Node } from '@xyflow/react';
import type { SourceEdge, SourceNode } from '@baton/schema';
import { buildSketchScene, type SketchPalette } from './sketch-scene';
import { escapeXml, sketchSvg } from './sketch-svg';
import { mix } from './sketch-palette';

const palette: SketchPalette = {
  text: 'rgb(28, 34, 48)',
  border: 'rgb(205, 210, 218)',
  surface: 'rgb(255, 255, 255)',
  accent: 'rgb(79, 70, 229)',
  danger: 'rgb(217, 45, 32)',
  warning: 'rgb(199, 119, 0)',
  edge: '#98a2b3',
  kinds: {
    trigger: { color: 'rgb(124, 58, 237)', tint: 'rgb(240, 235, 253)' },
    log: { color: 'rgb(71, 84, 103)', tint: 'rgb(233, 234, 236)' },
  },
  fallbackKind: { color: 'rgb(95, 107, 125)', tint: 'rgb(235, 236, 238)' },
};

/** A measured React Flow node as the store holds it: an input on the left, an output on the right. */
function internal(id: string, kind: string, x: number, y: number): InternalNode<Node> {
  return {
    id,
    type: kind,
    position: { x, y },
    data: {},
    measured: { width: 220, height: 80 },
    internals: {
      positionAbsolute: { x, y },
      z: 0,
      userNode: { id, position: { x, y }, data: {} },
      handleBounds: {
        target: [
          {
            id: 'in',
            nodeId: id,
            type: 'target',
            position: Position.Left,
            x: -8,
            y: 32,
            width: 16,
            height: 16,
          },
        ],
        source: [
          {
            id: 'out',
            nodeId: id,
            type: 'source',
            position: Position.Right,
            x: 212,
            y: 32,
            width: 16,
            height: 16,
          },
        ],
      },
    },
  };
}

const docNodes: SourceNode[] = [
  { id: 'a', kind: 'trigger', kindVersion: 1, label: 'Orders <in> & "out"', config: {} },
  { id: 'b', kind: 'log', kindVersion: 1, label: 'A name far too long for a compact body', config: {} },
  { id: 'c', kind: 'mystery', kindVersion: 1, label: 'Far away', config: {} } as unknown as SourceNode,
];
const edge = (id: string, from: string, to: string): SourceEdge => ({
  id,
  source: { node: from, port: 'out' },
  target: { node: to, port: 'in' },
  contract: null,
  raci: null,
});

function scene(
  selectedEdges: string[] = [],
  counts: Record<string, { errors: number; warnings: number }> = {},
  leaveOut: ReadonlySet<string> | null = null,
) {
  return buildSketchScene({
    nodeLookup: new Map([
      ['a', internal('a', 'trigger', 0, 0)],
      ['b', internal('b', 'log', 400, 100)],
      ['c', internal('c', 'mystery', 5000, 5000)],
    ]),
    edges: [edge('e1', 'a', 'b'), edge('e2', 'b', 'c'), edge('gone', 'a', 'nowhere')],
    selectedNodes: new Set(['a']),
    selectedEdges: new Set(selectedEdges),
    documentNodes: docNodes,
    diagnosticCounts: counts,
    palette,
    leaveOut,
  });
}

describe('sketch scene', () => {
  it('takes each node box, kind colours, cut label and handle centres from the measured node', () => {
    const { nodes } = scene();
    expect(nodes).toHaveLength(3);
    expect(nodes[0]).toMatchObject({ x: 0, y: 0, width: 220, height: 80, state: 'selected' });
    expect(nodes[0]?.color).toBe('rgb(124, 58, 237)');
    // A kind the palette does not know falls back to the muted colour.
    expect(nodes[2]?.color).toBe('rgb(95, 107, 125)');
    expect(nodes[1]?.label).toBe('A name far too long for…');
    expect(nodes[1]?.handles).toEqual([
      { x: 400, y: 140 },
      { x: 620, y: 140 },
    ]);
  });

  it('draws each edge from handle to handle, grouped by its state, and skips edges it cannot place', () => {
    const { edges } = scene(['e2'], { e1: { errors: 1, warnings: 0 } });
    expect(edges.error).toHaveLength(1);
    expect(edges.selected).toHaveLength(1);
    expect(edges.plain).toHaveLength(0);
    const e1 = edges.error[0]!;
    // From a's output (228, 40) to b's input (392, 140); the bounds hold the control points.
    expect(e1.path.startsWith('M228,40 C')).toBe(true);
    expect(e1.path.endsWith('392,140')).toBe(true);
    expect(e1).toMatchObject({ minX: 228, minY: 40, maxX: 392, maxY: 140 });
  });

  it('leaves out the nodes a drag moves and every edge attached to them (React Flow draws those)', () => {
    const { nodes, edges } = scene([], {}, new Set(['b']));
    expect(nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(Object.values(edges).flat()).toHaveLength(0);
    const { edges: kept } = scene([], {}, new Set(['c']));
    expect(kept.plain).toHaveLength(1);
    expect(kept.plain[0]?.path.startsWith('M228,40 C')).toBe(true);
  });

  it('marks nodes with problems when they are not selected', () => {
    const { nodes } = scene([], { b: { errors: 0, warnings: 2 }, a: { errors: 3, warnings: 0 } });
    expect(nodes.map((n) => n.state)).toEqual(['selected', 'warning', 'plain']);
  });
});

describe('sketch svg', () => {
  const region = { x: -100, y: -100, width: 1000, height: 600 };

  it('draws only what reaches into the region, in flow coordinates', () => {
    const svg = sketchSvg(scene(), region, 500, 300, false);
    expect(svg).toContain('width="500" height="300" viewBox="-100 -100 1000 600"');
    expect(svg).toContain('>A name far too long for…</text>');
    // Node c (at 5000, 5000) and the edge to it are outside the region.
    expect(svg).not.toContain('Far away');
    expect(svg.match(/<path fill="none"/g)).toHaveLength(1);
  });

  it('keeps markup in a node name as text', () => {
    const svg = sketchSvg(scene(), region, 500, 300, false);
    expect(svg).toContain('>Orders &#60;in&#62; &#38; &#34;out&#34;</text>');
    expect(escapeXml(`<script>'x'</script>`)).toBe('&#60;script&#62;&#39;x&#39;&#60;/script&#62;');
  });

  it('lays the dot grid under the graph only when asked', () => {
    expect(sketchSvg(scene(), region, 500, 300, false)).not.toContain('<pattern');
    const svg = sketchSvg(scene(), region, 500, 300, true);
    expect(svg).toContain('<pattern id="sketch-dots" x="-10" y="-10" width="20" height="20"');
    expect(svg.indexOf('url(#sketch-dots)')).toBeLessThan(svg.indexOf('<path'));
  });

  it('rings a selected node in the accent colour', () => {
    const svg = sketchSvg(scene(), region, 500, 300, false);
    expect(svg).toContain(`stroke="${palette.accent}" stroke-width="3"/>`);
  });
});

describe('sketch palette', () => {
  it('tints a kind colour on the surface as color-mix does', () => {
    expect(mix('rgb(37, 99, 235)', 'rgb(255, 255, 255)', 0.12)).toBe('rgb(229, 236, 253)');
  });
});
