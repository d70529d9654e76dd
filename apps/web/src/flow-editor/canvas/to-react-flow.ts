import type { Edge, Node } from '@xyflow/react';
import type { FlowSource, Position, SourceEdge } from '@baton/schema';
import type { Selection } from '../store/editor-store';

export type CanvasNode = Node<Record<string, never>>;
export type CanvasEdge = Edge<Record<string, never>>;

/** Where a node sits when the layout has no entry for it (e.g. hand-written JSON). */
function fallbackPosition(index: number): Position {
  return { x: 80 + (index % 4) * 280, y: 80 + Math.floor(index / 4) * 160 };
}

/**
 * The controlled React Flow nodes for the document. The node views read their content from the
 * store by id, so `data` stays empty and a config edit re-renders one node, not the canvas.
 * `measured` is passed back in: a controlled React Flow without it treats nodes as unmeasured.
 * While the view sketch shows (`sketchKeeps` set, sketch/use-view-sketch.ts), every node not in
 * it is `hidden`.
 */
export function toCanvasNodes(
  source: FlowSource,
  livePositions: Record<string, Position>,
  measured: Record<string, { width: number; height: number }>,
  selection: Selection,
  sketchKeeps: ReadonlySet<string> | null = null,
): CanvasNode[] {
  return createCanvasNodeBuilder()(source, livePositions, measured, selection, sketchKeeps);
}

export type CanvasNodeBuilder = typeof toCanvasNodes;

/**
 * `toCanvasNodes` that hands back the previous object for every node whose position, size,
 * selection and look did not change. While one node of 500 is dragged, React Flow then sees 499
 * identical objects and updates one node instead of diffing them all on every frame.
 */
export function createCanvasNodeBuilder(): CanvasNodeBuilder {
  let previous = new Map<string, CanvasNode>();
  return (source, livePositions, measured, selection, sketchKeeps = null) => {
    const selected = new Set(selection.nodes);
    const next = new Map<string, CanvasNode>();
    const nodes = source.nodes.map((node, index) => {
      const position = livePositions[node.id] ?? source.layout.nodes[node.id] ?? fallbackPosition(index);
      const size = measured[node.id];
      const isSelected = selected.has(node.id);
      const ariaLabel = `${node.kind} node ${node.label}`;
      const hidden = sketchKeeps !== null && !sketchKeeps.has(node.id);
      const old = previous.get(node.id);
      if (
        old &&
        old.position.x === position.x &&
        old.position.y === position.y &&
        old.selected === isSelected &&
        old.measured === size &&
        old.type === node.kind &&
        old.ariaLabel === ariaLabel &&
        (old.hidden ?? false) === hidden
      ) {
        next.set(node.id, old);
        return old;
      }
      const canvasNode: CanvasNode = {
        id: node.id,
        type: node.kind,
        position,
        data: {},
        selected: isSelected,
        ariaLabel,
      };
      if (size) canvasNode.measured = size;
      if (hidden) canvasNode.hidden = true;
      next.set(node.id, canvasNode);
      return canvasNode;
    });
    previous = next;
    return nodes;
  };
}

export function toCanvasEdges(edges: readonly SourceEdge[], selection: Selection): CanvasEdge[] {
  return createCanvasEdgeBuilder()(edges, selection);
}

export type CanvasEdgeBuilder = typeof toCanvasEdges;

/**
 * `toCanvasEdges` that hands back the previous object for every edge whose document edge and
 * selection did not change (document edges keep their identity when another part changes). Without
 * it, dropping a dragged node or selecting one edge gave React Flow 600 new edge objects, and every
 * edge in view rendered again.
 */
export function createCanvasEdgeBuilder(): CanvasEdgeBuilder {
  let previous = new Map<string, { from: SourceEdge; edge: CanvasEdge }>();
  return (edges, selection) => {
    const selected = new Set(selection.edges);
    const next = new Map<string, { from: SourceEdge; edge: CanvasEdge }>();
    const result = edges.map((from) => {
      const isSelected = selected.has(from.id);
      const old = previous.get(from.id);
      const edge =
        old && old.from === from && old.edge.selected === isSelected
          ? old.edge
          : {
              id: from.id,
              type: 'baton',
              source: from.source.node,
              sourceHandle: from.source.port,
              target: from.target.node,
              targetHandle: from.target.port,
              data: {},
              selected: isSelected,
              ariaLabel: `edge from ${from.source.node}.${from.source.port} to ${from.target.node}.${from.target.port}`,
            };
      next.set(from.id, { from, edge });
      return edge;
    });
    previous = next;
    return result;
  };
}
