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
  const selected = new Set(selection.nodes);
  return source.nodes.map((node, index) => {
    const size = measured[node.id];
    const canvasNode: CanvasNode = {
      id: node.id,
      type: node.kind,
      position: livePositions[node.id] ?? source.layout.nodes[node.id] ?? fallbackPosition(index),
      data: {},
      selected: selected.has(node.id),
      ariaLabel: `${node.kind} node ${node.label}`,
    };
    if (size) canvasNode.measured = size;
    return canvasNode;
  });
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
