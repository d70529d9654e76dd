import type { Edge, Node } from '@xyflow/react';
import type { FlowSource, Position } from '@baton/schema';
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
 */
export function toCanvasNodes(
  source: FlowSource,
  livePositions: Record<string, Position>,
  measured: Record<string, { width: number; height: number }>,
  selection: Selection,
): CanvasNode[] {
  return createCanvasNodeBuilder()(source, livePositions, measured, selection);
}

export type CanvasNodeBuilder = typeof toCanvasNodes;

/**
 * `toCanvasNodes` that hands back the previous object for every node whose position, size,
 * selection and look did not change. While one node of 500 is dragged, React Flow then sees 499
 * identical objects and updates one node instead of diffing them all on every frame.
 */
export function createCanvasNodeBuilder(): CanvasNodeBuilder {
  let previous = new Map<string, CanvasNode>();
  return (source, livePositions, measured, selection) => {
    const selected = new Set(selection.nodes);
    const next = new Map<string, CanvasNode>();
    const nodes = source.nodes.map((node, index) => {
      const position = livePositions[node.id] ?? source.layout.nodes[node.id] ?? fallbackPosition(index);
      const size = measured[node.id];
      const isSelected = selected.has(node.id);
      const ariaLabel = `${node.kind} node ${node.label}`;
      const old = previous.get(node.id);
      if (
        old &&
        old.position.x === position.x &&
        old.position.y === position.y &&
        old.selected === isSelected &&
        old.measured === size &&
        old.type === node.kind &&
        old.ariaLabel === ariaLabel
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
      next.set(node.id, canvasNode);
      return canvasNode;
    });
    previous = next;
    return nodes;
  };
}

export function toCanvasEdges(source: FlowSource, selection: Selection): CanvasEdge[] {
  const selected = new Set(selection.edges);
  return source.edges.map((edge) => ({
    id: edge.id,
    type: 'baton',
    source: edge.source.node,
    sourceHandle: edge.source.port,
    target: edge.target.node,
    targetHandle: edge.target.port,
    data: {},
    selected: selected.has(edge.id),
    ariaLabel: `edge from ${edge.source.node}.${edge.source.port} to ${edge.target.node}.${edge.target.port}`,
  }));
}
